"""URL fetching guards, against a real HTTP server on 127.0.0.1.

The server is private (loopback), so reaching it needs ``fetch_allow_networks``; every
test that proves a refusal runs *without* that allowance, or with it for the first hop
only. Host names are made to resolve where a test needs by replacing
``socket.getaddrinfo`` (nothing here can reach the internet or a real DNS server).
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import intisari
from intisari.errors import FetchError, InputTooLarge
from intisari.ingest.fetch import fetch
from intisari.options import Options

LOOPBACK_ONLY = Options(fetch_allow_networks=("127.0.0.1/32",))

ARTICLE = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. "
    "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk. "
    "Warga menyambut baik pembangunan jalur yang dilengkapi lampu penerangan dan rambu. "
    "Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama. "
    "Anggaran pembangunan jalur mencapai empat miliar rupiah dari dana daerah."
)
PAGE = (
    "<html lang='id'><head><title>Jalur sepeda baru di Bandung</title></head><body>"
    f"<article><h1>Jalur sepeda baru di Bandung</h1><p>{ARTICLE}</p></article></body></html>"
)

#: Words of the ISO-8859-1 page (/latin1) outside ASCII, "—" among them (windows-1252).
LATIN1_LINE = "Kafé «Grün» di Bandung — dibuka pada Senin."


def _gzip_bomb(decoded_bytes: int) -> bytes:
    """``decoded_bytes`` of zeros, gzipped: about a thousandth of that on the wire."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(decoded_bytes >> 20)]
    return b"".join([*parts, packer.flush()])


#: 256 MB of zeros in about 250 KB: httpx decoded a network read of it at once.
BOMB = _gzip_bomb(256 << 20)


class _Handler(BaseHTTPRequestHandler):
    """Routes: /article, /text, /image, /missing, /big, /stream, /sized?n=N (N bytes, no
    declared length), /slow, /trickle, /redirect?to=URL, /chain?n=N (N redirects, then
    the article), /gzipped (the article), /bomb (gzip), /brotli, /charset?c=NAME and /latin1."""

    server: _Server

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        self.server.seen.append((parts.path, self.headers.get("Host", "")))
        route = getattr(self, "route_" + parts.path.strip("/"), None)
        if route is None:
            self.send_error(404)
            return
        route(query)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output is not the place for an access log."""

    def _send(
        self, body: bytes, content_type: str, length: int | None = None, encoding: str = ""
    ) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # A timeout test's client gave up.
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_article(self, query: dict[str, str]) -> None:
        self._send(PAGE.encode(), "text/html; charset=utf-8")

    def route_text(self, query: dict[str, str]) -> None:
        self._send(ARTICLE.encode(), "text/plain; charset=utf-8")

    def route_image(self, query: dict[str, str]) -> None:
        self._send(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")

    def route_big(self, query: dict[str, str]) -> None:
        self._send(b"x" * 10, "text/plain", length=50_000_000)

    def route_stream(self, query: dict[str, str]) -> None:
        """A body with no declared length, larger than the test's cap."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(64):
            self.wfile.write(b"y" * 16_384)

    def route_sized(self, query: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        left = int(query["n"])
        with contextlib.suppress(OSError):  # The client stops reading at its cap.
            while left > 0:
                chunk = min(left, 1 << 16)
                self.wfile.write(b"x" * chunk)
                left -= chunk

    def route_slow(self, query: dict[str, str]) -> None:
        time.sleep(float(query.get("s", "3")))
        self._send(b"late", "text/plain")

    def route_trickle(self, query: dict[str, str]) -> None:
        """A byte every 0.1 s for a long time: each read is quick, the whole is not."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(50):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # The client gave up, as it should.

    def route_gzipped(self, query: dict[str, str]) -> None:
        self._send(gzip.compress(PAGE.encode()), "text/html; charset=utf-8", encoding="gzip")

    def route_bomb(self, query: dict[str, str]) -> None:
        self._send(BOMB, "text/html", encoding="gzip")

    def route_brotli(self, query: dict[str, str]) -> None:
        """Sent whatever the request accepts (any bytes: it must not be read)."""
        self._send(b"\x1b\xff\xff", "text/html", encoding="br")

    def route_charset(self, query: dict[str, str]) -> None:
        self._send(PAGE.encode(), f"text/html; charset={query['c']}")

    def route_latin1(self, query: dict[str, str]) -> None:
        """The article in ISO-8859-1, declared only in a <meta> tag."""
        page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">', 1)
        page = page.replace("</article>", f"<p>{LATIN1_LINE}</p></article>")
        self._send(page.encode("cp1252"), "text/html")

    def route_redirect(self, query: dict[str, str]) -> None:
        self._redirect(query["to"])

    def route_chain(self, query: dict[str, str]) -> None:
        n = int(query["n"])
        self._redirect(f"/chain?n={n - 1}" if n > 1 else "/article")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    seen: list[tuple[str, str]]


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server: _Server) -> str:
    server.seen.clear()
    return f"http://127.0.0.1:{server.server_address[1]}"


def _resolve(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]) -> list[str]:
    """Make the names in ``table`` resolve to its addresses; returns the names looked up."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name in table:
            asked.append(name)
            addresses = table[name]
            address = addresses.pop(0) if len(addresses) > 1 else addresses[0]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


# -- what is fetched ----------------------------------------------------------------------


def test_fetches_page_from_allowed_network(base: str) -> None:
    page = fetch(f"{base}/article", LOOPBACK_ONLY)
    assert "jalur sepeda" in page.body
    assert page.content_type.startswith("text/html")
    assert page.url == f"{base}/article"


def test_summarize_url_end_to_end(base: str) -> None:
    summary = intisari.summarize(url=f"{base}/article", options=LOOPBACK_ONLY)
    assert summary.language == "id"
    assert summary.takeaways
    assert all(t.text in summary.text for t in summary.takeaways)


def test_follows_up_to_three_redirects(base: str) -> None:
    page = fetch(f"{base}/chain?n=3", LOOPBACK_ONLY)
    assert page.url == f"{base}/article"


def test_more_than_three_redirects_refused(base: str) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(f"{base}/chain?n=4", LOOPBACK_ONLY)


# -- schemes and addresses ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "data:text/plain,hi",
     "javascript:alert(1)", "//example.org/x", "http://", "not a url"],
)
def test_non_http_schemes_refused(url: str) -> None:
    with pytest.raises(FetchError):
        fetch(url, Options(fetch_allow_private=True))


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
     "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "[::1]", "[fe80::1]",
     "[fc00::1]", "[::]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]",
     "[2002:a00:1::]", "2130706433", "0x7f.0.0.1", "localhost"],
)
def test_private_loopback_link_local_addresses_refused(host: str) -> None:
    with pytest.raises(FetchError, match="refusing"):
        fetch(f"http://{host}:8080/", Options())


