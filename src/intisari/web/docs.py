"""``/docs``: Swagger UI from this server's own files, so it works offline.

FastAPI's own ``/docs`` page loads Swagger UI from a CDN and so stays blank without the
internet (and needs a CSP that trusts the CDN). Here the script, stylesheet and icon come
from the ``fastapi-offline`` package, served under ``/docs/assets``, and the page is
FastAPI's own HTML pointing at them. Its one inline script (the ``SwaggerUIBundle({...})``
call) is allowed by its SHA-256 hash in the page's Content-Security-Policy: no
``'unsafe-inline'``, no other origin. ReDoc is not offered: it needs inline styles and a
blob worker, a looser policy for a second view of the same ``/openapi.json``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import re

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

__all__ = ["ASSETS_URL", "DOCS_URL", "docs_policy", "install_docs"]

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"
#: Swagger UI's files as the ``fastapi-offline`` package ships them.
ASSETS = importlib.resources.files("fastapi_offline") / "static"
#: Swagger UI settings: no badge from the online validator (an image from another origin).
SWAGGER_PARAMETERS = {"validatorUrl": None}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


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
