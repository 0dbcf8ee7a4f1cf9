"""Summaries, reports and their rules, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from intisari.storage import repository
from intisari.storage.database import make_engine, make_sessions
from intisari.storage.models import Report, StoredSummary
from intisari.storage.repository import ReportFilter

WINDOW_S = 3600
HIDE_AT = 3
HIDE_WINDOW_S = 24 * 3600
#: The auto-hide rule of these tests: three clients within a day.
HIDE = {"auto_hide_at": HIDE_AT, "auto_hide_window_s": HIDE_WINDOW_S}


def make_result(n_takeaways: int = 3) -> dict[str, Any]:
    text = " ".join(f"Kalimat nomor {i} tentang banjir di Jakarta." for i in range(n_takeaways))
    takeaways = []
    start = 0
    for i in range(n_takeaways):
        sentence = f"Kalimat nomor {i} tentang banjir di Jakarta."
        span = [start, start + len(sentence)]
        takeaways.append({"text": sentence, "spans": [span], "score": 1.0})
        start += len(sentence) + 1
    return {
        "id": None,
        "language": "id",
        "language_supported": True,
        "title": "Banjir Jakarta",
        "text": text,
        "takeaways": takeaways,
        "notice": "Intisari ini dibuat dengan AI.",
        "removed": [],
        "engine": {"name": "intisari", "version": "0.1.0", "method": "heuristic"},
    }


def new_summary(session: Session, key: str = "a" * 64) -> StoredSummary:
    return repository.add_summary(
        session, content_hash=key, engine_version="0.1.0", result=make_result(), url=None
    )


def report(session: Session, summary: StoredSummary, **changes: Any) -> tuple[Any, bool]:
    arguments: dict[str, Any] = {
        "takeaway_index": 1,
        "category": "inaccurate",
        "comment": None,
        "client_hash": "client-1",
        "duplicate_window_s": WINDOW_S,
        **HIDE,
    }
    arguments.update(changes)
    filed = repository.add_report(session, summary, **arguments)
    return filed.report, filed.created


def test_summary_round_trip_keeps_the_engine_result(session: Session) -> None:
    stored = new_summary(session)
    session.expunge_all()
    again = repository.get_summary(session, stored.id)
    assert again is not None
    assert again.result == make_result()
    assert again.created_at.tzinfo is not None
    assert repository.find_summary(session, "a" * 64, "0.1.0").id == stored.id
    assert repository.find_summary(session, "a" * 64, "0.2.0") is None


def test_storing_the_same_input_twice_returns_the_first_row(session: Session) -> None:
    first = new_summary(session)
    second = new_summary(session)
    assert second.id == first.id


def test_summary_ids_are_unguessable_and_distinct(session: Session) -> None:
    ids = {new_summary(session, key=str(i) * 64).id for i in range(5)}
    assert len(ids) == 5
    assert all(len(i) == 16 for i in ids)


def test_a_report_is_stored_open(session: Session) -> None:
    summary = new_summary(session)
    created, is_new = report(session, summary, comment="<script>alert(1)</script>")
    assert is_new
    session.expunge_all()
    stored = repository.get_report(session, created.id)
    assert stored is not None
    assert (stored.status, stored.duplicates) == ("open", 0)
    assert stored.comment == "<script>alert(1)</script>"


def test_a_report_keeps_the_revision_the_reader_saw(session: Session) -> None:
    """Stored and read back on each database, in the export's line too; ``None`` when the
    client did not say."""
    summary = new_summary(session)
    seen, _ = report(session, summary, revision=3, takeaway={"text": "Kalimat nomor 1"})
    unsaid, _ = report(session, summary, client_hash="client-2")
    session.expunge_all()
    again = repository.get_report(session, seen.id)
    assert again is not None and again.revision == 3
    assert repository.regression_case(again)["report"]["revision"] == 3
    other = repository.get_report(session, unsaid.id)
    assert other is not None and other.revision is None


def test_duplicate_within_the_window_is_merged(session: Session) -> None:
    summary = new_summary(session)
    first, _ = report(session, summary)
    again, is_new = report(session, summary)
    assert not is_new
    assert again.id == first.id
    assert again.duplicates == 1
    assert len(repository.list_reports(session)) == 1


#: Identical reports sent at once, each from its own session (as server threads are).
SIMULTANEOUS = 8


def send_at_once(database_url: str, summary_id: str, comments: list[str | None]) -> list[bool]:
    """Each comment's report from its own session and thread, all let go at the same
    instant; whether each was ``created``."""
    engine = make_engine(database_url)
    sessions = make_sessions(engine)
    start = threading.Barrier(len(comments))
    outcomes: list[bool] = []

    def send(comment: str | None) -> None:
        with sessions() as own:
            summary = repository.get_summary(own, summary_id)
            assert summary is not None
            start.wait()
            outcomes.append(report(own, summary, comment=comment, auto_hide_at=100)[1])

    threads = [threading.Thread(target=send, args=(comment,)) for comment in comments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    return outcomes


@pytest.mark.parametrize("comment", [None, "the date is wrong"])
def test_simultaneous_identical_reports_make_one_row_that_counts_them_all(
    session: Session, database_url: str, comment: str | None
) -> None:
    summary_id = new_summary(session).id
    outcomes = send_at_once(database_url, summary_id, [comment] * SIMULTANEOUS)
    assert sorted(outcomes) == [False] * (SIMULTANEOUS - 1) + [True]
    session.expire_all()
    (stored,) = repository.list_reports(session)
    assert (stored.duplicates, stored.comment) == (SIMULTANEOUS - 1, comment)


def test_simultaneous_reports_with_different_comments_keep_every_comment(
    session: Session, database_url: str
) -> None:
    """A burst of one client's reports on one bullet, each saying something else: 7 of 8
    comments were dropped (an operator's trial, F2)."""
    summary_id = new_summary(session).id
    comments = [f"comment {i}" for i in range(SIMULTANEOUS)]
    assert send_at_once(database_url, summary_id, comments) == [True] * SIMULTANEOUS
    session.expire_all()
    stored = repository.list_reports(session)
    assert sorted(r.comment for r in stored) == comments
    assert {r.duplicates for r in stored} == {0}


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("first comment", None),
        ("first comment", ""),
        ("first comment", " \n"),
        ("first comment", "first comment"),
        ("first comment", " first comment\r\n"),
        ("nul \x00 char", "nul \x00 char"),
        (None, "  "),
    ],
)
def test_a_repeat_that_says_nothing_new_is_merged(
    session: Session, first: str | None, again: str | None
) -> None:
    summary = new_summary(session)
    filed, _ = report(session, summary, comment=first)
    merged, is_new = report(session, summary, comment=again)
    assert not is_new and merged.id == filed.id and merged.duplicates == 1
    session.expunge_all()
    (stored,) = repository.list_reports(session)
    assert stored.comment == (None if first is None else first.replace("\x00", "\ufffd"))


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("first comment", "UPDATE: the date is wrong too"),
        (None, "now with the reason: paragraph 3 says 2019"),
        ("", "now with words"),
    ],
)
def test_a_repeat_with_a_new_comment_is_a_report_of_its_own(
    session: Session, first: str | None, again: str
) -> None:
    """Merged, the new comment was dropped: answered 200 with the first comment, and
    never seen by reviewers or the export (an operator's trial, F2)."""
    summary = new_summary(session)
    filed, _ = report(session, summary, comment=first)
    kept, is_new = report(session, summary, comment=again)
    assert is_new and kept.id != filed.id
    session.expunge_all()
    stored = repository.list_reports(session, ReportFilter(status="open"))
    assert [(r.comment, r.duplicates) for r in stored] == [(again, 0), (first, 0)]


