"""Reviewer routes: 401 anonymous or revoked, 403 wrong role or missing CSRF; hashed
passwords; HttpOnly SameSite session cookies; CSRF tokens on every form post."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intisari.storage.accounts import get_account_by_name, revoke_tokens
from intisari.storage.models import Account


def _reviewer_routes(summary_id: str) -> list[tuple[str, str, dict[str, Any] | None]]:
    return [
        ("GET", "/v1/reports", None),
        ("GET", "/v1/reports/export", None),
        ("PATCH", "/v1/reports/1", {"status": "confirmed"}),
        ("PATCH", f"/v1/summaries/{summary_id}", {"hidden": True}),
    ]


def test_reviewer_routes_401_anonymous(client: TestClient, summary: dict[str, Any]) -> None:
    for method, path, body in _reviewer_routes(summary["summary_id"]):
        response = client.request(method, path, json=body)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_reviewer_routes_401_with_bad_token(client: TestClient, summary: dict[str, Any]) -> None:
    headers = {"Authorization": "Bearer not-a-token"}
    for method, path, body in _reviewer_routes(summary["summary_id"]):
        assert client.request(method, path, json=body, headers=headers).status_code == 401


def test_reviewer_routes_403_wrong_role(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str]
) -> None:
    headers = {"Authorization": f"Bearer {token_for('budi', 'reader')}"}
    for method, path, body in _reviewer_routes(summary["summary_id"]):
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == 403, (method, path)


def test_reviewer_token_allowed(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str]
) -> None:
    headers = {"Authorization": f"Bearer {token_for('rina', 'reviewer')}"}
    assert client.get("/v1/reports", headers=headers).status_code == 200


def test_a_revoked_token_is_401_at_once(
    client: TestClient, token_for: Callable[[str, str], str]
) -> None:
    headers = {"Authorization": f"Bearer {token_for('rina', 'reviewer')}"}
    assert client.get("/v1/reports", headers=headers).status_code == 200
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        account = get_account_by_name(session, "rina")
        assert account is not None
        revoke_tokens(session, account)
    assert client.get("/v1/reports", headers=headers).status_code == 401


def test_passwords_stored_hashed(
    client: TestClient, token_for: Callable[[str, str], str], password: str
) -> None:
    token_for("rina", "reviewer")
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        stored = session.scalars(select(Account).where(Account.name == "rina")).one()
    assert stored.password_hash is not None
    assert stored.password_hash.startswith("$argon2id$")
    assert password not in stored.password_hash


def _login(client: TestClient, password: str) -> Any:
    return client.post("/v1/auth/login", json={"name": "rina", "password": password})


def test_session_cookie_httponly_samesite(
    client: TestClient, token_for: Callable[[str, str], str], password: str
) -> None:
    token_for("rina", "reviewer")
    response = _login(client, password)
    assert response.status_code == 200
    cookies = response.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith("intisari_session="))
    csrf_cookie = next(c for c in cookies if c.startswith("intisari_csrf="))
    for cookie in (session_cookie, csrf_cookie):
        assert "httponly" in cookie.lower()
        assert "samesite=lax" in cookie.lower()


def test_secure_cookie_setting(
    make_client: Callable[..., TestClient], password: str, token_for: Callable[[str, str], str]
) -> None:
    token_for("rina", "reviewer")
    secure = make_client(cookie_secure=True)
    cookies = _login(secure, password).headers.get_list("set-cookie")
    assert all("secure" in cookie.lower() for cookie in cookies)


def test_wrong_password_401(
    client: TestClient, token_for: Callable[[str, str], str], password: str
) -> None:
    token_for("rina", "reviewer")
    assert _login(client, password + "x").status_code == 401


def test_cookie_session_unsafe_request_without_csrf_403(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str],
    password: str,
) -> None:
    token_for("rina", "reviewer")
    csrf = _login(client, password).json()["csrf_token"]
    path, body = f"/v1/summaries/{summary['summary_id']}", {"hidden": True}
    assert client.patch(path, json=body).status_code == 403
    assert client.patch(path, json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert client.patch(path, json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert client.get("/v1/reports").status_code == 200  # Safe methods need no token.


def _form_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


@pytest.mark.parametrize("with_token", [False, True])
def test_csrf_on_report_form_post(
    client: TestClient, summary: dict[str, Any], with_token: bool
) -> None:
    page = client.get(f"/a/{summary['summary_id']}")
    assert page.status_code == 200
    form = {"takeaway_index": "0", "category": "inaccurate", "comment": "salah"}
    if with_token:
        form["csrf_token"] = _form_token(page.text)
    response = client.post(f"/a/{summary['summary_id']}/report", data=form)
    assert response.status_code == (200 if with_token else 403)


def test_csrf_token_of_another_browser_refused(
    client: TestClient, make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    # An attacker's page can hold its own valid token, but not the victim's cookie.
    attacker = make_client()
    token = _form_token(attacker.get(f"/a/{summary['summary_id']}").text)
    client.get(f"/a/{summary['summary_id']}")  # The victim's browser has its own cookie.
    response = client.post(
        f"/a/{summary['summary_id']}/report",
        data={"takeaway_index": "0", "category": "inaccurate", "csrf_token": token},
    )
    assert response.status_code == 403


def test_csrf_on_login_and_summary_forms(client: TestClient) -> None:
    assert client.post("/review/login", data={"name": "a", "password": "b"}).status_code == 403
    assert client.post("/", data={"text": "apa saja"}).status_code == 403
