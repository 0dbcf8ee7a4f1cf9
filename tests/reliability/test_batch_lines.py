"""A batch gives exactly one row per input line whatever the line holds, in flat memory,
and refuses an output it cannot write with one line.

Issue 10: a 1 MB ``.jsonl.gz`` holding 1 GiB of zeros and no newline peaked at 2.3 GiB in
one worker (item 3); a 100,000-deep nested JSON line raised ``RecursionError`` and lost
its whole partition, on every ``--resume`` too (item 4); an output under a regular file,
/proc or /sys was a traceback and exit 1 (item 10).
"""

from __future__ import annotations

import gzip
import json
import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from batch_helpers import make_records, read_output
from intisari.batch.inputs import DEFAULT_MAX_LINE_BYTES, find_inputs, plan_partitions
from intisari.batch.outputs import Output
from intisari.batch.run import run_batch
from intisari.batch.work import summarize_partition
from intisari.cli import app as cli

MIB = 1024 * 1024
#: A small line cap, so that the tests write megabytes, not gigabytes.
SMALL_CAP = MIB


def _zeros_gz(path: Path, lines: list[bytes | int]) -> Path:
    """A gzip file of ``lines``: bytes as they are, an int as that many zero bytes."""
    with gzip.open(path, "wb", compresslevel=1) as stream:
        for line in lines:
            if isinstance(line, int):
                for _ in range(line // MIB):
                    stream.write(bytes(MIB))
            else:
                stream.write(line)
    return path


def _record_line(record: dict[str, Any]) -> bytes:
    return json.dumps(record).encode() + b"\n"


def _summarize_all(source: Path, output: Output, **plan: Any) -> None:
    """Every partition, in this process, as a Dask worker would."""
    for partition in plan_partitions(find_inputs(str(source)), **plan).partitions:
        summarize_partition(partition, output)


# Item 3: long lines ---------------------------------------------------------------------


def test_an_over_long_line_is_its_own_error_row_and_the_rest_go_on(tmp_path: Path) -> None:
    good = make_records(2)
    source = _zeros_gz(
        tmp_path / "in.jsonl.gz",
        [_record_line(good[0]), 8 * MIB, b"\n", _record_line(good[1]), 3 * MIB],  # no newline
    )
    output = Output.at(tmp_path / "out", "jsonl")
    output.parts_dir.mkdir()

    _summarize_all(source, output, partition_size=2, max_line_bytes=SMALL_CAP)

    rows = read_output(tmp_path / "out")
    assert [row["source_row"] for row in rows] == [1, 2, 3, 4]
    assert [row["id"] for row in rows] == ["art-00000", None, "art-00001", None]
    assert rows[1]["error"] == f"line is {8 * MIB + 1:,} bytes, over the limit of {SMALL_CAP:,}"
    assert rows[3]["error"].startswith(f"line is {3 * MIB:,} bytes")
    assert rows[0]["takeaways"] and rows[2]["takeaways"]


#: Plans and summarizes a file in a fresh process, and prints its peak memory before and
#: after (ru_maxrss never goes down, so "after" is the peak of the whole job).
_MEASURE = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from intisari.batch.inputs import DEFAULT_MAX_LINE_BYTES, find_inputs, plan_partitions
    from intisari.batch.outputs import Output
    from intisari.batch.work import summarize_partition
    from intisari.pipeline import summarize_record

    source, target, cap, warm_up = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    for record in (json.loads(warm_up), {"text": "x"}):  # the engine loads what it needs
        summarize_record(record)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    output = Output.at(target, "jsonl")
    output.parts_dir.mkdir()
    for partition in plan_partitions(find_inputs(source), max_line_bytes=cap).partitions:
        summarize_partition(partition, output)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"before_kib": before, "after_kib": after}))
    """
)


def _peak_growth_mib(source: Path, target: Path, cap: int) -> float:
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(source), str(target), str(cap),
         json.dumps(make_records(1)[0])],
        capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    figures = json.loads(measured.stdout.splitlines()[-1])
    return (figures["after_kib"] - figures["before_kib"]) / 1024


def test_a_line_of_256_mib_of_zeros_leaves_memory_flat(tmp_path: Path) -> None:
    source = _zeros_gz(tmp_path / "zeros.jsonl.gz", [_record_line(make_records(1)[0]), 256 * MIB])
    assert source.stat().st_size < 2 * MIB  # a small file that unpacks to a huge line
    assert _peak_growth_mib(source, tmp_path / "out", SMALL_CAP) < 16
    assert len(read_output(tmp_path / "out")) == 2


@pytest.mark.slow
def test_a_gigabyte_line_with_the_default_cap_leaves_memory_flat(tmp_path: Path) -> None:
    # The default cap (20 MB, the largest record the engine can take): the line is still
    # read past in pieces, never whole. Before, this file peaked at 2.3 GiB.
    source = _zeros_gz(tmp_path / "zeros.jsonl.gz", [1024 * MIB])
    assert _peak_growth_mib(source, tmp_path / "out", DEFAULT_MAX_LINE_BYTES) < 32
    assert read_output(tmp_path / "out")[0]["error"].startswith(f"line is {1024 * MIB:,} bytes")


# Item 4: whatever a line holds ----------------------------------------------------------

#: Lines that each broke something, with a record before and after them.
ODD_LINES = [
    b"[" * 100_000,
    b'{"id": "deep", "text": ' + b"[" * 100_000 + b"\n",
    b'{"id": ' + b"1" * 5000 + b', "text": "x"}',
    b'{"id": ' + b"[" * 990 + b"]" * 990 + b', "text": "Berita."}',
    b"\xff\xfe not UTF-8",
    b"NaN",
    b'{"text": "Dua kata.", "count": 1e400}',
]


def _odd_file(path: Path) -> tuple[Path, int]:
    good = make_records(len(ODD_LINES) + 1)
    lines = [_record_line(good[0])]
    for record, odd in zip(good[1:], ODD_LINES, strict=True):
        lines += [odd.rstrip(b"\n") + b"\n", _record_line(record)]
    path.write_bytes(b"".join(lines))
    return path, len(lines)


def test_every_line_gives_exactly_one_row_whatever_it_holds(tmp_path: Path) -> None:
    source, count = _odd_file(tmp_path / "in.jsonl")
    output = Output.at(tmp_path / "out", "jsonl")
    output.parts_dir.mkdir()

    _summarize_all(source, output, partition_size=4)

    rows = read_output(tmp_path / "out")
    assert [row["source_row"] for row in rows] == list(range(1, count + 1))
    odd = rows[1::2]
    assert all(row.get("error") for row in odd), odd
    assert "nested too deeply" in odd[0]["error"] and "nested too deeply" in odd[1]["error"]
    assert all(row.get("takeaways") for row in rows[0::2])


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:  # fmt: skip
        yield cluster.scheduler_address


@pytest.mark.slow
def test_resume_redoes_a_partition_of_odd_lines(tmp_path: Path, local_cluster: str) -> None:
    source, count = _odd_file(tmp_path / "in.jsonl")
    job = {"scheduler": local_cluster, "partition_size": 4, "progress": False, "fmt": "jsonl"}
    first = run_batch(source, tmp_path / "out", **job)
    assert first.complete and first.records == count
    (tmp_path / "out" / "part-000000.jsonl").unlink()  # as if the job had died there

    again = run_batch(source, tmp_path / "out", resume=True, **job)

    assert again.complete and again.records == 4
    rows = read_output(tmp_path / "out")
    assert sorted(row["source_row"] for row in rows) == list(range(1, count + 1))


# Item 10: outputs that cannot be -------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["{file}/out.jsonl", "{file}/out", "{file}/deeper/out.parquet", "/proc/intisari-out",
     "/proc/self/out.jsonl", "/sys/intisari-out", "/sys/kernel/out.jsonl"],
)
def test_an_output_that_cannot_be_is_one_line_and_exit_2(tmp_path: Path, where: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_record_line(make_records(1)[0]))
    target = where.format(file=source)

    result = CliRunner().invoke(cli, ["batch", str(source), target])

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("intisari: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert not Path(target).exists()
