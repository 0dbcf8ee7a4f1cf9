"""The server-rendered pages without a browser: every page, the no-JavaScript report flow,
CSRF, escaping, hidden summaries, and the review dashboard's decisions.

Uses ``tests/web/conftest.py``'s apps (a fresh SQLite file per test) and its ``summary``
fixture (an Indonesian article summarized through the API).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from adversarial_inputs import LONG_SENTENCES
from intisari.options import DEFAULT_OPTIONS
from intisari.storage import repository
from intisari.storage.accounts import create_account
from intisari.storage.models import Report, StoredSummary
from intisari.web.security import HTML_CSP

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "intisari" / "web" / "templates"
SCRIPT = "<script>alert(1)</script>"
PASSWORD = "correct horse battery"
ARTICLE = (
    "Banjir Rendam Ratusan Rumah di Kabupaten Bandung\n\n"
    "Banjir merendam ratusan rumah di tiga kecamatan di Kabupaten Bandung sejak Selasa malam "
    "setelah hujan deras mengguyur kawasan itu selama enam jam.\n\n"
    "Badan Penanggulangan Bencana Daerah mencatat lebih dari 1.200 warga mengungsi ke masjid "
    "dan sekolah terdekat. Ketinggian air di beberapa titik mencapai satu meter.\n\n"
    "Petugas gabungan mendirikan dapur umum dan menyiagakan perahu karet untuk mengevakuasi "
    "warga lanjut usia serta anak-anak yang masih bertahan di rumah mereka."
)


def csrf(page: Response) -> str:
    """The CSRF token of the first form of a page."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, "the page has no CSRF field"
    return match.group(1)


def reports(client: TestClient) -> list[Report]:
    with client.app.state.intisari.sessions() as session:
        return repository.list_reports(session)


def stored(client: TestClient, summary_id: str) -> StoredSummary:
    with client.app.state.intisari.sessions() as session:
        found = repository.get_summary(session, summary_id)
        assert found is not None
        return found


def log_in(client: TestClient, role: str = "reviewer", name: str = "rina") -> Response:
    with client.app.state.intisari.sessions() as session:
        create_account(session, name, PASSWORD, role)
    form = client.get("/review")
    return client.post(
        "/review/login",
        data={"csrf_token": csrf(form), "name": name, "password": PASSWORD},
        follow_redirects=False,
    )


def send_report(client: TestClient, summary_id: str, **fields: str) -> Response:
    page = client.get(f"/a/{summary_id}")
    data = {"csrf_token": csrf(page), "takeaway_index": "1", "category": "inaccurate", **fields}
    return client.post(f"/a/{summary_id}/report", data=data, follow_redirects=False)


class Marks(HTMLParser):
    """Collects the text of each ``<mark class="source">`` by the takeaways it belongs to."""

    def __init__(self) -> None:
        super().__init__()
        self.by_takeaway: dict[int, list[str]] = {}
        self._open: list[int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark" and ("class", "source") in attrs:
            owners = dict(attrs).get("data-takeaways") or ""
            self._open = [int(i) for i in owners.split()]

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None

    def handle_data(self, data: str) -> None:
        for index in self._open or ():
            self.by_takeaway.setdefault(index, []).append(data)


# The start page -----------------------------------------------------------------------


def test_start_page_has_the_form_the_csrf_cookie_and_the_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == HTML_CSP
    assert "intisari_csrf" in page.headers["set-cookie"]
    assert '<form class="card summarize-form" method="post" action="/"' in page.text
    assert '<label for="text">' in page.text and '<label for="url">' in page.text


def test_pasted_text_is_summarized_and_its_page_shown(client: TestClient) -> None:
    sent = client.post(
        "/", data={"csrf_token": csrf(client.get("/")), "text": ARTICLE}, follow_redirects=False
    )
    assert sent.status_code == 303
    assert re.fullmatch(r"/a/[\w-]+", sent.headers["location"])
    page = client.get(sent.headers["location"])
    assert page.status_code == 200
    assert '<html lang="id">' in page.text
    assert "Intisari Utama" in page.text
    assert "Intisari ini dibuat dengan AI" in page.text


def test_the_start_form_needs_its_csrf_token(client: TestClient, summary: dict[str, Any]) -> None:
    sent = client.post("/", data={"csrf_token": "forged", "text": "x " * 100})
    assert sent.status_code == 403
    assert "expired" in sent.text
    with client.app.state.intisari.sessions() as session:
        assert session.query(StoredSummary).count() == 1  # only the fixture's


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"text": "Terlalu pendek."}, 422, "at least"),
        ({"url": "ftp://example.com/a"}, 422, "must start with http"),
        # In the form's words: the engine's named an "html" field the form has not.
        ({}, 422, "Paste the article&#39;s text or give its address"),
        ({"text": "Teks.", "url": "https://example.com/a"}, 422, "not both"),
    ],
)
def test_the_start_form_explains_what_is_wrong(
    client: TestClient, fields: dict[str, str], status: int, message: str
) -> None:
    data = {"csrf_token": csrf(client.get("/")), "title": SCRIPT, **fields}
    page = client.post("/", data=data)
    assert page.status_code == status
    assert message in page.text
    assert 'role="alert"' in page.text
    assert SCRIPT not in page.text and "&lt;script&gt;" in page.text  # the form kept, escaped


