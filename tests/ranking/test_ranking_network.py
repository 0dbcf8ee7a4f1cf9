"""The numpy network both learned parts run on: standardising folded in, JSON round trip."""

from __future__ import annotations

import json

import numpy as np

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
