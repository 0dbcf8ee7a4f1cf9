"""The dashboard's filters (``/review`` and ``GET /v1/reports``) are data, never code:
a value cannot change the SQL (bound parameters; the site, the only one matched with LIKE,
is refused unless it is a host name, so it holds no wildcard), on SQLite and PostgreSQL,
or the page (escaped).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app_fixtures import client_on_each_database, make_account

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
