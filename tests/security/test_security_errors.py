"""Every exception becomes the documented JSON error or an error page; strict input.

Issue 10, items 9 and 13: inputs that used to raise deep inside a route (a plain-text
500), the catch-all for whatever else might, ``HEAD`` on ``GET`` routes, a strict
``takeaway_index`` and one cache entry per language however it is written.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app_fixtures import PASSWORD, client_on_each_database, make_account, make_client, settings
from intisari.web.errors import INTERNAL_MESSAGE

__all__ = ["client_on_each_database", "make_client", "settings"]

ENGLISH = (
    "The city council approved a new bus route linking the airport to the old town on "
    "Monday. Buses will run every fifteen minutes from early morning until midnight.\n\n"
    "Officials said the route should cut travel times by half for most passengers. "
    "Tickets will cost the same as on existing lines, the council added."
)


def _csrf(client: TestClient, path: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match is not None
    return match.group(1)


def _is_error_page(response: Any, status: int) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text and "<h1>" in response.text


# Item 9: inputs that raised -------------------------------------------------------------


@pytest.mark.parametrize("index", ["²", "₃", "1" * 5000, "-1", "01", "1.0"])
def test_report_form_with_odd_digits_is_a_page_error(
    client: TestClient, summary: dict[str, Any], index: str
) -> None:
    # "²" and "₃" pass str.isdigit() and made int() raise; so did 5,000 digits.
    path = f"/a/{summary['summary_id']}"
    form = {"csrf_token": _csrf(client, path), "takeaway_index": index, "category": "other"}
    _is_error_page(client.post(f"{path}/report", data=form), 422)
    as_json = client.post(f"{path}/report", data=form, headers={"Accept": "application/json"})
    assert as_json.status_code == 422 and as_json.json()["message"]


def test_review_decision_with_an_id_beyond_the_database_integer_is_404(
    client_on_each_database: TestClient,
) -> None:
    # SQLite overflowed at 2**63 (OverflowError), PostgreSQL at 2**31 (DataError).
    client = client_on_each_database
    make_account(client.app, "rina", "reviewer")  # type: ignore[arg-type]
    login = client.post("/v1/auth/login", json={"name": "rina", "password": PASSWORD})
    form = {"csrf_token": login.json()["csrf_token"], "status": "confirmed"}
    for report_id in (2**31, 2**63, "1" * 5000, "٣", "0"):
        answer = client.post(f"/review/reports/{report_id}", data=form)
        _is_error_page(answer, 404)


@pytest.mark.parametrize(
    "query",
    [{"since": "0001-01-01T00:00:00+14:00"}, {"until": "9999-12-31T23:59:59-14:00"}],
)
def test_report_listing_with_a_moment_outside_utc_is_422(
    client_on_each_database: TestClient, query: dict[str, str]
) -> None:
    # In UTC the first is in year 0 and the second in year 10000: OverflowError.
    client = client_on_each_database
    token = make_account(client.app, "rina", "reviewer")  # type: ignore[arg-type]
    answer = client.get(
        "/v1/reports", params=query, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid-request"


# Item 9: the catch-all ------------------------------------------------------------------


def _broken(client: TestClient) -> None:
    """A route with a bug: what the catch-all is for."""

    def explode() -> None:
        raise RuntimeError("a bug nobody foresaw")

    client.app.add_api_route("/v1/broken", explode)  # type: ignore[attr-defined]
    client.app.add_api_route("/broken-page", explode)  # type: ignore[attr-defined]


def test_an_unexpected_exception_is_a_json_500_and_is_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    _broken(client)
    with caplog.at_level(logging.ERROR, logger="intisari.web.errors"):
        answer = client.get("/v1/broken", headers={"Accept": "text/html"})
    assert answer.status_code == 500
    assert answer.json() == {"code": "internal-error", "message": INTERNAL_MESSAGE}
    assert "a bug nobody foresaw" not in answer.text
    assert answer.headers["Content-Security-Policy"]  # the guards' headers are still there
    logged = [record for record in caplog.records if record.exc_info]
    assert logged and "a bug nobody foresaw" in str(logged[0].exc_info[1])  # type: ignore[index]


def test_an_unexpected_exception_on_a_page_is_the_error_page(client: TestClient) -> None:
    _broken(client)
    _is_error_page(client.get("/broken-page", headers={"Accept": "text/html"}), 500)
    assert client.get("/broken-page").json()["code"] == "internal-error"  # a script's call


def test_a_database_gone_mid_request_is_503_with_retry_after_not_a_bug(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A trial on PostgreSQL: connections killed under load were 500 ``internal-error``,
    each logged with its traceback as a bug. The database going away is expected."""

    def database_gone() -> None:
        killed = Exception("terminating connection due to administrator command")
        raise OperationalError("SELECT 1", {}, killed)

    client.app.add_api_route("/v1/gone", database_gone)  # type: ignore[attr-defined]
    client.app.add_api_route("/gone-page", database_gone)  # type: ignore[attr-defined]
    with caplog.at_level(logging.WARNING, logger="intisari.web.errors"):
        answer = client.get("/v1/gone")
    assert answer.status_code == 503 and answer.json()["code"] == "database-unavailable"
    assert int(answer.headers["Retry-After"]) > 0
    assert [record.exc_info for record in caplog.records] == [None]  # one line, no traceback
    assert "terminating connection" in caplog.records[0].getMessage()
    _is_error_page(client.get("/gone-page", headers={"Accept": "text/html"}), 503)


