"""Cut what is not story from the article text, and say what was cut and why.

Real pages carry links to other stories in the middle of the text ("Baca juga: ...",
"MEMBACA ..."), the aggregator's own AI notice, follow-us prompts, bylines, site footers
and the editor's initials. The rules are each language's data (``LanguageData``); this
module only applies them, in one pass over the lines:

- a whole line matching one of ``noise_lines`` goes (whole-line patterns, so a story
  sentence that merely contains "baca juga" stays); a line that only announces links
  ("Baca Juga:") takes the short headline lines after it along;
- ``inline_noise`` is cut from inside a line ("[Baca juga: ...]");
- a short line holding a photo credit ("... (ANTARA FOTO/Sigid Kurniawan)", "Foto: Dok.
  Polri", "AP Photo/Evan Vucci") is a caption and goes;
- a paragraph cut off with "[…]" is an excerpt of another page (a teaser) and goes;
- the headline repeated at the top of the body goes (it is the title, not story);
- the dateline opening the body ("Jakarta, CNN Indonesia -- ", "VIENNA — ") is cut from
  its sentence; when a page put a headline, a caption or a teaser above the body, the
  body starts at the second or third paragraph with the dateline ("TRIBUNSOLO.COM,
  JAKARTA --"), and what is above it goes too;
- ``trailers`` ("(rsa/rsa)") are cut from the end of the last paragraph.

Every cut is reported as a ``Removed`` with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from intisari.language.data import AI_NOTICE_RULE, AI_NOTICE_TRIGGERS, notice_apart
from intisari.language.data.common import DATELINE_WINDOW
from intisari.language.model import (
    LanguageData,
    alternation,
    by_mark,
    may_match,
    per_language,
)
from intisari.result import Removed

__all__ = ["CleanText", "clean", "clean_normalized", "normalize", "one_line"]

#: Longest line (in words) still taken for a related-story link, notice or prompt: a
#: headline with its prefix fits, as does a site's footer blurb; a story paragraph that
#: happens to match does not.
MAX_NOISE_LINE_WORDS = 40

#: A line that only announces links ("Baca juga:") takes at most this many following
#: headline lines with it: sites list one to three.
MAX_ANNOUNCED_LINES = 3

#: A line after an announcement is a headline only if it is this short and has no final
#: period: a headline is a phrase, a story paragraph is sentences.
MAX_HEADLINE_WORDS = 20

#: Trailers are looked for in this many final characters of the article only.
TRAILER_WINDOW = 80
#: At most this many trailers are cut, one after the other: real articles close with one
#: or two ("(Baca: ...) (agk/agk)"; two at most in the tune files and example pages). A
#: bound, so that text ending in "(rsa) " repeated is not cut and copied once per repeat
#: (quadratic: 1.2 s for 480 KB).
MAX_TRAILERS = 3

#: A dateline later than the first paragraph is looked for in this many paragraphs: the
#: pages seen put a headline, a photo caption or a teaser above the body, one or two, and
#: cnn.com's older pages "Part of complete coverage on", "STORY HIGHLIGHTS" and three
#: highlights (five; a page outside the shared set, whose lead was lost under them).
MAX_TEASER_PARAGRAPHS = 5
#: ... below paragraphs of one sentence of at most this many words each: the captions
#: and teasers seen have 12-21. A longer paragraph above is story, and what looks like a
#: dateline under it is not one (IndoSum's spacing writes "Karl - Heinz Rummenigge").
MAX_TEASER_WORDS = 25
#: A rubric above the story: a first line of at most this many words that ends on no
#: sentence's mark ("NEWS" on billboard.com, "Review" on appleinsider.com). Left in, it
#: takes the first sentence's place, and the ranker, which reads position first, passed
#: over billboard's lead for the third paragraph ("... the foursome will tour ...").
MAX_RUBRIC_WORDS = 3
#: Marks that close a sentence, a phrase or a quotation: a line ending on one is no rubric.
_RUBRIC_ENDS = tuple(".!?…:;,\"”’'-–—)")
#: A sentence ending inside a paragraph: a teaser has none.
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+\S")
#: The dashes that close a dateline ("Mangupura, (Metrobali.com)-").
_DASHES = ("-", "–", "—")

#: Markdown emphasis that copy-paste from aggregators leaves in plain text ("**x**",
#: "__x__", "*x*"), longest delimiter first. Each delimiter's closers: a delimiter right
#: after a non-space (zero-width matches, so "***" holds two "**" closers).
_EMPHASIS_CLOSERS = {
    "**": re.compile(r"(?<=\S)(?=\*\*)"),
    "__": re.compile(r"(?<=\S)(?=__)"),
    "*": re.compile(r"(?<=\S)(?=\*)"),
}
_EMPHASIS_OPENERS = re.compile(r"[*_]")
#: Every white space but the line break (tabs, no-break and em spaces, U+2028, ...): a
#: normalised line holds none of them but single plain spaces, so no later pattern ever
#: meets a long run of white space (``\s+`` tried from each character of such a run is
#: quadratic).
_BLANKS = r"[^\S\n]"
#: A run of blanks that is not already one plain space: it opens with another blank, or
#: it is a space and more; a line that cutting changed is tidied with it. Matching only
#: these, not every space of the line, spares a replacement per space.
_SPACES = re.compile(rf"[^\S\n ]{_BLANKS}*| {_BLANKS}+")
#: Characters that are never story text: C0 and C1 controls (ESC and BEL act on a
#: terminal; NEL, U+0085, is a line break and left to ``_BLANKS``); the soft hyphen and
#: zero-width characters, which inside a word hide it from the language detector and the
#: patterns ("Mos\u200bkow"); bidirectional marks, embeddings, overrides and isolates,
#: which reorder what a reader sees.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u061c\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
#: The ASCII ones of ``_CONTROL``, which no mojibake is made of.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Mojibake: UTF-8 text whose bytes were once read as Windows-1252 or Latin-1, so that each
#: character became a lead byte's character followed by continuation bytes' ("“" became
#: "â€œ", "é" became "Ã©": five IndoSum tune articles, two of them with a bullet opening
#: "â€œSelain itu, ..."). This finds such a pair; only then is ftfy asked to repair the
#: text, because its own test costs ~0.4 ms an article, a third of the engine's time, and
#: its repair ~0.1 ms. The second class is what bytes 0x80-0xBF read as in either code page.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_MARKUP_EDGES = " *_#>"
#: An excerpt of another page, cut off with the mark of an omission: "... ohne euch und
#: eure Geldbörse ins Bodenlose zu […]" (a blog's index of its posts, novalanalove.com;
#: boingboing.net's teasers of other posts: pages outside the shared set). A story's
#: paragraph does not end on an omission; a quotation's closes its quotation mark after.
_EXCERPT_END = re.compile(r"\[(?:…|\.\.\.)\]$")
#: Rounds of mojibake repair at most (``normalize``): each must change the text, and the
#: texts seen need one, or two when control characters sat inside the mojibake.
MAX_REPAIRS = 4


@dataclass
class CleanText:
    """The story text, paragraphs separated by a blank line, and what was cut."""

    text: str
    removed: list[Removed] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    """A language's cleaning patterns, compiled once per language."""

    lines: tuple[tuple[str, re.Pattern[str]], ...]
    #: The AI notice's rule (``language.data.AI_NOTICE_RULE``) when it opens
    #: ``noise_lines``: tried only on lines holding one of ``AI_NOTICE_TRIGGERS``, before
    #: ``lines``, which then hold the rules after it.
    notice: re.Pattern[str] | None
    announcements: tuple[re.Pattern[str], ...]
    inline: tuple[tuple[str, re.Pattern[str]], ...]
    #: ``lines`` and ``announcements`` each as one alternation: one regex call tells
    #: whether any of them applies (most lines are story, touched by none), and only then
    #: are the patterns tried one by one to find which.
    any_line: re.Pattern[str] | None
    any_announcement: re.Pattern[str] | None
    #: ``LanguageData.closing_headings`` as one alternation (``None``: none).
    closing: re.Pattern[str] | None
    #: Words of which every ``inline`` match holds one (see ``LanguageData``).
    inline_triggers: tuple[str, ...]
    trailers: tuple[tuple[str, re.Pattern[str]], ...]
    datelines: tuple[re.Pattern[str], ...]
    #: After these (lower-cased, no period) a period ends no sentence: "PJs. Bupati ...".
    abbreviations: frozenset[str]
    #: The language's photo credits as one case-insensitive pattern (``None``: none).
    credits: re.Pattern[str] | None
    #: The credits' triggers split by ``by_mark``, for ``may_match``.
    credit_triggers: tuple[tuple[str, ...], tuple[str, ...]]