def test_loopback_server_not_contacted_without_allow_list(base: str, server: _Server) -> None:
    with pytest.raises(FetchError, match="refusing"):
        fetch(f"{base}/article", Options())
    assert server.seen == []


def test_host_resolving_to_private_address_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolve(monkeypatch, {"intranet.example": ["10.1.2.3"]})
    with pytest.raises(FetchError, match=r"intranet\.example.*private") as refused:
        fetch("http://intranet.example/", Options())
    # The server's own DNS answer is not told: anyone could map its internal names.
    assert "10.1.2.3" not in str(refused.value)


def test_host_with_any_private_address_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def mixed(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "mixed.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                    (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.0.10", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with pytest.raises(FetchError, match=r"refusing to fetch mixed\.example"):
        fetch("http://mixed.example/", Options())


def test_private_address_refused_after_redirect(base: str, server: _Server) -> None:
    # The first hop is allowed (127.0.0.1/32); it redirects to another loopback address.
    port = server.server_address[1]
    with pytest.raises(FetchError, match=r"127\.0\.0\.2"):
        fetch(f"{base}/redirect?to=http://127.0.0.2:{port}/article", LOOPBACK_ONLY)
    assert [path for path, _ in server.seen] == ["/redirect"]


def test_redirect_to_name_resolving_private_refused(
    base: str, server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolve(monkeypatch, {"metadata.internal": ["169.254.169.254"]})
    with pytest.raises(FetchError, match=r"refusing to fetch metadata\.internal"):
        fetch(f"{base}/redirect?to=http://metadata.internal/latest/meta-data/", LOOPBACK_ONLY)


def test_redirect_to_a_malformed_url_is_a_one_line_fetch_error(base: str) -> None:
    # httpx refuses the Location itself (RemoteProtocolError), before our own check.
    with pytest.raises(FetchError, match=r"^cannot fetch \S+/redirect\?to=http://a:b/: \w+$"):
        fetch(f"{base}/redirect?to=http://a:b/", LOOPBACK_ONLY)


def test_redirect_to_file_scheme_refused(base: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(f"{base}/redirect?to=file:///etc/passwd", LOOPBACK_ONLY)


def test_connection_pinned_to_vetted_address(
    base: str, server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the first answer passes the check, every later one is private. The
    # fetch must connect to the vetted address, never resolve the name a second time.
    port = server.server_address[1]
    asked = _resolve(monkeypatch, {"rebind.example": ["127.0.0.1", "10.9.9.9"]})
    page = fetch(f"http://rebind.example:{port}/article", LOOPBACK_ONLY)
    assert "jalur sepeda" in page.body
    assert asked == ["rebind.example"]
    assert server.seen == [("/article", f"rebind.example:{port}")]


def test_environment_proxy_ignored(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy would resolve the name itself and undo the pinning; it is not used.
    monkeypatch.setenv("HTTP_PROXY", "http://10.0.0.1:3128")
    monkeypatch.setenv("ALL_PROXY", "http://10.0.0.1:3128")
    assert "jalur sepeda" in fetch(f"{base}/article", LOOPBACK_ONLY).body


def test_bad_allow_list_entry_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="fetch_allow_networks"):
        fetch("http://127.0.0.1:9/", Options(fetch_allow_networks=("not-a-network",)))


# -- size, time, type ---------------------------------------------------------------------


def test_declared_body_over_cap_refused(base: str) -> None:
    with pytest.raises(InputTooLarge, match="50,000,000"):
        fetch(f"{base}/big", LOOPBACK_ONLY)


def test_streamed_body_over_cap_refused(base: str) -> None:
    options = Options(fetch_allow_networks=("127.0.0.1/32",), max_page_bytes=100_000)
    with pytest.raises(InputTooLarge, match="100,000"):
        fetch(f"{base}/stream", options)


def test_default_cap_is_ten_megabytes(base: str) -> None:
    # The default options but for the loopback allowance: exactly the cap is a page, one
    # byte more is not. (The default of three redirects: the chain tests above.)
    assert len(fetch(f"{base}/sized?n=10000000", LOOPBACK_ONLY).body) == 10_000_000
    with pytest.raises(InputTooLarge, match="10,000,000"):
        fetch(f"{base}/sized?n=10000001", LOOPBACK_ONLY)


def test_slow_server_times_out(base: str) -> None:
    options = Options(fetch_allow_networks=("127.0.0.1/32",), fetch_timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s"):
        fetch(f"{base}/slow?s=3", options)
    assert time.monotonic() - started < 2.0


def test_trickling_server_stopped_by_total_deadline(base: str) -> None:
    options = Options(fetch_allow_networks=("127.0.0.1/32",), fetch_timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s"):
        fetch(f"{base}/trickle", options)
    assert time.monotonic() - started < 2.0


def test_non_text_content_refused(base: str) -> None:
    with pytest.raises(FetchError, match="image/png"):
        fetch(f"{base}/image", LOOPBACK_ONLY)


def test_http_error_status_is_fetch_error(base: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{base}/missing", LOOPBACK_ONLY)


def test_unreachable_port_is_fetch_error() -> None:
    with socket.socket() as probe:  # A port nobody listens on: bound, never listening.
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        with pytest.raises(FetchError, match="ConnectError"):
            fetch(f"http://127.0.0.1:{port}/", LOOPBACK_ONLY)


# -- TLS keeps the host name --------------------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, list[str | None]]]:
    """An HTTPS server with a self-signed certificate, recording the SNI it is sent."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=news.example", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True, timeout=60,
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("openssl is not available to make a test certificate")
    names: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: names.append(name)  # type: ignore[assignment]
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], names
    httpd.shutdown()
    httpd.server_close()


def test_https_sends_host_name_and_verifies_certificate(
    tls_server: tuple[int, list[str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Connected by address, the TLS handshake still names the host (SNI), and the
    # self-signed certificate is rejected: verification was not switched off by pinning.
    port, names = tls_server
    _resolve(monkeypatch, {"news.example": ["127.0.0.1"]})
    with pytest.raises(FetchError, match="ConnectError"):
        fetch(f"https://news.example:{port}/article", LOOPBACK_ONLY)
    assert names == ["news.example"]


# Compressed answers (``intisari.http_body``) -------------------------------------------


def test_a_gzipped_page_is_read(base: str) -> None:
    assert ARTICLE in fetch(f"{base}/gzipped", LOOPBACK_ONLY).body


def test_a_gzip_bomb_is_refused_before_it_is_decoded(base: str) -> None:
    """A security trial: 1.6 KB of brotli decoded to 1 GiB at once took the server to
    2.1 GB. Decoded in steps, the cap (1 MB here) stops it within a few of them."""
    options = Options(fetch_allow_networks=("127.0.0.1/32",), max_page_bytes=1_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge, match="decoded"):
            fetch(f"{base}/bomb", options)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000, f"decoding took {peak:,} bytes"


def test_an_encoding_not_asked_for_is_refused(base: str, server: _Server) -> None:
    with pytest.raises(FetchError, match="encoded as 'br'"):
        fetch(f"{base}/brotli", LOOPBACK_ONLY)


def test_a_page_is_read_in_the_charset_its_meta_tag_declares(base: str) -> None:
    # Its server names no charset: it was read as UTF-8, each non-ASCII letter U+FFFD.
    body = fetch(f"{base}/latin1", LOOPBACK_ONLY).body
    assert ARTICLE in body and LATIN1_LINE in body


@pytest.mark.parametrize("charset", ["base64", "zlib", "rot13", "idna", "no-such-codec"])
def test_a_charset_that_is_no_text_encoding_reads_utf8(base: str, charset: str) -> None:
    """``charset=base64`` was a LookupError: a 500 with its traceback in the log."""
    assert ARTICLE in fetch(f"{base}/charset?c={charset}", LOOPBACK_ONLY).body
