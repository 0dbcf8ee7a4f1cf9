"""The learned sentence scorer: a small neural network over ``features``, run with numpy.

It is trained by ``intisari train`` (scikit-learn, fixed seed) on IndoSum's extractive
labels aligned to our own sentences and on greedy-oracle labels for CNN, and shipped as
plain JSON (weights and feature scaling, no pickle: a model file is data, never code).
One network per supported language, plus ``default`` (trained on both) for every other
language. Scoring an article is two small matrix products on top of the features.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from intisari.document import Document
from intisari.ranking.features import FEATURE_NAMES, document_features

__all__ = ["MODEL_FORMAT", "MODEL_PATH", "LearnedRanker", "Network", "load_model"]

#: Version of the model file layout; a file of another layout is refused with a message.
MODEL_FORMAT = "intisari-ranker/1"
#: The model shipped in the package (reproduced by ``intisari train``).
MODEL_PATH = Path(str(resources.files("intisari.ranking").joinpath("model.json")))
#: Model used for a language that has no network of its own.
FALLBACK = "default"


@dataclass(frozen=True)
class Network:
    """A feed-forward network: standardise, (hidden ReLU layers), one output logit."""

    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]

    def __call__(self, features: np.ndarray) -> np.ndarray:
        """Probability-like score in (0, 1) for each row of ``features``."""
        first, bias = self._first_layer
        hidden = features @ first + bias
        for weights, bias in zip(self.weights[1:], self.biases[1:], strict=True):
            hidden = np.maximum(hidden, 0.0) @ weights + bias
        return 1.0 / (1.0 + np.exp(-hidden.ravel()))

    @cached_property
    def _first_layer(self) -> tuple[np.ndarray, np.ndarray]:
        """The first layer with standardising folded in: ((x - m) / s) W + b = x W' + b'."""
        weights = self.weights[0] / self.scale[:, None]
        return weights, self.biases[0] - (self.mean / self.scale) @ self.weights[0]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Network:
        return cls(
            mean=np.asarray(data["mean"], dtype=float),
            scale=np.asarray(data["scale"], dtype=float),
            weights=tuple(np.asarray(layer["weights"], dtype=float) for layer in data["layers"]),
            biases=tuple(np.asarray(layer["bias"], dtype=float) for layer in data["layers"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "mean": _rounded(self.mean),
            "scale": _rounded(self.scale),
            "layers": [
                {"weights": _rounded(w), "bias": _rounded(b)}
                for w, b in zip(self.weights, self.biases, strict=True)
            ],
        }


class LearnedRanker:
    """Scores sentences with the network of the document's language."""

    def __init__(self, networks: dict[str, Network], name: str) -> None:
        if FALLBACK not in networks:
            raise ValueError(f"a ranker model needs a {FALLBACK!r} network")
        self.networks = networks
        #: Reported in ``engine.method``: names the model so results can be traced to it.
        self.name = name

    def score(self, document: Document) -> list[float]:
        if not document.sentences:
            return []
        network = self.networks.get(document.language.code, self.networks[FALLBACK])
        return network(document_features(document)).tolist()


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> LearnedRanker:
    """Read a model file; one load per process (the file never changes while running)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"cannot read ranker model {path}: {error}") from error
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not a {MODEL_FORMAT} model file")
    if tuple(data.get("features", ())) != FEATURE_NAMES:
        raise ValueError(f"{path} was trained on other features; retrain with `intisari train`")
    networks = {code: Network.from_json(net) for code, net in data["networks"].items()}
    return LearnedRanker(networks, name=data["name"])


def _rounded(array: np.ndarray) -> Any:
    """Six significant digits: the file stays small and scores change by < 1e-5."""
    return np.vectorize(lambda v: float(f"{v:.6g}"))(array).tolist()
