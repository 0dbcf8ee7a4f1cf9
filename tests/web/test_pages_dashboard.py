"""The dashboard's filters and pages, and ``GET /v1/reports`` with the same query: both
call ``service.review.report_page``, so a bookmarked view and the API list the same
reports; bad values are a 422 (JSON for the API, a message on the page), never a 500.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from app_fixtures import make_account
from intisari.storage import repository
from intisari.storage.models import Publisher, Report
from intisari.web.pages.review import REPORTS_PER_PAGE

PASSWORD = "correct horse battery"
START = datetime(2025, 3, 1, tzinfo=UTC)
RESULT: dict[str, Any] = {
    "id": None,
    "language": "id",
    "language_supported": True,
    "title": "Banjir Jakarta",
    "text": "Hujan deras turun sejak pagi. Banjir merendam 300 rumah di Jakarta Timur.",
    "takeaways": [{"text": "Banjir merendam 300 rumah di Jakarta Timur.", "spans": [[30, 73]],
                   "score": 1.0, "origin": "extract", "evidence": None}],
    "notice": "Intisari ini dibuat dengan AI.",
    "removed": [],
    "engine": {"name": "intisari", "version": "0.1.0", "method": "learned-mlp16", "model": None},
}  # fmt: skip


def seed(client: TestClient) -> dict[str, str]:
    """Summaries of two sites and two publishers with reports; returns the reviewer's
    API headers (the test client also carries a logged-in reviewer's cookie)."""
    app = client.app
    token = make_account(app, "rina", "reviewer")  # type: ignore[arg-type]
    with app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        session.add(Publisher(slug="tempo", name="Tempo"))
        session.commit()
        tempo = session.query(Publisher).filter_by(slug="tempo").one()
        sites = [
            ("a", "https://www.kompas.com/read/1", 1, 60),
            ("b", "https://www.detik.com/news/2", 1, 5),
            ("c", "https://nasional.tempo.co/read/3", tempo.id, 4),
        ]
        for key, url, publisher_id, count in sites:
            summary = repository.add_summary(
                session, content_hash=key * 64, engine_version="0.1.0", result=RESULT, url=url,
                publisher_id=publisher_id,
            )  # fmt: skip
            rows = [
                {"summary_id": summary.id, "takeaway_index": 0,
                 "category": "offensive" if i % 5 == 0 else "inaccurate",
                 "client_hash": f"c{i}", "duplicates": 0, "status": "open",
                 "created_at": START + timedelta(hours=i)}
                for i in range(count)
            ]  # fmt: skip
            session.execute(insert(Report), rows)
        session.commit()
    form = client.get("/review")
    token_match = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token_match
    client.post(
        "/review/login",
        data={"csrf_token": token_match.group(1), "name": "rina", "password": PASSWORD},
    )
    return {"Authorization": f"Bearer {token}"}


def listed_ids(page: str) -> list[str]:
    return re.findall(r'aria-label="Report (\d+)"', page)


def api_ids(client: TestClient, headers: dict[str, str], **query: str) -> list[str]:
    answer = client.get("/v1/reports", params=query, headers=headers)
    assert answer.status_code == 200, answer.text
    return [str(r["id"]) for r in answer.json()["reports"]]


@pytest.mark.parametrize(
    "query",
    [
        {"site": "kompas.com"},
        {"site": "www.detik.com", "category": "offensive"},
        {"publisher": "tempo"},
        {"publisher": "tempo", "site": "kompas.com"},
        {"since": "2025-03-02", "until": "2025-03-03", "status": "open"},
        {"category": "inaccurate", "site": "nasional.tempo.co"},
    ],
)
def test_the_page_and_the_api_list_the_same_reports(
    client: TestClient, query: dict[str, str]
) -> None:
    headers = seed(client)
    page = client.get("/review", params=query)
    assert page.status_code == 200
    assert listed_ids(page.text) == api_ids(client, headers, **query, limit="50")
    # The filters stay in the form, so the view is what the address says.
    for name, value in query.items():
        if name != "status":
            assert f'value="{value}"' in page.text or f'value="{value}" selected' in page.text


def test_the_page_goes_through_older_and_newer_reports_keeping_its_filters(
    client: TestClient,
) -> None:
    headers = seed(client)
    first = client.get("/review", params={"site": "kompas.com"})
    assert len(listed_ids(first.text)) == REPORTS_PER_PAGE
    older = re.search(r'rel="next" href="/review\?([^"]+)"', first.text)
    assert older and 'rel="prev"' not in first.text
    query = parse_qs(older.group(1).replace("&amp;", "&"))
    assert query["site"] == ["kompas.com"] and query["cursor"][0].startswith("a-")
    second = client.get(f"/review?{older.group(1).replace('&amp;', '&')}")
    ids = listed_ids(first.text) + listed_ids(second.text)
    assert len(ids) == len(set(ids)) == 60
    assert ids == api_ids(client, headers, site="kompas.com", limit="100")
    assert 'rel="next"' not in second.text
    newer = re.search(r'rel="prev" href="/review\?([^"]+)"', second.text)
    assert newer
    back = client.get(f"/review?{newer.group(1).replace('&amp;', '&')}")
    assert listed_ids(back.text) == listed_ids(first.text)


def test_the_api_hands_out_cursors_for_both_directions(client: TestClient) -> None:
    headers = seed(client)
    first = client.get("/v1/reports", params={"limit": 30}, headers=headers).json()
    assert first["previous"] is None and first["next"]
    second = client.get(
        "/v1/reports", params={"limit": 30, "cursor": first["next"]}, headers=headers
    ).json()
    assert second["previous"]
    again = client.get(
        "/v1/reports", params={"limit": 30, "cursor": second["previous"]}, headers=headers
    ).json()
    assert again["reports"] == first["reports"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"category": "boring"}, "category"),
        ({"status": "everything"}, "status"),
        ({"publisher": "Tempo!"}, "publisher"),
        ({"site": "https://kompas.com/x"}, "site"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2025-13-01"}, "since"),
        ({"until": "2025-03-01T25:00"}, "until"),
        ({"cursor": "page-2"}, "cursor"),
    ],
)
def test_a_bad_filter_is_a_message_on_the_page_and_a_422_in_the_api(
    client: TestClient, query: dict[str, str], field: str
) -> None:
    headers = seed(client)
    page = client.get("/review", params=query)
    assert page.status_code == 422
    alert = re.search(r'<p class="alert alert--error" role="alert">([^<]+)</p>', page.text)
    assert alert and field in alert.group(1)
    assert listed_ids(page.text) == []
    assert "<h1>Readers' reports</h1>" in page.text  # the dashboard and its form, not an error page
    answer = client.get("/v1/reports", params=query, headers=headers)
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid-request"


