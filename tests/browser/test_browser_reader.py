"""The reader page in a real browser at desktop width and on a 390 px phone: its
language and switch, the AI notice in the first screen, "show more", "Helpful?".

As ``test_browser_pages.py``: the app under uvicorn in a thread on a throwaway SQLite
file, Debian's chromium, any CSP violation fails the test, screenshots in
``test-artifacts/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, expect

from app_fixtures import ARTICLE, serve_app
from browser_support import (
    DESKTOP,
    PHONE,
    contrast,
    exposed_node,
    exposed_roles,
    launch,
    page_without_csp_violations,
    shot,
    side_borders,
)
from intisari.settings import Settings
from intisari.storage.models import HelpfulVote
from intisari.web.app import create_app

pytestmark = pytest.mark.browser

#: A page with the metadata of a source line (site, date, byline, canonical address).
PAGE = """<html lang="id"><head><title>{title} | Kabar Kota</title>
<meta property="og:site_name" content="Kabar Kota">
<meta property="article:published_time" content="2026-12-03T08:15:00+07:00">
<meta name="author" content="Rina Wulandari">
<link rel="canonical" href="https://kabar.example/a/1"></head><body><article>
<h1>{title}</h1>{body}</article></body></html>"""


class Reader:
    def __init__(self, app: FastAPI, url: str, summary_id: str) -> None:
        self.app = app
        self.url = url
        self.summary_id = summary_id

    def votes(self) -> list[bool]:
        with self.app.state.intisari.sessions() as session:
            return [vote.helpful for vote in session.query(HelpfulVote).all()]


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    """The app with one stored summary of a page (five bullets, a source line)."""
    database = tmp_path_factory.mktemp("reader") / "intisari.db"
    app = create_app(Settings(database_url=f"sqlite:///{database}"))
    title, *paragraphs = ARTICLE.split("\n\n")
    html = PAGE.format(title=title, body="".join(f"<p>{p}</p>" for p in paragraphs))
    with TestClient(app) as client:
        made = client.post("/v1/summaries", json={"html": html})
    assert made.status_code == 200, made.text
    assert len(made.json()["takeaways"]) > 3  # long enough to fold on a phone
    with serve_app(app) as url:
        yield Reader(app, url, made.json()["summary_id"])


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@contextmanager
def opened(
    browser: Browser, reader: Reader, query: str, viewport: dict[str, int]
) -> Iterator[Page]:
    """The article page in a fresh context; fails on any CSP violation."""
    with page_without_csp_violations(browser, reader.url, viewport=viewport) as page:
        page.goto(f"/a/{reader.summary_id}{query}")
        yield page


@pytest.mark.parametrize(
    ("hl", "words"),
    [
        ("", {"lang": "id", "skip": "Langsung ke isi", "switch": "English",
              "date": "3 Desember 2026", "helpful": "Bermanfaat?"}),
        ("en", {"lang": "en", "skip": "Skip to content", "switch": "Bahasa Indonesia",
                "date": "3 December 2026", "helpful": "Helpful?"}),
    ],
)  # fmt: skip
@pytest.mark.parametrize(("device", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_page_speaks_the_articles_language_and_switches(
    browser: Browser,
    reader: Reader,
    hl: str,
    words: dict[str, str],
    device: str,
    viewport: dict[str, int],
) -> None:
    with opened(browser, reader, f"?hl={hl}" if hl else "", viewport) as page:
        expect(page.locator("html")).to_have_attribute("lang", words["lang"])
        expect(page.locator(".skip-link")).to_have_text(words["skip"])
        expect(page.locator(".takeaways__heading")).to_contain_text("Intisari Utama")
        # The title without the site's name ("... | Kabar Kota").
        expect(page.locator(".story__title")).to_have_text(ARTICLE.split("\n\n")[0])
        expect(page.locator(".source-line")).to_contain_text("Kabar Kota")
        expect(page.locator(".source-line time")).to_have_text(words["date"])
        expect(page.locator(".helpful__question")).to_have_text(words["helpful"])
        shot(page, f"reader-{words['lang']}-{device}")
        page.get_by_role("link", name=words["switch"]).click()
        other = "en" if words["lang"] == "id" else "id"
        expect(page.locator("html")).to_have_attribute("lang", other)


def test_on_a_phone_the_notice_is_in_the_first_screen_and_long_boxes_fold(
    browser: Browser, reader: Reader
) -> None:
    with opened(browser, reader, "", PHONE) as page:
        notice = page.locator(".takeaways__notice")
        expect(notice).to_be_visible()
        box = notice.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]
        first = page.locator(".takeaway").first.bounding_box()
        assert first is not None and first["y"] < PHONE["height"]
        extra = page.locator(".takeaway--extra")
        assert extra.count() >= 1
        expect(extra.first).to_be_hidden()
        more = page.locator("[data-show-more]")
        expect(more).to_have_text("Tampilkan lebih banyak")
        expect(more).to_have_attribute("aria-expanded", "false")
        shot(page, "reader-phone-folded")
        more.click()
        expect(extra.first).to_be_visible()
        # The focus goes to the first bullet revealed, before the button (Tab had skipped it).
        expect(extra.first.locator(".takeaway__text")).to_be_focused()
        expect(more).to_have_attribute("aria-expanded", "true")
        expect(more).to_have_text("Tampilkan lebih sedikit")
        shot(page, "reader-phone-unfolded")


def test_on_a_desktop_every_bullet_shows(browser: Browser, reader: Reader) -> None:
    with opened(browser, reader, "", DESKTOP) as page:
        expect(page.locator(".takeaway--extra").first).to_be_visible()
        expect(page.locator("[data-show-more]")).to_be_hidden()


@pytest.mark.parametrize(("device", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_helpful_is_answered_in_place(
    browser: Browser, reader: Reader, device: str, viewport: dict[str, int]
) -> None:
    with opened(browser, reader, "", viewport) as page:
        before = len(reader.votes())
        page.get_by_role("button", name="Ya", exact=True).click()
        expect(page.locator("[data-helpful-status]")).to_have_text(
            "Terima kasih atas tanggapan Anda."
        )
        assert page.url.endswith(f"/a/{reader.summary_id}")  # no page load
        # One vote per client: the desktop and phone runs share the address 127.0.0.1.
        assert len(reader.votes()) == max(before, 1)
        assert reader.votes()[-1] is True
        shot(page, f"reader-helpful-{device}")


def test_a_vote_whose_request_fails_is_sent_the_plain_way(browser: Browser, reader: Reader) -> None:
    """The vote's request failing (the network, a proxy's error page) threw "Failed to
    fetch" and lost the vote; the plain form post works without the script."""
    with opened(browser, reader, "", DESKTOP) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Only the script's request fails (it asks for JSON); the form's post goes through.
        page.route(
            "**/helpful",
            lambda route: route.abort()
            if "application/json" in (route.request.headers.get("accept") or "")
            else route.continue_(),
        )
        page.get_by_role("button", name="Tidak", exact=True).click()
        page.wait_for_load_state()
        expect(page.get_by_text("Terima kasih atas tanggapan Anda.")).to_be_visible()
        assert errors == []
        assert reader.votes()[-1] is False


