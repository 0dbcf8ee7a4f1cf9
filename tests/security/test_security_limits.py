"""Size caps and strict input: 413 before parsing, 422 for fields over their caps."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from intisari.web.schemas import MAX_COMMENT_CHARS, MAX_HTML_CHARS
from intisari.web.security import BodyCapMiddleware

ARTICLE = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara.\n\n"
    "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk. "
    "Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama."
)

#: A small cap, so the tests send kilobytes rather than megabytes.
CAP = 4096


def test_default_body_cap_is_10_mib(client: TestClient) -> None:
    # Default settings: a body of exactly 10 MiB (room for a page at the engine's 10 MB
    # cap) is read (and refused as no JSON: 400), one byte more is refused unread (413).
    cap = 10 * 1024 * 1024
    json = {"Content-Type": "application/json"}
    assert client.post("/v1/summaries", content=b"{" * cap, headers=json).status_code == 400
    assert client.post("/v1/summaries", content=b"{" * (cap + 1), headers=json).status_code == 413


def test_body_over_cap_is_413_before_parsing(make_client: Callable[..., TestClient]) -> None:
    # Not even JSON: had it been parsed, the answer would be 422. 413 means it was not.
    client = make_client(max_body_bytes=CAP)
    response = client.post(
        "/v1/summaries", content=b"{" * (CAP + 1), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    # Answered inside the other middleware: the guards' headers, as on every answer.
    assert response.headers["x-content-type-options"] == "nosniff"
    # In the shape of every error of the API, saying what the cap is and where it is set.
    body = response.json()
    assert body["code"] == "too-large"
    assert f"{CAP:,}" in body["message"] and "INTISARI_MAX_BODY_BYTES" in body["message"]
    # A route that reads no body is no way round it.
    response = client.get("/healthz", headers={"Content-Length": str(CAP + 1)})
    assert response.status_code == 413 and response.json()["code"] == "too-large"


def test_streamed_body_over_cap_is_413_before_parsing(
    make_client: Callable[..., TestClient],
) -> None:
    """No Content-Length (chunked): the cap counts bytes as they arrive, and says so as it
    says a ``Content-Length`` over it. It said Starlette's "Content Too Large", not what
    the cap is nor where it is set."""
    client = make_client(max_body_bytes=CAP)

    def chunks() -> Iterator[bytes]:
        for _ in range(8):
            yield b"{" * 1024

    json = {"Content-Type": "application/json"}
    streamed = client.post("/v1/summaries", content=chunks(), headers=json)
    announced = client.post("/v1/summaries", content=b"{" * (CAP + 1), headers=json)
    assert streamed.status_code == announced.status_code == 413
    assert streamed.headers["content-type"] == announced.headers["content-type"]
    assert streamed.headers["x-content-type-options"] == "nosniff"
    assert_same_refusal(streamed.json(), announced.json())


def assert_same_refusal(streamed: dict[str, Any], announced: dict[str, Any]) -> None:
    """The body cap's two 413s in one shape and one wording: only the size differs (a
    streamed body's whole size is never known, only that it went over)."""
    assert set(streamed) == set(announced) == {"code", "message"}
    assert streamed["code"] == announced["code"] == "too-large"
    tail = f"at most {CAP:,} are read (INTISARI_MAX_BODY_BYTES)"
    assert streamed["message"].endswith(tail), streamed["message"]
    assert announced["message"].endswith(tail), announced["message"]
    assert f"more than {CAP:,} bytes" in streamed["message"]


def test_a_streamed_body_read_past_the_handlers_gets_the_same_413() -> None:
    """Read where no handler of the app's answers its error (an app of its own behind the
    cap), a streamed body over the cap still gets the JSON 413: Starlette's counter
    answered that case in plain text."""

    async def reads_its_body(scope: Scope, receive: Receive, send: Send) -> None:
        while (await receive()).get("more_body"):
            pass
        await PlainTextResponse("read")(scope, receive, send)

    client = TestClient(BodyCapMiddleware(reads_its_body, max_body_size=CAP))
    json = {"Content-Type": "application/json"}
    streamed = client.post("/", content=iter([b"{" * 1024] * 8), headers=json)
    announced = client.post("/", content=b"{" * (CAP + 1), headers=json)
    assert streamed.status_code == announced.status_code == 413
    assert_same_refusal(streamed.json(), announced.json())
    assert client.post("/", content=iter([b"{" * CAP]), headers=json).text == "read"


