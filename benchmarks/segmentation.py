"""Sentence splitting, ours against popular splitters: English rules, Indonesian boundaries,
speed, all in one run.

- **Golden rules** (English): how many of the 48 classic cases of the "Golden Rules"
  (``tests/language/test_segment_golden_rules.py``, pySBD's English benchmark) a splitter
  splits exactly as expected, each case given whole (sentences compared stripped).
- **Boundary precision, recall, F1** (Indonesian): gold is the ``sentences`` field of
  IndoSum (``../shared/data/indosum.tune.jsonl``), the dataset's own split of ``text``.
  IndoSum was detokenized by rule, so its sentences and its text differ in spacing: a
  boundary is therefore compared as a position in the text with all whitespace removed
  (the number of non-space characters before it), which both sides agree on whatever
  their spacing. Every splitter gets the article one paragraph at a time (a blank line
  always ends a sentence in news text, and our pipeline splits paragraphs first too),
  and only the boundaries *inside* paragraphs are scored: paragraph ends are free for
  every system and would only inflate the figures.
- **Speed**: IndoSum articles per second, one core.

    .venv/bin/python benchmarks/segmentation.py            # table over all 2,712 articles
    .venv/bin/python benchmarks/segmentation.py --errors 20  # plus our misses, for tuning
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from intisari.language.data import LANGUAGES
from intisari.language.segment import paragraph_spans, sentence_spans

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "language"))

from test_segment_golden_rules import GOLDEN_RULES

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/indosum.tune.jsonl"

#: Timing repeats; the median is reported because the machine is shared and noisy.
REPEATS = 5
#: Articles timed per repeat: enough for a stable rate, few enough that pysbd (the slowest)
#: finishes in seconds.
TIMED_ARTICLES = 300

_SPACE = re.compile(r"\s+")

#: A splitter takes one paragraph and returns its sentences' ``(start, end)`` offsets.
Splitter = Callable[[str], list[tuple[int, int]]]


def _ours(language: str) -> Splitter:
    rules = LANGUAGES[language]
    return lambda paragraph: sentence_spans(paragraph, rules)


def _pysbd(language: str) -> Splitter:
    import pysbd

    # pysbd has no Indonesian rules; English is the closest it has (Latin script, same
    # punctuation), and the one people reach for.
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda paragraph: [(s.start, s.end) for s in segmenter.segment(paragraph)]


def _sentencex(language: str) -> Splitter:
    import sentencex

    def split(paragraph: str) -> list[tuple[int, int]]:
        return _offsets_of(paragraph, sentencex.segment(language, paragraph))

    return split


def _blingfire(language: str) -> Splitter:
    import blingfire

    return lambda paragraph: list(blingfire.text_to_sentences_and_offsets(paragraph)[1])


#: Each makes a splitter for a language code ("en" for the golden rules, "id" for IndoSum).
SPLITTERS: dict[str, Callable[[str], Splitter]] = {
    "intisari": _ours,
    "pysbd 0.3 (en)": _pysbd,
    "sentencex": _sentencex,
    "blingfire": _blingfire,
}


def golden_failures(split: Splitter) -> list[tuple[str, list[str]]]:
    """The golden rules ``split`` gets wrong: each case's name and the sentences it gave."""
    failures = []
    for name, text, expected in GOLDEN_RULES:
        found = [text[start:end].strip() for start, end in split(text)]
        if [sentence for sentence in found if sentence] != expected:
            failures.append((name, found))
    return failures


