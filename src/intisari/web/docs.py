"""``/docs``: Swagger UI from this server's own files, so it works offline.

FastAPI's own ``/docs`` page loads Swagger UI from a CDN and so stays blank without the
internet (and needs a CSP that trusts the CDN). Here the script, stylesheet and icon come
from the ``fastapi-offline`` package, served under ``/docs/assets``, and the page is
FastAPI's own HTML pointing at them. Its one inline script (the ``SwaggerUIBundle({...})``
call) is allowed by its SHA-256 hash in the page's Content-Security-Policy: no
``'unsafe-inline'``, no other origin. ReDoc is not offered: it needs inline styles and a
blob worker, a looser policy for a second view of the same ``/openapi.json``.

``/openapi.json`` is FastAPI's, with the service's error answers (``install_openapi``):

- one body for every error, ``ErrorOut`` (``web/schemas.py``, what the handlers of
  ``web/app.py`` and ``web/errors.py`` write), declared once among the components;
- the answers an operation gives by its shape alone, whatever it does, added here
  (``with_shape_errors``): a JSON body can be unreadable (400), over the body cap (413),
  in another media type than JSON (415) or refused (422), a query or a typed path
  parameter refused (422), a bearer token unknown or revoked (401);
- the answers of what a route does (a wrong role, an unknown id, a stale revision, a
  rate limit, a busy engine, the 503 of a database that stopped answering on a route that
  opens it), which each route lists with ``error_responses`` (or its router, for all of
  its routes);
- ``Retry-After`` on every 429 and 503.

FastAPI's own 422 answer (``HTTPValidationError``), which it documents by itself for a
route with parameters, is taken out: this service never sends it.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import json
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from pydantic.json_schema import models_json_schema
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from intisari.web.schemas import ErrorOut

__all__ = [
    "ASSETS_URL",
    "DOCS_URL",
    "docs_policy",
    "error_responses",
    "install_docs",
    "install_openapi",
]

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
#: Where the document keeps its schemas, and the body of every error answer among them.
COMPONENTS = "#/components/schemas/{model}"
ERROR_BODY = {"$ref": COMPONENTS.format(model=ErrorOut.__name__)}
#: The statuses whose answer says how long to wait, and whether it always does: a rate
#: limit always (``service/limits.py``, a publisher's quota); a 503 when waiting helps (a
#: busy engine or fetch slot, the database gone during a request), not ``/healthz``'s.
RETRY_AFTER = {429: True, 503: False}
#: What any operation with a JSON body can answer: a body that is not JSON (400: it does
#: not parse, or is not UTF-8), over the cap (413), in another media type (415), or
#: refused (422).
BODY_ERRORS = (400, 413, 415, 422)
#: What an error answer of these statuses means, where its phrase alone does not say.
DESCRIPTIONS = {
    400: "Request body is not valid JSON (or not UTF-8)",
    413: "Request body over INTISARI_MAX_BODY_BYTES, or article too large",
    415: "Request body is not sent as Content-Type: application/json",
}
#: A path parameter's schema that any text meets (``/v1/summaries/{summary_id}``).
ANY_TEXT = {"type": "string"}


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


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for error answers: the ``ErrorOut`` body, and ``Retry-After`` where
    the status says to wait. A route lists the answers of what it does; those of its shape
    are added to every operation (``with_shape_errors``)."""
    entries: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        description = DESCRIPTIONS.get(status, HTTPStatus(status).phrase)
        content: dict[str, Any] = {"application/json": {"schema": dict(ERROR_BODY)}}
        entry: dict[str, Any] = {"description": description, "content": content}
        if status in RETRY_AFTER:
            entry["headers"] = {
                "Retry-After": {
                    "description": "Seconds to wait before asking again",
                    "required": RETRY_AFTER[status],
                    "schema": {"type": "integer", "minimum": 1},
                }
            }
        entries[status] = entry
    return entries


def install_openapi(app: FastAPI) -> None:
    """Make ``app``'s OpenAPI document with the service's error answers, without the 422
    answers FastAPI adds by itself.

    FastAPI documents a 422 with its ``HTTPValidationError`` body on every route that has
    a parameter, unless the route lists its own 422. It is dropped, with the schemas
    nothing refers to any more; the 422 of an operation whose input can be refused comes
    back as the service's (``with_shape_errors``), and the others
    (``GET /v1/summaries/{summary_id}``: a path of any text cannot be invalid) have none.
    """
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = with_shape_errors(without_framework_422(make()))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def with_shape_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with ``ErrorOut`` among its schemas and, on each operation, the error
    answers of its shape (in place): ``BODY_ERRORS`` for a JSON body, 422 for a parameter
    that can be refused, 401 when it takes the bearer token. An answer the route lists
    itself stays as the route has it."""
    _mapping, schemas = models_json_schema([(ErrorOut, "serialization")], ref_template=COMPONENTS)
    spec.setdefault("components", {}).setdefault("schemas", {}).update(schemas["$defs"])
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            shape: set[int] = set()
            if "requestBody" in operation:
                shape.update(BODY_ERRORS)
            if any(_can_be_refused(parameter) for parameter in operation.get("parameters", [])):
                shape.add(422)
            if "security" in operation:
                shape.add(401)
            derived = {str(status): entry for status, entry in error_responses(*shape).items()}
            answers = {**derived, **operation.get("responses", {})}
            operation["responses"] = {status: answers[status] for status in sorted(answers)}
    return spec


def _can_be_refused(parameter: dict[str, Any]) -> bool:
    """Whether a value of the parameter can be refused (422): any but a path's text."""
    schema = {k: v for k, v in parameter.get("schema", {}).items() if k != "title"}
    return parameter["in"] != "path" or schema != ANY_TEXT


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
