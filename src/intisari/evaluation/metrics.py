"""Per-takeaway checks the evaluation counts (grounding, boilerplate, dangling openers)
and the shape of boxes (words per bullet, lead copies) that ``evaluate`` reports for a
corpus and ``evaluate --pages`` for pages, by the same functions."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

from intisari.document import Document
from intisari.result import Takeaway, join_spans, words_start
from intisari.takeaways.checks import refers_back
from intisari.takeaways.select import antecedent_shown
from intisari.takeaways.text import is_boilerplate

__all__ = [
    "box_shape",
    "grounded",
    "is_boilerplate",
    "is_lead_copy",
    "leans_on_missing",
    "sentence_indexes",
]

_WHITESPACE = re.compile(r"\s+")


def grounded(text: str, takeaway: Takeaway) -> bool:
    """The grounding invariant: the spans, joined as ``join_spans`` joins them, are the
    takeaway."""
    if any(not 0 <= s < e <= len(text) for s, e in takeaway.spans) or not takeaway.spans:
        return False
    return _collapse(join_spans(text, takeaway.spans)) == _collapse(takeaway.text)


def sentence_indexes(document: Document, takeaways: Sequence[Takeaway]) -> list[int]:
    """The sentence each takeaway's words start in (its first span's, past the opening
    mark alone that a quotation's closing sentence is shown with), in box order."""
    return [document.sentence_at(words_start(t.spans)) for t in takeaways if t.spans]


def is_lead_copy(indexes: Sequence[int]) -> bool:
    """Is the box (``sentence_indexes``) the article's first k sentences, nothing else?"""
    return bool(indexes) and list(indexes) == list(range(len(indexes)))


def box_shape(bullet_words: Sequence[int], lead_copies: Sequence[bool]) -> dict[str, float]:
    """Words per bullet (median, 90th percentile, largest) over every bullet, and the
    percent of boxes that are lead copies (``is_lead_copy``)."""
    return {
        "words_median": float(np.median(bullet_words)) if len(bullet_words) else 0.0,
        "words_p90": float(np.percentile(bullet_words, 90)) if len(bullet_words) else 0.0,
        "words_max": float(max(bullet_words, default=0)),
        "lead_copy_share": 100.0 * sum(lead_copies) / len(lead_copies) if lead_copies else 0.0,
    }


def leans_on_missing(
    takeaway: str, document: Document, index: int, in_box: Collection[int]
) -> bool:
    """Takeaway of sentence ``index`` points back (a connective, a pronoun, a
    demonstrative: ``refers_back``) to something the box (sentence indexes ``in_box``)
    does not show.

    The same rule the selector applies (``antecedent_shown``), so every system's boxes are
    held to it.
    """
    data = document.language.data
    return refers_back(takeaway, data, opens_article=index == 0) and not antecedent_shown(
        document, index, in_box
    )


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()
