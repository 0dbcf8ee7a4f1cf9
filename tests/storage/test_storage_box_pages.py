"""The box listings (``GET /v1/boxes``, ``/review/boxes``) on SQLite and PostgreSQL: each
box in one listing by what readers see, keyset pages that neither repeat nor skip a box
(ties on ``created_at`` broken by id, also while boxes arrive), going back, and the scope.

The pages are asked through ``service.boxes``, as the route and the page ask them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session
from test_storage_repository import make_result

from intisari.service import boxes, editorial, paging
from intisari.service.errors import Forbidden, Invalid
from intisari.storage import repository
from intisari.storage.models import DEFAULT_PUBLISHER_ID, Publisher, StoredSummary

START = datetime(2026, 3, 1, tzinfo=UTC)
#: Boxes per moment: ties between ``created_at`` values must fall back on the id.
PER_MOMENT = 3


@dataclass(frozen=True)
class Staff:
    name: str
    role: str
    publisher_id: int | None


EDITOR = Staff("eda", "editor", None)
REVIEWER = Staff("rina", "reviewer", None)


def add_boxes(
    session: Session, prefix: str, count: int, *, publisher_id: int = DEFAULT_PUBLISHER_ID,
    draft: bool = False, hidden: bool = False, start: datetime = START,
) -> list[str]:
    """``count`` boxes, ``PER_MOMENT`` to a moment a minute apart; their ids."""
    ids = []
    for i in range(count):
        stored = repository.add_summary(
            session, content_hash=f"{prefix}-{i}-".ljust(64, "0"), engine_version="v",
            result=make_result(), publisher_id=publisher_id, draft=draft,
        )  # fmt: skip
        moment = start + timedelta(minutes=i // PER_MOMENT)
        session.execute(
            update(StoredSummary).where(StoredSummary.id == stored.id)
            .values(created_at=moment, hidden=hidden)
        )  # fmt: skip
        ids.append(stored.id)
    session.commit()
    session.expire_all()
    return ids


def walk(session: Session, filters: boxes.BoxFilter, limit: int) -> list[list[str]]:
    """Every page from the first, following ``next`` through its text: the ids of each."""
    pages: list[list[str]] = []
    cursor = None
    while True:
        page = boxes.box_page(session, filters, cursor=cursor, limit=limit)
        pages.append([s.id for s in page.boxes])
        if page.next is None:
            return pages
        cursor = boxes.parse_box_cursor(str(page.next))


def _keys(session: Session, ids: list[str]) -> list[tuple[datetime, str]]:
    rows = [session.get(StoredSummary, i) for i in ids]
    return [(row.created_at, row.id) for row in rows if row is not None]


def test_each_box_is_in_one_listing_and_pages_neither_repeat_nor_skip(session: Session) -> None:
    published = add_boxes(session, "p", 23)
    drafts = add_boxes(session, "d", 7, draft=True)
    hidden = add_boxes(session, "h", 4, hidden=True) + add_boxes(
        session, "hd", 2, draft=True, hidden=True
    )
    for status, expected, limit in (
        ("published", published, 5), ("pending", drafts, 3), ("hidden", hidden, 4)
    ):
        filters = boxes.box_filter(EDITOR, status=status, publisher=None)
        pages = walk(session, filters, limit)
        seen = [i for page in pages for i in page]
        assert len(seen) == len(set(seen)) == len(expected), status
        assert set(seen) == set(expected), status
        assert all(len(page) == limit for page in pages[:-1])
        keys = _keys(session, seen)
        # Drafts are the queue, oldest first; the others newest first; ties by id.
        assert keys == sorted(keys, reverse=status != "pending"), status


def test_going_back_gives_the_same_pages(session: Session) -> None:
    add_boxes(session, "p", 17)
    filters = boxes.box_filter(EDITOR, status="published", publisher=None)
    pages = walk(session, filters, 4)
    page = boxes.box_page(session, filters, cursor=None, limit=4)
    forward = [page]
    while page.next is not None:
        page = boxes.box_page(session, filters, cursor=page.next, limit=4)
        forward.append(page)
    assert forward[0].previous is None and forward[-1].next is None
    for number in range(len(forward) - 1, 0, -1):
        previous = forward[number].previous
        assert previous is not None
        back = boxes.box_page(
            session, filters, cursor=boxes.parse_box_cursor(str(previous)), limit=4
        )
        assert [s.id for s in back.boxes] == pages[number - 1]


def test_boxes_stored_meanwhile_do_not_shift_the_pages(session: Session) -> None:
    add_boxes(session, "p", 12)
    filters = boxes.box_filter(EDITOR, status="published", publisher=None)
    first = boxes.box_page(session, filters, cursor=None, limit=5)
    assert first.next is not None
    before = walk(session, filters, 5)
    add_boxes(session, "new", 3, start=START + timedelta(days=1))
    second = boxes.box_page(session, filters, cursor=first.next, limit=5)
    assert [s.id for s in second.boxes] == before[1]


def test_the_scope_and_the_publisher_filter(session: Session) -> None:
    other = session.query(Publisher).filter_by(slug="boxpages").one_or_none()
    if other is None:
        other = Publisher(slug="boxpages", name="Box Pages")
        session.add(other)
        session.commit()
    ours = add_boxes(session, "ours", 3)
    theirs = add_boxes(session, "theirs", 2, publisher_id=other.id)
    everyone = boxes.box_filter(EDITOR, status="published", publisher=None)
    assert set(walk(session, everyone, 10)[0]) == {*ours, *theirs}
    narrowed = boxes.box_filter(EDITOR, status="published", publisher="boxpages")
    assert set(walk(session, narrowed, 10)[0]) == set(theirs)
    newsroom = Staff("ani", "editor", other.id)
    assert set(walk(session, boxes.box_filter(newsroom, status="published", publisher=None),
                    10)[0]) == set(theirs)
    # Another publisher's slug narrows within the scope: nothing, as an unknown slug.
    for slug in ("default", "no-such-publisher"):
        asked = boxes.box_filter(newsroom, status="published", publisher=slug)
        assert walk(session, asked, 10) == [[]]


def test_a_box_moves_between_listings_as_editors_and_reviewers_act(session: Session) -> None:
    (draft,) = add_boxes(session, "d", 1, draft=True)

    def listed(status: str) -> list[str]:
        return walk(session, boxes.box_filter(EDITOR, status=status, publisher=None), 10)[0]

    assert (listed("pending"), listed("published")) == ([draft], [])
    editorial.approve(session, draft, EDITOR, revision=1)
    assert (listed("pending"), listed("published")) == ([], [draft])
    stored = session.get(StoredSummary, draft)
    assert stored is not None
    repository.set_hidden(session, stored, True)
    assert (listed("published"), listed("hidden")) == ([], [draft])


@pytest.mark.parametrize(
    ("asked", "error"),
    [
        ({"status": "open"}, Invalid),
        ({"status": "published", "publisher": "Not A Slug"}, Invalid),
        ({"status": "pending"}, Forbidden),  # drafts are editors' only
    ],
)
def test_bad_listings_are_refused(asked: dict[str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        boxes.box_filter(REVIEWER, status=asked["status"], publisher=asked.get("publisher"))


@pytest.mark.parametrize("cursor", ["", "c-1-abc", "a-1-", "a-x-abc", "a-1-a b", "a-1-" + "x" * 33])
def test_a_cursor_the_listing_did_not_hand_out_is_invalid(cursor: str) -> None:
    with pytest.raises(Invalid):
        boxes.parse_box_cursor(cursor)


def test_a_summary_id_with_hyphens_survives_its_cursor() -> None:
    cursor = paging.Cursor(True, (START, "-ab_c-d"))
    assert boxes.parse_box_cursor(str(cursor)) == cursor
