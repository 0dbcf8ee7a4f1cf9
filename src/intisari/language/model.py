"""The shape of a language's data."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CASE_FOLDED", "LanguageData"]

#: What a case-insensitive regular expression matches as "i" or "s" but ``str.lower``
#: does not turn into one ("ı", "ſ", and the combining dot that "İ" leaves). A quick
#: ``word in text.lower()`` test standing for such an expression must defer to it when
#: the text holds any of these.
CASE_FOLDED = ("\u0131", "\u017f", "\u0307")


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
    #: What an LLM is asked (``--method llm``, ``intisari.llm``): a template with
    #: ``{article}``, ``{count}`` and, if it wants it, ``{title}``. It asks for short
    #: bullets from the article alone, in the article's language; whatever comes back is
    #: still checked against the article, statement by statement.
    llm_prompt: str = ""
    #: The mark beside an LLM bullet that passed the check, shown in the box.
    checked_label: str = ""
    #: Lower-cased abbreviations (without the final period) after which a period does not
    #: end a sentence, e.g. "kab" for "Kab.".
    abbreviations: frozenset[str] = frozenset()
    #: Abbreviations that usually close their sentence ("dll.", "etc."): a period after
    #: them ends the sentence when a capital follows, and not otherwise.
    final_abbreviations: frozenset[str] = frozenset()
    #: Lower-cased function words: used for language detection tie-breaks, headline
    #: overlap and redundancy (they carry no content).
    stopwords: frozenset[str] = frozenset()
    #: Lower-cased words that, opening a sentence, point back to the previous one
    #: ("Namun", "However"): such a sentence cannot stand alone in the box.
    dangling_openers: frozenset[str] = frozenset()
    #: Lower-cased words that open a clause of their own sentence ("Meski hujan, ...")
    #: and point back only before one of ``demonstratives`` ("Meski begitu, ...").
    clause_openers: frozenset[str] = frozenset()
    #: Lower-cased words that point back ("itu", "demikian"), after a ``clause_openers``.
    demonstratives: frozenset[str] = frozenset()
    #: The personal pronouns among ``dangling_openers`` ("ia", "dia"). A sentence opening
    #: with one may follow any earlier takeaway that names someone, not only the sentence
    #: right before it: the reader takes the pronoun for the person just named, as human
    #: summaries do ("Pria asal Kanada, Hugo Cornellier, ... . Dia memotret ..."). Empty:
    #: pronouns need the sentence before them, like every other dangling opener.
    person_pronouns: frozenset[str] = frozenset()
    #: Words that mark this language against a close neighbour (Indonesian vs Malay).
    marker_words: frozenset[str] = frozenset()
    #: Whole lines that are not story: related-story links, app prompts, notices.
    #: Each entry is (reason, pattern); patterns match a whole line (case-insensitive).
    noise_lines: tuple[tuple[str, str], ...] = ()
    #: A line that only announces links on the lines after it ("Baca juga:", "Related
    #: Links"): it goes, and so do the short headline lines that follow it.
    link_announcements: tuple[str, ...] = ()
    #: Noise inside a line: (reason, pattern) cut wherever it matches ("[Baca juga: ...]").
    inline_noise: tuple[tuple[str, str], ...] = ()
    #: Lower-cased words of which every ``inline_noise`` match holds one ("baca"): a line
    #: holding none is not searched, which spares most lines the patterns' cost. Empty:
    #: every line is searched.
    inline_triggers: tuple[str, ...] = ()
    #: Noise that closes the article: (reason, pattern) cut from the end of the last
    #: paragraph, such as the editor's initials "(rsa/rsa)" of Indonesian sites.
    trailers: tuple[tuple[str, str], ...] = ()
    #: Datelines that open the body ("Jakarta, CNN Indonesia -- "); cut from the sentence,
    #: the sentence itself stays.
    datelines: tuple[str, ...] = ()
    #: Lower-cased verbs of saying that attribute a quote (``"...!" kata dia``): a quote is
    #: never cut from its attribution, and "-nya" forms hide who spoke.
    speech_verbs: frozenset[str] = field(default_factory=frozenset)

    # Fact checking (``intisari.checking``): what a statement may get wrong. ------------
    #: Lower-cased words that deny what follows ("tidak", "not"): a statement whose
    #: polarity differs from the article sentence it rests on is flagged.
    negations: frozenset[str] = frozenset()
    #: Endings that deny the word they close ("n't" in "didn't"), lower-cased.
    negation_suffixes: tuple[str, ...] = ()
    #: Pairs of lower-cased words of opposite sense ("naik"/"turun", "won"/"lost"): one
    #: in the statement where its article sentence has the other is a polarity flip.
    antonyms: tuple[tuple[str, str], ...] = ()
    #: Numbers written as words, lower-cased ("tujuh" 7, "seven" 7): compared by value.
    number_words: tuple[tuple[str, float], ...] = ()
    #: Words that multiply the number before them ("juta" 1e6, "million" 1e6).
    scale_words: tuple[tuple[str, float], ...] = ()
    #: Lower-cased words that make the number beside them an amount: currencies and
    #: units of measure ("rp", "rupiah", "dollars", "persen", "percent", "kg").
    amount_words: frozenset[str] = frozenset()
    #: Month names and their abbreviations, lower-cased, with the month's number.
    months: tuple[tuple[str, int], ...] = ()
    #: Weekday names, lower-cased ("senin", "monday").
    weekdays: frozenset[str] = frozenset()
    #: The decimal mark of the language's numbers ("," in "1,5 juta"; "." in "1.5
    #: million"); the other mark separates thousands.
    decimal_mark: str = "."
    #: How numeric dates are written: "dmy" ("8/9/2017" is 8 September) or "mdy".
    numeric_date_order: str = "mdy"
    #: Lower-cased prepositions after which a name is a place ("di Jakarta", "in Turin").
    place_prepositions: frozenset[str] = frozenset()
    #: Lower-cased words that turn the order of actors round ("by" in "B was beaten by
    #: A", "oleh"): a swapped pair of names is not flagged when one stands between them.
    passive_markers: frozenset[str] = frozenset()
