"""``intisari evaluate`` and ``train``: an output place they cannot write is refused in
one line before the run, whose results a traceback at its end had lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_evaluation_harness import RECORDS
from test_evaluation_pages import folder
from typer.testing import CliRunner

import intisari.evaluation.factcheck
import intisari.evaluation.harness
import intisari.evaluation.pages
from intisari.cli import app


def _file(tmp_path: Path) -> Path:
    (tmp_path / "afile").write_text("in the way\n", encoding="utf-8")
    return tmp_path / "afile"


#: Each place, and what the one line says of it: under a file (NotADirectoryError), an
#: existing file (FileExistsError), a kernel file system (FileNotFoundError), in the
#: new user's report.
BAD_PLACES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "under a file": (lambda tmp: _file(tmp) / "x", "afile is a file, not a folder"),
    "a file": (_file, "afile: it is a file, not a folder"),
    "a kernel file system": (lambda tmp: Path("/proc/nope"), "inside /proc, a kernel file"),
}


def _no_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("the run started before its output place was checked")


@pytest.mark.parametrize("mode", ["data", "pages", "checker"])
@pytest.mark.parametrize("place", list(BAD_PLACES))
def test_evaluate_refuses_a_bad_out_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, place: str
) -> None:
    make, message = BAD_PLACES[place]
    data = tmp_path / "fixture.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    args = {
        "data": [str(data)],
        "pages": ["--pages", str(folder(tmp_path / "pages"))],
        "checker": ["--checker", str(data), "--indosum", str(data)],
    }[mode]
    monkeypatch.setattr(intisari.evaluation.harness, "evaluate_records", _no_run)
    monkeypatch.setattr(intisari.evaluation.pages, "evaluate_pages", _no_run)
    monkeypatch.setattr(intisari.evaluation.factcheck, "evaluate_checker", _no_run)

    result = CliRunner().invoke(app, ["evaluate", *args, "--out", str(make(tmp_path))])

    assert result.exit_code == 2, result.output
    assert result.output.startswith("intisari: error: cannot write ")
    assert message in result.output and result.output.count("\n") == 1


def test_evaluate_makes_a_new_folder_with_its_parents(tmp_path: Path) -> None:
    data = tmp_path / "fixture.jsonl"
    data.write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    out = tmp_path / "new" / "deeper"
    result = CliRunner().invoke(app, ["evaluate", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.md").is_file()


@pytest.mark.parametrize("checker", [False, True])
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: _file(tmp) / "model.json", "afile is a file, not a folder"),
        (lambda tmp: tmp, "it is a folder; name a file"),
        (lambda tmp: tmp / "absent" / "model.json", "absent does not exist"),
        (lambda tmp: Path("/proc/model.json"), "inside /proc, a kernel file"),
    ],
)
def test_train_refuses_a_bad_out_before_reading_its_data(
    tmp_path: Path, checker: bool, make: Callable[[Path], Path], message: str
) -> None:
    flag = ["--checker"] if checker else []
    # --data names no tune files: had the place not been checked first, it said so.
    result = CliRunner().invoke(
        app, ["train", *flag, "--data", str(tmp_path), "--out", str(make(tmp_path))]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output and result.output.count("\n") == 1
