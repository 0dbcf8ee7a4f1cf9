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

from dataclasses import dataclass

from sqlalchemy.orm import Session

from intisari.roles import allows
from intisari.service import paging
from intisari.service.editorial import Staff
from intisari.service.errors import Forbidden, Invalid
from intisari.service.publishers import SLUG
from intisari.storage import editorial as store
from intisari.storage.editorial import BOX_LISTINGS, BoxFilter, BoxKey
from intisari.storage.models import StoredSummary

__all__ = [
    "BOX_CURSOR_PATTERN",
    "BOX_LISTINGS",
    "BoxFilter",
    "BoxPage",
    "box_filter",
    "box_page",
    "parse_box_cursor",
]

#: ``a`` (after: the listing's next page) or ``b`` (before: its previous page),
#: microseconds since 1970, a summary id (``StoredSummary.id``: URL-safe, at most 32).
BOX_CURSOR_PATTERN = r"[ab]-[0-9]{1,17}-[A-Za-z0-9_-]{1,32}"


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


def parse_box_cursor(value: str) -> paging.Cursor[str]:
    """A cursor as ``BoxPage`` hands them out; ``Invalid`` for anything else."""
    return paging.read_cursor(value, BOX_CURSOR_PATTERN, str)


@dataclass(frozen=True)
class BoxPage:
    """One page of boxes in the listing's order, with the cursors of its neighbours."""

    boxes: list[StoredSummary]
    #: The page after this one (``None``: this is the last page).
    next: paging.Cursor[str] | None
    #: The page before this one (``None``: this is the first page).
    previous: paging.Cursor[str] | None
    filters: BoxFilter


def box_page(
    session: Session, filters: BoxFilter, *, cursor: paging.Cursor[str] | None, limit: int
) -> BoxPage:
    """A keyset page of boxes on (``created_at``, ``id``): drafts oldest first, the others
    newest first (``BoxFilter.oldest_first``; ``paging.keyset_page``)."""

    def fetch(at: paging.Cursor[str] | None, limit: int) -> list[StoredSummary]:
        if at is not None and not at.forward:
            return store.list_boxes(session, filters, before=at.key, limit=limit)
        return store.list_boxes(session, filters, after=None if at is None else at.key, limit=limit)

    def exists(at: paging.Cursor[str]) -> bool:
        if at.forward:
            return store.boxes_exist(session, filters, after=at.key)
        return store.boxes_exist(session, filters, before=at.key)

    page = paging.keyset_page(fetch, exists, _key, cursor, limit)
    return BoxPage(page.rows, page.next, page.previous, filters)


def _key(summary: StoredSummary) -> BoxKey:
    return summary.created_at, summary.id
