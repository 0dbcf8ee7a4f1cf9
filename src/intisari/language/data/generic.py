"""Rules for languages without their own module: punctuation only, an English box."""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import en

__all__ = ["DATA"]

DATA = replace(
    en.DATA,
    code="und",
    name="Unsupported",
    abbreviations=frozenset(),
    final_abbreviations=frozenset(),
    stopwords=frozenset(),
    dangling_openers=frozenset(),
    marker_words=frozenset(),
    datelines=(),
    speech_verbs=frozenset(),
)
