"""The article text cut into pieces for highlighting, and the reviewers' source paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intisari.language.segment import paragraph_spans
from intisari.web.highlight import (
    CONTEXT_CHARS,
    Passage,
    Piece,
    article_paragraphs,
    source_passages,
)

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


def test_source_is_its_paragraph_with_the_kept_words_marked() -> None:
    [passage] = source_passages(TEXT, [(15, 20), (26, 31)], "id")
    assert passage == Passage(
        (
            Piece("Satu dua tiga. "),
            Piece("Empat", (0,)),
            Piece(" lima "),
            Piece("enam.", (0,)),
        ),
        0,
    )
    # A bullet made of a sentence's middle still shows the paragraph around it.
    [passage] = source_passages(TEXT, [(39, 46)], "id")
    assert "".join(p.text for p in passage.pieces) == "Tujuh delapan sembilan. Sepuluh."
    assert source_passages(TEXT, [(99, 120)], "id") == []


def test_a_quotation_is_shown_with_its_opening_and_speaker() -> None:
    """The defect a reviewer met: a bullet from inside a quotation looked like the
    article's own claim. Its paragraph shows the quotation marks and who spoke."""
    text = (
        "Kebijakan itu menuai kritik.\n\n"
        "\u201cKami menolak rencana ini. Harga pangan akan naik tajam,\u201d kata Budi, "
        "ketua asosiasi pedagang.\n\nPemerintah belum menanggapi."
    )
    start = text.index("Harga")
    [passage] = source_passages(text, [(start, text.index(",\u201d"))], "id")
    shown = "".join(p.text for p in passage.pieces)
    assert shown.startswith("\u201cKami menolak") and shown.endswith("pedagang.")
    assert [p.text for p in passage.pieces if p.takeaways] == ["Harga pangan akan naik tajam"]
    assert not passage.cut_before and not passage.cut_after


def test_a_whole_article_paragraph_is_cut_around_the_source() -> None:
    """A text without blank lines (as every CNN record) is one paragraph: the dashboard
    shows the source and its neighbours, within ``CONTEXT_CHARS``, with ellipses."""
    sentences = [f"Kalimat nomor {i} bercerita tentang hal lain sama sekali." for i in range(60)]
    text = " ".join(sentences)
    start = text.index("Kalimat nomor 30 ")
    end = start + len(sentences[30])
    [passage] = source_passages(text, [(start, end)], "id")
    shown = "".join(p.text for p in passage.pieces)
    assert len(shown) <= CONTEXT_CHARS
    assert passage.cut_before and passage.cut_after
    assert "Kalimat nomor 29 " in shown and "Kalimat nomor 31 " in shown  # both neighbours
    assert [p.text for p in passage.pieces if p.takeaways] == [sentences[30]]
    assert shown.startswith("Kalimat") and shown.endswith(".")  # whole sentences


def test_a_source_longer_than_the_cap_is_shown_whole() -> None:
    text = "Awal cerita. " + "kata " * 200 + "akhir. Penutup cerita."
    start, end = 13, text.index(" Penutup")
    [passage] = source_passages(text, [(start, end)], "id")
    assert [p.text for p in passage.pieces if p.takeaways] == [text[start:end]]
    assert passage.cut_before and passage.cut_after


@given(
    st.text(alphabet="ab .\n", max_size=900),
    st.lists(st.tuples(st.integers(-3, 900), st.integers(-3, 900)), max_size=3),
)
def test_passages_are_article_text_and_mark_exactly_the_spans(
    text: str, spans: list[tuple[int, int]]
) -> None:
    for passage in source_passages(text, spans, "id"):
        shown = "".join(p.text for p in passage.pieces)
        at = passage.start
        assert text[at : at + len(shown)] == shown
        for piece in passage.pieces:
            for offset in range(at, at + len(piece.text)):
                marked = any(max(0, s) <= offset < min(len(text), e) for s, e in spans)
                assert bool(piece.takeaways) == marked
            at += len(piece.text)