def test_a_repeat_goes_into_the_report_that_says_the_same(session: Session) -> None:
    summary = new_summary(session)
    first, _ = report(session, summary, comment="first comment")
    second, _ = report(session, summary, comment="UPDATE: the date is wrong too")
    retried, is_new = report(session, summary, comment="UPDATE: the date is wrong too")
    assert not is_new and retried.id == second.id
    clicked, is_new = report(session, summary, comment=None)  # no word: the earliest
    assert not is_new and clicked.id == first.id
    session.expunge_all()
    stored = repository.list_reports(session)
    assert [(r.id, r.duplicates) for r in stored] == [(second.id, 1), (first.id, 1)]


@pytest.mark.parametrize(
    "change",
    [
        {"client_hash": "client-2"},
        {"category": "misleading"},
        {"takeaway_index": 2},
        {"takeaway_index": None},
    ],
)
def test_a_report_that_differs_is_not_merged(session: Session, change: dict[str, Any]) -> None:
    summary = new_summary(session)
    report(session, summary)
    _, is_new = report(session, summary, **change)
    assert is_new


def test_a_repeat_after_the_window_is_a_new_report(session: Session) -> None:
    summary = new_summary(session)
    report(session, summary, now=datetime.now(UTC) - timedelta(seconds=WINDOW_S + 10))
    _, is_new = report(session, summary)
    assert is_new