def normalize(text: str) -> str:
    """Mojibake repaired, NFC, Unix newlines, no control or zero-width characters, single
    spaces in lines. Normalising its own output changes nothing."""
    # ASCII's control characters go first: one between the two halves of a mojibake pair
    # hides it from the repair, and removed after it, leaves the pair for the next
    # normalising ("Â\x08¡" became "Â¡", which normalised again is "¡": hypothesis found
    # it). Not the C1 ones (``_CONTROL``): mojibake is made of them ("Ã\x89" is "É").
    text = _ASCII_CONTROL.sub("", text)
    # Mojibake, composed characters and the other controls are all outside ASCII: text
    # all in ASCII (three tune articles in four) needs none of their scans.
    plain = text.isascii()
    if not plain:
        text = unicodedata.normalize("NFC", _without_mojibake(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not plain:
        text = _CONTROL.sub("", text)
    elif _single_spaced(text):
        return text  # what the line-by-line pass below would give back unchanged
    # Each line's blank runs become one space and its edges none: ``split`` and ``join``
    # do in C, in one pass, what ``_SPACES.sub`` and ``strip`` did (the same white space,
    # ``str.isspace``, which is what ``\s`` reads), at about half the cost.
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _single_spaced(text: str) -> bool:
    """Is ``text``, all in ASCII and without controls but tabs and line breaks, spaced as
    ``normalize`` leaves it: no tab, no run of spaces, no space at a line's edges? Then
    its only blanks are single spaces between words, which splitting each line and
    joining its words again gives back. Most articles are (69% of the tune files), and
    a few substring searches in C cost a small part of that line-by-line pass (some 60 us
    an article, ~2% of ``summarize``)."""
    return not (
        "\t" in text
        or "  " in text
        or " \n" in text
        or "\n " in text
        or text.startswith(" ")
        or text.endswith(" ")
    )


def _without_mojibake(text: str) -> str:
    """``text`` with its mojibake repaired (``_MOJIBAKE``), if it has any."""
    for _ in range(MAX_REPAIRS):
        if not _MOJIBAKE.search(text):
            break
        import ftfy  # Imported here: ~40 ms, and almost every text is read without it.

        repaired = _CONTROL.sub("", ftfy.fix_encoding(text))
        if repaired == text:
            break
        # Control characters inside mojibake stop its repair, and once they are removed a
        # pair may be whole: "à¡\x1f\x86" became "à¡†", which a second pass made "ࡆ"
        # (hypothesis found it). Repair until nothing changes.
        text = repaired
    return text


def one_line(text: str) -> str:
    """``text`` normalised to a single line: for a title, which is printed as it is."""
    return " ".join(normalize(text).split())


def clean(text: str, language: LanguageData, title: str | None = None) -> CleanText:
    """The story paragraphs of ``text``, with every cut listed and its reason."""
    return clean_normalized(normalize(text), language, title)


def clean_normalized(
    text: str, language: LanguageData, title: str | None = None
) -> CleanText:
    """``clean`` for text that went through ``normalize`` already: the pipeline normalises
    before it detects the language, and once is enough (normalising is ~4% of its time)."""
    rules = _compile(language)
    removed: list[Removed] = []
    kept: list[str] = []
    announced = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line:
            continue
        bare = line.strip(_MARKUP_EDGES)
        if kept and _fullmatches(rules.closing, bare):
            # What follows the story ("Further Reading", a newsletter's "One More Thing"):
            # a book list, an older story, the writer's biography.
            removed.extend(
                Removed(text=after, reason="related-link") for after in lines[number:] if after
            )
            break
        if announced and _is_headline(line):
            removed.append(Removed(text=line, reason="related-link"))
            announced -= 1
            continue
        announced = 0
        if _fullmatches(rules.any_announcement, bare) and any(
            pattern.fullmatch(bare) for pattern in rules.announcements
        ):
            removed.append(Removed(text=line, reason="related-link"))
            announced = MAX_ANNOUNCED_LINES
            continue
        reason = _noise_reason(bare, rules)
        if reason:
            removed.append(Removed(text=line, reason=reason))
            continue
        if _is_caption(bare, rules):
            removed.append(Removed(text=line, reason="caption"))
            continue
        if _EXCERPT_END.search(bare):
            removed.append(Removed(text=line, reason="teaser"))
            continue
        # The headline above the body, perhaps under a date or a rubric the page put first.
        if title and len(kept) <= MAX_TEASER_PARAGRAPHS and bare == title.strip(_MARKUP_EDGES):
            removed.append(Removed(text=line, reason="title"))
            continue
        line = _cut_inline(line, rules, removed)
        if line:
            kept.append(line)
    if kept:
        start = _body_start(kept, rules)
        removed.extend(Removed(text=line, reason="teaser") for line in kept[:start])
        kept = kept[start:]
        kept[0] = _cut_dateline(kept[0], rules.datelines, removed)
        kept[-1] = _cut_trailers(kept[-1], rules, removed)
    return CleanText(text="\n\n".join(line for line in kept if line), removed=removed)


@per_language
def _compile(language: LanguageData) -> _Rules:
    def each(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((reason, re.compile(source, re.I)) for reason, source in pairs)

    has_notice, lines = notice_apart(language.noise_lines)
    return _Rules(
        lines=each(lines),
        notice=re.compile(AI_NOTICE_RULE[1], re.I) if has_notice else None,
        announcements=tuple(re.compile(s, re.I) for s in language.link_announcements),
        inline=each(language.inline_noise),
        any_line=alternation(source for _, source in lines),
        any_announcement=alternation(language.link_announcements),
        closing=alternation(language.closing_headings),
        inline_triggers=language.inline_triggers,
        # Anchored at the end: each trailer is looked for where the article ends. No white
        # space before it in the pattern (the cut strips it): a pattern that opens with
        # ``\s*`` is tried at every character of the window, and took twice as long.
        trailers=tuple(
            (reason, re.compile(rf"(?:{source})\s*$", re.I))
            for reason, source in language.trailers
        ),
        # Datelines keep their case: "Jakarta, CNN Indonesia --" is capitalised.
        datelines=tuple(re.compile(source) for source in language.datelines),
        abbreviations=language.abbreviations,
        credits=alternation(language.credits),
        credit_triggers=by_mark(language.credit_triggers),
    )


def _fullmatches(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.fullmatch(text) is not None


def _noise_reason(bare: str, rules: _Rules) -> str | None:
    if bare.count(" ") >= MAX_NOISE_LINE_WORDS:
        return None
    if (
        rules.notice is not None
        and may_match(bare, AI_NOTICE_TRIGGERS)
        and rules.notice.fullmatch(bare)
    ):
        return AI_NOTICE_RULE[0]
    if not _fullmatches(rules.any_line, bare):
        return None
    for reason, pattern in rules.lines:
        if pattern.fullmatch(bare):
            return reason
    return None


def _is_caption(bare: str, rules: _Rules) -> bool:
    """A short line with a photo credit: a caption, whatever else it says."""
    if rules.credits is None or bare.count(" ") >= MAX_NOISE_LINE_WORDS:
        return False
    return may_match(bare, *rules.credit_triggers) and rules.credits.search(bare) is not None


def _body_start(paragraphs: list[str], rules: _Rules) -> int:
    """Index of the paragraph where the body starts: 0, unless the first has no dateline
    and one of the next ``MAX_TEASER_PARAGRAPHS`` opens with one below teasers only
    (a headline, a caption: one short sentence each), or the first is a rubric."""
    if _dateline(paragraphs[0], rules.datelines) is not None:
        return 0
    for index in range(1, min(len(paragraphs), MAX_TEASER_PARAGRAPHS + 1)):
        above = paragraphs[index - 1]
        if len(above.split()) > MAX_TEASER_WORDS or not _one_sentence(above, rules):
            break
        if _dateline(paragraphs[index], rules.datelines) is not None or (
            index + 1 < len(paragraphs) and _lone_dateline(paragraphs[index], rules.datelines)
        ):
            return index
    return 1 if len(paragraphs) > 1 and _is_rubric(paragraphs[0]) else 0


def _is_rubric(paragraph: str) -> bool:
    """Is ``paragraph`` a section's label above the story ("NEWS", "World", "Review")?"""
    return len(paragraph.split()) <= MAX_RUBRIC_WORDS and not paragraph.endswith(_RUBRIC_ENDS)


def _one_sentence(paragraph: str, rules: _Rules) -> bool:
    """Does ``paragraph`` hold one sentence: no sentence ends inside it, a period after
    one of the language's abbreviations ending none ("PJs. Bupati Badung ...")?"""
    for match in _INNER_SENTENCE_END.finditer(paragraph):
        before = paragraph[: match.start()].split()[-1:]
        if not before or before[0].lstrip("([").lower() not in rules.abbreviations:
            return False
    return True


def _lone_dateline(paragraph: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Is ``paragraph`` a dateline alone, the story in the paragraph after it
    ("Mangupura, (Metrobali.com)-")? A heading never ends with a dash."""
    stripped = paragraph.strip()
    return stripped.endswith(_DASHES) and any(
        pattern.fullmatch(stripped + " ") for pattern in patterns
    )


def _dateline(paragraph: str, patterns: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """The dateline opening ``paragraph``, if one of ``patterns`` finds one with a
    sentence behind it (a whole line matching is a heading, not a dateline)."""
    head = paragraph[:DATELINE_WINDOW]
    for pattern in patterns:
        match = pattern.match(head)
        if match and match.end() < len(paragraph):
            return match
    return None


def _is_headline(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and not line.rstrip().endswith(".")


def _cut_inline(line: str, rules: _Rules, removed: list[Removed]) -> str:
    """``line`` (already normalised) without inline noise or markup, spaces tidied."""
    cut = line
    if _may_hold_inline_noise(cut, rules):
        for reason, pattern in rules.inline:
            if pattern.search(cut):
                removed.extend(Removed(text=m.group(0).strip(), reason=reason)
                               for m in pattern.finditer(cut))
                cut = pattern.sub(" ", cut)
    if "*" in cut or "__" in cut:
        pieces, last = [], 0
        for start, end, delimiter in _emphasis_spans(cut):
            removed.append(Removed(text=delimiter, reason="markup"))
            pieces += [cut[last:start], cut[start + len(delimiter) : end - len(delimiter)]]
            last = end
        cut = "".join([*pieces, cut[last:]])
    # Normalised lines have single spaces already: only a cut line needs tidying.
    return cut if cut == line else _SPACES.sub(" ", cut).strip()


def _emphasis_spans(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, delimiter)`` of each Markdown emphasis in ``line`` (no line breaks).

    The matches of ``(\\*\\*|__|\\*)(?=\\S)(.+?)(?<=\\S)\\1``, left to right without overlap,
    in linear time: that expression looked for a closer from every opening delimiter to
    the end of the line, so a line of "*a " repeated took quadratic time (40 s for 90 KB).
    Here each delimiter's closers are listed once, and an opener takes the first closer
    after its first character, as the lazy ``.+?`` did.
    """
    closers: dict[str, list[int]] = {}
    spans: list[tuple[int, int, str]] = []
    resume = 0
    for opener in _EMPHASIS_OPENERS.finditer(line):
        start = opener.start()
        if start < resume:
            continue
        for delimiter, closer in _EMPHASIS_CLOSERS.items():
            inside = start + len(delimiter)
            # The opener: this delimiter, then a non-space.
            if (
                not line.startswith(delimiter, start)
                or inside == len(line)
                or line[inside].isspace()
            ):
                continue
            if delimiter not in closers:
                closers[delimiter] = [m.start() for m in closer.finditer(line)]
            candidates = closers[delimiter]
            at = bisect_left(candidates, inside + 1)
            if at < len(candidates):
                resume = candidates[at] + len(delimiter)
                spans.append((start, resume, delimiter))
                break
    return spans


def _may_hold_inline_noise(line: str, rules: _Rules) -> bool:
    """False when no inline pattern can match: the line holds none of their trigger words."""
    return bool(rules.inline) and may_match(line, rules.inline_triggers)


def _cut_dateline(
    paragraph: str, patterns: tuple[re.Pattern[str], ...], removed: list[Removed]
) -> str:
    if _lone_dateline(paragraph, patterns):
        removed.append(Removed(text=paragraph.strip(), reason="dateline"))
        return ""
    match = _dateline(paragraph, patterns)
    if match is None:
        return paragraph
    removed.append(Removed(text=match.group(0).strip(), reason="dateline"))
    return paragraph[match.end() :]


def _cut_trailers(paragraph: str, rules: _Rules, removed: list[Removed]) -> str:
    """Cut trailers from the end, one after the other: "(Baca: ...) (agk/agk)" closes some."""
    for _ in range(MAX_TRAILERS):
        offset = max(0, len(paragraph) - TRAILER_WINDOW)
        found = next(
            (
                (reason, match)
                for reason, pattern in rules.trailers
                if (match := pattern.search(paragraph, offset))
            ),
            None,
        )
        if found is None:
            break
        reason, match = found
        removed.append(Removed(text=match.group(0).strip(), reason=reason))
        paragraph = paragraph[: match.start()].rstrip()
    return paragraph
