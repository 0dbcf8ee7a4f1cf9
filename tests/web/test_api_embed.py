"""The embed's JSON routes: the publisher's box in its article's words, reports through it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app_fixtures import ARTICLE
from embed_fixtures import (
    ALLOWED_ORIGIN,
    EDITOR,
    add_publisher,
    publisher_box,
    publisher_key,
)
from intisari.service.editorial import Edit, edit
from intisari.service.publishers import change_settings, publisher_in
from intisari.storage.models import DEFAULT_PUBLISHER_ID
from intisari.web.locale import id as indonesian
from tenant_fixtures import World, staff_token, world

__all__ = ["world"]

FROM_SITE = {"Origin": ALLOWED_ORIGIN}


@pytest.fixture
def box_id(client: TestClient, article: str) -> str:
    publisher = add_publisher(client.app, "kabar", [ALLOWED_ORIGIN])  # type: ignore[arg-type]
    return publisher_box(client.app, publisher, article, "a-1")  # type: ignore[arg-type]


def _box(client: TestClient, query: str = "article_id=a-1") -> dict[str, Any]:
    response = client.get(f"/v1/embed/kabar/box?{query}", headers=FROM_SITE)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_box_speaks_the_articles_language(client: TestClient, box_id: str, article: str) -> None:
    box = _box(client)
    assert box["summary_id"] == box_id
    assert box["status"] == "published"
    assert (box["language"], box["heading"]) == ("id", "Intisari Utama")
    assert "AI" in box["notice"]
    # The categories and their labels come from report_kinds and web/locale: one home.
    assert box["categories"] == [list(pair) for pair in indonesian.TEXT["categories"]]
    assert box["words"]["send"] == indonesian.TEXT["send"]
    assert box["max_comment_chars"] == 2000
    for takeaway in box["takeaways"]:
        # The source is whole sentence(s) of the article that contain the bullet's words.
        assert takeaway["source"] in article
        assert takeaway["text"].split()[0] in takeaway["source"]


def test_box_words_in_the_readers_language(client: TestClient, box_id: str) -> None:
    """``lang`` changes the dialog's words, not the article's box."""
    box = _box(client, "article_id=a-1&lang=en")
    assert box["words"]["send"] == "Send report"
    assert ("inaccurate", "Inaccurate") in [tuple(pair) for pair in box["categories"]]
    assert box["heading"] == "Intisari Utama"
    # Said apart, so the script marks the words' language and the article's apart.
    assert (box["words_language"], box["language"]) == ("en", "id")
    unknown = _box(client, "article_id=a-1&lang=xx")
    assert unknown["words"]["send"] == indonesian.TEXT["send"]
    assert unknown["words_language"] == "id"


def test_box_words_for_a_language_tag_with_its_region(client: TestClient, box_id: str) -> None:
    """Publishers' pages tag their language with a region as often as not: ``en-US`` is
    English, and the longest tags BCP 47 allows are taken (``zh-Hant-TW`` was a 422)."""
    box = _box(client, "article_id=a-1&lang=en-US")
    assert (box["words_language"], box["words"]["send"]) == ("en", "Send report")
    assert _box(client, "article_id=a-1&lang=EN")["words_language"] == "en"
    assert _box(client, "article_id=a-1&lang=zh-Hant-TW")["words_language"] == "id"


def test_an_article_without_a_box_yet_is_204_not_an_error(
    client: TestClient, box_id: str
) -> None:
    """It was 404 ``not-found``, and every article page not summarized yet logged "Failed
    to load resource: 404" in its console, though an empty box is to log nothing."""
    missing = client.get("/v1/embed/kabar/box?article_id=nope", headers=FROM_SITE)
    assert missing.status_code == 204 and missing.content == b""
    assert missing.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    no_url = client.get("/v1/embed/kabar/box?url=https://news.example/x", headers=FROM_SITE)
    assert no_url.status_code == 204
    neither = client.get("/v1/embed/kabar/box", headers=FROM_SITE)
    assert neither.status_code == 422
    unknown = client.get("/v1/embed/nobody/box?article_id=a-1", headers=FROM_SITE)
    assert unknown.status_code == 404


