"""Input: plain text and its headline, bytes, size caps, JSON records, and URLs."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import intisari
from intisari.errors import (
    FetchError,
    InputError,
    InputTooLarge,
    InputTooShort,
    UndecodableInput,
)
from intisari.ingest.records import check_record, parse_record
from intisari.ingest.text import decode, decode_page, first_line_title
from intisari.options import DEFAULT_OPTIONS, Options

STORY = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer pada "
    "Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. Wali kota "
    "mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk."
)
HEADLINE = "Bandung Resmikan Jalur Sepeda Baru"


def test_a_short_first_line_without_a_period_is_the_title() -> None:
    assert first_line_title(f"{HEADLINE}\n\n{STORY}") == HEADLINE
    summary = intisari.summarize(text=f"{HEADLINE}\n\n{STORY}")
    assert summary.title == HEADLINE
    assert HEADLINE not in summary.text
    assert [(cut.text, cut.reason) for cut in summary.removed] == [(HEADLINE, "title")]


def test_a_byline_on_the_first_line_is_cut_and_is_no_title() -> None:
    """A tribunnews.com story pasted with the reporter's line above it."""
    byline = "Laporan Wartawan Tribunnews.com, Rina Ayu"
    summary = intisari.summarize(text=f"{byline}\n\n{STORY}")
    assert summary.title is None
    assert byline not in summary.text
    assert (byline, "byline") in [(cut.text, cut.reason) for cut in summary.removed]


@pytest.mark.parametrize(
    "text",
    [STORY, f"Bandung meresmikan jalur sepeda.\n{STORY}", f"{HEADLINE}", f"Kata dia:\n{STORY}"],
)
def test_other_first_lines_are_story(text: str) -> None:
    assert first_line_title(text) is None


def test_a_given_title_wins() -> None:
    summary = intisari.summarize(text=f"{HEADLINE}\n\n{STORY}", title="Judul Lain")
    assert summary.title == "Judul Lain"
    assert summary.text.startswith(HEADLINE)


def test_decode_accepts_utf8_with_or_without_bom() -> None:
    assert decode(b"Jalur sepeda", 100) == "Jalur sepeda"
    assert decode(b"\xef\xbb\xbfJalur", 100) == "Jalur"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_decode_reads_utf16_and_utf32_by_their_byte_order_mark(encoding: str) -> None:
    """``iconv -t utf-16 ex.txt`` was refused as "input looks binary (NUL bytes)" (a new
    user's report)."""
    text = "Harga “cabai” naik\n\nDi pasar Kramat Jati."
    data = text.encode(encoding)
    if not encoding.endswith("-be"):
        assert data[:2] == b"\xff\xfe"  # Python writes the mark of its byte order
    else:  # the big-endian codecs write none: give it, as Windows and iconv do
        data = ("\ufeff" + text).encode(encoding)
    assert decode(data, 1000) == text
    assert decode_page(data, "iso-8859-1") == text  # a mark wins over the server's label


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Jalur sepeda".encode("utf-16-le"), "UTF-16 without a byte order mark"),
        ("Jalur sepeda".encode("utf-16-be"), "UTF-16 without a byte order mark"),
        ("Jalur sepeda".encode("utf-16") + b"J", "not valid UTF-16-LE (byte 26)"),
        ("Jalur".encode("utf-32") + b"\x00\x00\x11\x00", "not valid UTF-32-LE"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary (NUL bytes)"),
    ],
)
def test_decode_names_why_wide_or_nul_laden_bytes_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(UndecodableInput, match=re.escape(message)):
        decode(data, 1000)


#: landwirt.com's page (trafilatura's test pages): ISO-8859-1, declared in a <meta> tag
#: after 2 KB of scripts, which browsers read as windows-1252 (its curly quotes).
LATIN1_PAGE = (
    b"<html><head><script>" + b"var x = 1;" * 250 + b"</script>"
    b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" /></head>'
    b"<body><p>Die Kuh ist gr\xfcn und \x93gesund\x94.</p></body></html>"
)


