"""The pages in a real browser: summarize, read, report a bullet, review the report.

Marked ``browser``: they drive Debian's chromium (``apt-get install chromium``; CI's
``.ci/run`` installs it; Playwright never downloads a browser here), found as ``.ci/run``
finds it (``tests/externals.py``), and run in CI, where its absence fails the run. The app
runs under uvicorn in a background thread, on a free port of 127.0.0.1 and a throwaway
SQLite file, as ``intisari serve`` runs it. Each test has its own browser context (no
shared cookies); the server and its database live for the module. The ``page`` fixture
fails a test on any Content-Security-Policy violation, so these also prove that the pages
need no inline script or style. Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from app_fixtures import ARTICLE as FALLBACK_ARTICLE
from app_fixtures import serve_app
from browser_support import launch
from data_paths import EXAMPLE_ARTICLE
from intisari.settings import Settings
from intisari.storage.accounts import create_account
from intisari.web.app import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
REVIEWER, PASSWORD = "rina", "correct horse battery"
SCRIPT_COMMENT = "<script>alert(1)</script> poin ini keliru"

Screenshot = Callable[[Page, str], Path]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running app with one reviewer account."""
    database = tmp_path_factory.mktemp("browser") / "intisari.db"
    # Auto-hiding is pushed out of reach: these tests report several bullets of one summary.
    settings = Settings(database_url=f"sqlite:///{database}", auto_hide_open_reports=1000)
    app = create_app(settings)
    with app.state.intisari.sessions() as session:
        create_account(session, REVIEWER, PASSWORD, "reviewer")
    with serve_app(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser context (no cookies) whose page fails the test on CSP violations."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not violations, violations


@pytest.fixture
def screenshot() -> Screenshot:
    """Saves a full-page screenshot as ``test-artifacts/<name>.png``."""

    def save(page: Page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture(scope="module")
def reviewer() -> tuple[str, str]:
    """Name and password of the reviewer account of ``base_url``'s app."""
    return REVIEWER, PASSWORD


@pytest.fixture(scope="module")
def article_text() -> str:
    """The example article of ``../shared``, or a short one of our own when it is absent."""
    if EXAMPLE_ARTICLE.exists():
        return EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    return FALLBACK_ARTICLE


def summarize(page: Page, article_text: str) -> str:
    """Paste the article on the start page and submit: returns the article page's path."""
    page.goto("/")
    page.get_by_label("Article text").fill(article_text)
    page.get_by_role("button", name="Summarize").click()
    expect(page).to_have_url(re.compile(r"/a/[\w-]+$"))
    expect(page.locator(".takeaway")).not_to_have_count(0)
    return re.sub(r"^https?://[^/]+", "", page.url)


def log_in(page: Page, reviewer: tuple[str, str]) -> None:
    page.goto("/review")
    page.get_by_label("Name").fill(reviewer[0])
    page.get_by_label("Password").fill(reviewer[1])
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Readers' reports")).to_be_visible()


def test_reader_reports_the_second_bullet_and_a_reviewer_confirms_it(
    browser: Browser,
    page: Page,
    article_text: str,
    reviewer: tuple[str, str],
    screenshot: Screenshot,
) -> None:
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    article = summarize(page, article_text)
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", name="Intisari Utama")).to_be_visible()
    expect(page.get_by_text("dibuat dengan AI")).to_be_visible()

    second = page.locator(".takeaway").nth(1)
    reported_text = second.locator(".takeaway__text").inner_text()
    second.get_by_role("button", name=re.compile("^Laporkan")).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("[data-quote]")).to_have_text(reported_text)
    # The dialog takes the focus to its first field, and gives it back when closed.
    expect(dialog.get_by_label("Apa masalahnya?")).to_be_focused()
    dialog.get_by_label("Apa masalahnya?").select_option("inaccurate")
    dialog.get_by_label("Komentar (opsional)").fill(SCRIPT_COMMENT)
    dialog.get_by_role("button", name="Kirim laporan").click()
    expect(dialog.get_by_role("status")).to_contain_text("Terima kasih")
    screenshot(page, "article-report-thanks")
    dialog.get_by_role("button", name="Tutup").last.click()
    expect(dialog).to_be_hidden()
    expect(second.get_by_role("button", name=re.compile("^Laporkan"))).to_be_focused()

    log_in(page, reviewer)
    item = page.locator(".report-item", has_text=SCRIPT_COMMENT)
    expect(item).to_have_count(1)
    # Escaped: the comment is shown as text, and nothing ran.
    expect(item.locator(".comment__text")).to_have_text(SCRIPT_COMMENT)
    expect(item.locator(".pair .quote").first).to_have_text(reported_text)
    expect(item.locator(".quote--source mark")).not_to_have_count(0)
    expect(page.locator(".chart__svg rect.cat-inaccurate")).not_to_have_count(0)
    screenshot(page, "review-dashboard")
    item.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("status")).to_have_text("Report confirmed.")
    expect(page.locator(".report-item", has_text=SCRIPT_COMMENT)).to_have_count(0)

    page.get_by_role("link", name=re.compile("Confirmed")).click()
    confirmed = page.locator(".report-item", has_text=SCRIPT_COMMENT)
    expect(confirmed.locator(".decision--done")).to_contain_text("Confirmed by rina")
    assert alerts == []
    assert article.startswith("/a/")


