"""The embed on a publisher's page served from a second origin, in a real browser.

Two servers on 127.0.0.1: Intisari (uvicorn in a thread, a throwaway SQLite file) and the
publisher's site, another port and so another origin, whose article page loads
``/static/embed.js`` under a strict Content-Security-Policy (scripts and connections
only to Intisari, styles only from itself: no inline style). Publisher ``kabar`` allows
that origin; ``tutup`` lists another one. Any CSP violation fails the test. Screenshots
(desktop and a 390 px phone, light and dark) go to ``test-artifacts/``.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import select

from app_fixtures import ARTICLE, serve_app
from browser_support import (
    DESKTOP,
    PHONE,
    contrast,
    exposed_node,
    launch,
    page_without_csp_violations,
    shot,
    side_borders,
)
from embed_fixtures import EDITOR, add_publisher, correct_box, publisher_box
from intisari.service.editorial import Edit, box_of, edit
from intisari.settings import Settings
from intisari.storage.models import Publisher, Report, StoredSummary
from intisari.web.app import create_app

pytestmark = pytest.mark.browser

ARTICLE_ID = "kabar-2026-12-03-beras"
#: The editor's note on the corrected box.
CORRECTION = "poin kedua menyebut kota yang salah"


class Servers:
    """Intisari's app and URL, and the publisher site's origin."""

    def __init__(self, app: FastAPI, intisari: str, site: str) -> None:
        self.app = app
        self.intisari = intisari
        self.site = site

    def reports(self) -> list[Report]:
        with self.app.state.intisari.sessions() as session:
            return list(session.query(Report).all())


def _article_page(intisari: str, publisher: str, lang: str, article_id: str) -> bytes:
    """A publisher's article page: its own text, with the box of ``article_id`` placed
    under the headline (its words in ``lang`` when given)."""
    title, *paragraphs = ARTICLE.split("\n\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='id'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title>"
        f"<script src='{intisari}/static/embed.js' defer></script></head><body>"
        f"<article><h1>{html.escape(title)}</h1>"
        f"<intisari-box publisher='{publisher}' article-id='{html.escape(article_id)}'"
        f"{f' lang={lang!r}' if lang else ''}></intisari-box>"
        f"{body}</article></body></html>"
    ).encode()


def _site(intisari: str) -> tuple[ThreadingHTTPServer, str]:
    """The publisher's web server: ``/kabar``, ``/tutup``, ``/ulasan``, ``/ralat``,
    ``/ganti`` (a box an editor changes while the reader has it open) and ``/nobody`` (a
    publisher that does not exist) are article pages embedding those publishers' boxes
    (``?lang=en``: the box's words in English; ``?article-id=``: another article's box),
    each sent with a strict CSP naming Intisari's origin."""
    policy = (
        f"default-src 'none'; script-src {intisari}; connect-src {intisari}; "
        "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            publisher = path.strip("/")
            if publisher not in ("kabar", "tutup", "ulasan", "ralat", "ganti", "nobody"):
                self.send_error(404)
                return
            asked = parse_qs(query)
            lang, article_id = asked.get("lang", [""])[0], asked.get("article-id", [ARTICLE_ID])[0]
            page = _article_page(intisari, publisher, lang, article_id)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", policy)
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test's output is pytest's."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    database = tmp_path_factory.mktemp("embed") / "intisari.db"
    app = create_app(Settings(database_url=f"sqlite:///{database}"))
    with serve_app(app) as intisari:
        site, origin = _site(intisari)
        thread = threading.Thread(target=site.serve_forever, daemon=True)
        thread.start()
        try:
            kabar = add_publisher(app, "kabar", [origin])
            tutup = add_publisher(app, "tutup", ["https://tutup.example"])
            publisher_box(app, kabar, ARTICLE, ARTICLE_ID)
            publisher_box(app, tutup, ARTICLE, ARTICLE_ID)
            # A draft waiting for an editor, and a published box an editor corrected.
            ulasan = add_publisher(app, "ulasan", [origin], publish_mode="review")
            publisher_box(app, ulasan, ARTICLE, ARTICLE_ID)
            ralat = add_publisher(app, "ralat", [origin])
            correct_box(app, publisher_box(app, ralat, ARTICLE, ARTICLE_ID), CORRECTION)
            ganti = add_publisher(app, "ganti", [origin])
            publisher_box(app, ganti, ARTICLE, ARTICLE_ID)
            yield Servers(app, intisari, origin)
        finally:
            site.shutdown()
            site.server_close()
            thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@contextmanager
def _open(browser: Browser, servers: Servers, path: str, **options: object) -> Iterator[Page]:
    """The publisher's page ``path`` in a fresh context; fails on any CSP violation."""
    with page_without_csp_violations(browser, servers.site, **options) as page:
        page.goto(path)
        yield page


def _highlighted(page: Page) -> str | None:
    return page.evaluate(
        "() => { const h = CSS.highlights.get('intisari-source');"
        " return h ? [...h][0].toString() : null; }"
    )


@pytest.mark.parametrize(
    ("name", "viewport", "scheme", "category"),
    # A category each: the same client's same report would be merged, not stored again.
    [
        ("desktop-light", DESKTOP, "light", "misleading"),
        ("desktop-dark", DESKTOP, "dark", "inaccurate"),
        ("phone-light", PHONE, "light", "missing-context"),
        ("phone-dark", PHONE, "dark", "other"),
    ],
)
def test_embed_on_an_allowed_origin_renders_highlights_and_reports(
    browser: Browser,
    servers: Servers,
    name: str,
    viewport: dict[str, int],
    scheme: str,
    category: str,
) -> None:
    with _open(browser, servers, "/kabar", viewport=viewport, color_scheme=scheme) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "ready")
        expect(box.locator("h2")).to_contain_text("Intisari Utama")
        bullets = box.locator(".bullet")
        assert bullets.count() >= 2
        expect(box.locator(".notice")).to_be_visible()
        shot(page, f"embed-{name}")

        # A bullet (by keyboard) marks its source sentence in the publisher's own text.
        first = bullets.first
        first.focus()
        page.keyboard.press("Enter")
        expect(box).to_have_attribute("data-highlighted", "0")
        expect(first).to_have_attribute("aria-pressed", "true")
        marked = _highlighted(page)
        assert marked is not None and marked in page.locator("article").inner_text()
        assert first.inner_text().split()[0] in marked
        shot(page, f"embed-{name}-highlight")

        # Report the second bullet through the dialog; the live region says it is sent.
        before = len(servers.reports())
        flag = box.locator(".flag").nth(1)
        expect(flag).to_have_accessible_name("Laporkan: poin 2")
        flag.click()
        dialog = box.locator("dialog")
        expect(dialog).to_be_visible()
        expect(box.locator("textarea")).to_have_attribute("maxlength", "2000")
        box.locator("select").select_option(category)
        box.locator("textarea").fill(f"dari {name}")
        shot(page, f"embed-{name}-dialog")
        box.locator("button[type=submit]").click()
        expect(box.locator(".live")).to_contain_text("Terima kasih")
        expect(dialog).to_be_hidden()
        expect(flag).to_be_focused()
        reports = servers.reports()
        assert len(reports) == before + 1
        assert (reports[-1].takeaway_index, reports[-1].category) == (1, category)
        assert reports[-1].comment == f"dari {name}"


