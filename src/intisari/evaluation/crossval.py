"""Cross-validated quality of the learned ranker: the figures the README and the gate use.

The shipped model is trained on all the tune data, so scoring it there would be a
training-set figure. Here each of ``FOLDS`` folds (by article, fixed seed) is scored by a
ranker trained on the other folds, exactly as ``intisari train`` trains (same labels,
features, network, seed, and the box sizer with its own stacking inside those folds);
the held-out articles then go through the engine's own selection. Languages are folded
separately, so every fold holds both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from intisari.evaluation.corpus import Article
from intisari.evaluation.metrics import grounded, is_lead_copy, sentence_indexes
from intisari.evaluation.ranker_training import SEED, Example, make_example, train_ranker
from intisari.evaluation.rouge import rouge
from intisari.takeaways.select import select_takeaways
from intisari.takeaways.text import reading_length

__all__ = ["FOLDS", "CrossValidation", "cross_validate"]

#: Five folds: each model sees 80% of the data, as the shipped one sees 100%.
FOLDS = 5
#: Box sizes scored: the product default (3) and automatic (``None``).
COUNTS: tuple[int | None, ...] = (3, None)


@dataclass
class CrossValidation:
    """Mean held-out scores per corpus and box size (``"3"`` or ``"auto"``), with the
    share of boxes that are the article's first k sentences (``is_lead_copy``)."""

    scores: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)

    def table(self) -> str:
        """A Markdown table of the figures."""
        lines = [
            "| corpus | takeaways | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | grounded % | words per box "
            "| lead copies % |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for corpus, by_count in self.scores.items():
            for count, s in by_count.items():
                lines.append(
                    f"| {corpus} | {count} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | "
                    f"{s['rougeLsum']:.2f} | {s['faithfulness']:.2f} | {s['words']:.1f} | "
                    f"{s['lead_copies']:.1f} |"
                )
        return "\n".join(lines)


def cross_validate(
    corpora: dict[str, list[Article]],
    folds: int = FOLDS,
    seed: int = SEED,
    progress: Callable[[str], None] | None = None,
) -> CrossValidation:
    """Train on ``folds - 1`` folds of every corpus, score the held-out fold, average."""
    usable = {name: [a for a in arts if a.document is not None] for name, arts in corpora.items()}
    examples = {
        name: [make_example(a.record, a.document) for a in arts if a.document is not None]
        for name, arts in usable.items()
    }
    rng = np.random.default_rng(seed)
    assignment = {name: rng.permutation(len(arts)) % folds for name, arts in usable.items()}
    rows: dict[str, dict[str, list[tuple[float, ...]]]] = {
        name: {_label(c): [] for c in COUNTS} for name in usable
    }
    for fold in range(folds):
        training: list[Example] = [
            example
            for name in usable
            for example, k in zip(examples[name], assignment[name], strict=True)
            if k != fold
        ]
        ranker = train_ranker(training, seed)
        for name, arts in usable.items():
            for article, k in zip(arts, assignment[name], strict=True):
                if k != fold or article.document is None:
                    continue
                scores = ranker.score(article.document)
                sizer = ranker.sizer_for(article.document.language.code)
                for count in COUNTS:
                    box = select_takeaways(article.document, scores, count, sizer)
                    r = rouge([t.text for t in box], article.references)
                    rows[name][_label(count)].append((
                        r.rouge1, r.rouge2, r.rougeLsum,
                        100.0 * float(np.mean([grounded(article.document.text, t) for t in box])),
                        float(sum(reading_length(t.text) for t in box)),
                        100.0 * is_lead_copy(sentence_indexes(article.document, box)),
                    ))
        if progress:
            progress(f"fold {fold + 1}/{folds} done")
    result = CrossValidation()
    keys = ("rouge1", "rouge2", "rougeLsum", "faithfulness", "words", "lead_copies")
    for name, by_count in rows.items():
        result.scores[name] = {
            count: dict(zip(keys, (float(v) for v in np.mean(values, axis=0)), strict=True))
            for count, values in by_count.items()
        }
    return result


def _label(count: int | None) -> str:
    return "auto" if count is None else str(count)
