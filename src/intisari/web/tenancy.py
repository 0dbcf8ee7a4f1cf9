"""Who a request acts for: an account (cookie or token), a publisher's API key, or nobody,
and which publishers' rows that lets it see (its *scope*, ``service/publishers.py``).

- A publisher's key (``Authorization: Bearer ipk_...``) acts as that publisher: its
  summaries are stored under it, and it may read, report on, hide and review (as a
  ``reviewer``) only that publisher's summaries and reports. It may not administer:
  settings, keys and webhooks need an admin's account.
- An account with a ``publisher_id`` (a newsroom's editors and reviewers) sees only that
  publisher's rows; an account without one (the instance's staff) sees every publisher.
- Anonymous callers see the default publisher's summaries, as before publishers existed.

A key is told from an account token by its prefix, so an ``ipk_`` token costs one
prepared query (``storage.tenants.key_for``) and never an account lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session
from starlette.requests import Request

from intisari.roles import allows
from intisari.service.publishers import ANONYMOUS_SCOPE, KEY_PREFIX, Scope, key_for
from intisari.web.auth import SAFE_METHODS, SESSION_COOKIE, BearerToken, principal_of
from intisari.web.deps import ApiError, AppState, app_state, db_session
from intisari.web.security import CSRF_HEADER

__all__ = [
    "Actor",
    "actor_of",
    "has_credentials",
    "request_scope",
    "require_admin",
    "require_editor",
    "require_reviewer",
    "scope_of",
]

#: What a publisher's key may do: read and decide its reports, hide its boxes.
KEY_ROLE = "reviewer"
#: ``reviewed_by`` holds 100 characters.
MAX_ACTOR_NAME = 100


@dataclass(frozen=True)
class Actor:
    """Who is calling, as far as tenancy and roles go."""

    #: The account's name, or ``key <label>`` for a publisher's key.
    name: str
    role: str
    #: The publisher it acts for; ``None``: the instance's staff (every publisher).
    publisher_id: int | None
    #: ``cookie``, ``token`` or ``key``: only cookie-authenticated writes need CSRF.
    via: str

    @property
    def scope(self) -> Scope:
        return self.publisher_id

    @property
    def instance_staff(self) -> bool:
        return self.via != "key" and self.publisher_id is None


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def has_credentials(request: Request) -> bool:
    """Whether the request carries a token or a session cookie (else it is anonymous,
    and nothing need be looked up)."""
    return _bearer(request) is not None or SESSION_COOKIE in request.cookies


def actor_of(request: Request, state: AppState, session: Session) -> Actor | None:
    """The caller, or None when anonymous (an expired session cookie is only anonymous,
    as on every public route).

    A bearer token that is given but unknown or revoked is 401 on every route, never
    silently the default publisher's caller: a CMS whose key was revoked had gone on
    reading the default publisher's boxes and filing reports on them, and its own boxes
    answered 404 (an API trial)."""
    token = _bearer(request)
    if token is not None and token.startswith(KEY_PREFIX):
        key = key_for(state, token)
        if key is None:
            raise _unknown_token()
        return Actor(f"key {key.label}"[:MAX_ACTOR_NAME], KEY_ROLE, key.publisher_id, "key")
    principal = principal_of(request, session)
    if principal is None:
        if token is not None:
            raise _unknown_token()
        return None
    account = principal.account
    return Actor(account.name, account.role, account.publisher_id, principal.via)


def _unknown_token() -> ApiError:
    return ApiError(401, "unauthorized", "unknown or revoked API key or token",
                    {"WWW-Authenticate": "Bearer"})


def scope_of(actor: Actor | None) -> Scope:
    """What ``actor`` may see; anonymous callers get the default publisher."""
    return ANONYMOUS_SCOPE if actor is None else actor.scope


def request_scope(request: Request, state: AppState, session: Session) -> Scope:
    """``scope_of`` the request's caller (no lookup for an anonymous request)."""
    if not has_credentials(request):
        return ANONYMOUS_SCOPE
    return scope_of(actor_of(request, state, session))


def current_actor(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    session: Annotated[Session, Depends(db_session)],
    _token: BearerToken,
) -> Actor | None:
    """``actor_of`` as a dependency: the routes that need a caller (``require_*``) are
    marked in the OpenAPI document as taking the bearer token (``_token``, unused: the
    session cookie is read too)."""
    return actor_of(request, state, session)


def _authenticated(request: Request, state: AppState, actor: Actor | None) -> Actor:
    """``actor``, or 401 when anonymous; 403 for a cookie-authenticated write without a
    CSRF token."""
    if actor is None:
        raise HTTPException(
            401, detail="log in or send an API token", headers={"WWW-Authenticate": "Bearer"}
        )
    if (
        actor.via == "cookie"
        and request.method not in SAFE_METHODS
        and not state.csrf.check(request, request.headers.get(CSRF_HEADER))
    ):
        raise HTTPException(403, detail=f"missing or wrong {CSRF_HEADER} header")
    return actor


def require_reviewer(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    actor: Annotated[Actor | None, Depends(current_actor)],
) -> Actor:
    """The caller if it may review (a publisher's key may, for its own rows): 401
    anonymous, 403 wrong role or no CSRF token."""
    actor = _authenticated(request, state, actor)
    if not allows(actor.role, "review"):
        raise HTTPException(403, detail=f"role {actor.role!r} cannot review")
    return actor


def require_editor(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    actor: Annotated[Actor | None, Depends(current_actor)],
) -> Actor:
    """The caller if it may approve and change boxes: 401 anonymous, 403 for other roles,
    for publisher keys (a key reviews; a box's words change only by a person, whom the
    audit log names) and for a cookie-authenticated change without its CSRF token."""
    actor = _authenticated(request, state, actor)
    if actor.via == "key" or not allows(actor.role, "edit"):
        raise HTTPException(403, detail=f"role {actor.role!r} cannot edit")
    return actor


def require_admin(
    request: Request,
    state: Annotated[AppState, Depends(app_state)],
    actor: Annotated[Actor | None, Depends(current_actor)],
) -> Actor:
    """An admin's account (instance-wide, or of one publisher): 401 anonymous, 403 for
    other roles and for publisher keys (a leaked key must not mint more keys)."""
    actor = _authenticated(request, state, actor)
    if actor.via == "key" or not allows(actor.role, "administer"):
        raise HTTPException(403, detail="only an admin's account may manage publishers")
    return actor
