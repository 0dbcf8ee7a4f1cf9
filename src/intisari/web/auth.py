"""Who is calling: a reviewer's session cookie or an API token, and what their role allows.

- Browsers log in with name and password (argon2-checked) and get a signed session cookie,
  HttpOnly and SameSite=Lax (and Secure when ``INTISARI_COOKIE_SECURE``). Unsafe requests
  (POST, PATCH, ...) authenticated by that cookie must carry the CSRF token
  (``X-CSRF-Token`` header; the pages check their form field themselves).
- Scripts send ``Authorization: Bearer <token>``; no cookie, so no CSRF token needed.

Anonymous callers of reviewer routes get 401, accounts without the reviewer role 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.storage.accounts import account_for_token, get_account
from intisari.storage.models import Account
from intisari.web.deps import AppState, app_state, db_session
from intisari.web.security import CSRF_HEADER

__all__ = [
    "REVIEW_ROLES",
    "SESSION_COOKIE",
    "Principal",
    "current_principal",
    "end_session",
    "principal_of",
    "require_reviewer",
    "start_session",
]

SESSION_COOKIE = "intisari_session"
#: Roles allowed to see and decide on reports.
REVIEW_ROLES = ("reviewer", "admin")
#: Methods that change nothing and so need no CSRF token.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Principal:
    account: Account
    #: ``cookie`` or ``token``: only cookie-authenticated requests need a CSRF token.
    via: str


def _sessions(state: AppState) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(state.secret, salt="intisari.session")


def start_session(state: AppState, response: Response, account: Account) -> str:
    """Log ``account`` in on ``response``; returns the new CSRF token for it."""
    response.set_cookie(
        SESSION_COOKIE,
        _sessions(state).dumps({"account": account.id}),
        max_age=state.settings.session_max_age_s,
        httponly=True,
        samesite="lax",
        secure=state.settings.cookie_secure,
        path="/",
    )
    return state.csrf.signed(state.csrf.rotate(response))


def end_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def current_principal(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    session: Annotated[Session, Depends(db_session)],
) -> Principal | None:
    """The logged-in account, or None (the dependency form of ``principal_of``)."""
    return principal_of(request, state, session)


def principal_of(request: Request, state: AppState, session: Session) -> Principal | None:
    """The logged-in account, or None; a bad token or cookie counts as anonymous."""
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        account = account_for_token(session, token.strip())
        return None if account is None else Principal(account, "token")
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    try:
        data = _sessions(state).loads(cookie, max_age=state.settings.session_max_age_s)
    except BadSignature:
        return None
    account_id = data.get("account") if isinstance(data, dict) else None
    if not isinstance(account_id, int):
        return None
    account = get_account(session, account_id)
    return None if account is None else Principal(account, "cookie")


def require_reviewer(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    principal: Annotated[Principal | None, Depends(current_principal)],
) -> Account:
    """The reviewer making this request: 401 if anonymous, 403 if not allowed or no CSRF."""
    if principal is None:
        raise HTTPException(
            401, detail="log in or send an API token", headers={"WWW-Authenticate": "Bearer"}
        )
    if principal.account.role not in REVIEW_ROLES:
        raise HTTPException(403, detail=f"role {principal.account.role!r} cannot review")
    if (
        principal.via == "cookie"
        and request.method not in SAFE_METHODS
        and not state.csrf.check(request, request.headers.get(CSRF_HEADER))
    ):
        raise HTTPException(403, detail=f"missing or wrong {CSRF_HEADER} header")
    return principal.account
