"""CPU time of one hit of the in-memory rate limiter, by how many clients are counted.

Fills a ``MemoryRateLimiter`` with N live counters (N clients inside their hour), then
times further hits (new clients, as in a flood) and prints the median of several passes
in microseconds per hit. Before issue 10 the limiter rebuilt its whole dict under its lock
on every hit once it held 100,000 counters (13.5 ms a hit); the cost should not depend
on N.

    .venv/bin/python benchmarks/rate_limiter.py
    .venv/bin/python benchmarks/rate_limiter.py --sizes 1000 100000 1000000 --hits 2000
"""

from __future__ import annotations

import argparse
import statistics
import time

from intisari.web.security import MemoryRateLimiter

#: Passes per size; the median is printed.
PASSES = 5


def per_hit_us(size: int, hits: int) -> float:
    limiter = MemoryRateLimiter()
    for n in range(size):
        limiter.hit(f"client-{n}", 10, 3600)
    passes = []
    for number in range(PASSES):
        started = time.process_time()
        for n in range(hits):
            limiter.hit(f"pass-{number}-{n}", 10, 3600)
        passes.append((time.process_time() - started) / hits)
    return statistics.median(passes) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 300_000])
    parser.add_argument("--hits", type=int, default=1000, help="Hits timed per pass.")
    args = parser.parse_args()
    print(f"{'live counters':>14} {'us per hit':>11}")
    for size in args.sizes:
        print(f"{size:>14,} {per_hit_us(size, args.hits):>11.2f}")
    print(f"(CPU time, median of {PASSES} passes of {args.hits} hits)")


if __name__ == "__main__":
    main()
