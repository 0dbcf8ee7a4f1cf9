"""What a reviewer does, and what a reader looks up: one summary or report by id, a
decision on a report, hiding a summary, the dashboard's counts, the regression export.

The JSON routes and the pages both call these, so a decision means the same whichever way
it arrives (the auto-hide settings apply to both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from intisari.report_kinds import CATEGORIES, STATUSES
from intisari.service import editorial, paging, webhooks
from intisari.service.errors import Invalid, NotFound, said
from intisari.service.publishers import SLUG, Scope
from intisari.service.state import ServiceState
from intisari.storage import repository
from intisari.storage.models import Report, StoredSummary
from intisari.storage.repository import (
    MAX_LIST_LIMIT,
    DayCount,
    ReportFilter,
    ReportKey,
)

__all__ = [
    "CURSOR_PATTERN",
    "HIDDEN_LIST_LIMIT",
    "MAX_INT",
    "MAX_LIST_LIMIT",
    "PUBLISHER_PATTERN",
    "SITE_PATTERN",
    "DayCount",
    "ReportFilter",
    "ReportPage",
    "day_or_moment",
    "decide",
    "export_lines",
    "find_summary",
    "hidden_summaries",
    "parse_cursor",
    "report_filter",
    "report_page",
    "report_stats",
    "set_hidden",
    "status_counts",
    "summary_by_id",
]

#: Largest id: PostgreSQL's INTEGER; a larger number would overflow the driver.
MAX_INT = 2**31 - 1
#: A publisher's slug, as ``Publisher.slug`` holds them (the rule new slugs are checked by).
PUBLISHER_PATTERN = SLUG.pattern
#: A host name: letters, digits, dots and hyphens (so it holds no LIKE wildcard), at most
#: DNS's 253 characters.
SITE_PATTERN = r"[A-Za-z0-9.-]{1,253}"
#: ``a`` (older than) or ``b`` (newer than), microseconds since 1970, a report id.
CURSOR_PATTERN = r"[ab]-[0-9]{1,17}-[0-9]{1,10}"
#: A date or a moment in ISO 8601 (``2025-03-01``, ``2025-03-01T08:00:00Z``); Python alone
#: would also take ``20250301`` and week dates, which no reviewer means.
ISO_8601 = re.compile(
    r"\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?"
)
#: Most hidden summaries the dashboard lists (newest first); more means a bigger problem
#: than a list can show, and the API's filters are there for it.
HIDDEN_LIST_LIMIT = 100


def summary_by_id(session: Session, summary_id: str) -> StoredSummary:
    """The stored summary, or ``NotFound``."""
    summary = repository.get_summary(session, summary_id)
    if summary is None:
        raise NotFound(f"no summary {said(summary_id)}")
    return summary


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
            "takeaway_text": report.takeaway_text, "revision": report.revision, "note": note,
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


def status_counts(session: Session, filters: ReportFilter) -> dict[str, int]:
    """Reports per status among the filtered ones (their scope included), for the tabs."""
    return repository.status_counts(session, filters)


def hidden_summaries(session: Session, scope: Scope) -> list[StoredSummary]:
    """Hidden summaries in ``scope``, newest first: a reviewer must be able to unhide them
    all. (The scope has no default: a listing that forgot it would show every
    publisher's.)"""
    return repository.hidden_summaries(session, HIDDEN_LIST_LIMIT, scope)


def export_lines(
    state: ServiceState, scope: Scope, since: datetime | None = None
) -> Iterator[str]:
    """Confirmed reports as regression cases for ``intisari evaluate``, one JSON line each
    (only those on summaries in ``scope``; with ``since``, only those confirmed at or
    after it, for an incremental export).

    Its own session: a request's is closed before a streamed body is sent.
    """
    with state.sessions() as session:
        for report in repository.confirmed_reports(session, scope, since):
            yield json.dumps(repository.regression_case(report), ensure_ascii=False) + "\n"


def find_summary(session: Session, summary_id: str) -> StoredSummary | None:
    """The stored summary, or None (for pages that answer a missing one their own way)."""
    return repository.get_summary(session, summary_id)


def set_hidden(session: Session, summary: StoredSummary, hidden: bool, *, actor: str) -> None:
    """Hide a summary from readers at once, or show it again, audited with the change;
    hiding queues the ``summary.hidden`` webhook in the same transaction."""
    if hidden and not summary.hidden:
        webhooks.emit(session, summary.publisher_id, "summary.hidden", {
            "summary_id": summary.id, "article_id": summary.article_id, "url": summary.url,
            "reason": "reviewer",
        })
    editorial.record_hidden(session, summary, hidden, actor)
    repository.set_hidden(session, summary, hidden)


def report_filter(
    *,
    scope: Scope,
    status: str | None = None,
    category: str | None = None,
    summary_id: str | None = None,
    publisher: str | None = None,
    site: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> ReportFilter:
    """The listing's filters, checked: ``Invalid`` (422) names the first bad one.

    The JSON route and the dashboard both build their filters here, so a bookmarked
    dashboard address and the same query to ``GET /v1/reports`` list the same reports.
    Empty strings mean "no filter" (an empty field of the dashboard's form). A range that
    ends before it starts is no error: it holds no report.

    ``scope`` is whose reports the caller may see (``web.tenancy``), and has no default so
    that no listing forgets it. The ``publisher`` filter narrows within it and never
    widens it: a newsroom reviewer asking for another publisher's slug gets an empty
    listing, the same answer as for a slug that does not exist, so the filter tells
    nobody which publishers have reports.
    """
    status, category, summary_id, publisher, site = (
        value or None for value in (status, category, summary_id, publisher, site)
    )
    if status is not None and status not in STATUSES:
        raise Invalid(f"status must be one of {', '.join(STATUSES)}")
    if category is not None and category not in CATEGORIES:
        raise Invalid(f"category must be one of {', '.join(CATEGORIES)}")
    if publisher is not None and not re.fullmatch(PUBLISHER_PATTERN, publisher):
        raise Invalid("publisher must be a publisher's slug (a-z, 0-9 and -)")
    if site is not None:
        if not re.fullmatch(SITE_PATTERN, site):
            raise Invalid("site must be a host name such as www.kompas.com (no scheme or path)")
        site = site.lower()
    return ReportFilter(
        publisher_id=scope, status=status, category=category, summary_id=summary_id,
        publisher=publisher, site=site, since=since, until=until,
    )


def day_or_moment(value: str, name: str) -> datetime:
    """A dashboard date (``2025-03-01``, midnight UTC) or ISO 8601 moment, in UTC.

    ``Invalid`` when it is neither or has no UTC form (a moment in year 0).
    """
    try:
        if not ISO_8601.fullmatch(value):
            raise ValueError(value)
        moment = datetime.fromisoformat(value)
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise Invalid(f"{name} must be a date such as 2025-03-01") from None
    return moment


def parse_cursor(value: str) -> paging.Cursor[int]:
    """A cursor as ``ReportPage`` hands them out (``a-<µs since 1970>-<id>``, ``b-...``)."""
    return paging.read_cursor(value, CURSOR_PATTERN, int)


@dataclass(frozen=True)
class ReportPage:
    """One page of reports, newest first, with the cursors of its neighbours."""

    reports: list[Report]
    #: The page of older reports (``None``: this is the last page).
    next: paging.Cursor[int] | None
    #: The page of newer reports (``None``: this is the first page).
    previous: paging.Cursor[int] | None
    #: The filters it was listed with.
    filters: ReportFilter


def report_page(
    session: Session, filters: ReportFilter, *, cursor: paging.Cursor[int] | None, limit: int
) -> ReportPage:
    """A keyset page of reports on (``created_at``, ``id``), newest first
    (``paging.keyset_page``)."""

    def fetch(at: paging.Cursor[int] | None, limit: int) -> list[Report]:
        if at is not None and not at.forward:
            return repository.list_reports(session, filters, newer_than=at.key, limit=limit)
        older_than = None if at is None else at.key
        return repository.list_reports(session, filters, older_than=older_than, limit=limit)

    def exists(at: paging.Cursor[int]) -> bool:
        if at.forward:
            return repository.reports_exist(session, filters, older_than=at.key)
        return repository.reports_exist(session, filters, newer_than=at.key)

    page = paging.keyset_page(fetch, exists, _key, cursor, limit)
    return ReportPage(page.rows, page.next, page.previous, filters)


def _key(report: Report) -> ReportKey:
    return report.created_at, report.id


def report_stats(
    session: Session, *, since: datetime, scope: Scope
) -> list[DayCount]:
    """Reports per day and category since ``since`` in ``scope``, for the dashboard's
    chart."""
    return repository.report_stats(session, since=since, publisher_id=scope)