def test_an_embed_report_keeps_the_bullet_the_reader_saw_after_an_editor_s_change(
    browser: Browser, servers: Servers
) -> None:
    """The editor's trial (section 3): the box was reordered while the reader had it open,
    and the report was stored against the sentence then at the reported index. embed.js
    sends the box's revision, and the report keeps the bullet the reader saw."""
    with _open(browser, servers, "/ganti", viewport=DESKTOP) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "ready")
        with servers.app.state.intisari.sessions() as session:
            summary_id = session.scalars(
                select(StoredSummary.id).join(Publisher).where(Publisher.slug == "ganti")
            ).one()
            shown = [t["text"] for t in box_of(session.get(StoredSummary, summary_id)).takeaways]
            order = tuple(reversed(range(len(shown))))
            edit(session, summary_id, EDITOR, Edit(op="reorder", order=order), revision=0)
        box.locator(".flag").nth(1).click()
        box.locator("select").select_option("inaccurate")
        box.locator("button[type=submit]").click()
        expect(box.locator(".live")).to_contain_text("Terima kasih")
        (report,) = [r for r in servers.reports() if r.summary_id == summary_id]
        assert (report.takeaway_index, report.takeaway_text) == (1, shown[1])
        assert shown[1] != shown[order[1]]


def test_embed_says_where_a_bullets_source_is(browser: Browser, servers: Servers) -> None:
    """The source is marked with a CSS highlight only, which puts nothing in the
    accessibility tree, and the focus stays on the bullet: a screen reader heard nothing
    at all, although the bullet's hint promised a highlight."""
    with _open(browser, servers, "/kabar", viewport=DESKTOP) as page:
        box = page.locator("intisari-box")
        bullet = box.locator(".bullet").nth(1)
        expect(bullet).to_have_accessible_description(
            "Pilih sebuah poin untuk menandai kalimat sumbernya di artikel; letaknya akan "
            "dibacakan."
        )
        # Its name is its text: the CSS dot before it had been read first ("•Pebalap ...").
        expect(bullet).to_have_accessible_name(bullet.inner_text().lstrip("•").strip())
        bullet.focus()
        page.keyboard.press("Enter")
        expect(box).to_have_attribute("data-highlighted", "1")
        marked = _highlighted(page)
        assert marked is not None
        paragraphs = page.locator("article p").all_inner_texts()
        number = next(i for i, text in enumerate(paragraphs, 1) if marked in text)
        live = box.locator("[role=status]")
        expect(live).to_contain_text(f"Ditandai di artikel, paragraf {number}: ")
        expect(live.locator("q")).to_have_text(" ".join(marked.split()[:8]) + "…")
        expect(live.locator("q")).to_have_attribute("lang", "id")
        expect(bullet).to_be_focused()


