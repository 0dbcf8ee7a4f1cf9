"""The client side of a batch, in-process: what an interrupted run, or one that lost its
scheduler, leaves on stderr."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import resource
import socket
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from distributed.client import AllExit, FutureCancelledError
from distributed.comm.core import CommClosedError

from batch_helpers import make_records, read_output, write_jsonl
from intisari.batch.errors import SchedulerLost
from intisari.batch.inputs import find_inputs, plan_partitions
from intisari.batch.outputs import Output
from intisari.batch.run import (
    BatchOutcome,
    _quiet_interrupted_gathers,
    _quiet_lost_scheduler,
    _scheduler_loss_told,
    rate_text,
)
from intisari.batch.work import PartitionStats, summarize_partition
from intisari.llm.config import LlmConfig
from intisari.options import Options
from llm_servers import free_port, unique_url


def _abandon_failing_task(error: Exception) -> None:
    """Let a task fail with ``error`` that nobody awaits, as Ctrl-C leaves Dask's gather."""

    async def fail() -> None:
        raise error

    async def main() -> None:
        task = asyncio.ensure_future(fail())
        await asyncio.sleep(0)
        del task

    asyncio.run(main())
    gc.collect()


def test_an_interrupted_gather_leaves_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    _quiet_interrupted_gathers()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        _abandon_failing_task(AllExit())
    assert not [r for r in caplog.records if r.name == "asyncio"]


def test_other_abandoned_task_errors_are_still_logged(caplog: pytest.LogCaptureFixture) -> None:
    _quiet_interrupted_gathers()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        _abandon_failing_task(ValueError("a real fault"))
    assert any("never retrieved" in r.getMessage() for r in caplog.records)


def _client(status: str) -> Any:
    return cast(Any, SimpleNamespace(status=status, scheduler=SimpleNamespace(address="tcp://s:1")))


@pytest.mark.parametrize(
    ("status", "error"),
    [
        ("running", FutureCancelledError("part-1", "scheduler-connection-lost")),
        ("closed", OSError("Timed out trying to connect to tcp://s:1 after 10 s")),
        ("connecting", ConnectionError("the client's scheduler connection is connecting")),
        # Dask's closed connection before the client's status says so (a loaded test run
        # printed its traceback).
        ("running", CommClosedError("in <TCP (closed) ConnectionPool.identity local=...>")),
    ],
)
def test_a_lost_scheduler_is_one_line_naming_resume(
    tmp_path: Path, status: str, error: Exception
) -> None:
    output = Output.at(tmp_path / "out")
    output.parts_dir.mkdir()
    output.part_path(1).write_bytes(b"a finished part")
    with pytest.raises(SchedulerLost) as lost, _scheduler_loss_told(
        _client(status), output, BatchOutcome(partitions=3)
    ):
        raise error
    assert str(lost.value) == (
        "lost the Dask scheduler at tcp://s:1 with 1 of 3 partitions done; they are kept: "
        "start the scheduler and its workers again and run the same command with --resume "
        "to do the rest"
    )


