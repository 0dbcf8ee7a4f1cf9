"""Word-level helpers and text rules shared by rankers, features and the selector."""

from __future__ import annotations

import re

__all__ = ["content_words", "is_dangling", "words"]

_WORD = re.compile(r"\w+", re.UNICODE)
#: Opening quotes, brackets and dashes before a sentence's first word.
_LEADING_PUNCTUATION = "\"“‘'([-–— \t\n"
#: Indonesian "hal ini/itu/tersebut" ("this matter") always points back.
_HAL_DEMONSTRATIVES = frozenset({"ini", "itu", "tersebut"})


def words(text: str) -> list[str]:
    """Lower-cased word tokens, the same tokenisation ROUGE uses here."""
    return _WORD.findall(text.lower())


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """Words that carry content: not stop words, not single characters."""
    return [w for w in words(text) if w not in stopwords and len(w) > 1]


def is_dangling(text: str, openers: frozenset[str], speech_verbs: frozenset[str]) -> bool:
    """Does the sentence lean on the one before it (a connective, a pronoun, "-nya")?"""
    tokens = words(text.lstrip(_LEADING_PUNCTUATION)[:40])[:2]
    if not tokens:
        return False
    if tokens[0] in openers or " ".join(tokens) in openers:
        return True
    if tokens[0] == "hal" and len(tokens) > 1 and tokens[1] in _HAL_DEMONSTRATIVES:
        return True
    # A quote attributed only to "-nya" ("tegasnya.") hides who spoke.
    tail = text[-30:]
    if "nya" not in tail:
        return False
    last = words(tail)
    return bool(last) and last[-1].endswith("nya") and last[-1] in speech_verbs
