"""Per-language data, kept apart from the logic that uses it (as spaCy's ``lang/`` does).

Each module defines one ``LanguageData``; adding a language means adding a module here and
naming it in ``LANGUAGES``. Nothing in these modules runs; they only describe.
"""

from __future__ import annotations

from dataclasses import replace

from intisari.language.data import common, de, en, es, fr, generic, id, ms, pt
from intisari.language.model import LanguageData

__all__ = [
    "AI_NOTICE_RULE",
    "AI_NOTICE_TRIGGERS",
    "EVERYWHERE",
    "GENERIC",
    "LANGUAGES",
    "RELATED_LINK_CUES",
    "LanguageData",
    "notice_apart",
]

#: Noise a page carries whatever the article's language: an aggregator's AI notice and its
#: box heading are in the aggregator's language, not the article's (an Indonesian app
#: shows its notice above an article declared French), so every language's cleaning cuts
#: the notices and headings of every language with rules.
EVERYWHERE = frozenset({"ai-notice", "box-heading"})
_WITH_RULES = (id.DATA, en.DATA)


def _any_notice() -> str:
    """One whole-line pattern for the AI notice of every language with rules: AI, a
    summary and a warning, in any order and any of the languages (one scan of a line for
    each of the three, not three for each language)."""
    parts = zip(*(data.ai_notice for data in _WITH_RULES if data.ai_notice), strict=True)
    return "".join(rf"(?=.*\b({'|'.join(words)})\b)" for words in parts) + ".*"


#: The AI notice's whole-line rule, which opens every language's ``noise_lines``, and the
#: words of which every line it matches holds one (``LanguageData.ai_notice_triggers``).
AI_NOTICE_RULE = ("ai-notice", _any_notice())
AI_NOTICE_TRIGGERS = tuple(word for data in _WITH_RULES for word in data.ai_notice_triggers)


def notice_apart(
    lines: tuple[tuple[str, str], ...],
) -> tuple[bool, tuple[tuple[str, str], ...]]:
    """Do ``lines`` (a language's ``noise_lines``) open with ``AI_NOTICE_RULE``, and the
    rules after it: the notice's rule reads a line back from its end once for each of
    its three words, so it is tried apart, on lines holding one of ``AI_NOTICE_TRIGGERS``."""
    if lines[:1] == (AI_NOTICE_RULE,):
        return True, lines[1:]
    return False, lines


def _with_everyone_s_notices(data: LanguageData) -> LanguageData:
    headings = tuple(
        rule
        for source in _WITH_RULES
        for rule in source.noise_lines
        if rule[0] == "box-heading" and rule not in data.noise_lines
    )
    return replace(data, noise_lines=(AI_NOTICE_RULE, *data.noise_lines, *headings))


#: A sentence that sends the reader elsewhere, in any language with rules of its own
#: (German's too), or holds an address: what cleaning should have cut, looked for in every
#: sentence whatever its language (``takeaways.text.is_boilerplate``). Each cue's source
#: comes after the words every match of it holds (``LanguageData.related_link_cues``).
RELATED_LINK_CUES: tuple[tuple[str, str], ...] = (
    *(cue for data in (*_WITH_RULES, de.DATA) for cue in data.related_link_cues),
    *common.ADDRESS_CUES,
    *common.FURNITURE_CUES,
)

#: Languages with full rules (cleaning, segmentation, dangling-reference checks, notice).
LANGUAGES: dict[str, LanguageData] = {
    data.code: _with_everyone_s_notices(data) for data in (id.DATA, en.DATA)
}

#: Languages with some rules of their own, reported with ``language_supported = False``
#: because nothing was tuned on them: Malay gets Indonesian rules (the languages share
#: most grammar and news vocabulary), German, French, Spanish and Portuguese the generic
#: ones with their words for the box, for splitting sentences and for leaning back.
RELATED: dict[str, LanguageData] = {
    data.code: _with_everyone_s_notices(data)
    for data in (ms.DATA, de.DATA, fr.DATA, es.DATA, pt.DATA)
}

#: Fallback for every other language: punctuation-only rules, an English box.
GENERIC: LanguageData = _with_everyone_s_notices(generic.DATA)
