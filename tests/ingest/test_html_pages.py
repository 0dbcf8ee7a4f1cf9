"""Real news pages (../shared/examples/html): language right, no related link in the box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import intisari

#: Real data is read by path from ../shared (never copied here); tests skip without it.
HTML_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "html"


def need(path: Path) -> Path:
    """Skip when ../shared is not here (CI has it)."""
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


def _pages() -> list[dict]:
    manifest = HTML_PAGES / "manifest.jsonl"
    if not manifest.exists():
        return []
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


def _link_texts(evidence: list[str]) -> list[str]:
    """ "Baca juga: -> Title A | Title B" names the marker, then the link texts."""
    texts = []
    for item in evidence:
        _, _, links = item.partition("->")
        texts += [text.strip() for text in links.split("|") if len(text.strip()) > 10]
    return texts


@pytest.mark.data
@pytest.mark.parametrize("page", _pages(), ids=lambda page: page["file"])
def test_a_real_page(page: dict) -> None:
    html = need(HTML_PAGES / page["file"]).read_text(encoding="utf-8", errors="replace")
    summary = intisari.summarize(html=html, url=None)
    assert summary.language == page["lang"]
    assert summary.takeaways
    for link in _link_texts(page["related_links_evidence"]):
        for takeaway in summary.takeaways:
            assert link not in takeaway.text
