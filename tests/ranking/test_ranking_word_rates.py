"""Word rates: counted per article, smoothed towards the base rate, rare words left out."""

from __future__ import annotations

import json

import pytest

from intisari.ranking.word_rates import (
    MIN_ARTICLES,
    SMOOTHING,
    WORD_RATE_FEATURE_NAMES,
    WordLayout,
    WordRates,
    learn_word_rates,
)


def pairs() -> list[tuple[set[str], set[str]]]:
    # "presiden" is in every article and every summary; "kata" in every article, never in
    # a summary; "banjir" in one article only.
    articles = [
        ({"presiden", "kata", "jakarta"}, {"presiden", "jakarta"}),
        ({"presiden", "kata", "jakarta"}, {"presiden"}),
        ({"presiden", "kata", "banjir"}, {"presiden", "banjir"}),
    ]
    return articles * MIN_ARTICLES


def test_rates_count_articles_and_lean_towards_the_base() -> None:
    table = learn_word_rates(pairs())
    n = 3 * MIN_ARTICLES
    kept, seen = 5 * MIN_ARTICLES, 9 * MIN_ARTICLES
    assert table.base == pytest.approx(kept / seen)
    assert table.rates["presiden"] == pytest.approx((n + SMOOTHING * table.base) / (n + SMOOTHING))
    assert table.rates["kata"] == pytest.approx(SMOOTHING * table.base / (n + SMOOTHING))
    assert table.rates["presiden"] > table.base > table.rates["kata"]


def test_words_in_too_few_articles_are_left_out() -> None:
    table = learn_word_rates(pairs()[: MIN_ARTICLES - 1])
    assert table.rates == {}  # every word is in fewer than MIN_ARTICLES articles


def test_columns_are_mean_highest_and_share_kept() -> None:
    table = WordRates(rates={"a": 0.9, "b": 0.1}, base=0.3)
    columns = table.columns(WordLayout([{"a", "b"}, {"a", "zzz"}, set()]))
    assert columns.shape == (3, len(WORD_RATE_FEATURE_NAMES))
    assert columns[0].tolist() == pytest.approx([0.5, 0.9, 0.5])
    assert columns[1].tolist() == pytest.approx([0.6, 0.9, 0.5])
    # A sentence without content words gets the base rate.
    assert columns[2].tolist() == pytest.approx([0.3, 0.3, 0.0])
    assert table.columns(WordLayout([])).shape == (0, len(WORD_RATE_FEATURE_NAMES))


def test_table_round_trips_through_json() -> None:
    table = learn_word_rates(pairs())
    copy = WordRates.from_json(json.loads(json.dumps(table.to_json())))
    assert copy.rates == pytest.approx(table.rates, abs=1e-4)
    assert copy.base == pytest.approx(table.base, abs=1e-6)
