"""The article text cut into pieces, so each takeaway's source can be highlighted.

A takeaway's ``spans`` are character offsets into the result's ``text``. The article page
shows that text paragraph by paragraph, and every piece of it that some takeaway comes
from is wrapped in a ``<mark>`` naming those takeaways: clicking a bullet lights up its
marks. The pieces are computed here, as plain data, and escaped by the template like any
other text, so no article can inject markup.

The review dashboard shows the *paragraph* of a reported bullet next to it: the paragraph
(s) a takeaway was cut from, with the kept words marked, so a reviewer sees what the
engine deleted and kept, and what surrounds it (a quotation it sits in).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from intisari.language.detect import language_for
from intisari.language.segment import paragraph_spans, sentence_spans, split_paragraph

__all__ = [
    "CONTEXT_CHARS",
    "Passage",
    "Piece",
    "article_paragraphs",
    "source_passages",
    "source_sentences",
    "source_spans",
]


@dataclass(frozen=True)
class Piece:
    """A run of text covered by the same takeaways (none: plain article text)."""

    text: str
    #: Indices of the takeaways this run is a source of, ascending.
    takeaways: tuple[int, ...] = ()
    #: Takeaways whose source *starts* here: the piece carries the anchor ``src-{i}`` a
    #: bullet links to, so the link scrolls there even without JavaScript.
    anchors: tuple[int, ...] = ()


Span = Sequence[int]


def source_spans(takeaway: Mapping[str, Any]) -> list[Span]:
    """What a bullet's highlight covers: an extracted bullet's own spans, or the evidence
    the checker found for an LLM bullet (whose ``spans`` are empty)."""
    if takeaway.get("origin") == "llm":
        return list(takeaway.get("evidence") or [])
    return list(takeaway.get("spans") or [])


def article_paragraphs(text: str, takeaway_spans: Sequence[Sequence[Span]]) -> list[list[Piece]]:
    """``text`` as paragraphs of pieces; a piece records which takeaways it comes from.

    Spans out of range are clipped rather than trusted: the text and spans come from our
    own engine, but a stored row could have been edited by hand.
    """
    covered = [
        [(max(0, int(s)), min(len(text), int(e))) for s, e in spans] for spans in takeaway_spans
    ]
    first_start = {
        index: min(start for start, end in spans if start < end)
        for index, spans in enumerate(covered)
        if any(start < end for start, end in spans)
    }
    paragraphs = []
    for p_start, p_end in paragraph_spans(text):
        cuts = {p_start, p_end}
        for spans in covered:
            for start, end in spans:
                cuts.update(c for c in (start, end) if p_start < c < p_end)
        points = sorted(cuts)
        pieces = []
        for start, end in pairwise(points):
            owners = tuple(
                index
                for index, spans in enumerate(covered)
                if any(s <= start and end <= e for s, e in spans)
            )
            anchors = tuple(index for index in owners if first_start[index] == start)
            pieces.append(Piece(text[start:end], owners, anchors))
        paragraphs.append(_merge(pieces))
    return paragraphs


def source_sentences(text: str, spans: Sequence[Span], language: str) -> str:
    """The whole sentence(s) a takeaway was cut from, as one string: what the embed finds
    and marks in the publisher's own copy of the article (the spans' offsets are this
    text's, not the host page's, so the words are what it searches for)."""
    clipped = [(max(0, int(s)), min(len(text), int(e))) for s, e in spans]
    clipped = [(s, e) for s, e in clipped if s < e]
    if not clipped:
        return ""
    rules = language_for(language).data
    sentences = [
        (s, e)
        for s, e in sentence_spans(text, rules)
        if any(s < span_end and span_start < e for span_start, span_end in clipped)
    ]
    start = min([s for s, _ in sentences] + [s for s, _ in clipped])
    end = max([e for _, e in sentences] + [e for _, e in clipped])
    return text[start:end].strip()


#: Most characters of article text the dashboard shows around a reported bullet. Real
#: paragraphs fit whole: the paragraphs holding a bullet are under 600 characters for 99%
#: of the bullets of 150 IndoSum articles (the longest 1,418) and all but one of the 136
#: bullets of the 44 shared HTML pages (770). A text without blank lines (each of the CNN
#: records) is one "paragraph" of thousands of characters: it is cut to the source and the
#: sentences next to it, about a phone screen.
CONTEXT_CHARS = 600


@dataclass(frozen=True)
class Passage:
    """A paragraph holding a bullet's source, its kept words marked (``takeaways=(0,)``),
    or the part of a long one around them (``cut_before``, ``cut_after``: an ellipsis)."""

    pieces: tuple[Piece, ...]
    #: Where it starts in the article text.
    start: int
    cut_before: bool = False
    cut_after: bool = False


def source_passages(text: str, spans: Sequence[Span], language: str) -> list[Passage]:
    """The paragraph(s) a takeaway was cut from, its spans marked, each cut to about
    ``CONTEXT_CHARS`` around the spans (whole sentences, the one before first: a quotation
    opens and a speaker is named there).

    A reviewer sees what the engine deleted and what surrounds the source: that a bullet
    sits inside a quotation, or answers a question the paragraph asked.
    """
    clipped = [(max(0, int(s)), min(len(text), int(e))) for s, e in spans]
    clipped = [(s, e) for s, e in clipped if s < e]
    passages = []
    for p_start, p_end in paragraph_spans(text):
        inside = [(max(s, p_start), min(e, p_end)) for s, e in clipped if s < p_end and p_start < e]
        if not inside:
            continue
        start, end = p_start, p_end
        if p_end - p_start > CONTEXT_CHARS:
            start, end = _around(text, p_start, p_end, inside, language)
        cuts = sorted({start, end, *(c for span in inside for c in span if start < c < end)})
        pieces = [
            Piece(text[a:b], (0,) if any(s <= a and b <= e for s, e in inside) else ())
            for a, b in pairwise(cuts)
        ]
        passages.append(Passage(tuple(_merge(pieces)), start, start > p_start, end < p_end))
    return passages


def _around(
    text: str, p_start: int, p_end: int, inside: list[tuple[int, int]], language: str
) -> tuple[int, int]:
    """The sentences of a long paragraph that hold ``inside``, then their neighbours, one
    before and one after in turn, while the whole stays within ``CONTEXT_CHARS``."""
    sentences = list(split_paragraph(text, p_start, p_end, language_for(language).data))
    first = min(s for s, _ in inside)
    last = max(e for _, e in inside)
    held = [i for i, (s, e) in enumerate(sentences) if s < last and first < e]
    if not held:  # spans between sentences (whitespace): show just them
        return first, last
    low, high = held[0], held[-1]
    start, end = min(sentences[low][0], first), max(sentences[high][1], last)
    grow = True
    while grow:
        grow = False
        if low > 0 and end - sentences[low - 1][0] <= CONTEXT_CHARS:
            low -= 1
            start, grow = sentences[low][0], True
        if high + 1 < len(sentences) and sentences[high + 1][1] - start <= CONTEXT_CHARS:
            high += 1
            end, grow = sentences[high][1], True
    return start, end


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbours covered by the same takeaways (fewer elements, same meaning).

    A takeaway's anchor can only be on the first piece of a run it covers, so the union of
    the anchors is still right after joining.
    """
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].takeaways == piece.takeaways:
            last = merged[-1]
            merged[-1] = Piece(last.text + piece.text, last.takeaways, last.anchors + piece.anchors)
        else:
            merged.append(piece)
    return merged
