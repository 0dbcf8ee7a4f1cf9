"""Word-level helpers shared by rankers and the selector."""

from __future__ import annotations

import re

__all__ = ["content_words", "words"]

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased word tokens, the same tokenisation ROUGE uses here."""
    return _WORD.findall(text.lower())


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """Words that carry content: not stop words, not single characters."""
    return [w for w in words(text) if w not in stopwords and len(w) > 1]
