"""What one hostile article can cost: CPU time and peak memory of ``summarize`` on each
adversarial input of ``tests/adversarial_inputs.py`` (issue 10, items 1 and 12).

Each case runs in a fresh process (so one case's memory does not hide another's): it
loads the engine and summarizes a real article first (the warmed process peaks at ~165
MB), then summarizes the case and reports the CPU time of that call
(``time.process_time``) and the process's peak RSS, then summarizes it again under
``tracemalloc`` for the peak of memory allocated by that one call. A case still running
after ``--timeout`` seconds is killed and reported as such (several took hours before
issue 10).

    .venv/bin/python benchmarks/adversarial.py [--size 1000000] [--timeout 60] [--cases a,b]

To measure another checkout's engine with the same cases, put its ``src`` first:
``PYTHONPATH=/path/to/other/src .venv/bin/python benchmarks/adversarial.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from adversarial_inputs import HTML_TRIGGERS, LEAD, TRIGGERS

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def child(name: str, size: int) -> None:
    """Summarize one case in this process; print its figures as JSON lines as they come."""
    import tracemalloc

    import intisari
    from intisari.errors import InputError

    intisari.summarize(LEAD * 3)
    intisari.summarize(html=f"<html><body><article><p>{LEAD * 3}</p></article></body></html>")
    from intisari.language.detect import _identifier

    _identifier()
    is_html = name in HTML_TRIGGERS
    text = (HTML_TRIGGERS if is_html else TRIGGERS)[name].text(size)

    def run() -> str:
        try:
            summary = intisari.summarize(html=text) if is_html else intisari.summarize(text)
        except InputError as error:
            return type(error).__name__
        return f"{len(summary.takeaways)} takeaways"

    started = time.process_time()
    outcome = run()
    seconds = time.process_time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "outcome": outcome}), flush=True)
    # Again, tracing allocations: the memory this one call needs, whatever warm-up took.
    tracemalloc.start()
    run()
    print(json.dumps({"heap_mb": tracemalloc.get_traced_memory()[1] / 2**20}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of UTF-8 per case")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case")
    parser.add_argument("--cases", default="", help="comma-separated names (default: all)")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size)
        return
    names = args.cases.split(",") if args.cases else [*TRIGGERS, *HTML_TRIGGERS]
    print(f"{'case':22s} {'CPU s':>8s} {'peak RSS MB':>12s} {'call heap MB':>13s}  outcome"
          f"  ({args.size:,} bytes each)")
    for name in names:
        command = [sys.executable, __file__, "--child", name, "--size", str(args.size)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=args.timeout, check=True
            )
            output = done.stdout
        except subprocess.TimeoutExpired as stopped:
            output = (stopped.stdout or b"").decode()
        row: dict[str, object] = {}
        for line in output.splitlines():
            row.update(json.loads(line))
        if "seconds" not in row:
            print(f"{name:22s} {'>' + format(args.timeout, '.0f'):>8s}  (killed)", flush=True)
            continue
        heap = f"{row['heap_mb']:13.0f}" if "heap_mb" in row else f"{'(killed)':>13s}"
        print(f"{name:22s} {row['seconds']:8.2f} {row['peak_mb']:12.0f} {heap}  {row['outcome']}",
              flush=True)


if __name__ == "__main__":
    main()
