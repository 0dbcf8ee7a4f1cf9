"""The service as one FastAPI app: ``create_app(settings)`` wires storage, guards and routes.

``intisari serve`` runs ``create_app()`` under uvicorn; tests make as many apps as they
like, each with its own database, rate limiter and metrics registry.

Middleware, outermost first: ``HEAD`` answered as ``GET`` (``web/head.py``), metrics
(times everything), security headers, the embed's CORS headers on every answer of its
routes, errors too (``web/embed.py``), the catch-all for unexpected exceptions
(``web/errors.py``), the request-body cap (``web/security.py``), then the routes.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Mount
from starlette.staticfiles import StaticFiles

from intisari._version import __version__
from intisari.errors import InputTooLarge
from intisari.service.bodies import BodyCache
from intisari.service.engine_pool import EnginePool, load_ranker
from intisari.service.errors import ServiceError
from intisari.service.fetch_slots import FetchSlots
from intisari.service.setup import instance_secret, open_database
from intisari.service.state import RateLimiter
from intisari.service.webhooks import DeliveryWorker
from intisari.settings import Settings
from intisari.web import api, editorial, embed, pages, publishers, verify, votes
from intisari.web.deps import AppState
from intisari.web.docs import install_docs, install_openapi
from intisari.web.errors import UnhandledErrorMiddleware, wants_page
from intisari.web.head import HeadAsGetMiddleware
from intisari.web.metrics import Metrics, MetricsMiddleware
from intisari.web.pages import error_page, too_large_form
from intisari.web.schemas import ErrorDetail, ErrorOut
from intisari.web.security import (
    BodyCapMiddleware,
    CsrfTokens,
    MemoryRateLimiter,
    RedisRateLimiter,
    SecurityHeadersMiddleware,
)

__all__ = ["create_app"]

#: The ``code`` of error answers, by status (others get the status phrase as a slug);
#: 413 is the engine's ``InputTooLarge.code``, whichever cap the input was over.
ERROR_CODES = {
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: InputTooLarge.code,
    422: "invalid-request",
    429: "rate-limited",
}

#: FastAPI's error type for a body sent as JSON that does not parse (a 400 here).
JSON_INVALID = "json_invalid"
#: What a JSON route answers a body in another media type (415): the one it takes.
UNSUPPORTED_BODY_MESSAGE = (
    "the request body must be JSON: send it with Content-Type: application/json"
)

#: The methods a route may take (``HEAD`` is ``GET``'s, ``web/head.py``).
ROUTE_METHODS = ("DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT")
#: What routing adds to a request's scope (the route found, its parameters).
ROUTING_SCOPE_KEYS = ("fastapi", "route", "endpoint", "path_params")

#: Name of the secret the instance creates for itself when INTISARI_SECRET_KEY is unset.
COOKIE_KEY_SECRET = "cookie-key"


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready app: migrations applied (unless turned off), routes and guards installed."""
    settings = settings or Settings()
    engine, sessions = open_database(settings)
    secret = settings.secret_key or instance_secret(sessions, COOKIE_KEY_SECRET)
    limiter: RateLimiter = (
        RedisRateLimiter(settings.redis_url) if settings.redis_url else MemoryRateLimiter()
    )
    metrics = Metrics()
    load_ranker(settings.engine_ranker)  # a wrong name fails here, not in every worker
    engine_pool = EnginePool(
        settings.engine_processes,
        settings.engine_deadline_s,
        settings.engine_queue,
        settings.engine_ranker,
        waiting_s=settings.llm_timeout_s if settings.llm_url else 0.0,
    )

    webhook_worker = DeliveryWorker(sessions, settings, settings.engine_options())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        webhook_worker.start()
        yield
        webhook_worker.stop()
        engine_pool.close()
        engine.dispose()

    app = FastAPI(
        title="Intisari",
        version=__version__,
        description="Grounded Key Takeaways for news articles, and readers' error reports.",
        lifespan=lifespan,
        # /docs is our own, offline (web/docs.py); no ReDoc, no OAuth2 redirect page.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        # A form's field may be as large as the body cap lets it be: Starlette's own cap
        # of 1 MiB a field refused the start page's 1.2 MB article with a raw JSON 400,
        # though the engine takes text up to its cap (``Options.max_input_bytes``), which
        # it refuses past on the form's page in the reader's words.
        form_limits={"max_part_size": settings.max_body_bytes},
    )
    app.state.intisari = AppState(
        settings=settings,
        engine=engine,
        sessions=sessions,
        limiter=limiter,
        metrics=metrics,
        csrf=CsrfTokens(secret, settings.cookie_secure),
        secret=secret,
        options=settings.engine_options(),
        bodies=BodyCache(),
        engine_pool=engine_pool,
        fetch_slots=FetchSlots(settings.fetch_max_concurrent),
    )
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(api.router)
    app.include_router(verify.router)
    app.include_router(publishers.router)
    app.include_router(editorial.router)
    app.include_router(embed.router)
    app.include_router(votes.router)
    install_docs(app)
    install_openapi(app)
    # The pages (`/`, `/a/{summary_id}`, `/review`) and their stylesheet and script.
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")
    # Innermost, so that its 413 passes through the others: FastAPI's own cap
    # (``max_body_size``) sits outside them all, and its 413 lacked the security headers
    # and the embed's CORS header (the publisher's page saw a CORS failure, not the 413).
    app.add_middleware(
        BodyCapMiddleware, max_body_size=settings.max_body_bytes, page=_too_large_page
    )
    app.add_middleware(UnhandledErrorMiddleware)
    app.add_middleware(embed.EmbedCorsMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(HeadAsGetMiddleware)
    return app


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if error.status_code == 404 and wants_page(request):
        # A browser at an address we do not have ("/nope", "/static/x") got the API's raw
        # JSON: a page with no title, no language and no way back.
        return error_page(request, "Page not found", "There is no page at this address.", 404)
    if error.status_code == 413:  # a streamed body over the cap (``BodyOverCap``)
        page = _too_large_page(request, str(error.detail))
        if page is not None:
            return page
    code = getattr(error, "code", None) or _slug(error.status_code)
    body = ErrorOut(code=code, message=str(error.detail))
    headers = error.headers
    if error.status_code == 405 and headers and "Allow" in headers:
        headers = {**headers, "Allow": allowed_methods(request) or headers["Allow"]}
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=error.status_code, headers=headers
    )