@pytest.mark.parametrize("decision", ["dismissed", "confirmed"])
def test_a_repeat_after_a_decision_is_a_new_open_report(session: Session, decision: str) -> None:
    """Merged into the decided report, a re-filing stayed dismissed and never reached the
    open queue (an operator's trial, F3)."""
    summary = new_summary(session)
    first, _ = report(session, summary, comment="misleading")
    repository.review_report(
        session, first, status=decision, note=None, reviewer="rev", **HIDE
    )
    again, is_new = report(session, summary, comment="I checked again: see paragraph 3")
    assert is_new and again.id != first.id
    session.expunge_all()
    (still_open,) = repository.list_reports(session, ReportFilter(status="open"))
    assert still_open.id == again.id
    assert (still_open.comment, still_open.duplicates) == ("I checked again: see paragraph 3", 0)
    decided = repository.get_report(session, first.id)
    assert decided is not None
    assert (decided.status, decided.comment, decided.duplicates) == (decision, "misleading", 0)


def test_repeats_merge_into_the_open_report_not_the_decided_one(session: Session) -> None:
    summary = new_summary(session)
    first, _ = report(session, summary)
    repository.review_report(
        session, first, status="dismissed", note=None, reviewer="rev", **HIDE
    )
    second, _ = report(session, summary)
    third, is_new = report(session, summary)
    assert not is_new and third.id == second.id and third.duplicates == 1


def test_a_repeat_on_another_sentence_at_the_same_index_is_a_report_of_its_own(
    session: Session,
) -> None:
    """An editor reordered the box between the two reports: the same index names another
    sentence, and merged, the second report was lost (an editor's trial, section 2)."""
    summary = new_summary(session)
    before = {"text": "Peskov mencatat bahwa perang ...", "spans": [[0, 30]]}
    after = {"text": "Peskov menyatakan NATO memandang Rusia sebagai musuh.", "spans": [[31, 80]]}
    first, _ = report(session, summary, takeaway=before)
    again, is_new = report(session, summary, takeaway=after)
    assert is_new and again.id != first.id
    same, is_new = report(session, summary, takeaway=dict(after))
    assert not is_new and same.id == again.id
    session.expunge_all()
    stored = repository.list_reports(session, ReportFilter(status="open"))
    assert [(r.takeaway_text, r.duplicates) for r in stored] == [
        (after["text"], 1), (before["text"], 0),
    ]


def test_whole_box_reports_merge_too(session: Session) -> None:
    summary = new_summary(session)
    report(session, summary, takeaway_index=None)
    _, is_new = report(session, summary, takeaway_index=None)
    assert not is_new


def test_enough_open_reports_hide_a_summary(session: Session) -> None:
    summary = new_summary(session)
    for client in ("a", "b"):
        report(session, summary, client_hash=client)
    assert not summary.hidden
    report(session, summary, client_hash="a")  # a duplicate does not count twice
    assert not summary.hidden
    report(session, summary, client_hash="c")
    assert summary.hidden and summary.hidden_reason == "auto"


