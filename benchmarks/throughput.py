"""Articles/s of ``summarize(text=...)`` on the tune texts, against lead-3 and LexRank.

Everything is measured in the same run, on one core (this process, BLAS threads pinned
to one), with CPU time (``time.process_time``) so that other work on a shared machine
slows the figures less than wall time would; medians of ``--repeats`` passes.

Systems:
* ``intisari``: the public API with the shipped learned ranker (the product).
* ``lead-3``: the same pipeline with a ranker that only looks at position: the floor
  of what cleaning, segmentation and selection cost.
* ``sumy LexRank``: sumy's LexRank on the raw text (sumy's tokenizers need NLTK data
  downloads, so it gets a regex sentence splitter and ``\\w+`` words instead; stemming
  off), three sentences, as in the data README's table.

Then peak memory (max RSS) of one process that summarizes the whole tune file.

With ``--against REV`` the engine of another git revision (checked out in a temporary
worktree, run in a child process on the same core) takes its turn in every pass too, so
a regression or a gain is measured against it in the same run, not against figures of
another day: ``--against 7217afb`` is the engine before the reader's rules of issue 12.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--repeats R] [--against REV]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

# One core: numpy's BLAS must not spread over others (set before numpy is imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

REPOSITORY = Path(__file__).resolve().parent.parent
DATA = REPOSITORY.parent / "shared" / "data"
FILES = ("indosum.tune.jsonl", "cnn.tune.jsonl")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")


class _RegexTokenizer:
    """sumy's tokenizer interface without NLTK: regex sentences, ``\\w+`` words."""

    language = "indonesian"

    def to_sentences(self, text: str) -> list[str]:
        return [s for s in _SENTENCE.split(text) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence.lower())


def records(name: str, limit: int | None) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return rows[:limit] if limit else rows


def timed(run, texts: list[dict[str, str]], repeats: int) -> float:  # type: ignore[no-untyped-def]
    """Median articles per CPU-second over ``repeats`` passes (one warm-up pass first)."""
    return timed_together([run], texts, repeats)[0]


def timed_together(runs, texts: list[dict[str, str]], repeats: int) -> list[float]:  # type: ignore[no-untyped-def]
    """``timed`` for several systems whose passes take turns (a, b, a, b, ...): on a
    shared machine the load changes within a minute, and measured one system after the
    other, a ratio moved by 0.1 between runs; taking turns, a change hits both."""
    for run in runs:
        run(texts[:20])
    rates: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for run, rate in zip(runs, rates, strict=True):
            started = time.process_time()
            # A run in another process says how much CPU time its pass took.
            spent = run(texts)
            if spent is None:
                spent = time.process_time() - started
            rate.append(len(texts) / spent)
    return [statistics.median(rate) for rate in rates]


@contextmanager
def checkout(revision: str) -> Iterator[Path]:
    """The ``src`` folder of git ``revision``, in a temporary worktree removed after."""
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "tree"
        _git("worktree", "add", "--detach", "-q", str(tree), revision)
        try:
            yield tree / "src"
        finally:
            _git("worktree", "remove", "--force", str(tree))


def _git(*arguments: str) -> None:
    subprocess.run(["git", "-C", str(REPOSITORY), *arguments], check=True)


@contextmanager
def engine_of(revision: str) -> Iterator[Callable[[list[dict[str, str]]], float]]:
    """A run of the engine of git ``revision``: this script in a child process (``--serve``)
    whose ``intisari`` is imported from a temporary worktree of that revision."""
    with checkout(revision) as source:
        child = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            env={**os.environ, "PYTHONPATH": str(source)},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert child.stdin is not None and child.stdout is not None
        stdin, stdout = child.stdin, child.stdout

        def run(rows: list[dict[str, str]]) -> float:
            stdin.write(json.dumps(rows) + "\n")
            stdin.flush()
            return float(stdout.readline())

        try:
            yield run
        finally:
            stdin.close()
            child.wait()


def _serve() -> None:
    """The child of ``engine_of``: one pass over each list of records it is sent, answered
    with the CPU seconds it took."""
    from intisari import summarize

    for line in sys.stdin:
        rows = json.loads(line)
        started = time.process_time()
        for r in rows:
            summarize(text=r["text"], lang=r["lang"])
        print(time.process_time() - started, flush=True)


def _peak_rss_mb(fallback: float) -> float:
    """This process's peak RSS. Linux keeps ``ru_maxrss`` across exec (it would report the
    parent's peak), so read the memory map's own high-water mark when there is one."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return fallback


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles per file")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sumy-limit", type=int, default=300,
                        help="articles per file for sumy (it is ~100x slower)")
    parser.add_argument("--against", metavar="REV",
                        help="also time the engine of this git revision, taking turns")
    parser.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve()
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from intisari import summarize
    from intisari.evaluation.baselines import LeadRanker

    if args.memory_only:
        import resource

        # Streamed line by line: the engine's memory, not that of the parsed file.
        for name in FILES:
            with (DATA / name).open(encoding="utf-8") as lines:
                for number, line in enumerate(lines):
                    if args.limit and number >= args.limit:
                        break
                    record = json.loads(line)
                    summarize(text=record["text"], lang=record["lang"])
        print(_peak_rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
        return

    from sumy.nlp.stemmers import null_stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    lead = LeadRanker()
    lexrank = LexRankSummarizer(null_stemmer)
    tokenizer = _RegexTokenizer()

    def engine(rows: list[dict[str, str]]) -> None:
        for r in rows:
            summarize(text=r["text"], lang=r["lang"])

    def lead3(rows: list[dict[str, str]]) -> None:
        for r in rows:
            summarize(text=r["text"], lang=r["lang"], ranker=lead)

    def sumy(rows: list[dict[str, str]]) -> None:
        for r in rows:
            lexrank(PlaintextParser.from_string(r["text"], tokenizer).document, 3)

    with ExitStack() as stack:
        other = stack.enter_context(engine_of(args.against)) if args.against else None
        print(f"one core, CPU time, median of {args.repeats} passes")
        print(f"{'file':<20} {'system':<18} {'articles':>8} {'articles/s':>11} {'intisari/it':>12}")
        for name in FILES:
            rows = records(name, args.limit)
            runs = [engine, lead3] if other is None else [engine, lead3, other]
            ours, floor, *theirs = timed_together(runs, rows, args.repeats)
            results = [
                ("intisari", len(rows), ours),
                ("lead-3", len(rows), floor),
                *[(f"intisari {args.against}", len(rows), rate) for rate in theirs],
                ("sumy LexRank", min(len(rows), args.sumy_limit),
                 timed(sumy, rows[: args.sumy_limit], max(1, args.repeats // 2))),
            ]
            for system, count, rate in results:
                print(f"{name:<20} {system:<18} {count:>8} {rate:>11,.0f} {ours / rate:>11.2f}x")
    # Peak memory in a fresh process, so this benchmark's own lists do not count.
    command = [sys.executable, __file__, "--memory-only"]
    if args.limit:
        command += ["--limit", str(args.limit)]
    peak = float(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    print(f"peak RSS of one process summarizing {' + '.join(FILES)} (streamed): {peak:.0f} MB")


if __name__ == "__main__":
    main()