def test_hidden_box_has_no_bullets(
    client: TestClient, box_id: str, reviewer: dict[str, str]
) -> None:
    client.patch(f"/v1/summaries/{box_id}", json={"hidden": True}, headers=reviewer)
    box = _box(client)
    assert (box["status"], box["takeaways"]) == ("hidden", [])


def test_publisher_notice_replaces_the_languages(client: TestClient, article: str) -> None:
    own = add_publisher(
        client.app,  # type: ignore[arg-type]
        "warta",
        [ALLOWED_ORIGIN],
        notices={"id": "Ringkasan AI, diperiksa redaksi Warta."},
    )
    publisher_box(client.app, own, article, "w-1")  # type: ignore[arg-type]
    response = client.get("/v1/embed/warta/box?article_id=w-1", headers=FROM_SITE)
    assert response.json()["notice"] == "Ringkasan AI, diperiksa redaksi Warta."


def test_report_through_the_embed_is_filed_then_merged(client: TestClient, box_id: str) -> None:
    body = {"summary_id": box_id, "takeaway_index": 1, "category": "inaccurate", "comment": "x"}
    first = client.post("/v1/embed/kabar/reports", json=body, headers=FROM_SITE)
    assert first.status_code == 201, first.text
    assert first.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    again = client.post("/v1/embed/kabar/reports", json=body, headers=FROM_SITE)
    assert again.status_code == 200
    assert again.json()["duplicates"] == 1
    wrong = client.post(
        "/v1/embed/kabar/reports", json={**body, "takeaway_index": 99}, headers=FROM_SITE
    )
    assert wrong.status_code == 422
    assert wrong.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


def test_an_embed_report_keeps_the_bullet_of_the_revision_the_box_had(
    client: TestClient, box_id: str
) -> None:
    """The box carries its revision and a report sends it back: an editor's change while
    the reader had the box open no longer attaches the report to another bullet."""
    box = _box(client)
    assert box["revision"] == 0
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        edit(session, box_id, EDITOR, Edit(op="remove", index=0), revision=0, note=None)
    assert _box(client)["revision"] == 1
    body = {"summary_id": box_id, "takeaway_index": 0, "revision": 0, "category": "other"}
    filed = client.post("/v1/embed/kabar/reports", json=body, headers=FROM_SITE)
    assert filed.status_code == 201, filed.text
    assert filed.json()["takeaway_text"] == box["takeaways"][0]["text"]


def test_embed_reports_share_the_report_rate_limit(
    make_client: Callable[..., TestClient], article: str
) -> None:
    """The same per-client limit as ``POST /v1/summaries/{id}/reports`` (one service path;
    the limit is the client's address, whatever key it holds)."""
    client = make_client(reports_per_client_per_hour=2)
    publisher = add_publisher(client.app, "kabar", [ALLOWED_ORIGIN])  # type: ignore[arg-type]
    box_id = publisher_box(client.app, publisher, article, "a-1")  # type: ignore[arg-type]
    key = publisher_key(client.app, publisher)  # type: ignore[arg-type]
    body = {"summary_id": box_id, "takeaway_index": 0, "category": "other"}
    direct = {"takeaway_index": 0, "category": "other"}
    sent = client.post(f"/v1/summaries/{box_id}/reports", json=direct, headers=key)
    assert sent.status_code == 201, sent.text
    # The same report again through the embed: merged (200), and counted.
    embedded = client.post("/v1/embed/kabar/reports", json=body, headers=FROM_SITE)
    assert embedded.status_code == 200
    limited = client.post("/v1/embed/kabar/reports", json=body, headers=FROM_SITE)
    assert limited.status_code == 429
    assert "retry-after" in limited.headers
    assert limited.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


