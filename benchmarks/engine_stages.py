"""Where ``intisari.summarize`` spends its time, stage by stage, on IndoSum texts.

Runs the pipeline's stages one by one on every article (the same calls, in the same order,
as ``intisari.pipeline.summarize``), times each, and prints each stage's share of the total
and the articles per second of the whole, next to ``summarize`` itself called directly
(the difference is the cost of building the result). One core, median of repeats, CPU
time of this process (``time.process_time``): the machine is shared, and wall-clock time
would count other people's work.

    .venv/bin/python benchmarks/engine_stages.py            # all 2,712 IndoSum articles
    .venv/bin/python benchmarks/engine_stages.py --limit 500
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

import intisari
from intisari.ingest import load
from intisari.ingest.clean import clean_normalized, normalize
from intisari.ingest.prose import check_prose, check_script
from intisari.language.detect import detect_language
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import _default_ranker, build_document
from intisari.takeaways.letters import check_letters
from intisari.takeaways.select import select_takeaways

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/indosum.tune.jsonl"
#: Repeats of the whole pass; the median is reported (the machine is shared and noisy).
REPEATS = 3
STAGES = ("1 ingest", "2 language", "3 clean", "4 segment", "5 rank", "6 select")


def staged_pass(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each stage over all ``texts``."""
    ranker = _default_ranker()
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for text in texts:
        t0 = clock()
        raw = load(text=text, html=None, url=None, title=None, lang=None, options=DEFAULT_OPTIONS)
        t1 = clock()
        normalized = normalize(raw.text)
        check_script(normalized)
        language = detect_language(normalized, declared=raw.lang, page=raw.page_lang)
        t2 = clock()
        cleaned = clean_normalized(normalized, language.data, title=raw.title)
        t3 = clock()
        document = build_document(cleaned.text, raw.title, language, raw.headings)
        check_prose(document.text, [sentence.text for sentence in document.sentences],
                    DEFAULT_OPTIONS.min_words)
        check_letters(document)
        t4 = clock()
        scores = ranker.score(document)
        t5 = clock()
        # The automatic box, as ``summarize`` makes it (the sizer sees five candidates).
        select_takeaways(document, scores, None, ranker.sizer_for(language.code))
        t6 = clock()
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5),
                                  strict=True):
            spent[stage] += seconds
    return spent


def whole_pass(texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        intisari.summarize(text=text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines][: args.limit]

    intisari.summarize(text=texts[0])  # Load the language model and the ranker once.
    passes = [staged_pass(texts) for _ in range(REPEATS)]
    median = {stage: statistics.median(p[stage] for p in passes) for stage in STAGES}
    total = sum(median.values())
    whole = statistics.median(whole_pass(texts) for _ in range(REPEATS))

    print(f"{len(texts)} IndoSum articles, median of {REPEATS} passes, one core, "
          f"ranker {_default_ranker().name!r}\n")
    print("| stage        | ms/article | share |")
    print("|--------------|-----------:|------:|")
    for stage in STAGES:
        print(f"| {stage:<12} | {1000 * median[stage] / len(texts):10.3f} | "
              f"{median[stage] / total:5.1%} |")
    print(f"| stages total | {1000 * total / len(texts):10.3f} | 100%  |")
    print(f"\nstages alone: {len(texts) / total:,.0f} articles/s; "
          f"intisari.summarize: {len(texts) / whole:,.0f} articles/s "
          f"(result building: {1000 * (whole - total) / len(texts):.3f} ms/article)")


if __name__ == "__main__":
    main()
