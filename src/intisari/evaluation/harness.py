"""``intisari evaluate``: the engine beside lead-3 and LexRank on the same articles, same run.

Systems, each scored on every article of the file:

* ``intisari``: ``intisari.summarize(text=...)``, the product's default box (sized to the
  article by the language's box sizer or word budget), through the public API; its
  articles/s is the engine's real speed from clean text.
* ``intisari (3)``: the same document, ranker and selection with a fixed ``count=3``.
* ``lead-3`` and ``lexrank``: the first three sentences and LexRank's top three, on the
  engine's own cleaning and sentence splitter (see ``baselines``).

For each: ROUGE-1/2/Lsum F1 (``rouge``), grounded share, boilerplate share, share opening
with a dangling reference whose antecedent is not in the box, words per takeaway (mean,
and per bullet the median, 90th percentile and largest), the share of boxes that are the
article's first k sentences (lead copies; ``metrics.box_shape``, as ``evaluate --pages``
reports them), and articles/s (systems on the shared document add the time that building it took).
Regression cases exported by the service (lines with ``report`` and no ``summary``) are
re-summarized, and the reported takeaways the engine still produces are listed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from intisari.document import Document
from intisari.errors import InputError
from intisari.evaluation.baselines import LexRankRanker, top_sentences
from intisari.evaluation.corpus import Article, to_articles
from intisari.evaluation.metrics import (
    box_shape,
    grounded,
    is_boilerplate,
    is_lead_copy,
    leans_on_missing,
    sentence_indexes,
)
from intisari.evaluation.rouge import rouge
from intisari.pipeline import summarize
from intisari.ranking import Ranker, default_ranker
from intisari.result import Takeaway
from intisari.takeaways.select import select_takeaways
from intisari.takeaways.text import reading_length

__all__ = [
    "LENGTH_BUCKETS",
    "REGRESSION_CATEGORIES",
    "Evaluation",
    "Regression",
    "SystemScores",
    "evaluate_records",
    "length_bucket",
    "summary_figures",
]

#: Article lengths (words) at which the by-length plot and table cut: short briefs,
#: typical IndoSum news, typical CNN stories, long features.
LENGTH_BUCKETS = (200, 400, 800)
#: Report categories that mean the takeaway itself is wrong (``missing-context`` and
#: ``other`` may be about the article or the box as a whole).
REGRESSION_CATEGORIES = frozenset({"inaccurate", "misleading", "offensive"})
ENGINE = "intisari"
ENGINE_FIXED = "intisari (3)"
BASELINE_COUNT = 3


@dataclass
class SystemScores:
    """One system's per-article rows and its total time."""

    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def mean(self, key: str) -> float:
        values = [row[key] for row in self.rows if row.get(key) is not None]
        return float(np.mean(values)) if values else 0.0

    def share(self, key: str) -> float:
        """Percent of all takeaways with the per-takeaway flag ``key``."""
        total = sum(row["takeaways"] for row in self.rows)
        return 100.0 * sum(row[key] for row in self.rows) / total if total else 0.0

    def words_per_takeaway(self) -> float:
        total = sum(row["takeaways"] for row in self.rows)
        return sum(row["words"] for row in self.rows) / total if total else 0.0

    def articles_per_second(self) -> float:
        return len(self.rows) / self.seconds if self.seconds else 0.0


@dataclass
class Regression:
    """A reader's confirmed report re-checked against the current engine."""

    id: str
    category: str
    takeaway: str
    still_present: bool


@dataclass
class Evaluation:
    """Everything ``write_outputs`` needs."""

    source: str
    systems: list[SystemScores]
    skipped: list[dict[str, str]] = field(default_factory=list)
    regressions: list[Regression] = field(default_factory=list)
    #: Confirmed reports that are no regression case, each with why: a report on the
    #: whole box, on what it leaves out, or on a bullet the exported box does not hold.
    unchecked: list[dict[str, str]] = field(default_factory=list)
    method: str = ""


def evaluate_records(
    records: list[dict[str, Any]], source: str, ranker: Ranker | None = None
) -> Evaluation:
    """Score every system on the records with references; re-check regression cases."""
    ranker = ranker or default_ranker()
    scored = [r for r in records if r.get("summary")]
    cases = [r for r in records if not r.get("summary") and isinstance(r.get("report"), dict)]
    evaluation = Evaluation(source=source, systems=[], method=ranker.name)
    evaluation.skipped = [
        {"id": str(r.get("id")), "reason": "neither a summary nor a report"}
        for r in records if not r.get("summary") and not isinstance(r.get("report"), dict)
    ]
    started = time.process_time()
    articles = to_articles(scored)
    document_seconds = time.process_time() - started
    evaluation.skipped += [{"id": a.id, "reason": a.error or ""} for a in articles if a.error]
    usable = [a for a in articles if a.document is not None]
    evaluation.systems.append(_engine(usable, ranker))
    lexrank = LexRankRanker()
    others: list[tuple[str, Callable[[Document], list[Takeaway]]]] = [
        (ENGINE_FIXED, lambda d: select_takeaways(d, ranker.score(d), BASELINE_COUNT)),
        ("lead-3", lambda d: _sentences(d, list(range(min(BASELINE_COUNT, len(d.sentences)))))),
        ("lexrank", lambda d: _sentences(d, top_sentences(lexrank.score(d), BASELINE_COUNT))),
    ]
    for name, system in others:
        scores = SystemScores(name)
        started = time.process_time()
        boxes = [system(a.document) for a in usable if a.document is not None]
        scores.seconds = time.process_time() - started + document_seconds
        for article, box in zip(usable, boxes, strict=True):
            assert article.document is not None
            scores.rows.append(_row(article, article.document, article.document.text, box))
        evaluation.systems.append(scores)
    evaluation.regressions, evaluation.unchecked = _regressions(cases, ranker)
    return evaluation


