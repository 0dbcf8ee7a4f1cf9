"""The dashboard's filters (``/review`` and ``GET /v1/reports``) are data, never code:
a value cannot change the SQL (bound parameters; the site, the only one matched with LIKE,
is refused unless it is a host name, so it holds no wildcard), on SQLite and PostgreSQL,
or the page (escaped), or where a form's redirect goes (always the dashboard).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from app_fixtures import client_on_each_database, make_account
from intisari.web.pages.review import VIEW_FIELDS

__all__ = ["client_on_each_database"]

SQL = [
    "' OR '1'='1",
    "x'; DROP TABLE reports; --",
    "1) OR (1=1",
    "%",
    "_",
]
HTML = '"><script>alert(1)</script>'


def reviewer_with_reports(client: TestClient) -> tuple[dict[str, str], str]:
    """Two reports on one summary; the reviewer's API headers and the summary's id (the
    client also logs in to the dashboard)."""
    text = (
        "Jalur Sepeda Baru di Bandung\n\nPemerintah Kota Bandung meresmikan jalur sepeda baru "
        "sepanjang dua belas kilometer pada Senin pagi. Jalur itu menghubungkan pusat kota "
        "dengan kawasan kampus di utara.\n\nWali kota mengatakan jalur tersebut dibangun untuk "
        "mengurangi kemacetan pada jam sibuk."
    )
    summary = client.post("/v1/summaries", json={"text": text}).json()
    for category in ("inaccurate", "offensive"):
        body = {"takeaway_index": 0, "category": category}
        assert client.post(f"/v1/summaries/{summary['summary_id']}/reports", json=body).is_success
    token = make_account(client.app, "rina", "reviewer")  # type: ignore[arg-type]
    form = client.get("/review")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert csrf
    login = {"csrf_token": csrf.group(1), "name": "rina", "password": "correct horse battery"}
    assert client.post("/review/login", data=login).status_code == 200
    return {"Authorization": f"Bearer {token}"}, summary["summary_id"]


def all_reports(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    reports: list[dict[str, Any]] = client.get("/v1/reports", headers=headers).json()["reports"]
    return reports


def test_a_filter_value_cannot_inject_sql(client_on_each_database: TestClient) -> None:
    client = client_on_each_database
    headers, _ = reviewer_with_reports(client)
    for value in SQL:
        # Matched as a value (bound parameter): no summary has that id.
        answer = client.get("/v1/reports", params={"summary_id": value}, headers=headers)
        assert answer.status_code == 200 and answer.json()["reports"] == []
        # Refused before any query: not a publisher slug, host name, status, date, cursor.
        for name in ("publisher", "site", "status", "category", "since", "cursor"):
            answer = client.get("/v1/reports", params={name: value}, headers=headers)
            assert answer.status_code == 422, (name, answer.text)
            page = client.get("/review", params={name: value})
            assert page.status_code == 422
            assert 'role="alert"' in page.text and 'aria-label="Report ' not in page.text
    # The table is whole: both reports are still there.
    assert len(all_reports(client, headers)) == 2


def test_a_site_is_no_like_pattern(client_on_each_database: TestClient) -> None:
    """Dots and hyphens are the only punctuation a site may have: ``%`` and ``_`` (LIKE's
    wildcards) are refused, so no site filter matches more hosts than it names."""
    client = client_on_each_database
    headers, _ = reviewer_with_reports(client)
    for value in ("%", "_", "k%s.com", "ko_pas.com"):
        assert client.get("/v1/reports", params={"site": value}, headers=headers).status_code == 422


@pytest.mark.parametrize("name", ["site", "since", "until", "publisher", "category", "cursor"])
def test_a_filter_value_is_rendered_escaped(client: TestClient, name: str) -> None:
    reviewer_with_reports(client)
    page = client.get("/review", params={name: HTML})
    assert page.status_code == 422
    assert "<script>alert(1)</script>" not in page.text
    if name in ("site", "since", "until"):  # kept in its field, as text
        assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page.text
    # The links of the page carry it encoded, never as markup.
    for link in re.findall(r'href="(/review\?[^"]*)"', page.text):
        assert "<" not in link and '"' not in link


#: ``return_query`` values a forged form could send to make the redirect leave the site.
FOREIGN_BACKS = [
    "//evil.example/",
    "https://evil.example/review?status=open",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "@evil.example",
    "status=open\r\nLocation: https://evil.example/",
    "status=open%0d%0aLocation:%20https://evil.example/",
    "status=//evil.example&site=/\\evil.example",
    "next=https://evil.example/&status=open",
]


def test_a_forms_back_query_keeps_the_filters_and_never_leaves_the_dashboard(
    client: TestClient,
) -> None:
    """The hide and decision forms carry the dashboard's query (``return_query``, the
    ``back`` of ``_hide_form.html``) so the reviewer returns to the same filtered view.
    It is read as a query, never as an address: the redirect is always ``/review?`` with
    only the dashboard's own parameters, re-encoded (no open redirect, no header split)."""
    _, summary_id = reviewer_with_reports(client)
    page = client.get("/review")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    report_id = re.search(r'aria-label="Report (\d+)"', page.text)
    assert token and report_id
    hide = f"/review/summaries/{summary_id}/hidden"
    decide = f"/review/reports/{report_id.group(1)}"

    def back_to(url: str, back: str, **form: str) -> str:
        sent = client.post(
            url, data={"csrf_token": token.group(1), "return_query": back, **form},
            follow_redirects=False,
        )  # fmt: skip
        assert sent.status_code == 303, (back, sent.text)
        location: str = sent.headers["location"]
        return location

    kept = "status=open&category=offensive&site=www.kompas.com&since=2025-03-01"
    expected = "/review?status=open&category=offensive&site=www.kompas.com&since=2025-03-01"
    card = f"#summary-{summary_id}"
    assert back_to(hide, kept, hidden="true") == f"{expected}&done=hidden{card}"
    assert back_to(decide, kept, status="open") == f"{expected}&done=open{card}"
    for back in FOREIGN_BACKS:
        for url, form in ((hide, {"hidden": "false"}), (decide, {"status": "open"})):
            location = back_to(url, back, **form)
            parts = urlsplit(location)
            assert (parts.scheme, parts.netloc, parts.path) == ("", "", "/review"), back
            assert location.startswith("/review?") and "\\" not in location, back
            assert not any(c in location for c in "\r\n "), back
            assert set(parse_qs(parts.query)) <= {*VIEW_FIELDS, "done"}, back
