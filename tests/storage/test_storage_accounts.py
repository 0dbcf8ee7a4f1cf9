"""Reviewer accounts: argon2 passwords, hashed API tokens, login sessions on the server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from intisari.storage import accounts
from intisari.storage.models import ApiToken, LoginSession, utcnow


def test_password_is_stored_as_argon2_hash(session: Session) -> None:
    account = accounts.create_account(session, "rina", "correct horse")
    assert account.password_hash is not None
    assert account.password_hash.startswith("$argon2id$")
    assert "correct horse" not in account.password_hash


def test_login_checks_the_password(session: Session) -> None:
    accounts.create_account(session, "rina", "correct horse", role="admin")
    found = accounts.verify_login(session, "rina", "correct horse")
    assert found is not None and found.role == "admin"
    assert accounts.verify_login(session, "rina", "wrong horse") is None
    assert accounts.verify_login(session, "nobody", "correct horse") is None


def test_token_only_accounts_cannot_log_in(session: Session) -> None:
    bot = accounts.create_account(session, "bot", None)
    assert accounts.verify_login(session, "bot", "") is None
    token = accounts.mint_token(session, bot)
    assert accounts.account_for_token(session, token).name == "bot"


def test_tokens_are_stored_hashed(session: Session) -> None:
    account = accounts.create_account(session, "rina", "correct horse")
    token = accounts.mint_token(session, account)
    assert token.startswith(accounts.TOKEN_PREFIX)
    stored = session.query(ApiToken).one()
    assert token not in stored.token_hash
    assert accounts.account_for_token(session, token).id == account.id
    assert accounts.account_for_token(session, token + "x") is None


def test_revoking_deletes_every_token_of_one_account_only(session: Session) -> None:
    rina = accounts.create_account(session, "rina", "correct horse")
    bot = accounts.create_account(session, "bot", None)
    rina_tokens = [accounts.mint_token(session, rina) for _ in range(2)]
    bot_token = accounts.mint_token(session, bot)
    assert accounts.revoke_tokens(session, rina) == 2
    assert all(accounts.account_for_token(session, t) is None for t in rina_tokens)
    assert accounts.account_for_token(session, bot_token).name == "bot"
    assert accounts.verify_login(session, "rina", "correct horse") is not None
    assert accounts.revoke_tokens(session, rina) == 0


def test_unknown_role_is_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="role"):
        accounts.create_account(session, "rina", "correct horse", role="owner")


def test_a_login_session_lives_until_ended_or_expired(session: Session) -> None:
    rina = accounts.create_account(session, "rina", "correct horse")
    token = accounts.start_login_session(session, rina, 3600)
    assert accounts.account_for_login_session(session, token).name == "rina"
    assert session.query(LoginSession).one().token_hash != token  # only the hash is kept
    accounts.end_login_session(session, token)
    assert accounts.account_for_login_session(session, token) is None

    expired = accounts.start_login_session(session, rina, 3600)
    session.query(LoginSession).update({"expires_at": utcnow() - timedelta(seconds=1)})
    session.commit()
    assert accounts.account_for_login_session(session, expired) is None
    accounts.start_login_session(session, rina, 3600)  # a login sweeps out expired sessions
    assert session.query(LoginSession).count() == 1


def test_ending_every_session_of_one_account_only(session: Session) -> None:
    rina = accounts.create_account(session, "rina", "correct horse")
    budi = accounts.create_account(session, "budi", "battery staple")
    rinas = [accounts.start_login_session(session, rina, 3600) for _ in range(2)]
    budis = accounts.start_login_session(session, budi, 3600)
    assert accounts.end_login_sessions(session, rina) == 2
    assert all(accounts.account_for_login_session(session, t) is None for t in rinas)
    assert accounts.account_for_login_session(session, budis).name == "budi"
