"""Keyset pages of a listing ordered on (``created_at``, ``id``), and the cursors that name
a page's neighbours: the reports (``review``) and the boxes (``boxes``) page alike.

A keyset page starts right after (or before) a row's key, not at an offset: a row stored
while a reader pages through comes in above the first page and never shifts a later one.
A cursor is written ``a-<microseconds since 1970>-<id>`` (the page after that key) or
``b-...`` (the page before it); every string a listing's pattern accepts is a valid key
(17 digits of microseconds stay within the year 5138), so the OpenAPI schema can promise
it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Generic, TypeVar

from intisari.service.errors import Invalid

__all__ = ["EPOCH", "Cursor", "Page", "keyset_page", "read_cursor"]

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

#: A row of the listing, and its id (a report's is an integer, a summary's a string).
Row = TypeVar("Row")
Id = TypeVar("Id", int, str)


@dataclass(frozen=True)
class Cursor(Generic[Id]):
    """Where a page starts: right after (``forward``: the listing's next page) or right
    before a row's key, in the listing's order."""

    forward: bool
    key: tuple[datetime, Id]

    def __str__(self) -> str:
        created_at, row_id = self.key
        microseconds = (created_at - EPOCH) // timedelta(microseconds=1)
        return f"{'a' if self.forward else 'b'}-{microseconds}-{row_id}"


def read_cursor(value: str, pattern: str, read_id: Callable[[str], Id]) -> Cursor[Id]:
    """A cursor as a listing hands them out (``pattern``: that listing's); ``Invalid`` for
    anything else."""
    if re.fullmatch(pattern, value) is None:
        raise Invalid("cursor must be one the listing handed out (its next or previous)")
    direction, microseconds, row_id = value.split("-", 2)
    created_at = EPOCH + timedelta(microseconds=int(microseconds))
    return Cursor(direction == "a", (created_at, read_id(row_id)))


@dataclass(frozen=True)
class Page(Generic[Row, Id]):
    """One page of rows in the listing's order, with the cursors of its neighbours."""

    rows: list[Row]
    #: The page after this one (``None``: this is the last page).
    next: Cursor[Id] | None
    #: The page before this one (``None``: this is the first page).
    previous: Cursor[Id] | None


def keyset_page(
    fetch: Callable[[Cursor[Id] | None, int], list[Row]],
    exists: Callable[[Cursor[Id]], bool],
    key: Callable[[Row], tuple[datetime, Id]],
    cursor: Cursor[Id] | None,
    limit: int,
) -> Page[Row, Id]:
    """The page ``cursor`` names (``None``: the first), of at most ``limit`` rows.

    ``fetch(cursor, n)``: up to ``n`` rows right after (``forward``) or right before the
    cursor's key, in the listing's order (``None``: from the start); ``exists(cursor)``:
    whether any row lies past the cursor's key that way. Paging back, a short page means
    the start was reached: the first page is answered instead, full.
    """
    if cursor is not None and not cursor.forward:
        rows = fetch(cursor, limit + 1)
        if len(rows) > limit:
            rows = rows[1:]
            following = exists(Cursor(True, key(rows[-1])))
            return Page(
                rows,
                Cursor(True, key(rows[-1])) if following else None,
                Cursor(False, key(rows[0])),
            )
        cursor = None
    rows = fetch(cursor, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    earlier = cursor is not None and bool(rows) and exists(Cursor(False, key(rows[0])))
    return Page(
        rows,
        Cursor(True, key(rows[-1])) if more else None,
        Cursor(False, key(rows[0])) if earlier else None,
    )
