"""The HTML path against other extractors: speed and how well each recovers the body.

In one run, interleaved pass by pass, on the real pages of ``../shared/examples/html``:

- speed: pages per second of CPU time (``time.process_time``), median of ``--passes``
  passes over all pages, and each system's ratio to trafilatura's default;
- extraction token F1 (bag of lower-cased ``\\w+`` tokens, mean over pages) against the
  ``ground_truth`` of the 33 pages that have one, per language.

Systems: ``intisari.summarize(html=...)`` (the whole engine; F1 of its cleaned text),
our extraction alone (``ingest.html.extract``: the fast path, trafilatura where unsure),
the trafilatura call we made before the fast path (``favor_precision``), plain
``trafilatura.extract`` (default and ``fast=True``), resiliparse's main-content
extractor if installed (the ``dev`` extra), and parsing alone (lexbor, lxml) as a floor.
With ``--baseline REV``, ``summarize(html)`` and the extraction of the package at git
revision ``REV`` too (exported with ``git archive``, run in a child process that this one
drives pass by pass, interleaved with the rest), and our speed as a multiple of its.

    .venv/bin/python benchmarks/html_extraction.py [--passes 5] [--baseline REV]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

# One core: numpy's BLAS must not spread over others (set before numpy is imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import intisari
from intisari.errors import InputError
from intisari.ingest.html import FALLBACK, _trafilatura, extract

REPOSITORY = Path(__file__).resolve().parents[1]
PAGES = REPOSITORY.parent / "shared/examples/html"
_TOKEN = re.compile(r"\w+")
BASELINE = "trafilatura.extract default"


def token_prf(predicted: str, truth: str) -> tuple[float, float, float]:
    found, wanted = Counter(_TOKEN.findall(predicted.lower())), Counter(
        _TOKEN.findall(truth.lower())
    )
    overlap = sum((found & wanted).values())
    precision = overlap / max(1, sum(found.values()))
    recall = overlap / max(1, sum(wanted.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def systems() -> dict[str, Callable[[str], str | None]]:
    """Each system as a function from a page's HTML to its text (None: speed only)."""
    import lxml.html
    import trafilatura
    from selectolax.lexbor import LexborHTMLParser

    found: dict[str, Callable[[str], str | None]] = {
        "intisari.summarize(html)": _summary_text,
        "intisari extract (fast path)": lambda html: extract(html).text,
        "before: trafilatura precision": lambda html: _trafilatura(html, None),
        BASELINE: lambda html: trafilatura.extract(html) or "",
        "trafilatura.extract fast=True": lambda html: trafilatura.extract(html, fast=True) or "",
    }
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        pass
    else:
        found["resiliparse main_content"] = lambda html: extract_plain_text(
            HTMLTree.parse(html), main_content=True
        )
    found["lexbor parse only"] = lambda html: _parse_only(LexborHTMLParser, html)
    found["lxml parse only"] = lambda html: _parse_only(lxml.html.fromstring, html)
    return found


def _summary_text(html: str) -> str | None:
    """The engine's cleaned text; None for a page it refuses (the shared advice column is
    refused as not news): the refusal's time is counted, its text scored by no one."""
    try:
        return intisari.summarize(html=html).text
    except InputError:
        return None


def _parse_only(parse: Callable[[str], object], html: str) -> None:
    """Parsing alone, as a floor for what any extractor on that parser costs."""
    parse(html)


#: What the child process of ``--baseline`` runs, on the package at that revision: the
#: same pages, a pass of a named system per request, then the texts for F1. It uses only
#: the public ``summarize`` and ``ingest.html.extract``, which older revisions have too.
_BASELINE_CHILD = """
import json, sys, time
import intisari
from intisari.errors import InputError
from intisari.ingest.html import extract
def summarize(html):
    try:
        return intisari.summarize(html=html).text
    except InputError:
        return None
SYSTEMS = {"summarize": summarize, "extract": lambda html: extract(html).text}
pages = json.loads(sys.stdin.readline())
for html in pages:
    for function in SYSTEMS.values():
        function(html)
print("ready", flush=True)
for line in sys.stdin:
    command, name = line.split()
    if command == "pass":
        start = time.process_time()
        for html in pages:
            SYSTEMS[name](html)
        print(time.process_time() - start, flush=True)
    else:
        print(json.dumps([SYSTEMS[name](html) for html in pages]), flush=True)
"""
#: The child's systems, by the names of our rows for the same thing.
_BASELINE_SYSTEMS = {"summarize": "intisari.summarize(html)",
                     "extract": "intisari extract (fast path)"}


