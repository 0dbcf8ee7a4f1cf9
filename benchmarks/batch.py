"""Batch throughput: the plain single-process loop against Dask with 1 and 2 workers.

    .venv/bin/python benchmarks/batch.py                       # about 50,000 articles
    .venv/bin/python benchmarks/batch.py --articles 10000 --repeat 3

The input is the tune files of ``../shared/data`` replicated, each copy with fresh ids,
into one JSONL file. Every mode does the same work end to end: plan the partitions, read
them, summarize every article with ``intisari.summarize_record``, write Parquet parts.

- plain: ``summarize_partition`` called in a loop in this process, no Dask at all;
- dask-1, dask-2: ``run_batch`` on a fresh ``LocalCluster`` of 1 or 2 single-threaded
  worker processes, cluster start-up included (what a user waits for).

Printed per mode, medians: the whole run's seconds, the start-up's (the cluster's, as
``BatchOutcome.startup_seconds``; none for the plain loop) apart from the summarizing
line rate (articles per second from the first partition submitted to the last result,
``BatchOutcome.summarizing_seconds``: over the whole run, a short job's rate mostly told
the cluster's start-up), and the peak resident memory of a worker process. Then the
scaling ratio (dask-2 over dask-1; target >= 1.7) next to the best the machine allowed at
the time (two spinning processes against one), and Dask's overhead (dask-1 over plain,
minus one; target < 15%), over the whole run and over summarizing alone. Modes are
interleaved within each repeat so that a change in the machine's load hits all of them
alike; the load average is printed before and after, because on a shared machine it
decides the scaling figure more than Dask does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from intisari.batch.inputs import DEFAULT_PARTITION_SIZE, find_inputs, plan_partitions
from intisari.batch.outputs import Manifest, Output, begin, finish
from intisari.batch.run import run_batch
from intisari.batch.work import summarize_partition

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TUNE_FILES = ("indosum.tune.jsonl", "cnn.tune.jsonl")
#: The size the issue asks for: large enough that start-up is a small share of a run.
DEFAULT_ARTICLES = 50_000
#: Input fields kept: what a publisher's archive would hold.
KEPT = ("id", "lang", "title", "text")
#: How long each process spins when measuring how much parallel CPU the machine gives.
SPIN_S = 3.0


def build_input(path: Path, articles: int) -> None:
    """Write ``articles`` records: the tune files over and over, ids made unique per copy.

    Streamed, a copy at a time, so that building the input does not inflate the peak
    memory measured for the plain loop in this same process.
    """
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(articles):
            for name in TUNE_FILES:
                with (SHARED_DATA / name).open(encoding="utf-8") as lines:
                    for line in lines:
                        if written == articles:
                            return
                        record = json.loads(line)
                        kept = {key: record[key] for key in KEPT if record.get(key) is not None}
                        kept["id"] = f"{record['id']}#{copy}"
                        out.write(json.dumps(kept, ensure_ascii=False) + "\n")
                        written += 1


@dataclass(frozen=True)
class Run:
    """One mode's run: its times as ``BatchOutcome`` has them, and its peak memory."""

    seconds: float
    #: The cluster's start-up; ``None`` for the plain loop, which starts nothing.
    startup_seconds: float | None
    summarizing_seconds: float
    peak_rss_bytes: int

    def line(self, articles: int) -> str:
        startup = ""
        if self.startup_seconds is not None:
            startup = f"{self.startup_seconds:.1f} s of start-up, "
        return (
            f"{self.seconds:.1f} s ({startup}{articles / self.summarizing_seconds:.0f} "
            "articles/s summarizing)"
        )


def run_plain(source: Path, target: Path) -> Run:
    """The single-process loop over the same partitions."""
    started = time.perf_counter()
    output = Output.at(target)
    plan = plan_partitions(find_inputs(str(source)), DEFAULT_PARTITION_SIZE)
    manifest = Manifest(
        fingerprint=plan.fingerprint,
        partition_size=DEFAULT_PARTITION_SIZE,
        partition_bytes=0,
        format=output.fmt,
        include_text=True,
        count=3,
        records=plan.records,
        parts=[],
    )
    begin(output, manifest)
    # Each partition sets the process's peak back to what it holds (on Linux, to measure
    # its own): the process's peak is the highest of those and of the peak before.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    summarizing = time.perf_counter()
    for partition in plan.partitions:
        peak = max(peak, summarize_partition(partition, output).peak_rss_bytes)
    summarizing = time.perf_counter() - summarizing
    finish(output, len(plan.partitions))
    seconds = time.perf_counter() - started
    peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    return Run(seconds, None, summarizing, peak)


