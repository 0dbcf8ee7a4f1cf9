"""An LLM box in a real browser: the checked mark, and a click lights up the evidence.

The service here writes its boxes with ``INTISARI_METHOD=llm`` against the real model
(``llama_url``: Gemma 3 270M under ``llama_cpp.server``), and a reader pastes the example
article on the start page, as in ``test_browser_pages.py`` (whose browser fixtures this
module shares; its ``base_url`` is this module's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from test_browser_pages import Screenshot, browser, page, screenshot

from app_fixtures import serve_app
from intisari.settings import Settings
from intisari.web.app import create_app
from llm_servers import MODEL_TEST_TIMEOUT_S, PATIENT_S, llama_url, right_and_wrong_articles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.llm,
    pytest.mark.slow,
    pytest.mark.timeout(MODEL_TEST_TIMEOUT_S),
]

__all__ = ["browser", "llama_url", "page", "screenshot"]


@pytest.fixture(scope="module")
def article_text() -> str:
    """An Indonesian article on which the model writes bullets the checker accepts."""
    return right_and_wrong_articles()["indosum.tune.jsonl"]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, llama_url: str) -> Iterator[str]:
    """A running app whose boxes the real model writes (checked)."""
    database = tmp_path_factory.mktemp("browser-llm") / "intisari.db"
    settings = Settings(
        database_url=f"sqlite:///{database}",
        method="llm",
        llm_url=llama_url,
        llm_timeout_s=PATIENT_S,
    )
    with serve_app(create_app(settings)) as url:
        yield url


def test_clicking_a_checked_llm_bullet_highlights_its_evidence(
    page: Page, article_text: str, screenshot: Screenshot
) -> None:
    # As ``summarize`` does, but waiting for the model (tens of seconds on a busy machine).
    page.set_default_timeout(PATIENT_S * 1000)
    page.goto("/")
    page.get_by_label("Article text").fill(article_text)
    with page.expect_navigation(url=re.compile(r"/a/[\w-]+$")):
        page.get_by_role("button", name="Summarize").click()
    checked = page.locator(".takeaway__text:has([data-checked])")
    # The model writes at least one bullet the checker accepts on this article (temperature
    # 0: the same answer every run); without one the rest of the test would prove nothing.
    expect(checked).not_to_have_count(0)
    bullet = checked.first
    expect(bullet.locator("[data-checked]")).to_have_text(
        re.compile("Sudah dicocokkan dengan isi artikel")
    )
    index = bullet.get_attribute("data-takeaway")
    evidence = page.locator(f'mark.source[data-takeaways~="{index}"]')
    expect(evidence).not_to_have_count(0)
    expect(evidence.first).not_to_have_class(re.compile("is-active"))
    bullet.click()
    expect(evidence.first).to_have_class(re.compile("is-active"))
    expect(evidence.first).to_be_in_viewport()
    expect(page.locator("mark.source.is-active")).to_have_count(evidence.count())
    screenshot(page, "article-llm-evidence")
    # Reporting it quotes the bullet, not its "checked" mark.
    text = bullet.evaluate("a => a.firstChild.textContent").strip()
    bullet.locator("xpath=ancestor::li").locator("button.report__toggle").click()
    expect(page.get_by_role("dialog").locator("[data-quote]")).to_have_text(text)
