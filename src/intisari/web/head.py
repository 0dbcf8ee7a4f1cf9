"""``HEAD`` on every ``GET`` route: the same status and headers, no body (RFC 9110, 9.3.2).

FastAPI registers only the methods a route names, so ``HEAD /healthz`` was a 405 while
monitors, link checkers and caches use ``HEAD`` to ask whether a page is there. This
middleware answers a ``HEAD`` as the ``GET`` it stands for and drops the body, so no
route needs a second declaration (and the OpenAPI document does not list each twice).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HeadAsGetMiddleware"]


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the last (empty) body message ends the response
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