def _offsets_of(paragraph: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of splitter output given as strings (each found after the previous one)."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = paragraph.find(piece, cursor)
        if start < 0:  # The splitter changed the text; fall back to its running length.
            start = cursor
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def _dense(text: str) -> int:
    return len(_SPACE.sub("", text))


@dataclass
class Article:
    """One IndoSum article: its paragraphs and the gold in-paragraph boundaries."""

    id: str
    paragraphs: list[str]
    #: Absolute dense offset of each paragraph's start.
    paragraph_starts: list[int]
    gold: set[int]


def load(path: Path, limit: int | None) -> tuple[list[Article], int]:
    """Articles whose gold sentences cover their text exactly (others are counted)."""
    articles, skipped = [], 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text, sentences = record["text"], record.get("sentences") or []
            if _SPACE.sub("", text) != _SPACE.sub("", "".join(sentences)):
                skipped += 1
                continue
            paragraphs, starts, paragraph_ends = [], [], set()
            for start, end in paragraph_spans(text):
                starts.append(_dense(text[:start]))
                paragraphs.append(text[start:end])
                paragraph_ends.add(_dense(text[:end]))
            gold, position = set(), 0
            for sentence in sentences[:-1]:
                position += _dense(sentence)
                gold.add(position)
            articles.append(Article(record["id"], paragraphs, starts, gold - paragraph_ends))
            if limit and len(articles) == limit:
                break
    return articles, skipped


def boundaries(article: Article, split: Splitter) -> set[int]:
    """Predicted in-paragraph boundaries, as dense offsets into the whole article."""
    found = set()
    for paragraph, base in zip(article.paragraphs, article.paragraph_starts, strict=True):
        for _start, end in split(paragraph)[:-1]:
            found.add(base + _dense(paragraph[:end]))
    return found


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(articles: list[Article], split: Splitter) -> Score:
    score = Score()
    for article in articles:
        found = boundaries(article, split)
        score.true_positives += len(found & article.gold)
        score.predicted += len(found)
        score.gold += len(article.gold)
    return score


def speed(articles: list[Article], split: Splitter) -> tuple[float, float]:
    """Median articles/s and sentences/s over ``REPEATS`` passes of the timed articles."""
    sample = articles[:TIMED_ARTICLES]
    sentences = sum(len(split(p)) for a in sample for p in a.paragraphs)
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        for article in sample:
            for paragraph in article.paragraphs:
                split(paragraph)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    return len(sample) / median, sentences / median


def show_errors(articles: list[Article], split: Splitter, limit: int) -> None:
    """Print our false splits (+) and misses (-) with their context, for rule tuning."""
    shown = 0
    for article in articles:
        found = boundaries(article, split)
        text = " ".join(article.paragraphs)
        dense_to_raw = [i for i, ch in enumerate(text) if not ch.isspace()]
        for sign, positions in (("+", found - article.gold), ("-", article.gold - found)):
            for position in sorted(positions):
                raw = dense_to_raw[min(position, len(dense_to_raw) - 1)]
                print(f"{sign} {article.id}: …{text[max(0, raw - 60):raw]}‖{text[raw:raw + 40]}…")
                shown += 1
                if shown >= limit:
                    return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="read only this many articles")
    parser.add_argument(
        "--errors", type=int, default=0,
        help="show this many of our IndoSum errors, and the golden rules we fail",
    )
    parser.add_argument("--only", choices=list(SPLITTERS), help="run one splitter")
    args = parser.parse_args()

    articles, skipped = load(args.data, args.limit)
    gold = sum(len(a.gold) for a in articles)
    print(f"Golden rules: {len(GOLDEN_RULES)} English cases, each split whole. IndoSum: "
          f"{len(articles)} articles ({skipped} skipped: gold does not cover the text), "
          f"{gold} gold in-paragraph boundaries; speed: median of {REPEATS} passes over "
          f"{min(TIMED_ARTICLES, len(articles))} IndoSum articles, one core\n")
    print(f"| {'splitter':<16} | golden rules | precision | recall |    F1  | articles/s |"
          " sentences/s |")
    print(f"|{'-' * 18}|--------------|-----------|--------|--------|------------|"
          "-------------|")
    for name, make in SPLITTERS.items():
        if args.only and name != args.only:
            continue
        passed = len(GOLDEN_RULES) - len(golden_failures(make("en")))
        split = make("id")
        score = evaluate(articles, split)
        rate, sentence_rate = speed(articles, split)
        golden = f"{passed} of {len(GOLDEN_RULES)}"
        print(f"| {name:<16} | {golden:>12} |   {score.precision:6.2%} | "
              f"{score.recall:6.2%} | {score.f1:6.2%} | {rate:10,.0f} | {sentence_rate:11,.0f} |")
    if args.errors:
        name = args.only or "intisari"
        print(f"\nGolden rules {name} fails:")
        for case, found in golden_failures(SPLITTERS[name]("en")):
            print(f"- {case}: {found}")
        print()
        show_errors(articles, SPLITTERS[name]("id"), args.errors)


if __name__ == "__main__":
    main()
