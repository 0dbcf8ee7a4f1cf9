"""The queries of editorial control: publishers' modes, drafts, and the audit log.

The audit row of a change is added to the session of the change (``add_audit`` does not
commit): the caller commits both at once, so no change is ever without its row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from intisari.storage.models import AuditEntry, Publisher, StoredSummary, SummaryBox, utcnow

__all__ = [
    "BOX_LISTINGS",
    "BoxFilter",
    "BoxKey",
    "add_audit",
    "audit_entries",
    "box_changes_since",
    "boxes_exist",
    "drafts",
    "list_boxes",
    "publish_mode",
    "remade",
    "reordered",
]

#: What a box listing shows, as readers see each box: ``pending`` (a draft waiting for an
#: editor), ``published`` (shown to readers) or ``hidden`` (pulled by a reviewer or by
#: reports, whether draft or published). Every box is in exactly one.
BOX_LISTINGS = ("pending", "published", "hidden")
#: A box's place in a listing: its summary's ``created_at``, then its id.
BoxKey = tuple[datetime, str]


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


def remade(
    session: Session,
    summary: StoredSummary,
    result: dict[str, Any],
    *,
    actor: str,
    action: str,
    note: str,
) -> int:
    """Put the engine's new ``result`` in place of the summary's (same id, same key: the
    links to it stay; only a box ``repository.untouched``), as a new revision of its box
    with its audit row, in the session (the caller commits; a concurrent change to the
    box then fails the commit: the version counter, or the new box row's key). Returns
    that revision (the webhook's ``summary.remade`` names it).

    A new revision, because what readers saw changes: a report naming the old one still
    gets the bullets it was about (``service.editorial.takeaways_at`` reads them back
    from this audit row's ``before``), an editor's page open at the old one gets a
    conflict instead of approving bullets never seen, and the API's cached body (keyed by
    revision) is made again. The box keeps its status (a draft stays one)."""
    row = summary.box
    if row is None:
        row = SummaryBox(status="published")
        summary.box = row
    else:
        flag_modified(row, "status")  # nothing else of the row changes: still a revision
    revision = (row.revision or 0) + 1
    add_audit(
        session, summary, actor=actor, action=action,
        before=summary.result["takeaways"], after=result["takeaways"],
        revision=revision, note=note,
    )
    summary.result = result
    summary.title = result.get("title")
    summary.language = result["language"]
    return revision


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


# Boxes by status ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BoxFilter:
    """Which boxes a listing shows. ``status`` one of ``BOX_LISTINGS``; ``publisher_id`` the
    caller's scope (``None``: every publisher's, for the instance's staff); ``publisher`` a
    slug asked for, which narrows within the scope and never widens it."""

    status: str
    publisher_id: int | None = None
    publisher: str | None = None

    @property
    def oldest_first(self) -> bool:
        """Drafts are a queue, first come first read (as ``drafts``); the others are
        listed newest first, where an editor looks for a box to correct."""
        return self.status == "pending"


def _box_conditions(filters: BoxFilter) -> list[ColumnElement[bool]]:
    drafts = select(SummaryBox.summary_id).where(SummaryBox.status == "draft")
    conditions: list[ColumnElement[bool]]
    if filters.status == "hidden":
        conditions = [StoredSummary.hidden.is_(True)]
    elif filters.status == "pending":
        conditions = [StoredSummary.hidden.is_(False), StoredSummary.id.in_(drafts)]
    elif filters.status == "published":
        conditions = [StoredSummary.hidden.is_(False), StoredSummary.id.not_in(drafts)]
    else:
        raise ValueError(f"unknown box listing {filters.status!r}")
    if filters.publisher_id is not None:
        conditions.append(StoredSummary.publisher_id == filters.publisher_id)
    if filters.publisher is not None:
        slug = select(Publisher.id).where(Publisher.slug == filters.publisher)
        conditions.append(StoredSummary.publisher_id.in_(slug))
    return conditions


def _beyond(key: BoxKey, later: bool) -> ColumnElement[bool]:
    """Boxes after ``key`` in time (``later``) or before it, by (``created_at``, ``id``)."""
    created_at, summary_id = key
    if later:
        return or_(
            StoredSummary.created_at > created_at,
            and_(StoredSummary.created_at == created_at, StoredSummary.id > summary_id),
        )
    return or_(
        StoredSummary.created_at < created_at,
        and_(StoredSummary.created_at == created_at, StoredSummary.id < summary_id),
    )


def _box_query(
    filters: BoxFilter, *, after: BoxKey | None, before: BoxKey | None, backwards: bool
) -> Any:
    query = select(StoredSummary).where(*_box_conditions(filters))
    if after is not None:
        query = query.where(_beyond(after, later=filters.oldest_first))
    if before is not None:
        query = query.where(_beyond(before, later=not filters.oldest_first))
    ascending = filters.oldest_first != backwards
    if ascending:
        return query.order_by(StoredSummary.created_at, StoredSummary.id)
    return query.order_by(StoredSummary.created_at.desc(), StoredSummary.id.desc())


def list_boxes(
    session: Session,
    filters: BoxFilter,
    *,
    after: BoxKey | None = None,
    before: BoxKey | None = None,
    limit: int = 100,
) -> list[StoredSummary]:
    """Summaries whose box ``filters`` lets through, in the listing's order (see
    ``BoxFilter.oldest_first``), each with its box and publisher (joined loads).

    Keyset pages: ``after`` gives the ``limit`` boxes that follow that key in the
    listing's order, ``before`` the ``limit`` that come right before it (still in the
    listing's order). A box stored meanwhile never shifts a page.
    """
    if before is not None:
        query = _box_query(filters, after=None, before=before, backwards=True)
        return list(reversed(session.scalars(query.limit(limit)).unique().all()))
    query = _box_query(filters, after=after, before=None, backwards=False)
    return list(session.scalars(query.limit(limit)).unique())


def boxes_exist(
    session: Session, filters: BoxFilter, *, after: BoxKey | None = None,
    before: BoxKey | None = None,
) -> bool:
    """Whether a box matches ``filters`` beyond the key: is there a page there."""
    query = select(StoredSummary.id).where(*_box_conditions(filters))
    if after is not None:
        query = query.where(_beyond(after, later=filters.oldest_first))
    if before is not None:
        query = query.where(_beyond(before, later=not filters.oldest_first))
    return session.scalar(query.limit(1)) is not None
