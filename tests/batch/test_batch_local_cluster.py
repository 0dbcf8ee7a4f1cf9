"""Whole batches on a real ``distributed.LocalCluster``: one row per record, resumable."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from batch_helpers import make_records, read_output, write_jsonl, write_parquet
from intisari.batch.errors import BatchError
from intisari.batch.outputs import Output, claim
from intisari.batch.run import BatchOutcome, rate_text, run_batch
from intisari.options import Options
from intisari.pipeline import summarize_record


def explode_on_boom(record: dict[str, Any], options: Options) -> dict[str, Any]:
    """The real engine, except that it crashes on one article (an engine bug, say)."""
    if record.get("id") == "boom":
        raise RuntimeError("kaboom")
    return summarize_record(record, options)


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    """The address of a real two-worker ``distributed.LocalCluster``, shared by this module."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


def half_write_where_told(record: dict[str, Any], options: Options) -> dict[str, Any]:
    """The real engine, except that a record that says so first leaves a half-written file
    where it says, as a worker killed while writing a part does (its task runs again)."""
    if "leftover" in record:
        Path(record["leftover"]).write_bytes(b"PAR1 and no more")
    return summarize_record(record, options)


def unwritable_row_for_bad(record: dict[str, Any], options: Options) -> dict[str, Any]:
    """An engine bug that no row can hold: the whole partition fails to be written."""
    if record.get("id") == "bad":
        return {"id": "bad", "error": object()}
    return summarize_record(record, options)


def _ids(rows: list[dict[str, Any]]) -> list[str | None]:
    return [row["id"] for row in rows]


def _run_with_a_failed_partition(
    tmp_path: Path, local_cluster: str, out: str, records: list[dict[str, Any]] | None = None
) -> tuple[BatchOutcome, dict[str, Any]]:
    """A job of 30 records (``records``, else made) in partitions of 10 whose second one
    fails (record 15's row is one no part can hold), run once into ``tmp_path / out``:
    its outcome, and the job's options for a ``--resume``."""
    records = records or make_records(30)
    records[14]["id"] = "bad"
    write_jsonl(tmp_path / "in.jsonl", records)
    job = {"scheduler": local_cluster, "partition_size": 10, "progress": False}
    report = run_batch(tmp_path / "in.jsonl", tmp_path / out, **job,
                       summarize=unwritable_row_for_bad)  # fmt: skip
    return report, job


def test_every_record_becomes_exactly_one_row_even_a_broken_one(
    tmp_path: Path, local_cluster: str
) -> None:
    good = make_records(45)
    lines: list[Any] = [*good[:20], '{"id": "cut-short", "text": "Sebuah', {"id": "no-text"}]
    lines += [*good[20:], ""]
    write_jsonl(tmp_path / "in.jsonl", lines)

    report = run_batch(
        tmp_path / "in.jsonl", tmp_path / "out", scheduler=local_cluster,
        partition_size=10, progress=False,
    )  # fmt: skip

    rows = read_output(tmp_path / "out")
    assert len(rows) == 47 and report.records == 47
    assert (report.summaries, report.errors, report.complete) == (45, 2, True)
    ids = [row_id for row_id in _ids(rows) if row_id is not None]
    assert len(ids) == len(set(ids)) == 46
    broken = next(row for row in rows if row["source_row"] == 21)
    assert broken["id"] is None and broken["error"].startswith("not a JSON object")
    assert "none of text" in next(row for row in rows if row["id"] == "no-text")["error"]
    summaries = [row for row in rows if row["error"] is None]
    assert all(row["takeaways"] and row["engine_version"] for row in summaries)
    assert _ids(summaries) == [record["id"] for record in good]  # input order kept


def test_an_engine_crash_on_one_article_costs_only_that_article(
    tmp_path: Path, local_cluster: str
) -> None:
    records = make_records(6)
    records[3]["id"] = "boom"
    write_jsonl(tmp_path / "in.jsonl", records)

    report = run_batch(
        tmp_path / "in.jsonl", tmp_path / "out.jsonl", scheduler=local_cluster,
        summarize=explode_on_boom, progress=False,
    )  # fmt: skip

    rows = read_output(tmp_path / "out.jsonl")
    assert _ids(rows) == [record["id"] for record in records]
    assert rows[3]["error"] == "engine failure: RuntimeError: kaboom"
    assert report.errors == 1 and report.complete


@pytest.mark.parametrize("kind", ["jsonl.gz", "parquet"])
def test_gzip_and_parquet_inputs(tmp_path: Path, local_cluster: str, kind: str) -> None:
    records = make_records(25)
    if kind == "parquet":
        write_parquet(tmp_path / "in.parquet", records, row_group_size=7)
    else:
        write_jsonl(tmp_path / "in.jsonl.gz", records, gzipped=True)

    run_batch(
        tmp_path / f"in.{kind}", tmp_path / "out.jsonl", scheduler=local_cluster,
        partition_size=10, progress=False,
    )  # fmt: skip

    rows = read_output(tmp_path / "out.jsonl")
    assert _ids(rows) == [record["id"] for record in records]
    assert all(row["source_file"] == f"in.{kind}" for row in rows)
    assert [row["source_row"] for row in rows] == list(range(1, 26))


