"""Reviewer routes: authentication, roles, CSRF, decisions, export."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

REVIEWER_ROUTES = [
    ("GET", "/v1/reports", None),
    ("GET", "/v1/reports/export", None),
    ("PATCH", "/v1/reports/1", {"status": "confirmed"}),
    ("PATCH", "/v1/summaries/x", {"hidden": True}),
]


def make_report(client: TestClient, summary: dict[str, Any], **body: Any) -> dict[str, Any]:
    body = {"takeaway_index": 1, "category": "inaccurate", **body}
    response = client.post(f"/v1/summaries/{summary['summary_id']}/reports", json=body)
    assert response.status_code == 201
    result: dict[str, Any] = response.json()
    return result


@pytest.mark.parametrize(("method", "path", "body"), REVIEWER_ROUTES)
def test_anonymous_is_401(client: TestClient, method: str, path: str, body: Any) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path", "body"), REVIEWER_ROUTES)
def test_bad_token_is_401(client: TestClient, method: str, path: str, body: Any) -> None:
    headers = {"Authorization": "Bearer isk_not-a-token"}
    assert client.request(method, path, json=body, headers=headers).status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), REVIEWER_ROUTES)
def test_wrong_role_is_403(
    client: TestClient, reader: dict[str, str], method: str, path: str, body: Any
) -> None:
    response = client.request(method, path, json=body, headers=reader)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_list_and_filter_reports(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    make_report(client, summary, comment="<script>alert(1)</script>")
    make_report(client, summary, takeaway_index=0, category="offensive")
    listed = client.get("/v1/reports", headers=reviewer)
    assert listed.status_code == 200
    assert len(listed.json()["reports"]) == 2
    assert listed.json()["next"] is None and listed.json()["previous"] is None
    assert listed.headers["content-type"] == "application/json"
    comments = [r["comment"] for r in listed.json()["reports"]]
    assert "<script>alert(1)</script>" in comments  # stored as given; JSON is not HTML

    def count(**params: str) -> int:
        response = client.get("/v1/reports", params=params, headers=reviewer)
        assert response.status_code == 200, response.text
        return len(response.json()["reports"])

    assert count(category="offensive") == 1
    assert count(status="open") == 2
    assert count(status="confirmed") == 0
    assert count(summary_id=summary["summary_id"]) == 2
    assert count(summary_id="other") == 0
    assert count(since="2000-01-01") == 2
    assert count(until="2000-01-01T00:00:00Z") == 0
    bad = client.get("/v1/reports", params={"category": "boring"}, headers=reviewer)
    assert bad.status_code == 422


def test_confirm_and_dismiss(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    report = make_report(client, summary)
    response = client.patch(
        f"/v1/reports/{report['id']}",
        json={"status": "confirmed", "note": "angka salah"},
        headers=reviewer,
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["note"], body["reviewed_by"]) == (
        "confirmed",
        "angka salah",
        "rina",
    )
    assert body["reviewed_at"] is not None
    bad = client.patch(f"/v1/reports/{report['id']}", json={"status": "maybe"}, headers=reviewer)
    assert bad.status_code == 422
    missing = client.patch("/v1/reports/999999", json={"status": "dismissed"}, headers=reviewer)
    assert missing.status_code == 404


def test_hide_and_show_a_summary(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    url = f"/v1/summaries/{summary['summary_id']}"
    hidden = client.patch(url, json={"hidden": True}, headers=reviewer)
    assert hidden.status_code == 200 and hidden.json()["hidden"] is True
    assert client.get(url).json()["takeaways"] == []
    shown = client.patch(url, json={"hidden": False}, headers=reviewer)
    assert shown.json()["hidden"] is False
    assert client.get(url).json()["takeaways"] == summary["takeaways"]
    assert client.patch(url, json={"hidden": "perhaps"}, headers=reviewer).status_code == 422
    assert client.patch(url, json={"hidden": True, "x": 1}, headers=reviewer).status_code == 422
    missing = client.patch("/v1/summaries/nope", json={"hidden": True}, headers=reviewer)
    assert missing.status_code == 404


@pytest.mark.parametrize("hidden", ["yes", "true", 0, 1, 1.0, None, [True]])
def test_hidden_takes_only_a_json_boolean(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str], hidden: Any
) -> None:
    """``"yes"`` and ``0`` had been read as true and false (the box hidden or shown on a
    guess): a wrong type is a 422, as on every other route."""
    url = f"/v1/summaries/{summary['summary_id']}"
    answer = client.patch(url, json={"hidden": hidden}, headers=reviewer)
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid-request"
    assert answer.json()["details"][0]["loc"] == ["body", "hidden"]
    assert client.get(url).json()["hidden"] is False


def test_export_is_jsonl_of_confirmed_reports(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    confirmed = make_report(client, summary, comment="Bukan 500 ton.")
    make_report(client, summary, takeaway_index=0, category="other")  # stays open
    client.patch(f"/v1/reports/{confirmed['id']}", json={"status": "confirmed"}, headers=reviewer)
    response = client.get("/v1/reports/export", headers=reviewer)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 1
    case = lines[0]
    assert case["id"] == str(confirmed["id"])
    assert case["summary_id"] == summary["summary_id"]
    assert case["lang"] == "id"
    assert case["text"] == summary["text"]
    assert case["takeaways"] == summary["takeaways"]
    assert case["engine"] == summary["engine"]
    assert "summary" not in case
    assert case["report"]["takeaway_index"] == 1
    assert case["report"]["category"] == "inaccurate"
    assert case["report"]["comment"] == "Bukan 500 ton."
    assert case["report"]["status"] == "confirmed"
    assert case["report"]["created_at"] and case["report"]["reviewed_at"]


def test_export_since_holds_only_reports_confirmed_since(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    """``?since=`` was ignored: an incremental export got every confirmed report again."""
    confirmed = make_report(client, summary)
    client.patch(f"/v1/reports/{confirmed['id']}", json={"status": "confirmed"}, headers=reviewer)
    confirmed_at = client.get("/v1/reports", headers=reviewer).json()["reports"][0]["reviewed_at"]

    def exported(since: str) -> list[str]:
        response = client.get("/v1/reports/export", params={"since": since}, headers=reviewer)
        assert response.status_code == 200, response.text
        return [json.loads(line)["id"] for line in response.text.splitlines()]

    assert exported("2000-01-01") == [str(confirmed["id"])]
    assert exported(confirmed_at) == [str(confirmed["id"])]  # inclusive
    assert exported("9999-12-31T23:00:00+07:00") == []  # a zone is taken into account
    assert exported("9999-12-31") == []
    operation = client.get("/openapi.json").json()["paths"]["/v1/reports/export"]["get"]
    (since,) = [p for p in operation["parameters"] if p["name"] == "since"]
    assert since["in"] == "query" and "confirmed at or after" in since["description"]
    assert "422" in operation["responses"]


@pytest.mark.parametrize(
    "since", ["yesterday", "2025-13-01", "20250301", "1700000000", "0001-01-01T00:00:00+14:00"]
)
def test_export_since_that_is_no_moment_is_a_json_422(
    client: TestClient, reviewer: dict[str, str], since: str
) -> None:
    response = client.get("/v1/reports/export", params={"since": since}, headers=reviewer)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["code"] == "invalid-request"
    assert body["details"][0]["loc"] == ["query", "since"]


def test_a_plus_left_unencoded_in_since_is_explained(
    client: TestClient, reviewer: dict[str, str]
) -> None:
    """A script's ``date -Iseconds`` put "+07:00" in the URL, which arrives as " 07:00"."""
    response = client.get(
        "/v1/reports/export?since=2025-03-01T08:00:00+07:00", headers=reviewer
    )
    assert response.status_code == 422
    assert "write it %2B" in response.json()["details"][0]["msg"]
    encoded = client.get("/v1/reports/export?since=2025-03-01T08:00:00%2B07:00", headers=reviewer)
    assert encoded.status_code == 200