def test_a_page_in_the_encoding_it_declares_is_read_in_it() -> None:
    # It was refused: "input is not valid UTF-8 (byte 2549)".
    text = decode(LATIN1_PAGE, 10_000)
    assert "Die Kuh ist grün und “gesund”." in text
    assert decode_page(LATIN1_PAGE, "utf-8") is not None  # the server's charset wins
    # A valid UTF-8 page is UTF-8 whatever it declares; undeclared Latin-1 is no page.
    utf8 = '<meta charset="iso-8859-1">grün'
    assert decode_page(utf8.encode()) == utf8
    assert decode_page(b"gr\xfcn") is None


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", UndecodableInput),
        # A declared codec that is no text encoding reads nothing.
        (b'<meta charset="base64">caf\xe9 caf\xe9', UndecodableInput),
        ("Jalur sepeda".encode("utf-16-le"), UndecodableInput),
        (b"Harga \xe9l\xe9gant", UndecodableInput),
        (b"\x01\x02\x03\x04 abc def", UndecodableInput),
        (b"x" * 101, InputTooLarge),
    ],
)
def test_decode_refuses_binary_other_encodings_and_oversize(data: bytes, error: type) -> None:
    with pytest.raises(error):
        decode(data, 100)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": ""}, InputTooShort),
        ({"text": "   \n "}, InputTooShort),
        ({"text": "Terlalu pendek untuk diringkas."}, InputTooShort),
        ({"text": "a\ud800b " * 20}, UndecodableInput),
        ({"text": STORY, "html": "<p>x</p>"}, InputError),
        ({}, InputError),
        ({"text": STORY, "count": 0}, InputError),
        ({"text": STORY, "count": 6}, InputError),
        ({"html": "<html><body><nav>Menu</nav></body></html>"}, InputTooShort),
    ],
)
def test_bad_input_raises_an_input_error(kwargs: dict, error: type) -> None:
    with pytest.raises(error) as raised:
        intisari.summarize(**kwargs)
    assert "\n" not in str(raised.value)


def test_the_text_cap_applies_to_text_and_to_the_text_of_a_page() -> None:
    small = Options(max_input_bytes=len(STORY.encode()) - 1)
    with pytest.raises(InputTooLarge):
        intisari.summarize(text=STORY, options=small)
    with pytest.raises(InputTooLarge):
        intisari.summarize(html=f"<html><body><p>{STORY}</p></body></html>", options=small)
    with pytest.raises(InputTooLarge):
        intisari.summarize(text="kata " * 500_000)  # 2.5 MB over the default 2 MB cap.


def test_a_page_may_be_larger_than_the_text_cap_but_not_than_the_page_cap() -> None:
    # CNN's article pages are 2.5-2.9 MB, nearly all inline script: they were refused
    # as over the 2 MB cap meant for text.
    script = "<script>var data = [" + "1234567890," * 250_000 + "];</script>"
    page = f"<html><head>{script}</head><body><article><p>{STORY}</p></article></body></html>"
    assert len(page.encode()) > DEFAULT_OPTIONS.max_input_bytes
    assert intisari.summarize(html=page).takeaways
    assert intisari.summarize(text=page).takeaways  # HTML given as text is a page too.
    with pytest.raises(InputTooLarge):
        intisari.summarize(html=page, options=Options(max_page_bytes=len(page.encode()) - 1))


def test_records_are_checked() -> None:
    assert parse_record('{"id": 7, "text": "x"}') == {"id": "7", "text": "x"}
    for bad in ('{"id": 1}', "[1, 2]", "{not json", '{"text": 5}', '{"text": "x", "count": "3"}'):
        with pytest.raises(InputError):
            parse_record(bad)
    with pytest.raises(InputError):
        check_record({"text": "x", "title": ["a"]})


def test_summarize_record_never_raises_and_keeps_the_id() -> None:
    row = intisari.summarize_record({"id": 42, "text": STORY, "count": 1, "lang": "id"})
    assert row["id"] == "42" and len(row["takeaways"]) == 1
    assert intisari.summarize_record({"id": "x", "text": "pendek"}) == {
        "id": "x",
        "error": "article has 1 word after cleaning; at least 15 are needed",
    }
    assert intisari.summarize_record({"id": "y"})["error"] == "record has none of text, html or url"
    assert intisari.summarize_record({"id": "z", "text": " "})["error"] == (
        "the record's text is empty"
    )


@pytest.mark.parametrize(
    ("given", "shown", "kind"),
    [
        (True, "true", "a boolean"),
        (1.5, "1.5", "a number with a fraction or an exponent"),
        ([1, None], "[1, null]", "an array"),
        ({"a": "é"}, '{"a": "é"}', "an object"),
    ],
)
def test_an_id_of_another_json_type_is_shown_as_json_and_refused_in_our_words(
    given: object, shown: str, kind: str
) -> None:
    """Rows said "True" and "{'a': 1}", Python's str() of the id (F9)."""
    assert intisari.summarize_record({"id": given, "text": STORY}) == {
        "id": shown,
        "error": f"record field 'id' must be a string or an integer, not {kind}",
    }


