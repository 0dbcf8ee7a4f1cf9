"""``intisari train``: refuses missing data in one line; reproduces the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from data_paths import DATA, need
from intisari.cli import app
from intisari.ranking.learned import MODEL_PATH


def test_missing_data_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


@pytest.mark.data
@pytest.mark.slow
def test_train_reproduces_the_shipped_model(tmp_path: Path) -> None:
    need(DATA / "indosum.tune.jsonl")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(app, ["train", "--data", str(DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    rebuilt = json.loads(out.read_text(encoding="utf-8"))
    assert rebuilt["provenance"] == shipped["provenance"]
    # Same data, same seed, same code: the same networks (up to float rounding across
    # BLAS builds). If this fails after a change to cleaning, segmentation or features,
    # run `intisari train` and commit the new model with the change.
    for code, network in shipped["networks"].items():
        for ours, theirs in zip(rebuilt["networks"][code]["layers"], network["layers"],
                                strict=True):
            assert np.allclose(ours["weights"], theirs["weights"], atol=1e-3), code
