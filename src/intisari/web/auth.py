"""Who is calling: a reviewer's session cookie or an API token, and what their role allows.

- Browsers log in with name and password (argon2-checked) and get a session cookie,
  HttpOnly and SameSite=Lax (and Secure when ``INTISARI_COOKIE_SECURE``). The cookie is a
  random token of a session kept in the database (``service/accounts.py``), looked up on
  every request, so logging out or ``intisari reviewer revoke`` ends it at once, copies
  of the cookie included (a signed cookie lived until it expired, up to 8 hours). Unsafe
  requests (POST, PATCH, ...) authenticated by that cookie must carry the CSRF token
  (``X-CSRF-Token`` header; the pages check their form field themselves).
- Scripts send ``Authorization: Bearer <token>``; no cookie, so no CSRF token needed.

Anonymous callers of reviewer routes get 401, accounts without the reviewer role 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.roles import Permission, allows
from intisari.service.accounts import (
    account_for_login_session,
    account_for_token,
    end_login_session,
    start_login_session,
)
from intisari.storage.models import Account
from intisari.web.deps import AppState, app_state, db_session
from intisari.web.security import CSRF_HEADER

__all__ = [
    "SESSION_COOKIE",
    "Principal",
    "current_principal",
    "end_session",
    "principal_of",
    "require_editor",
    "require_reviewer",
    "start_session",
]

SESSION_COOKIE = "intisari_session"
#: Methods that change nothing and so need no CSRF token.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


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
    request: Request, session: Annotated[Session, Depends(db_session)]
) -> Principal | None:
    """The logged-in account, or None (the dependency form of ``principal_of``)."""
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


def require_reviewer(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    principal: Annotated[Principal | None, Depends(current_principal)],
) -> Account:
    """The reviewer making this request: 401 if anonymous, 403 if not allowed or no CSRF."""
    return _allowed(request, state, principal, "review")


def require_editor(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    principal: Annotated[Principal | None, Depends(current_principal)],
) -> Account:
    """The editor making this request (approve and change boxes): 401 if anonymous, 403
    if the role may not edit or a cookie-authenticated change lacks its CSRF token."""
    return _allowed(request, state, principal, "edit")


def _allowed(
    request: Request, state: AppState, principal: Principal | None, permission: Permission
) -> Account:
    if principal is None:
        raise HTTPException(
            401, detail="log in or send an API token", headers={"WWW-Authenticate": "Bearer"}
        )
    if not allows(principal.account.role, permission):
        raise HTTPException(403, detail=f"role {principal.account.role!r} cannot {permission}")
    if (
        principal.via == "cookie"
        and request.method not in SAFE_METHODS
        and not state.csrf.check(request, request.headers.get(CSRF_HEADER))
    ):
        raise HTTPException(403, detail=f"missing or wrong {CSRF_HEADER} header")
    return principal.account