def test_a_folder_of_mixed_files_into_parquet_without_text(
    tmp_path: Path, local_cluster: str
) -> None:
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", make_records(8, prefix="a"))
    write_parquet(tmp_path / "in" / "b.parquet", make_records(8, prefix="b"), 3)

    run_batch(
        tmp_path / "in", tmp_path / "out", scheduler=local_cluster, include_text=False,
        partition_size=5, progress=False,
    )  # fmt: skip

    rows = read_output(tmp_path / "out")
    assert len(rows) == 16 and len(set(_ids(rows))) == 16
    assert "text" not in rows[0] and rows[0]["takeaways"]


def test_resume_redoes_only_the_missing_parts(tmp_path: Path, local_cluster: str) -> None:
    records = make_records(30)
    write_jsonl(tmp_path / "in.jsonl", records)
    run_batch(
        tmp_path / "in.jsonl", tmp_path / "out", scheduler=local_cluster,
        partition_size=10, progress=False,
    )  # fmt: skip
    lost = tmp_path / "out" / "part-000001.parquet"
    lost.unlink()  # as if the job had died before writing it

    report = run_batch(
        tmp_path / "in.jsonl", tmp_path / "out", scheduler=local_cluster, resume=True,
        partition_size=10, progress=False,
    )  # fmt: skip

    assert (report.skipped_partitions, report.records) == (2, 10)
    assert sorted(_ids(read_output(tmp_path / "out"))) == sorted(r["id"] for r in records)
    assert "2 of 3 partitions (20 articles) were done before" in report.line()


def test_resume_refuses_a_different_input(tmp_path: Path, local_cluster: str) -> None:
    write_jsonl(tmp_path / "in.jsonl", make_records(5))
    run_batch(tmp_path / "in.jsonl", tmp_path / "out", scheduler=local_cluster, progress=False)
    write_jsonl(tmp_path / "in.jsonl", make_records(6))

    with pytest.raises(BatchError, match="different input"):
        run_batch(
            tmp_path / "in.jsonl", tmp_path / "out", scheduler=local_cluster, resume=True,
            progress=False,
        )  # fmt: skip


def test_an_output_inside_the_input_folder_is_never_read_as_input(
    tmp_path: Path, local_cluster: str
) -> None:
    (tmp_path / "data").mkdir()
    write_jsonl(tmp_path / "data" / "in.jsonl", make_records(5))

    for again in (False, True):
        report = run_batch(
            tmp_path / "data", tmp_path / "data" / "out.jsonl", scheduler=local_cluster,
            overwrite=again, progress=False,
        )  # fmt: skip
        assert report.records == 5
    (tmp_path / "data" / "out.jsonl").unlink()
    run_batch(tmp_path / "data", tmp_path / "data" / "out", scheduler=local_cluster, progress=False)
    again = run_batch(
        tmp_path / "data", tmp_path / "data" / "out", scheduler=local_cluster, resume=True,
        progress=False,
    )  # fmt: skip
    assert (again.records, again.skipped_records) == (0, 5)


def test_a_failed_partition_is_reported_and_resume_redoes_it(
    tmp_path: Path, local_cluster: str
) -> None:
    records = make_records(30)
    report, job = _run_with_a_failed_partition(tmp_path, local_cluster, "out.jsonl", records)

    assert not report.complete and report.records == 20
    assert len(report.failed) == 1 and report.failed[0].startswith("part 1 (in.jsonl from row 11)")
    assert "--resume" in report.line()
    assert not (tmp_path / "out.jsonl").exists()  # not joined while a part is missing

    again = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", **job, resume=True)

    assert again.complete and (again.records, again.skipped_records) == (10, 20)
    assert _ids(read_output(tmp_path / "out.jsonl")) == [record["id"] for record in records]


def test_a_run_that_ends_well_leaves_no_half_written_part(
    tmp_path: Path, local_cluster: str
) -> None:
    records = make_records(20)
    records[15]["leftover"] = str(tmp_path / "out" / f".part-000001.parquet.{'0' * 32}.tmp")
    write_jsonl(tmp_path / "in.jsonl", records)

    report = run_batch(
        tmp_path / "in.jsonl", tmp_path / "out", scheduler=local_cluster, partition_size=10,
        summarize=half_write_where_told, progress=False,
    )  # fmt: skip

    assert report.complete
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "_manifest.json", "part-000000.parquet", "part-000001.parquet",
    ]  # fmt: skip