def test_dismissing_reports_shows_an_auto_hidden_summary_again(session: Session) -> None:
    summary = new_summary(session)
    reports = [report(session, summary, client_hash=c)[0] for c in ("a", "b", "c")]
    assert summary.hidden
    repository.review_report(
        session, reports[0], status="dismissed", note="fine", reviewer="rev", **HIDE
    )
    assert not summary.hidden
    assert reports[0].reviewed_by == "rev" and reports[0].reviewed_at is not None


def test_a_reviewers_decision_stands_until_new_reports(session: Session) -> None:
    summary = new_summary(session)
    for client in ("a", "b", "c"):
        report(session, summary, client_hash=client)
    repository.set_hidden(session, summary, False)
    report(session, summary, client_hash="d")
    assert not summary.hidden  # the three before the decision no longer count
    for client in ("e", "f"):
        report(session, summary, client_hash=client)
    assert summary.hidden


def test_a_reviewer_can_hide_at_once(session: Session) -> None:
    summary = new_summary(session)
    repository.set_hidden(session, summary, True)
    session.expunge_all()
    stored = repository.get_summary(session, summary.id)
    assert stored is not None
    assert stored.hidden and stored.hidden_reason == "reviewer"
    # Confirming reports never un-hides what a reviewer hid.
    created, _ = report(session, stored)
    repository.review_report(
        session, created, status="dismissed", note=None, reviewer="r", **HIDE
    )
    assert stored.hidden


def test_list_reports_filters(session: Session) -> None:
    one = new_summary(session, key="1" * 64)
    two = new_summary(session, key="2" * 64)
    old = datetime(2024, 1, 1, tzinfo=UTC)
    report(session, one, client_hash="a", now=old)
    report(session, one, client_hash="b", category="offensive")
    last, _ = report(session, two, client_hash="a", category="offensive")
    repository.review_report(
        session, last, status="confirmed", note=None, reviewer="r", **HIDE
    )

    def listed(**filters: Any) -> list[Report]:
        return repository.list_reports(session, ReportFilter(**filters))

    assert len(listed()) == 3
    assert [r.id for r in listed(status="confirmed")] == [last.id]
    assert len(listed(category="offensive")) == 2
    assert len(listed(summary_id=one.id)) == 2
    assert len(listed(since=datetime(2025, 1, 1, tzinfo=UTC))) == 2
    assert len(listed(until=datetime(2025, 1, 1, tzinfo=UTC))) == 1
    newest_first = listed()
    assert newest_first[-1].created_at == old
    assert newest_first[0].summary.id in (one.id, two.id)  # summary loaded with it
    first = (newest_first[0].created_at, newest_first[0].id)
    older = repository.list_reports(session, older_than=first, limit=1)
    assert older == [newest_first[1]]


def test_report_stats_count_per_day_and_category(session: Session) -> None:
    summary = new_summary(session)
    day1 = datetime(2025, 3, 1, 10, tzinfo=UTC)
    day2 = datetime(2025, 3, 2, 23, 59, tzinfo=UTC)
    report(session, summary, client_hash="a", now=day1)
    report(session, summary, client_hash="b", now=day1 + timedelta(hours=1))
    report(session, summary, client_hash="c", category="other", now=day2)
    stats = repository.report_stats(session)
    assert [(s.day, s.category, s.count) for s in stats] == [
        (date(2025, 3, 1), "inaccurate", 2),
        (date(2025, 3, 2), "other", 1),
    ]
    assert len(repository.report_stats(session, since=datetime(2025, 3, 2, tzinfo=UTC))) == 1


def test_confirmed_reports_export_as_regression_cases(session: Session) -> None:
    summary = new_summary(session)
    confirmed, _ = report(session, summary, comment="salah angka")
    report(session, summary, client_hash="other")  # stays open: not exported
    repository.review_report(
        session, confirmed, status="confirmed", note="ok", reviewer="r", **HIDE
    )
    cases = [repository.regression_case(r) for r in repository.confirmed_reports(session)]
    assert len(cases) == 1
    case = cases[0]
    assert set(case) == {
        "id", "summary_id", "lang", "title", "text", "takeaways", "engine", "report"
    }
    assert "summary" not in case
    assert case["id"] == str(confirmed.id)
    assert case["text"] == make_result()["text"]
    assert case["takeaways"] == make_result()["takeaways"]
    assert case["report"]["category"] == "inaccurate"
    assert case["report"]["status"] == "confirmed"
    assert case["report"]["takeaway_index"] == 1
    assert datetime.fromisoformat(case["report"]["reviewed_at"]).tzinfo is not None


