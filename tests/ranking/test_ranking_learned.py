"""The shipped model: loads, is small, names itself, scores every sentence, refuses bad files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from intisari import summarize
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking import default_ranker
from intisari.ranking.features import FEATURE_NAMES, WORD_RATE_COLUMNS, document_features
from intisari.ranking.learned import (
    FALLBACK,
    MODEL_PATH,
    OPINION_SHARE,
    LearnedRanker,
    load_model,
)

#: The issue's cap on the model shipped in the package.
MAX_MODEL_BYTES = 5_000_000

ARTICLE = (
    "The city council approved a new budget on Monday that doubles spending on buses. "
    "The plan adds 40 routes and lowers fares for students. "
    "However, critics said the money would be better spent on roads. "
    "The mayor will sign the budget next week."
)


def test_model_file_is_small_json_with_a_network_per_language() -> None:
    assert MODEL_PATH.stat().st_size < MAX_MODEL_BYTES
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert {"default", "id", "en"} <= set(data["networks"])
    assert set(data["sizers"]) == {"id"}
    assert data["provenance"]["seed"] == 20240817


def test_default_ranker_is_the_learned_model_and_named_in_results() -> None:
    ranker = default_ranker()
    assert isinstance(ranker, LearnedRanker)
    result = summarize(text=ARTICLE, lang="en")
    assert result.engine.method == ranker.name == "learned-mlp16x5"


def test_scores_one_probability_per_sentence() -> None:
    document = build_document(ARTICLE, None, language_for("en"))
    scores = load_model().score(document)
    assert len(scores) == len(document.sentences) == 4
    assert all(0.0 < s < 1.0 for s in scores)
    # News puts the story first: the lead outranks the dangling "However, ..." sentence.
    assert scores[0] > scores[2]


def test_only_indonesian_has_a_box_sizer() -> None:
    model = load_model()
    assert model.sizer_for("id") is not None
    assert model.sizer_for("en") is None
    assert model.sizer_for("fr") is None


#: An opinion piece's sentences (cnn.tune): the writer speaks in two of the four.
OPINION = (
    "Most episodes, Ward Cleaver would come home from work in his suit and tie.\n\n"
    "As I recall, June usually cleaned up after dinner.\n\n"
    "We still expect women to do most of the housework, and that has to change.\n\n"
    "The US economy added jobs in March, the department said."
)


def test_only_english_has_an_opinion_network() -> None:
    assert set(load_model().opinions) == {"en"}


def test_an_opinion_piece_is_scored_by_the_opinion_network_and_news_by_the_other() -> None:
    model = load_model()
    opinion = build_document(OPINION, None, language_for("en"))
    news = build_document(ARTICLE, None, language_for("en"))
    voice = document_features(opinion, None, voice=True)[:, len(FEATURE_NAMES) :]
    assert voice.tolist() == [[0, 0.5], [1, 0.5], [1, 0.5], [0, 0.5]]
    assert OPINION_SHARE <= 0.5
    assert document_features(news, None, voice=True)[:, -1].tolist() == [0.0] * 4
    without = LearnedRanker(model.networks, model.name, word_rates=model.word_rates)
    assert model.score(news) == without.score(news)
    assert model.score(opinion) != without.score(opinion)


def test_english_takes_a_share_of_each_score_from_the_general_network() -> None:
    """English's own network learned CNN's highlights alone; the general one (every tune
    article, word-rate columns at 0) has a quarter of each English score, Indonesian's
    none."""
    model = load_model()
    assert language_for("en").data.general_ranker_share == 0.25
    assert language_for("id").data.general_ranker_share == 0.0
    english = build_document(ARTICLE, None, language_for("en"))
    features = document_features(english, model.word_rates["en"])[:, : len(FEATURE_NAMES)]
    general = features.copy()
    general[:, WORD_RATE_COLUMNS] = 0.0
    own, fallback = model.networks["en"](features), model.networks[FALLBACK](general)
    assert model.score(english) == pytest.approx((0.75 * own + 0.25 * fallback).tolist())
    assert not np.allclose(own, fallback)  # the two networks do differ on it
    indonesian = build_document(ARTICLE, None, language_for("id"))
    features = document_features(indonesian, model.word_rates["id"])
    assert model.score(indonesian) == model.networks["id"](features).tolist()


def test_unknown_language_uses_the_fallback_network() -> None:
    document = build_document(ARTICLE, None, language_for("fr"))
    assert len(load_model().score(document)) == 4


@pytest.mark.parametrize("key", ["features", "sizer_features", "opinion_features"])
def test_a_model_of_other_features_is_refused(tmp_path: Path, key: str) -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data[key] = data[key][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        load_model(str(path))


def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a intisari-ranker/3 model"):
        load_model(str(path))
