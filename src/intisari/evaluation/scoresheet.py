"""What ``intisari evaluate`` writes: the score sheet (``report.md``), a plot, and per-article
JSONL.

Called "score sheet" in the code so that "report" means a reader's report only; the file
keeps its name, ``report.md``, which users and CI read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from intisari.evaluation.harness import (
    ENGINE,
    LENGTH_BUCKETS,
    Evaluation,
    SystemScores,
    length_bucket,
    summary_figures,
)

__all__ = ["markdown", "write_articles", "write_markdown", "write_outputs", "write_plot"]


def markdown(evaluation: Evaluation) -> str:
    """The report: the figures table, scores by article length, regressions, skipped."""
    lines = [
        f"# Evaluation of {evaluation.source}",
        "",
        f"Ranker: `{evaluation.method}`. ROUGE F1 x 100 as defined in `../shared/data/README.md`;",
        "grounded, boilerplate and dangling are percent of takeaways; lead copies are the "
        "percent of boxes that are the article's first k sentences.",
        "",
    ]
    if any(system.rows for system in evaluation.systems):
        lines += _figures(evaluation)
    else:
        # An export of confirmed reports has no reference summaries: tables of zero
        # articles said nothing, and "grounded 0.0" looked like a failure.
        lines.append("No record has a reference summary: nothing is scored with ROUGE.")
    if evaluation.regressions:
        present = [r for r in evaluation.regressions if r.still_present]
        lines += [
            "",
            "## Regression cases (confirmed reports)",
            "",
            f"Regressions still present: {len(present)} of {len(evaluation.regressions)} "
            "reported takeaways (inaccurate, misleading, offensive).",
            "",
        ]
        lines += [f"- `{r.id}` ({r.category}): {r.takeaway}" for r in present]
        fixed = [r for r in evaluation.regressions if not r.still_present]
        if fixed:
            lines += ["", f"No longer written ({len(fixed)}):", ""]
            lines += [f"- `{r.id}` ({r.category}): {r.takeaway}" for r in fixed]
    if evaluation.unchecked:
        lines += ["", f"## Confirmed reports not checked ({len(evaluation.unchecked)})", ""]
        lines += [f"- `{u['id']}`: {u['reason']}" for u in evaluation.unchecked]
    if evaluation.skipped:
        lines += ["", f"## Skipped ({len(evaluation.skipped)})", ""]
        lines += [f"- `{s['id']}`: {s['reason']}" for s in evaluation.skipped[:50]]
    return "\n".join(lines) + "\n"


def _figures(evaluation: Evaluation) -> list[str]:
    """The figures table and ROUGE-1 by article length, one row per system."""
    lines = [
        "| system | articles | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | grounded | boilerplate "
        "| dangling | words/takeaway | words per bullet: median / p90 / max | lead copies % "
        "| takeaways/article | articles/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for system in evaluation.systems:
        f = summary_figures(system)
        lines.append(
            f"| {system.name} | {len(system.rows)} | {f['rouge1']:.2f} | {f['rouge2']:.2f} | "
            f"{f['rougeLsum']:.2f} | {f['grounded']:.1f} | {f['boilerplate']:.1f} | "
            f"{f['dangling']:.1f} | {f['words_per_takeaway']:.1f} | "
            f"{f['words_median']:.0f} / {f['words_p90']:.0f} / {f['words_max']:.0f} | "
            f"{f['lead_copy_share']:.1f} | "
            f"{system.mean('takeaways'):.2f} | {f['articles_per_second']:.0f} |"
        )
    lines += ["", "## ROUGE-1 by article length (words)", ""]
    buckets = _bucket_names()
    lines.append("| system | " + " | ".join(buckets) + " |")
    lines.append("|---|" + "---|" * len(buckets))
    for system in evaluation.systems:
        by_bucket = _by_bucket(system)
        cells = [f"{by_bucket[b]:.2f}" if b in by_bucket else "-" for b in buckets]
        lines.append(f"| {system.name} | " + " | ".join(cells) + " |")
    counts: defaultdict[str, int] = defaultdict(int)
    for row in evaluation.systems[0].rows if evaluation.systems else []:
        counts[length_bucket(row["article_words"])] += 1
    lines.append("| articles | " + " | ".join(str(counts.get(b, 0)) for b in buckets) + " |")
    return lines


def write_markdown(evaluation: Evaluation, path: Path) -> Path:
    path.write_text(markdown(evaluation), encoding="utf-8")
    return path


def write_plot(evaluation: Evaluation, path: Path) -> Path:
    """Two panels: ROUGE per system, and ROUGE-1 per system by article length."""
    import matplotlib

    matplotlib.use("Agg")  # No display on servers and in CI.
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    kinds = ("rouge1", "rouge2", "rougeLsum")
    width = 0.8 / max(len(evaluation.systems), 1)
    for k, system in enumerate(evaluation.systems):
        positions = [i + k * width for i in range(len(kinds))]
        left.bar(positions, [system.mean(kind) for kind in kinds], width, label=system.name)
        by_bucket = _by_bucket(system)
        buckets = [b for b in _bucket_names() if b in by_bucket]
        right.plot(buckets, [by_bucket[b] for b in buckets], marker="o", label=system.name)
    left.set_xticks([i + width * (len(evaluation.systems) - 1) / 2 for i in range(len(kinds))])
    left.set_xticklabels(["ROUGE-1", "ROUGE-2", "ROUGE-Lsum"])
    left.set_ylabel("F1 x 100")
    left.set_ylim(0, 100)  # Headroom above the bars for the legend.
    left.set_title("Score per system")
    left.legend(fontsize="small", loc="upper right", ncol=2)
    right.set_xlabel("article length (words)")
    right.set_ylabel("ROUGE-1 F1 x 100")
    right.set_title("ROUGE-1 by article length")
    figure.suptitle(evaluation.source)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def write_articles(evaluation: Evaluation, path: Path) -> Path:
    """One line per article with every system's box; the engine's worst ROUGE-1 first."""
    by_id: dict[str, dict[str, object]] = {}
    for system in evaluation.systems:
        for row in system.rows:
            entry = by_id.setdefault(
                row["id"], {"id": row["id"], "lang": row["lang"], "words": row["article_words"],
                            "reference": row["reference"], "systems": {}}
            )
            entry["systems"][system.name] = {  # type: ignore[index]
                k: row[k] for k in ("rouge1", "rouge2", "rougeLsum", "box")
            }
    engine = {row["id"]: row["rouge1"] for s in evaluation.systems if s.name == ENGINE
              for row in s.rows}
    ordered = sorted(by_id.values(), key=lambda e: engine.get(str(e["id"]), 0.0))
    with path.open("w", encoding="utf-8") as out:
        for entry in ordered:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return path


def _bucket_names() -> list[str]:
    edges = (0, *LENGTH_BUCKETS)
    names = [f"{low}-{high - 1}" for low, high in zip(edges, LENGTH_BUCKETS, strict=False)]
    return [*names, f"{LENGTH_BUCKETS[-1]}+"]


def _by_bucket(system: SystemScores) -> dict[str, float]:
    sums: dict[str, list[float]] = defaultdict(list)
    for row in system.rows:
        sums[length_bucket(row["article_words"])].append(row["rouge1"])
    return {bucket: sum(v) / len(v) for bucket, v in sums.items()}


def write_outputs(evaluation: Evaluation, out: Path) -> list[Path]:
    """report.md, scores.png and articles.jsonl (worst engine ROUGE-1 first) under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    return [
        write_markdown(evaluation, out / "report.md"),
        write_plot(evaluation, out / "scores.png"),
        write_articles(evaluation, out / "articles.jsonl"),
    ]
