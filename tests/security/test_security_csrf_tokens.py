"""CSRF tokens (``CsrfTokens``) directly: one cookie per browser, kept across pages.

Mutation testing found that the suite passed with the cookie rotated on every page (a
form opened in one tab then fails once another tab has loaded): the API and page tests
only ever render one form.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

from starlette.requests import Request
from starlette.responses import Response

from intisari.web.security import CSRF_COOKIE, CsrfTokens

TOKENS = CsrfTokens("test-secret", cookie_secure=False)


def _request(cookie: str | None = None) -> Request:
    headers = [(b"cookie", f"{CSRF_COOKIE}={cookie}".encode())] if cookie else []
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers})


def _set_cookie(response: Response) -> SimpleCookie:
    jar: SimpleCookie = SimpleCookie()
    for name, value in response.raw_headers:
        if name == b"set-cookie":
            jar.load(value.decode())
    return jar


def test_a_new_browser_gets_a_strict_cookie_and_a_token_for_it() -> None:
    response = Response()
    token = TOKENS.token(_request(), response)
    cookie = _set_cookie(response)[CSRF_COOKIE]
    assert cookie["httponly"] and cookie["samesite"].lower() == "lax" and cookie["path"] == "/"
    assert len(cookie.value) >= 40  # 32 random bytes, URL-safe.
    assert TOKENS.check(_request(cookie.value), token)


def test_a_second_page_keeps_the_cookie_so_both_forms_stay_valid() -> None:
    first_page = Response()
    first = TOKENS.token(_request(), first_page)
    value = _set_cookie(first_page)[CSRF_COOKIE].value
    second_page = Response()
    second = TOKENS.token(_request(value), second_page)
    assert CSRF_COOKIE not in _set_cookie(second_page)  # No new cookie.
    assert TOKENS.check(_request(value), first) and TOKENS.check(_request(value), second)


def test_a_token_for_another_cookie_or_forged_is_refused() -> None:
    response = Response()
    token = TOKENS.token(_request(), response)
    assert not TOKENS.check(_request("another-browser"), token)
    assert not TOKENS.check(_request(_set_cookie(response)[CSRF_COOKIE].value), token + "x")
    assert not TOKENS.check(_request(), token)
