"""``intisari serve`` closes oversized headers, slow headers and stalled bodies.

Issue 10, item 7: as served (uvicorn with httptools) a 200 MiB header was read to the
end, and 200 connections trickling their headers and 20 stalled bodies were never
closed. The real server runs here as a subprocess on 127.0.0.1 with one-second timeouts
(settings), and raw sockets play the slow and greedy clients.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from served import Server

pytestmark = pytest.mark.slow

#: The server's timeouts in these tests (the defaults are 10 s).
TIMEOUT_S = 1.0
#: Time allowed past a timeout for the server to act on it, on a loaded machine.
SLACK_S = 2.0
ARTICLE = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. "
    "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """``intisari serve`` on a fresh SQLite file; (host, port)."""
    directory = tmp_path_factory.mktemp("serve")
    served = Server(
        f"sqlite:///{directory / 'intisari.db'}",
        directory / "server.log",
        {
            "INTISARI_SECRET_KEY": "serve-limits",
            "INTISARI_HEADER_TIMEOUT_S": str(TIMEOUT_S),
            "INTISARI_BODY_TIMEOUT_S": str(TIMEOUT_S),
            "INTISARI_ACCESS_LOG": "false",
        },
    )
    served.start()
    try:
        yield "127.0.0.1", served.port
    finally:
        served.stop()


def _connect(server: tuple[str, int]) -> socket.socket:
    sock = socket.create_connection(server, timeout=10)
    return sock


def _closed_within(sock: socket.socket, seconds: float) -> tuple[bytes, float]:
    """Read until the server closes the connection; what it said and how long it took.

    Fails if the connection is still open after ``seconds``.
    """
    started = time.monotonic()
    answer = b""
    sock.settimeout(seconds)
    try:
        while chunk := sock.recv(65536):
            answer += chunk
    except TimeoutError:
        pytest.fail(f"still open after {seconds} s; the server said {answer[:200]!r}")
    except ConnectionResetError:
        pass  # closed with unread data still in its buffer: closed all the same
    return answer, time.monotonic() - started


def _refusal(answer: bytes, status: int) -> dict[str, str]:
    """The JSON error of a refusal the protocol wrote itself (``status``), as the API's."""
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 %d " % status), head
    assert b"content-type: application/json" in head.lower()
    error: dict[str, str] = json.loads(body)
    assert set(error) == {"code", "message"}
    return error


def _healthz_time(server: tuple[str, int]) -> float:
    started = time.monotonic()
    assert httpx.get(f"http://{server[0]}:{server[1]}/healthz", timeout=10).status_code == 200
    return time.monotonic() - started


def test_oversized_headers_get_431_and_the_connection_is_closed(
    server: tuple[str, int],
) -> None:
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000)
        answer, _ = _closed_within(sock, SLACK_S)
    assert _refusal(answer, 431)["code"] == "headers-too-large"
    assert _healthz_time(server) < 1.0


@pytest.mark.parametrize("size", [20_000, 100_000])
def test_oversized_headers_complete_in_one_read_get_431(
    server: tuple[str, int], size: int
) -> None:
    """A security trial: headers whose end came in the same network read were never
    counted, and 100 KB of them (the cap is 16 KiB) were answered 200."""
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n")
        answer, _ = _closed_within(sock, SLACK_S)
    assert _refusal(answer, 431)["code"] == "headers-too-large"


def test_a_request_the_parser_cannot_read_gets_a_json_400(server: tuple[str, int]) -> None:
    """uvicorn's own answer is plain text ("Invalid HTTP request received.")."""
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
        answer, _ = _closed_within(sock, SLACK_S)
    assert _refusal(answer, 400)["code"] == "bad-request"


def test_headers_under_the_cap_in_one_read_are_answered(server: tuple[str, int]) -> None:
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Fine: "
                     + b"a" * 8_000 + b"\r\n\r\n")
        answer, _ = _closed_within(sock, SLACK_S)
    assert answer.startswith(b"HTTP/1.1 200 ")


def test_headers_sent_a_byte_at_a_time_are_cut_off(server: tuple[str, int]) -> None:
    slow = [_connect(server) for _ in range(20)]
    for sock in slow:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    try:
        # Each keeps sending a header byte every 0.2 s, long past the timeout.
        while time.monotonic() - started < TIMEOUT_S + SLACK_S:
            for sock in slow:
                with contextlib.suppress(OSError):  # closed by the server, as it should be
                    sock.sendall(b"X")
            time.sleep(0.2)
        assert _healthz_time(server) < 1.0
        for sock in slow:
            answer, _ = _closed_within(sock, 0.5)  # closed already
            assert answer.startswith(b"HTTP/1.1 408 ") or answer == b""
    finally:
        for sock in slow:
            sock.close()


def test_a_connection_that_sends_nothing_is_closed(server: tuple[str, int]) -> None:
    with _connect(server) as sock:
        answer, seconds = _closed_within(sock, TIMEOUT_S + SLACK_S)
    assert seconds >= TIMEOUT_S * 0.9
    assert _refusal(answer, 408)["code"] == "request-timeout"


def test_a_stalled_body_is_cut_off(server: tuple[str, int]) -> None:
    stalled = [_connect(server) for _ in range(20)]
    try:
        for sock in stalled:
            sock.sendall(
                b"POST /v1/summaries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000\r\n\r\n{\"text\": \"Pemerin"
            )
        for sock in stalled:
            answer, _ = _closed_within(sock, TIMEOUT_S + SLACK_S)
            assert answer.startswith(b"HTTP/1.1 408 ") or answer == b""
        assert _healthz_time(server) < 1.0
    finally:
        for sock in stalled:
            sock.close()


def test_a_body_with_short_pauses_and_keep_alive_still_work(server: tuple[str, int]) -> None:
    body = json.dumps({"text": ARTICLE}).encode()
    with _connect(server) as sock:
        sock.sendall(
            b"POST /v1/summaries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)
        )
        for start in range(0, len(body), 100):  # pauses shorter than the timeout
            sock.sendall(body[start : start + 100])
            time.sleep(TIMEOUT_S / 4)
        sock.settimeout(30)
        assert _response(sock).startswith(b"HTTP/1.1 200 ")
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")  # the same connection
        assert _response(sock).startswith(b"HTTP/1.1 200 ")


def _response(sock: socket.socket) -> bytes:
    """One whole response (headers and a Content-Length body) from ``sock``."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body
