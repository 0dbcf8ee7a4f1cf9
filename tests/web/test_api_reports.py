"""Readers' reports: validation, commit before 201, duplicates, auto-hide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app_fixtures import ARTICLE, make_account
from intisari.service import reports
from intisari.storage.models import Report


def post_report(client: TestClient, summary_id: str, **body: Any) -> Any:
    return client.post(f"/v1/summaries/{summary_id}/reports", json=body)


def test_report_is_201_and_committed(client: TestClient, summary: dict[str, Any]) -> None:
    response = post_report(
        client, summary["summary_id"], takeaway_index=1, category="inaccurate", comment="Salah."
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["category"], body["takeaway_index"]) == ("open", "inaccurate", 1)
    # A separate session (another connection) sees it: it was committed before the answer.
    with client.app.state.intisari.sessions() as session:
        stored = session.get(Report, body["id"])
        assert stored is not None and stored.comment == "Salah."


def test_whole_box_report(client: TestClient, summary: dict[str, Any]) -> None:
    response = post_report(client, summary["summary_id"], takeaway_index=None, category="other")
    assert response.status_code == 201
    assert response.json()["takeaway_index"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"takeaway_index": 0, "category": "boring"},
        {"takeaway_index": 0},
        {"takeaway_index": -1, "category": "other"},
        {"takeaway_index": 99, "category": "other"},
        {"takeaway_index": 0, "category": "other", "comment": "x" * 2001},
        {"takeaway_index": 0, "category": "other", "reader": "me"},
    ],
)
def test_bad_report_is_422(client: TestClient, summary: dict[str, Any], body: Any) -> None:
    response = post_report(client, summary["summary_id"], **body)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid-request"


def test_comment_of_2000_characters_is_fine(client: TestClient, summary: dict[str, Any]) -> None:
    response = post_report(client, summary["summary_id"], category="other", comment="x" * 2000)
    assert response.status_code == 201


def test_report_on_unknown_summary_is_404(client: TestClient) -> None:
    response = post_report(client, "no-such-id", category="other")
    assert response.status_code == 404


def test_duplicate_report_is_merged_and_answered_200(
    client: TestClient, summary: dict[str, Any]
) -> None:
    first = post_report(client, summary["summary_id"], takeaway_index=0, category="misleading")
    second = post_report(client, summary["summary_id"], takeaway_index=0, category="misleading")
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["duplicates"] == 1
    with client.app.state.intisari.sessions() as session:
        assert session.query(Report).count() == 1


def test_a_repeat_with_a_new_comment_is_filed_and_listed(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    """The trial's F2: the repeat was answered 200 with the first comment, its own lost."""
    body = {"takeaway_index": 0, "category": "inaccurate"}
    first = post_report(client, summary["summary_id"], **body, comment="first comment")
    update = post_report(
        client, summary["summary_id"], **body, comment="UPDATE: the date is wrong too"
    )
    retried = post_report(
        client, summary["summary_id"], **body, comment="UPDATE: the date is wrong too"
    )
    assert (first.status_code, update.status_code, retried.status_code) == (201, 201, 200)
    assert update.json()["comment"] == "UPDATE: the date is wrong too"
    assert retried.json()["id"] == update.json()["id"]
    listed = client.get("/v1/reports", headers=reviewer).json()["reports"]
    assert [(r["comment"], r["duplicates"]) for r in listed] == [
        ("UPDATE: the date is wrong too", 1), ("first comment", 0)
    ]


def test_enough_reports_hide_the_summary(
    client: TestClient,
    make_client: Callable[..., TestClient],
    summary: dict[str, Any],
    reviewer: dict[str, str],
    article: str,
) -> None:
    summary_id = summary["summary_id"]
    # Three clients (as a trusted proxy names them): one client alone cannot hide it.
    readers = make_client(trust_forwarded_for=True)
    for index, category in enumerate(("inaccurate", "misleading", "offensive")):
        sent = readers.post(
            f"/v1/summaries/{summary_id}/reports",
            json={"takeaway_index": index % 2, "category": category},
            headers={"X-Forwarded-For": f"198.51.100.{index}"},
        )
        assert sent.status_code == 201
    public = client.get(f"/v1/summaries/{summary_id}").json()
    assert public["hidden"] is True
    assert public["takeaways"] == []
    seen_by_reviewer = client.get(f"/v1/summaries/{summary_id}", headers=reviewer).json()
    assert seen_by_reviewer["hidden"] is True
    assert seen_by_reviewer["takeaways"] == summary["takeaways"]
    again = client.post("/v1/summaries", json={"text": article})  # the publisher asks again
    assert again.json()["hidden"] is True and again.json()["takeaways"] == []


def test_nul_in_a_comment_or_an_id_is_no_server_error(
    client: TestClient, summary: dict[str, Any]
) -> None:
    response = post_report(client, summary["summary_id"], category="other", comment="a\x00b")
    assert response.status_code == 201
    assert client.get("/v1/summaries/a%00b").status_code == 404


def test_the_answer_to_a_report_shows_the_comment_as_stored(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    """PostgreSQL cannot store NUL, so both databases store U+FFFD; the 201 answer had
    echoed the NUL, which no listing or export ever showed (an operator's trial, F13)."""
    response = post_report(client, summary["summary_id"], category="other", comment="nul \x00 char")
    assert response.status_code == 201
    assert response.json()["comment"] == "nul \ufffd char"
    [listed] = client.get("/v1/reports", headers=reviewer).json()["reports"]
    assert listed == response.json()


def test_a_box_made_from_html_has_its_page_s_address(client: TestClient) -> None:
    """Only fetched pages had an address: a box made from HTML sent as it is was found by
    no site filter ("site=detik.com" listed nothing, though the reader page's source line
    named the site)."""
    title, *paragraphs = ARTICLE.split("\n\n")
    html = (
        f'<html lang="id"><head><title>{title}</title>'
        '<link rel="canonical" href="https://news.kabar.example/a/1"></head><body><article>'
        f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    made = client.post("/v1/summaries", json={"html": html}).json()
    assert post_report(client, made["summary_id"], takeaway_index=0,
                       category="inaccurate").status_code == 201
    token = make_account(client.app, "rina", "reviewer")  # type: ignore[arg-type]
    reviewer = {"Authorization": f"Bearer {token}"}
    for site, found in (("news.kabar.example", 1), ("detik.com", 0)):
        listed = client.get(f"/v1/reports?site={site}", headers=reviewer).json()["reports"]
        assert len(listed) == found


def test_a_stored_report_is_201_even_when_its_webhook_event_cannot_be_written(
    client: TestClient, summary: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial on PostgreSQL: a connection killed between the report's commit and its
    ``report.filed`` event answered 500 for a report that was stored. The reader is told
    the truth; only the event is lost, as in a crash between the two commits."""

    def connection_killed(*_args: Any, **_kwargs: Any) -> None:
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(reports.webhooks, "emit", connection_killed)
    sent = post_report(client, summary["summary_id"], category="inaccurate", takeaway_index=0)
    assert sent.status_code == 201, sent.text
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        assert session.get(Report, sent.json()["id"]) is not None