def run_dask(workers: int) -> Callable[[Path, Path], Run]:
    def run(source: Path, target: Path) -> Run:
        report = run_batch(source, target, workers=workers, progress=False)
        assert report.complete and report.errors == 0, report.line()
        return Run(
            report.seconds,
            report.startup_seconds,
            report.summarizing_seconds,
            report.peak_worker_rss_bytes,
        )

    return run


def _spin(seconds: float) -> int:
    """Pure-Python work for ``seconds`` of wall time: the count is the CPU it got."""
    count, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        count += 1
    return count


def parallel_ceiling() -> float:
    """How much more work two busy processes do than one, on this machine, right now.

    The best scaling any 2-worker run can show at the moment: 2.0 on two idle cores,
    near 1.0 when other jobs already keep the cores busy.
    """
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        list(pool.map(_spin, [0.2, 0.2]))  # both processes started before measuring
        one = pool.submit(_spin, SPIN_S).result()
        two = sum(pool.map(_spin, [SPIN_S, SPIN_S]))
    return two / one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--repeat", type=int, default=1, help="runs per mode; medians shown")
    args = parser.parse_args()

    modes = {"plain": run_plain, "dask-1": run_dask(1), "dask-2": run_dask(2)}
    runs: dict[str, list[Run]] = {mode: [] for mode in modes}
    load_before = os.getloadavg()
    ceiling_before = parallel_ceiling()
    with tempfile.TemporaryDirectory(prefix="intisari-bench-") as folder:
        source = Path(folder) / "articles.jsonl"
        build_input(source, args.articles)
        print(
            f"{args.articles} articles ({source.stat().st_size / 2**20:.0f} MiB of JSONL), "
            f"{os.cpu_count()} cores, partitions of {DEFAULT_PARTITION_SIZE}, "
            f"load average before: {' '.join(f'{load:.2f}' for load in load_before)}"
        )
        for attempt in range(args.repeat):
            for mode, run in modes.items():
                measured = run(source, Path(folder) / f"{mode}-{attempt}")
                runs[mode].append(measured)
                print(f"  run {attempt + 1} {mode}: {measured.line(args.articles)}", flush=True)
    load_after = os.getloadavg()
    ceiling_after = parallel_ceiling()

    median = {mode: statistics.median(r.seconds for r in done) for mode, done in runs.items()}
    busy = {
        mode: statistics.median(r.summarizing_seconds for r in done) for mode, done in runs.items()
    }
    print(
        f"\n{'mode':<8} {'seconds':>9} {'start-up':>9} {'articles/s':>11} {'vs plain':>9} "
        f"{'peak RSS/worker':>16}"
    )
    for mode, done in runs.items():
        startups = [r.startup_seconds for r in done if r.startup_seconds is not None]
        startup = f"{statistics.median(startups):.1f}" if startups else "-"
        peak = max(r.peak_rss_bytes for r in done)
        print(
            f"{mode:<8} {median[mode]:>9.1f} {startup:>9} {args.articles / busy[mode]:>11.0f} "
            f"{median['plain'] / median[mode]:>8.2f}x {peak / 2**20:>12.0f} MiB"
        )
    print("(seconds: the whole run; articles/s: over the time spent summarizing, start-up out)")
    scaling = median["dask-1"] / median["dask-2"]
    overhead = median["dask-1"] / median["plain"] - 1
    busy_overhead = busy["dask-1"] / busy["plain"] - 1
    print(f"\nscaling, 2 workers over 1: {scaling:.2f}x (target >= 1.7)")
    print(
        f"  the machine's own ceiling: 2 busy processes did {ceiling_before:.2f}x the work "
        f"of one before the runs, {ceiling_after:.2f}x after"
    )
    print(
        f"Dask overhead, 1 worker over the plain loop: {overhead:+.1%} (target < 15%); "
        f"summarizing alone, start-up out: {busy_overhead:+.1%}"
    )
    print(
        f"load average before: {' '.join(f'{load:.2f}' for load in load_before)}; "
        f"after: {' '.join(f'{load:.2f}' for load in load_after)} "
        f"(on {os.cpu_count()} cores; above that, runs queue for a core)"
    )
    print("(plain: the peak RSS of this process, which also runs the Dask clients)")


if __name__ == "__main__":
    main()
