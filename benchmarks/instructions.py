"""CPU instructions per article of ``summarize``, counted by valgrind, against a revision.

On this shared machine CPU time moves by 5-10% from one run to the next, more than most
speed changes are worth; the instructions a pass executes do not move at all with the
hash seed fixed (``HASH_SEED``: a random one changes the order of sets, and the count by
up to 2.3%). So a change that must keep every box as
it was (a speed change) is measured here: the same articles are summarized by this
checkout and, with ``--against REV``, by the engine of git revision REV (a temporary
worktree), each under valgrind's callgrind, less a run that only starts up and warms up.

    .venv/bin/python benchmarks/instructions.py [--limit N] [--against REV]

Needs valgrind (Debian's package ``valgrind``); about 1.5 minutes per engine for the
default 400 articles, since valgrind runs Python some 50 times slower.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from throughput import DATA, FILES, checkout

#: What callgrind prints of the instructions it counted ("==1== Collected : 1234").
_COLLECTED = re.compile(r"Collected : (\d+)")
#: Articles of each language summarized before counting starts in both runs: the first
#: summary of a language loads its models and compiles its patterns, which is start-up,
#: not the engine's work per article (warmed on Indonesian alone, the English patterns
#: were compiled inside the count: ~1.7M of 13.0M instructions an article, 2026-12-08).
WARM_UP = 10
#: Python's hash seed in both runs: the order of a set's items changes the instructions
#: its loops execute, and a random seed moved the same engine's count by 2.3%.
HASH_SEED = "0"
#: Of ``--limit`` articles, this share are IndoSum's (the rest CNN's): Indonesian first.
INDONESIAN_SHARE = 0.75


def records(limit: int) -> list[dict[str, str]]:
    """The first articles of each tune file, ``INDONESIAN_SHARE`` of them Indonesian."""
    indonesian = round(limit * INDONESIAN_SHARE)
    rows: list[dict[str, str]] = []
    for name, count in zip(FILES, (indonesian, limit - indonesian), strict=True):
        with (DATA / name).open(encoding="utf-8") as lines:
            for _, line in zip(range(count), lines, strict=False):
                rows.append(json.loads(line))
    return rows


def instructions(source: Path | None, limit: int, counted: bool) -> int:
    """Instructions of one child process summarizing the articles (or, with ``counted``
    false, only warming up), its ``intisari`` imported from ``source`` when given."""
    env = dict(os.environ, PYTHONHASHSEED=HASH_SEED)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--child", str(limit),
    ]
    if counted:
        command.append("--counted")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_article(source: Path | None, limit: int) -> float:
    return (instructions(source, limit, True) - instructions(source, limit, False)) / limit


def _child(limit: int, counted: bool) -> None:
    from intisari import summarize

    rows = records(limit)
    for lang in dict.fromkeys(r["lang"] for r in rows):
        for r in [r for r in rows if r["lang"] == lang][:WARM_UP]:
            summarize(text=r["text"], lang=r["lang"])
    if counted:
        for r in rows:
            summarize(text=r["text"], lang=r["lang"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="articles summarized")
    parser.add_argument("--against", metavar="REV", help="also count the engine of this revision")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--counted", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child, args.counted)
        return

    ours = per_article(None, args.limit)
    print(f"{args.limit} tune articles, instructions per article (valgrind)")
    print(f"intisari (this checkout)  {ours:>14,.0f}")
    if args.against:
        with checkout(args.against) as source:
            theirs = per_article(source, args.limit)
        label = f"intisari {args.against}"
        print(f"{label:<25} {theirs:>14,.0f}  (this checkout: {ours / theirs:.3f}x)")


if __name__ == "__main__":
    main()