def _engine(articles: list[Article], ranker: Ranker) -> SystemScores:
    scores = SystemScores(ENGINE)
    results = []
    started = time.process_time()
    for article in articles:
        record = article.record
        results.append(
            summarize(
                text=record["text"], title=record.get("title"), lang=record.get("lang"),
                ranker=ranker,
            )
        )
    scores.seconds = time.process_time() - started
    for article, result in zip(articles, results, strict=True):
        assert article.document is not None
        scores.rows.append(_row(article, article.document, result.text, result.takeaways))
    return scores


def _sentences(document: Document, indexes: list[int]) -> list[Takeaway]:
    return [
        Takeaway(
            text=document.sentences[i].text,
            spans=[(document.sentences[i].start, document.sentences[i].end)],
            score=1.0,
        )
        for i in indexes
    ]


def _row(article: Article, document: Document, text: str, box: list[Takeaway]) -> dict[str, Any]:
    """Scores and checks of one box; ``text`` is the text its spans point into."""
    data = document.language.data
    indexes = sentence_indexes(document, box)
    in_box = set(indexes)
    r = rouge([t.text for t in box], article.references)
    dangling = 0
    for takeaway in box:
        index = document.sentence_at(takeaway.spans[0][0]) if takeaway.spans else -1
        dangling += leans_on_missing(takeaway.text, document, index, in_box)
    return {
        "id": article.id,
        "lang": document.language.code,
        "article_words": len(document.text.split()),
        "rouge1": r.rouge1,
        "rouge2": r.rouge2,
        "rougeLsum": r.rougeLsum,
        "takeaways": len(box),
        "words": sum(reading_length(t.text) for t in box),
        "bullet_words": [reading_length(t.text) for t in box],
        "lead_copy": is_lead_copy(indexes),
        "grounded": sum(grounded(text, t) for t in box),
        "boilerplate": sum(is_boilerplate(t.text, data) for t in box),
        "dangling": dangling,
        "box": [t.text for t in box],
        "reference": article.references,
    }


def _regressions(
    cases: list[dict[str, Any]], ranker: Ranker
) -> tuple[list[Regression], list[dict[str, str]]]:
    """Reported takeaways (wrong ones, not missing context) the engine still writes, and
    the confirmed reports that are not checked, with why.

    A bullet is still written when today's box holds the bullet the reader saw, or the
    engine's bullet at that index: an editor may have shortened it before the reader
    reported it ("21 of 22" had counted such a case as fixed while the engine still
    wrote the whole sentence; an operator's trial)."""
    found: list[Regression] = []
    unchecked: list[dict[str, str]] = []
    for case in cases:
        report = case["report"]
        index = report.get("takeaway_index")
        takeaways = case.get("takeaways") or []
        case_id = str(case.get("id"))
        if report.get("category") not in REGRESSION_CATEGORIES:
            unchecked.append({"id": case_id, "reason": f"category {report.get('category')}"})
            continue
        if not isinstance(index, int):
            unchecked.append({"id": case_id, "reason": "a report on the whole box"})
            continue
        if not 0 <= index < len(takeaways):
            unchecked.append({"id": case_id, "reason": f"no bullet {index} in the box"})
            continue
        written = takeaways[index]["text"] if isinstance(takeaways[index], dict) else ""
        # The bullet the reader saw (an editor may have changed the box since); cases
        # exported before reports kept it have the engine's bullet at the index.
        reported = report.get("takeaway_text") or written
        try:
            result = summarize(
                text=case.get("text") or "", title=case.get("title"), lang=case.get("lang"),
                count=max(1, min(5, len(takeaways))), ranker=ranker,
            )
            current = {t.text for t in result.takeaways}
        except InputError:
            current = set()
        found.append(Regression(case_id, report["category"], reported,
                                reported in current or written in current))
    return found, unchecked


def length_bucket(words: int) -> str:
    """The by-length bucket label of an article of ``words`` words."""
    low = 0
    for high in LENGTH_BUCKETS:
        if words < high:
            return f"{low}-{high - 1}"
        low = high
    return f"{low}+"


def summary_figures(system: SystemScores) -> dict[str, float]:
    return {
        "rouge1": system.mean("rouge1"),
        "rouge2": system.mean("rouge2"),
        "rougeLsum": system.mean("rougeLsum"),
        "grounded": system.share("grounded"),
        "boilerplate": system.share("boilerplate"),
        "dangling": system.share("dangling"),
        "words_per_takeaway": system.words_per_takeaway(),
        **box_shape(
            [n for row in system.rows for n in row["bullet_words"]],
            [row["lead_copy"] for row in system.rows if row["takeaways"]],
        ),
        "articles_per_second": system.articles_per_second(),
    }
