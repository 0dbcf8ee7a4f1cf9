"""ROUGE as the data README defines it: lower-cased \\w+ tokens, no stemming, best reference."""

from __future__ import annotations

import pytest

from intisari.evaluation.rouge import rouge


def test_identical_text_scores_100_and_disjoint_scores_0() -> None:
    same = rouge(["Banjir melanda Jakarta.", "Ribuan warga mengungsi."],
                 "Banjir melanda Jakarta. Ribuan warga mengungsi.")
    assert same.rouge1 == same.rouge2 == pytest.approx(100.0)
    assert same.rougeLsum == pytest.approx(100.0)
    assert rouge(["kucing tidur"], "anjing berlari").rouge1 == 0.0


def test_case_and_punctuation_do_not_count_but_word_forms_do() -> None:
    assert rouge(["BANJIR, Jakarta!"], "banjir jakarta").rouge1 == pytest.approx(100.0)
    # No stemming: "runs" is not "run".
    assert rouge(["he runs"], "he run").rouge1 == pytest.approx(50.0)


def test_unicode_words_are_tokens() -> None:
    assert rouge(["Müller dijual Rp1,5 triliun"], "müller dijual rp1 5 triliun").rouge1 == (
        pytest.approx(100.0)
    )


def test_best_of_several_references_counts() -> None:
    best = rouge(["the cat sat on the mat"], ["a dog ran", "the cat sat on the mat"])
    assert best.rouge1 == pytest.approx(100.0)


def test_lsum_reads_one_sentence_per_line() -> None:
    # Same words, order of sentences swapped: Lsum (sentence-level LCS) still matches all.
    swapped = rouge(["Ribuan warga mengungsi.", "Banjir melanda Jakarta."],
                    "Banjir melanda Jakarta. Ribuan warga mengungsi.")
    assert swapped.rougeLsum == pytest.approx(100.0)
