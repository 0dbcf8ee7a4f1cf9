"""Sentence segmentation tuned for Indonesian and English news.

Off-the-shelf splitters break Indonesian news on "Kab.", "Rp.", "Tbk." or "H." and split
quotes before their attribution (``"...," ujar Peskov.``). The rules here are few and
explicit: a boundary is a sentence-final mark, optionally closed by quotes or brackets,
then whitespace and a token that can open a sentence, unless the word before the mark is
an abbreviation or an initial. Paragraph breaks always end a sentence.
Measured against IndoSum's own split in ``benchmarks/segmentation.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intisari.language.model import LanguageData

__all__ = ["paragraph_spans", "sentence_spans"]

# A candidate boundary: final marks, closing quotes/brackets, whitespace, then something
# that can open a sentence (a capital, a digit, an opening quote or bracket).
_BOUNDARY = re.compile(
    r"""(?P<mark>[.!?…]+|\.\.\.)(?P<close>["”’')\]]*)(?P<space>\s+)(?=["“‘(\[]?[^\W_a-z])""",
    re.UNICODE,
)
_WORD_BEFORE = re.compile(r"([\w.]+)$", re.UNICODE)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph; paragraphs are separated by blank lines."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def sentence_spans(text: str, rules: LanguageData) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text``, in order, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text):
        spans.extend(_split_paragraph(text, p_start, p_end, rules))
    return spans


def _split_paragraph(
    text: str, start: int, end: int, rules: LanguageData
) -> Iterator[tuple[int, int]]:
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if not _is_boundary(text, match, sentence_start, rules):
            continue
        cut = match.end("close")
        yield sentence_start, cut
        sentence_start = match.end("space")
    if sentence_start < end:
        yield _strip(text, sentence_start, end)


def _is_boundary(text: str, match: re.Match[str], sentence_start: int, rules: LanguageData) -> bool:
    mark = match.group("mark")
    if mark != ".":
        return True  # "!", "?", "..." and "…" before a capital end the sentence.
    before = _WORD_BEFORE.search(text, sentence_start, match.start())
    if before is None:
        return True
    word = before.group(1)
    bare = word.rstrip(".").lower()
    if bare in rules.abbreviations or bare.replace(".", "") in rules.abbreviations:
        return False
    # An initial ("A. Yani", "J. K. Rowling") or a dotted abbreviation ("S.H.", "M.Si.").
    if len(word) == 1 and word.isupper():
        return False
    if "." in word.strip(".") and len(word) <= 6 and not match.group("close"):
        return False
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