class _Baseline:
    """The package at another git revision, measured in a child process on request."""

    def __init__(self, revision: str, pages: list[str], directory: Path) -> None:
        archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=REPOSITORY,
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(directory, filter="data")
        self.revision = revision
        self.child = subprocess.Popen(
            [sys.executable, "-c", _BASELINE_CHILD], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(directory / "src")},
        )
        assert self.child.stdin and self.child.stdout
        self.child.stdin.write(json.dumps(pages) + "\n")
        self.child.stdin.flush()
        if self.child.stdout.readline().strip() != "ready":
            raise SystemExit(f"the package at {revision} did not start")

    def ask(self, command: str, name: str) -> str:
        assert self.child.stdin and self.child.stdout
        self.child.stdin.write(f"{command} {name}\n")
        self.child.stdin.flush()
        return self.child.stdout.readline()

    def names(self) -> dict[str, str]:
        """Our row names for the child's systems."""
        return {f"{self.revision}: {row}": name for name, row in _BASELINE_SYSTEMS.items()}

    def close(self) -> None:
        assert self.child.stdin
        self.child.stdin.close()
        self.child.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--baseline", metavar="REV",
                        help="also measure the package at this git revision (e.g. main)")
    args = parser.parse_args()
    manifest = [json.loads(line) for line in
                (PAGES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    pages = [(page, (PAGES / page["file"]).read_text(encoding="utf-8", errors="replace"))
             for page in manifest]
    with tempfile.TemporaryDirectory() as directory:
        baseline = (_Baseline(args.baseline, [html for _, html in pages], Path(directory))
                    if args.baseline else None)
        try:
            report(pages, args.passes, baseline)
        finally:
            if baseline:
                baseline.close()


def report(pages: list[tuple[dict, str]], passes: int, other: _Baseline | None) -> None:
    """Measure every system (and ``other``'s, pass by pass with ours) and print the table."""
    found = systems()
    # Warm up on every page: imports, caches and models loaded on first use (py3langid's
    # on the first page whose declared language is doubted) are not timed.
    for _, html in pages:
        for function in found.values():
            function(html)
    theirs = other.names() if other else {}

    times: dict[str, list[float]] = {name: [] for name in [*found, *theirs]}
    for _ in range(passes):
        for name, function in found.items():
            start = time.process_time()
            for _, html in pages:
                function(html)
            times[name].append(time.process_time() - start)
        for name, system in theirs.items():
            times[name].append(float(other.ask("pass", system)))  # type: ignore[union-attr]

    texts = {name: [function(html) for _, html in pages] for name, function in found.items()}
    for name, system in theirs.items():
        texts[name] = json.loads(other.ask("texts", system))  # type: ignore[union-attr]
    scores: dict[str, dict[str, list[float]]] = {name: {"id": [], "en": []} for name in times}
    for index, (page, _) in enumerate(pages):
        if not page["ground_truth"]:
            continue
        for name in times:
            text = texts[name][index]
            if text is not None:
                scores[name][page["lang"]].append(token_prf(text, page["ground_truth"])[2])
    fallbacks = sum(extract(html).extractor == FALLBACK for _, html in pages)

    baseline = statistics.median(times[BASELINE])
    print(f"{len(pages)} pages ({sum(bool(p['ground_truth']) for p, _ in pages)} with ground "
          f"truth), {passes} passes, CPU time; fast path fell back on {fallbacks} pages\n")
    print("| system | pages/s | ms/page | speed vs trafilatura default | F1 id | F1 en | F1 all |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in times:
        seconds = statistics.median(times[name])
        by_lang = scores[name]
        every = by_lang["id"] + by_lang["en"]
        f1 = [f"{statistics.mean(s):.3f}" if s else "-" for s in (*by_lang.values(), every)]
        print(f"| {name} | {len(pages) / seconds:.0f} | {1000 * seconds / len(pages):.2f} "
              f"| {baseline / seconds:.2f}x | {' | '.join(f1)} |")
    for name, system in theirs.items():
        ours = _BASELINE_SYSTEMS[system]
        ratios = [them / us for them, us in zip(times[name], times[ours], strict=True)]
        print(f"\n{ours}: {statistics.median(ratios):.2f}x the speed of {name} "
              f"(median of the {passes} passes' ratios)", end="")
    if theirs:
        print()


if __name__ == "__main__":
    main()
