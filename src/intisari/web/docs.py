"""``/docs``: Swagger UI from this server's own files, so it works offline.

FastAPI's own ``/docs`` page loads Swagger UI from a CDN and so stays blank without the
internet (and needs a CSP that trusts the CDN). Here the script, stylesheet and icon come
from the ``fastapi-offline`` package, served under ``/docs/assets``, and the page is
FastAPI's own HTML pointing at them. Its one inline script (the ``SwaggerUIBundle({...})``
call) is allowed by its SHA-256 hash in the page's Content-Security-Policy: no
``'unsafe-inline'``, no other origin. ReDoc is not offered: it needs inline styles and a
blob worker, a looser policy for a second view of the same ``/openapi.json``.

``/openapi.json`` is FastAPI's, less the 422 answer FastAPI documents by itself for a route
with parameters (``install_openapi``): its body would be FastAPI's ``HTTPValidationError``,
which this service never sends (its 422 is an ``ErrorOut``, and the routes that can give
one list it with ``api.error_responses``).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import json
import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

__all__ = ["ASSETS_URL", "DOCS_URL", "docs_policy", "install_docs", "install_openapi"]

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"
#: Swagger UI's files as the ``fastapi-offline`` package ships them.
ASSETS = importlib.resources.files("fastapi_offline") / "static"
#: Swagger UI settings: no badge from the online validator (an image from another origin).
SWAGGER_PARAMETERS = {"validatorUrl": None}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
#: FastAPI's own 422 body, and the schema it is made of.
FRAMEWORK_422 = "#/components/schemas/HTTPValidationError"
FRAMEWORK_SCHEMAS = ("HTTPValidationError", "ValidationError")


def docs_policy(html: str) -> str:
    """The page's CSP: its own files, plus exactly its inline scripts (by hash)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


def install_docs(app: FastAPI) -> None:
    """Add ``/docs`` and its assets to ``app`` (made with ``docs_url=None``)."""
    assert app.openapi_url is not None
    app.mount(ASSETS_URL, StaticFiles(directory=str(ASSETS)), name="docs-assets")
    page = get_swagger_ui_html(
        openapi_url=app.openapi_url,
        title=f"{app.title} - API",
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
        oauth2_redirect_url=None,
        swagger_ui_parameters=SWAGGER_PARAMETERS,
    )
    html = bytes(page.body).decode()
    headers = {"Content-Security-Policy": docs_policy(html)}

    @app.get(DOCS_URL, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(html, headers=headers)


def install_openapi(app: FastAPI) -> None:
    """Make ``app``'s OpenAPI document without the 422 answers FastAPI adds by itself.

    FastAPI documents a 422 with its ``HTTPValidationError`` body on every route that has
    a parameter, unless the route lists its own 422. The routes that can refuse their
    input list it (``ErrorOut``); the others (``GET /v1/summaries/{summary_id}``: a path
    of any text cannot be invalid) never answer 422, so the entry is dropped, and with it
    the schemas nothing refers to any more.
    """
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = without_framework_422(make())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def without_framework_422(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with FastAPI's own 422 answers and their schemas taken out (in place)."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            answer = operation.get("responses", {}).get("422", {})
            schemas = [
                media.get("schema", {}).get("$ref")
                for media in answer.get("content", {}).values()
            ]
            if FRAMEWORK_422 in schemas:
                del operation["responses"]["422"]
    components = spec.get("components", {}).get("schemas", {})
    for name in FRAMEWORK_SCHEMAS:
        schema = components.pop(name, None)
        if schema is not None and f'"#/components/schemas/{name}"' in json.dumps(spec):
            components[name] = schema  # still referred to: not only FastAPI's 422 uses it
    return spec