def _too_large_page(request: Request, message: str) -> Response | None:
    """The body cap's 413 for a browser (the form it posted, its text too long), or None
    for the API's JSON."""
    return too_large_form(request, message) if wants_page(request) else None


def allowed_methods(request: Request) -> str:
    """Every method the request's path takes, for a 405's ``Allow`` (RFC 9110, 15.5.6).

    Starlette routes each method of a path separately and names only the first route's
    methods (``PUT /v1/summaries/{id}`` said ``Allow: GET``, though ``PATCH`` is there
    too). Each method is asked of the app's routes as the router asks (``matches``, the
    public route interface, which FastAPI's included routers answer too); ``HEAD`` goes
    with ``GET`` (``web/head.py``). A mount (the static files) takes any method and
    answers its own 405, so it is not asked; empty when nothing else matches.
    """
    # The request as it came, without what routing it added.
    scope = {k: v for k, v in request.scope.items() if k not in ROUTING_SCOPE_KEYS}
    routes = [r for r in request.app.router.routes if not isinstance(r, Mount)]
    methods = {
        method
        for method in ROUTE_METHODS
        if any(r.matches({**scope, "method": method})[0] is Match.FULL for r in routes)
    }
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


async def _service_error(_request: Request, error: Exception) -> JSONResponse:
    """What the service refused, as JSON: its status, code and one-line message."""
    assert isinstance(error, ServiceError)
    body = ErrorOut(code=error.code, message=error.message)
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=error.status, headers=error.headers
    )