@pytest.mark.parametrize(
    ("fields", "at_fault"),
    [
        ({"url": "ftp://example.com/a"}, "url"),
        ({"text": "Teks.", "title": "x" * 1001}, "title"),
        ({"text": "Teks.", "lang": "id!"}, "lang"),
        ({}, None),  # no source: no one field's fault
        ({"text": "Terlalu pendek."}, None),  # the service's refusal of the article
    ],
)
def test_a_refused_start_form_marks_and_focuses_the_field_at_fault(
    client: TestClient, fields: dict[str, str], at_fault: str | None
) -> None:
    """The page came back with the focus on <body>, an alert already there at load and no
    field marked: a screen-reader user was not told what was wrong, nor where."""
    page = client.post("/", data={"csrf_token": csrf(client.get("/")), **fields}).text
    marked = re.findall(r'<\w+ id="(\w+)"[^>]*aria-invalid="true"', page)
    assert marked == ([at_fault] if at_fault else [])
    focused = re.findall(r'<\w+ [^>]*\bid="([\w-]+)"[^>]*\bautofocus', page)
    assert focused == [at_fault or "form-error"]
    if at_fault:
        field = re.search(rf'<\w+ id="{at_fault}"[^>]*>', page)
        assert field and 'aria-describedby="form-error"' in field.group()
    else:
        assert '<p class="alert alert--error" role="alert" id="form-error" tabindex="-1"' in page


def test_the_start_form_takes_an_article_over_a_mebibyte(client: TestClient) -> None:
    """A new user's 1.2 MB article got a raw JSON 400 ("Field exceeded maximum size of
    1024KB": Starlette's cap on a form field), though the engine takes text up to 2 MB."""
    text = ARTICLE + "\n\n" + " " * 1_200_000  # the engine's cleaning drops the spaces
    sent = client.post(
        "/", data={"csrf_token": csrf(client.get("/")), "text": text}, follow_redirects=False
    )
    assert sent.status_code == 303, sent.text[:300]
    assert re.fullmatch(r"/a/[\w-]+", sent.headers["location"])


def test_a_text_over_the_engine_s_cap_gets_the_form_again_in_the_reader_s_words(
    client: TestClient,
) -> None:
    """Over the engine's text cap (``Options.max_input_bytes``): the form page, its text
    kept and marked, the reason in the reader's language, the sizes after it."""
    text = ARTICLE + " " * DEFAULT_OPTIONS.max_input_bytes
    page = client.post(
        "/", data={"csrf_token": csrf(client.get("/")), "text": text}, headers=INDONESIAN_BROWSER
    )
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "Artikelnya terlalu besar." in page.text and "over the limit of 2,000,000" in page.text
    assert re.search(r'<textarea id="text"[^>]*aria-invalid="true"', page.text)
    assert ARTICLE in page.text  # nothing lost


def test_a_form_over_the_body_cap_gets_the_form_page_not_json(make_client: Any) -> None:
    """Refused before it is read (``INTISARI_MAX_BODY_BYTES``): still a page for a browser,
    in its language; the API keeps its JSON."""
    client = make_client(max_body_bytes=100_000)
    data = {"csrf_token": csrf(client.get("/")), "text": ARTICLE * 1000}
    page = client.post("/", data=data, headers={"Accept": "text/html", **INDONESIAN_BROWSER})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "Teksnya terlalu panjang." in page.text and "INTISARI_MAX_BODY_BYTES" in page.text
    assert '<form class="card summarize-form"' in page.text
    api = client.post("/v1/summaries", json={"text": ARTICLE * 1000})
    assert api.status_code == 413 and api.json()["code"] == "too-large"


