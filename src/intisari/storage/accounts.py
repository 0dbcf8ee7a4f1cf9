"""Reviewer accounts and API tokens: argon2 for passwords, SHA-256 for random tokens.

Used by the API's login, the review pages and ``intisari reviewer add``. Mutating
functions commit before they return.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from intisari.storage.models import ROLES, Account, ApiToken

__all__ = [
    "TOKEN_PREFIX",
    "account_for_token",
    "create_account",
    "get_account",
    "get_account_by_name",
    "mint_token",
    "revoke_tokens",
    "set_password",
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
    session: Session, name: str, password: str | None, role: str = "reviewer"
) -> Account:
    """A new account; ``password`` None makes a token-only account (for scripts)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    account = Account(
        name=name, role=role, password_hash=None if password is None else _HASHER.hash(password)
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
    result = session.execute(delete(ApiToken).where(ApiToken.account_id == account.id))
    session.commit()
    return result.rowcount


def account_for_token(session: Session, token: str) -> Account | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    return None if row is None else row.account


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
