"""The ``intisari batch`` command as users run it, against real Dask processes.

A scheduler and workers started as separate processes on 127.0.0.1 (as ``dask scheduler``
and ``dask worker`` would be on a cluster), workers and the scheduler killed with SIGKILL
mid-run, the client stopped with Ctrl-C (SIGINT) or SIGTERM, then ``--resume``: every
input id ends up in exactly one row. Every process a test starts is stopped by the test.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import pyarrow.parquet as pq
import pytest

from batch_helpers import make_records, read_output, write_jsonl
from data_paths import DATA, need
from intisari.batch.outputs import MANIFEST_NAME

pytestmark = pytest.mark.slow

#: Generous: the machine running the tests may be shared and slow.
STARTUP_TIMEOUT_S = 60
RUN_TIMEOUT_S = 240
POLL_S = 0.02


def _wait_for(
    condition: Callable[[], object], what: str, timeout: float = STARTUP_TIMEOUT_S
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(POLL_S)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child: Ctrl-C with its default action, as a command typed in a terminal has
    it. A test run started in the background by a shell without job control (``cmd &``)
    ignores SIGINT, and every process it starts would inherit that: the client under test
    would never see the Ctrl-C the tests send (it ran on to exit 0, or waited forever for
    the worker killed before it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start a process whose output goes to a log file; all are stopped at the end."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str, log: str, new_session: bool = False) -> subprocess.Popen[bytes]:
        with (tmp_path / log).open("wb") as output:
            process = subprocess.Popen(
                args,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=new_session,
                preexec_fn=_ctrl_c_as_in_a_terminal,
            )
        started.append(process)
        return process

    yield start
    for process in reversed(started):
        _stop(process)


@pytest.fixture
def scheduler(tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]]) -> str:
    """The address of a scheduler process on 127.0.0.1, on a port the OS picked."""
    return _start_scheduler(spawn, tmp_path / "scheduler")[1]


def _start_scheduler(
    spawn: Callable[..., subprocess.Popen[bytes]], name: Path
) -> tuple[subprocess.Popen[bytes], str]:
    """A scheduler process on 127.0.0.1, on a port the OS picked, and its address."""
    info = name.with_suffix(".json")
    process = spawn(
        sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
        "--port", "0", "--no-dashboard", "--scheduler-file", str(info),
        log=name.with_suffix(".log").name,
    )  # fmt: skip
    _wait_for(lambda: info.exists() and info.stat().st_size, "the scheduler")
    return process, json.loads(info.read_text())["address"]


def _start_worker(
    spawn: Callable[..., subprocess.Popen[bytes]], address: str, log: str
) -> subprocess.Popen[bytes]:
    # No nanny: the process killed is the worker itself, and nothing restarts it.
    return spawn(
        sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
        "--no-nanny", "--no-dashboard", "--host", "127.0.0.1", log=log,
    )  # fmt: skip


def _batch(
    spawn: Callable[..., subprocess.Popen[bytes]], *args: str, log: str, new_session: bool = False
) -> subprocess.Popen[bytes]:
    return spawn(sys.executable, "-m", "intisari", "batch", *args, log=log, new_session=new_session)


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet"))


def _assert_parts_are_whole(folder: Path) -> None:
    """Every part visible under its final name holds all the rows of its partition."""
    expected = json.loads((folder / MANIFEST_NAME).read_text())["parts"]
    for part in _parts(folder):
        index = int(part.stem.split("-")[1])
        assert pq.read_metadata(part).num_rows == expected[index]["records"], part.name


def test_killed_worker_and_ctrl_c_then_resume_gives_one_row_per_id(
    tmp_path: Path, scheduler: str, spawn: Callable[..., subprocess.Popen[bytes]]
) -> None:
    records = make_records(600)
    write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out"
    first_worker = _start_worker(spawn, scheduler, "worker-1.log")
    job = ("--scheduler", scheduler, "--partition-size", "10")

    client = _batch(spawn, str(tmp_path / "in.jsonl"), str(out), *job, log="batch-1.log")
    _wait_for(lambda: len(_parts(out)) >= 3, "the first parts", RUN_TIMEOUT_S)
    first_worker.send_signal(signal.SIGKILL)
    first_worker.wait()
    assert len(_parts(out)) < 60, "the worker finished everything before it was killed"
    client.send_signal(signal.SIGINT)  # no worker left: the user gives up with Ctrl-C
    assert client.wait(timeout=RUN_TIMEOUT_S) == 130
    log = (tmp_path / "batch-1.log").read_text()
    # The advice closes the client's own output; a late log line of Dask may follow it.
    assert "--resume" in log and "Traceback" not in log, log
    _assert_parts_are_whole(out)

    _start_worker(spawn, scheduler, "worker-2.log")
    resumed = _batch(
        spawn, str(tmp_path / "in.jsonl"), str(out), *job, "--resume", log="batch-2.log"
    )
    assert resumed.wait(timeout=RUN_TIMEOUT_S) == 0, (tmp_path / "batch-2.log").read_text()

    summary = (tmp_path / "batch-2.log").read_text().splitlines()[-1]
    assert "were done before" in summary and "0 errors" in summary
    rows = read_output(out)
    assert sorted(row["id"] for row in rows) == sorted(record["id"] for record in records)
    assert all(row["error"] is None for row in rows)
    assert not list(out.glob(".*")), "a temporary file was left behind"


def test_a_lost_scheduler_is_one_line_and_resume_on_a_new_cluster_finishes(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]]
) -> None:
    """The scheduler killed mid-run ended the client with ~100 lines of Dask's tracebacks
    and no word of --resume."""
    records = make_records(600)
    write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out"
    first, address = _start_scheduler(spawn, tmp_path / "scheduler-1")
    _start_worker(spawn, address, "worker-1.log")
    job = (str(tmp_path / "in.jsonl"), str(out), "--partition-size", "10")

    client = _batch(spawn, *job, "--scheduler", address, log="batch-1.log")
    _wait_for(lambda: len(_parts(out)) >= 3, "the first parts", RUN_TIMEOUT_S)
    first.kill()
    assert client.wait(timeout=RUN_TIMEOUT_S) == 1, (tmp_path / "batch-1.log").read_text()

    log = (tmp_path / "batch-1.log").read_text()
    said = [line for line in log.splitlines() if line.strip()]  # no progress bar in a log
    assert len(said) == 1, log
    assert said[0].startswith(f"intisari: error: lost the Dask scheduler at {address} with ")
    assert said[0].endswith("run the same command with --resume to do the rest")
    _assert_parts_are_whole(out)

    _, again = _start_scheduler(spawn, tmp_path / "scheduler-2")
    _start_worker(spawn, again, "worker-2.log")
    resumed = _batch(spawn, *job, "--scheduler", again, "--resume", log="batch-2.log")
    assert resumed.wait(timeout=RUN_TIMEOUT_S) == 0, (tmp_path / "batch-2.log").read_text()
    rows = read_output(out)
    assert sorted(row["id"] for row in rows) == sorted(record["id"] for record in records)


def test_a_local_worker_killed_mid_run_is_replaced_and_nothing_is_lost(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]]
) -> None:
    records = make_records(600)
    write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"

    client = _batch(
        spawn, str(tmp_path / "in.jsonl"), str(out), "--workers", "2", "--partition-size", "10",
        log="batch.log",
    )  # fmt: skip
    _wait_for(lambda: len(list(parts.glob("part-*"))) >= 2, "the first parts", RUN_TIMEOUT_S)
    workers = [
        child
        for child in psutil.Process(client.pid).children()
        if "spawn_main" in " ".join(child.cmdline())
    ]
    assert len(workers) == 2
    os.kill(workers[0].pid, signal.SIGKILL)  # the nanny starts a new one; tasks move

    assert client.wait(timeout=RUN_TIMEOUT_S) == 0, (tmp_path / "batch.log").read_text()
    rows = read_output(out)
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    assert all("error" not in row for row in rows)
    assert not parts.exists()


#: A job of partitions of 10 on a local cluster of two workers, as the interrupted runs use.
LOCAL_JOB = ("--workers", "2", "--partition-size", "10")


def _interrupted(
    tmp_path: Path,
    spawn: Callable[..., subprocess.Popen[bytes]],
    interrupt: Callable[[subprocess.Popen[bytes]], None],
    status: int,
) -> tuple[list[dict[str, Any]], Path, str]:
    """A job of 400 records on a local cluster, ``interrupt``-ed once two parts are
    written: it must end with ``status``, its workers with it, its parts whole. Its
    records, its output and its log."""
    records = make_records(400)
    write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out"
    client = _batch(
        spawn, str(tmp_path / "in.jsonl"), str(out), *LOCAL_JOB, log="batch-1.log",
        new_session=True,
    )
    _wait_for(lambda: len(_parts(out)) >= 2, "the first parts", RUN_TIMEOUT_S)
    children = psutil.Process(client.pid).children(recursive=True)
    interrupt(client)
    assert client.wait(timeout=RUN_TIMEOUT_S) == status
    log = (tmp_path / "batch-1.log").read_text()
    _wait_for(lambda: not any(child.is_running() for child in children), "the workers to end")
    _assert_parts_are_whole(out)
    return records, out, log


def _resumed(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]], out: Path
) -> list[dict[str, Any]]:
    """The rows of ``out`` once the same job, run with ``--resume``, has finished."""
    resumed = _batch(
        spawn, str(tmp_path / "in.jsonl"), str(out), *LOCAL_JOB, "--resume", log="batch-2.log"
    )
    assert resumed.wait(timeout=RUN_TIMEOUT_S) == 0, (tmp_path / "batch-2.log").read_text()
    return read_output(out)


def test_ctrl_c_on_a_local_cluster_keeps_whole_parts_and_resume_finishes(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]]
) -> None:
    def ctrl_c(client: subprocess.Popen[bytes]) -> None:
        os.killpg(client.pid, signal.SIGINT)  # as a terminal does: every process of the job

    records, out, log = _interrupted(tmp_path, spawn, ctrl_c, 130)
    assert "Traceback" not in log and "ERROR" not in log, log

    rows = _resumed(tmp_path, spawn, out)
    assert sorted(row["id"] for row in rows) == sorted(record["id"] for record in records)
    assert all(row["error"] is None for row in rows)


@pytest.mark.parametrize("whom", ["client", "group"])
def test_sigterm_is_stopped_as_ctrl_c_is_and_resume_finishes(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]], whom: str
) -> None:
    """``kill``, systemd, Kubernetes and ``timeout`` send SIGTERM (to the client, or to its
    whole process group): the job ended with exit 143 and no word of --resume."""

    def terminate(client: subprocess.Popen[bytes]) -> None:
        if whom == "group":
            os.killpg(client.pid, signal.SIGTERM)
        else:
            client.send_signal(signal.SIGTERM)

    records, out, log = _interrupted(tmp_path, spawn, terminate, 143)
    said = [line for line in log.splitlines() if line.strip()]  # no progress bar in a log
    assert said == [
        "intisari: interrupted; finished partitions are kept: run the same command with "
        "--resume to do the rest"
    ], log

    rows = _resumed(tmp_path, spawn, out)
    assert sorted(row["id"] for row in rows) == sorted(record["id"] for record in records)


@pytest.mark.parametrize("name", ["out", "out.jsonl"])
def test_two_runs_on_one_output_at_once_one_is_refused_and_nothing_mixes(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]], name: str
) -> None:
    """Two jobs started together on one output (two cron runs that overlap): both exited 0
    and the output held the first one's manifest with the second one's rows."""
    jobs = {"a": make_records(200, prefix="a"), "b": make_records(300, prefix="b")}
    sources = {prefix: write_jsonl(tmp_path / f"{prefix}.jsonl", jobs[prefix]) for prefix in jobs}
    out = tmp_path / name

    job = ("--workers", "1", "--partition-size", "10")
    clients = {
        prefix: _batch(spawn, str(source), str(out), *job, log=f"{prefix}.log")
        for prefix, source in sources.items()
    }

    codes = {prefix: client.wait(timeout=RUN_TIMEOUT_S) for prefix, client in clients.items()}
    logs = {prefix: (tmp_path / f"{prefix}.log").read_text() for prefix in jobs}
    assert sorted(codes.values()) == [0, 2], logs
    winner = next(prefix for prefix, code in codes.items() if code == 0)
    loser = next(prefix for prefix in jobs if prefix != winner)
    # "(process N on HOST)" unless the winner had yet to write it into the lock file
    assert logs[loser].startswith(f"intisari: error: {out} is being written by another run")
    assert len(logs[loser].splitlines()) == 1, logs[loser]
    rows = read_output(out)
    assert [row["id"] for row in rows] == [record["id"] for record in jobs[winner]]
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("out")) == [
        name
    ]
    if out.is_dir():
        assert not list(out.glob(".*")), "the lock file was left behind"


@pytest.mark.data
def test_the_tune_file_jsonl_to_jsonl_keeps_every_id_in_order(
    tmp_path: Path, spawn: Callable[..., subprocess.Popen[bytes]]
) -> None:
    source = need(DATA / "indosum.tune.jsonl")
    out = tmp_path / "out.jsonl"

    client = _batch(spawn, str(source), str(out), log="batch.log")

    assert client.wait(timeout=RUN_TIMEOUT_S) == 0, (tmp_path / "batch.log").read_text()
    with source.open(encoding="utf-8") as lines:
        expected = [json.loads(line)["id"] for line in lines]
    rows = read_output(out)
    assert len(expected) == 2712 and [row["id"] for row in rows] == expected
    summary = (tmp_path / "batch.log").read_text().splitlines()[-1]
    # "2712 articles in, ... in 10.5 s (2.6 s of start-up, then 388 articles/s, ...": the
    # rate leaves the local cluster's start-up out (it was 2712 over the 10.5 s, 258).
    figures = re.fullmatch(
        r"2712 articles in, .* in ([\d.]+) s \(([\d.]+) s of start-up, then (\d+) articles/s, .*",
        summary,
    )
    assert figures is not None, summary
    whole, startup, rate = (float(figure) for figure in figures.groups())
    # 0.1 s: the two figures are rounded to a tenth.
    assert startup > 0 and rate > 2712 / (whole - startup + 0.1)