INDONESIAN_BROWSER = {"Accept-Language": "id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7"}


def test_the_start_page_speaks_the_browser_s_language(client: TestClient) -> None:
    page = client.get("/", headers=INDONESIAN_BROWSER)
    assert '<html lang="id">' in page.text and "Intisari Utama untuk artikel berita" in page.text
    assert ">Buat intisari</button>" in page.text and "Deteksi otomatis" in page.text
    assert 'href="/?hl=en"' in page.text  # the switch to the other language
    assert "Accept-Language" in page.headers["vary"]  # a cache keeps one copy a language
    english = client.get("/?hl=en", headers=INDONESIAN_BROWSER)
    assert '<html lang="en">' in english.text and ">Summarize</button>" in english.text
    assert 'action="/?hl=en"' in english.text  # the form's answer stays in English


@pytest.mark.parametrize(
    ("fields", "message", "detail"),
    [
        # The reader's words, then the service's own message with its detail.
        ({"text": "Terlalu pendek."}, "Teksnya terlalu pendek", "at least"),
        ({"text": LONG_SENTENCES}, "Tidak ada kalimat artikel ini", "stand alone"),
        ({"url": "ftp://example.com/a"}, "Alamat harus diawali dengan http://", None),
        ({"text": "Teks.", "url": "https://example.com/a"}, "salah satu saja", None),
    ],
)
def test_the_start_form_explains_what_is_wrong_in_the_reader_s_language(
    client: TestClient, fields: dict[str, str], message: str, detail: str | None
) -> None:
    data = {"csrf_token": csrf(client.get("/")), **fields}
    page = client.post("/?hl=id", data=data)
    assert page.status_code == 422 and '<html lang="id">' in page.text
    assert message in page.text
    assert detail is None or '<span class="alert__detail" lang="en">' in page.text
    assert detail is None or detail in page.text


# The article page ---------------------------------------------------------------------


def test_article_page_shows_the_box_and_marks_each_source(
    client: TestClient, summary: dict[str, Any]
) -> None:
    page = client.get(f"/a/{summary['summary_id']}")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == HTML_CSP
    assert '<html lang="id">' in page.text
    assert "Intisari Utama" in page.text and "Laporkan" in page.text
    marks = Marks()
    marks.feed(page.text)
    for index, takeaway in enumerate(summary["takeaways"]):
        assert f'href="#src-{index}"' in page.text and f'id="src-{index}"' in page.text
        # The marked words are the bullet, word for word (the grounding invariant, on page).
        assert " ".join("".join(marks.by_takeaway[index]).split()) == " ".join(
            takeaway["text"].split()
        )
    # One report form per bullet, each with the token and the five categories.
    assert page.text.count('action="/a/' + summary["summary_id"] + '/report"') == len(
        summary["takeaways"]
    )
    assert page.text.count('value="missing-context"') == len(summary["takeaways"])


def test_english_article_gets_the_english_box(client: TestClient) -> None:
    article = (
        "Rice Prices Rise in Surabaya Markets\n\n"
        "The price of medium rice in Surabaya's traditional markets rose to 14,000 rupiah a "
        "kilogram this week. Traders said supplies from East Java fell after a long dry season.\n\n"
        "The trade office said premium rice also rose by about five percent from last month. "
        "The city plans market operations in 31 districts from next Monday."
    )
    made = client.post("/v1/summaries", json={"text": article, "lang": "en"}).json()
    page = client.get(f"/a/{made['summary_id']}")
    assert '<html lang="en">' in page.text
    assert "Key Takeaways" in page.text and "Report an error" in page.text


