"""Readers' letters: an advice column's text is its writers' words, never a fact.

A syndicated advice column ("DEAR ABBY: My husband of more than 20 years ... -- FEELING
LIKE SECOND RATE", then "DEAR FEELING: Of course ...") is letters and replies. Taken as
takeaways, a letter's sentences read as facts the publisher states ("My older sister
has just been diagnosed with cervical cancer."). A letter runs from a paragraph that
opens with the language's ``letter_salutation`` up to the paragraph its signature
closes ("... -- CONCERNED SISTER") or the next salutation; its sentences are never a
takeaway. A text that is mostly letters is an advice column, not news
(``check_letters``: ``not-an-article``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from intisari.document import Document
from intisari.errors import NotAnArticle

__all__ = ["MIN_COLUMN_LETTERS", "MIN_COLUMN_SHARE", "check_letters", "letter_paragraphs"]

#: A text with at least this many salutations...
MIN_COLUMN_LETTERS = 2
#: ...whose letters hold at least this share of its characters is an advice column. A
#: news story quoting one letter has one salutation; the column on the shared pages is
#: letters from its first paragraph to its last.
MIN_COLUMN_SHARE = 0.5

#: A letter's signature closes its paragraph: a dash, then a name in capitals.
_SIGNATURE = re.compile(r"(?:--|—|–)\s*[A-Z][A-Z .,'’-]{2,60}$")


@lru_cache(maxsize=16)
def _salutation(source: str) -> re.Pattern[str]:
    return re.compile(source)


def letter_paragraphs(document: Document) -> frozenset[int]:
    """The paragraphs (indexes) of ``document`` that belong to a letter."""
    source = document.language.data.letter_salutation
    if not source or not document.sentences:
        return frozenset()
    pattern = _salutation(source)
    text = document.text
    # Cheap: most texts hold no salutation at all.
    if pattern.search(text) is None:
        return frozenset()
    found: set[int] = set()
    inside = False
    for paragraph, (start, end) in enumerate(_paragraph_spans(document)):
        body = text[start:end]
        if pattern.match(body):
            inside = True
        if inside:
            found.add(paragraph)
            if _SIGNATURE.search(body.rstrip()):
                inside = False
    return frozenset(found)


def check_letters(document: Document) -> None:
    """Raise ``NotAnArticle`` when ``document`` is an advice column (mostly letters)."""
    letters = letter_paragraphs(document)
    if not letters:
        return
    spans = _paragraph_spans(document)
    opened = sum(
        1 for index in letters
        if _salutation(document.language.data.letter_salutation).match(
            document.text[spans[index][0]:spans[index][1]]
        )
    )
    letter_chars = sum(spans[index][1] - spans[index][0] for index in letters)
    total = sum(end - start for start, end in spans) or 1
    if opened >= MIN_COLUMN_LETTERS and letter_chars >= MIN_COLUMN_SHARE * total:
        raise NotAnArticle(
            "this is not a news story: it is an advice column of readers' letters and "
            f"replies ({opened} letters), whose sentences are their writers' words"
        )


def _paragraph_spans(document: Document) -> list[tuple[int, int]]:
    """Each paragraph's ``[start, end)``, from its sentences (indexes as ``Sentence.paragraph``)."""
    spans: dict[int, tuple[int, int]] = {}
    for sentence in document.sentences:
        start, end = spans.get(sentence.paragraph, (sentence.start, sentence.end))
        spans[sentence.paragraph] = (min(start, sentence.start), max(end, sentence.end))
    return [spans.get(index, (0, 0)) for index in range(max(spans) + 1)] if spans else []
