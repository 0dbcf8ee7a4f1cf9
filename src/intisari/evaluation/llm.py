"""``intisari evaluate --method llm``: what the checker does to an LLM's bullets.

For each article (the same document for both boxes): the extractive box and the LLM box
(``pipeline.choose_takeaways``), timed. Reported: how many bullets the model wrote, how
many the checker accepted and why the rest were dropped (``unsupported``, ``unclear``,
``duplicate``, ``malformed``), boxes that fell back wholly and why, the share of shown
bullets written by the LLM, ROUGE of both boxes against the human summary, the latency the
LLM adds (wall clock: what a reader waits; mostly the model server) and the CPU it adds in
our process (the checker, parsing, HTTP), and examples of accepted and rejected bullets.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from intisari.evaluation.corpus import to_articles
from intisari.evaluation.rouge import rouge
from intisari.llm.box import Bullet
from intisari.llm.config import LlmConfig
from intisari.options import Options
from intisari.pipeline import choose_takeaways
from intisari.ranking import Ranker, default_ranker
from intisari.result import Takeaway

__all__ = ["LlmArticle", "LlmEvaluation", "evaluate_llm", "llm_markdown", "write_llm_outputs"]

#: Examples of each kind (accepted, rejected) the report prints.
EXAMPLES = 6
#: Every bullet with its verdict, one JSON line each, beside the report (``--out``).
BULLETS_FILE = "llm-bullets.jsonl"
#: Verdicts in the order the report lists them.
VERDICTS = ("accepted", "unsupported", "unclear", "duplicate", "malformed")


@dataclass
class LlmArticle:
    id: str
    language: str
    bullets: list[Bullet]
    failure: str | None
    extract_box: list[Takeaway]
    llm_box: list[Takeaway]
    #: Wall-clock and CPU seconds of each box's stages 5-6 on the same document.
    extract_wall_s: float
    llm_wall_s: float
    extract_cpu_s: float
    llm_cpu_s: float
    rouge1_extract: float
    rouge1_llm: float


@dataclass
class LlmEvaluation:
    source: str
    model: str | None
    articles: list[LlmArticle] = field(default_factory=list)
    skipped: int = 0

    def verdicts(self) -> Counter[str]:
        return Counter(b.verdict for a in self.articles for b in a.bullets)

    def failures(self) -> Counter[str]:
        return Counter(a.failure for a in self.articles if a.failure)


def evaluate_llm(
    records: list[dict[str, Any]],
    source: str,
    config: LlmConfig,
    ranker: Ranker | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LlmEvaluation:
    """Both boxes of every record with a human summary, one article at a time."""
    ranker = ranker or default_ranker()
    options = Options(method="llm", llm=config)
    articles = to_articles([r for r in records if r.get("summary")])
    evaluation = LlmEvaluation(source, config.model)
    evaluation.skipped = sum(1 for a in articles if a.document is None)
    usable = [a for a in articles if a.document is not None]
    for number, article in enumerate(usable, 1):
        assert article.document is not None
        document = article.document
        wall, cpu = time.perf_counter(), time.process_time()
        extract_box, _none = choose_takeaways(document, ranker, None, "extract", options)
        extract_wall, extract_cpu = time.perf_counter() - wall, time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        llm_box, checked = choose_takeaways(document, ranker, None, "llm", options)
        llm_wall, llm_cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert checked is not None
        evaluation.articles.append(
            LlmArticle(
                id=article.id,
                language=document.language.code,
                bullets=checked.bullets,
                failure=checked.failure,
                extract_box=extract_box,
                llm_box=llm_box,
                extract_wall_s=extract_wall,
                llm_wall_s=llm_wall,
                extract_cpu_s=extract_cpu,
                llm_cpu_s=llm_cpu,
                rouge1_extract=rouge([t.text for t in extract_box], article.references).rouge1,
                rouge1_llm=rouge([t.text for t in llm_box], article.references).rouge1,
            )
        )
        if progress is not None:
            progress(number, len(usable))
    return evaluation


def llm_markdown(evaluation: LlmEvaluation) -> str:
    """The report: verdicts, fallbacks, share shown, ROUGE, latency, examples."""
    articles = evaluation.articles
    verdicts = evaluation.verdicts()
    written = sum(verdicts.values())
    rejected = written - verdicts["accepted"]
    shown = [t for a in articles for t in a.llm_box]
    from_llm = sum(1 for t in shown if t.origin == "llm")
    added = [a.llm_wall_s - a.extract_wall_s for a in articles]
    lines = [
        f"# LLM bullets, checked: {evaluation.source}",
        "",
        f"{len(articles)} articles ({evaluation.skipped} skipped), model "
        f"{evaluation.model or '(server default)'}.",
        "",
        "| | count | share of bullets written |",
        "|---|---|---|",
        f"| bullets written | {written} | 100% |",
    ]
    for verdict in VERDICTS:
        lines.append(f"| {verdict} | {verdicts[verdict]} | {_pct(verdicts[verdict], written)} |")
    lines += [
        f"| **rejected** (all but accepted) | **{rejected}** | **{_pct(rejected, written)}** |",
        "",
        f"Boxes that fell back wholly to extraction: {sum(evaluation.failures().values())}"
        + "".join(f", {reason} {n}" for reason, n in evaluation.failures().most_common())
        + ".",
        f"Takeaways shown: {len(shown)}, of which written by the LLM (and checked): "
        f"{from_llm} ({_pct(from_llm, len(shown))}); the rest extracted.",
        "",
        "| | extractive box | LLM box |",
        "|---|---|---|",
        f"| ROUGE-1 F1 (mean) | {_mean(a.rouge1_extract for a in articles):.2f} | "
        f"{_mean(a.rouge1_llm for a in articles):.2f} |",
        f"| wall s per article, median (p90) | {_median(a.extract_wall_s for a in articles)} "
        f"| {_median(a.llm_wall_s for a in articles)} ({_p90(a.llm_wall_s for a in articles)}) |",
        f"| CPU s in our process, median | {_median(a.extract_cpu_s for a in articles)} | "
        f"{_median(a.llm_cpu_s for a in articles)} |",
        "",
        "Added latency per article (LLM box minus extractive box, wall clock; the model "
        f"server's time dominates): median {_median(added)} s, p90 {_p90(added)} s.",
        "",
        "## Accepted bullets (shown)",
        "",
    ]
    accepted = [(a, b) for a in articles for b in a.bullets if b.verdict == "accepted"]
    lines += _examples([f"- [{a.id}] {b.text} (support {b.score})" for a, b in accepted])
    lines += ["", "## Rejected bullets (dropped, replaced by extracted takeaways)", ""]
    dropped = []
    for article, bullet in ((a, b) for a in articles for b in a.bullets):
        if bullet.verdict == "accepted":
            continue
        why = f"; {'; '.join(bullet.reasons)}" if bullet.reasons else ""
        support = "" if bullet.score is None else f", support {bullet.score}"
        dropped.append(f"- [{article.id}] {bullet.text} ({bullet.verdict}{support}{why})")
    lines += _examples(dropped)
    return "\n".join(lines) + "\n"


def _examples(items: list[str]) -> list[str]:
    """The first ``EXAMPLES`` of ``items``, and how many more there are: under "Accepted
    bullets (shown)" 6 of 9 were listed with no word of the other 3 (a new user's
    report)."""
    more = len(items) - EXAMPLES
    if more <= 0:
        return items
    return [*items[:EXAMPLES], f"- and {more} more (all of them: {BULLETS_FILE}, with --out)"]


def write_llm_outputs(evaluation: LlmEvaluation, out: Path) -> list[Path]:
    """``llm-report.md`` and ``llm-bullets.jsonl`` (every bullet with its verdict)."""
    out.mkdir(parents=True, exist_ok=True)
    report = out / "llm-report.md"
    report.write_text(llm_markdown(evaluation), encoding="utf-8")
    bullets = out / BULLETS_FILE
    with bullets.open("w", encoding="utf-8") as lines:
        for article in evaluation.articles:
            for bullet in article.bullets:
                row = {"id": article.id, "language": article.language, **asdict(bullet)}
                lines.write(json.dumps(row, ensure_ascii=False) + "\n")
    return [report, bullets]


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _mean(values: Any) -> float:
    values = list(values)
    return statistics.fmean(values) if values else 0.0


def _median(values: Any) -> str:
    values = list(values)
    return f"{statistics.median(values):.3f}" if values else "-"


def _p90(values: Any) -> str:
    values = sorted(values)
    return f"{values[int(0.9 * (len(values) - 1))]:.3f}" if values else "-"
