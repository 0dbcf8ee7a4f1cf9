"""Size and time limits on requests as ``intisari serve`` reads them (uvicorn, httptools).

uvicorn's httptools protocol has no limit on the size of a request's headers (only its
pure-Python h11 protocol has ``h11_max_incomplete_event_size``) and no timeout while a
request arrives: its one timeout, ``timeout_keep_alive``, only runs between requests.
So a client could send one header byte a minute, or stop half-way through a body, and
keep the connection forever; a 200 MiB header was read to the end (50 s, +190 MiB of
memory), and a 120 MiB one held ``/healthz`` for 9.8 s, httptools joining its pieces as
they came (issue 10). This protocol is uvicorn's, with three limits added:

- ``max_header_bytes``: the request line and headers together; past it, 431 and the
  connection is closed. The bytes up to the blank line that ends the headers are counted
  before each network read is parsed, so an oversized request never reaches the app
  (counted after parsing, headers completed within one read had not been counted at all:
  100 KB of them were a 200 in a security trial);
- ``header_timeout_s``: from a request's first byte (or from connecting) to the end of
  its headers; then 408 and close;
- ``body_timeout_s``: the longest pause between two pieces of a body; then 408 and
  close (the app sees the client disconnect). A pause of the server's own making (it
  stops reading while the app has not taken what came) does not count.

What the protocol answers itself, these refusals and the parser's own 400 for a request it
cannot read, is JSON in the API's error shape (``{"code": ..., "message": ...}``, as
``web/schemas.py``'s ``ErrorOut``), not uvicorn's plain text: a client handles every
refusal one way.

The limits are settings (``Settings``), read once per process: ``intisari serve`` names
this class to uvicorn by its import path, so every worker process builds its own.
Behind a reverse proxy, set the same limits there too (SECURITY.md has nginx's).
"""

from __future__ import annotations

import asyncio
import json
from asyncio import TimerHandle
from functools import cache
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from intisari.settings import Settings

__all__ = ["PROTOCOL_PATH", "LimitedHttpToolsProtocol"]

#: What ``intisari serve`` passes to uvicorn as its HTTP protocol.
PROTOCOL_PATH = "intisari.web.http_limits:LimitedHttpToolsProtocol"


@cache
def _settings() -> Settings:
    """The limits, read once per process from the same ``INTISARI_*`` environment."""
    return Settings()


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a header size cap and read timeouts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = _settings()
        self._max_header_bytes = settings.max_header_bytes
        self._header_timeout_s = settings.header_timeout_s
        self._body_timeout_s = settings.body_timeout_s
        #: Between a request's first byte and the end of its headers.
        self._in_headers = False
        #: Between the end of a request's headers and the end of its body.
        self._in_body = False
        #: Bytes of the coming request's line and headers received so far.
        self._header_bytes = 0
        #: The last bytes of the headers so far: the blank line may span two reads.
        self._tail = b""
        self._timer: TimerHandle | None = None

    # Connection -------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self._header_timeout_s)  # a connection that never says anything

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.transport.is_closing():
            return
        if not self._in_body:
            seen = self._tail + data
            end = seen.find(b"\r\n\r\n")
            self._header_bytes += len(data) if end < 0 else max(0, end + 4 - len(self._tail))
            if self._header_bytes > self._max_header_bytes:
                self._refuse(431, "headers-too-large", "The request's headers are too large.")
                return
            self._tail = seen[-3:]
        super().data_received(data)

    # Parser callbacks -------------------------------------------------------------------

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_headers = True
        self._arm(self._header_timeout_s)

    def on_headers_complete(self) -> None:
        self._in_headers = False
        self._in_body = True
        self._header_bytes, self._tail = 0, b""  # the next request counts afresh
        self._arm(self._body_timeout_s)  # ended at once by on_message_complete if no body
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        self._arm(self._body_timeout_s)
        super().on_body(body)

    def on_message_complete(self) -> None:
        self._in_body = False
        self._disarm()
        super().on_message_complete()

    # Timers -----------------------------------------------------------------------------

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._timer = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expired(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self.flow is not None and self.flow.read_paused:
            # The server stopped reading (the app has not taken the body yet, or a
            # pipelined request waits its turn): the client is not the slow one.
            self._arm(self._body_timeout_s)
            return
        self._refuse(408, "request-timeout", "The request did not arrive in time.")

    def send_400_response(self, msg: str) -> None:
        """The parser could not read the request ("Invalid HTTP request received.")."""
        self._refuse(400, "bad-request", msg)

    def _refuse(self, status: int, code: str, message: str) -> None:
        """Answer ``status`` with a JSON error (unless a response has begun) and close the
        connection."""
        self._disarm()
        if self.cycle is None or not self.cycle.response_started:
            body = json.dumps({"code": code, "message": message}).encode()
            head = [STATUS_LINE[status]]
            for name, value in self.server_state.default_headers:  # server, date
                head.extend([name, b": ", value, b"\r\n"])
            self.transport.write(
                b"".join(head)
                + b"content-type: application/json\r\ncontent-length: %d\r\n"
                b"connection: close\r\n\r\n%s" % (len(body), body)
            )
        self.transport.close()
