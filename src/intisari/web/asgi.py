"""What the service's own ASGI middleware share: knowing whether an answer has begun.

A middleware that turns an exception into an answer of its own (the body cap's 413, the
database's 503) may do so only while nothing of the app's answer has been sent; after
``http.response.start`` another answer would be a second one on the same connection, so
the exception goes on and the server closes it.
"""

from __future__ import annotations

from starlette.types import Message, Send

__all__ = ["WatchedSend"]


class WatchedSend:
    """``send``, remembering whether the answer has started (``started``)."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self.send(message)
