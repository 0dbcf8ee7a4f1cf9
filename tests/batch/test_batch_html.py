"""``intisari batch`` on HTML records: the same boxes as ``summarize(html=...)`` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import intisari
from batch_helpers import read_output, write_jsonl
from data_paths import HTML_PAGES
from intisari.batch.run import run_batch

PAGES = ("id_tisorlawan_detik-news-pistol.html", "en_scrapinghub_thehill-com_156770d6.html",
         "id_fundus_mediaindonesia_2025_10_22.html")


@pytest.mark.data
@pytest.mark.slow
def test_html_jsonl_gives_the_boxes_summarize_gives(tmp_path: Path) -> None:
    if not HTML_PAGES.exists():
        pytest.skip(f"{HTML_PAGES} is not here")
    records = [{"id": name, "html": (HTML_PAGES / name).read_text(encoding="utf-8")}
               for name in PAGES]
    write_jsonl(tmp_path / "pages.jsonl", records)

    report = run_batch(tmp_path / "pages.jsonl", tmp_path / "out.jsonl", workers=1,
                       progress=False)

    assert (report.summaries, report.errors) == (len(PAGES), 0)
    for row, record in zip(read_output(tmp_path / "out.jsonl"), records, strict=True):
        summary = intisari.summarize(html=record["html"])
        assert row["takeaways"] == [t.model_dump(mode="json") for t in summary.takeaways]
        assert row["removed"] == [r.model_dump(mode="json") for r in summary.removed]
        assert row["text"] == summary.text and row["language"] == summary.language