def login(client: TestClient, password: str, name: str = "rina") -> dict[str, Any]:
    response = client.post("/v1/auth/login", json={"name": name, "password": password})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_login_sets_a_safe_session_cookie(
    client: TestClient, password: str, add_account: Any
) -> None:
    add_account(client.app, "rina", "reviewer")
    response = client.post("/v1/auth/login", json={"name": "rina", "password": password})
    cookies = response.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith("intisari_session="))
    assert "HttpOnly" in session_cookie
    assert "SameSite=lax" in session_cookie
    assert "Secure" not in session_cookie
    assert response.json()["role"] == "reviewer"


def test_secure_cookie_setting(make_client: Any, password: str, add_account: Any) -> None:
    client = make_client(cookie_secure=True)
    add_account(client.app, "rina", "reviewer")
    response = client.post("/v1/auth/login", json={"name": "rina", "password": password})
    assert all("Secure" in c for c in response.headers.get_list("set-cookie"))


def test_wrong_password_is_401(client: TestClient, add_account: Any) -> None:
    add_account(client.app, "rina", "reviewer")
    response = client.post("/v1/auth/login", json={"name": "rina", "password": "guess"})
    assert response.status_code == 401
    assert "intisari_session" not in response.cookies


def test_cookie_session_works_and_needs_csrf_for_changes(
    client: TestClient, summary: dict[str, Any], add_account: Any, password: str
) -> None:
    add_account(client.app, "rina", "reviewer")
    report = make_report(client, summary)
    token = login(client, password)["csrf_token"]
    assert client.get("/v1/reports").status_code == 200  # reading needs no token
    url = f"/v1/reports/{report['id']}"
    missing = client.patch(url, json={"status": "confirmed"})
    assert missing.status_code == 403
    forged = client.patch(url, json={"status": "confirmed"}, headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403
    ok = client.patch(url, json={"status": "confirmed"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    assert client.get("/v1/auth/me").json()["name"] == "rina"
    client.post("/v1/auth/logout")
    assert client.get("/v1/reports").status_code == 401


def test_a_csrf_token_of_another_browser_fails(
    make_client: Any, summary: dict[str, Any], add_account: Any, password: str
) -> None:
    first = make_client()
    add_account(first.app, "rina", "reviewer")
    report = make_report(first, summary)
    login(first, password)
    other = make_client()
    stolen = login(other, password)["csrf_token"]
    response = first.patch(
        f"/v1/reports/{report['id']}",
        json={"status": "confirmed"},
        headers={"X-CSRF-Token": stolen},
    )
    assert response.status_code == 403


def test_reader_can_log_in_but_not_review(
    client: TestClient, add_account: Any, password: str
) -> None:
    add_account(client.app, "budi", "reader")
    login(client, password, "budi")
    assert client.get("/v1/reports").status_code == 403


def test_me_is_401_when_anonymous(client: TestClient) -> None:
    assert client.get("/v1/auth/me").status_code == 401
