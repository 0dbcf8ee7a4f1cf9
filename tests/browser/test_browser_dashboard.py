"""The review dashboard in a real browser, on a desktop and a 390 px phone: the reported
bullet marked in its paragraph, the filters (in the address), the pages of reports, and
on the phone the bullet shown once and a chart whose date labels do not touch.

Same setup as ``test_browser_pages.py`` (Debian's chromium, the app under uvicorn on a
throwaway SQLite file, CSP violations fail the test); screenshots go to
``test-artifacts/`` (gitignored): ``dashboard-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import insert, update
from test_browser_pages import Screenshot, browser, log_in, screenshot

from app_fixtures import ARTICLE as FALLBACK_ARTICLE
from app_fixtures import serve_app
from data_paths import EXAMPLE_ARTICLE
from intisari.settings import Settings
from intisari.storage.accounts import create_account
from intisari.storage.models import Publisher, Report, StoredSummary
from intisari.web.app import create_app
from intisari.web.pages.review import REPORTS_PER_PAGE

__all__ = ["browser", "screenshot"]

pytestmark = pytest.mark.browser

REVIEWER = ("rina", "correct horse battery")
#: Reports on the example article: more than a page, so the dashboard pages.
MANY = REPORTS_PER_PAGE + 12
#: A phone's CSS width (an iPhone 12-15).
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1100, "height": 900}
START = datetime.now(UTC) - timedelta(days=3)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with a reviewer and two summaries: the example article on kompas.com (the
    default publisher) with ``MANY`` reports on its quotation bullet, and another article
    on detik.com, a second publisher's, with three."""
    database = tmp_path_factory.mktemp("dashboard") / "intisari.db"
    app = create_app(Settings(database_url=f"sqlite:///{database}", auto_hide_open_reports=1000))
    example = EXAMPLE_ARTICLE.read_text("utf-8") if EXAMPLE_ARTICLE.exists() else FALLBACK_ARTICLE
    with serve_app(app) as url, app.state.intisari.sessions() as session:
        create_account(session, *REVIEWER, "reviewer")
        session.add(Publisher(slug="tempo", name="Tempo Media"))
        session.commit()
        tempo = session.query(Publisher).filter_by(slug="tempo").one()
        with TestClient(app) as client:
            first = client.post("/v1/summaries", json={"text": example}).json()
            second = client.post("/v1/summaries", json={"text": FALLBACK_ARTICLE}).json()
        for summary, site, publisher_id, count, category in (
            (first, "https://www.kompas.com/global/read/1", 1, MANY, "misleading"),
            (second, "https://www.detik.com/news/2", tempo.id, 3, "offensive"),
        ):
            session.execute(
                update(StoredSummary)
                .where(StoredSummary.id == summary["summary_id"])
                .values(url=site, publisher_id=publisher_id)
            )
            rows = [
                {"summary_id": summary["summary_id"],
                 "takeaway_index": quoted(summary["takeaways"]), "category": category,
                 "client_hash": f"c{i}", "duplicates": 0, "status": "open",
                 "comment": LONG_COMMENT if summary is second and i == 0 else None,
                 "created_at": START + timedelta(minutes=i)}
                for i in range(count)
            ]  # fmt: skip
            session.execute(insert(Report), rows)
        session.commit()
        yield url


#: A reader's comment at the form's cap (2,000 characters), on one of detik.com's reports.
LONG_COMMENT = ("Angka korban dalam poin ini tidak sesuai dengan paragraf ketiga. " * 32)[:2000]


def quoted(takeaways: list[dict[str, Any]]) -> int:
    """The bullet that is a quotation (the example's "“Itu berbahaya ...,” tegasnya."),
    which shares its paragraph with the sentence before; else the second."""
    return next((i for i, t in enumerate(takeaways) if t["text"].startswith("“")), 1)


