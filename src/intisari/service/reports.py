"""Taking a reader's report: the one path behind the API and the article page's form.

``POST /v1/summaries/{id}/reports`` and the form of ``/a/{id}/report`` must count against
the same rate-limit keys (else a client doubles its quota by switching between them),
merge duplicates and hide summaries by the same settings, and count the same metric, so
both call these functions. Each caller keeps its own way of saying no: the API answers
the ``HTTPException`` as JSON, the page catches it and says it in the reader's language.
The steps are separate functions because the two callers take them in different orders
around their own checks (the API limits the client before it looks the summary up, the
page checks its form first).
"""

from __future__ import annotations

from fastapi import HTTPException
from sqlalchemy.orm import Session

from intisari.storage import repository
from intisari.storage.models import Report, StoredSummary
from intisari.web.deps import AppState, Client, rate_limit
from intisari.web.schemas import ReportIn

__all__ = ["REPORT_WINDOW_S", "file_report", "limit_reports_from", "limit_reports_on"]

#: The report limits are per hour (``INTISARI_REPORTS_PER_*_PER_HOUR``).
REPORT_WINDOW_S = 3600


def limit_reports_from(state: AppState, client: Client) -> None:
    """Count one report from ``client``; 429 ``HTTPException`` over its hourly limit."""
    limit = state.settings.reports_per_client_per_hour
    rate_limit(state, f"reports:client:{client.hash}", limit, REPORT_WINDOW_S)


def limit_reports_on(state: AppState, summary_id: str) -> None:
    """Count one report on a summary; 429 ``HTTPException`` over its hourly limit.

    Called once the summary is known to exist, so unknown ids leave no keys behind.
    """
    limit = state.settings.reports_per_summary_per_hour
    rate_limit(state, f"reports:summary:{summary_id}", limit, REPORT_WINDOW_S)


def file_report(
    state: AppState, session: Session, summary: StoredSummary, body: ReportIn, client: Client
) -> tuple[Report, bool]:
    """Store ``body`` (or merge it into the client's recent same report) and count it.

    Returns ``(report, created)`` as ``repository.add_report`` does; the report is
    committed when this returns. Raises a 422 ``HTTPException`` when ``takeaway_index``
    names a bullet the summary does not have (the schema only knows it is not negative).
    """
    n_takeaways = len(summary.result["takeaways"])
    if body.takeaway_index is not None and body.takeaway_index >= n_takeaways:
        raise HTTPException(
            422,
            detail=f"takeaway_index {body.takeaway_index} is out of range: the summary has "
            f"{n_takeaways} takeaways",
        )
    settings = state.settings
    report, created = repository.add_report(
        session,
        summary,
        takeaway_index=body.takeaway_index,
        category=body.category,
        comment=body.comment,
        client_hash=client.hash,
        duplicate_window_s=settings.duplicate_report_window_s,
        auto_hide_at=settings.auto_hide_open_reports,
        auto_hide_window_s=settings.auto_hide_window_s,
    )
    state.metrics.reports.labels(body.category, str(not created).lower()).inc()
    return report, created
