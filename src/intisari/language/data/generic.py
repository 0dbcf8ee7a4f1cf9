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
    # Words of no language: only digits, capitals and quotes are checked.
    negations=frozenset(),
    negation_suffixes=(),
    antonyms=(),
    number_words=(),
    scale_words=(),
    amount_words=frozenset("$ € £ %".split()),
    months=(),
    weekdays=frozenset(),
    place_prepositions=frozenset(),
)
