"""Sentence segmentation tuned for Indonesian and English news.

Off-the-shelf splitters break Indonesian news on "Kab.", "Rp.", "Tbk." or "H." and cut a
quote from its attribution. The rules here are few and explicit. A *candidate* boundary is
a sentence-final mark (``.`` ``!`` ``?`` ``…``), optionally closed by quotes or brackets,
then whitespace. It is a boundary when what follows can open a sentence and what precedes
does not forbid it:

- after ``.``: not when the word before is an abbreviation of the language ("Kab.",
  "Prof.", "Mr."), nor an abbreviation before a number ("p. 55", "N°. 12"); after an
  abbreviation a sentence may end on ("Inc.", "U.S.", "a.m."), a dotted abbreviation
  ("S.H.", "U.S.A.") or an initial ("A. Yani", "you and I."), only before one of the
  language's sentence starters ("... the U.S. How ...", not "the U.S. Government");
  sentence-final abbreviations ("dll.", "etc.") end a sentence before a capital;
- a spaced ellipsis (". . .") goes on; four spaced dots end a sentence, after the last
  dot (" . . . . Next") or, attached to a word, after the first ("compounds. . . . The",
  the ellipsis then opens the next sentence);
- a numbered or lettered list opening a paragraph ("1.) ... 2.) ...", "a. ... b. ...",
  "• 9. ... • 10. ...") starts a sentence at each marker, punctuated or not, and a
  marker's period ends nothing;
- not inside brackets opened in the same sentence ("(Uu. B002/T008)") nor after an
  ellipsis in brackets ("[..]");
- not before a verb of saying that attributes the quote just closed (``"...!" kata dia``);
- what follows opens a sentence when it is a capital (or a letter of a script without
  case, Hangul or Arabic), a digit, an opening quote or bracket
  ("(rsa)", the editor's initials), or a lower-case word with a capital inside ("iPhone").
  A lower-case word opens one only after a plain period that closes an ordinary word: news
  copy often forgets the capital ("... togel. tak hanya itu"), but "!" or "?" before a
  lower-case word is a quote going on.

A bullet opening a paragraph ("• ", "- ") is no part of its sentence. Paragraph breaks
always end a sentence. Measured against IndoSum's own split, pysbd,
sentencex and blingfire by ``benchmarks/segmentation.py`` (figures in the README).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intisari.language.model import LanguageData, month_names
from intisari.language.script import FINAL_MARKS, OPENING_MARKS

__all__ = ["iter_paragraph_spans", "paragraph_spans", "sentence_spans", "split_paragraph"]

#: A candidate boundary: final marks, closing quotes/brackets, whitespace, and the first
#: characters of what follows (an optional opening quote/bracket, then a word or a sign).
#: A footnote's asterisk or dagger after the mark ends the sentence and is no part of it
#: ("... access to Wikipedia in Turkey is actively being restored.* This latest ...":
#: wikimediafoundation.org, a page outside the shared set, read as one 60-word sentence).
#: The marks are a whole run of them (no mark before the first): tried from inside a run,
#: the same run was read again to its end (12,000 dots took 2 s, quadratic). The check
#: follows the first mark so that the search still skips fast to the next mark.
_CANDIDATE = re.compile(
    rf"""(?P<mark>[{FINAL_MARKS}](?<![{FINAL_MARKS}][{FINAL_MARKS}])[{FINAL_MARKS}]*)"""
    r"""(?P<close>["”’'»)\]]*)[*†]*(?P<space>\s+)"""
    rf"""(?P<open>["“‘'«(\[{OPENING_MARKS}]?)(?P<next>\w*)""",
)
#: A dotted abbreviation: single letters or short letter groups joined by dots ("S.H",
#: "M.Si", "U.S", "a.n"); digits make it a number ("1.149"), which ends sentences.
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
#: Bullets that may stand before a list item's number ("• 9.", "⁃10.").
_BULLETS = "•⁃‣◦▪"
#: A list item's bullet opening a paragraph, then white space: "• Democrats are ...",
#: and trafilatura's "- " before each item of a list it extracted. It is no part of the
#: sentence (a takeaway showed "• Democrats are working to strengthen Social Security."
#: and "- Internet dating firms entice ...": pages outside the shared set). Dashes that
#: open speech in some languages ("— Hola"), en and em, are not among them.
_LEADING_BULLET = re.compile(rf"[{_BULLETS}*·●■►-]\s+")
#: A list item's marker: "1.)", "2)", "3.", "b.", with a bullet before it or not, at the
#: start of the paragraph or after white space, white space after it.
_LIST_MARKER = re.compile(
    rf"(?<!\S)(?:[{_BULLETS}]\s?)?(?P<label>\d{{1,3}}|[a-z])(?P<style>\.\)|[.)])(?=\s)"
)
#: The markers' periods of a paragraph that is no list (most): one empty set for all.
_NO_PERIODS: frozenset[int] = frozenset()
#: A spaced ellipsis is read this many dots at most from any of its dots: enough to tell
#: three dots (an ellipsis) from four (an ellipsis and a period), and a run of 10,000
#: spaced dots is still read in linear time.
_SPACED_DOTS_READ = 5
#: An ordinal after one of ``ordinal_leads`` has this many digits at most: "im 15.
#: Jahrhundert", "am 3. Oktober 1990"; a year ending a sentence ("seit 2015.") has more.
MAX_ORDINAL_DIGITS = 3
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
    # List items start sentences of their own (``cut`` is where the next one starts);
    # their markers' periods end nothing. Most paragraphs are no list: nothing to do.
    items = _list_items(text, start, end)
    bullet = None if items else _LEADING_BULLET.match(text, start, end)
    if bullet is not None:
        start = bullet.end()
    sentence_start = start
    position = start
    # Brackets of the sentence so far, counted as the candidates go (counting from the
    # sentence start at each candidate was quadratic in a long sentence), and where the
    # paragraph's last ")" is: a bracket opened before a candidate is closed after it.
    counted, opened, closed = start, 0, 0
    last_close = text.rfind(")", start, end)
    marker_periods = {period for _start, period in items} if items else _NO_PERIODS
    item, cut = 0, items[0][0] if items else end
    while True:
        match = _CANDIDATE.search(text, position, end)
        at = end if match is None else match.start()
        while cut < at:
            if text[sentence_start:cut].strip():
                yield _strip(text, sentence_start, cut)
                sentence_start = counted = cut
                opened = closed = 0
            item += 1
            cut = items[item][0] if item < len(items) else end
        if match is None:
            break
        # Resume at the whitespace's end, so the next candidate may be the next word's mark.
        position = match.end("space")
        opened += text.count("(", counted, at)
        closed += text.count(")", counted, at)
        counted = at
        # A bracket the candidate's own marks close ("(At least not that I know of!) Had
        # I been ...": cnn.tune, a reader's report) ends with it: the sentence may too.
        inside_brackets = opened > closed + match.group("close").count(")") and last_close >= at
        if at not in marker_periods and _is_boundary(
            text, match, sentence_start, inside_brackets, rules
        ):
            yield sentence_start, match.end("close")
            sentence_start = counted = position
            opened = closed = 0
    if sentence_start < end:
        yield _strip(text, sentence_start, end)


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, period)`` of each item marker of the list that opens the paragraph
    ``text[start:end]``: a marker ("1.)", "a.", "• 9.") at its start, and each successor
    of the same form after it ("2.)", "b.", "• 10."). ``period`` is where the marker's
    period would be ("1." is not a sentence). A paragraph whose first marker has no
    successor ("1. Buat makan siang sendiri"), or whose markers start inside a sentence
    ("di PlayStation 3. ... PlayStation 4."), is no list.
    """
    opening = text[start : start + 1]
    if not (opening.isdigit() or opening.islower() or opening in _BULLETS):
        return []  # Most paragraphs: no regular expression run.
    first = _LIST_MARKER.match(text, start, end)
    if first is None:
        return []
    form, value = first["style"], first["label"]
    items = [(first.start(), first.end("label"))]
    for marker in _LIST_MARKER.finditer(text, first.end(), end):
        if marker["style"] == form and marker["label"] == _successor(value):
            items.append((marker.start(), marker.end("label")))
            value = marker["label"]
    return items if len(items) > 1 else []


def _successor(label: str) -> str:
    """The label after ``label`` in a list: "2" after "1", "b" after "a"."""
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


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
    at = match.start()
    if mark == "." and not close and (not following or (at > 1 and text[at - 2 : at] == ". ")):
        in_ellipsis = _spaced_ellipsis(text, match, sentence_start)
        if in_ellipsis is not None:
            return in_ellipsis
    if not (opener or following):
        return False  # A dash, a bullet or a symbol follows: not a sentence opening.
    if at > sentence_start and text[at - 1] in "([":
        return False  # "[..]" or "(...)": an elision inside a quote, not an end.
    if close and following.lower() in rules.speech_verbs:
        return False  # ``"...!" kata dia``: the attribution belongs to the quote.
    if inside_brackets:
        return False
    first = following[:1]
    # A letter of a script without case (Hangul, Arabic, Devanagari) opens a sentence as
    # a capital does: Korean sentences on donga.com came out two to a takeaway.
    capital = bool(opener) or first.isupper() or first.isdigit() or _caseless(first)
    camel = not capital and any(ch.isupper() for ch in following[1:])
    before = _word_before(text, sentence_start, at)
    if mark != ".":
        if mark == "!" and before and (
            before == following
            or (before[:1].isupper() and opener == "(" and following.islower())
            or (len(before) == 1 and before.isupper())
        ):
            # A name that calls itself out, "Choir! Choir! Choir! (previously) are ...":
            # the name goes on, and so does the sentence past a bracket that opens lower.
            # A capital letter and "!" is a name too: "... made the E! Network a bawdier
            # late-night alternative ..." came out as two sentences (cnn.tune).
            return False
        return capital or camel  # "!", "?", "…" and "..." before a lower-case word go on.
    if not before:
        return capital or camel
    word = before.rstrip(".")
    lowered = word.lower()
    if lowered in rules.final_abbreviations:
        return capital
    if following[:1].isdigit() and lowered in rules.number_abbreviations:
        return False  # "p. 55", "N°. 1026".
    if rules.ordinal_days and len(word) <= 2 and word.isdigit() and (
        following.lower() in month_names(rules)
    ):
        return False  # "ab dem 25. Juni": the day's own period.
    if (
        rules.ordinal_leads
        and len(word) <= MAX_ORDINAL_DIGITS
        and word.isdigit()
        and (
            _word_before(text, sentence_start, at - len(before) - 1).lower()
            in rules.ordinal_leads
            or text[max(sentence_start, at - len(before) - 2) : at - len(before)] == ", "
        )
    ):
        # "im 15. Jahrhundert": an ordinal's own period; after a comma too ("des
        # Oberlandesgerichts Hamburg, 5. Zivilsenat, vom ...": a court's chamber; a
        # sentence ends on a bare number after a comma almost never).
        return False
    undotted = lowered.replace(".", "")
    if lowered in rules.abbreviations or undotted in rules.abbreviations:
        return False
    if (
        lowered in rules.trailing_abbreviations
        or undotted in rules.trailing_abbreviations
        or (len(word) == 1 and word.isupper())  # An initial: "A. Yani", "J. K. Rowling".
        or ("." in word and _DOTTED.fullmatch(word))
    ):
        return following[:1].isupper() and following.lower() in rules.sentence_starters
    if capital or camel:
        return True
    # A lower-case opening after "kata. " is a forgotten capital, not a continuation.
    return not close and bool(_ORDINARY_WORD.fullmatch(word)) and word.islower()


def _caseless(char: str) -> bool:
    """Is ``char`` a letter of a script that has no upper and lower case?"""
    return char.isalpha() and not char.islower() and not char.isupper()


def _spaced_ellipsis(text: str, match: re.Match[str], sentence_start: int) -> bool | None:
    """Does the period ``match`` end its sentence as a dot of a spaced ellipsis (". . .")?
    ``None`` when it is no such dot.

    Three spaced dots are an ellipsis inside the sentence ("the thing is . . . I didn't");
    four end it. Four that follow a word end it at the first dot, the word's period, and
    the ellipsis opens the next sentence ("compounds. . . . The practice"); four after a
    space end it at the last dot ("with a period . . . . Next"). Each dot reads at most
    ``_SPACED_DOTS_READ`` dots of its run.
    """
    at, after = match.start(), match.end("space")
    if match.group("space") == " " and text.startswith(".", after):
        if at == sentence_start or text[at - 1].isspace():
            return False  # A dot of the run before its last.
        dots, last = 1, at
        while dots < _SPACED_DOTS_READ and text.startswith(".", last + 2) and (
            text[last + 1] == " "
        ):
            dots, last = dots + 1, last + 2
        following = text[last + 1 : last + 3]
        return dots == 4 and following[:1].isspace() and following[1:].isupper()
    dots, first = 1, at
    while dots < _SPACED_DOTS_READ and first - 2 >= sentence_start and (
        text.startswith(". ", first - 2)
    ):
        dots, first = dots + 1, first - 2
    return False if dots == 3 else None  # ". ." is a period typed twice.


def _word_before(text: str, start: int, at: int) -> str:
    """The word just before ``at`` ("" when there is none), not reaching before ``start``:
    letters, digits, "_", inner dots and ordinal signs ("M.Si", "1.149", "Kab", "N°"). A
    line break right before ``at`` is stepped over ("Kab\n."), as a regular expression's
    ``$`` would.

    Read backwards from the mark: a regular expression searching forwards from the
    sentence start would try every position of the sentence.
    """
    end = at - 1 if at > start and text[at - 1] == "\n" else at
    position = end
    while position > start and (text[position - 1].isalnum() or text[position - 1] in "_.°º"):
        position -= 1
    return text[position:end]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
