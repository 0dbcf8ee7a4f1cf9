"""The checker's scorer: a logistic model over ``features``, stored as plain JSON.

Trained by ``intisari train --checker`` (``intisari.evaluation.checker_training``, with
scikit-learn, never imported at run time) on SummEval's human judgements, and shipped
as ``model.json`` beside this module: feature scaling, weights, the label thresholds
chosen in training, and which data made it. No pickle: a model file is data, not code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from intisari.checking.features import FEATURE_NAMES

__all__ = ["CHECKER_FORMAT", "CHECKER_MODEL_PATH", "CheckerModel", "load_checker"]

#: Version of the model file layout; a file of another layout is refused with a message.
CHECKER_FORMAT = "intisari-checker/1"
CHECKER_MODEL_PATH = Path(str(resources.files("intisari.checking").joinpath("model.json")))


@dataclass(frozen=True)
class CheckerModel:
    """Support of a statement sentence = sigmoid(standardised features . weights + bias),
    times ``reason_penalty`` for each hard reason (``reasons.Finding.hard``)."""

    name: str
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    #: A named reason (a wrong number, name, negation ...) multiplies the support by this:
    #: the word shares barely move when one fact is changed, the verdict must.
    reason_penalty: float
    #: Labels: ``supported`` from ``supported_from`` up, ``unsupported`` below
    #: ``unsupported_below``, ``unclear`` between (chosen in training, see there).
    supported_from: float
    unsupported_below: float

    def score(self, features: np.ndarray, reasons: int) -> float:
        z = float(((features - self.mean) / self.scale) @ self.weights + self.bias)
        return float(1.0 / (1.0 + np.exp(-z))) * self.reason_penalty**reasons

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckerModel:
        if data.get("format") != CHECKER_FORMAT:
            raise ValueError(
                f"checker model format {data.get('format')!r}, expected {CHECKER_FORMAT!r}"
            )
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError("checker model features do not match this version's features")
        return cls(
            name=data["name"],
            mean=np.asarray(data["mean"], dtype=float),
            scale=np.asarray(data["scale"], dtype=float),
            weights=np.asarray(data["weights"], dtype=float),
            bias=float(data["bias"]),
            reason_penalty=float(data["reason_penalty"]),
            supported_from=float(data["supported_from"]),
            unsupported_below=float(data["unsupported_below"]),
        )


@lru_cache(maxsize=4)
def load_checker(path: Path = CHECKER_MODEL_PATH) -> CheckerModel:
    """The model at ``path`` (the shipped one by default), read once per process."""
    return CheckerModel.from_json(json.loads(path.read_text(encoding="utf-8")))
