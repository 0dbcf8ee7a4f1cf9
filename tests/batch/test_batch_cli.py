"""``intisari batch`` refuses a job it cannot do with one line and exit status 2, and
takes SIGTERM as Ctrl-C."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_helpers import make_records, write_jsonl
from intisari.batch.cli import _sigterm_as_ctrl_c
from intisari.cli import app


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", make_records(3))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "not both"),
        (["--workers", "0"], "at least 1"),
        (["--partition-size", "0"], "at least 1"),
        (["--count", "9"], "between 1 and 5"),
        (["--format", "csv"], "unknown format"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    tmp_path: Path, source: Path, extra: list[str], message: str
) -> None:
    result = CliRunner().invoke(app, ["batch", str(source), str(tmp_path / "out"), *extra])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_missing_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "no.jsonl"), str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"intisari: error: no such file or folder: {tmp_path}/no.jsonl"


@pytest.mark.parametrize("name", ["out.jsonl", "out"])
def test_an_output_in_a_folder_that_does_not_exist_is_refused(
    tmp_path: Path, source: Path, name: str
) -> None:
    """A mistyped folder had been made, wherever it was (a new user's trial: exit 0 and a
    new /nonexistent-dir/ at the file system's root)."""
    folder = tmp_path / "no-such-folder"
    result = CliRunner().invoke(app, ["batch", str(source), str(folder / name)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"intisari: error: cannot write {folder / name}: the folder {folder} does not exist\n"
    )
    assert not folder.exists()


@pytest.mark.parametrize("name", ["out.csv", "out.json", "OUT.TXT", "out.jsonl.gz"])
def test_an_output_named_as_a_file_batch_does_not_write_is_refused(
    tmp_path: Path, source: Path, name: str
) -> None:
    """``batch in.jsonl out.csv`` quietly made a folder of Parquet parts named out.csv (a
    new user's report): such a name is refused in one line naming the forms taken."""
    result = CliRunner().invoke(app, ["batch", str(source), str(tmp_path / name)])
    assert result.exit_code == 2
    suffix = Path(name).suffix.lower()
    assert result.stderr == (
        f"intisari: error: batch writes no {suffix} file: name an output out.jsonl or "
        f"out.parquet (one file), or a folder (of Parquet or --format jsonl parts), not {name}\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl"]


def test_an_earlier_job_in_the_way_needs_resume(tmp_path: Path, source: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_manifest.json").write_text("{}")
    result = CliRunner().invoke(app, ["batch", str(source), str(tmp_path / "out")])
    assert result.exit_code == 2 and "--resume" in result.stderr


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_an_existing_single_file_is_refused_without_overwrite(
    tmp_path: Path, source: Path, name: str
) -> None:
    earlier = tmp_path / name
    earlier.write_bytes(b"an earlier job's rows")
    result = CliRunner().invoke(app, ["batch", str(source), str(earlier)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"intisari: error: {earlier} exists; add --overwrite to replace it once the new one "
        "is complete, or name another output\n"
    )
    assert earlier.read_bytes() == b"an earlier job's rows"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", name]


def test_sigterm_while_a_job_runs_is_taken_as_ctrl_c_and_the_handler_put_back() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), _sigterm_as_ctrl_c():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)  # not reached: the handler raises at once
    assert signal.getsignal(signal.SIGTERM) is before