def test_report_body_over_cap_is_413(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(max_body_bytes=CAP)
    response = client.post(
        f"/v1/summaries/{summary['summary_id']}/reports",
        json={"category": "other", "comment": "x" * CAP},
    )
    assert response.status_code == 413


def test_body_under_cap_is_parsed(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_body_bytes=CAP)
    response = client.post("/v1/summaries", json={"text": "pendek"})
    assert response.status_code == 422  # Parsed, then refused as too short: not 413.


def test_article_text_over_cap_is_422(client: TestClient) -> None:
    # Text may be a page (HTML sent as text is read as HTML): the page cap, in characters.
    response = client.post("/v1/summaries", json={"text": "kata " * (MAX_HTML_CHARS // 5 + 1)})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid-request"


def test_plain_text_over_the_engines_text_cap_is_413(client: TestClient) -> None:
    response = client.post("/v1/summaries", json={"text": "kata " * 500_000})  # 2.5 MB
    assert response.status_code == 413
    assert response.json()["code"] == "too-large"


def test_comment_over_cap_is_422(client: TestClient, summary: dict[str, Any]) -> None:
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    too_long = client.post(
        url, json={"category": "other", "comment": "x" * (MAX_COMMENT_CHARS + 1)}
    )
    assert too_long.status_code == 422
    at_cap = client.post(url, json={"category": "other", "comment": "x" * MAX_COMMENT_CHARS})
    assert at_cap.status_code == 201


def test_unknown_json_fields_rejected(client: TestClient, summary: dict[str, Any]) -> None:
    assert client.post("/v1/summaries", json={"text": "abc", "admin": True}).status_code == 422
    report = client.post(
        f"/v1/summaries/{summary['summary_id']}/reports",
        json={"category": "other", "status": "confirmed"},
    )
    assert report.status_code == 422


def test_bad_category_is_422(client: TestClient, summary: dict[str, Any]) -> None:
    response = client.post(
        f"/v1/summaries/{summary['summary_id']}/reports", json={"category": "spam"}
    )
    assert response.status_code == 422


def test_url_to_private_address_refused_by_api(client: TestClient) -> None:
    # The service's fetcher refuses the server's own network: nothing is fetched.
    for url in ("http://127.0.0.1:9/", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/", "http://[::1]/"):
        response = client.post("/v1/summaries", json={"url": url})
        assert response.status_code == 422, url
        assert response.json()["code"] == "fetch-failed"


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = ("<html lang='id'><body><article><h1>Jalur sepeda</h1><p>"
                + ARTICLE.replace("\n\n", "</p><p>") + "</p></article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def local_page() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/berita"
    server.shutdown()
    server.server_close()


def test_url_in_allowed_network_fetched_by_api(
    make_client: Callable[..., TestClient], local_page: str
) -> None:
    refused = make_client().post("/v1/summaries", json={"url": local_page})
    assert refused.status_code == 422
    allowed = make_client(fetch_allow_networks=("127.0.0.1/32",))
    response = allowed.post("/v1/summaries", json={"url": local_page})
    assert response.status_code == 200, response.text
    assert response.json()["takeaways"]


def test_non_http_url_refused_by_api(client: TestClient) -> None:
    response = client.post("/v1/summaries", json={"url": "file:///etc/passwd"})
    assert response.status_code == 422


def test_errors_are_json_without_traceback(client: TestClient) -> None:
    response = client.post(
        "/v1/summaries", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) >= {"code", "message"}
    assert "Traceback" not in response.text
