"""How often a word of an article makes it into the human summary: a learned word table.

Position and centrality say where the story is; they cannot say which words a summary
keeps. Across the tune files some words almost always survive into the summary when an
article holds them (names of the main actors, "tewas", "ditangkap") and others almost
never do (a quote's filler, a site's own phrases). ``intisari train`` counts, per
language, in how many articles each content word appears and in how many of those the
summary holds it too; the smoothed share is the word's *rate*. A sentence gets three
features from the rates of its content words: mean, highest, and the share of words kept
more often than not.

Rates are learned from the summaries, so a training article must never see rates that
counted its own summary: training computes them out of fold
(``evaluation/ranker_training.py``), the way the sizer's scores are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import numpy as np

__all__ = ["MIN_ARTICLES", "SMOOTHING", "WORD_RATE_FEATURE_NAMES", "WordRates", "learn_word_rates"]

#: Columns a table adds to the sentence features (``features.FEATURE_NAMES`` ends with them).
WORD_RATE_FEATURE_NAMES: tuple[str, ...] = ("word_rate_mean", "word_rate_max", "word_rate_share")
#: A word's rate is pulled towards the language's base rate as if it had been seen in this
#: many more articles: a word seen twice and kept twice is not a sure thing. 3-10 scored
#: alike (IndoSum ROUGE-1 within 0.01, cross-validated); 20 and more were lower.
SMOOTHING = 10.0
#: Words found in fewer articles are left out of the table (they would sit within ~0.1 of
#: the base rate after smoothing anyway); this keeps the model file a few hundred KB.
MIN_ARTICLES = 3
#: A word kept "more often than not".
KEPT_RATE = 0.5


@dataclass(frozen=True)
class WordRates:
    """One language's table: word -> smoothed rate, and the rate of any other word."""

    rates: dict[str, float]
    base: float

    def columns(self, bags: Sequence[set[str]]) -> np.ndarray:
        """``WORD_RATE_FEATURE_NAMES`` for sentences given as sets of content words; a
        sentence with none gets the base rate.

        The rates of all the words are looked up in one pass and summed per sentence with
        ``np.bincount``, which adds in the order given: each sum is the one a loop over
        the sentence's words makes, to the last bit.
        """
        n = len(bags)
        lengths = np.fromiter(map(len, bags), dtype=np.intp, count=n)
        words = list(chain.from_iterable(bags))
        values = np.fromiter(
            map(self.rates.get, words, repeat(self.base, len(words))), dtype=float,
            count=len(words),
        )
        owner = np.repeat(np.arange(n), lengths)
        present = lengths > 0
        counts = np.where(present, lengths, 1)
        mean = np.bincount(owner, weights=values, minlength=n) / counts
        kept = np.bincount(owner, weights=values > KEPT_RATE, minlength=n) / counts
        highest = np.full(n, self.base)
        if words:
            # Each non-empty sentence's words run from its first to the next one's first.
            starts = (np.cumsum(lengths) - lengths)[present]
            highest[present] = np.maximum.reduceat(values, starts)
        mean[~present] = self.base
        kept[~present] = float(self.base > KEPT_RATE)
        return np.column_stack((mean, highest, kept))

    def to_json(self) -> dict[str, Any]:
        return {
            "base": round(self.base, 6),
            "rates": {word: round(rate, 4) for word, rate in sorted(self.rates.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WordRates:
        return cls(rates=dict(data["rates"]), base=float(data["base"]))


def learn_word_rates(articles: Iterable[tuple[set[str], set[str]]]) -> WordRates:
    """A table from ``(content words of an article, words of its summary)`` pairs."""
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for article, summary in articles:
        seen.update(article)
        kept.update(article & summary)
    base = sum(kept.values()) / max(sum(seen.values()), 1)
    rates = {
        word: (kept[word] + SMOOTHING * base) / (count + SMOOTHING)
        for word, count in seen.items()
        if count >= MIN_ARTICLES
    }
    return WordRates(rates=rates, base=base)
