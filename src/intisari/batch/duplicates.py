"""Ids given to more than one record: counted, and the first few named with their rows.

Every record keeps its row (nothing is dropped: which of two rows is the right one is the
input's owner's call), but the run's closing line says that ids repeat, how many, and
where the first ones are, since a join on ``id`` downstream breaks on them.

Memory. Each partition's worker returns an 8-byte digest of each row's id
(``id_digests``), and the client keeps them in one flat array (``IdTally``): 8 bytes a
record, 80 MB for 10 million, where a set of the ids themselves would take about 100
bytes each. At the end the array is sorted in place, and only if digests repeat are the
parts read back (their ``id``, ``source_file`` and ``source_row`` alone, stopping as
soon as it can) to name the first repeated ids and their places. Two different ids share
a 64-bit digest with a chance of about n^2 / 2^65 (3 in a million for 10 million ids):
the count could then be one too high, never a named id wrong, as names are compared.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from intisari.batch.outputs import Output, part_places

__all__ = ["ID_DIGEST_BYTES", "Duplicates", "IdTally", "find_duplicates", "id_digests"]

#: Bytes of an id's digest: 64 bits, the client's whole cost per record (see above).
ID_DIGEST_BYTES = 8
#: Repeated ids named in the closing line (the rest are counted), as many as failed
#: partitions are.
IDS_SHOWN = 3
#: Places (``file:row``) named for each of them.
PLACES_SHOWN = 2
#: Characters of a named id (an id is anything a record says; the line stays a line).
ID_CHARS_SHOWN = 60


def id_digests(ids: Iterable[object]) -> bytes:
    """The digests of the ids that are strings (not ``None``), one after the other."""
    return b"".join(
        hashlib.blake2b(
            row_id.encode("utf-8", "surrogatepass"), digest_size=ID_DIGEST_BYTES
        ).digest()
        for row_id in ids
        if isinstance(row_id, str)
    )


@dataclass
class IdTally:
    """Every id digest of a run, in one growing buffer (8 bytes a record)."""

    digests: bytearray = field(default_factory=bytearray)

    def add(self, digests: bytes) -> None:
        self.digests += digests

    def repeated(self) -> tuple[np.ndarray, int]:
        """The digests seen more than once (sorted, as ``uint64``) and the rows that
        carry them. Sorts the buffer in place: call it once, at the end."""
        values = np.frombuffer(self.digests, dtype=np.uint64)
        values.sort()
        same_as_next = values[1:] == values[:-1]
        if not same_as_next.any():
            return np.empty(0, dtype=np.uint64), 0
        # A repeated run of k equal digests has k - 1 "same as next": rows = those + runs.
        starts = same_as_next & ~np.concatenate(([False], same_as_next[:-1]))
        repeated = values[1:][starts]
        return repeated, int(same_as_next.sum()) + len(repeated)


@dataclass(frozen=True)
class Duplicates:
    """Ids on more than one row: how many, on how many rows, the first few and where."""

    ids: int
    rows: int
    #: ``(id, ["file:row", ...], rows it is on)`` in input order of first appearance.
    shown: list[tuple[str, list[str], int]]

    def describe(self) -> str:
        named = []
        for row_id, places, count in self.shown:
            shown_id = row_id if len(row_id) <= ID_CHARS_SHOWN else row_id[:ID_CHARS_SHOWN] + "…"
            more = f" and {count - len(places)} more" if count > len(places) else ""
            named.append(
                f"{json.dumps(shown_id, ensure_ascii=False)} ({', '.join(places)}{more})"
            )
        others = self.ids - len(self.shown)
        return (
            f"{self.ids} {'id is' if self.ids == 1 else 'ids are'} on more than one row "
            f"({self.rows} rows, all kept): {', '.join(named)}"
            + (f" and {others} more" if others > 0 else "")
        )


def find_duplicates(output: Output, parts: list[int], tally: IdTally) -> Duplicates | None:
    """The repeated ids of ``parts`` (written, in input order), or ``None`` if none."""
    repeated, rows = tally.repeated()
    if not len(repeated):
        return None
    first = _first_repeated(_rows(output, parts), repeated)
    places: dict[str, list[str]] = {row_id: [] for row_id in first}
    counts: dict[str, int] = dict.fromkeys(first, 0)
    wanted = {row_id: _count_of(row_id, repeated, tally) for row_id in first}
    for row_id, place in _rows(output, parts):
        if row_id in places:
            counts[row_id] += 1
            if len(places[row_id]) < PLACES_SHOWN:
                places[row_id].append(place)
        if all(counts[name] >= wanted[name] for name in first):
            break
    shown = [(name, places[name], counts[name]) for name in first if counts[name] > 1]
    return Duplicates(ids=len(repeated), rows=rows, shown=shown)


def _rows(output: Output, parts: list[int]) -> Iterator[tuple[str, str]]:
    """``(id, "file:row")`` of every row with an id, in input order."""
    for index in parts:
        for row_id, source_file, source_row in part_places(output, index):
            if isinstance(row_id, str):
                yield row_id, f"{source_file}:{source_row}"


def _first_repeated(rows: Iterator[tuple[str, str]], repeated: np.ndarray) -> list[str]:
    """The first ``IDS_SHOWN`` ids, in input order, whose digest is among ``repeated``."""
    first: list[str] = []
    for row_id, _ in rows:
        if row_id not in first and _digest_in(row_id, repeated):
            first.append(row_id)
            if len(first) == IDS_SHOWN:
                break
    return first


def _digest_of(row_id: str) -> np.uint64:
    return np.frombuffer(id_digests([row_id]), dtype=np.uint64)[0]


def _digest_in(row_id: str, repeated: np.ndarray) -> bool:
    digest = _digest_of(row_id)
    at = int(np.searchsorted(repeated, digest))
    return at < len(repeated) and repeated[at] == digest


def _count_of(row_id: str, repeated: np.ndarray, tally: IdTally) -> int:
    """The rows whose digest is ``row_id``'s (the tally is sorted by now)."""
    values = np.frombuffer(tally.digests, dtype=np.uint64)
    digest = _digest_of(row_id)
    return int(np.searchsorted(values, digest, "right") - np.searchsorted(values, digest))