def test_the_export_since_a_moment_holds_the_reports_confirmed_since(session: Session) -> None:
    """``GET /v1/reports/export?since=`` for an incremental export: by the moment of
    confirmation, so that a report filed before the last export and confirmed after it
    is in the next one (by ``created_at`` it would be in none)."""
    march = datetime(2025, 3, 1, 8, tzinfo=UTC)
    summary = new_summary(session)
    before, _ = report(session, summary)
    filed_early, _ = report(session, summary, client_hash="b")
    after, _ = report(session, summary, client_hash="c")
    open_one, _ = report(session, summary, client_hash="d")
    filed_early.created_at = march - timedelta(days=30)
    for confirmed, at in ((before, march - timedelta(seconds=1)), (filed_early, march),
                          (after, march + timedelta(hours=1))):  # fmt: skip
        repository.review_report(
            session, confirmed, status="confirmed", note=None, reviewer="r", now=at, **HIDE
        )
    session.expunge_all()

    def exported(since: datetime | None) -> list[int]:
        return [r.id for r in repository.confirmed_reports(session, since=since)]

    assert exported(march) == [filed_early.id, after.id]  # at the moment itself: included
    assert exported(None) == [before.id, filed_early.id, after.id]
    assert exported(march + timedelta(days=1)) == []
    assert open_one.id not in exported(datetime(2000, 1, 1, tzinfo=UTC))


def test_unknown_category_or_status_is_refused(session: Session) -> None:
    summary = new_summary(session)
    with pytest.raises(ValueError, match="category"):
        report(session, summary, category="boring")
    created, _ = report(session, summary)
    with pytest.raises(ValueError, match="status"):
        repository.review_report(
            session, created, status="maybe", note=None, reviewer="r", **HIDE
        )


def test_instance_secret_is_made_once(session: Session) -> None:
    first = repository.instance_secret(session, "cookie-key")
    assert len(first) >= 32
    assert repository.instance_secret(session, "cookie-key") == first
    assert repository.instance_secret(session, "other") != first


def test_nul_characters_are_stored_as_replacement_characters(session: Session) -> None:
    """PostgreSQL refuses NUL in text; both backends store U+FFFD instead."""
    summary = new_summary(session)
    created, _ = report(session, summary, comment="a\x00b")
    # The object the caller answers with holds what was stored (it held "a\x00b": F13).
    assert created.comment == "a\ufffdb"
    session.expunge_all()
    stored = repository.get_report(session, created.id)
    assert stored is not None and stored.comment == "a\ufffdb"
    assert repository.get_summary(session, "x\x00y") is None
    assert repository.list_reports(session, ReportFilter(summary_id="x\x00y")) == []


def test_only_the_report_that_hides_a_summary_says_so(session: Session, database_url: str) -> None:
    """The hidden flag is read under the summary's lock: a report whose request read the
    summary before others hid it does not hide it again (12 readers at once had sent 7-8
    ``summary.hidden`` webhooks: a trial on PostgreSQL)."""
    summary = new_summary(session)
    engine = make_engine(database_url)
    try:
        with make_sessions(engine)() as late:
            stale = late.get(StoredSummary, summary.id)
            assert stale is not None and not stale.hidden  # read before anyone reported
            hid = [
                repository.add_report(session, summary, **_arguments(f"reader-{i}")).hid_summary
                for i in range(HIDE_AT)
            ]
            assert hid == [False] * (HIDE_AT - 1) + [True]
            filed = repository.add_report(late, stale, **_arguments("reader-late"))
            assert filed.created and not filed.hid_summary and stale.hidden
    finally:
        engine.dispose()


def _arguments(client_hash: str) -> dict[str, Any]:
    return {"takeaway_index": 0, "category": "inaccurate", "comment": None,
            "client_hash": client_hash, "duplicate_window_s": WINDOW_S, **HIDE}
