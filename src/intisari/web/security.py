"""Guards around every request: security headers, rate limits, CSRF tokens, client identity.

The request-body cap is one middleware, ``BodyCapMiddleware``, installed by
``app.create_app`` inside the other middleware, so that its 413 gets the others' headers:
it answers a ``Content-Length`` over the cap before anything is read, and counts the bytes
of a body streamed without one. Both answers are the API's JSON error, in one wording
(``BodyCapMiddleware.message``), and a browser's form gets a page (``app.create_app``
gives the middleware its page, and ``_http_error`` the same for the streamed case's
``BodyOverCap``).
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import ipaddress
import logging
import secrets
import threading
import time
from collections.abc import Callable

import redis
from itsdangerous import BadSignature, URLSafeSerializer
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intisari.errors import InputTooLarge
from intisari.web.asgi import WatchedSend
from intisari.web.schemas import ErrorOut

__all__ = [
    "CSRF_COOKIE",
    "CSRF_HEADER",
    "HTML_CSP",
    "BodyCapMiddleware",
    "BodyOverCap",
    "CsrfTokens",
    "MemoryRateLimiter",
    "RedisRateLimiter",
    "SecurityHeadersMiddleware",
    "client_address",
    "client_group",
    "client_hash",
]

log = logging.getLogger(__name__)

#: Pages may load scripts, styles and images only from this server: no inline script,
#: so a comment that slipped through escaping still could not run.
HTML_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: JSON and text responses are never rendered: deny everything.
DATA_CSP = "default-src 'none'; frame-ancestors 'none'"

CSRF_COOKIE = "intisari_csrf"
CSRF_HEADER = "X-CSRF-Token"
#: The form field the pages put the token in.
CSRF_FIELD = "csrf_token"


class SecurityHeadersMiddleware:
    """Adds the headers every response needs; HTML responses get the strict CSP unless
    they bring their own (``/docs`` allows its inline script by hash, ``web/docs.py``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                is_html = headers.get("content-type", "").startswith("text/html")
                headers.setdefault("Content-Security-Policy", HTML_CSP if is_html else DATA_CSP)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "same-origin")
            await send(message)

        await self.app(scope, receive, send_with_headers)


# Client identity ----------------------------------------------------------------------


class BodyOverCap(HTTPException):
    """A body streamed without a ``Content-Length`` went over the cap while a route read
    it: an ``HTTPException``, so that FastAPI lets it through its body parsing (anything
    else it turns into a 400 "There was an error parsing the body") to the app's handler
    (``_http_error``: the JSON error, or the form's page); ``BodyCapMiddleware`` answers
    it too, if it gets past the handlers."""

    #: The ``code`` of its JSON answer: the engine's, whichever cap the input was over.
    code = InputTooLarge.code

    def __init__(self, message: str) -> None:
        super().__init__(status_code=413, detail=message)


class BodyCapMiddleware:
    """413 in the service's JSON error shape for a request body over the cap
    (``INTISARI_MAX_BODY_BYTES``): at once for a ``Content-Length`` over it, before the
    body is read, and as soon as a body streamed without one (chunked) goes over it.

    Starlette's body-limit middleware, which counted the streamed body, said "Content Too
    Large" (in plain text when its error got past the handlers): not what the cap is nor
    where it is set, which the declared case said. Both cases now say ``message``.

    ``page`` makes the answer for a browser (the request and the message; ``None``: JSON
    after all): a form posted from a page got the API's raw JSON.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_body_size: int,
        page: Callable[[Request, str], Response | None] | None = None,
    ) -> None:
        self.app = app
        self.max_body_size = max_body_size
        self.page = page

    def message(self, size: int | None) -> str:
        """What the 413 says of a body of ``size`` bytes, or of a streamed one (``None``:
        its whole size is never known, only that it went over)."""
        sent = f"{size:,} bytes" if size is not None else f"more than {self.max_body_size:,} bytes"
        return (
            f"the request body is {sent}; at most {self.max_body_size:,} are read "
            "(INTISARI_MAX_BODY_BYTES)"
        )

    def answer(self, request: Request, message: str) -> Response:
        """The 413: the browser's page, else the JSON error."""
        response = None if self.page is None else self.page(request, message)
        if response is None:
            body = ErrorOut(code=BodyOverCap.code, message=message)
            response = JSONResponse(body.model_dump(exclude_none=True), status_code=413)
        return response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_size:
            await self.answer(Request(scope), self.message(int(declared)))(scope, receive, send)
            return
        received = 0

        async def receive_counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_size:
                    raise BodyOverCap(self.message(None))
            return message

        watched = WatchedSend(send)
        try:
            await self.app(scope, receive_counted, watched)
        except BodyOverCap as error:
            if watched.started:  # too late for another answer: the server closes it
                raise
            await self.answer(Request(scope), error.detail)(scope, receive, send)


def client_address(request: Request, trust_forwarded_for: bool) -> str:
    """Who is asking: the proxy's ``X-Forwarded-For`` if trusted, else the peer address."""
    if trust_forwarded_for:
        forwarded = request.headers.get("x-forwarded-for", "")
        first = forwarded.split(",")[0].strip()
        if first:
            return first
    return request.client.host if request.client else "unknown"


