"""Taking a reader's report: the one path behind the API and the article page's form.

``POST /v1/summaries/{id}/reports`` and the form of ``/a/{id}/report`` must count against
the same rate-limit keys (else a client doubles its quota by switching between them),
merge duplicates and hide summaries by the same settings, and count the same metric, so
both call these functions. Each front end says no in its own way: the API answers the
``ServiceError`` as JSON, the page says it in the reader's language. The steps are
separate functions because the two callers take them in different orders around their
own checks (the API limits the client before it looks the summary up, the page checks
its form first).
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from intisari.service import editorial, limits, webhooks
from intisari.service.errors import Conflict, Invalid
from intisari.service.state import Client, ServiceState
from intisari.storage import repository
from intisari.storage.models import Report, StoredSummary

__all__ = ["file_report", "limit_reports_from", "limit_reports_on"]

log = logging.getLogger(__name__)


def limit_reports_from(state: ServiceState, client: Client) -> None:
    """Count one report from ``client``; ``RateLimited`` over its hourly limit."""
    limits.hit(state, limits.REPORTS_FROM_CLIENT, client.hash)


def limit_reports_on(state: ServiceState, summary_id: str) -> None:
    """Count one report on a summary; ``RateLimited`` over its hourly limit.

    Called once the summary is known to exist, so unknown ids leave no keys behind.
    """
    limits.hit(state, limits.REPORTS_ON_SUMMARY, summary_id)


def file_report(
    state: ServiceState,
    session: Session,
    summary: StoredSummary,
    client: Client,
    *,
    takeaway_index: int | None,
    category: str,
    comment: str | None,
    revision: int | None = None,
) -> tuple[Report, bool]:
    """Store the report (or merge it into the client's recent same report) and count it.

    Returns ``(report, created)`` as ``repository.add_report`` does; the report is
    committed when this returns. Raises ``Invalid`` on a draft and when
    ``takeaway_index`` names a bullet the summary does not have (the schema only knows it
    is not negative).

    ``revision``: the box's revision the reader's page showed (``None``: the box as it is
    now, for clients that do not send it). The report keeps the bullet at
    ``takeaway_index`` in that revision (``editorial.takeaways_at``, read back from the
    audit log), so that an editor's change while the page was open does not attach it to
    the sentence now at that index (an editor's trial: a report on "Peskov mencatat
    bahwa perang ..." stored against "Peskov menyatakan NATO ..."). A revision readers
    never saw is a ``Conflict`` (409): the page and the box disagree, and a reload settles
    it, as for an editor's change against an old revision. The report keeps ``revision``
    (``Report.revision``; ``None`` when the client did not say), whole-box reports too.
    """
    box = editorial.box_of(summary)
    if box.pending:
        # No reader has seen a draft, so no reader can have found a fault in it (whole or
        # in a bullet); its editors change it directly.
        raise Invalid("the box is a draft waiting for an editor: there is nothing to report yet")
    # The bullets the reader saw: the box as editors left it, or at the revision the
    # reader's page showed.
    bullets = box.takeaways
    if revision is not None and revision != box.revision:
        # Checked for a report on the whole box too: the report keeps the revision, and
        # one readers never saw would tell reviewers of a box nobody was shown.
        seen = editorial.takeaways_at(session, summary, revision)
        if seen is None:
            raise Conflict(
                f"revision {revision} is not one readers saw of this box (it is at "
                f"revision {box.revision}): reload it"
            )
        bullets = seen
    n_takeaways = len(bullets)
    if takeaway_index is not None and takeaway_index >= n_takeaways:
        raise Invalid(
            f"takeaway_index {takeaway_index} is out of range: the summary has "
            f"{n_takeaways} takeaways" + ("" if bullets is box.takeaways else
                                          f" at revision {revision}")
        )
    settings = state.settings
    filed = repository.add_report(
        session,
        summary,
        takeaway_index=takeaway_index,
        takeaway=None if takeaway_index is None else dict(bullets[takeaway_index]),
        revision=revision,
        category=category,
        comment=comment,
        client_hash=client.hash,
        duplicate_window_s=settings.duplicate_report_window_s,
        auto_hide_at=settings.auto_hide_open_reports,
        auto_hide_window_s=settings.auto_hide_window_s,
    )
    report, created = filed.report, filed.created
    state.metrics.reports.labels(category, str(not created).lower()).inc()
    if created:
        try:
            _emit_filed(session, summary, report, hid_it=filed.hid_summary)
        except SQLAlchemyError as error:
            # The report is stored: the reader is told so, and only its events are lost,
            # as in a crash between the two commits (a 500 here had told readers whose
            # reports were stored that they failed: a PostgreSQL trial).
            session.rollback()
            log.warning("report %s stored, its webhook events lost: %s", report.id,
                        type(error).__name__)
    return report, created


def _emit_filed(session: Session, summary: StoredSummary, report: Report, *, hid_it: bool) -> None:
    """Queue ``report.filed`` (and ``summary.hidden`` when this report hid the box), right
    after the report's commit: its id exists only then, and a merged duplicate is no new
    report (``service/webhooks.py`` on what a crash between the two commits means)."""
    webhooks.emit(session, summary.publisher_id, "report.filed", {
        "report_id": report.id, "summary_id": summary.id, "category": report.category,
        "takeaway_index": report.takeaway_index, "takeaway_text": report.takeaway_text,
        "revision": report.revision, "comment": report.comment,
    })
    if hid_it:
        webhooks.emit(session, summary.publisher_id, "summary.hidden", {
            "summary_id": summary.id, "article_id": summary.article_id, "url": summary.url,
            "reason": "auto",
        })
    session.commit()