def test_other_errors_with_a_live_scheduler_are_not_called_its_loss(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out")
    with pytest.raises(OSError, match="disk full"), _scheduler_loss_told(
        _client("running"), output, BatchOutcome()
    ):
        raise OSError("disk full")


def test_dasks_log_of_giving_up_on_its_scheduler_is_dropped_while_a_batch_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("distributed.client")
    # A CI run under load: the batched stream's "Batched Comm Closed" and its
    # CommClosedError traceback came above the one line that says the scheduler was lost.
    stream = logging.getLogger("distributed.batched")
    with caplog.at_level(logging.INFO):
        with _quiet_lost_scheduler():
            logger.error("Failed to reconnect to scheduler after %.2f seconds, closing client", 10)
            try:
                raise asyncio.CancelledError
            except asyncio.CancelledError:
                logger.exception("")
            try:
                raise CommClosedError
            except CommClosedError:
                stream.info("Batched Comm Closed <TCP (closed) Client->Scheduler>", exc_info=True)
            logger.error("something else")
        logger.error("Failed to reconnect to scheduler after %.2f seconds, closing client", 10)
    assert [r.getMessage()[:22] for r in caplog.records] == [
        "something else",
        "Failed to reconnect to",
    ]


def _stats(worker: str, peak_mib: int, of_task: bool = True) -> PartitionStats:
    return PartitionStats(
        index=0, records=5, summaries=5, errors=0, seconds=1.0,
        peak_rss_bytes=peak_mib * 2**20, worker=worker, peak_of_task=of_task,
    )  # fmt: skip


def test_the_line_counts_the_workers_that_took_part_and_says_whose_peak_it_is() -> None:
    outcome = BatchOutcome(seconds=5.0, startup_seconds=3.0, summarizing_seconds=1.5)
    for stats in (_stats("a:1", 100), _stats("a:1", 120), _stats("b:7", 110)):
        outcome.add(stats)
    assert outcome.line() == (
        "15 articles in, 15 summaries out, 0 errors in 5.0 s (3.0 s of start-up, then 10 "
        "articles/s, 2 workers, peak worker memory 120 MiB)"
    )
    outcome.add(_stats("c:2", 90, of_task=False))  # no Linux: only the peak since it started
    assert outcome.line().endswith(", 3 workers, peak worker memory 120 MiB since the workers "
                                   "started)")  # fmt: skip
    one = BatchOutcome(seconds=1.5, startup_seconds=0.2, summarizing_seconds=1.0)
    one.add(_stats("a:1", 100))
    assert "(0.2 s of start-up, then 5 articles/s, 1 worker, peak" in one.line()


def test_a_run_that_needed_no_cluster_says_no_start_up() -> None:
    # Every partition done before (--resume): nothing started, nothing summarized.
    assert BatchOutcome(seconds=0.3).line() == (
        "0 articles in, 0 summaries out, 0 errors in 0.3 s (0 articles/s)"
    )


@pytest.mark.skipif(
    not os.access("/proc/self/clear_refs", os.W_OK), reason="Linux's peak reset is unavailable"
)
def test_a_partitions_peak_memory_is_its_own_not_the_processs_since_it_started(
    tmp_path: Path,
) -> None:
    held = b"\x01" * (300 * 2**20)  # an earlier job's peak, in this same process
    del held
    earlier_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    write_jsonl(tmp_path / "in.jsonl", make_records(2))
    output = Output.at(tmp_path / "out", "jsonl")
    output.parts_dir.mkdir()
    (partition,) = plan_partitions(find_inputs(str(tmp_path / "in.jsonl"))).partitions

    stats = summarize_partition(partition, output)

    assert stats.peak_of_task and stats.worker == f"{socket.gethostname()}:{os.getpid()}"
    assert 0 < stats.peak_rss_bytes < earlier_peak - 200 * 2**20


@pytest.mark.llm
def test_summaries_made_without_the_llm_are_counted_and_said(tmp_path: Path) -> None:
    """``batch --method llm`` with the LLM down had said nothing: every row read
    ``"method": "llm"`` and the line was as with the model (a new user's report)."""
    write_jsonl(tmp_path / "in.jsonl", make_records(2))
    output = Output.at(tmp_path / "out", "jsonl")
    output.parts_dir.mkdir()
    (partition,) = plan_partitions(find_inputs(str(tmp_path / "in.jsonl"))).partitions
    llm = LlmConfig(url=unique_url(free_port()), attempts=1)  # nothing listens there

    stats = summarize_partition(partition, output, Options(method="llm", llm=llm))

    assert stats.summaries == 2 and stats.fallbacks == {"connection": 2}
    rows = read_output(output.part_path(0))
    assert [row["engine"]["fallback"] for row in rows] == ["connection", "connection"]
    outcome = BatchOutcome(seconds=2.0, summarizing_seconds=1.0, llm=llm)
    outcome.add(stats)
    assert outcome.line().endswith(
        "; 2 of 2 summaries were made without the LLM, their boxes extracted (connection "
        f"refused or lost at {llm.url}: 2): engine.fallback says which"
    )
    assert "without the LLM" not in BatchOutcome(records=2, summaries=2).line()


def test_the_rate_means_something_at_an_llms_speed() -> None:
    # 7 articles in 76.6 s (batch --method llm) read "then 0 articles/s".
    slow = BatchOutcome(records=7, summaries=7, seconds=80.0, startup_seconds=3.4,
                        summarizing_seconds=76.6)  # fmt: skip
    assert "(3.4 s of start-up, then 10.9 s per article)" in slow.line()
    assert rate_text(5, 2.0) == "2.5 articles/s" and rate_text(2712, 6.5) == "417 articles/s"