def test_clicking_a_bullet_highlights_its_source_in_the_article(
    page: Page, article_text: str, screenshot: Screenshot
) -> None:
    summarize(page, article_text)
    bullet = page.locator(".takeaway__text").nth(1)
    sources = page.locator('mark.source[data-takeaways~="1"]')
    expect(sources).not_to_have_count(0)
    expect(sources.first).not_to_have_class(re.compile("is-active"))
    bullet.click()
    expect(sources.first).to_have_class(re.compile("is-active"))
    expect(sources.first).to_be_in_viewport()
    expect(bullet).to_have_attribute("aria-current", "true")
    # Only this bullet's source is lit, and it is really painted (not transparent).
    expect(page.locator("mark.source.is-active")).to_have_count(sources.count())
    colour = sources.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    # The highlighted text is the bullet's text (a sentence of the article, word for word).
    lit = " ".join(sources.all_inner_texts())
    assert " ".join(lit.split()) == " ".join(bullet.inner_text().split())
    screenshot(page, "article-highlight")
    bullet.click()  # a second click turns it off
    expect(page.locator("mark.source.is-active")).to_have_count(0)


def test_reporting_works_without_javascript(
    browser: Browser, base_url: str, article_text: str, screenshot: Screenshot
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        summarize(page, article_text)
        first = page.locator(".takeaway").first
        first.locator("summary").click()
        form = first.locator("form")
        expect(form).to_be_visible()
        form.get_by_label("Apa masalahnya?").select_option("missing-context")
        form.get_by_role("button", name="Kirim laporan").click()
        expect(page).to_have_url(re.compile(r"\?reported=1#thanks$"))
        expect(page.get_by_role("status")).to_contain_text("Terima kasih")
        # Without a script, the bullet's link still jumps to its source, marked by :target.
        page.locator(".takeaway__text").first.click()
        expect(page).to_have_url(re.compile(r"#src-0$"))
        screenshot(page, "article-no-js")
    finally:
        context.close()


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_a_refused_start_form_takes_the_focus_to_what_is_wrong(
    browser: Browser, base_url: str, script: bool
) -> None:
    """After a refused submit the focus was on <body>, the alert already in the page at
    load and no field marked: a screen-reader user heard nothing, nor which field."""
    context = browser.new_context(base_url=base_url, java_script_enabled=script)
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_label("Article address").fill("ftp://example.com/a")
        page.get_by_role("button", name="Summarize").click()
        address = page.get_by_label("Article address")
        expect(address).to_be_focused()
        expect(address).to_have_attribute("aria-invalid", "true")
        expect(address).to_have_accessible_description(re.compile("must start with http"))
        # Nothing given: no one field is at fault, the message takes the focus.
        address.fill("")
        page.get_by_role("button", name="Summarize").click()
        expect(page.get_by_role("alert")).to_be_focused()
        expect(page.locator("[aria-invalid]")).to_have_count(0)
    finally:
        context.close()


def test_docs_render_offline(page: Page, base_url: str, screenshot: Screenshot) -> None:
    """Swagger UI renders from this server alone: every other origin is cut off."""
    elsewhere: list[str] = []

    def only_here(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Intisari")
    expect(page.locator(".opblock-summary-path", has_text="/v1/summaries").first).to_be_visible()
    screenshot(page, "docs")
    assert not elsewhere, elsewhere
