"""The client side of a batch: plan the partitions, feed them to Dask a few at a time, tally.

    >>> from intisari.batch.run import run_batch
    >>> outcome = run_batch("archive/", "takeaways/", workers=8)
    >>> print(outcome.line())  # one line, here folded
    2712 articles in, 2712 summaries out, 0 errors in 9.4 s (2.9 s of start-up, then 417
    articles/s, 8 workers, ...)

``workers=N`` starts a ``distributed.LocalCluster`` of N single-threaded processes (the
engine is pure Python, so threads would share one core); ``scheduler="tcp://host:8786"``
uses a running cluster instead, whose workers must see the input and output paths.

Nothing lost, nothing twice: every record becomes exactly one row (a summary or an error),
each partition is written once, atomically, and a rerun with ``resume=True`` redoes only
the partitions that are missing. Only ``2 x worker threads`` partitions are in flight at
once, so the client's memory does not grow with the input either.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from intisari.batch.duplicates import Duplicates, IdTally, find_duplicates, id_digests
from intisari.batch.errors import BatchError, SchedulerLost
from intisari.batch.inputs import (
    DEFAULT_PARTITION_BYTES,
    DEFAULT_PARTITION_SIZE,
    FOLDER_SUFFIXES,
    Partition,
    find_inputs,
    line_cap,
    plan_partitions,
    unread_in_folder,
)
from intisari.batch.outputs import (
    Manifest,
    Output,
    begin,
    claim,
    finish,
    part_places,
    prepare,
)
from intisari.batch.work import PartitionStats, Summarizer, summarize_partition
from intisari.llm.config import LlmConfig
from intisari.llm.reasons import describe
from intisari.options import DEFAULT_OPTIONS, Options
from intisari.pipeline import summarize_record

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["BatchOutcome", "default_workers", "rate_text", "run_batch"]

#: Partitions queued per worker thread: one running and one waiting, so a worker never
#: idles between tasks while the client holds only a handful of futures.
IN_FLIGHT_PER_THREAD = 2
#: A cluster may have no worker yet (they can join later); keep this many queued anyway.
MIN_IN_FLIGHT = 2
#: How long to wait for an existing scheduler before giving up with a clear message.
CONNECT_TIMEOUT_S = 10
#: How many failed partitions the summary line names (the rest are counted).
FAILURES_SHOWN = 3
#: The reason Dask gives every future of a client that lost its scheduler.
SCHEDULER_CONNECTION_LOST = "scheduler-connection-lost"


@dataclass
class BatchOutcome:
    """What one run did. Counts are this run's; skipped partitions were done before."""

    records: int = 0
    summaries: int = 0
    errors: int = 0
    #: The whole run, from planning the partitions to the output's last byte: what its
    #: caller waited for.
    seconds: float = 0.0
    #: Starting the local cluster, or reaching the scheduler; ``None`` when no cluster was
    #: needed (every partition was done before).
    startup_seconds: float | None = None
    #: From the first partition's submission to the last one's result: the time spent
    #: summarizing, which the line's rate is taken over.
    summarizing_seconds: float = 0.0
    #: The worker processes (``host:pid``) that ran this run's partitions: on a shared,
    #: long-lived cluster, not every worker it has, nor only those there at the start.
    worker_names: set[str] = field(default_factory=set)
    partitions: int = 0
    skipped_partitions: int = 0
    skipped_records: int = 0
    #: The highest peak memory of a worker process while it ran this run's partitions.
    peak_worker_rss_bytes: int = 0
    #: Whether every such peak was measured over this run's partitions alone (Linux);
    #: else some are the worker's peak since it started, and the line says so.
    peak_of_this_run: bool = True
    failed: list[str] = field(default_factory=list)
    #: Files of the input folder not read for their names (``unread_in_folder``).
    unread: list[str] = field(default_factory=list)
    #: The digests of the ids of every row written, this run's and earlier runs' (resume).
    ids: IdTally = field(default_factory=IdTally, repr=False)
    #: Ids on more than one row of the output (``duplicates``), or ``None``.
    duplicates: Duplicates | None = None
    #: Summaries made without the LLM asked for (``--method llm``: its server down, a
    #: wrong URL, ...), by reason (``engine.fallback``, ``llm.reasons``).
    fallbacks: Counter[str] = field(default_factory=Counter)
    #: The LLM asked (``Options.llm``), for the line's words on ``fallbacks``.
    llm: LlmConfig | None = None

    @property
    def complete(self) -> bool:
        return not self.failed

    @property
    def workers(self) -> int:
        """How many worker processes ran this run's partitions."""
        return len(self.worker_names)

    def add(self, stats: PartitionStats) -> None:
        self.records += stats.records
        self.summaries += stats.summaries
        self.errors += stats.errors
        self.peak_worker_rss_bytes = max(self.peak_worker_rss_bytes, stats.peak_rss_bytes)
        self.peak_of_this_run = self.peak_of_this_run and stats.peak_of_task
        if stats.worker:
            self.worker_names.add(stats.worker)
        self.ids.add(stats.id_digests)
        self.fallbacks.update(stats.fallbacks)

    def line(self) -> str:
        """The closing line: the counts; the whole run's seconds; the start-up's seconds
        (when a cluster was needed), then the rate while summarizing (``rate_text``);
        the workers; their peak memory; then what else the run has to say.

        The rate leaves out the start-up, the planning before it and the closing of the
        cluster after: taken over the whole run, a local cluster's start-up (2.8 s on a
        2-core machine) made a 300-article job that summarized 267 articles a second read
        67, far below the engine's, and said nothing of the work. Said apart, the start-up
        still shows what a small job's wait went on.
        """
        text = (
            f"{self.records} articles in, {self.summaries} summaries out, {self.errors} errors "
            f"in {self.seconds:.1f} s ("
        )
        if self.startup_seconds is not None:
            text += f"{self.startup_seconds:.1f} s of start-up, then "
        text += rate_text(self.records, self.summarizing_seconds)
        if self.workers:
            text += f", {self.workers} {'worker' if self.workers == 1 else 'workers'}"
        if self.peak_worker_rss_bytes:
            text += f", peak worker memory {self.peak_worker_rss_bytes / 2**20:.0f} MiB"
            text += "" if self.peak_of_this_run else " since the workers started"
        text += ")"
        if self.unread:
            shown = ", ".join(self.unread[:FAILURES_SHOWN])
            more = len(self.unread) - FAILURES_SHOWN
            text += (
                f"; not read, for their names (not {', '.join(FOLDER_SUFFIXES)}): {shown}"
                + (f" and {more} more" if more > 0 else "")
            )
        if self.skipped_partitions:
            text += (
                f"; {self.skipped_partitions} of {self.partitions} partitions "
                f"({self.skipped_records} articles) were done before"
            )
        if self.duplicates is not None:
            text += f"; {self.duplicates.describe()}"
        if self.fallbacks:
            reasons = "; ".join(
                f"{describe(reason, self.llm) if self.llm else reason}: {count}"
                for reason, count in self.fallbacks.most_common()
            )
            text += (
                f"; {sum(self.fallbacks.values())} of {self.summaries} summaries were made "
                f"without the LLM, their boxes extracted ({reasons}): engine.fallback says "
                "which"
            )
        if self.failed:
            shown = "; ".join(self.failed[:FAILURES_SHOWN])
            more = len(self.failed) - FAILURES_SHOWN
            text += f"; {len(self.failed)} partitions failed: {shown}"
            text += f" (and {more} more)" if more > 0 else ""
            text += "; run the same command with --resume to redo them"
        return text


