"""Editorial control in a real browser (issue 16), on a desktop and a 390 px phone: the
approve flow in publish mode ``review``, each edit of the editor's page with the grounding
invariant checked on the result, and the correction note on the reader's page.

Marked ``browser`` (Debian's chromium through Playwright, as ``test_browser_pages.py``);
the app runs under uvicorn on 127.0.0.1 with a throwaway SQLite file, its publisher in
review mode. Each test has its own browser contexts and its own article (a title of its
own makes a cache key of its own). Screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import update

from app_fixtures import ARTICLE, serve_app
from browser_support import contrast, launch
from intisari.pipeline import summarize
from intisari.result import join_spans
from intisari.service.summaries import ENGINE_VERSION
from intisari.settings import Settings
from intisari.storage.accounts import create_account
from intisari.storage.models import Publisher
from intisari.storage.repository import add_summary
from intisari.web.app import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
EDITOR, PASSWORD = "eda", "correct horse battery"
#: A desktop and the 390 px phone of the issue.
VIEWPORTS = {"desktop": {"width": 1100, "height": 900}, "phone": {"width": 390, "height": 844}}


#: The id of the stored LLM-mode summary of ``base_url``'s app (see ``llm_result``).
LLM_SUMMARY: dict[str, str] = {}


def llm_result() -> dict[str, Any]:
    """The article's box as the LLM mode stores it: its first bullet written by an LLM
    and checked (supported), the rest extracted."""
    result = summarize(ARTICLE, title="Harga Beras (LLM)").model_dump(mode="json")
    first = result["takeaways"][0]
    result["takeaways"][0] = {
        "text": "Harga beras medium di Surabaya naik menjadi Rp14.000 per kilogram.",
        "spans": [],
        "score": 0.9,
        "origin": "llm",
        "evidence": first["spans"],
    }
    result["engine"]["method"] = "llm"
    return result


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running app whose publisher reviews every box first, with one editor and one
    published LLM-mode summary."""
    database = tmp_path_factory.mktemp("editorial") / "intisari.db"
    app = create_app(Settings(database_url=f"sqlite:///{database}"))
    with app.state.intisari.sessions() as session:
        session.execute(update(Publisher).values(publish_mode="review"))
        session.commit()
        create_account(session, EDITOR, PASSWORD, "editor")
        stored = add_summary(session, content_hash="e" * 64, engine_version=ENGINE_VERSION,
                             result=llm_result())
        LLM_SUMMARY["id"] = stored.id
    with serve_app(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


class Contexts:
    """Fresh browser contexts (no shared cookies) that fail the test on CSP violations."""

    def __init__(self, browser: Browser, base_url: str, viewport: str) -> None:
        self.browser, self.base_url, self.viewport = browser, base_url, viewport
        self.opened: list[BrowserContext] = []
        self.violations: list[str] = []

    def page(self) -> Page:
        context = self.browser.new_context(
            base_url=self.base_url, viewport=VIEWPORTS[self.viewport]  # type: ignore[arg-type]
        )
        self.opened.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda m: self.violations.append(m.text) if "Content Security Policy" in m.text
            else None,
        )
        return page

    def screenshot(self, page: Page, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{self.viewport}.png"), full_page=True)


@pytest.fixture
def contexts(browser: Browser, base_url: str, viewport: str) -> Iterator[Contexts]:
    made = Contexts(browser, base_url, viewport)
    yield made
    for context in made.opened:
        context.close()
    assert not made.violations, made.violations


#: Each text of the picker's rows that cannot be used: its colour as seen (blended with what
#: is under it by the opacity of it and its ancestors) and the opaque background under it.
USED_ROW_COLOURS = """() => [...document.querySelectorAll(
    ".picker__item--used :is(.picker__text, .meta, .meta strong, .badge)")].map(e => {
  let opacity = 1, under = null;
  for (let n = e; n; n = n.parentElement) {
    const style = getComputedStyle(n);
    opacity *= parseFloat(style.opacity);
    if (!under && !/^rgba\\(.*, 0\\)$|transparent/.test(style.backgroundColor)) {
      under = style.backgroundColor;
    }
  }
  const [fg, bg] = [getComputedStyle(e).color, under || "rgb(255, 255, 255)"]
    .map(c => c.match(/[\\d.]+/g).slice(0, 3).map(Number));
  const seen = fg.map((c, i) => Math.round(c * opacity + bg[i] * (1 - opacity)));
  return [e.className || e.tagName, `rgb(${seen.join(", ")})`, `rgb(${bg.join(", ")})`];
})"""


def new_draft(page: Page, title: str) -> str:
    """Summarize the article under ``title`` through the API: a draft; returns its id."""
    response = page.request.post("/v1/summaries", data={"text": ARTICLE, "title": title})
    assert response.ok, response.text()
    body: dict[str, Any] = response.json()
    assert body["pending"] is True and body["takeaways"] == []
    summary_id: str = body["summary_id"]
    return summary_id


def log_in(page: Page) -> None:
    page.goto("/review")
    page.get_by_label("Name").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Readers' reports")).to_be_visible()


def box(page: Page, summary_id: str) -> dict[str, Any]:
    """The box as the editor's browser gets it from the API (its session cookie)."""
    body: dict[str, Any] = page.request.get(f"/v1/summaries/{summary_id}").json()
    return body


def assert_grounded(summary: dict[str, Any]) -> None:
    """The grounding invariant on every bullet (extracted: the LLM's are checked apart)."""
    text = summary["text"]
    for takeaway in summary["takeaways"]:
        assert takeaway["origin"] == "extract"
        assert join_spans(text, [tuple(s) for s in takeaway["spans"]]) == takeaway["text"]


def shown_bullets(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(".editor__text").all_inner_texts()]


def approve(editor: Page, summary_id: str) -> None:
    editor.goto(f"/review/summaries/{summary_id}")
    editor.get_by_role("button", name=re.compile("^Approve")).click()
    expect(editor.get_by_role("status")).to_contain_text("Approved")


def test_a_draft_waits_for_an_editor_then_readers_see_it_checked(
    contexts: Contexts, viewport: str
) -> None:
    reader = contexts.page()
    summary_id = new_draft(reader, f"Harga Beras Naik ({viewport}, approve)")
    reader.goto(f"/a/{summary_id}")
    expect(reader.locator("[data-state=pending]")).to_contain_text("menunggu pemeriksaan editor")
    expect(reader.locator(".takeaway")).to_have_count(0)
    contexts.screenshot(reader, "editorial-reader-pending")

    editor = contexts.page()
    log_in(editor)
    drafts = editor.locator("#drafts-heading").locator("xpath=..")
    drafts.get_by_role("link", name=re.compile("Approve|Harga Beras Naik")).first.click()
    expect(editor).to_have_url(re.compile(f"/review/summaries/{summary_id}$"))
    expect(editor.locator("[data-status]")).to_contain_text("draft")
    expect(editor.locator(".editor__bullet")).not_to_have_count(0)
    contexts.screenshot(editor, "editorial-editor-draft")
    editor.get_by_role("button", name="Approve and publish").click()
    expect(editor.get_by_role("status")).to_contain_text("Approved")
    expect(editor.locator("[data-status]")).to_have_text("published")

    reader.reload()
    expect(reader.locator(".takeaway")).not_to_have_count(0)
    expect(reader.locator(".takeaways__notice")).to_have_text(
        "Dibuat dengan AI, diperiksa editor."
    )
    expect(reader.locator("[data-correction]")).to_have_count(0)
    contexts.screenshot(reader, "editorial-reader-approved")


def test_each_edit_keeps_the_box_grounded_and_readers_see_the_correction(
    contexts: Contexts, viewport: str
) -> None:
    editor = contexts.page()
    log_in(editor)
    summary_id = new_draft(editor, f"Harga Beras Naik ({viewport}, edits)")
    approve(editor, summary_id)
    first = box(editor, summary_id)["takeaways"]
    assert len(first) >= 3

    # Remove the second bullet: it asks first, with a note for readers.
    second = editor.locator("#bullet-1")
    expect(second.get_by_role("button", name="Remove bullet 2")).to_be_hidden()
    removing = second.locator(".editor__remove")
    removing.get_by_text("Remove…").click()
    removing.get_by_label(re.compile("^Correction note")).fill("poin kedua keliru")
    removing.get_by_role("button", name="Remove bullet 2").click()
    expect(editor.get_by_role("status")).to_have_text("Bullet removed.")
    expect(editor.locator("[data-correction]")).to_contain_text("poin kedua keliru")
    after = box(editor, summary_id)
    texts = [t["text"] for t in first]
    assert [t["text"] for t in after["takeaways"]] == [texts[0], *texts[2:]]
    assert_grounded(after)

    # Move the first bullet down.
    editor.get_by_role("button", name="Move down bullet 1").click()
    expect(editor.get_by_role("status")).to_have_text("Bullets reordered.")
    # Back at the moved bullet (it had been the top of the page, focus on the body), and
    # the result is read with it.
    expect(editor.locator("#bullet-1")).to_be_focused()
    expect(editor.locator("#bullet-1")).to_have_accessible_description("Bullets reordered.")
    moved = box(editor, summary_id)
    assert [t["text"] for t in moved["takeaways"][:2]] == [
        after["takeaways"][1]["text"], after["takeaways"][0]["text"]
    ]
    assert shown_bullets(editor) == [t["text"] for t in moved["takeaways"]]

    # Replace the first bullet with the best sentence not in the box, from the picker.
    editor.get_by_role("link", name="Replace… bullet 1").click()
    expect(editor.get_by_role("heading", name="Replace bullet 1")).to_be_visible()
    whole = editor.locator(".picker__item[data-whole] [data-score]").all_inner_texts()
    assert [float(s) for s in whole] == sorted(map(float, whole), reverse=True)
    # The headline is a sentence of the text (the title was given apart) but no bullet.
    headline = editor.locator(".picker__item:not([data-whole])")
    expect(headline.first).to_contain_text("not a whole sentence")
    expect(headline.first.get_by_role("button")).to_have_count(0)
    contexts.screenshot(editor, "editorial-picker")
    # The rows that cannot be used were dimmed with opacity .7: their score lines 3.12:1.
    used = editor.evaluate(USED_ROW_COLOURS)
    assert used, "no row in the box or cut off"
    assert min(contrast(seen, under) for _, seen, under in used) >= 4.5, used
    choice = editor.locator(".picker__item:not(.picker__item--used)").first
    chosen = choice.locator(".picker__text").inner_text().strip()
    choice.get_by_role("button", name=re.compile("^Use this sentence")).click()
    expect(editor.get_by_role("status")).to_contain_text("Bullet replaced")
    replaced = box(editor, summary_id)
    assert replaced["takeaways"][0]["text"] == chosen
    assert_grounded(replaced)

    # Shorten the second bullet: delete its third word, with a note for readers.
    bullet = editor.locator("#bullet-1")
    bullet.get_by_text("Shorten (delete words)").click()
    words = replaced["takeaways"][1]["text"].split()
    shorter = " ".join([*words[:2], *words[3:]])
    bullet.get_by_label(re.compile("^Delete words only")).fill(shorter)
    bullet.locator("#shorten-note-1").fill("satu kata dihapus")
    bullet.get_by_role("button", name="Save shorter bullet").click()
    expect(editor.get_by_role("status")).to_have_text("Bullet shortened.")
    shortened = box(editor, summary_id)
    assert shortened["takeaways"][1]["text"] == shorter
    assert len(shortened["takeaways"][1]["spans"]) == 2
    assert_grounded(shortened)
    expect(editor.locator(".audit tbody tr")).to_have_count(5)  # approve and four edits
    contexts.screenshot(editor, "editorial-editor-edited")

    # An attempt to add a word is refused, and nothing changes.
    editor.locator("#bullet-1").get_by_text("Shorten (delete words)").click()
    editor.locator("#bullet-1").get_by_label(re.compile("^Delete words only")).fill(
        shorter + " tambahan"
    )
    editor.locator("#bullet-1").get_by_role("button", name="Save shorter bullet").click()
    expect(editor.get_by_role("alert")).to_contain_text("only deletions")
    assert box(editor, summary_id)["revision"] == shortened["revision"]
    # The field is focused, marked invalid and described by why (it had been neither, the
    # focus on the page's body).
    field = editor.locator("#shorten-1")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("only deletions"))
    # On the editor page again (it had been a bare error page, linking only to the start
    # page), the typed text still in its open field to correct.
    expect(editor.get_by_role("heading", name="Edit the box")).to_be_visible()
    expect(
        editor.locator("#bullet-1").get_by_label(re.compile("^Delete words only"))
    ).to_have_value(shorter + " tambahan")

    reader = contexts.page()
    reader.goto(f"/a/{summary_id}")
    correction = reader.locator("[data-correction]")
    expect(correction).to_have_text(
        re.compile(r"^Diperbarui \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB: satu kata dihapus$")
    )
    expect(reader.locator(".takeaway__text").nth(1)).to_contain_text(shorter)
    contexts.screenshot(reader, "editorial-reader-corrected")

    editor.goto("/review/audit")
    rows = editor.locator(".audit tbody tr[data-action=shorten]", has_text=summary_id)
    expect(rows).to_have_count(1)
    contexts.screenshot(editor, "editorial-audit")


