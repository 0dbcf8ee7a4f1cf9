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

__all__ = [
    "MIN_ARTICLES",
    "SMOOTHING",
    "WORD_RATE_FEATURE_NAMES",
    "WordLayout",
    "WordRates",
    "learn_word_rates",
]

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


class WordLayout:
    """The words of a document's sentences (sets of content words) laid end to end, each
    as a number: ``ids[k]`` is the k-th word's place in ``vocabulary`` (the distinct
    words in order of first appearance), ``owner[k]`` its sentence. Built once per
    article for the features' centrality sums and the word rates alike."""

    def __init__(self, bags: Sequence[set[str]]) -> None:
        # One pass numbers each word: a new word takes the next number.
        numbers: dict[str, int] = {}
        ids = [numbers.setdefault(word, len(numbers)) for word in chain.from_iterable(bags)]
        self.vocabulary = list(numbers)
        self.ids = np.array(ids, dtype=np.intp)
        self.lengths = np.fromiter(map(len, bags), dtype=np.intp, count=len(bags))
        self.owner = np.repeat(np.arange(len(bags)), self.lengths)

    def per_sentence(self, values: np.ndarray) -> np.ndarray:
        """Each sentence's sum of ``values`` (one per laid-out word), in word order."""
        return np.bincount(self.owner, weights=values, minlength=len(self.lengths))


@dataclass(frozen=True)
class WordRates:
    """One language's table: word -> smoothed rate, and the rate of any other word."""

    rates: dict[str, float]
    base: float

    def columns(self, layout: WordLayout) -> np.ndarray:
        """``WORD_RATE_FEATURE_NAMES`` for sentences given as sets of content words (laid
        out by ``WordLayout``); a sentence with none gets the base rate.

        Each distinct word's rate is looked up once, and the sums per sentence run with
        ``np.bincount``, which adds in the order given: each sum is the one a loop over
        the sentence's words makes, to the last bit.
        """
        n = len(layout.lengths)
        rates = np.fromiter(
            map(self.rates.get, layout.vocabulary, repeat(self.base, len(layout.vocabulary))),
            dtype=float, count=len(layout.vocabulary),
        )
        values = rates[layout.ids]
        present = layout.lengths > 0
        counts = np.where(present, layout.lengths, 1)
        mean = layout.per_sentence(values) / counts
        kept = layout.per_sentence(values > KEPT_RATE) / counts
        highest = np.full(n, self.base)
        if len(values):
            # Each non-empty sentence's words run from its first to the next one's first.
            starts = (np.cumsum(layout.lengths) - layout.lengths)[present]
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