def test_in_forced_colours_the_pressed_bullet_keeps_a_cue(
    browser: Browser, servers: Servers
) -> None:
    """The pressed bullet was marked by a background only, which forced colours remove."""
    with _open(browser, servers, "/kabar", viewport=DESKTOP, forced_colors="active") as page:
        box = page.locator("intisari-box")
        box.locator(".bullet").nth(1).click()
        pressed = box.locator(".bullet[aria-pressed=true]")
        expect(pressed).to_have_count(1)
        (colour, width), *_ = side_borders(pressed)
        others = {c for c, _ in side_borders(box.locator(".bullet[aria-pressed=false]"))}
        assert width >= 3 and len(others) == 1, (colour, width, others)
        assert contrast(colour, others.pop()) >= 3


def test_embed_marks_its_own_words_and_the_article_s_apart(
    browser: Browser, servers: Servers
) -> None:
    """With lang="en" on an Indonesian article, the whole box was lang="id": its English
    flags, hint, live region and dialog were read with an Indonesian voice."""
    with _open(browser, servers, "/kabar?lang=en", viewport=DESKTOP) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "ready")
        expect(box.locator("section")).to_have_attribute("lang", "en")
        for article_part in ("h2", ".bullet >> nth=0", ".notice", "blockquote"):
            expect(box.locator(article_part)).to_have_attribute("lang", "id")
        # The UI's words inherit the section's language.
        flag = box.locator(".flag").first
        expect(flag).to_have_accessible_name("Report an error: point 1")
        assert flag.evaluate("e => e.closest('[lang]').lang") == "en"
        assert box.locator("[role=status]").evaluate("e => e.closest('[lang]').lang") == "en"


def test_embed_dialog_closes_with_escape_and_needs_a_category(
    browser: Browser, servers: Servers
) -> None:
    with _open(browser, servers, "/kabar", viewport=DESKTOP) as page:
        box = page.locator("intisari-box")
        flag = box.locator(".flag").first
        flag.focus()
        page.keyboard.press("Enter")
        expect(box.locator("dialog")).to_be_visible()
        choice = box.locator("select")
        expect(choice).to_be_focused()
        # Not invalid before the reader sent anything (a required select was, at once).
        assert exposed_node(page, "combobox", "Apa masalahnya?")["invalid"] == "false"
        expect(choice).to_have_attribute("aria-required", "true")  # still said to be needed
        box.locator("button[type=submit]").click()
        expect(box.locator("[role=alert]")).to_have_text("Pilih jenis masalahnya.")
        # The choice is marked and described by the message (fail() did neither).
        expect(choice).to_have_attribute("aria-invalid", "true")
        expect(choice).to_have_accessible_description("Pilih jenis masalahnya.")
        page.keyboard.press("Escape")
        expect(box.locator("dialog")).to_be_hidden()
        expect(flag).to_be_focused()


