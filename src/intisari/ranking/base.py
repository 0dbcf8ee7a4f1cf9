"""The ranker interface."""

from __future__ import annotations

from typing import Protocol

from intisari.document import Document

__all__ = ["Ranker"]


class Ranker(Protocol):
    """Scores sentences; higher means more worth a takeaway.

    A ranker only orders candidates: the selector still enforces grounding, redundancy and
    dangling-reference rules, so a ranker cannot make the box unfaithful.
    """

    #: Short name reported in ``engine.method``.
    name: str

    def score(self, document: Document) -> list[float]:
        """One score per ``document.sentences`` entry, in the same order."""
        ...
