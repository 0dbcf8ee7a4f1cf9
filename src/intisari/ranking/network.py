"""A small feed-forward network evaluated with numpy, stored as plain JSON.

Both learned parts of the engine are one: the sentence ranker (``learned``) and the box
sizer (``size``). They are trained with scikit-learn by ``intisari train``, which is never
imported at run time; a model file is data (weights and feature scaling), never code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

__all__ = ["Network"]

#: Largest logit magnitude fed to ``exp``: exp(500) ~ 1e217 is far from overflow (~1e308).
MAX_LOGIT = 500.0


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
        # Clipped, so that exp never overflows (52,000 repeated sentences gave logits past
        # -709 and a RuntimeWarning): inside the clip every score is what it was, outside
        # it a score is 0 or 1 within 1e-217.
        logits = hidden.ravel().clip(-MAX_LOGIT, MAX_LOGIT)
        return 1.0 / (1.0 + np.exp(-logits))

    @cached_property
    def _first_layer(self) -> tuple[np.ndarray, np.ndarray]:
        """The first layer with standardising folded in: ((x - m) / s) W + b = x W' + b'."""
        weights = self.weights[0] / self.scale[:, None]
        return weights, self.biases[0] - (self.mean / self.scale) @ self.weights[0]

    @classmethod
    def average(cls, networks: Sequence[Network]) -> Network:
        """One network whose logit is the mean of the logits of ``networks``.

        For networks of one hidden layer that standardise their features alike, the mean
        of their logits is itself such a network: their hidden units side by side, the
        output weights and bias divided by their number. So an ensemble is stored and
        scored as one wider network, in the same file layout.
        """
        first = networks[0]
        if any(
            len(n.weights) != 2
            or not np.array_equal(n.mean, first.mean)
            or not np.array_equal(n.scale, first.scale)
            for n in networks
        ):
            raise ValueError("only one-hidden-layer networks with the same scaling average")
        count = len(networks)
        return cls(
            mean=first.mean,
            scale=first.scale,
            weights=(
                np.hstack([n.weights[0] for n in networks]),
                np.vstack([n.weights[1] for n in networks]) / count,
            ),
            biases=(
                np.concatenate([n.biases[0] for n in networks]),
                np.mean([n.biases[1] for n in networks], axis=0),
            ),
        )

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


def _rounded(array: np.ndarray) -> Any:
    """Six significant digits: the file stays small and scores change by < 1e-5."""
    return np.vectorize(lambda v: float(f"{v:.6g}"))(array).tolist()
