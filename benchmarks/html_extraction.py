"""How well HTML ingest recovers the article body of real pages, against their ground truth.

Token precision, recall and F1 (bag of lower-cased ``\\w+`` tokens, mean over pages) of
the text trafilatura extracts ("extract") and of the engine's cleaned text ("clean"),
against the ``ground_truth`` of ``../shared/examples/html/manifest.jsonl`` (33 of the 34
pages have one).

    .venv/bin/python benchmarks/html_extraction.py
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import intisari
from intisari.ingest.html import extract

PAGES = Path(__file__).resolve().parents[1].parent / "shared/examples/html"
_TOKEN = re.compile(r"\w+")


def token_prf(predicted: str, truth: str) -> tuple[float, float, float]:
    found, wanted = Counter(_TOKEN.findall(predicted.lower())), Counter(
        _TOKEN.findall(truth.lower())
    )
    overlap = sum((found & wanted).values())
    precision = overlap / max(1, sum(found.values()))
    recall = overlap / max(1, sum(wanted.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    rows: list[tuple[str, str, tuple[float, float, float]]] = []
    for line in (PAGES / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        if not page["ground_truth"]:
            continue
        html = (PAGES / page["file"]).read_text(encoding="utf-8", errors="replace")
        rows.append(("extract", page["lang"], token_prf(extract(html).text, page["ground_truth"])))
        cleaned = intisari.summarize(html=html).text
        rows.append(("clean", page["lang"], token_prf(cleaned, page["ground_truth"])))
    print("| text    | pages | lang | precision | recall |   F1  |")
    print("|---------|------:|------|----------:|-------:|------:|")
    for stage in ("extract", "clean"):
        for lang in ("id", "en", "all"):
            scores = [s for name, code, s in rows if name == stage and lang in (code, "all")]
            p, r, f = (sum(s[i] for s in scores) / len(scores) for i in range(3))
            print(f"| {stage:<7} | {len(scores):5} | {lang:<4} |     {p:.3f} |  {r:.3f} "
                  f"| {f:.3f} |")


if __name__ == "__main__":
    main()