def test_embed_on_an_origin_not_allowed_shows_nothing_and_stores_nothing(
    browser: Browser, servers: Servers
) -> None:
    with _open(browser, servers, "/tutup", viewport=PHONE) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "error")
        expect(box).to_be_hidden()
        assert box.locator(".bullet").count() == 0
        before = len(servers.reports())
        # The page's own script trying to file a report anyway: the browser's preflight
        # is refused (403, no CORS headers), so the request is never sent.
        failed = page.evaluate(
            """async ([url, body]) => {
                try {
                    await fetch(url, {method: "POST", credentials: "omit",
                        headers: {"Content-Type": "application/json"}, body});
                    return false;
                } catch (error) { return true; }
            }""",
            [
                f"{servers.intisari}/v1/embed/tutup/reports",
                '{"summary_id": "x", "takeaway_index": 0, "category": "other"}',
            ],
        )
        assert failed
        assert len(servers.reports()) == before
        shot(page, "embed-refused-phone")


def _console(page: Page) -> list[str]:
    """The page's console from now on."""
    said: list[str] = []
    page.on("console", lambda message: said.append(message.text))
    return said


def test_a_refused_origin_is_told_why_in_one_console_message(
    browser: Browser, servers: Servers
) -> None:
    """An aggregator's developer's trial: a page on an origin the publisher does not allow
    got a CORS error in the console and nothing else of use (the script saw a bare network
    failure and could only guess). The refusal is readable now: no CORS error, one message
    from the embed naming the origin and how an admin allows it; the page shows nothing
    broken (the element hidden, taking no room)."""
    with _open(browser, servers, "/", viewport=PHONE) as page:
        said = _console(page)
        page.goto("/tutup")
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "error")
        expect(box).to_have_attribute("data-error", "origin-refused")
        expect(box).to_be_hidden()
        assert box.evaluate("e => e.getBoundingClientRect().height") == 0
        page.wait_for_load_state("networkidle")
        ours = [text for text in said if text.startswith("intisari-box:")]
        assert len(ours) == 1, said
        assert f'does not allow this page\'s origin ({servers.site})' in ours[0]
        assert f"intisari publisher set tutup --origin {servers.site}" in ours[0]
        assert not [text for text in said if "CORS" in text or "Access-Control" in text], said
    with _open(browser, servers, "/", viewport=PHONE) as page:
        said = _console(page)
        page.goto("/nobody")
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-error", "unknown-publisher")
        page.wait_for_load_state("networkidle")
        ours = [text for text in said if text.startswith("intisari-box:")]
        assert len(ours) == 1 and 'no publisher "nobody"' in ours[0], said


def test_an_error_on_an_allowed_origin_is_told_in_the_service_s_words(
    browser: Browser, servers: Servers
) -> None:
    """A developer's trial: an article id longer than the service takes was refused (422)
    without the CORS header, so the script reported ``unreachable`` and told the developer
    to check the ``api`` attribute and the page's CSP, beside the browser's CORS error.
    The page now reads the refusal: one message, with the service's own reason."""
    with _open(browser, servers, "/", viewport=DESKTOP) as page:
        said = _console(page)
        page.goto(f"/kabar?article-id={'x' * 201}")
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-error", "invalid-request")
        expect(box).to_be_hidden()
        page.wait_for_load_state("networkidle")
        ours = [text for text in said if text.startswith("intisari-box:")]
        assert ours == [
            "intisari-box: nothing is shown: the Intisari service answered 422 "
            "invalid-request: query.article_id: String should have at most 200 characters."
        ], said
        assert not [text for text in said if "CORS" in text or "Access-Control" in text], said


#: The phone of the trial: 375 px wide (an iPhone SE, the narrowest phone in wide use).
NARROW_PHONE = {"width": 375, "height": 667}


