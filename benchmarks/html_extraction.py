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

    .venv/bin/python benchmarks/html_extraction.py [--passes 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import intisari
from intisari.ingest.html import FALLBACK, _trafilatura, extract

PAGES = Path(__file__).resolve().parents[1].parent / "shared/examples/html"
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
        "intisari.summarize(html)": lambda html: intisari.summarize(html=html).text,
        "intisari extract (fast path)": lambda html: extract(html).text,
        "before: trafilatura precision": lambda html: _trafilatura(html, None)[0],
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


def _parse_only(parse: Callable[[str], object], html: str) -> None:
    """Parsing alone, as a floor for what any extractor on that parser costs."""
    parse(html)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    manifest = [json.loads(line) for line in
                (PAGES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    pages = [(page, (PAGES / page["file"]).read_text(encoding="utf-8", errors="replace"))
             for page in manifest]
    found = systems()
    for html in (html for _, html in pages[:3]):  # Warm up: imports, caches, models.
        for function in found.values():
            function(html)

    times: dict[str, list[float]] = {name: [] for name in found}
    for _ in range(args.passes):
        for name, function in found.items():
            start = time.process_time()
            for _, html in pages:
                function(html)
            times[name].append(time.process_time() - start)

    scores: dict[str, dict[str, list[float]]] = {name: {"id": [], "en": []} for name in found}
    for page, html in pages:
        if not page["ground_truth"]:
            continue
        for name, function in found.items():
            text = function(html)
            if text is not None:
                scores[name][page["lang"]].append(token_prf(text, page["ground_truth"])[2])
    fallbacks = sum(extract(html).extractor == FALLBACK for _, html in pages)

    baseline = statistics.median(times[BASELINE])
    print(f"{len(pages)} pages ({sum(bool(p['ground_truth']) for p, _ in pages)} with ground "
          f"truth), {args.passes} passes, CPU time; fast path fell back on {fallbacks} pages\n")
    print("| system | pages/s | ms/page | speed vs trafilatura default | F1 id | F1 en | F1 all |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in found:
        seconds = statistics.median(times[name])
        by_lang = scores[name]
        every = by_lang["id"] + by_lang["en"]
        f1 = [f"{statistics.mean(s):.3f}" if s else "-" for s in (*by_lang.values(), every)]
        print(f"| {name} | {len(pages) / seconds:.0f} | {1000 * seconds / len(pages):.2f} "
              f"| {baseline / seconds:.2f}x | {' | '.join(f1)} |")


if __name__ == "__main__":
    main()