def open_page(browser: Browser, base_url: str, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    log_in(page, REVIEWER)
    yield page
    context.close()
    assert not violations, violations


@pytest.fixture
def desktop(browser: Browser, base_url: str) -> Iterator[Page]:
    yield from open_page(browser, base_url, DESKTOP)


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[Page]:
    yield from open_page(browser, base_url, PHONE)


def report_ids(page: Page) -> list[str]:
    labels = page.locator(".report-item").evaluate_all("els => els.map(e => e.ariaLabel)")
    return [str(label) for label in labels]


def test_desktop_shows_the_bullet_marked_in_its_paragraph(
    desktop: Page, screenshot: Screenshot
) -> None:
    item = desktop.locator(".report-item").first
    bullet = item.locator(".pair__side--bullet .quote").inner_text()
    expect(item.locator(".pair__side--bullet")).to_be_visible()
    source = item.locator(".quote--source")
    marked = " ".join(source.locator("mark").all_inner_texts())
    # The marks are the bullet's words (deleted words unmarked) inside a longer paragraph.
    assert " ".join(marked.split()) == " ".join(bullet.split())
    paragraph = source.inner_text()
    assert len(paragraph) > len(bullet)
    screenshot(desktop, "dashboard-desktop")


def test_desktop_filters_are_in_the_address_and_combine(
    desktop: Page, screenshot: Screenshot
) -> None:
    desktop.get_by_label("Site", exact=True).fill("detik.com")
    desktop.get_by_label("Category", exact=True).select_option("offensive")
    desktop.get_by_role("button", name="Filter").click()
    expect(desktop).to_have_url(re.compile(r"category=offensive"))
    assert "site=detik.com" in desktop.url
    expect(desktop.locator(".report-item")).to_have_count(3)
    expect(desktop.get_by_label("Site", exact=True)).to_have_value("detik.com")
    # Bookmarkable: the same address in a fresh tab shows the same view.
    again = desktop.context.new_page()
    again.goto(desktop.url)
    expect(again.locator(".report-item")).to_have_count(3)
    again.close()
    # Publisher and site combine: Tempo's reports are not on kompas.com.
    desktop.get_by_label("Publisher", exact=True).select_option("tempo")
    desktop.get_by_label("Site", exact=True).fill("kompas.com")
    desktop.get_by_label("Category", exact=True).select_option("")
    desktop.get_by_role("button", name="Filter").click()
    expect(desktop.get_by_text("No open reports match these filters.")).to_be_visible()
    # A bad value is said on the page, in the form's words.
    desktop.get_by_label("Site", exact=True).fill("https://kompas.com/")
    desktop.get_by_role("button", name="Filter").click()
    expect(desktop.get_by_role("alert")).to_contain_text("site must be a host name")
    screenshot(desktop, "dashboard-desktop-bad-filter")
    desktop.get_by_role("link", name="Clear filters").click()
    expect(desktop.locator(".report-item")).to_have_count(REPORTS_PER_PAGE)


def test_desktop_pages_neither_repeat_nor_skip(desktop: Page, screenshot: Screenshot) -> None:
    first = report_ids(desktop)
    assert len(first) == REPORTS_PER_PAGE
    expect(desktop.get_by_role("link", name="← Newer reports")).to_have_count(0)
    desktop.get_by_role("link", name="Older reports →").click()
    expect(desktop).to_have_url(re.compile(r"cursor=a-"))
    second = report_ids(desktop)
    assert len(first + second) == len(set(first + second)) == MANY + 3
    screenshot(desktop, "dashboard-desktop-page-2")
    expect(desktop.get_by_role("link", name="Older reports →")).to_have_count(0)
    desktop.get_by_role("link", name="← Newer reports").click()
    assert report_ids(desktop) == first


def test_phone_shows_the_bullet_once_and_a_readable_chart(
    phone: Page, screenshot: Screenshot
) -> None:
    item = phone.locator(".report-item").first
    # The bullet column is not shown: the bullet is the marked words of its paragraph.
    expect(item.locator(".pair__side--bullet")).to_be_hidden()
    expect(item.locator(".quote--source mark").first).to_be_visible()
    expect(item.get_by_text("marked in its paragraph")).to_be_visible()
    # No sideways scrolling.
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"]
    # The phone's own chart: dates apart from each other, at a readable size.
    expect(phone.locator(".chart--wide")).to_be_hidden()
    expect(phone.locator(".chart--narrow")).to_be_visible()
    boxes = phone.locator(".chart--narrow .chart__label--x").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) >= 3
    for left, right in pairwise(boxes):
        assert left["right"] + 4 <= right["left"], (left, right)
    labels = phone.locator(".chart--narrow .chart__label").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(labels) >= 9, labels  # px: the wide chart shrunk to a phone drew ~4 px
    screenshot(phone, "dashboard-phone")