def _top(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return float(box["y"])


def test_on_a_phone_the_notice_comes_first_a_long_box_folds_and_report_says_so(
    browser: Browser, servers: Servers
) -> None:
    """A newsroom editor's trial at 375 px: the AI notice came after the bullets (off the
    first screen), a long box had no fold, and the report control was a bare ⚑. Now the
    notice sits under the heading (and a screen reader hears it with the box), bullets
    after the third fold behind "Tampilkan lebih banyak", and each control shows its word
    ("Laporkan") and is named "Laporkan: poin N"."""
    with _open(browser, servers, "/kabar", viewport=NARROW_PHONE, has_touch=True) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "ready")
        notice, bullets = box.locator(".notice"), box.locator(".bullet")
        # A long box: more than three bullets (the sizer gives this article four or five).
        count = bullets.count()
        assert count >= 4
        expect(notice).to_be_in_viewport()
        assert _top(box.locator("h2")) < _top(notice) < _top(bullets.first)
        expect(box.locator("section")).to_have_accessible_description(notice.inner_text())
        # The fold: three bullets, then "show more", which unfolds onto the fourth.
        for index in range(3):
            expect(bullets.nth(index)).to_be_visible()
        for index in range(3, count):
            expect(bullets.nth(index)).to_be_hidden()
        more = box.get_by_role("button", name="Tampilkan lebih banyak")
        expect(more).to_have_attribute("aria-expanded", "false")
        expect(more).to_have_attribute("aria-controls", "list")
        assert more.evaluate("e => e.getBoundingClientRect().height") >= 44  # a finger's
        shot(page, "embed-phone-375")
        more.click()
        expect(bullets.nth(3)).to_be_visible()
        expect(bullets.nth(3)).to_be_focused()
        less = box.get_by_role("button", name="Tampilkan lebih sedikit")
        expect(less).to_have_attribute("aria-expanded", "true")
        shot(page, "embed-phone-375-unfolded")
        # Each report control says what it does, its name starts with what it shows.
        flags = box.locator(".flag")
        for index in range(4):
            expect(flags.nth(index)).to_have_accessible_name(f"Laporkan: poin {index + 1}")
            expect(flags.nth(index)).to_contain_text("Laporkan")
            expect(flags.nth(index)).to_be_in_viewport()
        assert flags.first.evaluate("e => e.getBoundingClientRect().height") >= 44
        less.click()
        expect(bullets.nth(3)).to_be_hidden()
        # Nothing wider than the phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_PHONE["width"]
    # Wider, the box is as before: every bullet, no fold, the notice under them.
    with _open(browser, servers, "/kabar", viewport=DESKTOP) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "ready")
        expect(box.locator(".bullet").nth(3)).to_be_visible()
        expect(box.locator(".more")).to_be_hidden()
        assert _top(box.locator(".notice")) > _top(box.locator(".bullet").nth(3))
        expect(box.locator(".flag").first).to_contain_text("Laporkan")


def test_embed_theme_attribute_overrides_the_readers_scheme(
    browser: Browser, servers: Servers
) -> None:
    """``theme="light"`` on a dark-mode reader's browser, ``theme="dark"`` on a light one."""
    for scheme, theme, background in (
        ("dark", "light", "rgb(247, 248, 251)"),
        ("light", "dark", "rgb(23, 28, 38)"),
    ):
        with _open(browser, servers, "/kabar", viewport=DESKTOP, color_scheme=scheme) as page:
            box = page.locator("intisari-box")
            expect(box).to_have_attribute("data-state", "ready")
            box.evaluate("(element, theme) => element.setAttribute('theme', theme)", theme)
            expect(box.locator(".box")).to_have_css("background-color", background)
            shot(page, f"embed-theme-{theme}-on-{scheme}")


def test_embed_shows_no_draft_and_shows_a_correction_note(
    browser: Browser, servers: Servers
) -> None:
    """A draft leaves the element empty (``data-state="pending"``); a corrected box shows
    its bullets as the editor left them and the note under the notice (desktop and phone)."""
    with _open(browser, servers, "/ulasan", viewport=PHONE) as page:
        box = page.locator("intisari-box")
        expect(box).to_have_attribute("data-state", "pending")
        expect(box).to_be_hidden()
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with _open(browser, servers, "/ralat", viewport=viewport) as page:
            box = page.locator("intisari-box")
            expect(box).to_have_attribute("data-state", "ready")
            note = box.locator("[data-correction]")
            expect(note).to_be_visible()
            expect(note).to_contain_text("Diperbarui")
            expect(note).to_contain_text(CORRECTION)
            expect(box.locator(".notice")).to_have_text("Dibuat dengan AI, diperiksa editor.")
            shot(page, f"embed-corrected-{name}")