def test_the_report_control_is_a_button_that_opens_a_dialog(
    browser: Browser, reader: Reader
) -> None:
    """The control was a <summary>, exposed as a disclosure "collapsed" (its aria-haspopup
    not exposed), although it opens a modal dialog and never becomes "expanded"."""
    with opened(browser, reader, "", DESKTOP) as page:
        control = page.locator(".takeaway").first.get_by_role("button", name="Laporkan : poin 1")
        expect(control).to_have_attribute("aria-haspopup", "dialog")
        node = exposed_node(page, "button", "Laporkan : poin 1")
        assert node.get("hasPopup") == "dialog" and "expanded" not in node, node
        assert "DisclosureTriangle" not in exposed_roles(page)
        control.press("Enter")
        expect(page.get_by_role("dialog")).to_be_visible()


def test_the_report_s_choice_is_invalid_only_once_a_report_without_it_was_sent(
    browser: Browser, reader: Reader
) -> None:
    """The category <select required> on its empty choice was exposed as invalid the moment
    the dialog opened: a screen reader's first words were "combo box, invalid entry"."""
    with opened(browser, reader, "", DESKTOP) as page:
        page.locator(".takeaway").first.locator("button.report__toggle").click()
        choice = page.get_by_role("dialog").get_by_label("Apa masalahnya?")
        expect(choice).to_be_focused()
        assert exposed_node(page, "combobox", "Apa masalahnya?")["invalid"] == "false"
        expect(choice).to_have_attribute("aria-required", "true")  # still said to be needed
        page.get_by_role("dialog").get_by_role("button", name="Kirim laporan").click()
        expect(choice).to_have_attribute("aria-invalid", "true")
        assert exposed_node(page, "combobox", "Apa masalahnya?")["invalid"] == "true"