def test_resume_leaves_no_temporary_file_of_a_join_that_was_killed(
    tmp_path: Path, local_cluster: str
) -> None:
    _, job = _run_with_a_failed_partition(tmp_path, local_cluster, "out.jsonl")
    (tmp_path / f".out.jsonl.{'0123abcd' * 4}.tmp").write_bytes(b'{"id": "art-0')  # killed

    again = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", **job, resume=True)

    assert again.complete
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_resume_is_refused_while_another_run_writes_the_output(
    tmp_path: Path, local_cluster: str
) -> None:
    _, job = _run_with_a_failed_partition(tmp_path, local_cluster, "out.jsonl")
    parts = sorted((tmp_path / "out.jsonl.parts").iterdir())
    lock = tmp_path / "out.jsonl.parts" / ".lock"

    with claim(Output.at(tmp_path / "out.jsonl")):  # the first run, resumed elsewhere
        with pytest.raises(BatchError, match="being written by another run"):
            run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", **job, resume=True)
        assert sorted(set((tmp_path / "out.jsonl.parts").iterdir()) - {lock}) == parts

    again = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl", **job, resume=True)
    assert again.complete and (again.records, again.skipped_records) == (10, 20)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_the_cli_sizes_each_box_as_summarize_does_unless_told(
    tmp_path: Path, local_cluster: str
) -> None:
    """`intisari batch` without --count gives each article the box `summarize` (and the
    API) gives it; it used to give every article 3. An explicit count still wins."""
    from typer.testing import CliRunner

    from intisari import summarize
    from intisari.cli import app

    records = make_records(6)
    write_jsonl(tmp_path / "in.jsonl", records)
    runner = CliRunner()
    result = runner.invoke(
        app, ["batch", str(tmp_path / "in.jsonl"), str(tmp_path / "auto.jsonl"),
              "--scheduler", local_cluster],
    )
    assert result.exit_code == 0, result.output
    rows = read_output(tmp_path / "auto.jsonl")
    expected = [
        [t.text for t in summarize(text=r["text"], title=r.get("title")).takeaways]
        for r in records
    ]
    assert [[t["text"] for t in row["takeaways"]] for row in rows] == expected
    assert any(len(box) != 3 for box in expected)  # the fixture tells sizing from 3
    result = runner.invoke(
        app, ["batch", str(tmp_path / "in.jsonl"), str(tmp_path / "two.jsonl"),
              "--scheduler", local_cluster, "--count", "2"],
    )
    assert result.exit_code == 0, result.output
    assert all(len(row["takeaways"]) == 2 for row in read_output(tmp_path / "two.jsonl"))


def _balloon(mib: int) -> int:
    """Run on a worker: hold ``mib`` MiB for a moment, as an earlier job on a shared
    cluster might have, then let it go; the worker's pid."""
    import os

    held = b"\x01" * (mib * 2**20)
    del held
    return os.getpid()


def test_on_a_shared_cluster_the_line_tells_this_jobs_workers_and_memory(
    tmp_path: Path, local_cluster: str
) -> None:
    """On a long-lived cluster (--scheduler), the line gave the workers' peak memory since
    they started (an earlier job's) and every worker of the cluster, read once, as this
    job's (an operator's trial, F8)."""
    from distributed import Client

    with Client(local_cluster) as client:
        client.run(_balloon, 400)
    write_jsonl(tmp_path / "in.jsonl", make_records(4))

    report = run_batch(
        tmp_path / "in.jsonl", tmp_path / "out.jsonl", scheduler=local_cluster,
        partition_size=10, progress=False,
    )  # fmt: skip

    assert report.workers == 1  # one partition: one of the cluster's two workers took part
    assert 0 < report.peak_worker_rss_bytes < 400 * 2**20 and report.peak_of_this_run
    assert ", 1 worker, peak worker memory " in report.line()
    # The rate is over the summarizing alone: reaching the scheduler is said apart.
    assert report.startup_seconds is not None and report.summarizing_seconds > 0
    assert report.startup_seconds + report.summarizing_seconds < report.seconds
    assert (f"s of start-up, then {rate_text(report.records, report.summarizing_seconds)}"
            in report.line())  # fmt: skip


def test_ids_given_twice_are_found_across_runs_and_every_row_kept(
    tmp_path: Path, local_cluster: str
) -> None:
    """Two rows with one id passed without a word, and a join downstream broke (F10). A
    repeat is found even when its first row was written by an earlier run (--resume)."""
    records = make_records(30)
    records[25]["id"] = records[2]["id"]  # part 2 repeats part 0
    records[16]["id"] = records[17]["id"] = "twice-in-part-1"
    first, job = _run_with_a_failed_partition(tmp_path, local_cluster, "out", records)
    assert first.duplicates is not None and first.duplicates.ids == 1  # part 1 not written

    again = run_batch(tmp_path / "in.jsonl", tmp_path / "out", **job, resume=True)

    assert again.complete and again.duplicates is not None
    assert (again.duplicates.ids, again.duplicates.rows) == (2, 4)
    assert again.line().endswith(
        '; 2 ids are on more than one row (4 rows, all kept): "art-00002" (in.jsonl:3, '
        'in.jsonl:26), "twice-in-part-1" (in.jsonl:17, in.jsonl:18)'
    )
    assert _ids(read_output(tmp_path / "out")) == [record["id"] for record in records]
