"""The numpy network both learned parts run on: standardising folded in, JSON round trip,
an ensemble as one network."""

from __future__ import annotations

import json

import numpy as np
import pytest

from intisari.ranking.network import Network


def test_network_round_trips_through_json() -> None:
    rng = np.random.default_rng(0)
    network = Network(
        mean=rng.normal(size=3), scale=np.ones(3),
        weights=(rng.normal(size=(3, 2)), rng.normal(size=(2, 1))),
        biases=(rng.normal(size=2), rng.normal(size=1)),
    )
    copy = Network.from_json(json.loads(json.dumps(network.to_json())))
    features = rng.normal(size=(5, 3))
    assert np.allclose(network(features), copy(features), atol=1e-5)


def test_standardising_is_folded_into_the_first_layer() -> None:
    rng = np.random.default_rng(1)
    mean, scale = rng.normal(size=3), rng.uniform(0.5, 2.0, size=3)
    weights, bias = rng.normal(size=(3, 1)), rng.normal(size=1)
    network = Network(mean=mean, scale=scale, weights=(weights,), biases=(bias,))
    features = rng.normal(size=(4, 3))
    logits = ((features - mean) / scale) @ weights + bias
    assert np.allclose(network(features), 1.0 / (1.0 + np.exp(-logits.ravel())))


def _one_hidden_layer(rng: np.random.Generator, mean: np.ndarray, scale: np.ndarray) -> Network:
    return Network(
        mean=mean, scale=scale,
        weights=(rng.normal(size=(3, 4)), rng.normal(size=(4, 1))),
        biases=(rng.normal(size=4), rng.normal(size=1)),
    )


def _logits(network: Network, features: np.ndarray) -> np.ndarray:
    scores = network(features)
    return np.log(scores / (1.0 - scores))


def test_an_average_scores_the_mean_logit_of_its_networks() -> None:
    rng = np.random.default_rng(2)
    mean, scale = rng.normal(size=3), rng.uniform(0.5, 2.0, size=3)
    members = [_one_hidden_layer(rng, mean, scale) for _ in range(3)]
    average = Network.average(members)
    features = rng.normal(size=(6, 3))
    expected = np.mean([_logits(m, features) for m in members], axis=0)
    assert average.weights[0].shape == (3, 12)
    assert np.allclose(_logits(average, features), expected)


def test_networks_scaled_differently_do_not_average() -> None:
    rng = np.random.default_rng(3)
    one = _one_hidden_layer(rng, np.zeros(3), np.ones(3))
    other = _one_hidden_layer(rng, np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match="same scaling"):
        Network.average([one, other])