def test_phone_filters_and_pages(phone: Page, screenshot: Screenshot) -> None:
    phone.get_by_label("Site", exact=True).fill("www.kompas.com")
    phone.get_by_role("button", name="Filter").click()
    expect(phone).to_have_url(re.compile(r"site=www.kompas.com"))
    first = report_ids(phone)
    assert len(first) == REPORTS_PER_PAGE
    phone.get_by_role("link", name="Older reports →").click()
    second = report_ids(phone)
    assert len(second) == MANY - REPORTS_PER_PAGE and not set(first) & set(second)
    assert "site=www.kompas.com" in phone.url
    screenshot(phone, "dashboard-phone-page-2")


def test_after_a_decision_the_focus_is_back_on_the_card_with_the_result(desktop: Page) -> None:
    """A decision reloaded the dashboard at the top with the focus on the page's body: the
    result, a status already there at load, was not read out, and the next report was 20+
    Tab stops away. The decision is undone at the end (the other tests count reports)."""
    desktop.goto("/review?site=detik.com")
    card = desktop.locator(".report-group")
    desktop.get_by_role("button", name="Dismiss report on bullet").first.click()
    expect(desktop.get_by_role("status")).to_have_text("Report dismissed.")
    # The card keeps its other two reports: the focus is on it, and it says the result.
    expect(card).to_be_focused()
    expect(card).to_have_accessible_description("Report dismissed.")
    desktop.keyboard.press("Tab")
    expect(card.get_by_role("link").first).to_be_focused()

    # Reopened from the dismissed reports, it leaves that view: the focus is on the result.
    desktop.goto("/review?status=dismissed&site=detik.com")
    desktop.get_by_role("button", name="Reopen report on bullet").click()
    expect(desktop.get_by_role("status")).to_be_focused()
    expect(desktop.get_by_role("status")).to_have_text("Report reopened.")


def test_at_320_px_the_dashboard_does_not_scroll_sideways(browser: Browser, base_url: str) -> None:
    """The status tabs were one row of 346 px: "Dismissed" was cut off and the whole page
    scrolled sideways (WCAG 1.4.10 asks for 320 CSS px)."""
    for page in open_page(browser, base_url, {"width": 320, "height": 640}):
        expect(page.locator(".tabs")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        tabs = page.locator(".tabs__tab").evaluate_all(
            "tabs => tabs.map(t => t.getBoundingClientRect().right)"
        )
        assert max(tabs) <= 320, tabs


def test_a_long_comment_is_folded_and_opens_without_the_script(
    browser: Browser, base_url: str, screenshot: Screenshot
) -> None:
    """A 2,000-character comment filled a phone's screens above its card's decision form
    (a new user's report): its start shows, and "Show all" opens the whole, with the
    script off too."""
    context = browser.new_context(base_url=base_url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, REVIEWER)
        page.goto("/review?publisher=tempo")
        folded = page.locator("details.comment--long")
        expect(folded).to_have_count(1)
        closed = folded.bounding_box()
        assert closed is not None and closed["height"] < 250, closed
        expect(folded.locator(".comment__less")).to_be_hidden()
        folded.locator("summary").click()
        expect(folded.locator(".comment__preview")).to_be_hidden()
        expect(folded.locator("q.comment__text").last).to_have_text(LONG_COMMENT.strip())
        opened = folded.bounding_box()
        assert opened is not None and opened["height"] > 2 * closed["height"], opened
        screenshot(page, "dashboard-long-comment-phone")
    finally:
        context.close()
