"""Who is calling: a reviewer's session cookie or an API token, and what their role allows.

- Browsers log in with name and password (argon2-checked) and get a session cookie,
  HttpOnly and SameSite=Lax (and Secure when ``INTISARI_COOKIE_SECURE``). The cookie is a
  random token of a session kept in the database (``service/accounts.py``), looked up on
  every request, so logging out or ``intisari reviewer revoke`` ends it at once, copies
  of the cookie included (a signed cookie lived until it expired, up to 8 hours). Unsafe
  requests (POST, PATCH, ...) authenticated by that cookie must carry the CSRF token
  (``X-CSRF-Token`` header; the pages check their form field themselves).
- Scripts send ``Authorization: Bearer <token>``; no cookie, so no CSRF token needed.

Who a request acts for (an account, or a publisher's API key) and what it may see and
do is decided in ``web/tenancy.py`` (``require_reviewer``, ``require_admin``): anonymous
callers of reviewer routes get 401, accounts without the reviewer role 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.service.accounts import (
    account_for_login_session,
    account_for_token,
    end_login_session,
    start_login_session,
)
from intisari.storage.models import Account
from intisari.web.deps import AppState, db_session

__all__ = [
    "ANONYMOUS_TOO",
    "BEARER",
    "SESSION_COOKIE",
    "BearerToken",
    "Principal",
    "current_principal",
    "end_session",
    "principal_of",
    "start_session",
]

SESSION_COOKIE = "intisari_session"
#: Methods that change nothing and so need no CSRF token.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

#: The API's security scheme in the OpenAPI document: ``Authorization: Bearer <token>``,
#: an account's API token or a publisher's key (``ipk_...``). Documentation only: it never
#: refuses (``auto_error=False``), and the token is read by ``principal_of`` and
#: ``tenancy.actor_of`` as before. A route that depends on it is marked as needing it.
BEARER = HTTPBearer(
    scheme_name="bearer",
    auto_error=False,
    description="An account's API token, or a publisher's key (`ipk_...`).",
)
#: The bearer token as a dependency (``None`` when none is sent).
BearerToken = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]
#: ``openapi_extra`` of a route that reads a token if one is sent but serves anonymous
#: callers too (with ``dependencies=[Security(BEARER)]``): OpenAPI's empty requirement
#: is "no credentials", an alternative to the bearer token.
ANONYMOUS_TOO: dict[str, object] = {"security": [{}]}


@dataclass(frozen=True)
class Principal:
    account: Account
    #: ``cookie`` or ``token``: only cookie-authenticated requests need a CSRF token.
    via: str


def start_session(
    state: AppState, session: Session, response: Response, account: Account
) -> str:
    """Log ``account`` in on ``response``; returns the new CSRF token for it."""
    lifetime_s = state.settings.session_max_age_s
    response.set_cookie(
        SESSION_COOKIE,
        start_login_session(session, account, lifetime_s),
        max_age=lifetime_s,
        httponly=True,
        samesite="lax",
        secure=state.settings.cookie_secure,
        path="/",
    )
    return state.csrf.signed(state.csrf.rotate(response))


def end_session(request: Request, session: Session, response: Response) -> None:
    """Log out: the session ends on the server, and the browser forgets the cookie."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        end_login_session(session, cookie)
    response.delete_cookie(SESSION_COOKIE, path="/")


def current_principal(
    request: Request, session: Annotated[Session, Depends(db_session)], _token: BearerToken
) -> Principal | None:
    """The logged-in account, or None (the dependency form of ``principal_of``; ``_token``
    only marks its routes as taking the bearer token in the OpenAPI document)."""
    return principal_of(request, session)


def principal_of(request: Request, session: Session) -> Principal | None:
    """The logged-in account, or None; a bad token or cookie counts as anonymous."""
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        account = account_for_token(session, token.strip())
        return None if account is None else Principal(account, "token")
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    account = account_for_login_session(session, cookie)
    return None if account is None else Principal(account, "cookie")
