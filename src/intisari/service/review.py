"""What a reviewer does, and what a reader looks up: one summary or report by id, a
decision on a report, hiding a summary, the dashboard's counts, the regression export.

The JSON routes and the pages both call these, so a decision means the same whichever way
it arrives (the auto-hide settings apply to both).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy.orm import Session

from intisari.service import editorial, webhooks
from intisari.service.errors import NotFound
from intisari.service.state import ServiceState
from intisari.storage import repository
from intisari.storage.models import Report, StoredSummary
from intisari.storage.repository import MAX_LIST_LIMIT, DayCount

__all__ = [
    "HIDDEN_LIST_LIMIT",
    "MAX_INT",
    "MAX_LIST_LIMIT",
    "DayCount",
    "decide",
    "export_lines",
    "find_summary",
    "hidden_summaries",
    "list_reports",
    "report_by_id",
    "report_stats",
    "set_hidden",
    "status_counts",
    "summary_by_id",
]

#: Largest id: PostgreSQL's INTEGER; a larger number would overflow the driver.
MAX_INT = 2**31 - 1
#: Most hidden summaries the dashboard lists (newest first); more means a bigger problem
#: than a list can show, and the API's filters are there for it.
HIDDEN_LIST_LIMIT = 100


def summary_by_id(session: Session, summary_id: str) -> StoredSummary:
    """The stored summary, or ``NotFound``."""
    summary = repository.get_summary(session, summary_id)
    if summary is None:
        raise NotFound(f"no summary {summary_id!r}")
    return summary


def report_by_id(session: Session, report_id: int) -> Report:
    """The report, or ``NotFound`` (also for ids outside the database's INTEGER)."""
    report = repository.get_report(session, report_id) if 0 < report_id <= MAX_INT else None
    if report is None:
        raise NotFound(f"no report {report_id}")
    return report


def decide(
    state: ServiceState, session: Session, report: Report, *, status: str, note: str | None,
    reviewer: str,
) -> None:
    """Confirm, dismiss or reopen ``report`` with a note (the auto-hide rule re-counted),
    audited with the decision; a confirmation queues the ``report.confirmed`` webhook in
    the same transaction."""
    if status == "confirmed" and report.status != "confirmed":
        webhooks.emit(session, report.summary.publisher_id, "report.confirmed", {
            "report_id": report.id, "summary_id": report.summary_id,
            "category": report.category, "takeaway_index": report.takeaway_index,
            "note": note,
        })
    before = {"status": report.status, "note": report.note}
    editorial.record_decision(
        session, report.summary, report.id, before, {"status": status, "note": note}, reviewer
    )
    repository.review_report(
        session,
        report,
        status=status,
        note=note,
        reviewer=reviewer,
        auto_hide_at=state.settings.auto_hide_open_reports,
        auto_hide_window_s=state.settings.auto_hide_window_s,
    )


def status_counts(session: Session, publisher_id: int | None = None) -> dict[str, int]:
    """Reports per status (on ``publisher_id``'s summaries if given), for the tabs."""
    return repository.status_counts(session, publisher_id)


def hidden_summaries(session: Session, publisher_id: int | None = None) -> list[StoredSummary]:
    """Hidden summaries, newest first: a reviewer must be able to unhide them all."""
    return repository.hidden_summaries(session, HIDDEN_LIST_LIMIT, publisher_id)


def export_lines(state: ServiceState, publisher_id: int | None = None) -> Iterator[str]:
    """Confirmed reports as regression cases for ``intisari evaluate``, one JSON line each
    (only on ``publisher_id``'s summaries when given).

    Its own session: a request's is closed before a streamed body is sent.
    """
    with state.sessions() as session:
        for report in repository.confirmed_reports(session, publisher_id):
            yield json.dumps(repository.regression_case(report), ensure_ascii=False) + "\n"


def find_summary(session: Session, summary_id: str) -> StoredSummary | None:
    """The stored summary, or None (for pages that answer a missing one their own way)."""
    return repository.get_summary(session, summary_id)


def set_hidden(session: Session, summary: StoredSummary, hidden: bool, *, actor: str) -> None:
    """Hide a summary from readers at once, or show it again, audited with the change;
    hiding queues the ``summary.hidden`` webhook in the same transaction."""
    if hidden and not summary.hidden:
        webhooks.emit(session, summary.publisher_id, "summary.hidden", {
            "summary_id": summary.id, "reason": "reviewer",
        })
    editorial.record_hidden(session, summary, hidden, actor)
    repository.set_hidden(session, summary, hidden)


def list_reports(
    session: Session,
    *,
    status: str | None = None,
    category: str | None = None,
    summary_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = MAX_LIST_LIMIT,
    offset: int = 0,
    publisher_id: int | None = None,
) -> list[Report]:
    """Reports, newest first, filtered (to ``publisher_id``'s summaries when given), each
    with its summary loaded."""
    return repository.list_reports(
        session, status=status, category=category, summary_id=summary_id, since=since,
        until=until, limit=limit, offset=offset, publisher_id=publisher_id,
    )


def report_stats(
    session: Session, *, since: datetime, publisher_id: int | None = None
) -> list[DayCount]:
    """Reports per day and category since ``since``, for the dashboard's chart."""
    return repository.report_stats(session, since=since, publisher_id=publisher_id)