def test_article_text_and_title_are_escaped(client: TestClient) -> None:
    article = (
        f"Judul {SCRIPT}\n\n"
        f"Harga beras di pasar naik {SCRIPT} menjadi Rp14.000 per kilogram pekan ini karena "
        "pasokan dari sentra produksi di Jawa Timur berkurang setelah kemarau panjang.\n\n"
        "Pemerintah kota berencana menggelar operasi pasar di 31 kecamatan mulai Senin depan "
        "untuk menstabilkan harga beras hingga akhir tahun."
    )
    made = client.post("/v1/summaries", json={"text": article, "lang": "id"}).json()
    page = client.get(f"/a/{made['summary_id']}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_unknown_summary_gets_the_404_page(client: TestClient) -> None:
    for path in ("/a/no-such-summary", "/a/no-such-summary/report?takeaway=0"):
        page = client.get(path)
        assert page.status_code == 404
        assert page.headers["content-type"].startswith("text/html")
        assert "Summary not found" in page.text
        # In the reader's language when the browser asks for Indonesian (an editor's
        # trial: a stale link gave Indonesian readers an English page).
        indonesian = client.get(path, headers=INDONESIAN_BROWSER)
        assert indonesian.status_code == 404 and '<html lang="id">' in indonesian.text
        assert "Summary not found" not in indonesian.text
        assert "Accept-Language" in indonesian.headers["vary"]


def test_hidden_summary_shows_a_message_instead_of_the_box(
    client: TestClient, summary: dict[str, Any]
) -> None:
    with client.app.state.intisari.sessions() as session:
        found = repository.get_summary(session, summary["summary_id"])
        assert found is not None
        repository.set_hidden(session, found, True)
    page = client.get(f"/a/{summary['summary_id']}")
    assert page.status_code == 200
    assert "sedang ditinjau oleh editor" in page.text
    assert 'class="takeaways__list"' not in page.text and "<mark" not in page.text
    assert summary["takeaways"][0]["text"].split(",")[0] in page.text  # the article stays
    report_form = client.get(f"/a/{summary['summary_id']}/report?takeaway=0")
    assert report_form.status_code == 404


# Reporting a bullet without JavaScript ------------------------------------------------


def test_report_flow_without_javascript(client: TestClient, summary: dict[str, Any]) -> None:
    summary_id = summary["summary_id"]
    form = client.get(f"/a/{summary_id}/report?takeaway=1")
    assert form.status_code == 200
    assert summary["takeaways"][1]["text"][:40] in form.text
    sent = client.post(
        f"/a/{summary_id}/report",
        data={
            "csrf_token": csrf(form),
            "takeaway_index": "1",
            "category": "misleading",
            "comment": f"  {SCRIPT}  ",
        },
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == f"/a/{summary_id}?reported=1#thanks"
    thanks = client.get(sent.headers["location"])
    assert "Terima kasih! Laporan Anda sudah kami terima" in thanks.text
    [report] = reports(client)
    assert (report.takeaway_index, report.category, report.comment) == (1, "misleading", SCRIPT)


def test_report_answers_json_to_the_dialog_and_merges_repeats(
    client: TestClient, summary: dict[str, Any]
) -> None:
    headers = {"Accept": "application/json"}
    page = client.get(f"/a/{summary['summary_id']}")
    data = {"csrf_token": csrf(page), "takeaway_index": "0", "category": "other"}
    first = client.post(f"/a/{summary['summary_id']}/report", data=data, headers=headers)
    again = client.post(f"/a/{summary['summary_id']}/report", data=data, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["message"].startswith("Terima kasih")
    [report] = reports(client)
    assert report.duplicates == 1


def test_report_needs_the_csrf_token(client: TestClient, summary: dict[str, Any]) -> None:
    sent = send_report(client, summary["summary_id"], csrf_token="forged")
    assert sent.status_code == 403
    assert "kedaluwarsa" in sent.text
    client.cookies.clear()  # a token from another browser does not fit this one's cookie
    token = csrf(client.get(f"/a/{summary['summary_id']}"))
    client.cookies.clear()
    data = {"csrf_token": token, "takeaway_index": "0", "category": "other"}
    assert client.post(f"/a/{summary['summary_id']}/report", data=data).status_code == 403
    assert reports(client) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"category": ""}, "Pilih jenis masalahnya."),
        ({"category": "rude"}, "Pilih jenis masalahnya."),
        ({"comment": "x" * 2001}, "Komentar paling banyak 2.000 karakter."),
        ({"takeaway_index": "99"}, "Poin ini tidak ada dalam intisari."),
        ({"takeaway_index": "-1"}, "Poin ini tidak ada dalam intisari."),
    ],
)
def test_report_errors_are_shown_on_the_form(
    client: TestClient, summary: dict[str, Any], fields: dict[str, str], message: str
) -> None:
    sent = send_report(client, summary["summary_id"], **fields)
    assert sent.status_code == 422
    assert message in sent.text
    assert reports(client) == []


