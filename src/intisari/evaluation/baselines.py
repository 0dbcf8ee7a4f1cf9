"""The two baselines every evaluation reports beside the engine, on OUR sentence splitter.

* lead-3: the first three sentences. News is written top-down, so this is the baseline
  to beat; the data README's table has it.
* LexRank (Erkan & Radev 2004): sentences as tf-idf vectors, an edge where cosine
  similarity passes a threshold, PageRank-style power iteration; the top three in article
  order. Written with numpy here because sumy's own tokenizers need NLTK data downloads.

Both are rankers (``score(document)``), so the throughput benchmark can run them through
the engine's own pipeline; for ROUGE, ``top_sentences`` takes their best three as they
are, with none of the engine's selection rules: the standard definitions, comparable
with the data README's table.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from intisari.document import Document
from intisari.ranking.base import UnsizedRanker
from intisari.takeaways.text import content_words

__all__ = ["LeadRanker", "LexRankRanker", "top_sentences"]

#: Cosine similarity above which two sentences are linked (the paper's 0.1).
LEXRANK_THRESHOLD = 0.1
#: Damping of the random walk, as in PageRank and the paper.
LEXRANK_DAMPING = 0.85
#: Iterations of the power method: it converges to 1e-6 in fewer on news-sized graphs.
LEXRANK_ITERATIONS = 50


class LeadRanker(UnsizedRanker):
    """Earlier is better: the top three are the first three."""

    name = "lead-3"

    def score(self, document: Document) -> list[float]:
        return [1.0 / (1 + s.index) for s in document.sentences]


class LexRankRanker(UnsizedRanker):
    """Continuous LexRank over tf-idf vectors of the article's own sentences."""

    name = "lexrank"

    def score(self, document: Document) -> list[float]:
        stopwords = document.language.data.stopwords
        bags = [Counter(content_words(s.text, stopwords)) for s in document.sentences]
        n = len(bags)
        if n == 0:
            return []
        vocabulary = {w: k for k, w in enumerate({w for bag in bags for w in bag})}
        if not vocabulary:
            return [1.0] * n
        document_frequency = Counter(w for bag in bags for w in bag)
        idf = np.zeros(len(vocabulary))
        for word, k in vocabulary.items():
            idf[k] = math.log(n / document_frequency[word]) + 1.0
        matrix = np.zeros((n, len(vocabulary)))
        for i, bag in enumerate(bags):
            for word, count in bag.items():
                matrix[i, vocabulary[word]] = count * idf[vocabulary[word]]
        norms = np.linalg.norm(matrix, axis=1)
        norms[norms == 0] = 1.0
        unit = matrix / norms[:, None]
        similarity = unit @ unit.T
        adjacency = np.where(similarity > LEXRANK_THRESHOLD, similarity, 0.0)
        degree = adjacency.sum(axis=1)
        degree[degree == 0] = 1.0
        transition = adjacency / degree[:, None]
        rank = np.full(n, 1.0 / n)
        for _ in range(LEXRANK_ITERATIONS):
            rank = (1 - LEXRANK_DAMPING) / n + LEXRANK_DAMPING * transition.T @ rank
        return [float(r) for r in rank]


def top_sentences(scores: list[float], k: int) -> list[int]:
    """Indexes of the ``k`` best-scored sentences, in article order (ties: earlier)."""
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return sorted(ranked[:k])
