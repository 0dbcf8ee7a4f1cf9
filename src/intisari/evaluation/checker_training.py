"""Training the checker's scorer (``intisari train --checker``): a logistic model on SummEval.

SummEval judges whole summaries, the checker scores sentences. A summary is consistent
when every sentence is, so it is as weak as its weakest: each summary becomes one row
holding, feature by feature, the worst value among its sentences (the lowest share, the
highest count), and the model learns from those rows which mixtures of word shares and
copying mark a summary its experts rejected. At run time the same weights score each
sentence alone. scikit-learn is imported here only, never at run time; the result is a
small JSON file (``checking/model.json``), the same bytes from the same data.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from intisari.checking.check import unit_score
from intisari.checking.features import FEATURE_NAMES, WORSE_WHEN_HIGHER, Unit
from intisari.checking.model import CHECKER_FORMAT, CheckerModel
from intisari.evaluation.checker_pairs import Pair
from intisari.places import write_whole

__all__ = [
    "C_PENALTY",
    "MODEL_NAME",
    "REASON_PENALTY",
    "SUPPORTED_PRECISION",
    "fit_checker",
    "fitter",
    "summary_row",
    "write_checker_model",
]

MODEL_NAME = "checker-logistic15"
#: Inverse L2 strength of the logistic model: 1,546 summaries of 100 articles are few,
#: and a strong penalty keeps the weights on the few features that carry (chosen by the
#: cross-validated AUC: 0.003-0.03 are within 0.002 of each other).
C_PENALTY = 0.01
#: Each named reason halves the support. SummEval has too few changed numbers or
#: negations for a model to learn what one wrong fact means; a reader does not need
#: to: one is enough to make the statement wrong.
REASON_PENALTY = 0.5
#: ``supported`` is said from the score at which this share of the training summaries
#: scoring as high were judged fully consistent (all three experts gave 5): nine in ten.
#: The threshold that best balances the accuracy (used for the cross-validated figure)
#: is stricter (~0.86) and calls many faithful compressions of a sentence "unclear".
SUPPORTED_PRECISION = 0.9
#: ``unsupported`` is said only below the score under which most training summaries
#: were judged inconsistent, and only when at least this many summaries lie there.
MIN_UNSUPPORTED_SUMMARIES = 20

_WORSE_HIGH = np.array([name in WORSE_WHEN_HIGHER for name in FEATURE_NAMES])


def summary_row(units: Sequence[Unit]) -> np.ndarray:
    """The worst value of each feature among a summary's sentences."""
    if not units:
        return np.zeros(len(FEATURE_NAMES))
    features = np.vstack([u.features for u in units])
    return np.where(_WORSE_HIGH, features.max(axis=0), features.min(axis=0))


def fit_checker(pairs: Sequence[Pair], provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """The model file's content, fitted on ``pairs`` (deterministic: no randomness)."""
    from sklearn.linear_model import LogisticRegression

    rows = np.vstack([summary_row(p.units) for p in pairs])
    labels = np.array([p.label for p in pairs])
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = LogisticRegression(C=C_PENALTY, max_iter=10_000).fit((rows - mean) / scale, labels)
    draft = {
        "format": CHECKER_FORMAT,
        "name": MODEL_NAME,
        "features": list(FEATURE_NAMES),
        "mean": _rounded(mean),
        "scale": _rounded(scale),
        "weights": _rounded(fitted.coef_[0]),
        "bias": float(f"{fitted.intercept_[0]:.6g}"),
        "reason_penalty": REASON_PENALTY,
        "supported_from": 0.5,
        "unsupported_below": 0.5,
    }
    model = CheckerModel.from_json(draft)
    scores = np.array([_summary_score(model, p.units) for p in pairs])
    supported = _supported_from(scores, labels)
    draft["supported_from"] = round(supported, 4)
    draft["unsupported_below"] = round(_unsupported_below(scores, labels, supported), 4)
    draft["provenance"] = provenance or {}
    return draft


def fitter(pairs: Sequence[Pair]) -> Callable[[Pair], float]:
    """``fit_checker`` as the cross-validation calls it: a scorer of held-out pairs."""
    model = CheckerModel.from_json(fit_checker(pairs))
    return lambda pair: _summary_score(model, pair.units)


def write_checker_model(model: dict[str, Any], path: Path) -> None:
    """Write atomically (``places.write_whole``): never a half-written model in the package."""
    write_whole(path, json.dumps(model, indent=1) + "\n")


def _summary_score(model: CheckerModel, units: Sequence[Unit]) -> float:
    return min((unit_score(model, u) for u in units), default=0.0)


def _supported_from(scores: np.ndarray, labels: np.ndarray) -> float:
    """The lowest score from which ``SUPPORTED_PRECISION`` of the training summaries
    scoring at least as high were judged consistent."""
    order = np.argsort(-scores)
    consistent = np.cumsum(labels[order] == 1) / np.arange(1, len(scores) + 1)
    ok = np.flatnonzero(consistent >= SUPPORTED_PRECISION)
    return float(scores[order[ok[-1]]]) if len(ok) else float(scores.max())


def _unsupported_below(scores: np.ndarray, labels: np.ndarray, supported: float) -> float:
    """The highest score under which at least half the training summaries (and at least
    ``MIN_UNSUPPORTED_SUMMARIES``) were judged inconsistent; never above ``supported``."""
    order = np.argsort(scores)
    inconsistent = np.cumsum(labels[order] == 0)
    counts = np.arange(1, len(scores) + 1)
    ok = (inconsistent >= counts / 2) & (counts >= MIN_UNSUPPORTED_SUMMARIES)
    if not ok.any():
        return supported / 2
    last = int(np.flatnonzero(ok)[-1])
    # Below the next score up: the summaries counted are exactly those under it.
    bound = scores[order[last + 1]] if last + 1 < len(scores) else scores[order[last]]
    return float(min(bound, supported))


def _rounded(array: np.ndarray) -> list[float]:
    """Six significant digits: the file stays small and readable, scores move < 1e-5."""
    return [float(f"{v:.6g}") for v in array]
