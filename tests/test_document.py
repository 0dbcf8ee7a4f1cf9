"""The document: sentences found by the offsets a takeaway's spans point at."""

from __future__ import annotations

from intisari.language.detect import language_for
from intisari.pipeline import build_document


def test_sentence_at_names_the_sentence_an_offset_is_in() -> None:
    text = "Harga beras naik tajam pekan ini. Pemerintah menambah stok di pasar.\n\nWarga lega."
    document = build_document(text, None, language_for("id"))
    starts = [sentence.start for sentence in document.sentences]
    assert starts == [0, 34, 70]
    assert [document.sentence_at(offset) for offset in (0, 33, 34, 69, 70, len(text))] == [
        0, 0, 1, 1, 2, 2,
    ]
    assert build_document("", None, language_for("id")).sentence_at(0) == -1
