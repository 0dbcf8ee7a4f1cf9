"""A publisher's newest box of an article (the embed's lookup) and readers' "Helpful?"
votes, on SQLite and PostgreSQL."""

from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from intisari.storage.repository import add_summary, newest_summary_of
from intisari.storage.tenants import create_publisher
from intisari.storage.votes import add_vote, vote_counts

RESULT = {"language": "id", "title": None, "text": "x", "takeaways": []}


def _slug() -> str:
    """Publishers outlive a test on the shared PostgreSQL schema: a name each."""
    return f"pub-{secrets.token_hex(4)}"


def _summary(
    session: Session, publisher_id: int, article_id: str, url: str | None = None,
    *, from_publisher: bool = True,
) -> str:
    return add_summary(
        session, content_hash=secrets.token_hex(32), engine_version="t", result=RESULT,
        article_id=article_id, url=url, publisher_id=publisher_id, from_publisher=from_publisher,
    ).id  # fmt: skip


def test_the_publishers_newest_box_of_an_article(session: Session) -> None:
    mine = create_publisher(session, _slug(), "Mine").id
    theirs = create_publisher(session, _slug(), "Theirs").id
    _summary(session, mine, "a-1", "https://kabar.example/a/1")
    newest = _summary(session, mine, "a-1")
    _summary(session, theirs, "a-2")
    found = newest_summary_of(session, mine, article_id="a-1", url=None)
    assert found is not None and found.id == newest
    by_url = newest_summary_of(session, mine, article_id=None, url="https://kabar.example/a/1")
    assert by_url is not None and by_url.article_id == "a-1"
    # Another publisher's article is not this one's.
    assert newest_summary_of(session, mine, article_id="a-2", url=None) is None
    assert newest_summary_of(session, mine, article_id=None, url=None) is None
    # A newer box an anonymous caller stored under the same id and address is not the
    # embed's (a security trial: an invented box had become the newest).
    _summary(session, mine, "a-1", "https://kabar.example/a/1", from_publisher=False)
    found = newest_summary_of(session, mine, article_id="a-1", url=None)
    assert found is not None and found.id == newest
    by_url = newest_summary_of(session, mine, article_id=None, url="https://kabar.example/a/1")
    assert by_url is not None and by_url.from_publisher


def test_one_vote_per_client_and_box(session: Session) -> None:
    box = _summary(session, 1, "v-1")
    other = _summary(session, 1, "v-2")
    assert add_vote(session, box, "client-a", True) is True
    assert add_vote(session, box, "client-a", False) is False  # changed, not added
    assert add_vote(session, box, "client-b", True) is True
    assert add_vote(session, other, "client-a", True) is True
    assert vote_counts(session, [box, other, "none"]) == {box: (1, 1), other: (1, 0)}
    assert vote_counts(session, []) == {}
