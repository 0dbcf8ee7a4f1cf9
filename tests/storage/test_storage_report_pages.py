"""The dashboard's listing on SQLite and PostgreSQL: keyset pages that neither repeat nor
skip a report (also while reports arrive), and the filters that combine.

The pages are asked through ``service.review.report_page``, as ``GET /v1/reports`` and
``/review`` ask them, on the real databases of ``tests/storage/conftest.py``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from test_storage_repository import make_result

from intisari.service import review
from intisari.service.errors import Invalid
from intisari.storage import repository
from intisari.storage.models import DEFAULT_PUBLISHER_ID, Publisher, Report, StoredSummary
from intisari.storage.repository import ReportFilter

#: Reports of the pagination tests: a few thousand, many sharing a moment, so the order
#: must fall back on the id (a report filed in the same microsecond as another).
MANY = 3000
#: Reports per moment: ties between ``created_at`` values are the common case here.
PER_MOMENT = 7
START = datetime(2025, 3, 1, tzinfo=UTC)


def add_summary(
    session: Session, key: str, *, url: str | None = None,
    publisher_id: int = DEFAULT_PUBLISHER_ID,
) -> StoredSummary:
    return repository.add_summary(
        session, content_hash=key * 64, engine_version="0.1.0", result=make_result(),
        url=url, publisher_id=publisher_id,
    )  # fmt: skip


def add_reports(session: Session, summary: StoredSummary, count: int, **changes: Any) -> None:
    """``count`` reports in one statement, ``PER_MOMENT`` to a moment, a minute apart."""
    rows = [
        {
            "summary_id": summary.id,
            "takeaway_index": 0,
            "category": "inaccurate",
            "client_hash": f"client-{i}",
            "duplicates": 0,
            "status": "open",
            "created_at": START + timedelta(minutes=i // PER_MOMENT),
            **changes,
        }
        for i in range(count)
    ]
    session.execute(insert(Report), rows)
    session.commit()


def walk(session: Session, filters: ReportFilter, limit: int) -> list[list[int]]:
    """Every page from the first, following ``next``: the ids of each."""
    pages: list[list[int]] = []
    cursor = None
    while True:
        page = review.report_page(session, filters, cursor=cursor, limit=limit)
        pages.append([r.id for r in page.reports])
        if page.next is None:
            return pages
        # The cursor goes through its text, as the address and the JSON carry it.
        cursor = review.parse_cursor(str(page.next))


def test_pages_neither_repeat_nor_skip_a_report(session: Session) -> None:
    add_reports(session, add_summary(session, "a"), MANY)
    pages = walk(session, ReportFilter(), limit=50)
    seen = [report_id for page in pages for report_id in page]
    assert len(pages) == MANY // 50
    assert len(seen) == len(set(seen)) == MANY
    # Newest first, ties broken by id: exactly the order of (created_at, id) descending.
    expected = session.execute(
        select(Report.id).order_by(Report.created_at.desc(), Report.id.desc())
    ).scalars().all()  # fmt: skip
    assert seen == list(expected)


def test_going_back_gives_the_same_pages(session: Session) -> None:
    add_reports(session, add_summary(session, "a"), 500)
    forward = walk(session, ReportFilter(), limit=40)
    page = review.report_page(session, ReportFilter(), cursor=None, limit=40)
    for _ in range(len(forward) - 1):
        assert page.next is not None
        page = review.report_page(session, ReportFilter(), cursor=page.next, limit=40)
    assert page.next is None and [r.id for r in page.reports] == forward[-1]
    backward = [[r.id for r in page.reports]]
    while page.previous is not None:
        page = review.report_page(
            session, ReportFilter(), cursor=review.parse_cursor(str(page.previous)), limit=40
        )
        backward.append([r.id for r in page.reports])
    assert backward[::-1] == forward


def test_reports_filed_meanwhile_do_not_shift_the_pages(session: Session) -> None:
    summary = add_summary(session, "a")
    add_reports(session, summary, 1000)
    before = walk(session, ReportFilter(), limit=100)
    first = review.report_page(session, ReportFilter(), cursor=None, limit=100)
    # New reports arrive (newer than every page) while the reviewer is on page 1 ...
    add_reports(session, summary, 250, created_at=START + timedelta(days=30))
    seen = [r.id for r in first.reports]
    cursor = first.next
    while cursor is not None:
        page = review.report_page(session, ReportFilter(), cursor=cursor, limit=100)
        seen.extend(r.id for r in page.reports)
        cursor = page.next
    # ... and the pages after it are the ones the reviewer would have seen: no repeat, no gap.
    assert seen == [report_id for page in before for report_id in page]
    # Going back to the top shows them.
    assert review.report_page(session, ReportFilter(), cursor=None, limit=100).previous is None


def test_filters_combine(session: Session) -> None:
    session.add(Publisher(slug="tempo", name="Tempo"))
    session.commit()
    tempo = session.scalars(select(Publisher).where(Publisher.slug == "tempo")).one()
    kompas = add_summary(session, "a", url="https://www.kompas.com/read/2025/03/01/banjir")
    bola = add_summary(session, "b", url="https://bola.kompas.com/read/1")
    port = add_summary(session, "c", url="HTTP://KOMPAS.COM:8080/x", publisher_id=tempo.id)
    pasted = add_summary(session, "d")
    lookalike = add_summary(session, "e", url="https://evil.example/www.kompas.com/")
    for summary in (kompas, bola, port, pasted, lookalike):
        add_reports(session, summary, 3)
    add_reports(session, kompas, 2, category="offensive", status="confirmed")

    def count(**filters: Any) -> int:
        chosen = review.report_filter(**{"scope": None, **filters})
        return len(review.report_page(session, chosen, cursor=None, limit=1000).reports)

    assert count() == 17
    # The host with or without www., any scheme, port or case; never another host.
    assert count(site="kompas.com") == count(site="www.kompas.com") == 5 + 3
    assert count(site="WWW.Kompas.com", status="open") == 3 + 3
    assert count(site="bola.kompas.com") == 3
    assert count(site="example") == 0
    assert count(publisher="tempo") == 3
    assert count(publisher="tempo", site="bola.kompas.com") == 0
    assert count(publisher="nobody") == 0
    # The caller's scope: the publisher filter narrows within it and never widens it.
    assert count(scope=tempo.id) == count(scope=tempo.id, publisher="tempo") == 3
    assert count(scope=DEFAULT_PUBLISHER_ID) == 14
    assert count(scope=DEFAULT_PUBLISHER_ID, publisher="tempo") == 0
    assert count(scope=tempo.id, site="kompas.com") == 3
    assert count(category="offensive", site="kompas.com") == 2
    assert count(category="offensive", status="open") == 0
    moment = START + timedelta(minutes=0)
    assert count(since=moment, until=moment + timedelta(seconds=1)) == 17
    assert count(since=moment + timedelta(seconds=1)) == 0
    assert count(since=moment + timedelta(seconds=1), until=moment) == 0  # empty, not an error
    # The tabs count by status among the filtered reports.
    counts = review.status_counts(session, review.report_filter(scope=None, site="kompas.com"))
    assert counts == {"open": 6, "confirmed": 2, "dismissed": 0}
    counts = review.status_counts(session, review.report_filter(scope=tempo.id, status="open"))
    assert counts == {"open": 3, "confirmed": 0, "dismissed": 0}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"status": "all"}, "status"),
        ({"category": "boring"}, "category"),
        ({"publisher": "Tempo Media"}, "publisher"),
        ({"site": "https://www.kompas.com/"}, "site"),
        ({"site": "kompas.com' OR '1'='1"}, "site"),
        ({"site": "%"}, "site"),
    ],
)
def test_bad_filters_are_invalid(filters: dict[str, Any], message: str) -> None:
    with pytest.raises(Invalid, match=message):
        review.report_filter(scope=None, **filters)


@pytest.mark.parametrize(
    "cursor",
    ["", "a", "c-1-1", "a-1-1 ", "a--1-1", "a-1-", "a-123456789012345678-1", "a-1-12345678901"],
)
def test_a_cursor_the_listing_did_not_hand_out_is_invalid(cursor: str) -> None:
    with pytest.raises(Invalid, match="cursor"):
        review.parse_cursor(cursor)


def test_every_cursor_the_pattern_accepts_is_a_key(session: Session) -> None:
    """The OpenAPI pattern promises it: the largest one is a moment and an id the database
    compares with (an id beyond PostgreSQL's INTEGER too)."""
    add_reports(session, add_summary(session, "a"), 3)
    for text in ("a-99999999999999999-9999999999", "b-0-0", "a-0-0", "b-99999999999999999-1"):
        cursor = review.parse_cursor(text)
        assert str(cursor) == text
        page = review.report_page(session, ReportFilter(), cursor=cursor, limit=10)
        assert len(page.reports) in (0, 3)
