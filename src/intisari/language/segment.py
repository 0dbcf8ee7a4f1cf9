"""Sentence segmentation tuned for Indonesian and English news.

Off-the-shelf splitters break Indonesian news on "Kab.", "Rp.", "Tbk." or "H." and cut a
quote from its attribution. The rules here are few and explicit. A *candidate* boundary is
a sentence-final mark (``.`` ``!`` ``?`` ``…``), optionally closed by quotes or brackets,
then whitespace. It is a boundary when what follows can open a sentence and what precedes
does not forbid it:

- after ``.``: not when the word before is an abbreviation of the language ("Kab.",
  "Prof.", "Mr."), an initial ("A. Yani"), or a dotted abbreviation ("S.H.", "M.Si.");
  sentence-final abbreviations ("dll.", "etc.") end a sentence before a capital;
- not inside brackets opened in the same sentence ("(Uu. B002/T008)") nor after an
  ellipsis in brackets ("[..]");
- not before a verb of saying that attributes the quote just closed (``"...!" kata dia``);
- what follows opens a sentence when it is a capital, a digit, an opening quote or bracket
  ("(rsa)", the editor's initials), or a lower-case word with a capital inside ("iPhone").
  A lower-case word opens one only after a plain period that closes an ordinary word: news
  copy often forgets the capital ("... togel. tak hanya itu"), but "!" or "?" before a
  lower-case word is a quote going on.

Paragraph breaks always end a sentence. Measured against IndoSum's own split, pysbd,
sentencex and blingfire by ``benchmarks/segmentation.py`` (figures in the README).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intisari.language.model import LanguageData

__all__ = ["iter_paragraph_spans", "paragraph_spans", "sentence_spans", "split_paragraph"]

#: A candidate boundary: final marks, closing quotes/brackets, whitespace, and the first
#: characters of what follows (an optional opening quote/bracket, then a word or a sign).
#: The marks are a whole run of them (no mark before the first): tried from inside a run,
#: the same run was read again to its end (12,000 dots took 2 s, quadratic). The check
#: follows the first mark so that the search still skips fast to the next mark.
_CANDIDATE = re.compile(
    r"""(?P<mark>[.!?…](?<![.!?…][.!?…])[.!?…]*)(?P<close>["”’'»)\]]*)(?P<space>\s+)"""
    r"""(?P<open>["“‘'«(\[]?)(?P<next>\w*)""",
)
#: A dotted abbreviation: single letters or short letter groups joined by dots ("S.H",
#: "M.Si", "U.S", "a.n"); digits make it a number ("1.149"), which ends sentences.
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
#: A word of the language that a period may follow at a sentence end with no capital next.
_ORDINARY_WORD = re.compile(r"[^\W\d_]{3,}")
#: Lines up to a blank line. "Blank" is read to the next line break only: ``\s*\n`` read
#: every blank line after it, from each of them (quadratic).
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![^\S\n]*\n)[^\n]+)*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph; paragraphs are separated by blank lines."""
    return list(iter_paragraph_spans(text))


def iter_paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """``paragraph_spans`` one at a time, for a caller that may stop early."""
    for match in _PARAGRAPH.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            yield start, end


def sentence_spans(
    text: str, rules: LanguageData, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text``, in order, whitespace excluded.

    ``paragraphs``: the text's ``paragraph_spans``, when the caller has them already.
    """
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text) if paragraphs is None else paragraphs:
        spans.extend(split_paragraph(text, p_start, p_end, rules))
    return spans


def split_paragraph(
    text: str, start: int, end: int, rules: LanguageData
) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence of the paragraph ``text[start:end]``, in order."""
    sentence_start = start
    position = start
    # Brackets of the sentence so far, counted as the candidates go (counting from the
    # sentence start at each candidate was quadratic in a long sentence), and where the
    # paragraph's last ")" is: a bracket opened before a candidate is closed after it.
    counted, opened, closed = start, 0, 0
    last_close = text.rfind(")", start, end)
    while True:
        match = _CANDIDATE.search(text, position, end)
        if match is None:
            break
        # Resume at the whitespace's end, so the next candidate may be the next word's mark.
        position = match.end("space")
        at = match.start()
        opened += text.count("(", counted, at)
        closed += text.count(")", counted, at)
        counted = at
        inside_brackets = opened > closed and last_close >= at
        if _is_boundary(text, match, sentence_start, inside_brackets, rules):
            yield sentence_start, match.end("close")
            sentence_start = counted = position
            opened = closed = 0
    if sentence_start < end:
        yield _strip(text, sentence_start, end)


def _is_boundary(
    text: str,
    match: re.Match[str],
    sentence_start: int,
    inside_brackets: bool,
    rules: LanguageData,
) -> bool:
    """Does the candidate ``match`` end the sentence begun at ``sentence_start``?

    ``inside_brackets``: the candidate is inside a parenthesis opened in this sentence and
    closed later on ("(Uu. B002/T008)").
    """
    mark, close, opener, following = match.group("mark", "close", "open", "next")
    if not (opener or following):
        return False  # A dash, a bullet or a symbol follows: not a sentence opening.
    if match.start() > sentence_start and text[match.start() - 1] in "([":
        return False  # "[..]" or "(...)": an elision inside a quote, not an end.
    if close and following.lower() in rules.speech_verbs:
        return False  # ``"...!" kata dia``: the attribution belongs to the quote.
    if inside_brackets:
        return False
    capital = bool(opener) or following[:1].isupper() or following[:1].isdigit()
    camel = not capital and any(ch.isupper() for ch in following[1:])
    if mark != ".":
        return capital or camel  # "!", "?", "…" and "..." before a lower-case word go on.
    before = _word_before(text, sentence_start, match.start())
    if not before:
        return capital or camel
    word = before.rstrip(".")
    lowered = word.lower()
    if lowered in rules.final_abbreviations:
        return capital
    if lowered in rules.abbreviations or lowered.replace(".", "") in rules.abbreviations:
        return False
    if len(word) == 1 and word.isupper():
        return False  # An initial: "A. Yani", "J. K. Rowling".
    if "." in word and _DOTTED.fullmatch(word):
        return False
    if capital or camel:
        return True
    # A lower-case opening after "kata. " is a forgotten capital, not a continuation.
    return not close and bool(_ORDINARY_WORD.fullmatch(word)) and word.islower()


def _word_before(text: str, start: int, at: int) -> str:
    """The word just before ``at`` ("" when there is none), not reaching before ``start``:
    letters, digits, "_" and inner dots ("M.Si", "1.149", "Kab"). A line break right
    before ``at`` is stepped over ("Kab\n."), as a regular expression's ``$`` would.

    Read backwards from the mark: a regular expression searching forwards from the
    sentence start would try every position of the sentence.
    """
    end = at - 1 if at > start and text[at - 1] == "\n" else at
    position = end
    while position > start and (text[position - 1].isalnum() or text[position - 1] in "_."):
        position -= 1
    return text[position:end]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
