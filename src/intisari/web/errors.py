"""The last line of defence: any exception a route did not expect becomes a clean 500.

Routes turn the errors they expect into their documented answers (``ErrorOut`` JSON from
the API, an error page from the pages). Anything else is a bug, and a bug must still
answer like the rest of the service: JSON ``{"code": "internal-error", "message"}`` for
the API and for scripts, the error page for a browser, never a traceback, with the
traceback logged for us instead. Starlette's own fallback (``ServerErrorMiddleware``)
answers in plain text and sits outside the other middleware, so its answers would lack
the security headers; this one sits inside them.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from intisari.web.asgi import WatchedSend
from intisari.web.pages import error_page
from intisari.web.schemas import ErrorOut

__all__ = ["INTERNAL_ERROR", "INTERNAL_MESSAGE", "UnhandledErrorMiddleware", "wants_page"]

log = logging.getLogger(__name__)

#: The ``code`` of a 500 answer.
INTERNAL_ERROR = "internal-error"
INTERNAL_MESSAGE = "internal error; it has been logged"
#: The ``code`` of a 503 answer when the database went away during the request.
DATABASE_UNAVAILABLE = "database-unavailable"
#: Seconds a client is told to wait then: a restarted server or a replaced connection is
#: back within seconds.
DATABASE_RETRY_AFTER_S = 5
#: SQLAlchemy's errors for a database that stopped answering (not for a bad statement).
DATABASE_GONE = (OperationalError, InterfaceError)
#: Paths that are the API's, whatever the client accepts.
API_PREFIXES = ("/v1/", "/healthz", "/metrics", "/openapi.json")


def wants_page(request: Request) -> bool:
    """Whether the answer should be a page: a browser's request outside the API."""
    if request.url.path.startswith(API_PREFIXES):
        return False
    return "text/html" in request.headers.get("accept", "")


class UnhandledErrorMiddleware:
    """Answers 500 (JSON, or the error page for a browser) for any unexpected exception,
    and logs it with its traceback. Once a response has started (a stream broke off half
    way) nothing can be sent any more: the exception goes on to the server, which closes
    the connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watched = WatchedSend(send)
        try:
            await self.app(scope, receive, watched)
        except DATABASE_GONE as error:
            if watched.started:
                raise
            reason = (str(error.orig or error).splitlines() or [""])[0]
            log.warning("database unavailable in %s %s: %s: %s", scope.get("method"),
                        scope.get("path"), type(error).__name__, reason[:300])
            await _unavailable_response(Request(scope))(scope, receive, send)
        except Exception:
            if watched.started:
                raise
            log.exception("unhandled error in %s %s", scope.get("method"), scope.get("path"))
            response = _error_response(Request(scope))
            await response(scope, receive, send)


def _unavailable_response(request: Request) -> Response:
    headers = {"Retry-After": str(DATABASE_RETRY_AFTER_S)}
    if wants_page(request):
        page = error_page(request, "Try again in a moment",
                          "The service cannot reach its database just now.", 503)
        page.headers.update(headers)
        return page
    body = ErrorOut(code=DATABASE_UNAVAILABLE, message="the database is not answering; retry")
    return JSONResponse(body.model_dump(exclude_none=True), status_code=503, headers=headers)


def _error_response(request: Request) -> Response:
    if wants_page(request):
        return error_page(request, "Something went wrong", INTERNAL_MESSAGE, 500)
    body = ErrorOut(code=INTERNAL_ERROR, message=INTERNAL_MESSAGE)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=500)
