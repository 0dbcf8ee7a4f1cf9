"""Boxes by status: what ``GET /v1/boxes`` and the dashboard's box list (``/review/boxes``)
show, a keyset page at a time, as ``service.review`` pages reports.

Before it, the dashboard listed drafts waiting for approval and hidden summaries, but no
published box: an editor who wanted to correct one had to know its address (an editor's
trial). Each box is in one listing: ``hidden`` when readers do not see it (draft or not),
else ``pending`` (a draft) or ``published``. ``pending`` lists drafts, which only editors
see, so it needs the ``edit`` permission; the others need ``review`` (the routes check it).
Only the caller's publisher's boxes are listed (every publisher's for the instance's
staff); ``publisher`` narrows within that and never widens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from intisari.roles import allows
from intisari.service.editorial import Staff
from intisari.service.errors import Forbidden, Invalid
from intisari.service.publishers import SLUG
from intisari.storage import editorial as store
from intisari.storage.editorial import BOX_LISTINGS, BoxFilter, BoxKey
from intisari.storage.models import StoredSummary

__all__ = [
    "BOX_CURSOR_PATTERN",
    "BOX_LISTINGS",
    "BoxCursor",
    "BoxFilter",
    "BoxPage",
    "box_filter",
    "box_page",
    "parse_box_cursor",
]

#: ``a`` (after: the listing's next page) or ``b`` (before: its previous page),
#: microseconds since 1970, a summary id (``StoredSummary.id``: URL-safe, at most 32).
BOX_CURSOR_PATTERN = r"[ab]-[0-9]{1,17}-[A-Za-z0-9_-]{1,32}"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def box_filter(actor: Staff, *, status: str | None, publisher: str | None) -> BoxFilter:
    """The listing ``actor`` asked for, checked: ``Invalid`` (422) names a bad filter,
    ``Forbidden`` (403) refuses drafts to a caller who may not edit. ``status`` defaults to
    ``published``; empty strings mean "not given" (an empty field of the dashboard's form).
    """
    status, publisher = status or "published", publisher or None
    if status not in BOX_LISTINGS:
        raise Invalid(f"status must be one of {', '.join(BOX_LISTINGS)}")
    if status == "pending" and not allows(actor.role, "edit"):
        raise Forbidden("drafts waiting for approval are listed to editors only")
    if publisher is not None and not SLUG.fullmatch(publisher):
        raise Invalid("publisher must be a publisher's slug (a-z, 0-9 and -)")
    return BoxFilter(status=status, publisher_id=actor.publisher_id, publisher=publisher)


@dataclass(frozen=True)
class BoxCursor:
    """Where a page starts: right after (``after``) or right before a box's key, in the
    listing's order."""

    after: bool
    key: BoxKey

    def __str__(self) -> str:
        created_at, summary_id = self.key
        microseconds = (created_at - EPOCH) // timedelta(microseconds=1)
        return f"{'a' if self.after else 'b'}-{microseconds}-{summary_id}"


def parse_box_cursor(value: str) -> BoxCursor:
    """A cursor as ``BoxPage`` hands them out; ``Invalid`` for anything else."""
    if re.fullmatch(BOX_CURSOR_PATTERN, value) is None:
        raise Invalid("cursor must be one the listing handed out (its next or previous)")
    direction, microseconds, summary_id = value.split("-", 2)
    created_at = EPOCH + timedelta(microseconds=int(microseconds))
    return BoxCursor(direction == "a", (created_at, summary_id))


@dataclass(frozen=True)
class BoxPage:
    """One page of boxes in the listing's order, with the cursors of its neighbours."""

    boxes: list[StoredSummary]
    #: The page after this one (``None``: this is the last page).
    next: BoxCursor | None
    #: The page before this one (``None``: this is the first page).
    previous: BoxCursor | None
    filters: BoxFilter


def box_page(
    session: Session, filters: BoxFilter, *, cursor: BoxCursor | None, limit: int
) -> BoxPage:
    """A keyset page of boxes on (``created_at``, ``id``): drafts oldest first, the others
    newest first (``BoxFilter.oldest_first``).

    A box stored while an editor pages through never shifts a later page. Paging back, a
    short page means the start was reached: the first page is answered instead, full.
    """
    if cursor is not None and not cursor.after:
        boxes = store.list_boxes(session, filters, before=cursor.key, limit=limit + 1)
        if len(boxes) > limit:
            boxes = boxes[1:]
            following = store.boxes_exist(session, filters, after=_key(boxes[-1]))
            return BoxPage(
                boxes,
                BoxCursor(True, _key(boxes[-1])) if following else None,
                BoxCursor(False, _key(boxes[0])),
                filters,
            )
        cursor = None
    after = None if cursor is None else cursor.key
    boxes = store.list_boxes(session, filters, after=after, limit=limit + 1)
    more = len(boxes) > limit
    boxes = boxes[:limit]
    earlier = cursor is not None and bool(boxes) and store.boxes_exist(
        session, filters, before=_key(boxes[0])
    )
    return BoxPage(
        boxes,
        BoxCursor(True, _key(boxes[-1])) if more else None,
        BoxCursor(False, _key(boxes[0])) if earlier else None,
        filters,
    )


def _key(summary: StoredSummary) -> BoxKey:
    return summary.created_at, summary.id
