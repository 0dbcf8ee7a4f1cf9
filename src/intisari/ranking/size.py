"""How many takeaways: a learned box sizer that picks where the ranked list stops.

With ``count=None`` the selector lines up the acceptable candidates best first (at most
five, every rule already applied) and must decide how many to show. A fixed word budget
decides from length alone. The sizer also reads how sure the ranker is: it scores each
prefix of the candidates (the first one, the first two, ...) by the ROUGE-1 it expects
that box to reach, from the box's length, the ranker's scores of its last sentence and of
the next one, and the article's length, and the box stops at the best prefix.

It is a small regression network trained by ``intisari train`` on ranker scores the
ranker gave to articles it had not seen (stacking), so it learns how far those scores can
be trusted on new articles. Only Indonesian has one (``LanguageData.learned_box_size``):
on CNN it did no better than the word budget, cross-validated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from intisari.document import Document
from intisari.ranking.network import Network

__all__ = ["SIZER_FEATURE_NAMES", "BoxSizer", "prefix_features"]

#: Columns of ``prefix_features``, one row per prefix; the model file lists them too.
SIZER_FEATURE_NAMES: tuple[str, ...] = (
    "takeaways",
    "words",
    "last_score",
    "last_score_below_best",
    "next_score",
    "article_words_log",
    "article_sentences",
)


#: ``next_score`` of the last prefix, when no candidate is left. Far below any real score
#: (those lie in (0, 1)) so the network tells "nothing left" from "a weak next sentence":
#: with 0 instead, cross-validated IndoSum ROUGE-1 was 0.18 lower (three seeds).
NO_NEXT_SCORE = -5.0


def prefix_features(
    document: Document, scores: Sequence[float], candidates: Sequence[int]
) -> np.ndarray:
    """One row of ``SIZER_FEATURE_NAMES`` for each prefix of ``candidates`` (best first)."""
    best = max(scores)
    article_words = math.log1p(document.word_count)
    rows = []
    words = 0
    for k, index in enumerate(candidates):
        words += len(document.sentences[index].text.split())
        following = scores[candidates[k + 1]] if k + 1 < len(candidates) else NO_NEXT_SCORE
        rows.append((
            k + 1,
            words,
            scores[index],
            best - scores[index],
            following,
            article_words,
            len(document.sentences),
        ))
    return np.array(rows, dtype=float)


@dataclass(frozen=True)
class BoxSizer:
    """Picks the prefix of the candidates with the highest expected ROUGE-1.

    The network's output goes through the logistic function like the ranker's does; that
    keeps the order of the expected scores, and the order is all that is used.
    """

    network: Network

    def __call__(
        self, document: Document, scores: Sequence[float], candidates: Sequence[int]
    ) -> int:
        """How many of ``candidates`` to show (at least one when there is one)."""
        if not candidates:
            return 0
        expected = self.network(prefix_features(document, scores, candidates))
        return int(np.argmax(expected)) + 1