#: What a 422 says when pydantic gave no error at all (it always gives one).
_NO_DETAIL = ErrorDetail(loc=[], msg="invalid request", type="")

#: Pydantic's label of one member of a union in an error's loc: ``constrained-str``,
#: ``list[constrained-str]``, ``function-after[...]``. It names pydantic's types, not the
#: request's fields ("body.summary.list[constrained-str]" for the list given as summary),
#: so the loc drops it. A field's name is a plain identifier and never one of these.
_TYPE_LABEL = re.compile(
    r"(?:str|int|float|bool|bytes|list|dict|tuple|set|frozenset|none|constrained-\w+"
    r"|function-\w+|lax-or-strict|json-or-python|is-instance|nullable|union|tagged-union)"
    r"(?:\[.*\])?",
    re.DOTALL,
)

#: Pydantic's words about its own steps in a length message ("List should have at most
#: 100 items after validation, not 101"): the reader checks the input, not a validation.
_PYDANTIC_AFTER = " after validation"


def _is_type_label(part: object) -> bool:
    return isinstance(part, str) and _TYPE_LABEL.fullmatch(part) is not None


async def _validation_error(request: Request, error: Exception) -> Response:
    """422 with where and why, but without echoing the input (it may be megabytes); a
    browser asking for a page with a malformed address ("/a/ID/report?takeaway=abc") gets
    the error page, as it does for an address that names nothing."""
    assert isinstance(error, RequestValidationError)
    if wants_page(request):
        return error_page(request, "Bad address", "This address is not one of ours.", 422)
    unreadable = _unreadable_body(error)
    if unreadable is not None:
        status, code, message = unreadable
        return JSONResponse(
            ErrorOut(code=code, message=message).model_dump(exclude_none=True),
            status_code=status,
        )
    details = [
        ErrorDetail(
            loc=[part for part in e.get("loc", ()) if not _is_type_label(part)],
            msg=e.get("msg", "").replace(_PYDANTIC_AFTER, ""),
            type=e.get("type", ""),
        )
        for e in error.errors()
    ]
    # A field that takes one of several types (``/v1/verify``'s summary: text or a list)
    # fails once per type; the message names the failure of the type the input has
    # ("List should have at most 100 items", not "Input should be a valid string"), and
    # when each is a wrong type, the one that went furthest into the input
    # ("summary[3]: Input should be a valid string", of a list with a number in it).
    first = next(
        (d for d in details if not d.type.endswith("_type")),
        max(details, key=lambda d: len(d.loc)) if details else _NO_DETAIL,
    )
    where = "".join(
        f"[{part}]" if isinstance(part, int) else f"{'.' if i else ''}{part}"
        for i, part in enumerate(first.loc)
    )
    body = ErrorOut(code="invalid-request", message=f"{where}: {first.msg}", details=details)
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=422)


def _unreadable_body(error: RequestValidationError) -> tuple[int, str, str] | None:
    """The status, code and message for a body FastAPI could not read as JSON, or None
    when it read one and only its content was refused (422).

    FastAPI reports both as a 422 validation error: JSON that does not parse as
    ``body.9: JSON decode error`` (the document promises 400 for an unreadable body), and a
    body in another media type (``text/plain``, a form, none declared), which it hands to
    the model as bytes, as "Input should be a valid dictionary or object": the body's
    content is fine, its format is not the one the route takes (415).
    """
    for problem in error.errors():
        loc = tuple(problem.get("loc", ()))
        if problem.get("type") == JSON_INVALID:
            reason = (problem.get("ctx") or {}).get("error", "it does not parse")
            where = f" at character {loc[1]}" if len(loc) > 1 else ""
            message = f"the request body is not valid JSON: {reason}{where}"
            return 400, _slug(400), message
        if loc == ("body",) and isinstance(problem.get("input"), bytes | bytearray):
            return 415, _slug(415), UNSUPPORTED_BODY_MESSAGE
    return None


def _slug(status: int) -> str:
    return ERROR_CODES.get(status) or HTTPStatus(status).phrase.lower().replace(" ", "-")