def test_an_llm_bullet_is_rewritten_checked_and_an_unsupported_rewrite_refused(
    contexts: Contexts,
) -> None:
    editor = contexts.page()
    log_in(editor)
    summary_id = LLM_SUMMARY["id"]
    editor.goto(f"/review/summaries/{summary_id}")
    bullet = editor.locator("#bullet-0")
    expect(bullet.get_by_text("Shorten (delete words)")).to_have_count(0)
    revision = box(editor, summary_id)["revision"]

    wrong = "Harga beras medium di Surabaya turun menjadi Rp9.000 per kilogram."
    bullet.get_by_text("Rewrite (checked against the article)").click()
    bullet.get_by_label("New text").fill(wrong)
    bullet.get_by_role("button", name="Check and save").click()
    expect(editor.get_by_text(re.compile("the checker finds the rewrite"))).to_be_visible()
    contexts.screenshot(editor, "editorial-rewrite-refused")
    assert box(editor, summary_id)["revision"] == revision

    editor.goto(f"/review/summaries/{summary_id}")
    bullet = editor.locator("#bullet-0")
    bullet.get_by_text("Rewrite (checked against the article)").click()
    supported = "Harga beras medium di pasar tradisional Surabaya naik menjadi Rp14.000."
    bullet.get_by_label("New text").fill(supported)
    bullet.get_by_role("button", name="Check and save").click()
    expect(editor.get_by_role("status")).to_contain_text("checker finds it supported")
    expect(editor.locator("#bullet-0 .meta")).to_contain_text("(supported)")
    rewritten = box(editor, summary_id)
    assert rewritten["takeaways"][0]["text"] == supported
    assert rewritten["takeaways"][0]["origin"] == "llm"
    assert_grounded({**rewritten, "takeaways": rewritten["takeaways"][1:]})
    contexts.screenshot(editor, "editorial-rewrite-checked")