def client_group(address: str, ipv6_prefix: int) -> str:
    """The client as limits count it: an IPv4 address, or the IPv6 network of its first
    ``ipv6_prefix`` bits (``2001:db8:1:2::/64``).

    One home or server gets a whole /64, and picks addresses in it at will: counted
    address by address, one client would be 2**64 clients. An IPv4 address written as
    IPv6 (``::ffff:192.0.2.1``) is that IPv4 address; anything that is not an address
    (a proxy's odd ``X-Forwarded-For``) is kept as it is.
    """
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv4Address):
        return address
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.IPv6Network((parsed, ipv6_prefix), strict=False))


def client_hash(secret: str, address: str) -> str:
    """A keyed hash of the address: stable enough to merge duplicates, useless to track."""
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()


# Rate limits --------------------------------------------------------------------------


class MemoryRateLimiter:
    """Counters in this process (the default: one worker, no Redis needed).

    Expired counters are dropped a few at a time on each hit, oldest end first (a heap of
    window ends), so a hit costs the same with ten keys or a million: sweeping the whole
    dict at once, under the lock, cost 13.5 ms a hit past ~100k live keys.
    """

    #: Expired counters dropped per hit, at most. More than one, so that the expired ones
    #: shrink even while every hit makes a new counter (a flood of new clients); bounded,
    #: so that a million counters ending at the same second are not dropped in one hit.
    EXPIRE_PER_HIT = 4

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: (key, window size, window number) -> hits in that window
        self._counts: dict[tuple[str, int, int], int] = {}
        #: (when the window ends, its counter's key), smallest end first
        self._ends: list[tuple[float, tuple[str, int, int]]] = []

    def hit(self, key: str, limit: int, window_s: int) -> int | None:
        now = time.time()
        window = int(now // window_s)
        slot = (key, window_s, window)
        with self._lock:
            for _ in range(self.EXPIRE_PER_HIT):
                if not self._ends or self._ends[0][0] > now:
                    break
                del self._counts[heapq.heappop(self._ends)[1]]
            count = self._counts.get(slot, 0) + 1
            self._counts[slot] = count
            if count == 1:
                heapq.heappush(self._ends, ((window + 1) * window_s, slot))
        return None if count <= limit else _retry_after(now, window, window_s)

    def __len__(self) -> int:
        """Counters held, expired ones not yet dropped included."""
        return len(self._counts)


class RedisRateLimiter:
    """Counters in Redis, shared by every worker and server.

    If Redis cannot be reached the request is allowed (and logged): rate limiting protects
    the service, and losing a reader's report to an outage would be worse than a burst.
    """

    def __init__(self, url: str) -> None:
        self._redis = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)

    def hit(self, key: str, limit: int, window_s: int) -> int | None:
        now = time.time()
        window = int(now // window_s)
        name = f"intisari:rate:{key}:{window_s}:{window}"
        try:
            pipe = self._redis.pipeline()
            pipe.incr(name)
            pipe.expire(name, window_s + 1)
            count = int(pipe.execute()[0])
        except redis.RedisError as error:
            log.warning("rate limit not applied, Redis failed: %s", error)
            return None
        return None if count <= limit else _retry_after(now, window, window_s)


def _retry_after(now: float, window: int, window_s: int) -> int:
    return max(1, int((window + 1) * window_s - now + 0.999))


# CSRF ---------------------------------------------------------------------------------


class CsrfTokens:
    """Double-submit tokens, signed: a random value in an HttpOnly cookie, and its signed
    form in the page's form field or the ``X-CSRF-Token`` header.

    Another site can make a browser send the cookie but cannot read it, so it cannot
    produce the matching signed token. Requests authenticated by a Bearer token carry no
    cookie credentials and need no CSRF token.
    """

    def __init__(self, secret: str, cookie_secure: bool) -> None:
        self._signer = URLSafeSerializer(secret, salt="intisari.csrf")
        self._secure = cookie_secure

    def token(self, request: Request, response: Response) -> str:
        """The token to embed in a form; sets the cookie on ``response`` if it is missing."""
        value = request.cookies.get(CSRF_COOKIE)
        if not value:
            value = self.rotate(response)
        return self._signer.dumps(value)

    def rotate(self, response: Response) -> str:
        """A fresh cookie value (at login, so a token from before it stops working)."""
        value = secrets.token_urlsafe(32)
        response.set_cookie(
            CSRF_COOKIE, value, httponly=True, samesite="lax", secure=self._secure, path="/"
        )
        return value

    def signed(self, value: str) -> str:
        return self._signer.dumps(value)

    def check(self, request: Request, token: str | None) -> bool:
        """True if ``token`` is the signed form of this browser's cookie."""
        value = request.cookies.get(CSRF_COOKIE)
        if not value or not token:
            return False
        try:
            signed_value = self._signer.loads(token)
        except BadSignature:
            return False
        return isinstance(signed_value, str) and hmac.compare_digest(signed_value, value)