def test_the_report_page_s_choice_is_not_invalid_before_a_send(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """A required select on its empty choice is exposed as invalid at once; the form is
    novalidate and the server checks the choice, so it says aria-required instead."""
    page = client.get(f"/a/{summary['summary_id']}/report?takeaway=0").text
    select = re.search(r'<select id="report-0-category"[^>]*>', page)
    assert select, page[:3000]
    assert 'aria-required="true"' in select.group()
    assert not re.search(r"\srequired\b", select.group())
    assert "aria-invalid" not in select.group()


@pytest.mark.parametrize(
    ("fields", "focused"),
    [({"category": ""}, "report-1-category"), ({"comment": "x" * 2001}, "report-1-error")],
)
def test_a_refused_report_takes_the_focus_to_what_is_wrong(
    client: TestClient, summary: dict[str, Any], fields: dict[str, str], focused: str
) -> None:
    """The report page (no script) came back with the focus on <body>: the missing choice,
    or else the message, takes it."""
    page = send_report(client, summary["summary_id"], **fields).text
    assert re.findall(r'<\w+ [^>]*\bid="([\w-]+)"[^>]*\bautofocus', page) == [focused]
    assert not re.search(r'id="report-1-error" +hidden', page)
    assert focused != "report-1-error" or re.search(r'id="report-1-error" +tabindex="-1"', page)


def test_a_report_page_of_a_bullet_the_box_has_not_says_so(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """``?takeaway=99`` said "Summary not found: there is no summary at this address" of
    a summary that is there; only its bullet 99 is not."""
    summary_id = summary["summary_id"]
    page = client.get(f"/a/{summary_id}/report?takeaway=99&hl=en")
    assert page.status_code == 404
    assert "This point is not in the summary." in page.text
    assert "not found" not in page.text.lower()
    assert f'href="/a/{summary_id}?hl=en">Back to the article</a>' in page.text
    indonesian = client.get(f"/a/{summary_id}/report?takeaway=99")
    assert "Poin ini tidak ada dalam intisari." in indonesian.text
    assert client.get(f"/a/{summary_id}/report?takeaway=0").status_code == 200


def test_report_rate_limit_answers_429(make_client: Any, summary: dict[str, Any]) -> None:
    client = make_client(reports_per_client_per_hour=1)
    assert send_report(client, summary["summary_id"]).status_code == 303
    limited = send_report(client, summary["summary_id"], category="other")
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0
    assert "Terlalu banyak laporan" in limited.text


# The review dashboard -----------------------------------------------------------------


def test_review_asks_anonymous_callers_to_log_in(
    client: TestClient, summary: dict[str, Any]
) -> None:
    send_report(client, summary["summary_id"], comment="rahasia pembaca")
    page = client.get("/review")
    assert page.status_code == 200
    assert 'action="/review/login"' in page.text and "rahasia pembaca" not in page.text
    [report] = reports(client)
    decided = client.post(
        f"/review/reports/{report.id}",
        data={"csrf_token": csrf(page), "status": "confirmed"},
        follow_redirects=False,
    )
    assert decided.status_code == 303 and decided.headers["location"] == "/review"
    assert reports(client)[0].status == "open"


def test_review_login_refuses_wrong_passwords_and_readers(client: TestClient) -> None:
    form = client.get("/review")
    wrong = client.post(
        "/review/login", data={"csrf_token": csrf(form), "name": "nobody", "password": "x"}
    )
    assert wrong.status_code == 401 and "Wrong name or password." in wrong.text
    forged = client.post(
        "/review/login", data={"csrf_token": "forged", "name": "nobody", "password": "x"}
    )
    assert forged.status_code == 403
    assert log_in(client, role="reader", name="budi").status_code == 303
    page = client.get("/review")
    assert page.status_code == 403 and "cannot review" in page.text


def test_review_login_sets_an_httponly_session_cookie(client: TestClient) -> None:
    logged_in = log_in(client)
    assert logged_in.status_code == 303 and logged_in.headers["location"] == "/review"
    cookies = logged_in.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("intisari_session="))
    assert "HttpOnly" in session and "SameSite=lax" in session
    page = client.get("/review")
    assert page.status_code == 200 and "Readers' reports" in page.text
    assert page.headers["cache-control"] == "no-store"
    logout = client.post("/review/logout", data={"csrf_token": csrf(page)})
    assert 'action="/review/login"' in logout.text


def test_logging_in_opens_the_staff_page_asked_for(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """An editor following a link to a box's editor page while logged out landed on the
    dashboard after logging in (an editor's trial)."""
    page = f"/review/summaries/{summary['summary_id']}"
    asked = client.get(page, follow_redirects=False)
    assert asked.status_code == 303
    location = f"/review?next=%2Freview%2Fsummaries%2F{summary['summary_id']}"
    assert asked.headers["location"] == location
    form = client.get(asked.headers["location"])
    assert f'<input type="hidden" name="next" value="{page}">' in form.text
    with client.app.state.intisari.sessions() as session:
        create_account(session, "eda", PASSWORD, "editor")
    logged_in = client.post(
        "/review/login",
        data={"csrf_token": csrf(form), "name": "eda", "password": PASSWORD, "next": page},
        follow_redirects=False,
    )
    assert logged_in.status_code == 303 and logged_in.headers["location"] == page


@pytest.mark.parametrize(
    "elsewhere", ["//evil.example/review/x", "https://evil.example/review/x", "/a/x", "/\\evil"]
)
def test_logging_in_never_opens_another_site(client: TestClient, elsewhere: str) -> None:
    with client.app.state.intisari.sessions() as session:
        create_account(session, "eda", PASSWORD, "editor")
    form = client.get("/review", params={"next": elsewhere})
    assert 'name="next"' not in form.text
    logged_in = client.post(
        "/review/login",
        data={"csrf_token": csrf(form), "name": "eda", "password": PASSWORD, "next": elsewhere},
        follow_redirects=False,
    )
    assert logged_in.status_code == 303 and logged_in.headers["location"] == "/review"


def test_dashboard_shows_escaped_reports_and_records_decisions(
    client: TestClient, summary: dict[str, Any]
) -> None:
    summary_id = summary["summary_id"]
    send_report(client, summary_id, comment=SCRIPT)
    send_report(client, summary_id, takeaway_index="0", category="offensive")
    log_in(client)
    page = client.get("/review")
    assert page.status_code == 200
    assert SCRIPT not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    # Grouped by summary, with counts per category and the bullet beside its source.
    assert page.text.count('class="card report-group"') == 1
    counts = re.search(r'<ul class="counts".*?</ul>', page.text, re.DOTALL)
    assert counts and re.findall(r"(\w+) <strong>(\d+)</strong>", counts.group()) == [
        ("Inaccurate", "1"),
        ("Offensive", "1"),
    ]
    assert summary["takeaways"][1]["text"][:40] in page.text
    # The bullet is marked in its paragraph (the article's first: it holds bullet 1 too).
    assert '<blockquote class="quote quote--source" lang="id"><p class="passage">' in page.text
    assert f"<mark>{summary['takeaways'][1]['text']}</mark>" in page.text
    # Drawn twice: wide for a desktop, narrow for a phone (the stylesheet shows one).
    assert page.text.count('<rect class="chart__bar cat-') == 2 * 2

    reported = next(r for r in reports(client) if r.comment == SCRIPT)
    forged = client.post(
        f"/review/reports/{reported.id}", data={"csrf_token": "forged", "status": "confirmed"}
    )
    assert forged.status_code == 403
    decided = client.post(
        f"/review/reports/{reported.id}",
        data={"csrf_token": csrf(page), "status": "confirmed", "note": "benar keliru"},
        follow_redirects=False,
    )
    assert decided.headers["location"] == (
        f"/review?status=open&done=confirmed#summary-{summary['summary_id']}"
    )
    after = client.get(decided.headers["location"])
    assert "Report confirmed." in after.text
    assert "&lt;script&gt;" not in after.text  # no longer among the open reports
    confirmed = client.get("/review?status=confirmed")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in confirmed.text
    assert "Confirmed</strong>\n      by rina" in confirmed.text
    report = next(r for r in reports(client) if r.id == reported.id)
    assert (report.status, report.note, report.reviewed_by) == ("confirmed", "benar keliru", "rina")


def test_dashboard_hides_and_unhides_a_summary(client: TestClient, summary: dict[str, Any]) -> None:
    summary_id = summary["summary_id"]
    send_report(client, summary_id)
    log_in(client)
    page = client.get("/review")
    token = csrf(page)
    hidden = client.post(
        f"/review/summaries/{summary_id}/hidden", data={"csrf_token": token, "hidden": "true"}
    )
    assert "Summary hidden from readers." in hidden.text
    assert stored(client, summary_id).hidden
    assert "sedang ditinjau" in client.get(f"/a/{summary_id}").text
    # Once its report is dismissed, the hidden summary is still listed, to be unhidden.
    [report] = reports(client)
    client.post(f"/review/reports/{report.id}", data={"csrf_token": token, "status": "dismissed"})
    page = client.get("/review")
    assert "Hidden summaries without open reports" in page.text
    shown = client.post(
        f"/review/summaries/{summary_id}/hidden", data={"csrf_token": token, "hidden": "false"}
    )
    assert "Summary shown to readers again." in shown.text
    assert not stored(client, summary_id).hidden
    assert 'class="takeaways__list"' in client.get(f"/a/{summary_id}").text


def test_review_forms_answer_404_for_unknown_ids(client: TestClient) -> None:
    log_in(client)
    token = csrf(client.get("/review"))
    data = {"csrf_token": token, "status": "confirmed", "hidden": "true"}
    assert client.post("/review/reports/999", data=data).status_code == 404
    assert client.post("/review/summaries/nope/hidden", data=data).status_code == 404


# What the CSP relies on ---------------------------------------------------------------


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_templates_have_no_inline_script_style_or_handlers(template: str) -> None:
    source = (TEMPLATES / template).read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", source), "inline <script>"
    assert not re.search(r"<style\b|\sstyle=", source), "inline style"
    assert not re.search(r"\son[a-z]+=", source), "inline event handler"
    assert "|safe" not in source.replace(" ", ""), "unescaped output"


def test_static_files_are_served(client: TestClient) -> None:
    css = client.get("/static/app.css")
    js = client.get("/static/app.js")
    assert css.status_code == js.status_code == 200
    assert js.headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert "addEventListener" in js.text and "fetch(" in js.text


# LLM bullets (``--method llm``) -----------------------------------------------------------


def with_llm_bullet(client: TestClient, summary: dict[str, Any]) -> str:
    """Store ``summary`` again with its second bullet as a checked LLM bullet whose evidence
    is that sentence (what the engine makes of a bullet the checker accepts); its id."""
    takeaways = [dict(t) for t in summary["takeaways"]]
    source = takeaways[1]
    takeaways[1] = {
        "text": "Pedagang bilang pembeli mengurangi belanja.",
        "spans": [],
        "score": 0.91,
        "origin": "llm",
        "evidence": source["spans"],
    }
    result = {key: summary[key] for key in ("language", "text", "notice", "engine", "title")}
    result.update(language_supported=True, removed=[], takeaways=takeaways)
    with client.app.state.intisari.sessions() as session:
        row = repository.add_summary(
            session, content_hash="llm-bullet", engine_version="test", result=result
        )
        return row.id


def test_a_checked_llm_bullet_is_marked_and_its_evidence_is_its_source(
    client: TestClient, summary: dict[str, Any]
) -> None:
    summary_id = with_llm_bullet(client, summary)
    page = client.get(f"/a/{summary_id}")
    assert page.status_code == 200
    # The mark, in the article's language, on the LLM bullet only.
    assert page.text.count("data-checked") == 1
    assert "Sudah dicocokkan dengan isi artikel" in page.text
    item = page.text[page.text.index('id="takeaway-1"') : page.text.index('id="takeaway-2"')]
    assert "data-checked" in item
    # Its evidence is marked as its source: clicking it lights up the evidence sentence.
    marks = Marks()
    marks.feed(page.text)
    evidence = summary["takeaways"][1]["spans"]
    expected = " ".join(summary["text"][s:e] for s, e in evidence)
    assert " ".join("".join(marks.by_takeaway[1]).split()) == " ".join(expected.split())
    assert 'href="#src-1"' in page.text and 'id="src-1"' in page.text


def test_the_dashboard_shows_a_reported_llm_bullets_verdict_and_evidence(
    client: TestClient, summary: dict[str, Any]
) -> None:
    summary_id = with_llm_bullet(client, summary)
    assert send_report(client, summary_id).status_code == 303  # bullet 1, the LLM one
    log_in(client)
    page = client.get("/review")
    assert "Evidence (LLM bullet, checked: supported, score 0.91)" in page.text
    assert "Pedagang bilang pembeli mengurangi belanja." in page.text
    evidence = summary["takeaways"][1]["spans"][0]
    assert f"<mark>{summary['text'][evidence[0] : evidence[1]]}</mark>" in page.text