def test_a_report_without_a_category_keeps_the_focus_on_the_choice(
    browser: Browser, reader: Reader
) -> None:
    """The send button is disabled while the report goes: the focus had fallen to the
    page's body, with no ring, and the choice was not marked as the error's."""
    with opened(browser, reader, "", DESKTOP) as page:
        page.locator(".takeaway").first.locator("button.report__toggle").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("button", name="Kirim laporan").press("Enter")
        choice = dialog.get_by_label("Apa masalahnya?")
        expect(dialog.get_by_role("alert")).to_have_text("Pilih jenis masalahnya.")
        expect(choice).to_be_focused()
        expect(choice).to_have_attribute("aria-invalid", "true")
        shot(page, "reader-report-no-category")


def test_a_report_without_a_category_is_refused_in_the_browser(
    browser: Browser, reader: Reader
) -> None:
    """A new user's report: sending the dialog without a category went to the server and
    back (a 422 in the console) to say what the page could say at once. Without the script
    the form still goes, and the report page says it (tests/web)."""
    with opened(browser, reader, "", DESKTOP) as page:
        sent: list[str] = []
        page.on("request", lambda request: sent.append(request.url))
        page.locator(".takeaway").first.locator("button.report__toggle").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("button", name="Kirim laporan").click()
        expect(dialog.get_by_role("alert")).to_have_text("Pilih jenis masalahnya.")
        expect(dialog.get_by_label("Apa masalahnya?")).to_have_attribute("aria-invalid", "true")
        assert not [url for url in sent if "/report" in url], sent
        dialog.get_by_label("Apa masalahnya?").select_option(index=1)
        dialog.get_by_role("button", name="Kirim laporan").click()
        expect(dialog.get_by_role("alert")).to_be_hidden()
        assert len([url for url in sent if "/report" in url]) == 1, sent


def test_the_report_dialog_s_thank_you_is_a_live_region_before_it_is_filled(
    browser: Browser, reader: Reader
) -> None:
    """The status sat in the hidden thank-you part and entered the accessibility tree
    already filled, which screen readers often do not read out; the Close button that took
    the focus did not carry the message."""
    with opened(browser, reader, "", DESKTOP) as page:
        page.locator(".takeaway").nth(2).locator("button.report__toggle").click()
        dialog = page.get_by_role("dialog")
        expect(dialog).to_be_visible()
        # Only the dialog is exposed while it is open: its status is there, and empty.
        assert exposed_roles(page).count("status") == 1
        expect(dialog.get_by_role("status")).to_have_text("")
        dialog.get_by_label("Apa masalahnya?").select_option("other")
        dialog.get_by_role("button", name="Kirim laporan").click()
        thanks = "Terima kasih! Laporan Anda sudah kami terima"
        expect(dialog.get_by_role("status")).to_contain_text(thanks)
        close = dialog.get_by_role("button", name="Tutup").last
        expect(close).to_be_focused()
        expect(close).to_have_accessible_description(re.compile(thanks))


