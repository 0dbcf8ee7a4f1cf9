"""The ranker interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from intisari.document import Document

if TYPE_CHECKING:
    from intisari.takeaways.select import Sizer

__all__ = ["Ranker", "UnsizedRanker"]


class Ranker(Protocol):
    """Scores sentences; higher means more worth a takeaway, and may size the box.

    A ranker only orders candidates: the selector still enforces grounding, redundancy and
    dangling-reference rules, so a ranker cannot make the box unfaithful.
    """

    #: Short name reported in ``engine.method``.
    name: str

    def score(self, document: Document) -> list[float]:
        """One score per ``document.sentences`` entry, in the same order."""
        ...

    def sizer_for(self, language: str) -> Sizer | None:
        """How many takeaways an article in ``language`` gets, learned on this ranker's
        scores; ``None`` leaves it to the selector's word budget."""
        ...


class UnsizedRanker:
    """For rankers without a box sizer of their own: the selector's word budget sizes
    every box."""

    def sizer_for(self, language: str) -> Sizer | None:
        return None
