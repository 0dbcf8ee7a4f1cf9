"""``evaluate --method llm``'s report: its lists of bullets say when they are cut short."""

from __future__ import annotations

from intisari.evaluation.llm import EXAMPLES, LlmArticle, LlmEvaluation, llm_markdown
from intisari.llm.box import Bullet


def _article(accepted: int, dropped: int) -> LlmArticle:
    bullets = [Bullet(f"Bullet {n} diterima.", "accepted", 0.9) for n in range(accepted)]
    bullets += [Bullet(f"Bullet {n} ditolak.", "unsupported", 0.1) for n in range(dropped)]
    return LlmArticle(
        id="a1", language="id", bullets=bullets, failure=None, extract_box=[], llm_box=[],
        extract_wall_s=0.1, llm_wall_s=1.0, extract_cpu_s=0.1, llm_cpu_s=0.1,
        rouge1_extract=50.0, rouge1_llm=50.0,
    )  # fmt: skip


def _section(report: str, heading: str) -> list[str]:
    """The lines under the heading that opens with ``heading``, up to the next one."""
    below = report.split(f"## {heading}")[1].split("\n", 1)[1]
    return below.split("##")[0].strip().splitlines()


def test_a_list_cut_short_says_how_many_more() -> None:
    # "## Accepted bullets (shown)" listed 6 of 9 accepted bullets, with no word of the rest.
    report = llm_markdown(LlmEvaluation("t.jsonl", None, [_article(EXAMPLES + 3, EXAMPLES)]))
    accepted = _section(report, "Accepted bullets (shown)")
    assert len(accepted) == EXAMPLES + 1
    assert accepted[-1] == "- and 3 more (all of them: llm-bullets.jsonl, with --out)"
    rejected = _section(report, "Rejected bullets")
    assert len(rejected) == EXAMPLES and "more" not in rejected[-1]  # all of them, nothing to add