def test_a_report_through_the_embed_is_a_report_like_any(world: World) -> None:
    """The embed files through ``service.reports.file_report``: the publisher's
    ``report.filed`` webhook is queued, and a box read by the embed costs no quota (it
    only reads what the publisher's server stored)."""
    client = world.client
    changed = client.patch(
        f"/v1/publishers/{world.a}", json={"allowed_origins": [ALLOWED_ORIGIN]}, headers=world.root
    )
    assert changed.status_code == 200, changed.text
    made = client.post(
        "/v1/summaries",
        json={"text": ARTICLE.replace("Bandung", "Bogor"), "article_id": "a-2"},
        headers=world.a_key,
    )
    assert made.status_code == 200, made.text

    def used_today() -> int:
        publisher = client.get(f"/v1/publishers/{world.a}", headers=world.root)
        return int(publisher.json()["used_today"])

    used = used_today()
    for _ in range(3):
        read = client.get("/v1/embed/harian-a/box?article_id=a-2", headers=FROM_SITE)
        assert read.status_code == 200
    assert used_today() == used
    body = {"summary_id": made.json()["summary_id"], "takeaway_index": 0, "category": "other"}
    filed = client.post("/v1/embed/harian-a/reports", json=body, headers=FROM_SITE)
    assert filed.status_code == 201, filed.text
    log = client.get(
        f"/v1/publishers/{world.a}/webhooks/{world.a_endpoint}/deliveries", headers=world.a_admin
    )
    assert [d["event"] for d in log.json()] == ["report.filed"]


def _review_mode(world: World) -> None:
    """Publisher A embeds on ``ALLOWED_ORIGIN`` and reviews each box before readers see it."""
    changed = world.client.patch(
        f"/v1/publishers/{world.a}",
        json={"allowed_origins": [ALLOWED_ORIGIN], "publish_mode": "review"},
        headers=world.root,
    )
    assert changed.status_code == 200, changed.text


def test_a_draft_is_pending_and_a_corrected_box_shows_its_note(world: World) -> None:
    """The embed shows the box as the article page does (``service.editorial``): a draft
    of a publisher in ``review`` mode is ``pending`` without bullets until an editor
    approves it, and an edit of the published box brings its correction note."""
    client = world.client
    _review_mode(world)
    made = client.post(
        "/v1/summaries",
        json={"text": ARTICLE.replace("Bandung", "Bogor"), "article_id": "a-3"},
        headers=world.a_key,
    )
    summary_id = made.json()["summary_id"]
    path = "/v1/embed/harian-a/box?article_id=a-3"
    pending = client.get(path, headers=FROM_SITE).json()
    assert (pending["status"], pending["takeaways"]) == ("pending", [])
    assert pending["summary_id"] == summary_id and pending["correction"] is None

    editor = {"Authorization": f"Bearer {staff_token(world.app, 'a-ed', 'editor', world.a)}"}
    approved = client.post(
        f"/v1/summaries/{summary_id}/approve", json={"revision": 1}, headers=editor
    )
    assert approved.status_code == 200, approved.text
    shown = client.get(path, headers=FROM_SITE).json()
    assert shown["status"] == "published" and len(shown["takeaways"]) >= 3
    assert shown["notice"] == "Dibuat dengan AI, diperiksa editor."
    assert shown["correction"] is None  # approving a draft corrects nothing

    edited = client.post(
        f"/v1/summaries/{summary_id}/edits",
        json={"revision": 2, "op": "remove", "index": 1, "note": "poin kedua keliru"},
        headers=editor,
    )
    assert edited.status_code == 200, edited.text
    corrected = client.get(path, headers=FROM_SITE).json()
    assert [t["text"] for t in corrected["takeaways"]] == [
        t["text"] for t in edited.json()["takeaways"]
    ]
    assert len(corrected["takeaways"]) == len(shown["takeaways"]) - 1
    assert corrected["correction"].startswith("Diperbarui ")
    assert corrected["correction"].endswith(" WIB: poin kedua keliru")


def test_an_anonymous_callers_box_is_never_the_embeds(client: TestClient, article: str) -> None:
    """A security trial: anonymous summaries are the default publisher's, and an anonymous
    caller naming the real article's id (or sending HTML whose canonical link is its
    address) had its invented box shown as the newest by a single-site install's embed."""
    app: Any = client.app
    with app.state.intisari.sessions() as session:
        default = publisher_in(session, DEFAULT_PUBLISHER_ID, None)
        change_settings(session, default, {"allowed_origins": [ALLOWED_ORIGIN]},
                        instance_staff=True)
    key = publisher_key(app, DEFAULT_PUBLISHER_ID)
    real = client.post("/v1/summaries", json={"text": article, "article_id": "x-1"}, headers=key)
    assert real.status_code == 200, real.text
    fake = "Wali kota ditangkap KPK.\n\n" + ARTICLE.replace("Bandung", "Bogor")
    assert client.post("/v1/summaries", json={"text": fake, "article_id": "x-1"}).status_code == 200
    page = (
        '<html><head><link rel="canonical" href="https://news.example/real"></head><body>'
        f"<article><p>{ARTICLE}</p></article></body></html>"
    )
    assert client.post("/v1/summaries", json={"html": page}).status_code == 200
    shown = client.get("/v1/embed/default/box?article_id=x-1", headers=FROM_SITE)
    assert shown.json()["summary_id"] == real.json()["summary_id"]
    by_url = client.get("/v1/embed/default/box?url=https://news.example/real", headers=FROM_SITE)
    assert by_url.status_code == 204  # no box of the publisher's own for it
    # The publisher asking for the same page afterwards gets a copy of its own.
    mine = client.post("/v1/summaries", json={"html": page}, headers=key)
    assert mine.headers["X-Intisari-Cache"] == "miss"
    by_url = client.get("/v1/embed/default/box?url=https://news.example/real", headers=FROM_SITE)
    assert by_url.json()["summary_id"] == mine.json()["summary_id"]


