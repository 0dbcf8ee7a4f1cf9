"""Rules for languages without their own module: punctuation only, an English box.

No words of any language (English's are cleared); the shapes every language shares
(datelines, photo credits: ``common``) stay.
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import common, en

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
    datelines=common.DATELINES,
    trailers=common.TRAILERS,
    credits=common.CREDITS,
    credit_triggers=common.CREDIT_TRIGGERS,
    speech_verbs=frozenset(),
    referring_openers=frozenset(),
    fragment_openers=frozenset(),
    subordinators=frozenset(),
    clause_links=frozenset(),
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
