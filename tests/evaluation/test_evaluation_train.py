"""``intisari train``: refuses missing data in one line; reproduces the shipped model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from data_paths import DATA, TRAINING_TIMEOUT_S, need
from intisari.cli import app
from intisari.ranking.learned import MODEL_PATH


def test_missing_data_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.timeout(TRAINING_TIMEOUT_S)
def test_train_reproduces_the_shipped_model(tmp_path: Path) -> None:
    need(DATA / "indosum.tune.jsonl")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(app, ["train", "--data", str(DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    rebuilt = json.loads(out.read_text(encoding="utf-8"))
    # Same data, same seed, same code: the same file, every part of it (networks' layers,
    # biases, input means and scales, the box sizers, the word rates, the provenance), up
    # to float rounding across BLAS builds. If this fails after a change to cleaning,
    # segmentation or features, run `intisari train` and commit the new model with it.
    differences = _differences(rebuilt, shipped)
    assert not differences, f"{len(differences)} differences, first: {differences[:5]}"


#: Float tolerance between a rebuilt and the shipped model (BLAS builds differ slightly).
TOLERANCE = 1e-3


def _differences(ours: Any, theirs: Any, where: str = "model") -> list[str]:
    """Where two JSON values differ: keys, lengths, types, or numbers beyond ``TOLERANCE``."""
    if isinstance(theirs, dict) and isinstance(ours, dict):
        found = [f"{where}: keys {sorted(ours.keys() ^ theirs.keys())[:5]} in one only"
                 ] if ours.keys() != theirs.keys() else []
        for key in ours.keys() & theirs.keys():
            found += _differences(ours[key], theirs[key], f"{where}/{key}")
        return found
    if isinstance(theirs, list) and isinstance(ours, list):
        if len(ours) != len(theirs):
            return [f"{where}: {len(ours)} items, shipped {len(theirs)}"]
        return [d for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
                for d in _differences(a, b, f"{where}[{i}]")]
    numbers = (int, float)
    if isinstance(theirs, numbers) and isinstance(ours, numbers) and not isinstance(
        theirs, bool
    ):
        close = np.isclose(ours, theirs, rtol=TOLERANCE, atol=TOLERANCE)
        return [] if close else [f"{where}: {ours} != shipped {theirs}"]
    return [] if ours == theirs else [f"{where}: {ours!r} != shipped {theirs!r}"]
