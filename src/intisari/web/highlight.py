"""The article text cut into pieces, so each takeaway's source can be highlighted.

A takeaway's ``spans`` are character offsets into the result's ``text``. The article page
shows that text paragraph by paragraph, and every piece of it that some takeaway comes
from is wrapped in a ``<mark>`` naming those takeaways: clicking a bullet lights up its
marks. The pieces are computed here, as plain data, and escaped by the template like any
other text, so no article can inject markup.

The review dashboard shows the *source sentence* of a reported bullet next to it: the
whole sentence(s) a takeaway was cut from, with the kept words marked, so a reviewer sees
what the engine deleted as well as what it kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from intisari.language.detect import language_for
from intisari.language.segment import paragraph_spans, sentence_spans

__all__ = ["Piece", "article_paragraphs", "source_pieces", "source_spans"]


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


def source_pieces(text: str, spans: Sequence[Span], language: str) -> list[Piece]:
    """The sentence(s) a takeaway was cut from, its kept words marked (``takeaways=(0,)``)."""
    clipped = [(max(0, int(s)), min(len(text), int(e))) for s, e in spans]
    clipped = [(s, e) for s, e in clipped if s < e]
    if not clipped:
        return []
    rules = language_for(language).data
    sentences = [
        (s, e)
        for s, e in sentence_spans(text, rules)
        if any(s < span_end and span_start < e for span_start, span_end in clipped)
    ]
    start = min([s for s, _ in sentences] + [s for s, _ in clipped])
    end = max([e for _, e in sentences] + [e for _, e in clipped])
    cuts = sorted({start, end, *(c for span in clipped for c in span)})
    pieces = [
        Piece(text[a:b], (0,) if any(s <= a and b <= e for s, e in clipped) else ())
        for a, b in pairwise(cuts)
    ]
    return _merge(pieces)


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
