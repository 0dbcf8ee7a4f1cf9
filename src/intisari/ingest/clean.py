"""Cut what is not story from the article text, and say what was cut and why.

Real pages carry links to other stories in the middle of the text ("Baca juga: ...",
"MEMBACA ..."), the aggregator's own AI notice, follow-us prompts, bylines, site footers
and the editor's initials. The rules are each language's data (``LanguageData``); this
module only applies them, in one pass over the lines:

- a whole line matching one of ``noise_lines`` goes (whole-line patterns, so a story
  sentence that merely contains "baca juga" stays); a line that only announces links
  ("Baca Juga:") takes the short headline lines after it along;
- ``inline_noise`` is cut from inside a line ("[Baca juga: ...]");
- the headline repeated at the top of the body goes (it is the title, not story);
- the dateline opening the body ("Jakarta, CNN Indonesia -- ") is cut from its sentence,
  and ``trailers`` ("(rsa/rsa)") from the end of the last paragraph.

Every cut is reported as a ``Removed`` with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from intisari.language.model import CASE_FOLDED, LanguageData
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
#: it is a space and more. Matching only these, not every space of the text (each match
#: costs a replacement), makes normalising about 2.5x cheaper with the same result.
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
_MARKUP_EDGES = " *_#>"


@dataclass
class CleanText:
    """The story text, paragraphs separated by a blank line, and what was cut."""

    text: str
    removed: list[Removed] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    """A language's cleaning patterns, compiled once per language."""

    lines: tuple[tuple[str, re.Pattern[str]], ...]
    announcements: tuple[re.Pattern[str], ...]
    inline: tuple[tuple[str, re.Pattern[str]], ...]
    #: ``lines`` and ``announcements`` each as one alternation: one regex call tells
    #: whether any of them applies (most lines are story, touched by none), and only then
    #: are the patterns tried one by one to find which.
    any_line: re.Pattern[str] | None
    any_announcement: re.Pattern[str] | None
    #: Words of which every ``inline`` match holds one (see ``LanguageData``).
    inline_triggers: tuple[str, ...]
    trailers: tuple[tuple[str, re.Pattern[str]], ...]
    datelines: tuple[re.Pattern[str], ...]


def normalize(text: str) -> str:
    """NFC, Unix newlines, no control or zero-width characters, single spaces in lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", _CONTROL.sub("", text))
    return "\n".join(line.strip() for line in text.split("\n"))


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
    for line in text.split("\n"):
        if not line:
            continue
        if announced and _is_headline(line):
            removed.append(Removed(text=line, reason="related-link"))
            announced -= 1
            continue
        announced = 0
        bare = line.strip(_MARKUP_EDGES)
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
        if title and not kept and bare == title.strip():
            removed.append(Removed(text=line, reason="title"))
            continue
        line = _cut_inline(line, rules, removed)
        if line:
            kept.append(line)
    if kept:
        kept[0] = _cut_dateline(kept[0], rules, removed)
        kept[-1] = _cut_trailers(kept[-1], rules, removed)
    return CleanText(text="\n\n".join(line for line in kept if line), removed=removed)


@lru_cache(maxsize=16)
def _compile(language: LanguageData) -> _Rules:
    def each(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((reason, re.compile(source, re.I)) for reason, source in pairs)

    return _Rules(
        lines=each(language.noise_lines),
        announcements=tuple(re.compile(s, re.I) for s in language.link_announcements),
        inline=each(language.inline_noise),
        any_line=_alternation(source for _, source in language.noise_lines),
        any_announcement=_alternation(language.link_announcements),
        inline_triggers=language.inline_triggers,
        # Anchored at the end: each trailer is looked for where the article ends.
        trailers=tuple(
            (reason, re.compile(rf"\s*(?:{source})\s*$", re.I))
            for reason, source in language.trailers
        ),
        # Datelines keep their case: "Jakarta, CNN Indonesia --" is capitalised.
        datelines=tuple(re.compile(source) for source in language.datelines),
    )


def _alternation(sources: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching wherever any of ``sources`` matches."""
    sources = tuple(sources)
    return re.compile("|".join(f"(?:{s})" for s in sources), re.I) if sources else None


def _fullmatches(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.fullmatch(text) is not None


def _noise_reason(bare: str, rules: _Rules) -> str | None:
    if bare.count(" ") >= MAX_NOISE_LINE_WORDS or not _fullmatches(rules.any_line, bare):
        return None
    for reason, pattern in rules.lines:
        if pattern.fullmatch(bare):
            return reason
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
    if not rules.inline:
        return False
    if not rules.inline_triggers:
        return True
    lowered = line.lower()
    return any(word in lowered for word in rules.inline_triggers) or any(
        char in lowered for char in CASE_FOLDED
    )


def _cut_dateline(paragraph: str, rules: _Rules, removed: list[Removed]) -> str:
    for pattern in rules.datelines:
        match = pattern.match(paragraph)
        # A dateline leaves a sentence behind it; a whole line matching is a heading.
        if match and match.end() < len(paragraph):
            removed.append(Removed(text=match.group(0).strip(), reason="dateline"))
            return paragraph[match.end() :]
    return paragraph


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
