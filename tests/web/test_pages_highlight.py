"""The article text cut into pieces for highlighting, and the reviewers' source sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intisari.language.segment import paragraph_spans
from intisari.web.highlight import Piece, article_paragraphs, source_pieces

TEXT = "Satu dua tiga. Empat lima enam.\n\nTujuh delapan sembilan. Sepuluh."


def test_pieces_name_the_takeaways_they_come_from() -> None:
    first, second = article_paragraphs(TEXT, [[(0, 14)], [(15, 31), (33, 38)]])
    assert first == [
        Piece("Satu dua tiga.", (0,), (0,)),
        Piece(" "),
        Piece("Empat lima enam.", (1,), (1,)),
    ]
    # The second span of takeaway 1 is marked, but its anchor stays on the first span.
    assert second == [Piece("Tujuh", (1,), ()), Piece(" delapan sembilan. Sepuluh.")]


def test_overlapping_spans_mark_both_takeaways() -> None:
    [paragraph, _] = article_paragraphs(TEXT, [[(0, 14)], [(5, 31)]])
    assert paragraph == [
        Piece("Satu ", (0,), (0,)),
        Piece("dua tiga.", (0, 1), (1,)),
        Piece(" Empat lima enam.", (1,), ()),
    ]


def test_spans_out_of_range_are_clipped() -> None:
    paragraphs = article_paragraphs("Satu dua.", [[(-5, 4)], [(5, 99)], [(50, 60)]])
    assert paragraphs == [[Piece("Satu", (0,), (0,)), Piece(" "), Piece("dua.", (1,), (1,))]]


@given(
    st.text(alphabet="ab .\n", max_size=60),
    st.lists(st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70)), max_size=3), max_size=4),
)
def test_pieces_cover_each_paragraph_exactly(text: str, spans: list[list[tuple[int, int]]]) -> None:
    paragraphs = article_paragraphs(text, spans)
    bounds = paragraph_spans(text)
    assert ["".join(p.text for p in pieces) for pieces in paragraphs] == [
        text[s:e] for s, e in bounds
    ]
    # A character is marked for a takeaway exactly when one of its spans covers it.
    for pieces, (start, _) in zip(paragraphs, bounds, strict=True):
        at = start
        for piece in pieces:
            for offset in range(at, at + len(piece.text)):
                owners = tuple(
                    i for i, owned in enumerate(spans) if any(s <= offset < e for s, e in owned)
                )
                assert piece.takeaways == owners
            at += len(piece.text)


def test_source_is_the_whole_sentence_with_the_kept_words_marked() -> None:
    pieces = source_pieces(TEXT, [(15, 20), (26, 31)], "id")
    assert pieces == [
        Piece("Empat", (0,)),
        Piece(" lima "),
        Piece("enam.", (0,)),
    ]
    # A bullet made of a sentence's middle still shows the sentence around it.
    assert "".join(p.text for p in source_pieces(TEXT, [(39, 46)], "id")) == (
        "Tujuh delapan sembilan."
    )
    assert source_pieces(TEXT, [(99, 120)], "id") == []