# Item 13: strict input, HEAD, one cache entry per language ------------------------------


@pytest.mark.parametrize("index", ["1", True, 1.0, "0"])
def test_takeaway_index_must_be_a_json_integer(
    client: TestClient, summary: dict[str, Any], index: object
) -> None:
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    answer = client.post(url, json={"takeaway_index": index, "category": "other"})
    assert answer.status_code == 422
    assert answer.json()["details"][0]["loc"] == ["body", "takeaway_index"]
    assert client.post(url, json={"takeaway_index": 1, "category": "other"}).status_code == 201


def test_head_answers_every_get_route_without_a_body(
    client: TestClient, summary: dict[str, Any]
) -> None:
    for path in ("/healthz", "/", f"/a/{summary['summary_id']}", "/static/app.css",
                 f"/v1/summaries/{summary['summary_id']}", "/openapi.json", "/a/nothing"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code, path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert head.content == b"", path
    assert client.head("/v1/summaries").status_code == 405  # POST only: still refused


def test_one_cache_entry_per_language_however_written(client: TestClient) -> None:
    answers = [
        client.post("/v1/summaries", json={"text": ENGLISH, "lang": lang})
        for lang in ("en", "EN", "en-US", "en_gb")
    ]
    assert {answer.json()["summary_id"] for answer in answers} == {answers[0].json()["summary_id"]}
    assert [answer.headers["X-Intisari-Cache"] for answer in answers] == ["miss"] + ["hit"] * 3
    assert answers[0].json()["language"] == "en"


# A refusal names what was asked, within a cap ---------------------------------------------


def test_an_unknown_summary_id_is_not_echoed_whole(client: TestClient) -> None:
    """A new user's report: a 404 for a 5,000-character summary id repeated it whole, on
    every route that looks a summary up (the API's read, the reviewer's, the editor's)."""
    MAX_SAID = 200

    long_id = "x" * 5000
    reviewer = {"Authorization": f"Bearer {make_account(client.app, 'rina', 'reviewer')}"}
    editor = {"Authorization": f"Bearer {make_account(client.app, 'eko', 'editor')}"}
    for method, path, headers in (
        ("GET", f"/v1/summaries/{long_id}", {}),
        ("GET", f"/v1/summaries/{long_id}", reviewer),
        ("PATCH", f"/v1/summaries/{long_id}", reviewer),
        ("GET", f"/v1/summaries/{long_id}/candidates", editor),
        ("POST", f"/v1/summaries/{long_id}/reports", {}),
    ):
        kwargs: dict[str, Any] = {"headers": headers}
        if method == "PATCH":
            kwargs["json"] = {"hidden": True}
        if method == "POST":
            kwargs["json"] = {"category": "other"}
        response = client.request(method, path, **kwargs)
        assert response.status_code == 404, (method, path[:40], response.text[:200])
        message = response.json()["message"]
        assert "x" * MAX_SAID in message and "x" * (MAX_SAID + 1) not in message, message[:300]
