"""Mutation testing of the engine's core and the security modules (mutmut 3); not CI.

A mutant is the code with one small change (``<`` for ``<=``, ``0.7`` for ``1.7``, a
``return None``): a test suite that still passes on it does not notice that change.
mutmut copies ``src`` and ``tests`` into ``mutants/`` (gitignored), runs the tests once to
learn which cover each function, then runs only those on each mutant, two at a time.
The modules and test folders are in ``[tool.mutmut]`` of ``pyproject.toml``. mutmut
changes code inside functions only: module constants (``REDUNDANCY_THRESHOLD = 0.7``)
need tests of their own (``tests/takeaways/test_select.py`` has one).

    .venv/bin/pip install -e '.[dev,mutation]' -c constraints.txt
    .venv/bin/python scripts/mutation_test.py                  # every module: hours
    .venv/bin/python scripts/mutation_test.py 'intisari.takeaways.select.*'
    .venv/bin/python scripts/mutation_test.py --summary        # the table again, no run

Mutant names are ``module.x_function__mutmut_N`` (methods ``module.xǁClassǁmethod...``);
globs pick a subset. Results are kept in ``mutants/``: a second run re-tests only what
changed. ``mutmut show NAME`` prints a survivor's change, ``mutmut browse`` walks them.
It prints survivors and, per module, mutants killed / survived / timed out, and the
survival rate (survived / (killed + survived)). On a shared 2-core machine the whole set
(~1,500 mutants) takes about three hours.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).with_name("mutmut")
#: Mutants run at once: the machine has two cores, shared with other work.
CHILDREN = int(os.environ.get("MUTATION_CHILDREN", "2"))
_RESULT = re.compile(r"^\s*(?P<name>\S+?)__mutmut_\d+: (?P<status>.+)$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mutants", nargs="*", help="mutant name globs (default: all)")
    parser.add_argument("--summary", action="store_true", help="print the table, run nothing")
    args = parser.parse_args()
    # The tests run from mutants/tests, where ../shared is not beside them.
    env = {**os.environ, "INTISARI_TEST_SHARED": os.environ.get(
        "INTISARI_TEST_SHARED", str(ROOT.parent / "shared"))}
    if not args.summary:
        run = [str(MUTMUT), "run", "--max-children", str(CHILDREN), *args.mutants]
        subprocess.run(["nice", "-n", "10", *run], cwd=ROOT, env=env, check=False)
    results = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True).stdout
    print(summary(results, args.mutants))
    return 0


def summary(results: str, globs: list[str]) -> str:
    """Per module: killed, survived, timeouts, survival rate; then the survivors."""
    from fnmatch import fnmatch

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors = []
    for line in results.splitlines():
        match = _RESULT.match(line)
        if not match or (globs and not any(fnmatch(line.split(":")[0].strip(), g)
                                           for g in globs)):
            continue
        module = match["name"].split(".x")[0]
        counts[module][match["status"]] += 1
        if match["status"] == "survived":
            survivors.append(line.split(":")[0].strip())
    lines = ["| module | killed | survived | timeout | not run | survival |",
             "|---|---|---|---|---|---|"]
    total: Counter[str] = Counter()
    for module, by_status in sorted(counts.items()):
        total.update(by_status)
        lines.append(_row(module, by_status))
    lines.append(_row("**all**", total))
    return "\n".join([*lines, "", "survivors:", *survivors])


def _row(name: str, by_status: Counter[str]) -> str:
    killed, survived = by_status["killed"], by_status["survived"]
    decided = killed + survived
    rate = f"{100 * survived / decided:.1f}%" if decided else "-"
    not_run = sum(n for status, n in by_status.items()
                  if status not in ("killed", "survived", "timeout"))
    return f"| {name} | {killed} | {survived} | {by_status['timeout']} | {not_run} | {rate} |"


if __name__ == "__main__":
    sys.exit(main())
