"""ROUGE exactly as ``../shared/data/README.md`` defines it, so our figures compare with its table.

F1 x 100 from the ``rouge-score`` package; tokens are lower-cased ``\\w+`` runs (Unicode,
so Indonesian and accented names survive), no stemming (there is no Indonesian stemmer in
the package, and English must be scored the same way); ``rougeLsum`` treats each line as a
sentence, so systems put one takeaway per line, and a reference is cut into sentences at
its line breaks and at final punctuation followed by a space (IndoSum references are one
paragraph; this reproduces the README's lead-3 row within 0.1-0.3 points, the rest being
its own sentence splitter). Where a record has several references, the best one counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rouge_score import rouge_scorer

from intisari.takeaways.text import words

__all__ = ["ROUGE_TYPES", "RougeScores", "rouge"]

#: The three figures every table of this project reports.
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")

#: Where a reference paragraph is cut into sentences for ``rougeLsum``.
_REFERENCE_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class RougeScores:
    """F1 x 100 of one system output against its best reference."""

    rouge1: float
    rouge2: float
    #: Named as in rouge-score and the data README.
    rougeLsum: float


class _WordTokenizer:
    """The data README's tokenizer: lower-case ``\\w+`` tokens, nothing else."""

    def tokenize(self, text: str) -> list[str]:
        return words(text)


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(
        list(ROUGE_TYPES), use_stemmer=False, tokenizer=_WordTokenizer()
    )


def rouge(prediction: list[str], references: str | list[str]) -> RougeScores:
    """Score takeaways (one string each) against one reference or the best of several.

    "Best" is by ROUGE-1, then the three figures come from that same reference, so a row
    never mixes references.
    """
    candidates = [references] if isinstance(references, str) else list(references)
    text = "\n".join(p.strip() for p in prediction)
    best: RougeScores | None = None
    for reference in candidates:
        scores = _scorer().score(_reference_lines(reference), text)
        row = RougeScores(*(100.0 * scores[kind].fmeasure for kind in ROUGE_TYPES))
        if best is None or row.rouge1 > best.rouge1:
            best = row
    return best or RougeScores(0.0, 0.0, 0.0)


def _reference_lines(reference: str) -> str:
    """The reference with one sentence per line, as ``rougeLsum`` reads it."""
    return "\n".join(
        sentence
        for line in reference.splitlines()
        for sentence in _REFERENCE_SENTENCE_END.split(line.strip())
        if sentence
    )
