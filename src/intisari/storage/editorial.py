"""The queries of editorial control: publishers' modes, drafts, and the audit log.

The audit row of a change is added to the session of the change (``add_audit`` does not
commit): the caller commits both at once, so no change is ever without its row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intisari.storage.models import AuditEntry, Publisher, StoredSummary, SummaryBox, utcnow

__all__ = [
    "add_audit", "audit_entries", "box_changes_since", "drafts", "publish_mode", "reordered",
]


def publish_mode(session: Session, publisher_id: int) -> str:
    """The publisher's ``PUBLISH_MODES`` entry (``auto`` for a publisher that is gone)."""
    mode = session.scalar(select(Publisher.publish_mode).where(Publisher.id == publisher_id))
    return mode or "auto"


def add_audit(
    session: Session,
    summary: StoredSummary,
    *,
    actor: str,
    action: str,
    before: Any,
    after: Any,
    revision: int | None = None,
    note: str | None = None,
) -> AuditEntry:
    """Add one audit row to the session (the caller's commit writes it with the change)."""
    entry = AuditEntry(
        summary_id=summary.id,
        publisher_id=summary.publisher_id,
        actor=actor,
        action=action,
        revision=revision,
        before=before,
        after=after,
        note=note,
        at=utcnow(),
    )
    session.add(entry)
    return entry


def audit_entries(
    session: Session,
    *,
    publisher_id: int | None = None,
    summary_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[AuditEntry]:
    """Audit rows, newest first; ``publisher_id`` ``None``: every publisher's. Streamed
    (``yield_per``): an export reads them all."""
    query = select(AuditEntry)
    if publisher_id is not None:
        query = query.where(AuditEntry.publisher_id == publisher_id)
    if summary_id is not None:
        query = query.where(AuditEntry.summary_id == summary_id)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    yield from session.scalars(query.execution_options(yield_per=200))


def box_changes_since(session: Session, summary_id: str, revision: int) -> list[AuditEntry]:
    """The audit rows of the box's changes after ``revision`` (approvals and edits: the
    rows that carry a revision), oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.summary_id == summary_id, AuditEntry.revision > revision)
        .order_by(AuditEntry.revision, AuditEntry.id)
    )
    return list(session.scalars(query))


def reordered(session: Session, summary_id: str) -> bool:
    """Whether an editor ever reordered the summary's box (its audit log has a reorder)."""
    query = select(AuditEntry.id).where(
        AuditEntry.summary_id == summary_id, AuditEntry.action == "reorder"
    )
    return session.scalar(query.limit(1)) is not None


def drafts(session: Session, *, publisher_id: int | None, limit: int) -> list[StoredSummary]:
    """Summaries waiting for an editor's approval, oldest first (first come, first read)."""
    query = (
        select(StoredSummary)
        .join(SummaryBox, SummaryBox.summary_id == StoredSummary.id)
        .where(SummaryBox.status == "draft")
    )
    if publisher_id is not None:
        query = query.where(StoredSummary.publisher_id == publisher_id)
    return list(session.scalars(query.order_by(StoredSummary.created_at).limit(limit)).unique())
