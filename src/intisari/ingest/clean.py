"""Cut what is not story from the article text, and say what was cut and why.

Real pages carry links to other stories in the middle of the text ("Baca juga: ...",
"MEMBACA ..."), the aggregator's own AI notice, follow-us prompts, bylines and site
footers. They are recognised line by line with each language's ``noise_lines`` (whole-line
patterns, so a story sentence that merely contains "baca juga" stays), and the dateline
that opens the body ("Jakarta, CNN Indonesia -- ") is cut from its sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from intisari.language.model import LanguageData
from intisari.result import Removed

__all__ = ["CleanText", "clean", "normalize"]

#: Longest line (in words) still taken for a related-story link, notice or prompt: a
#: headline with its prefix fits, a story paragraph that happens to match does not.
MAX_NOISE_LINE_WORDS = 40

#: A line ending in "Baca juga:" alone announces the link on the next line(s); at most
#: this many following short lines are taken with it.
MAX_ANNOUNCED_LINES = 2

#: A line announced by a bare "Baca juga:" is a headline only if it is this short.
MAX_HEADLINE_WORDS = 20

#: Markdown emphasis that copy-paste from aggregators leaves in plain text.
_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")
_INLINE_RELATED = re.compile(r"\[\s*(baca|lihat|simak|read)\s+(juga|also|more)\s*:?[^\]]*\]", re.I)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_BARE_ANNOUNCEMENT = re.compile(r"(baca|lihat|simak)\s+(juga|pula)\s*:?|read (more|also)\s*:", re.I)


@dataclass
class CleanText:
    """The story text, paragraphs separated by a blank line, and what was cut."""

    text: str
    removed: list[Removed] = field(default_factory=list)


def normalize(text: str) -> str:
    """NFC, Unix newlines, no control or zero-width characters, single spaces in lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def clean(text: str, rules: LanguageData, title: str | None = None) -> CleanText:
    """Remove noise lines, inline related links, emphasis markup and the opening dateline."""
    removed: list[Removed] = []
    kept: list[str] = []
    patterns = _noise_patterns(rules)
    announced = 0
    for line in normalize(text).split("\n"):
        if not line:
            continue
        if announced and _is_headline(line):
            removed.append(Removed(text=line, reason="related-link"))
            announced -= 1
            continue
        announced = 0
        reason = _noise_reason(line, patterns)
        if reason:
            removed.append(Removed(text=line, reason=reason))
            if _BARE_ANNOUNCEMENT.fullmatch(line):
                announced = MAX_ANNOUNCED_LINES
            continue
        if title and not kept and line.strip(" *") == title.strip():
            continue  # The headline repeated at the top of the body is the title, not story.
        line = _cut_inline(line, removed)
        if line:
            kept.append(line)
    if kept:
        kept[0] = _cut_dateline(kept[0], rules, removed)
    return CleanText(text="\n\n".join(line for line in kept if line), removed=removed)


@lru_cache(maxsize=16)
def _noise_patterns(rules: LanguageData) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((reason, re.compile(source, re.I)) for reason, source in rules.noise_lines)


@lru_cache(maxsize=16)
def _dateline_patterns(rules: LanguageData) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source) for source in rules.datelines)


def _noise_reason(line: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    if len(line.split()) > MAX_NOISE_LINE_WORDS:
        return None
    bare = line.strip(" *_#>")
    for reason, pattern in patterns:
        if pattern.fullmatch(bare):
            return reason
    return None


def _is_headline(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and not line.rstrip().endswith((".", "?", "!"))


def _cut_inline(line: str, removed: list[Removed]) -> str:
    for match in _INLINE_RELATED.finditer(line):
        removed.append(Removed(text=match.group(0), reason="related-link"))
    line = _INLINE_RELATED.sub(" ", line)
    for match in _EMPHASIS.finditer(line):
        removed.append(Removed(text=match.group(1), reason="markup"))
    line = _EMPHASIS.sub(r"\2", line)
    return _SPACES.sub(" ", line).strip()


def _cut_dateline(paragraph: str, rules: LanguageData, removed: list[Removed]) -> str:
    for pattern in _dateline_patterns(rules):
        match = pattern.match(paragraph)
        # A dateline leaves a sentence behind it; a whole line matching is a heading.
        if match and match.end() < len(paragraph):
            removed.append(Removed(text=match.group(0).strip(), reason="dateline"))
            return paragraph[match.end() :]
    return paragraph
