"""Real news pages (../shared/examples/html): language right, no related link in the box."""

from __future__ import annotations

import json

import pytest

import intisari
from data_paths import HTML_PAGES, need
from intisari.errors import NotAnArticle
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

MANIFEST = HTML_PAGES / "manifest.jsonl"


def _pages() -> list[dict]:
    """One parameter per page of the manifest. Without ../shared, one parameter that skips
    (fails in CI) naming the missing manifest, not pytest's nameless empty-set skip."""
    if not MANIFEST.exists():
        return [pytest.param(None, id="no-manifest")]
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines()]


def _link_texts(evidence: list[str]) -> list[str]:
    """ "Baca juga: -> Title A | Title B" names the marker, then the link texts."""
    texts = []
    for item in evidence:
        _, _, links = item.partition("->")
        texts += [text.strip() for text in links.split("|") if len(text.strip()) > 10]
    return texts


@pytest.mark.data
@pytest.mark.parametrize("page", _pages(), ids=lambda page: page["file"])
def test_a_real_page(page: dict | None) -> None:
    if page is None:
        pytest.skip(f"{MANIFEST} is not here")
    html = need(HTML_PAGES / page["file"]).read_text(encoding="utf-8", errors="replace")
    try:
        summary = intisari.summarize(html=html, url=None)
    except NotAnArticle as error:
        # Not news: a syndicated advice column is refused with its reason (the pages
        # gate pins how many are), though its text is read, in its language.
        assert "advice column" in str(error)
        read = read_article(text=None, html=html, url=None, title=None, lang=None,
                            options=DEFAULT_OPTIONS)
        assert read.document.language.code == page["lang"]
        return
    assert summary.language == page["lang"]
    assert summary.takeaways
    for link in _link_texts(page["related_links_evidence"]):
        for takeaway in summary.takeaways:
            assert link not in takeaway.text