def _page(text: str, extra: str = "") -> str:
    """``text`` as a publisher's HTML page; ``extra`` is put at the end of its body."""
    paragraphs = "".join(f"<p>{part}</p>\n" for part in text.split("\n\n")[1:])
    return (
        f"<html><head><title>{text.split(chr(10))[0]}</title></head><body>"
        f"<article><h1>{text.split(chr(10))[0]}</h1>\n{paragraphs}</article>{extra}</body></html>"
    )


def test_an_article_sent_again_keeps_its_edited_approved_or_hidden_box(world: World) -> None:
    """An editor's trial: the CMS re-sent an article with one HTML comment added, a new
    box was made under the same ``article_id``, and the embed switched to it: the edited
    bullets, the correction note, the approval (review mode: ``pending`` again) and a
    reviewer's hiding were lost, with nothing in the audit log. The box belongs to the
    article: the same cleaned text answers the stored box, on the API and the embed."""
    client = world.client
    _review_mode(world)
    page = _page(ARTICLE)

    def send(html: str) -> dict[str, Any]:
        made = client.post(
            "/v1/summaries", json={"html": html, "article_id": "a-7"}, headers=world.a_key
        )
        assert made.status_code == 200, made.text
        body: dict[str, Any] = made.json()
        return body

    summary_id = send(page)["summary_id"]
    editor = {"Authorization": f"Bearer {staff_token(world.app, 'a-ed', 'editor', world.a)}"}
    approved = client.post(
        f"/v1/summaries/{summary_id}/approve", json={"revision": 1}, headers=editor
    )
    assert approved.status_code == 200, approved.text
    edited = client.post(
        f"/v1/summaries/{summary_id}/edits",
        json={"revision": 2, "op": "remove", "index": 1, "note": "poin kedua keliru"},
        headers=editor,
    )
    assert edited.status_code == 200, edited.text
    bullets = [t["text"] for t in edited.json()["takeaways"]]
    path = "/v1/embed/harian-a/box?article_id=a-7"

    again = send(page.replace("</body>", "<!-- ad slot 2 --></body>"))
    assert again["summary_id"] == summary_id
    assert (again["revision"], again["checked_by_editor"]) == (3, True)
    assert [t["text"] for t in again["takeaways"]] == bullets
    assert again["correction"]["note"] == "poin kedua keliru"
    shown = client.get(path, headers=FROM_SITE).json()
    assert (shown["summary_id"], shown["status"]) == (summary_id, "published")
    assert [t["text"] for t in shown["takeaways"]] == bullets
    assert shown["correction"].endswith(" WIB: poin kedua keliru")

    hidden = client.patch(f"/v1/summaries/{summary_id}", json={"hidden": True}, headers=editor)
    assert hidden.status_code == 200, hidden.text
    crlf = send(page.replace("\n", "\r\n").replace("</body>", "<!-- rail --></body>"))
    assert crlf["summary_id"] == summary_id and crlf["hidden"]
    shown = client.get(path, headers=FROM_SITE).json()
    assert (shown["summary_id"], shown["status"]) == (summary_id, "hidden")

    # The article really changed: a new box, a draft waiting for an editor, as before.
    new = send(_page(ARTICLE.replace("Surabaya", "Sidoarjo")))
    assert new["summary_id"] != summary_id and new["pending"]
    assert client.get(path, headers=FROM_SITE).json()["status"] == "pending"