#: Below this many articles a second the rate is said as seconds per article: an LLM's
#: batch of 7 articles in 76.6 s read "then 0 articles/s" (a new user's report).
PER_ARTICLE_BELOW = 1.0
#: From this rate on, whole articles a second are precise enough (417, not 417.3); below
#: it, two significant figures (2.5, not 2).
WHOLE_RATE_FROM = 10.0


def rate_text(records: int, seconds: float) -> str:
    """How fast ``records`` were summarized in ``seconds``, in figures that say it at any
    speed: "417 articles/s", "2.5 articles/s", "10.9 s per article"."""
    if not records or not seconds:
        return "0 articles/s"
    rate = records / seconds
    if rate < PER_ARTICLE_BELOW:
        return f"{seconds / records:.1f} s per article"
    return f"{rate:.0f} articles/s" if rate >= WHOLE_RATE_FROM else f"{rate:.2g} articles/s"


def default_workers() -> int:
    """All the cores this process may use (a container's limit, not the host's)."""
    return len(os.sched_getaffinity(0))


def run_batch(
    source: str | Path,
    target: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    fmt: str | None = None,
    include_text: bool = True,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    max_line_bytes: int | None = None,
    options: Options = DEFAULT_OPTIONS,
    summarize: Summarizer = summarize_record,
    progress: bool = True,
) -> BatchOutcome:
    """Summarize every record of ``source`` into ``target``; see the module docstring.

    ``overwrite`` lets a single-file output replace a file already there (only once the
    new one is complete); without it such a file is a ``BatchError``, as a folder
    holding an earlier job is without ``resume``.

    ``max_line_bytes`` caps a JSONL line (longer ones are error rows); by default it is
    what the largest article ``options`` let the engine take needs (``line_cap``).

    Raises ``BatchError`` when the job cannot start, another run writing ``target`` among
    the reasons (``claim``: one run per output at a time). A record that fails is an error
    row, a partition that fails (its worker died too often, say) is listed in the outcome
    and left for ``resume``; Ctrl-C stops the job with every finished partition kept.
    """
    if workers is not None and scheduler is not None:
        raise BatchError("give either a number of local workers or a scheduler, not both")
    if workers is not None and workers < 1:
        raise BatchError(f"workers must be at least 1, not {workers}")
    if partition_size < 1:
        raise BatchError(f"partition size must be at least 1, not {partition_size}")
    started = time.perf_counter()
    output = Output.at(Path(target), fmt, include_text)
    # An output inside an input folder is not input: a rerun would read it and then refuse
    # to resume, its fingerprint changed by its own output.
    files = tuple(file for file in find_inputs(str(source)) if not output.holds(file.path))
    if not files:
        raise BatchError(f"no input files in {source} besides the output")
    with claim(output):  # from here to the end: one run per output
        max_line_bytes = max_line_bytes or line_cap(options)
        plan = plan_partitions(files, partition_size, partition_bytes, max_line_bytes)
        manifest = Manifest(
            fingerprint=plan.fingerprint,
            partition_size=partition_size,
            partition_bytes=partition_bytes,
            max_line_bytes=max_line_bytes,
            format=output.fmt,
            include_text=include_text,
            count=options.count,
            method=options.method,
            records=plan.records,
            parts=[
                {"file": part.file.name, "first_row": part.first_row, "records": part.records}
                for part in plan.partitions
            ],
        )
        done = prepare(output, manifest, resume, overwrite)
        todo = [partition for partition in plan.partitions if partition.index not in done]
        outcome = BatchOutcome(
            llm=options.llm if options.method == "llm" else None,
            partitions=len(plan.partitions),
            skipped_partitions=len(done),
            skipped_records=plan.records - sum(partition.records for partition in todo),
            unread=unread_in_folder(str(source)),
        )
        for index in sorted(done):  # their ids count too: a repeat may span two runs
            outcome.ids.add(id_digests(row_id for row_id, _, _ in part_places(output, index)))
        if todo:
            connecting = time.perf_counter()
            with _connect(workers, scheduler) as client:
                outcome.startup_seconds = time.perf_counter() - connecting
                begin(output, manifest)
                with _scheduler_loss_told(client, output, outcome):
                    _summarize_all(client, todo, output, options, summarize, outcome, progress)
        else:
            begin(output, manifest)  # an input with no records still gets an (empty) output
        written = [i for i in range(len(plan.partitions)) if output.part_path(i).is_file()]
        outcome.duplicates = find_duplicates(output, written, outcome.ids)
        if outcome.complete:
            finish(output, len(plan.partitions), overwrite)
    outcome.seconds = time.perf_counter() - started
    return outcome


