"""The shape of a language's data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps
from typing import TypeVar

__all__ = [
    "CASE_FOLDED",
    "LanguageData",
    "alternation",
    "by_mark",
    "is_date_word",
    "may_match",
    "month_names",
    "per_language",
]

_Built = TypeVar("_Built")

#: What a case-insensitive regular expression matches as "i" or "s" but ``str.lower``
#: does not turn into one ("ı", "ſ", and the combining dot that "İ" leaves). A quick
#: ``word in text.lower()`` test standing for such an expression must defer to it when
#: the text holds any of these.
CASE_FOLDED = ("\u0131", "\u017f", "\u0307")

#: Languages whose compiled rules ``per_language`` keeps at once: a handful are in use
#: (Indonesian, English, Malay, the generic fallback); tests make a few more.
MAX_LANGUAGES_KEPT = 16


def per_language(build: Callable[[LanguageData], _Built]) -> Callable[[LanguageData], _Built]:
    """``build`` (a language's patterns, compiled) run once per ``LanguageData`` object.

    Keyed by the object's identity, not by its value as ``functools.lru_cache`` would:
    hashing a whole ``LanguageData`` (some 80 fields, tuples of tuples of patterns) cost
    more than the lookup it served, and the rules are looked up for every article and
    for many sentences. The object is kept with its result, so its id is never reused
    while the entry lives.
    """
    built: dict[int, tuple[LanguageData, _Built]] = {}

    @wraps(build)
    def cached(data: LanguageData) -> _Built:
        entry = built.get(id(data))
        if entry is None or entry[0] is not data:
            if len(built) >= MAX_LANGUAGES_KEPT:
                built.clear()
            entry = built[id(data)] = (data, build(data))
        return entry[1]

    return cached


def alternation(sources: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching wherever any of ``sources`` (a language's
    regular-expression sources) matches; ``None`` when there are none."""
    sources = tuple(sources)
    return re.compile("|".join(f"(?:{s})" for s in sources), re.I) if sources else None


#: A mark few sentences hold and some triggers do ("reuters/", ".com/", "cnn indonesia/":
#: half the photo credits'): ``may_match`` looks for those triggers only in text holding it.
TRIGGER_MARK = "/"


def by_mark(triggers: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``triggers`` without ``TRIGGER_MARK`` and those with it, for ``may_match``: each
    once, leaving out any that holds another ("istockphoto" holds "photo": text holding it
    holds "photo", found first). Built once with a language's rules, not for each text."""
    kept = [t for t in dict.fromkeys(triggers) if not any(o != t and o in t for o in triggers)]
    return (
        tuple(t for t in kept if TRIGGER_MARK not in t),
        tuple(t for t in kept if TRIGGER_MARK in t),
    )


def may_match(text: str, triggers: tuple[str, ...], marked: tuple[str, ...] = ()) -> bool:
    """Can a case-insensitive pattern whose every match holds one of ``triggers`` or of
    ``marked`` (lower case) match ``text``? False only when ``text`` holds none of them: a
    cheap ``in`` test that spares most text the pattern's search. No triggers: it may.

    ``CASE_FOLDED`` is looked for only in text that is not all ASCII: its characters are
    not, and ``isascii`` answers in one quick pass what three searches did for most text.
    ``marked`` (``by_mark``: the triggers holding ``TRIGGER_MARK``) are looked for only
    in text holding the mark: the photo credits' 17 triggers were 17 passes over every
    short line and every sentence checked, and are 9 on most (25 -> 16 us an article on
    the tune texts, timeit).
    """
    if not triggers and not marked:
        return True
    holds = text.lower().__contains__
    return (
        any(map(holds, triggers))
        or (bool(marked) and TRIGGER_MARK in text and any(map(holds, marked)))
        or (not text.isascii() and any(map(holds, CASE_FOLDED)))
    )


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
    #: The language the box's own words (heading, notice, labels) are written in, when
    #: not ``code``: the generic rules' are English, whatever the article's language.
    words_language: str = ""
    #: What an LLM is asked (``--method llm``, ``intisari.llm``): a template with
    #: ``{article}``, ``{count}`` and, if it wants it, ``{title}``. It asks for short
    #: bullets from the article alone, in the article's language; whatever comes back is
    #: still checked against the article, statement by statement.
    llm_prompt: str = ""
    #: The mark beside an LLM bullet that passed the check, shown in the box.
    checked_label: str = ""
    #: The AI notice once a person approved or edited the box (issue 16); empty: the
    #: English one.
    checked_notice: str = ""
    #: Lower-cased abbreviations (without the final period) after which a period does not
    #: end a sentence, e.g. "kab" for "Kab.", "mr" for "Mr.": they precede a name or a
    #: number.
    abbreviations: frozenset[str] = frozenset()
    #: Abbreviations that usually close their sentence ("dll.", "etc."): a period after
    #: them ends the sentence when a capital follows, and not otherwise.
    final_abbreviations: frozenset[str] = frozenset()
    #: Abbreviations that may close a sentence or go on inside it ("Apple Inc.", "the
    #: U.S.", "6 p.m."): a period after them, after a dotted abbreviation ("U.S.A.") or
    #: after an initial ("you and I.") ends the sentence only when one of
    #: ``sentence_starters`` follows ("in the U.S. How ...", not "the U.S. Government").
    #: Without starters, such a period never ends a sentence.
    trailing_abbreviations: frozenset[str] = frozenset()
    #: Abbreviations of a word that stands before a number ("p. 55", "No. 5", "N°. 12"):
    #: before a number their period goes on; before anything else it is a word's.
    number_abbreviations: frozenset[str] = frozenset()
    #: The language writes a day's number with a period ("am 25. Juni"): before one of
    #: ``months`` such a period ends no sentence.
    ordinal_days: bool = False
    #: Lower-cased words after which a number with a period is an ordinal, whatever
    #: follows it ("im 15. Jahrhundert", "vom Balkon im 4. Stock", "des 10. Jubiläums"):
    #: that period ends no sentence. German writes ordinals so and capitalises its nouns,
    #: so the word after the number cannot tell.
    ordinal_leads: frozenset[str] = frozenset()
    #: Lower-cased words that open sentences often and rarely follow an abbreviation inside
    #: one ("The", "He", "How"), capitalised in the text: see ``trailing_abbreviations``.
    sentence_starters: frozenset[str] = frozenset()
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
    #: Lower-cased pronouns for a thing ("it"): the subject right after an opening phrase
    #: that names nothing ("Intended to force illegal workers out of jobs, it is also
    #: driving away ...", huffingtonpost.com: the law, named only in the sentence
    #: before) stands for something of an earlier sentence, as ``speaker_pronouns`` do
    #: for a person (``checks.refers_back``), unless ``expletive_subject`` matches.
    thing_pronouns: frozenset[str] = frozenset()
    #: A pattern (case ignored) for a thing pronoun that stands for nothing, matched from
    #: the pronoun on: "it is clear that ...", "it was not until ...", "it took years to
    #: ...": the clause it opens comes later in the sentence.
    expletive_subject: str | None = None
    #: Lower-cased words that open the name of a place or an institution ("Bandara
    #: Internasional Lombok", "Gunung Rinjani"): a capitalised name they open is nobody a
    #: personal pronoun can stand for ("Menurut dia, ..." after "... Gunung Baru Jari,
    #: anak Gunung Rinjani." asks "who?").
    place_heads: frozenset[str] = frozenset()
    #: Lower-cased first-person words ("we", "I", "kami", "kita"). Opening a sentence of
    #: the narration, they are the writer's voice ("We also saw gadgets ...", "I would
    #: soon learn that ...", "Kita harus hati-hati ..."): in a box nobody knows who "we"
    #: are, so such a sentence needs the one before it, like a dangling opener. Opening a
    #: quotation they are the speaker's, who is named (`"We had some issues," Mayer said.`).
    writer_pronouns: frozenset[str] = frozenset()
    #: Lower-cased first-person words that are the writer's voice wherever they stand in
    #: a sentence that quotes nobody, not only opening it ("... can turn us into
    #: e-hypochondriacs.", "Dari pantauan saya, saat ini sudah ada ..."): a reader of the
    #: box does not know who "I" is ("Indeed, I'm in wine country ..."). A capital letter
    #: alone after a capitalised word that is no stopword is a name's numeral, not "I"
    #: ("World War I", "Phase I"). Left out: words that name something else as often
    #: ("kita", the nation, in "performa ekspor kita").
    aside_pronouns: frozenset[str] = frozenset()
    #: Words that mark this language against a close neighbour (Indonesian vs Malay).
    marker_words: frozenset[str] = frozenset()
    #: Whole lines that are not story: related-story links, app prompts, notices.
    #: Each entry is (reason, pattern); patterns match a whole line (case-insensitive).
    noise_lines: tuple[tuple[str, str], ...] = ()
    #: An aggregator's AI notice as three alternations (regular-expression sources): the
    #: words for AI, for a summary, and for a warning of mistakes. A line holding one of
    #: each is a notice; ``language.data`` makes every language cut every language's.
    ai_notice: tuple[str, str, str] | None = None
    #: Lower-cased words of which every match of ``ai_notice``'s words for a summary holds
    #: one ("ringkas" in "ringkasan" and "diringkas"): a line holding none of any
    #: language's is no notice, and cleaning does not try the notice's pattern on it
    #: (which reads the whole line back from its end; on most lines, for nothing).
    ai_notice_triggers: tuple[str, ...] = ()
    #: A line that only announces links on the lines after it ("Baca juga:", "Related
    #: Links"): it goes, and so do the short headline lines that follow it.
    link_announcements: tuple[str, ...] = ()
    #: A line that heads what comes after the story ("Further Reading", "About the
    #: author"): below the story's first paragraph, it and every line after it go.
    closing_headings: tuple[str, ...] = ()
    #: What a sentence that only sets up the next one holds (patterns, ignoring case): it
    #: names what the next sentence gives ("... showed just how important ... is.",
    #: "... identified what it calls a “verification gap”."), so alone in a box it
    #: says nothing.
    setup_cues: tuple[str, ...] = ()
    #: Lower-cased words of which every ``setup_cues`` match holds one: a sentence
    #: holding none is not searched.
    setup_triggers: tuple[str, ...] = ()
    #: How a sentence opens that rejects what the one before it claimed (patterns, ignoring
    #: case, matched at the sentence's start: "Von wegen!", "Nicht so in Brandenburg.",
    #: "Think again."): that one before is a view the article argues against, never a
    #: takeaway.
    rebuttals: tuple[str, ...] = ()
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
    #: Photo credits ("Foto: ...", "(ANTARA FOTO/...)", "Getty Images"), searched in a
    #: line ignoring case: a short line holding one is a caption, and no takeaway holds one.
    credits: tuple[str, ...] = ()
    #: Lower-cased words of which every ``credits`` match holds one ("foto", "getty"): a
    #: line holding none is not searched (most lines are story, and the search is dear).
    credit_triggers: tuple[str, ...] = ()
    #: Lower-cased verbs of saying that attribute a quote (``"...!" kata dia``): a quote is
    #: never cut from its attribution, and "-nya" forms hide who spoke.
    speech_verbs: frozenset[str] = field(default_factory=frozenset)
    #: Lower-cased openings (one or two words) beyond ``dangling_openers`` that point back
    #: to what came before ("Itulah ...", "Menurutnya, ..."): the selector and the
    #: evaluation treat them as dangling. Kept apart from ``dangling_openers`` because the
    #: ranker's "dangling" feature reads that set and the shipped model learned it so.
    referring_openers: frozenset[str] = frozenset()
    #: Lower-cased connectives that tie a sentence to the one before it from inside its
    #: first clause, set off by commas after its opening phrase ("NVIDIA, though, kept
    #: working ...", "The open redirect vulnerability, meanwhile, exists ...", "Ed
    #: Sheeran, misalnya, sempat ..."): the sentence leans back as if it opened with one.
    interposed_connectives: frozenset[str] = frozenset()
    #: Lower-cased connectives that tie a sentence to the one before it from right after
    #: its verb, with no commas around them, where the verb comes second ("Neugierige
    #: werden aber schon ab dem 25. Juni einen ersten Blick ... werfen können.",
    #: computerbase.de: but what came first?). Read among the first
    #: ``checks.INNER_CONNECTIVE_WINDOW`` words and not after a comma ("klein, aber fein"
    #: joins two words of one sentence). Not English "also": "Obama also recently declared
    #: ..." leans back too, but such sentences carry CNN's highlights (docs/quality-log.md:
    #: -0.05 ROUGE-1 in-sample).
    inner_connectives: frozenset[str] = frozenset()
    #: Lower-cased words that, closing a short opening phrase before its comma, tell
    #: what happened after something told before ("Thirteen minutes later, the plane
    #: slammed into the French Alps.", "Dua hari kemudian, ..."): after what? The
    #: sentence leans on the one before it. ("Later this year, ..." is a time from today.)
    sequel_words: frozenset[str] = frozenset()
    #: Lower-cased verbs by which a speaker gives an example ("Yuddy mencontohkan
    #: instansinya yang memiliki 365 pegawai.", "Dia mencontohkan, ..."): the example is
    #: of the point the sentence before made, which a bullet alone does not show (a
    #: reader's report on kompas.com, a shared page; none of IndoSum's 18 such sentences
    #: is in a reference summary). Among a sentence's first ``REFERRING_WINDOW`` words
    #: (after a time phrase), the sentence leans back.
    example_verbs: frozenset[str] = frozenset()
    #: Lower-cased openings of a definite article and a noun of a role or a kind ("the
    #: actor", "the couple", "the country"): written in lower case, they stand for someone
    #: or something the sentences before named, as a pronoun does ("The actor posed on a
    #: bearskin rug ..."), so such a sentence leans on the one before it. In capitals they
    #: open a name ("The Star Wars movies ...", "The Man Booker Prize ..."). Kept apart
    #: from ``dangling_openers``, which is read in lower case.
    role_openers: frozenset[str] = frozenset()
    #: Regular-expression source of an opening that names someone said before by age
    #: ("Der 31-Jährige hat ..."): the sentence leans on the one before it, as with
    #: ``role_openers``. Matched at the sentence's start, ignoring case. (English "The
    #: 85-year-old, speaking to reporters, ..." leans back too, but the three cnn.tune
    #: bullets that open so carried their story's point: CNN ROUGE-1 -0.09 in-sample,
    #: and the boxes without them missed it.)
    age_openers: str = ""
    #: Lower-cased definite articles ("the"): a sentence opening with one and a noun in
    #: lower case ("The new law could allow ...") speaks of a thing named before, and
    #: the sentence that named it is looked at next (``intisari.takeaways.definites``).
    #: Empty where definiteness is marked otherwise (Indonesian "tersebut", "itu":
    #: ``referring_words``).
    definite_articles: frozenset[str] = frozenset()
    #: Lower-cased ordinals that count an item of a list begun before when they open a
    #: sentence before a comma ("Second, the Fed will reinvest ...", "Kedua, ..."): the
    #: sentence leans on the ones before it. Without the comma they name ("Kedua tim ...",
    #: "Second-half goals ...").
    enumerators: frozenset[str] = frozenset()
    #: Lower-cased demonstratives that point back from inside the sentence's opening
    #: phrase ("Wanita tersebut adalah ...", "Dalam pembicaraan itu, ..."): one of them in
    #: the first ``REFERRING_WINDOW`` words makes the sentence lean on the one before it.
    referring_words: frozenset[str] = frozenset()
    #: Does the language's news name a person in full once and by surname after
    #: ("Jeffrey Pugliese ..." then "Pugliese said ...")? Then a takeaway with the surname
    #: alone leans back to the full name (``intisari.takeaways.names``). Not where people
    #: go by any part of their name or by one name only (Indonesian: "Jokowi", "Taeyeon").
    surnames_lean_back: bool = False
    #: Does the language's news name a speaker in full once and by the first word of the
    #: name after ("Juru Bicara KPK Febri Diansyah ..." then "Febri mengatakan ...")? Then
    #: a takeaway in which that word alone speaks (next to one of ``saying_verbs``) leans
    #: back to the full name, as a surname does where ``surnames_lean_back``. Only a
    #: speaker: a lone name standing for a club, a place or a brand ("Persib", "Jakarta")
    #: is one a reader knows. A language may have both: English features call people by
    #: the first name too ("In 1997, Elise wrote, ..." after "Elise Matthesen": slate.com).
    first_names_lean_back: bool = False
    #: Does the language's news spell an acronym out once, with the acronym in brackets
    #: ("the University of Georgia (UGA)"), and use it alone after ("The UGA scientists
    #: ...")? Then a takeaway with the acronym alone leans back to the sentence that spells
    #: it out (``intisari.takeaways.acronyms``).
    acronyms_lean_back: bool = False
    #: Does the writer's voice in many of an article's sentences (``writer_pronouns``
    #: outside a quotation) mark an opinion piece or a first-person story, scored by a
    #: network of its own (``ranking.learned.OPINION_SHARE``)? Not in Indonesian news,
    #: where "saya" outside quotation marks is as often a source's words left unquoted.
    opinion_pieces: bool = False
    #: Share of a sentence's score taken from the network trained on every language's
    #: tune articles (``ranking.learned.FALLBACK``), the rest from the language's own: a
    #: language whose own summaries are one outlet's learns that outlet's habits. English's
    #: are CNN's highlights, which seldom repeat the lead, and its network learned to pass
    #: over the first sentence that most newsrooms' own summaries repeat. Against the
    #: descriptions of 97 English pages of four page sets (a newsroom's own summary, as
    #: ``evaluate --pages`` reads it), the box scored 34.0 ROUGE-1 and lead-3 42.0; with
    #: 0.25, 36.9 (25.1 against lead-3's 23.9 on the 48 descriptions that do not copy the
    #: opening), and CNN cross-validated 30.76 against 30.55, with other folds and seeds
    #: (``--seed 1``) 31.11 against 30.84 (the CNN-only network overfits its 500
    #: articles). At 0.5, 38.0, but more of the openers that CNN's network rightly passes
    #: over come in ("A half century on, The Doobie Brothers are still smoking."). Blind
    #: readers preferred the new box in 34 of 73 boxes that changed, the old in 32 (at
    #: 0.5: 29 of 65 and 30).
    general_ranker_share: float = 0.0
    #: Words after which a ``referring_words`` names a time, not something said before
    #: ("saat ini" = now, "tahun ini" = this year).
    time_words: frozenset[str] = frozenset()
    #: Lower-cased phrases, written as their ``words`` joined by one space, that name a
    #: time said from today though they hold a dangling word or a demonstrative ("baru
    #: baru ini" = recently, "this week", "so far"): a sentence opening with one ("Baru-baru
    #: ini Samsung mengumumkan ...", "This week, the company ...") or holding one in its
    #: opening phrase ("Samsung baru-baru ini ...") leans on nothing before it by that.
    #: Read by the reader's rules only (``checks.refers_back``), not by the ranker's
    #: "dangling" feature, which the shipped model learned without them.
    time_phrases: frozenset[str] = frozenset()
    #: Lower-cased words that point back wherever they stand in the sentence ("such
    #: plumes" = the plumes just described): a sentence holding one leans on the one
    #: before it. (Indonesian "demikian" anywhere cost IndoSum 0.1 ROUGE-1 with 3
    #: takeaways; its common forms are openers, "Meski demikian, ...", or close an opening
    #: phrase, "Pria ... ini mengatakan demikian".)
    anaphors: frozenset[str] = frozenset()
    #: Words after which an ``anaphors`` word does not point back ("such as", "such a").
    anaphor_exceptions: frozenset[str] = frozenset()
    #: Lower-cased demonstratives that point back when they close the sentence as what
    #: it acts on ("Modena, Italy-based tech firm IK Multimedia hopes to change that."):
    #: the last word before the final mark. (Indonesian closes on "ini" for today, "hari
    #: ini", and on "itu"/"tersebut" inside many a lead: none listed.) Also connectives
    #: that close it: "The London embassy contract proved especially valuable to Morales,
    #: however." contrasts with a sentence the box does not show (newspaper4k's page).
    closing_anaphors: frozenset[str] = frozenset()
    #: Lower-cased words that make the predicate of a clause ("adalah", "akan", "telah"):
    #: a ``referring_words`` demonstrative after one belongs to the predicate, not to the
    #: noun phrase that opens the sentence ("Pemain berusia 21 tahun itu tampil ...").
    predicate_words: frozenset[str] = frozenset()
    #: Beginnings of the language's active and passive verbs ("me-", "di-"): a word of at
    #: least ``PREDICATE_PREFIX_MIN_CHARS`` letters with one counts as ``predicate_words``
    #: (a noun that looks like one, "menteri", only makes the rule more cautious).
    predicate_prefixes: tuple[str, ...] = ()
    #: Endings of the language's verbs that ``predicate_prefixes`` cannot see: English
    #: "-ed" ("announced", "arrested"; an adjective that looks like one, "tired", only
    #: makes the rules more cautious).
    predicate_suffixes: tuple[str, ...] = ()
    #: Two lower-cased words that together hold a verb, where the second alone need not
    #: ("that s" of "that's", "it s" of "it's"; "the country's" holds none).
    predicate_pairs: frozenset[str] = frozenset()
    #: Lower-cased words that open a relative clause inside a noun phrase ("yang", "who"):
    #: a verb after one still belongs to the opening phrase ("Pria yang akrab disapa Dani
    #: ini ...").
    relativizers: frozenset[str] = frozenset()
    #: Lower-cased endings that attach to a word without changing what it names
    #: ("pemainnya" = "pemain" + "-nya"): cut before two bullets' words are compared.
    clitics: tuple[str, ...] = ()
    #: Lower-cased words that end as one of ``clitics`` does but name no owner: adverbs
    #: and connectives ("biasanya", "sebelumnya") and words whose root ends so ("hanya",
    #: "punya"). Any other sentence whose whole subject is one word with a clitic leans
    #: back: "Rambutnya yang pendek ...", "Layarnya berukuran ..." (whose?).
    clitic_words: frozenset[str] = frozenset()
    #: Lower-cased openings (one or two words) that name a part of what follows them
    #: ("salah satu", "beberapa"): with a word that has one of ``clitics`` after them,
    #: the part is of an owner from before, whatever follows ("Salah satu alasannya ...",
    #: "Beberapa lagunya ...": one of whose reasons, whose songs?).
    part_openers: frozenset[str] = frozenset()
    #: Lower-cased words (one or two) that, alone as a sentence's subject, stand for
    #: people or things the sentence before counted ("Four served with the Louisiana
    #: National Guard." after "... 11 service members ...", "Both escaped statutory
    #: damages ...", "Others aren't."): the sentence leans back when the next word opens
    #: the predicate (an auxiliary, a negation, a verb). "Two people were killed" names
    #: what it counts.
    counted_subjects: frozenset[str] = frozenset()
    #: Endings of the language's adverbs, read past between a subject and its verb
    #: ("One recently received ..."): English "-ly".
    adverb_endings: tuple[str, ...] = ()
    #: Regular-expression source of the salutation that opens a reader's letter in an
    #: advice column ("DEAR ABBY: ...", "DEAR FEELING: ..."), matched at a paragraph's
    #: start: a letter is its writer's words, never a fact of the article.
    letter_salutation: str = ""
    #: Lower-cased openings (one or two words) that continue a sentence or a list and
    #: never start one ("Mulai dari ...", "Belum lagi ...", "Such as ..."): a sentence
    #: opening with one is a fragment, whatever the box shows before it.
    fragment_openers: frozenset[str] = frozenset()
    #: Lower-cased conjunctions that open a dependent clause ("Karena ...", "Because
    #: ..."): the sentence holds its main clause only after a comma or one of
    #: ``clause_links``; without either it is a fragment ("Karena gangguan kesehatan
    #: mental berisiko mengidap diabetes.").
    subordinators: frozenset[str] = frozenset()
    #: Lower-cased words that start the main clause after a dependent one without a comma
    #: ("Jika ... maka ...").
    clause_links: frozenset[str] = frozenset()
    #: How a time span that a dependent clause measures opens a sentence (a pattern,
    #: ignoring case: "A mere six months after", "Two days before"): with no comma after
    #: it, the sentence has no main clause ("A mere six months after the Choice Act was
    #: signed into law.", cnn.tune). Only where news sets the main clause off with a
    #: comma; Indonesian often does not ("Dua hari setelah itu polisi menangkap ...").
    lapse_opening: str | None = None

    # Compressing a takeaway (``intisari.takeaways.compress``): what may be deleted. ----
    #: Short asides in brackets go from every takeaway, not only from a long one: the
    #: language's reference summaries leave them out ("(pictured)", "(R-Texas)"), where
    #: others keep the dates and acronyms their brackets hold ("Jumat (8/9/2017)").
    drop_asides: bool = False
    #: A takeaway this long (in words) or shorter is left whole; a longer one is
    #: compressed towards it. Yahoo's and WSJ's bullets are ~15-20 words; a language whose
    #: reference summaries copy the article's long sentences whole (IndoSum's do) loses
    #: ROUGE with every word cut, and is compressed only as far as the cap on a bullet's
    #: length (``compress.MAX_BULLET_WORDS``) needs.
    bullet_words: int = 20
    #: Lower-cased openings (one or two words) of a source attribution that closes the
    #: sentence after a comma (", menurut kantor berita Rusia Interfax.", ", according to
    #: police."). A closing clause with one of ``speech_verbs`` among its first words
    #: (", kata Peskov.", ", police said on Tuesday.") is one too.
    attribution_openers: frozenset[str] = frozenset()
    #: Lower-cased openings (one or two words) of a phrase that credits the outlet a
    #: story was taken from ("Dikutip detikINET dari BBC, Kamis (5/11/2015), Google
    #: menyatakan ...", "Seperti dilansir Reuters, USS ..."). The phrase goes from every
    #: takeaway, as a closing attribution may: the reader learns what Google said, not
    #: where the site read it. Not "menurut" or "according to": they name whose claim it
    #: is ("Menurut polisi, ..."), which the statement must keep.
    source_openers: frozenset[str] = frozenset()
    #: How many first words of a closing clause may hold its verb of saying: Indonesian
    #: puts the verb first (", kata Peskov."), English after the speaker (", the ministry
    #: said."). Further in, the clause says something of its own.
    attribution_verb_window: int = 1
    #: Lower-cased words that, right after a verb of saying that follows its speaker,
    #: open what was said rather than end the attribution: in "..., the spokesman said
    #: the company would close." the clause is the sentence's news, and cutting it as an
    #: attribution left "After the long meeting ... ended late in the evening." (a
    #: fragment). ", police said on Tuesday.", ", he told CNN." stay attributions. Empty
    #: where the verb opens the clause (", kata Peskov.").
    reported_clause_openers: frozenset[str] = frozenset()
    #: Lower-cased nouns of what a claim rests on (a poll, a survey, a study):
    #: an opening phrase that holds one stays, or the claim would read as a fact ("In
    #: the final round of polling before the elections, Herzog's Zionist Union party is
    #: in the lead ...").
    evidence_words: frozenset[str] = frozenset()
    #: Lower-cased words for a speaker the story does not name ("a source close to the
    #: family", "sumber"): a closing attribution to one stays, or the claim would read as
    #: the story's own fact.
    unnamed_sources: frozenset[str] = frozenset()
    #: Lower-cased words with one of ``secondary_endings`` that open a title, not a
    #: clause ("Jon Stainer, managing director of ... Repucom, argues ...": who the
    #: speaker is stays, ``takeaways.compress``).
    title_participles: frozenset[str] = frozenset()
    #: Lower-cased words for a day counted from when the story was written ("tomorrow",
    #: "kemarin"): the date in brackets after one ("tomorrow (February 19)") is the only
    #: day the reader of a later page can place, so it stays.
    relative_days: frozenset[str] = frozenset()
    #: The opening of a sentence that names who said what the sentence before it said,
    #: up to the speaker ("Hal itu disampaikan ", "That's according to "): a
    #: case-insensitive pattern matched at the sentence's start. The claim's bullet shows
    #: who said it when the box leaves that sentence out (``takeaways/speakers``).
    speaker_after: str = ""
    #: Lower-cased words that end the speaker named after ``speaker_after``: where, when,
    #: to whom or on what occasion it was said ("saat", "kepada", "yang").
    speaker_ends: frozenset[str] = frozenset()
    #: Lower-cased prepositions that open where, when or to whom a quotation was said,
    #: after its speaker at the sentence's end ('"...," tutur Yuddy dalam rapat koordinasi
    #: di kantor Kemenpan RB, Senayan, Jakarta Selatan, Selasa.', '"...," Smith said at a
    #: news conference on Tuesday.'): in a long sentence the setting may go, the speaker
    #: stays.
    setting_prepositions: frozenset[str] = frozenset()
    #: Lower-cased openings of an appositive or a non-restrictive clause set off by commas
    #: (", yang juga Ketua DPR, ...", ", who was elected in 2016, ...", ", a spokesman for
    #: the ministry, ..."): the clause may go, with its commas.
    appositive_openers: frozenset[str] = frozenset()
    #: Lower-cased openings of a secondary clause that closes the sentence after a comma
    #: (", seraya menambahkan bahwa ...", ", while ...", ", and ...", ", because ..."): it
    #: may go, the sentence before it being a whole clause.
    secondary_openers: frozenset[str] = frozenset()
    #: Lower-cased words that join a second reported clause to the first after a verb of
    #: saying ("... said it aims to ... by 2030 and that by 2050, it hopes to ...",
    #: "... mengatakan ... dan bahwa ..."): in a sentence still too long for any bullet,
    #: they and what follows them may go.
    second_reports: tuple[str, ...] = ()
    #: Lower-cased openings (one or two words) of an adverbial phrase or clause that opens
    #: the sentence ("Dalam acara itu, ...", "Last summer, ...", "After the vote, ..."):
    #: it may go when a name opens the main clause after its comma.
    leading_openers: frozenset[str] = frozenset()
    #: A regular expression for the start of an opening phrase (lower-cased) that says
    #: what the subject is ("As the co-founder of a small security consulting firm called
    #: UC Global, David Morales spent years ..."), not when something happened ("As the
    #: negotiations entered their fourth day, ..."): with none of ``predicate_words`` in
    #: it, the phrase introduces the subject, and it stays. Empty: none.
    role_phrase: str = ""
    #: Lower-cased connectives that only tie a sentence to the one before it ("Selain
    #: itu, ...", "Meski demikian, ...", "However, ..."). When one is the whole opening
    #: phrase and a name follows its comma, the phrase may go and the sentence stands
    #: alone, still true. Never a time ("Sebelumnya, Essien tergabung dengan ...": he
    #: would play there now) or a condition ("Jika hal itu terjadi, ...").
    detachable_openers: frozenset[str] = frozenset()
    #: Lower-cased prepositions of an opening phrase that sets a scene the sentence before
    #: named ("Dalam teaser tersebut, Sistar ...", "Pada laga itu, Vujovic ..."): with a
    #: demonstrative in it and no source ("Namun seperti dilansir Calciomercato, ..." keeps
    #: its source), the phrase may go the same way.
    scene_prepositions: frozenset[str] = frozenset()
    #: Lower-cased openings of a closing clause that says what something shows (",
    #: indicating that early oceans ... might have held more water than Earth's Arctic
    #: Ocean"): the finding itself, so neither it nor a clause before it goes as a
    #: secondary clause.
    finding_openers: frozenset[str] = frozenset()
    #: Lower-cased openings of a closing clause that, after a main clause holding one of
    #: ``modal_words``, says on what condition it holds ("... and a deal will be reached,
    #: when each issue has been resolved."): cut, the condition became a flat promise (a
    #: reader's report, cnn.tune), so neither it nor a clause before it goes as a
    #: secondary clause. After a main clause with no modal it tells when something
    #: happened (", when he was 12"), and may go.
    condition_openers: frozenset[str] = frozenset()
    #: Lower-cased verbs of what will, would or may happen ("will", "could", "akan"):
    #: the main clause before one of ``condition_openers`` is then a consequence.
    modal_words: frozenset[str] = frozenset()
    #: Endings of a word that opens such a clause, beyond ``secondary_openers``: the
    #: English participle (", crushing her trainer to death ...").
    secondary_endings: tuple[str, ...] = ()
    #: Lower-cased words of a toll ("killed", "dead", "tewas"): a closing clause that
    #: counts them ("..., after nine churchgoers were shot dead") is the news, and stays.
    toll_words: frozenset[str] = frozenset()
    #: Lower-cased words that open a noun phrase ("his", "the"): one among the two words
    #: before a comma leaves that phrase open, so a word with one of ``secondary_endings``
    #: after the comma is its next adjective, not a clause ("for his great, scathing
    #: critique of ..." keeps its critique).
    determiners: frozenset[str] = frozenset()
    #: Lower-cased words that join two parts of a sentence ("and", "but", "dan"): one
    #: right before the final mark of what the deletions leave means they cut the
    #: sentence inside a clause ("They had separate ministries and."), and the sentence
    #: stays whole.
    coordinators: frozenset[str] = frozenset()
    #: Lower-cased auxiliary and modal verbs ("can", "will", "akan"): a clause after a
    #: comma that opens with one carries on the main clause that an aside between commas
    #: interrupted ("Al-Amari is confident his men, with help from the Iraqi army and some
    #: Sunnis, can crush ISIS ..."), so the aside is no closing clause to cut to the end.
    auxiliaries: frozenset[str] = frozenset()

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
    #: Groups of names for one thing that news writes either way ("Jaksel" and "Jakarta
    #: Selatan", "U.S." and "United States"), each form as written: a statement naming it
    #: one way where the article names it another names nothing the article lacks.
    #: Acronyms of capitalised names ("PSG", "WNI") need no entry: they are read from
    #: their initials.
    name_aliases: tuple[tuple[str, ...], ...] = ()

    # Rules of the box that differ by language. ------------------------------------------
    #: A suffix that makes a ``speech_verbs`` word attribute a quote to someone named
    #: before ("tegasnya." = "he stressed."): a quote attributed only so hides who spoke,
    #: and the sentence leans on the one before it (``takeaways.text.is_dangling``).
    attribution_suffix: str = ""
    #: Lower-cased pronouns that may stand for a quotation's speaker after its closing
    #: mark ('"...," he said.', '"...," kata dia.'): the speaker was named before, so
    #: the quotation needs a bullet naming someone (``checks.refers_back``).
    speaker_pronouns: frozenset[str] = frozenset()
    #: Lower-cased verbs of saying in the form that follows their speaker and opens what
    #: was said ("Edwin mengatakan, ia ..."; ``speech_verbs`` are the forms that close a
    #: quotation, "kata", "ujar"): after a one-word name and one of them, a pronoun is
    #: that name (``checks.refers_back``).
    reporting_verbs: frozenset[str] = frozenset()
    #: Lower-cased verbs that give a judgement to their subject ("menilai", "believes"):
    #: not words said, but a claim that is still someone's. With ``speech_verbs`` and
    #: ``reporting_verbs`` they are what the fact checker reads as a statement naming
    #: whose claim it is (``checking.speakers``): "Argo menilai warga kelewatan
    #: emosional" is wrong when the article gives that judgement to Idham. Kept apart
    #: because a quotation is never closed by one ("..., nilai Argo" is not written).
    opinion_verbs: frozenset[str] = frozenset()
    #: Does ``intisari train`` learn a box sizer for the language? Cross-validated, the
    #: sizer lifts IndoSum ROUGE-1 over the word budget; on CNN it did no better
    #: (30.1-30.3 against 30.4), so English keeps the budget.
    learned_box_size: bool = False
    #: Regular-expression alternatives (case ignored) for a sentence that sends the reader
    #: elsewhere ("Baca juga ...", "Read more: ...", "Click here"). Every language's are
    #: tried on every sentence (``language.data.RELATED_LINK_CUES``): a page in one
    #: language carries another's prompts as readily as its own. Each comes after the
    #: lower-cased words (between spaces) of which every match of it holds one: a
    #: sentence is searched only for the cues whose words it holds (almost every sentence
    #: holds none; one holding "take" is not searched for "Baca juga").
    related_link_cues: tuple[tuple[str, str], ...] = ()
    #: Words an automatic box aims at where no sizer decides (``takeaways.select``). The
    #: box grows until it reaches the budget, so the last sentence overshoots it by about
    #: half a sentence: the best budget, by 5-fold cross-validated ROUGE-1 on the tune
    #: files (grids 40-58 and 30-50 words), sits ~15% under the mean human summary
    #: (IndoSum 58 words: 50; CNN highlights 34: 30). Languages without a summary corpus
    #: get the middle ground, 40.
    word_budget: int = 40


@per_language
def month_names(data: LanguageData) -> frozenset[str]:
    """The language's month names and abbreviations (``LanguageData.months``), as one
    set, built once."""
    return frozenset(name for name, _ in data.months)


@per_language
def saying_verbs(data: LanguageData) -> frozenset[str]:
    """The language's verbs that give words to someone: ``speech_verbs`` ("kata", "said")
    and ``reporting_verbs`` ("mengatakan")."""
    return data.speech_verbs | data.reporting_verbs


def is_date_word(word: str, data: LanguageData) -> bool:
    """Is ``word`` (lower case) a word of a date: a weekday, a month, or a number ("Selasa
    (18/10)", "Kamis (5/11/2015)")?"""
    return word in data.weekdays or word in month_names(data) or word[:1].isdigit()
