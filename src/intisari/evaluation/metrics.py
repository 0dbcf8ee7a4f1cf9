"""Per-takeaway checks the evaluation counts: grounding, boilerplate, dangling openers."""

from __future__ import annotations

import re

from intisari.language.model import LanguageData
from intisari.ranking.text import is_boilerplate, is_dangling
from intisari.result import Takeaway

__all__ = ["grounded", "is_boilerplate", "leans_on_missing"]

_WHITESPACE = re.compile(r"\s+")


def grounded(text: str, takeaway: Takeaway) -> bool:
    """The grounding invariant: the spans, joined by single spaces, are the takeaway."""
    if any(not 0 <= s < e <= len(text) for s, e in takeaway.spans) or not takeaway.spans:
        return False
    joined = " ".join(text[s:e] for s, e in takeaway.spans)
    return _collapse(joined) == _collapse(takeaway.text)


def leans_on_missing(sentence: str, previous_in_box: bool, data: LanguageData) -> bool:
    """Opens with a connective or pronoun while the sentence it points to is not shown."""
    return not previous_in_box and is_dangling(sentence, data.dangling_openers, data.speech_verbs)


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()
