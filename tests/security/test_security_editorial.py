"""Editors' routes and pages (issue 16): 401 anonymous, 403 for a reviewer or reader (they
may not edit or approve), 403 for a cookie-authenticated change without its CSRF token,
and drafts never reach readers."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from intisari.storage.models import Publisher


def _editor_routes(summary_id: str) -> list[tuple[str, str, dict[str, Any] | None]]:
    return [
        ("POST", f"/v1/summaries/{summary_id}/approve", {"revision": 0}),
        ("POST", f"/v1/summaries/{summary_id}/edits", {"revision": 0, "op": "remove"}),
        ("GET", f"/v1/summaries/{summary_id}/candidates", None),
        ("GET", "/v1/drafts", None),
    ]


def _audit_routes() -> list[tuple[str, str, dict[str, Any] | None]]:
    return [("GET", "/v1/audit", None), ("GET", "/v1/audit/export?format=csv", None)]


def test_editor_routes_401_anonymous(client: TestClient, summary: dict[str, Any]) -> None:
    for method, path, body in [*_editor_routes(summary["summary_id"]), *_audit_routes()]:
        response = client.request(method, path, json=body)
        assert response.status_code == 401, (method, path)


def test_a_reviewer_cannot_edit_or_approve(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str]
) -> None:
    headers = {"Authorization": f"Bearer {token_for('rina', 'reviewer')}"}
    for method, path, body in _editor_routes(summary["summary_id"]):
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == 403, (method, path)
    # Reviewers do read the audit log.
    assert client.get("/v1/audit", headers=headers).status_code == 200
    after = client.get(f"/v1/summaries/{summary['summary_id']}").json()
    assert after["takeaways"] == summary["takeaways"] and after["revision"] == 0


def test_a_reader_account_cannot_edit_nor_read_the_audit(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str]
) -> None:
    headers = {"Authorization": f"Bearer {token_for('budi', 'reader')}"}
    for method, path, body in [*_editor_routes(summary["summary_id"]), *_audit_routes()]:
        assert client.request(method, path, json=body, headers=headers).status_code == 403


def _log_in(client: TestClient, name: str, password: str) -> str:
    response = client.post("/v1/auth/login", json={"name": name, "password": password})
    assert response.status_code == 200
    token: str = response.json()["csrf_token"]
    return token


def test_cookie_authenticated_edits_need_the_csrf_token(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str],
    password: str,
) -> None:
    token_for("eda", "editor")
    csrf = _log_in(client, "eda", password)
    summary_id = summary["summary_id"]
    body = {"revision": 0, "op": "remove", "index": 0}
    without = client.post(f"/v1/summaries/{summary_id}/edits", json=body)
    assert without.status_code == 403
    wrong = client.post(f"/v1/summaries/{summary_id}/edits", json=body,
                        headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    approve = client.post(f"/v1/summaries/{summary_id}/approve", json={"revision": 0})
    assert approve.status_code == 403
    assert client.get(f"/v1/summaries/{summary_id}").json()["revision"] == 0
    done = client.post(f"/v1/summaries/{summary_id}/edits", json=body,
                       headers={"X-CSRF-Token": csrf})
    assert done.status_code == 200 and done.json()["revision"] == 1


def test_editor_page_forms_need_the_csrf_token(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str],
    password: str,
) -> None:
    token_for("eda", "editor")
    _log_in(client, "eda", password)
    summary_id = summary["summary_id"]
    page = client.get(f"/review/summaries/{summary_id}")
    assert page.status_code == 200
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    form = {"revision": "0", "op": "remove", "index": "0"}
    forged = client.post(f"/review/summaries/{summary_id}/edit",
                         data={**form, "csrf_token": "forged"})
    assert forged.status_code == 403
    assert client.post(f"/review/summaries/{summary_id}/approve",
                       data={"revision": "0"}).status_code == 403
    assert client.get(f"/v1/summaries/{summary_id}").json()["revision"] == 0
    done = client.post(f"/review/summaries/{summary_id}/edit",
                       data={**form, "csrf_token": token.group(1)})
    assert done.status_code == 200 and "Bullet removed." in done.text


def test_a_reviewer_s_browser_gets_403_on_the_editor_pages(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str],
    password: str,
) -> None:
    token_for("rina", "reviewer")
    _log_in(client, "rina", password)
    summary_id = summary["summary_id"]
    assert client.get(f"/review/summaries/{summary_id}").status_code == 403
    page = client.get("/review")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    refused = client.post(f"/review/summaries/{summary_id}/approve",
                          data={"revision": "0", "csrf_token": token.group(1)})
    assert refused.status_code == 403
    assert client.get("/review/audit").status_code == 200
    client.cookies.clear()  # anonymous: to the login form, which then opens the page
    anonymous = client.get(f"/review/summaries/{summary_id}", follow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == f"/review?next=%2Freview%2Fsummaries%2F{summary_id}"


def test_a_draft_s_takeaways_never_reach_readers(
    client: TestClient, article: str, token_for: Callable[[str, str], str]
) -> None:
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        session.execute(update(Publisher).values(publish_mode="review"))
        session.commit()
    body = client.post("/v1/summaries", json={"text": article}).json()
    summary_id = body["summary_id"]
    reviewer = {"Authorization": f"Bearer {token_for('rina', 'reviewer')}"}
    for headers in ({}, reviewer):
        seen = client.get(f"/v1/summaries/{summary_id}", headers=headers).json()
        assert seen["pending"] is True and seen["takeaways"] == []
    forged = client.get(f"/v1/summaries/{summary_id}", headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401 and "takeaways" not in forged.json()
    page = client.get(f"/a/{summary_id}")
    assert 'class="takeaway"' not in page.text and 'data-state="pending"' in page.text
    assert client.get(f"/a/{summary_id}/report?takeaway=0").status_code == 404
    for index in (0, None):  # a bullet, or the whole box: no reader has seen either
        report = client.post(f"/v1/summaries/{summary_id}/reports",
                             json={"takeaway_index": index, "category": "inaccurate"})
        assert report.status_code == 422 and "draft" in report.json()["message"]
