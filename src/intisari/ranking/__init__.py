"""Sentence rankers: one replaceable component that scores every sentence of a document."""

from intisari.ranking.base import Ranker
from intisari.ranking.heuristic import HeuristicRanker

__all__ = ["HeuristicRanker", "Ranker", "default_ranker"]


def default_ranker() -> Ranker:
    """The ranker ``summarize`` uses when the caller names none."""
    return HeuristicRanker()