def test_an_id_no_row_can_hold_is_refused_not_raised() -> None:
    """An integer past Python's 4,300 digits raised ValueError from summarize_record,
    which "never raises"; a lone surrogate failed the whole batch partition later, when
    its row was written."""
    assert intisari.summarize_record({"id": 10**5000, "text": STORY}) == {
        "id": None, "error": "record field 'id' is an integer of more than 4,300 digits",
    }  # fmt: skip
    assert intisari.summarize_record({"id": "a\udc80", "text": STORY}) == {
        "id": None,
        "error": "record field 'id' is not valid Unicode text (lone surrogate at character 1)",
    }
    with pytest.raises(InputError, match=r"^not a JSON object: a number of 5,000 digits, over "
                                         r"the limit of 4,300$"):  # fmt: skip
        parse_record('{"id": ' + "1" * 5000 + ', "text": "x"}')


# URLs, against a real HTTP server on 127.0.0.1 (allowed here by fetch_allow_private).

PAGE = f"""<!doctype html><html lang="id"><head><title>{HEADLINE}</title></head>
<body><nav>Beranda | Berita</nav><article><h1>{HEADLINE}</h1><p>{STORY}</p>
<p>Warga menyambut baik pembangunan jalur yang dilengkapi lampu penerangan dan rambu.</p>
</article><footer>Hak cipta</footer></body></html>"""
LOCAL = Options(fetch_allow_private=True, fetch_timeout_s=2.0, max_page_bytes=50_000)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/plain": (200, "text/plain; charset=utf-8", f"{HEADLINE}\n\n{STORY}".encode()),
            "/huge": (200, "text/html", b"<p>" + b"kata " * 20_000 + b"</p>"),
            "/missing": (404, "text/plain", b"not here"),
        }
        if self.path.startswith("/hop"):
            hops = int(self.path[4:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/hop{hops - 1}" if hops > 1 else "/article")
            self.end_headers()
            return
        status, content_type, body = routes.get(self.path, routes["/missing"])
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is not a server log."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_a_url_is_fetched_and_read_as_html(server: str) -> None:
    summary = intisari.summarize(url=f"{server}/article", options=LOCAL)
    assert (summary.title, summary.language) == (HEADLINE, "id")
    assert "Beranda" not in summary.text and "Pemerintah Kota Bandung" in summary.text


def test_a_plain_text_url_is_read_as_text(server: str) -> None:
    summary = intisari.summarize(url=f"{server}/plain", options=LOCAL)
    assert summary.title == HEADLINE


def test_redirects_are_followed_up_to_the_limit(server: str) -> None:
    assert intisari.summarize(url=f"{server}/hop3", options=LOCAL).title == HEADLINE
    with pytest.raises(FetchError, match="redirect"):
        intisari.summarize(url=f"{server}/hop4", options=LOCAL)


@pytest.mark.parametrize(
    ("path", "error"),
    [("/missing", FetchError), ("/huge", InputTooLarge)],
)
def test_url_failures_are_input_errors(server: str, path: str, error: type) -> None:
    with pytest.raises(error):
        intisari.summarize(url=f"{server}{path}", options=LOCAL)


def test_unreachable_and_bad_scheme_urls_are_fetch_errors() -> None:
    with pytest.raises(FetchError):
        intisari.summarize(url="http://127.0.0.1:9/nothing-listens-here", options=LOCAL)
    with pytest.raises(FetchError, match="http and https"):
        intisari.summarize(url="file:///etc/passwd")
    with pytest.raises(FetchError):  # Private addresses are refused by default.
        intisari.summarize(url="http://127.0.0.1:9/")


def test_html_given_as_text_is_read_as_html() -> None:
    """The web form's text field and the API's ``text`` take a pasted page as HTML, as the
    command line takes an HTML file (one test for every path: ``looks_like_html``)."""
    story = (
        "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer. "
        "Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara kota."
    )
    page = (
        "<!doctype html><html lang='id'><head><title>Jalur Sepeda Baru</title></head>"
        f"<body><article><p>{story}</p></article></body></html>"
    )
    summary = intisari.summarize(text=page)
    assert summary.title == "Jalur Sepeda Baru"
    assert "<" not in summary.text and summary.text == story
