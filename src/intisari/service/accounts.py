"""Who may review: logging in (rate-limited, the same for the API and the login form),
login sessions and API tokens.

The web's ``auth.py`` keeps what is HTTP (cookies, headers, CSRF); what is stored and
checked is here, over ``storage/accounts.py``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from intisari.service import limits
from intisari.service.state import Client, ServiceState
from intisari.storage.accounts import (
    account_for_login_session,
    account_for_token,
    end_login_session,
    start_login_session,
    verify_login,
)
from intisari.storage.models import Account

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_PASSWORD_CHARS",
    "account_for_login_session",
    "account_for_token",
    "end_login_session",
    "log_in",
    "start_login_session",
]

#: Longest login name and password read: longer ones are no account's (and argon2 need
#: not hash megabytes).
MAX_NAME_CHARS = 100
MAX_PASSWORD_CHARS = 1000


def log_in(
    state: ServiceState, session: Session, client: Client, name: str, password: str
) -> Account | None:
    """The account ``name`` if ``password`` is its password, else None. Counts one attempt
    against the client's login limit first (``RateLimited`` over it)."""
    limits.hit(state, limits.LOGIN, client.hash)
    return verify_login(session, name[:MAX_NAME_CHARS], password[:MAX_PASSWORD_CHARS])
