"""The shape of a language's data."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LanguageData"]


@dataclass(frozen=True)
class LanguageData:
    """Everything the engine knows about one language, as plain data.

    Patterns are regular-expression *sources* (compiled once by the module that uses them),
    so a linguist can edit them without reading any engine code.
    """

    code: str
    name: str
    #: Heading of the takeaways box, as news apps show it.
    heading: str
    #: The AI notice shown under the box: AI-made, may be inaccurate, can be reported.
    notice: str
    #: Label of the per-bullet report control.
    report_label: str
    #: Lower-cased abbreviations (without the final period) after which a period does not
    #: end a sentence, e.g. "kab" for "Kab.".
    abbreviations: frozenset[str] = frozenset()
    #: Lower-cased function words: used for language detection tie-breaks, headline
    #: overlap and redundancy (they carry no content).
    stopwords: frozenset[str] = frozenset()
    #: Lower-cased words that, opening a sentence, point back to the previous one
    #: ("Namun", "However"): such a sentence cannot stand alone in the box.
    dangling_openers: frozenset[str] = frozenset()
    #: Words that mark this language against a close neighbour (Indonesian vs Malay).
    marker_words: frozenset[str] = frozenset()
    #: Whole lines that are not story: related-story links, app prompts, notices.
    #: Each entry is (reason, pattern); patterns match a whole line (case-insensitive).
    noise_lines: tuple[tuple[str, str], ...] = ()
    #: Datelines that open the body ("Jakarta, CNN Indonesia -- "); cut from the sentence,
    #: the sentence itself stays.
    datelines: tuple[str, ...] = ()
    #: Verbs of saying that close a quote ("ujar Peskov."), so a quote spanning sentences
    #: is not split before its attribution.
    speech_verbs: frozenset[str] = field(default_factory=frozenset)
