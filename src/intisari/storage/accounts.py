"""Reviewer accounts, API tokens and login sessions: argon2 for passwords, SHA-256 for
random tokens (the bearer tokens and the session cookies alike).

Used by the API's login, the review pages and ``intisari reviewer``. Mutating functions
commit before they return.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from intisari.storage.models import ROLES, Account, ApiToken, LoginSession, utcnow

__all__ = [
    "TOKEN_PREFIX",
    "account_for_login_session",
    "account_for_token",
    "create_account",
    "end_login_session",
    "end_login_sessions",
    "get_account",
    "get_account_by_name",
    "mint_token",
    "revoke_tokens",
    "set_password",
    "start_login_session",
    "verify_login",
]

#: Tokens start with this, so a leaked one is recognizable by secret scanners.
TOKEN_PREFIX = "isk_"
#: 32 random bytes: 256 bits, beyond guessing.
TOKEN_BYTES = 32

_HASHER = PasswordHasher()  # argon2id with argon2-cffi's RFC 9106 low-memory defaults
#: Verified against when the name is unknown, so a wrong name costs as long as a wrong
#: password and response times do not reveal which names exist.
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


def create_account(
    session: Session,
    name: str,
    password: str | None,
    role: str = "reviewer",
    publisher_id: int | None = None,
) -> Account:
    """A new account; ``password`` None makes a token-only account (for scripts).
    ``publisher_id`` makes it a newsroom's (it sees that publisher's boxes only); None,
    the instance's own staff."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    account = Account(
        name=name,
        role=role,
        password_hash=None if password is None else _HASHER.hash(password),
        publisher_id=publisher_id,
    )
    session.add(account)
    session.commit()
    return account


def set_password(session: Session, account: Account, password: str) -> None:
    account.password_hash = _HASHER.hash(password)
    session.commit()


def get_account(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)


def get_account_by_name(session: Session, name: str) -> Account | None:
    return session.scalar(select(Account).where(Account.name == name))


def verify_login(session: Session, name: str, password: str) -> Account | None:
    """The account if ``password`` is right, else None (same cost for unknown names)."""
    account = get_account_by_name(session, name)
    stored = account.password_hash if account is not None else None
    try:
        _HASHER.verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if account is None or stored is None:
        return None
    if _HASHER.check_needs_rehash(stored):  # parameters got stronger since it was hashed
        set_password(session, account, password)
    return account


def mint_token(session: Session, account: Account) -> str:
    """A new API token for ``account``; returned once, only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    session.add(ApiToken(account_id=account.id, token_hash=_token_hash(token)))
    session.commit()
    return token


def revoke_tokens(session: Session, account: Account) -> int:
    """Delete every API token of ``account`` (a leaked one, say); how many there were.

    A revoked token fails on its next request: every request looks its hash up afresh.
    """
    statement = delete(ApiToken).where(ApiToken.account_id == account.id)
    result = cast(CursorResult[Any], session.execute(statement))
    session.commit()
    return result.rowcount


def account_for_token(session: Session, token: str) -> Account | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    return None if row is None else row.account


def start_login_session(session: Session, account: Account, lifetime_s: int) -> str:
    """A new login session of ``account``: returns the cookie's token (only its hash is
    kept). Sessions that have expired, anyone's, are deleted on the way."""
    now = utcnow()
    session.execute(delete(LoginSession).where(LoginSession.expires_at <= now))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        LoginSession(
            account_id=account.id,
            token_hash=_token_hash(token),
            created_at=now,
            expires_at=now + timedelta(seconds=lifetime_s),
        )
    )
    session.commit()
    return token


def account_for_login_session(session: Session, token: str) -> Account | None:
    """The account logged in with this cookie token, if the session exists and is live."""
    row = session.scalar(
        select(LoginSession).where(
            LoginSession.token_hash == _token_hash(token), LoginSession.expires_at > utcnow()
        )
    )
    return None if row is None else row.account


def end_login_session(session: Session, token: str) -> None:
    """Log out: the session of this cookie token ends (a copy of the cookie with it)."""
    session.execute(delete(LoginSession).where(LoginSession.token_hash == _token_hash(token)))
    session.commit()


def end_login_sessions(session: Session, account: Account) -> int:
    """End every login session of ``account`` (``reviewer revoke``); how many there were."""
    statement = delete(LoginSession).where(LoginSession.account_id == account.id)
    result = cast(CursorResult[Any], session.execute(statement))
    session.commit()
    return result.rowcount


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
