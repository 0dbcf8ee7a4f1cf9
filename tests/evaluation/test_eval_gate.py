"""Quality gate: cross-validated ROUGE and faithfulness must not fall below pinned floors.

In the spirit of trafilatura's ``tests/eval_gate.py``. What is honest here: the shipped
model was trained on all the tune data, so scoring it there would be a training-set
figure that no regression could move much. The gate therefore retrains, exactly as
``intisari train`` does, on four folds and scores the fifth, five times
(``intisari.evaluation.crossval``), on a fixed subset of the tune files so that it fits
CI's budget (about a minute): a change to features, labels, training or selection
rules that costs quality shows up here, while the shipped model file itself is checked
by the ranking tests.

Floors live in ``quality_floors.json`` beside this file. Raising them is a normal commit.
To rewrite them from a run:

    INTISARI_UPDATE_FLOORS=1 .venv/bin/python -m pytest tests/evaluation/test_eval_gate.py

which refuses to lower any floor unless ``INTISARI_LOWER_FLOORS="<why>"`` is also set; the
reason is recorded in the file, and the commit must say why too. Faithfulness (100% of
takeaways grounded) can never be lowered.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest

from data_paths import DATA, need

FLOORS = Path(__file__).with_name("quality_floors.json")
#: Floors sit this far under the measured score: the run is deterministic (fixed seed),
#: this only absorbs floating-point differences between BLAS and library versions.
TOLERANCE = 0.3
#: The fixed subset: the first articles of each tune file (all of CNN's 500).
SUBSET = {"indosum": 1000, "cnn": 500}

pytestmark = [pytest.mark.data, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, dict[str, float]]]:
    from intisari.evaluation.corpus import read_records, to_articles
    from intisari.evaluation.crossval import cross_validate

    corpora = {
        name: to_articles(list(read_records(need(DATA / f"{name}.tune.jsonl"), limit)))
        for name, limit in SUBSET.items()
    }
    return cross_validate(corpora).scores


def test_scores_stay_above_their_floors(measured: dict[str, Any]) -> None:
    if os.environ.get("INTISARI_UPDATE_FLOORS"):
        _update_floors(measured)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    failures = [
        f"{corpus} ({count} takeaways) {metric}: {measured[corpus][count][metric]:.2f} "
        f"< floor {floor:.2f}"
        for corpus, by_count in floors.items()
        for count, metrics in by_count.items()
        for metric, floor in metrics.items()
        if measured[corpus][count][metric] < floor
    ]
    assert not failures, "quality dropped:\n" + "\n".join(failures)


def test_every_takeaway_is_grounded(measured: dict[str, Any]) -> None:
    for by_count in measured.values():
        for scores in by_count.values():
            assert scores["faithfulness"] == 100.0


def test_floors_file_pins_every_corpus_and_full_faithfulness() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    assert set(floors) == set(SUBSET)
    for by_count in floors.values():
        assert set(by_count) == {"3", "auto"}
        for metrics in by_count.values():
            assert set(metrics) == {"rouge1", "rouge2", "rougeLsum", "faithfulness"}
            assert metrics["faithfulness"] == 100.0


def _update_floors(measured: dict[str, Any]) -> None:
    """Rewrite the floors from this run; lowering one needs a stated reason."""
    current = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    old = current.get("floors", {})
    reason = os.environ.get("INTISARI_LOWER_FLOORS", "").strip()
    new: dict[str, dict[str, dict[str, float]]] = {}
    lowered = []
    for corpus, by_count in measured.items():
        for count, scores in by_count.items():
            metrics = {
                m: round(scores[m] - TOLERANCE, 2) for m in ("rouge1", "rouge2", "rougeLsum")
            }
            metrics["faithfulness"] = 100.0
            for metric, value in metrics.items():
                previous = old.get(corpus, {}).get(count, {}).get(metric)
                if previous is not None and value < previous:
                    lowered.append(f"{corpus}/{count}/{metric} {previous} -> {value}")
            new.setdefault(corpus, {})[count] = metrics
    if lowered and not reason:
        pytest.fail(
            "refusing to lower floors without INTISARI_LOWER_FLOORS='<why>': "
            + "; ".join(lowered)
        )
    history = current.get("lowered", [])
    if lowered:
        history.append({"date": datetime.date.today().isoformat(), "reason": reason,
                        "changes": lowered})
    FLOORS.write_text(
        json.dumps(
            {
                "procedure": "5-fold cross-validation (retrained per fold, seed 20240817) on "
                f"the first {SUBSET['indosum']} IndoSum and {SUBSET['cnn']} CNN tune "
                f"articles; floor = score - {TOLERANCE}",
                "floors": new,
                "lowered": history,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