def test_on_a_touch_screen_the_reader_s_controls_are_44_px_tall(
    browser: Browser, reader: Reader
) -> None:
    """"Laporkan", "Ya" and "Tidak" were 25 px tall on a phone: under the 44 px a finger
    needs. A mouse keeps the compact ones."""
    for touch, least in ((True, 44), (False, 0)):
        with page_without_csp_violations(
            browser, reader.url, viewport=PHONE, has_touch=touch, is_mobile=touch
        ) as page:
            page.goto(f"/a/{reader.summary_id}")
            for control in (
                page.locator(".report__toggle").first,
                page.get_by_role("button", name="Ya", exact=True),
                page.get_by_role("button", name="Tidak", exact=True),
            ):
                box = control.bounding_box()
                assert box is not None
                assert box["height"] >= least, (touch, box)
            # The flag and its word stay apart ("⚑Laporkan" once the control was a flex box).
            toggle = page.locator(".report__toggle").first
            flag = toggle.locator("[aria-hidden=true]").first.bounding_box()
            word = toggle.get_by_text("Laporkan").bounding_box()
            assert flag is not None and word is not None
            assert word["x"] - (flag["x"] + flag["width"]) >= 2, (touch, flag, word)
            if touch:
                shot(page, "reader-touch-phone")


#: For the focused element: its focus ring's colour and width, and the colour it is drawn
#: on (the ring sits outside the element: the nearest ancestor's opaque background).
RING = """() => {
  const focused = document.activeElement;
  const style = getComputedStyle(focused);
  let under = focused.parentElement;
  while (under && getComputedStyle(under).backgroundColor.match(/^rgba\\(.*, 0\\)$|transparent/)) {
    under = under.parentElement;
  }
  return {
    name: focused.tagName + "." + focused.className,
    ring: style.outlineColor, width: parseFloat(style.outlineWidth),
    under: under ? getComputedStyle(under).backgroundColor : "rgb(255, 255, 255)",
  };
}"""


def test_the_focus_ring_is_3_to_1_on_every_background(browser: Browser, reader: Reader) -> None:
    """The amber ring (#f59e0b) was 2.15:1 on white, 2.00:1 on the page and 1.94:1 on the
    takeaways box: a low-vision keyboard user could not see where the focus was."""
    with opened(browser, reader, "", DESKTOP) as page:
        seen: dict[str, float] = {}
        for _ in range(16):  # the header, the bullets and their reports, "Helpful?"
            page.keyboard.press("Tab")
            ring = page.evaluate(RING)
            assert ring["width"] >= 2, ring
            seen[ring["under"]] = contrast(ring["ring"], ring["under"])
        # white (header, cards, dialog), the page and the box
        assert {"rgb(255, 255, 255)", "rgb(246, 247, 249)", "rgb(238, 244, 251)"} <= set(seen)
        assert min(seen.values()) >= 3, seen


def test_in_forced_colours_the_active_bullet_keeps_a_cue(browser: Browser, reader: Reader) -> None:
    """The active bullet was marked by a background and a shadow only, both of which forced
    colours (Windows' high contrast) remove: nothing showed which bullet was active."""
    with page_without_csp_violations(
        browser, reader.url, viewport=DESKTOP, forced_colors="active"
    ) as page:
        page.goto(f"/a/{reader.summary_id}")
        bullets = page.locator(".takeaway__text")
        bullets.nth(1).click()
        expect(bullets.nth(1)).to_have_attribute("aria-current", "true")
        (active, width), *_ = side_borders(bullets.nth(1))
        rest = page.locator(".takeaway__text:not([aria-current])")
        others = {colour for colour, _ in side_borders(rest)}
        assert width >= 3 and len(others) == 1, (active, width, others)
        assert contrast(active, others.pop()) >= 3
        shot(page, "reader-forced-colours")
