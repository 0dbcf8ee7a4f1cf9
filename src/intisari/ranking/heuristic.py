"""An unsupervised ranker: lead position, centrality and headline overlap.

News is written top-down, so position is the strongest single signal (lead-3 is a hard
baseline); centrality and headline overlap move a strong later sentence up.
"""

from __future__ import annotations

import math
from collections import Counter

from intisari.document import Document
from intisari.ranking.base import UnsizedRanker
from intisari.takeaways.text import content_words

__all__ = ["HeuristicRanker"]

#: Weights of the three signals, set by hand on the IndoSum tune file (the learned ranker
#: replaces them); position dominates because lead sentences carry the story.
POSITION_WEIGHT = 1.0
CENTRALITY_WEIGHT = 0.5
HEADLINE_WEIGHT = 0.3


class HeuristicRanker(UnsizedRanker):
    name = "heuristic"

    def score(self, document: Document) -> list[float]:
        stopwords = document.language.data.stopwords
        bags = [Counter(content_words(s.text, stopwords)) for s in document.sentences]
        centroid: Counter[str] = Counter()
        for bag in bags:
            centroid.update(set(bag))
        title = set(content_words(document.title or "", stopwords))
        scores = []
        for sentence, bag in zip(document.sentences, bags, strict=True):
            position = 1.0 / math.sqrt(1 + sentence.index)
            centrality = _cosine(bag, centroid)
            headline = len(title & bag.keys()) / len(title) if title else 0.0
            scores.append(
                POSITION_WEIGHT * position
                + CENTRALITY_WEIGHT * centrality
                + HEADLINE_WEIGHT * headline
            )
        return scores


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm
