"""Quality gate on real pages: defective bullets may only go down, extraction F1 only up.

``intisari evaluate --pages ../shared/examples/html`` checks every bullet of the 44
shared pages as a reader would (``intisari.takeaways.checks``); this test pins its
totals in ``pages_ceilings.json``: the count of defective bullets and of each kind of
defect must not rise above the ceiling (the target is 0; paraphrased repeats, opening
phrases closed by a demonstrative, "such", promotions, subheadings and readers' letters
among them), no news article may be refused,
and the extraction's token F1 against the marked bodies must stay above its floor and
not fall below plain trafilatura's.

Lowering a ceiling (raising the F1 floor) is an ordinary commit. To rewrite them from a
run:

    INTISARI_UPDATE_CEILINGS=1 .venv/bin/python -m pytest tests/evaluation/test_pages_gate.py

which refuses to raise any ceiling (or lower the floor) unless
``INTISARI_RAISE_CEILINGS="<why>"`` is also set; the reason is recorded in the file.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest

from data_paths import HTML_PAGES, need

CEILINGS = Path(__file__).with_name("pages_ceilings.json")
#: The floor sits this far under the measured F1: the run is deterministic; this only
#: absorbs library versions (trafilatura, lxml) that split a page's text differently.
F1_TOLERANCE = 0.3

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def totals() -> dict[str, Any]:
    from intisari.evaluation.pages import evaluate_pages

    return evaluate_pages(need(HTML_PAGES)).totals()


def test_defects_stay_under_their_ceilings(totals: dict[str, Any]) -> None:
    if os.environ.get("INTISARI_UPDATE_CEILINGS"):
        _update(totals)
    pinned = json.loads(CEILINGS.read_text(encoding="utf-8"))
    ceilings = pinned["ceilings"]
    failures = [
        f"{kind}: {totals['defects'][kind]} defective bullets > ceiling {ceiling}"
        for kind, ceiling in ceilings["defects"].items()
        if totals["defects"][kind] > ceiling
    ]
    if totals["defective"] > ceilings["defective"]:
        failures.append(f"defective bullets: {totals['defective']} > {ceilings['defective']}")
    assert not failures, (
        "the boxes on the shared pages got worse (intisari evaluate --pages "
        "../shared/examples/html shows every bullet):\n" + "\n".join(failures)
    )


def test_no_news_article_is_refused(totals: dict[str, Any]) -> None:
    """Every refusal is of a page that is not news (``not-an-article``): the shared pages
    hold one syndicated advice column ("DEAR ABBY: ..."), whose letters are their
    writers' words, not facts for a box. The count is pinned so that no news page can
    join it unseen."""
    ceiling = json.loads(CEILINGS.read_text(encoding="utf-8"))["ceilings"]["refused_not_news"]
    assert totals["refused"] == totals["refused_not_news"]
    assert totals["refused_not_news"] <= ceiling


def test_bullets_are_read_in_one_glance(totals: dict[str, Any]) -> None:
    """Issue 12's targets: median <= 20 words a bullet, 90th percentile <= 30, none over
    the cap the selector holds every bullet to.

    The 90th percentile meets the target: 29.8 (13 of 133 bullets over 30 words, all
    one-clause sentences or quotations nothing can be cut from). It was 30.5 with 14 of
    136 before the reader's rules of commit "The box on real pages" (readers' letters,
    subheadings and repeats in other words went, and the boxes changed around them), and
    30.7 with the rules of 2026-12-03 before quotations were shown whole only up to 25
    words. On 2026-12-05 the retrained ranker's boxes left 13 of 129 over 30 (30.2) until
    a sentence over 30 words lost its asides in brackets in every language: 30.0, 12 of
    128.
    """
    from intisari.takeaways.compress import MAX_BULLET_WORDS

    assert totals["words_median"] <= 20
    assert totals["words_p90"] <= 30
    assert totals["words_max"] <= MAX_BULLET_WORDS


def test_extraction_f1_holds(totals: dict[str, Any]) -> None:
    floor = json.loads(CEILINGS.read_text(encoding="utf-8"))["floors"]["f1_engine"]
    assert totals["f1_engine"] >= floor
    assert totals["f1_engine"] >= totals["f1_trafilatura"]


def test_ceilings_file_pins_every_kind_of_defect() -> None:
    from intisari.takeaways.checks import DEFECTS

    pinned = json.loads(CEILINGS.read_text(encoding="utf-8"))
    assert set(pinned["ceilings"]["defects"]) == set(DEFECTS)
    assert pinned["ceilings"]["defective"] <= sum(pinned["ceilings"]["defects"].values())


def _update(totals: dict[str, Any]) -> None:
    """Rewrite the ceilings and the floor from this run; raising one needs a reason."""
    current = json.loads(CEILINGS.read_text(encoding="utf-8")) if CEILINGS.exists() else {}
    old = current.get("ceilings", {})
    new = {"defective": totals["defective"], "defects": dict(totals["defects"]),
           "refused_not_news": totals["refused_not_news"]}
    floor = round(totals["f1_engine"] - F1_TOLERANCE, 2)
    raised = [
        f"{kind} {old['defects'][kind]} -> {count}"
        for kind, count in new["defects"].items()
        if kind in old.get("defects", {}) and count > old["defects"][kind]
    ]
    for total in ("defective", "refused_not_news"):
        if total in old and new[total] > old[total]:
            raised.append(f"{total} {old[total]} -> {new[total]}")
    old_floor = current.get("floors", {}).get("f1_engine")
    if old_floor is not None and floor < old_floor:
        raised.append(f"f1_engine floor {old_floor} -> {floor}")
    reason = os.environ.get("INTISARI_RAISE_CEILINGS", "").strip()
    if raised and not reason:
        pytest.fail(
            "refusing to raise ceilings without INTISARI_RAISE_CEILINGS='<why>': "
            + "; ".join(raised)
        )
    history = current.get("raised", [])
    if raised:
        history.append({"date": datetime.date.today().isoformat(), "reason": reason,
                        "changes": raised})
    CEILINGS.write_text(
        json.dumps(
            {
                "procedure": "intisari evaluate --pages ../shared/examples/html: defective "
                "bullets (ceilings, target 0) and extraction token F1 against the marked "
                f"bodies (floor = measured - {F1_TOLERANCE})",
                "ceilings": new,
                "floors": {"f1_engine": floor},
                "raised": history,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
