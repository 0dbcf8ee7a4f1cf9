"""Training pieces: label alignment, the greedy oracle, and a model file that loads back."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from intisari.evaluation.ranker_training import (
    Example,
    greedy_oracle,
    make_example,
    train_ranker,
    write_model,
)
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking.features import FEATURE_NAMES
from intisari.ranking.learned import load_model
from intisari.takeaways.select import rank_candidates


def test_greedy_oracle_picks_what_the_reference_says_and_stops() -> None:
    sentences = [
        "The weather was pleasant on the day.",
        "The council approved the budget for buses.",
        "Fares for students will fall next year.",
        "A local bakery celebrated its anniversary.",
    ]
    reference = "Council approved budget for buses .\nFares for students fall next year ."
    assert greedy_oracle(sentences, reference) == [1, 2]


def test_a_trained_model_is_written_and_loads_back(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    examples = []
    for language in ("id", "en"):
        for _ in range(20):
            features = rng.normal(size=(8, len(FEATURE_NAMES)))
            labels = (features[:, 0] > 0.5).astype(float)
            examples.append(Example(features, labels, language))
    ranker = train_ranker(examples, seed=7)
    path = tmp_path / "model.json"
    write_model(ranker, path, {"seed": 7})
    loaded = load_model(str(path))
    assert set(loaded.networks) == {"default", "id", "en"}
    probe = rng.normal(size=(5, len(FEATURE_NAMES)))
    assert np.allclose(loaded.networks["id"](probe), ranker.networks["id"](probe), atol=1e-4)


def indonesian_examples(count: int) -> list[Example]:
    """Small articles whose human summary is their first two sentences."""
    rng = np.random.default_rng(3)
    vocabulary = [
        "warga", "pasar", "harga", "beras", "naik", "turun", "banjir", "jalan", "kota", "desa",
        "sekolah", "guru", "presiden", "menteri", "rapat", "anggaran", "bantuan", "petani",
    ]
    examples = []
    for _ in range(count):
        sentences = [
            " ".join(rng.choice(vocabulary, size=int(rng.integers(8, 16)))).capitalize() + "."
            for _ in range(6)
        ]
        record = {
            "text": "\n\n".join(sentences),
            "summary": " ".join(sentences[:2]),
        }
        document = build_document(record["text"], None, language_for("id"))
        examples.append(make_example(record, document))
    return examples


def test_an_indonesian_model_gets_a_box_sizer_that_loads_back(tmp_path: Path) -> None:
    examples = indonesian_examples(25)
    ranker = train_ranker(examples, seed=7)
    assert set(ranker.sizers) == set(ranker.word_rates) == {"id"}
    path = tmp_path / "model.json"
    write_model(ranker, path, {"seed": 7})
    sizer = load_model(str(path)).sizer_for("id")
    assert sizer is not None
    document = examples[0].document
    assert document is not None
    scores = ranker.score(document)
    candidates = rank_candidates(document, scores)
    assert 1 <= sizer(document, scores, candidates) <= len(candidates)


def test_examples_without_documents_train_no_sizer_and_no_word_rates() -> None:
    rng = np.random.default_rng(2)
    labels = np.array([1.0, 0, 0, 0, 0, 0])
    examples = [Example(rng.normal(size=(6, len(FEATURE_NAMES))), labels, "id") for _ in range(10)]
    ranker = train_ranker(examples, seed=7)
    assert ranker.sizers == {} and ranker.word_rates == {}
