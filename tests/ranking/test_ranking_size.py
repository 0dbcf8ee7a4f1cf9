"""The box sizer: prefix features, and the prefix it picks is the one its network prefers."""

from __future__ import annotations

import numpy as np
import pytest

from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking.network import Network
from intisari.ranking.size import NO_NEXT_SCORE, SIZER_FEATURE_NAMES, BoxSizer, prefix_features

SENTENCES = [
    "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai Sabtu pekan ini.",
    "Harga Pertalite naik dari Rp7.650 menjadi Rp10.000 per liter.",
    "Bantuan langsung tunai disiapkan untuk 20 juta keluarga penerima manfaat.",
    "Presiden meminta masyarakat menghemat energi.",
]


def document() -> Document:
    return build_document("\n\n".join(SENTENCES), None, language_for("id"))


def column(features: np.ndarray, name: str) -> list[float]:
    return features[:, SIZER_FEATURE_NAMES.index(name)].tolist()


def test_one_row_per_prefix_with_running_length_and_next_score() -> None:
    doc = document()
    scores = [0.9, 0.2, 0.7, 0.1]
    features = prefix_features(doc, scores, [0, 2, 1])
    assert features.shape == (3, len(SIZER_FEATURE_NAMES))
    assert column(features, "takeaways") == [1, 2, 3]
    lengths = [len(s.split()) for s in SENTENCES]
    assert column(features, "words") == [lengths[0], lengths[0] + lengths[2], sum(lengths[:3])]
    assert column(features, "last_score") == [0.9, 0.7, 0.2]
    assert column(features, "last_score_below_best") == pytest.approx([0.0, 0.2, 0.7])
    assert column(features, "next_score") == [0.7, 0.2, NO_NEXT_SCORE]
    assert column(features, "article_sentences") == [4, 4, 4]


def linear_sizer(weights: list[float]) -> BoxSizer:
    """A network with no hidden layer: its output is a weighted sum of the features."""
    n = len(SIZER_FEATURE_NAMES)
    network = Network(
        mean=np.zeros(n), scale=np.ones(n),
        weights=(np.array(weights, dtype=float).reshape(n, 1),), biases=(np.zeros(1),),
    )
    return BoxSizer(network)


def test_sizer_picks_the_prefix_its_network_scores_highest() -> None:
    doc = document()
    scores = [0.9, 0.2, 0.7, 0.1]
    more_is_better = [1.0, 0, 0, 0, 0, 0, 0]
    fewer_is_better = [-1.0, 0, 0, 0, 0, 0, 0]
    assert linear_sizer(more_is_better)(doc, scores, [0, 2, 1]) == 3
    assert linear_sizer(fewer_is_better)(doc, scores, [0, 2, 1]) == 1
    assert linear_sizer(more_is_better)(doc, scores, []) == 0
