"""How well the checker tells supported summaries from unsupported ones.

SummEval (``../shared/data/factcheck/summeval.jsonl``, see its README): each summary is
scored by its weakest sentence, and the figures are ROC AUC against the human label and
balanced accuracy at a threshold chosen on the training folds only, by 5-fold
cross-validation grouped by article (the 16 summaries of one article share most facts),
over ``SEEDS`` seeds. The checker is retrained on the four other folds each time, exactly
as ``intisari train --checker`` trains it; the baselines learn nothing and are scored
the same way (ROUGE-2 precision of the summary against the article, the data README's
best simple baseline).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from intisari.checking.statements import split_summary
from intisari.document import Document
from intisari.evaluation.changed_facts import ChangedFactFigures
from intisari.evaluation.checker_pairs import Pair, read_pairs
from intisari.evaluation.checker_training import fitter

__all__ = [
    "FOLDS",
    "SEEDS",
    "CheckerEvaluation",
    "CheckerFigures",
    "balanced_accuracy",
    "best_threshold",
    "cross_validate_checker",
    "evaluate_checker",
    "roc_auc",
    "rouge2_precision",
]

FOLDS = 5
#: Seeds of the fold assignment: the data README's baselines are means over five.
SEEDS = (0, 1, 2, 3, 4)
_WORD = re.compile(r"\w+")


@dataclass
class CheckerFigures:
    """Mean AUC and balanced accuracy over seeds, per scorer."""

    rows: dict[str, tuple[float, float]]

    def table(self) -> str:
        lines = ["| scorer | AUC | balanced accuracy |", "|---|---|---|"]
        lines += [f"| {name} | {auc:.3f} | {bacc:.3f} |" for name, (auc, bacc) in self.rows.items()]
        return "\n".join(lines)


#: Fits on training pairs, returns a scorer of pairs (higher: more likely consistent).
Fitter = Callable[[list[Pair]], Callable[[Pair], float]]


def cross_validate_checker(
    pairs: list[Pair], fitters: dict[str, Fitter], seeds: tuple[int, ...] = SEEDS
) -> CheckerFigures:
    """Each fitter trained on four folds of articles and scored on the fifth."""
    labels = np.array([p.label for p in pairs])
    groups = np.array([p.group for p in pairs])
    rows: dict[str, list[tuple[float, float]]] = {name: [] for name in fitters}
    for seed in seeds:
        order = np.random.default_rng(seed).permutation(groups.max() + 1)
        fold_of = order[groups] % FOLDS
        for name, fit in fitters.items():
            held_out = np.zeros(len(pairs))
            predicted = np.zeros(len(pairs), dtype=bool)
            for fold in range(FOLDS):
                train = [p for p, k in zip(pairs, fold_of, strict=True) if k != fold]
                scorer = fit(train)
                threshold = best_threshold(
                    np.array([scorer(p) for p in train]), np.array([p.label for p in train])
                )
                for i in np.flatnonzero(fold_of == fold):
                    held_out[i] = scorer(pairs[i])
                    predicted[i] = held_out[i] >= threshold
            rows[name].append((roc_auc(labels, held_out), balanced_accuracy(labels, predicted)))
    return CheckerFigures(
        {name: (float(np.mean([a for a, _ in r])), float(np.mean([b for _, b in r])))
         for name, r in rows.items()}
    )


def rouge2_precision(pair: Pair) -> float:
    """Share of the summary's word pairs found in the article (the README's baseline)."""
    words = _WORD.findall(pair.summary.lower())
    article = _WORD.findall(pair.document.text.lower())
    known = set(itertools.pairwise(article))
    pairs = list(itertools.pairwise(words))
    return sum(p in known for p in pairs) / len(pairs) if pairs else 1.0


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Probability that a random consistent pair outscores a random inconsistent one."""
    from scipy.stats import rankdata

    ranks = rankdata(scores)
    positives = labels == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def balanced_accuracy(labels: np.ndarray, predicted: np.ndarray) -> float:
    positives = labels == 1
    return float((predicted[positives].mean() + (~predicted[~positives]).mean()) / 2)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The score from which "consistent" is predicted that best balances the accuracy."""
    candidates = np.unique(scores)
    accuracies = [balanced_accuracy(labels, scores >= t) for t in candidates]
    return float(candidates[int(np.argmax(accuracies))])


@dataclass
class CheckerEvaluation:
    """What ``intisari evaluate --checker`` reports."""

    summeval: CheckerFigures
    changed: ChangedFactFigures | None
    #: CPU milliseconds per statement sentence: indexing the article and checking all its
    #: summaries' statements (``check_statements``), median of ``SPEED_PASSES`` passes.
    ms_per_statement: float
    statements: int

    def markdown(self, source: str) -> str:
        lines = [
            "# Checker evaluation",
            "",
            f"## {source}: 5-fold cross-validation by article, {len(SEEDS)} seeds",
            "",
            self.summeval.table(),
            "",
            "Published (neural, mostly on GPUs; SummaC's labels, so not the same task): "
            "SummaC-Conv AUC 0.861, AlignScore-large ~0.89 averaged over SummaC's sets.",
            "",
            f"Speed: {self.ms_per_statement:.2f} ms of CPU per statement sentence "
            f"({self.statements} sentences; article indexing included, reading and "
            "cleaning the article not).",
        ]
        if self.changed is not None:
            lines += [
                "",
                "## Indonesian changed-fact set (IndoSum reference sentences)",
                "",
                self.changed.table(),
                "",
                f"Recall on changed sentences (not labelled supported): "
                f"{self.changed.recall:.1f}%. Accepted (supported): unchanged "
                f"{self.changed.acceptance('unchanged'):.1f}%, paraphrases "
                f"{self.changed.acceptance('paraphrase'):.1f}%.",
            ]
        return "\n".join(lines) + "\n"


#: Passes of the speed measurement; the median is reported (the machine is shared).
SPEED_PASSES = 3


def evaluate_checker(
    summeval: Path, indosum: Path | None, limit: int | None = None
) -> CheckerEvaluation:
    """SummEval figures (checker and baseline), speed, and the changed-fact set."""
    from intisari.evaluation.changed_facts import build_cases, score_cases

    pairs = read_pairs(summeval, limit)
    figures = cross_validate_checker(
        pairs, {"ROUGE-2 precision (baseline)": lambda _train: rouge2_precision,
                "intisari checker": fitter}
    )
    ms, count = _speed(pairs)
    changed = None
    if indosum is not None:
        documents, cases = build_cases(indosum)
        changed = score_cases(documents, cases)
    return CheckerEvaluation(figures, changed, ms, count)


def _speed(pairs: list[Pair]) -> tuple[float, int]:
    """CPU ms per statement sentence of ``check_statements`` over all ``pairs``."""
    import time

    from intisari.checking.check import check_statements

    by_document: dict[int, tuple[Document, list[str]]] = {}
    for pair in pairs:
        statements = split_summary(pair.summary, pair.document.language.data)
        by_document.setdefault(pair.group, (pair.document, []))[1].extend(statements)
    count = sum(len(p.units) for p in pairs)
    passes = []
    for _ in range(SPEED_PASSES):
        started = time.process_time()
        for document, statements in by_document.values():
            check_statements(document, statements)
        passes.append(time.process_time() - started)
    return 1000.0 * float(np.median(passes)) / max(count, 1), count
