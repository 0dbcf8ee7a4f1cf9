"""Quality gate of the checker: cross-validated SummEval figures and the Indonesian
changed-fact set must not fall below the floors in ``checker_floors.json``, and
``intisari train --checker`` must rebuild the shipped model byte for byte.

The figures are those ``intisari evaluate --checker`` prints (README, "Checking a
summary"). Raising a floor is a normal commit; lowering one needs the reason in the
commit message and in the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from data_paths import DATA, need
from intisari.checking.model import CHECKER_MODEL_PATH
from intisari.cli import app
from intisari.evaluation.factcheck import CheckerEvaluation, evaluate_checker

FLOORS = json.loads(Path(__file__).with_name("checker_floors.json").read_text())["floors"]

pytestmark = [pytest.mark.data, pytest.mark.slow]


@pytest.fixture(scope="module")
def measured() -> CheckerEvaluation:
    return evaluate_checker(
        need(DATA / "factcheck" / "summeval.jsonl"), need(DATA / "indosum.tune.jsonl")
    )


def test_summeval_figures_stay_above_their_floors(measured: CheckerEvaluation) -> None:
    auc, balanced = measured.summeval.rows["intisari checker"]
    assert auc >= FLOORS["summeval_auc"]
    assert balanced >= FLOORS["summeval_balanced_accuracy"]


def test_changed_facts_are_caught_and_real_sentences_accepted(
    measured: CheckerEvaluation,
) -> None:
    changed = measured.changed
    assert changed is not None
    assert changed.recall >= FLOORS["changed_recall"]
    assert changed.acceptance("unchanged") >= FLOORS["unchanged_acceptance"]
    assert changed.acceptance("paraphrase") >= FLOORS["paraphrase_acceptance"]
    # Every kind of change is in the set, each with enough cases to mean something.
    for kind in ("number", "name", "date", "negation", "actor"):
        assert changed.rows[kind]["n"] >= 50


def test_train_checker_rebuilds_the_shipped_model(tmp_path: Path) -> None:
    need(DATA / "factcheck" / "summeval.jsonl")
    target = tmp_path / "model.json"
    result = CliRunner().invoke(
        app, ["train", "--checker", "--data", str(DATA), "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == CHECKER_MODEL_PATH.read_bytes()