def test_a_decision_returns_to_the_same_filtered_page(client: TestClient) -> None:
    seed(client)
    first = client.get("/review", params={"site": "kompas.com"})
    older = re.search(r'rel="next" href="/review\?([^"]+)"', first.text)
    assert older
    view = older.group(1).replace("&amp;", "&")
    page = client.get(f"/review?{view}")
    report_id = listed_ids(page.text)[0]
    form = re.search(
        rf'action="/review/reports/{report_id}">\s*<input type="hidden" name="csrf_token" '
        r'value="([^"]+)">\s*<input type="hidden" name="return_query" value="([^"]*)">',
        page.text,
    )
    assert form
    decided = client.post(
        f"/review/reports/{report_id}",
        data={"csrf_token": form.group(1), "status": "dismissed",
              "return_query": form.group(2).replace("&amp;", "&")},
        follow_redirects=False,
    )  # fmt: skip
    assert decided.status_code == 303
    target = urlsplit(decided.headers["location"])
    assert target.path == "/review"
    assert parse_qs(target.query) == {**parse_qs(view), "done": ["dismissed"]}


def test_a_decision_comes_back_at_its_card_and_names_its_report(client: TestClient) -> None:
    """Every decision had reloaded the dashboard at the top, focus on the page's body, the
    result a status already there at load (not read out), and a row of buttons all named
    "Dismiss"."""
    seed(client)
    page = client.get("/review", params={"site": "detik.com"})
    report_id = listed_ids(page.text)[0]
    card = re.search(r'<section class="card report-group" [^>]*id="(summary-[\w-]+)" '
                     r'tabindex="-1">', page.text)
    assert card
    # The decision buttons say which report they decide.
    assert re.search(
        r'>Dismiss<span class="visually-hidden"> report on bullet 1 of <span lang="id">'
        r"Banjir Jakarta</span></span></button>", page.text,
    )  # fmt: skip
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    back = {"csrf_token": token.group(1), "return_query": "site=detik.com"}
    decided = client.post(
        f"/review/reports/{report_id}", data={**back, "status": "dismissed"},
        follow_redirects=False,
    )  # fmt: skip
    target = urlsplit(decided.headers["location"])
    assert target.fragment == card.group(1)
    after = client.get(f"{target.path}?{target.query}").text
    # Its other reports keep the card in the view; app.js focuses it, described by this.
    assert f'id="{card.group(1)}" tabindex="-1"' in after
    assert '<p class="alert alert--success" role="status" id="flash" tabindex="-1">' in after
    hidden = client.post(
        f"/review/{card.group(1).replace('summary-', 'summaries/')}/hidden",
        data={**back, "hidden": "true"},
        follow_redirects=False,
    )  # fmt: skip
    assert urlsplit(hidden.headers["location"]).fragment == card.group(1)


def test_a_return_query_cannot_send_the_reviewer_elsewhere(client: TestClient) -> None:
    seed(client)
    page = client.get("/review")
    report_id = listed_ids(page.text)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    decided = client.post(
        f"/review/reports/{report_id}",
        data={"csrf_token": token.group(1), "status": "dismissed",
              "return_query": "x=1&status=open&next=//evil.example/&site=a.b#frag"},
        follow_redirects=False,
    )  # fmt: skip
    # Only the dashboard's own parameters, encoded: the fragment is text of the site filter;
    # the real one is the decided report's card.
    location = decided.headers["location"]
    assert location.startswith("/review?status=open&site=a.b%23frag&done=dismissed#summary-")


def test_a_report_on_the_whole_box_has_no_paragraph(
    client: TestClient, summary: dict[str, Any]
) -> None:
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    assert client.post(url, json={"takeaway_index": None, "category": "other"}).is_success
    seed(client)
    page = client.get("/review", params={"category": "other"})
    item = page.text[page.text.index('class="report-item"') :]
    item = item[: item.index("</article>")]
    assert '<div class="pair pair--single">' in item and "The box as a whole" in item
    assert "quote--source" not in item


def test_a_card_names_its_publisher_for_the_instance_s_staff(client: TestClient) -> None:
    """The same article stored by two publishers made two cards with one title, and
    nothing told them apart."""
    seed(client)
    for query, name in (("", "Intisari"), ("?publisher=tempo", "Tempo")):
        page = client.get(f"/review{query}").text
        assert set(re.findall(r"<span data-publisher>([^<]+)</span>", page)) == {name}
