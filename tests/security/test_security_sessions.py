"""Logging out and ``intisari reviewer revoke`` end a reviewer's session at once.

Issue 10, item 6: the session cookie was a signed account id, so a copy of it (a shared
computer, a proxy log, malware) kept working for up to 8 hours after logout or revoke.
Sessions now live in the database; the cookie is only a random token of one of them.
On SQLite and PostgreSQL; revoking goes through the real command.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from typer.testing import CliRunner

from app_fixtures import PASSWORD, client_on_each_database, make_account, make_client, settings
from intisari.cli import app as cli
from intisari.storage.models import LoginSession, utcnow
from intisari.web.auth import SESSION_COOKIE

__all__ = ["client_on_each_database", "make_client", "settings"]


def _log_in(client: TestClient) -> tuple[str, str]:
    """Log rina in; the session cookie (as an attacker would copy it) and the CSRF token."""
    make_account(client.app, "rina", "reviewer")  # type: ignore[arg-type]
    answer = client.post("/v1/auth/login", json={"name": "rina", "password": PASSWORD})
    assert answer.status_code == 200
    return client.cookies[SESSION_COOKIE], answer.json()["csrf_token"]


def _with_copy(client: TestClient, cookie: str, path: str) -> int:
    """The status a request with only the copied cookie gets."""
    status: int = client.get(path, headers={"Cookie": f"{SESSION_COOKIE}={cookie}"}).status_code
    return status


def test_a_copied_cookie_is_401_after_logout(client_on_each_database: TestClient) -> None:
    client = client_on_each_database
    cookie, _ = _log_in(client)
    assert _with_copy(client, cookie, "/v1/reports") == 200
    assert client.post("/v1/auth/logout").status_code == 204
    assert _with_copy(client, cookie, "/v1/reports") == 401
    assert _with_copy(client, cookie, "/v1/auth/me") == 401


def test_a_copied_cookie_is_401_after_revoke(
    client_on_each_database: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_on_each_database
    cookie, _ = _log_in(client)
    assert _with_copy(client, cookie, "/v1/reports") == 200
    database_url = client.app.state.intisari.settings.database_url  # type: ignore[attr-defined]
    monkeypatch.setenv("INTISARI_DATABASE_URL", database_url)
    revoked = CliRunner().invoke(cli, ["reviewer", "revoke", "rina"])
    assert revoked.exit_code == 0 and "ended 1 login(s)" in revoked.stderr
    assert _with_copy(client, cookie, "/v1/reports") == 401


def test_logging_out_of_the_dashboard_ends_the_session(client: TestClient) -> None:
    cookie, _ = _log_in(client)
    page = client.get("/review").text
    token = re.search(r'action="/review/logout".*?name="csrf_token" value="([^"]+)"', page, re.S)
    assert token is not None
    assert client.post("/review/logout", data={"csrf_token": token.group(1)}).status_code == 200
    assert _with_copy(client, cookie, "/v1/reports") == 401


def test_logging_out_ends_only_that_browsers_session(
    client: TestClient, make_client: Callable[..., TestClient]
) -> None:
    cookie, _ = _log_in(client)
    other = make_client()
    login = other.post("/v1/auth/login", json={"name": "rina", "password": PASSWORD})
    assert login.status_code == 200
    assert other.post("/v1/auth/logout").status_code == 204
    assert _with_copy(client, cookie, "/v1/reports") == 200


def test_a_made_up_or_expired_cookie_is_anonymous(client: TestClient) -> None:
    cookie, _ = _log_in(client)
    assert _with_copy(client, secrets.token_urlsafe(32), "/v1/reports") == 401
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        session.execute(update(LoginSession).values(expires_at=utcnow()))
        session.commit()
    assert _with_copy(client, cookie, "/v1/reports") == 401
