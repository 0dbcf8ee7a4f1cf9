"""Training the learned ranker: labels on our own sentences, features, a small network.

Labels:

* IndoSum ships ``extractive_labels`` (indexes into its own sentence split). Our cleaner
  and splitter cut the text differently, so each of our sentences takes the label of the
  dataset sentence it overlaps most: labelled when at least ``ALIGNMENT_OVERLAP`` of its
  distinct words come from one labelled dataset sentence.
* CNN has no extractive labels: a greedy oracle adds, one at a time, the sentence that
  most raises ROUGE-1 + ROUGE-2 F1 against the highlights, and stops when none does
  (the usual way extractive labels are made for CNN/DailyMail).

The network is scikit-learn's ``MLPClassifier`` with a fixed seed, exported to the JSON
layout ``learned.Network`` reads. scikit-learn is imported here only, never at run time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from intisari.document import Document
from intisari.ranking.features import FEATURE_NAMES, document_features
from intisari.ranking.learned import FALLBACK, MODEL_FORMAT, LearnedRanker, Network
from intisari.ranking.text import words

__all__ = [
    "ALIGNMENT_OVERLAP",
    "SEED",
    "Example",
    "fit_network",
    "greedy_oracle",
    "indosum_labels",
    "labels_for",
    "model_json",
    "train_ranker",
]

#: Fixed seed: ``intisari train`` gives the same model file on every run.
SEED = 20240817
#: Share of one of our sentence's distinct words that must come from a labelled dataset
#: sentence for it to count as labelled: above one half, so a sentence our splitter
#: merged from a labelled and an unlabelled one goes with the larger part.
ALIGNMENT_OVERLAP = 0.6
#: The oracle never picks more sentences than the box can show.
ORACLE_MAX_SENTENCES = 5
#: One hidden layer of this many ReLU units: enough for the interactions that matter
#: (a long sentence is good early, bad late), small enough to score in microseconds.
HIDDEN_UNITS = 16
#: L2 penalty and epochs, chosen by cross-validated ROUGE on the tune files.
L2_PENALTY = 1e-3
MAX_EPOCHS = 60


class Example:
    """One article ready for training: its features and a 0/1 label per sentence."""

    __slots__ = ("features", "labels", "language")

    def __init__(self, features: np.ndarray, labels: np.ndarray, language: str) -> None:
        self.features = features
        self.labels = labels
        self.language = language


def labels_for(record: dict[str, Any], document: Document) -> np.ndarray:
    """Extractive labels of our sentences: aligned IndoSum labels, else a greedy oracle."""
    if record.get("sentences") and record.get("extractive_labels") is not None:
        return indosum_labels(record["sentences"], record["extractive_labels"], document)
    summary = record.get("summary") or ""
    reference = summary if isinstance(summary, str) else max(summary, key=len)
    chosen = greedy_oracle([s.text for s in document.sentences], reference)
    labels = np.zeros(len(document.sentences))
    labels[chosen] = 1.0
    return labels


def indosum_labels(
    sentences: Sequence[str], labelled: Sequence[int], document: Document
) -> np.ndarray:
    """Carry IndoSum's labels (indexes into ``sentences``) over to our sentences."""
    targets = [set(words(sentences[i])) for i in labelled if 0 <= i < len(sentences)]
    labels = np.zeros(len(document.sentences))
    for k, sentence in enumerate(document.sentences):
        ours = set(words(sentence.text))
        if ours and any(len(ours & t) / len(ours) >= ALIGNMENT_OVERLAP for t in targets):
            labels[k] = 1.0
    return labels


def greedy_oracle(sentences: Sequence[str], reference: str) -> list[int]:
    """Indexes of the sentences a greedy search finds best against ``reference``."""
    reference_tokens = words(reference)
    grams = [Counter(_ngrams(reference_tokens, n)) for n in (1, 2)]
    candidates = [words(s) for s in sentences]
    chosen: list[int] = []
    picked: list[str] = []
    best = 0.0
    while len(chosen) < ORACLE_MAX_SENTENCES:
        step_best, step_index = best, -1
        for i, tokens in enumerate(candidates):
            if i in chosen or not tokens:
                continue
            value = sum(_f1(Counter(_ngrams(picked + tokens, n)), grams[n - 1]) for n in (1, 2))
            if value > step_best:
                step_best, step_index = value, i
        if step_index < 0:
            break
        chosen.append(step_index)
        picked += candidates[step_index]
        best = step_best
    return sorted(chosen)


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def _f1(prediction: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> float:
    overlap = sum((prediction & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(prediction.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def make_example(record: dict[str, Any], document: Document) -> Example:
    """Features and labels of one article, for training or cross-validation."""
    labels = labels_for(record, document)
    return Example(document_features(document), labels, document.language.code)


def fit_network(examples: Sequence[Example], seed: int = SEED) -> Network:
    """Train one network on the sentences of ``examples``."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    features = np.vstack([e.features for e in examples])
    labels = np.concatenate([e.labels for e in examples])
    scaler = StandardScaler().fit(features)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    classifier = MLPClassifier(
        hidden_layer_sizes=(HIDDEN_UNITS,),
        alpha=L2_PENALTY,
        max_iter=MAX_EPOCHS,
        random_state=seed,
    )
    with warnings.catch_warnings():
        # A fixed epoch budget is the point (speed, reproducibility), not a fault.
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit((features - scaler.mean_) / scale, labels)
    return Network(
        mean=scaler.mean_,
        scale=scale,
        weights=tuple(classifier.coefs_),
        biases=tuple(classifier.intercepts_),
    )


def train_ranker(examples: Sequence[Example], seed: int = SEED) -> LearnedRanker:
    """One network per language found in ``examples``, and the fallback on all of them."""
    networks = {FALLBACK: fit_network(examples, seed)}
    for language in sorted({e.language for e in examples}):
        own = [e for e in examples if e.language == language]
        networks[language] = fit_network(own, seed)
    return LearnedRanker(networks, name=f"learned-mlp{HIDDEN_UNITS}")


def model_json(ranker: LearnedRanker, provenance: dict[str, Any]) -> str:
    """The model file: layout version, feature names, networks, and how it was made."""
    data = {
        "format": MODEL_FORMAT,
        "name": ranker.name,
        "features": list(FEATURE_NAMES),
        "networks": {code: net.to_json() for code, net in sorted(ranker.networks.items())},
        "provenance": provenance,
    }
    return json.dumps(data, indent=1) + "\n"


def write_model(ranker: LearnedRanker, path: Path, provenance: dict[str, Any]) -> None:
    """Write atomically, so a crash never leaves a half-written model in the package."""
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(model_json(ranker, provenance), encoding="utf-8")
    temporary.replace(path)