@contextmanager
def _connect(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local one that ends with it."""
    from distributed import Client, LocalCluster

    _quiet_interrupted_gathers()
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with _quiet_lost_scheduler():
            try:
                yield client
            finally:
                # A client whose scheduler is gone may fail to close too, and that error
                # would take the place of the one line ``SchedulerLost`` says; after a
                # finished run there is nothing left to tell.
                with suppress(Exception):
                    client.close()
        return
    with (
        LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            # The scheduler serves /metrics over HTTP even without a dashboard: any free port,
            # since 8787 may belong to another cluster on this machine.
            dashboard_address=":0",
            # Failed partitions are named in the outcome; Dask's own log of each would be a
            # page of tracebacks on stderr.
            silence_logs=logging.CRITICAL,
            preload=["intisari.batch.work"],  # its dask_setup: Ctrl-C, SIGTERM are the client's
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def _scheduler_loss_told(
    client: Client, output: Output, outcome: BatchOutcome
) -> Iterator[None]:
    """Turn the loss of the scheduler into ``SchedulerLost``, at the first sign of it.

    A scheduler that died mid-run (or was restarted: its successor knows nothing of this
    run, and its workers left with it) cancelled every future in flight, then the client
    tried to reconnect for 10 s and ended in an uncaught ``OSError`` from the next call,
    with Dask's log of its failed reconnection: 131 lines of four tracebacks in an
    operator's trial, with no summary and no word of ``--resume``. The finished parts
    are whole and kept, so the run stops there and says so in one line.
    """
    address = client.scheduler.address if client.scheduler else "?"
    try:
        yield
    except Exception as error:
        # An OSError: a call to the scheduler while the client reconnected, or after; or
        # Dask's ``CommClosedError`` (an OSError too) before the client's own status says
        # so (once in a loaded test run, it escaped as a traceback).
        talking = isinstance(error, OSError) and (
            client.status != "running" or _connection_closed(error)
        )
        if not (_scheduler_lost(error) or talking):
            raise
        done = sum(output.part_path(index).is_file() for index in range(outcome.partitions))
        raise SchedulerLost(
            f"lost the Dask scheduler at {address} with {done} of {outcome.partitions} "
            "partitions done; they are kept: start the scheduler and its workers again and "
            "run the same command with --resume to do the rest"
        ) from None


def _connection_closed(error: BaseException) -> bool:
    """Whether ``error``, or one it was raised from, is Dask's closed connection."""
    from distributed.comm.core import CommClosedError

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, CommClosedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _scheduler_lost(error: BaseException) -> bool:
    """Whether ``error`` is a future's, cancelled because its client lost the scheduler."""
    from distributed.client import FutureCancelledError

    return isinstance(error, FutureCancelledError) and error.reason == SCHEDULER_CONNECTION_LOST


#: Dask's loggers that report, each in its own words, the client losing its scheduler:
#: the client's ("Failed to reconnect", its cancelled closing), and its batched stream's
#: ("Batched Comm Closed" with a ``CommClosedError`` traceback: a CI run under load
#: printed it above the one line, once in four).
LOST_SCHEDULER_LOGGERS = ("distributed.client", "distributed.batched")


class _LostScheduler(logging.Filter):
    """Drops what Dask logs as its client loses the scheduler: "Failed to reconnect", and
    the tracebacks of its cancelled closing and of its closed connection.
    ``SchedulerLost`` says it."""

    def filter(self, record: logging.LogRecord) -> bool:
        import asyncio

        from distributed.comm.core import CommClosedError

        if record.getMessage().startswith("Failed to reconnect to scheduler"):
            return False
        lost = (asyncio.CancelledError, CommClosedError)
        return not (record.exc_info and isinstance(record.exc_info[1], lost))


@contextmanager
def _quiet_lost_scheduler() -> Iterator[None]:
    """``_LostScheduler`` on Dask's ``LOST_SCHEDULER_LOGGERS`` while a batch's client
    lives: their log comes in the client's own thread, before the run knows, and while
    the client closes."""
    loggers = [logging.getLogger(name) for name in LOST_SCHEDULER_LOGGERS]
    quiet = _LostScheduler()
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


class _InterruptedGathers(logging.Filter):
    """Drops asyncio's "Task exception was never retrieved" for Dask's ``AllExit``.

    Ctrl-C while the client waits for a result leaves Dask's gather task running; when the
    client closes, that task ends with ``AllExit`` and asyncio logs it, traceback and all,
    under the interrupted message. Nothing failed: the interruption is already reported.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        from distributed.client import AllExit

        return not (record.exc_info and isinstance(record.exc_info[1], AllExit))


def _quiet_interrupted_gathers() -> None:
    """Install ``_InterruptedGathers`` on asyncio's logger, once per process."""
    logger = logging.getLogger("asyncio")
    if not any(isinstance(f, _InterruptedGathers) for f in logger.filters):
        logger.addFilter(_InterruptedGathers())


def _summarize_all(
    client: Client,
    todo: list[Partition],
    output: Output,
    options: Options,
    summarize: Summarizer,
    outcome: BatchOutcome,
    progress: bool,
) -> None:
    from distributed import as_completed

    waiting = iter(todo)
    submitted: dict[str, Partition] = {}
    finished = as_completed()
    # Keys unique to this run: tasks an interrupted run left on a shared cluster never
    # stand in for this run's.
    run = uuid.uuid4().hex[:8]

    def submit_more() -> None:
        if client.status != "running":  # not a call that would wait 10 s to fail
            raise ConnectionError(f"the client's scheduler connection is {client.status}")
        window = max(IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()), MIN_IN_FLIGHT)
        while finished.count() < window and (partition := next(waiting, None)) is not None:
            key = f"intisari-batch-{run}-part-{partition.index:06d}"
            future = client.submit(
                summarize_partition, partition, output, options, summarize, key=key
            )
            submitted[key] = partition
            finished.add(future)

    bar = tqdm(
        total=sum(partition.records for partition in todo),
        unit=" articles",
        desc="summarizing",
        # None: shown on a terminal only. Written to a log (stderr redirected, a CI job),
        # its redrawn frames filled the log (a new user's trial); the closing line stays.
        disable=None if progress else True,
    )
    with bar:
        started = time.perf_counter()
        submit_more()
        for future in finished:
            partition = submitted.pop(future.key)
            try:
                stats = future.result()
            except Exception as error:
                if _scheduler_lost(error):
                    raise  # the whole run's failure, not this partition's
                outcome.failed.append(
                    f"part {partition.index} ({partition.file.name} from row "
                    f"{partition.first_row}): {type(error).__name__}: {error}"
                )
            else:
                outcome.add(stats)
                bar.update(stats.records)
            future.release()
            submit_more()
    outcome.summarizing_seconds = time.perf_counter() - started
