"""A slow site cannot hold the service: one deadline over a whole fetch, and a cap on the
fetches in flight, for summaries and verifications alike (and a hung Redis, asked by a
verification, holds no other request).

The slow site is a real HTTP server on 127.0.0.1 that sends its headers one line at a
time: every read returns within the read timeout, so only a deadline over the whole
fetch stops it (before, one such fetch took 129.7 s, and 45 of them took every server
thread, so ``/healthz`` waited 65 s). The service reaches 127.0.0.1 through the
allow-list setting, as an intranet deployment would.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app_fixtures import make_client, settings
from intisari.errors import FetchError
from intisari.ingest.fetch import fetch
from intisari.options import Options

__all__ = ["make_client", "settings"]

PAGE = (
    b"<html lang='id'><head><title>Jalur sepeda</title></head><body><article><p>"
    b"Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    b"pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. "
    b"Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam "
    b"sibuk. Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama."
    b"</p></article></body></html>"
)
#: Seconds between two header lines: each read is quick, the whole never ends.
LINE_EVERY_S = 0.5


class _Trickle(BaseHTTPRequestHandler):
    """Sends a header line every ``LINE_EVERY_S`` until the test releases it (or for 60 s),
    then the page."""

    server: _Server

    def do_GET(self) -> None:
        self.server.arrived.release()
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
            for line in range(120):
                if self.server.release.wait(LINE_EVERY_S):
                    break
                self.wfile.write(b"X-Line-%d: still coming\r\n" % line)
                self.wfile.flush()
            self.wfile.write(b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE)
        except OSError:
            pass  # the client gave up, as it should

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    release: threading.Event
    arrived: threading.Semaphore


@pytest.fixture
def trickle() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Trickle)
    server.release = threading.Event()
    server.arrived = threading.Semaphore(0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def _url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/article"


def test_headers_sent_a_line_at_a_time_are_stopped_by_the_deadline(trickle: _Server) -> None:
    options = Options(fetch_allow_networks=("127.0.0.1/32",), fetch_timeout_s=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 1 s"):
        fetch(_url(trickle), options)
    # Each read took 0.5 s, so read timeouts alone would have waited a minute.
    assert time.monotonic() - started < 2.0


@pytest.mark.slow
def test_fetches_beyond_the_cap_get_503_at_once_and_healthz_stays_prompt(
    make_client: Callable[..., TestClient], trickle: _Server
) -> None:
    client = make_client(
        fetch_allow_networks=("127.0.0.1/32",), fetch_max_concurrent=2, trust_forwarded_for=True
    )
    answers: list[Any] = []

    def summarize_url(reader: str) -> None:
        sent = client.post("/v1/summaries", json={"url": _url(trickle)},
                           headers={"X-Forwarded-For": reader})
        answers.append(sent)

    # Two readers: one client may hold only half of the slots (``service/fetch_slots.py``).
    held = [
        threading.Thread(target=summarize_url, args=(reader,))
        for reader in ("203.0.113.1", "203.0.113.2")
    ]
    for thread in held:
        thread.start()
    for _ in held:  # both fetches are at the slow site now
        assert trickle.arrived.acquire(timeout=10)

    started = time.monotonic()
    refused = client.post("/v1/summaries", json={"url": _url(trickle)})
    health = client.get("/healthz")
    elapsed = time.monotonic() - started
    trickle.release.set()
    for thread in held:
        thread.join()

    assert refused.status_code == 503
    assert refused.json()["code"] == "fetch-busy" and int(refused.headers["Retry-After"]) > 0
    assert health.status_code == 200
    assert elapsed < 1.0
    assert sorted(answer.status_code for answer in answers) == [200, 200]  # the slots free up
    assert client.post("/v1/summaries", json={"url": _url(trickle)}).status_code == 200


def test_verify_fetches_its_url_in_the_same_slots_as_summaries(
    make_client: Callable[..., TestClient], trickle: _Server
) -> None:
    """A security trial: ``/v1/verify`` fetched its URL inside an engine worker, outside
    the fetch slots, so clients sending slow URLs held the engine's few processes and
    every summary answered ``engine-busy``. Now a verification waits for no slot either."""
    client = make_client(fetch_allow_networks=("127.0.0.1/32",), fetch_max_concurrent=1)
    answers: list[Any] = []
    held = threading.Thread(
        target=lambda: answers.append(client.post("/v1/summaries", json={"url": _url(trickle)}))
    )
    held.start()
    assert trickle.arrived.acquire(timeout=10)  # the one slot is at the slow site
    statement = "Pemerintah Kota Bandung meresmikan jalur sepeda baru."
    refused = client.post("/v1/verify", json={"url": _url(trickle), "summary": statement})
    trickle.release.set()
    held.join()
    assert refused.status_code == 503 and refused.json()["code"] == "fetch-busy"
    checked = client.post("/v1/verify", json={"url": _url(trickle), "summary": statement})
    assert checked.status_code == 200, checked.text
    assert checked.json()["statements"][0]["label"] == "supported"


def test_a_redis_that_stops_answering_does_not_hold_the_server_during_verify(
    make_client: Callable[..., TestClient],
) -> None:
    """A security trial: ``/v1/verify`` asked the rate limit's Redis on the event loop, so
    with a Redis that accepts connections and never answers, 20 verifications at once
    held ``/healthz`` for 21 s. Asked from a thread, they wait without holding anyone."""
    server = socket.create_server(("127.0.0.1", 0))
    server.listen(64)
    client = make_client(redis_url=f"redis://127.0.0.1:{server.getsockname()[1]}/0")
    body = {"text": PAGE.decode(), "summary": "Jalur sepeda baru diresmikan."}
    verifications = [
        threading.Thread(target=lambda: client.post("/v1/verify", json=body)) for _ in range(6)
    ]
    try:
        for thread in verifications:
            thread.start()
        time.sleep(0.3)  # the verifications are waiting for Redis
        started = time.monotonic()
        health = client.get("/healthz")
        elapsed = time.monotonic() - started
        for thread in verifications:
            thread.join()
    finally:
        server.close()
    assert health.status_code == 200
    assert elapsed < 2.0, f"/healthz waited {elapsed:.1f} s"


def test_one_client_holds_at_most_half_of_the_fetch_slots(
    make_client: Callable[..., TestClient], trickle: _Server
) -> None:
    """A security trial: one client with 10 slow URLs at once (under its rate limit) held
    every slot, and every other reader's URL was ``fetch-busy`` for as long as it went on."""
    client = make_client(
        fetch_allow_networks=("127.0.0.1/32",), fetch_max_concurrent=2, trust_forwarded_for=True
    )
    greedy, other = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "198.51.100.9"}
    answers: list[Any] = []
    held = threading.Thread(target=lambda: answers.append(
        client.post("/v1/summaries", json={"url": _url(trickle)}, headers=greedy)
    ))
    held.start()
    assert trickle.arrived.acquire(timeout=10)
    refused = client.post("/v1/summaries", json={"url": _url(trickle) + "?2"}, headers=greedy)
    assert refused.status_code == 503 and refused.json()["code"] == "fetch-busy"
    others = threading.Thread(target=lambda: answers.append(
        client.post("/v1/summaries", json={"url": _url(trickle) + "?3"}, headers=other)
    ))
    others.start()
    assert trickle.arrived.acquire(timeout=10)  # the other reader's fetch got its slot
    trickle.release.set()
    held.join()
    others.join()
    assert [answer.status_code for answer in answers] == [200, 200]


def test_slow_verifications_leave_threads_for_the_others(
    make_client: Callable[..., TestClient], trickle: _Server
) -> None:
    """A security trial: verifications ran their blocking steps in asyncio's default pool
    (6 threads on 2 cores), so 6 slow URLs made every other verification wait, text ones
    too (8-9 s). They share the server's pool now, as the summaries do."""
    client = make_client(
        fetch_allow_networks=("127.0.0.1/32",), fetch_max_concurrent=10, trust_forwarded_for=True
    )
    statement = "Pemerintah Kota Bandung meresmikan jalur sepeda baru."
    slow = [
        threading.Thread(target=lambda reader=reader: client.post(
            "/v1/verify", json={"url": _url(trickle), "summary": statement},
            headers={"X-Forwarded-For": f"203.0.113.{reader}"},
        ))
        for reader in range(8)
    ]
    for thread in slow:
        thread.start()
    try:
        for _ in slow:  # all eight fetches are at the slow site (before a fetch's 10 s
            assert trickle.arrived.acquire(timeout=5)  # deadline frees a thread)
        started = time.monotonic()
        checked = client.post("/v1/verify", json={"text": PAGE.decode(), "summary": statement})
        elapsed = time.monotonic() - started
    finally:
        trickle.release.set()
        for thread in slow:
            thread.join()
    assert checked.status_code == 200 and elapsed < 5.0, elapsed
