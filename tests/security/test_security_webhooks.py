"""Signed webhooks: delivered to a real HTTP receiver on 127.0.0.1 with a verifiable
HMAC-SHA256 signature, retried with backoff, logged; written in the caller's transaction;
and never posted to an address inside the server's network unless the settings allow it
(the same guard as URL fetching)."""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app_fixtures import ARTICLE
from intisari.service.webhooks import (
    SIGNATURE_HEADER,
    backoff_s,
    deliver_due,
    emit,
    emit_once,
    sign,
    verify,
)
from intisari.settings import Settings
from intisari.storage.models import WebhookDelivery, WebhookEvent
from tenant_fixtures import bearer, staff_token

#: Seconds a test waits for the delivery thread before failing.
WAIT_S = 20
#: Settings that let the delivery thread work fast against a loopback receiver.
FAST = {
    "fetch_allow_networks": ("127.0.0.0/8",),
    "webhook_poll_s": 0.05,
    "webhook_backoff_s": 0.05,
}


@dataclass
class Receiver:
    """A real HTTP server: answers each post with the next status of ``statuses`` (the
    last one repeats) and keeps what it got."""

    statuses: list[int]
    posts: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    url: str = ""


@contextmanager
def receiver(
    *statuses: int, answer: Callable[[BaseHTTPRequestHandler], None] | None = None
) -> Iterator[Receiver]:
    """``answer``, if given, writes the whole answer to each post in its own way."""
    got = Receiver(list(statuses) or [200])
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            with lock:
                got.posts.append((dict(self.headers.items()), body))
                status = got.statuses[min(len(got.posts), len(got.statuses)) - 1]
            if answer is not None:
                answer(self)
                return
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    got.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        yield got
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _wait(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _publisher(client: TestClient, root: dict[str, str]) -> tuple[int, dict[str, str]]:
    made = client.post("/v1/publishers", json={"slug": "harian", "name": "Harian"}, headers=root)
    publisher_id = made.json()["id"]
    key = client.post(f"/v1/publishers/{publisher_id}/keys", json={"label": "cms"}, headers=root)
    return publisher_id, bearer(key.json()["key"])


def _endpoint(
    client: TestClient, root: dict[str, str], publisher_id: int, url: str, events: list[str]
) -> tuple[int, str]:
    made = client.post(
        f"/v1/publishers/{publisher_id}/webhooks", json={"url": url, "events": events},
        headers=root,
    )
    assert made.status_code == 201, made.text
    return made.json()["id"], made.json()["secret"]


def test_signatures_verify_and_tampering_or_old_ones_fail() -> None:
    body = b'{"type":"report.filed"}'
    header = sign("whsec_x", 1_700_000_000, body)
    assert header.startswith("t=1700000000,v1=")
    assert verify("whsec_x", header, body, now=1_700_000_100)
    assert not verify("whsec_x", header, body + b" ", now=1_700_000_100)  # body changed
    assert not verify("whsec_y", header, body, now=1_700_000_100)  # other secret
    assert not verify("whsec_x", header, body, now=1_700_000_000 + 301)  # too old: a replay
    assert not verify("whsec_x", "v1=abc", body)  # no timestamp
    assert not verify("whsec_x", header.replace("t=1700000000", "t=1700000001"), body,
                      now=1_700_000_100)  # timestamp changed


def test_backoff_doubles_with_jitter() -> None:
    settings = Settings(webhook_backoff_s=10.0)
    for attempts, ceiling in ((1, 10.0), (2, 20.0), (3, 40.0), (30, 6 * 3600.0)):
        waits = [backoff_s(settings, attempts) for _ in range(50)]
        assert all(ceiling / 2 <= w <= ceiling for w in waits), attempts
        assert len(set(waits)) > 1  # jittered


def test_every_event_is_delivered_signed_to_a_real_receiver(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(**FAST)
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, key = _publisher(client, root)
    with receiver(200) as got:
        events = ["summary.published", "report.filed", "report.confirmed", "summary.hidden"]
        endpoint_id, secret = _endpoint(client, root, publisher_id, got.url, events)
        summary_id = client.post("/v1/summaries", json={"text": ARTICLE}, headers=key).json()[
            "summary_id"
        ]
        client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)  # a hit: no event
        report = client.post(
            f"/v1/summaries/{summary_id}/reports",
            json={"takeaway_index": 0, "category": "inaccurate"}, headers=key,
        ).json()
        client.patch(f"/v1/reports/{report['id']}", json={"status": "confirmed"}, headers=key)
        client.patch(f"/v1/summaries/{summary_id}", json={"hidden": True}, headers=key)
        _wait(lambda: len(got.posts) >= len(events))
        time.sleep(0.2)  # nothing more arrives
    assert len(got.posts) == len(events)
    bodies = []
    for headers, body in got.posts:
        assert verify(secret, headers[SIGNATURE_HEADER], body)
        assert headers["Content-Type"] == "application/json"
        bodies.append(json.loads(body))
    assert sorted(b["type"] for b in bodies) == sorted(events)
    assert all(b["publisher_id"] == publisher_id for b in bodies)
    assert all(b["data"]["summary_id"] == summary_id for b in bodies)
    # A summary's events name its article as summary.published does (summary.hidden had
    # no article_id or url; an aggregator developer's trial).
    for body in bodies:
        if body["type"].startswith("summary."):
            assert {"article_id", "url"} <= set(body["data"]), body
    log = client.get(
        f"/v1/publishers/{publisher_id}/webhooks/{endpoint_id}/deliveries", headers=root
    ).json()
    assert [(d["status"], d["attempts"], d["last_status_code"]) for d in log] == [
        ("delivered", 1, 200)
    ] * len(events)


def test_failures_are_retried_with_backoff_and_logged(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(**FAST, webhook_max_attempts=3)
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, key = _publisher(client, root)
    with receiver(500, 503, 200) as flaky, receiver(500) as broken:
        flaky_id, _ = _endpoint(client, root, publisher_id, flaky.url, ["summary.published"])
        broken_id, _ = _endpoint(client, root, publisher_id, broken.url, ["summary.published"])
        client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)

        def log(endpoint_id: int) -> list[dict[str, Any]]:
            path = f"/v1/publishers/{publisher_id}/webhooks/{endpoint_id}/deliveries"
            entries: list[dict[str, Any]] = client.get(path, headers=root).json()
            return entries

        _wait(lambda: log(flaky_id)[0]["status"] == "delivered")
        _wait(lambda: log(broken_id)[0]["status"] == "failed")
    assert len(flaky.posts) == 3 and len(broken.posts) == 3
    [delivered] = log(flaky_id)
    assert delivered["attempts"] == 3 and delivered["last_status_code"] == 200
    [failed] = log(broken_id)
    assert failed["attempts"] == 3 and failed["last_status_code"] == 500
    # The same bytes each time (only the signature's timestamp may differ).
    assert len({body for _, body in flaky.posts}) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://10.0.0.1/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "file:///etc/passwd",
    ],
)
def test_webhook_urls_inside_the_network_are_refused(
    make_client: Callable[..., TestClient], url: str
) -> None:
    client = make_client()  # the default settings: no private address allowed
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, _ = _publisher(client, root)
    made = client.post(
        f"/v1/publishers/{publisher_id}/webhooks",
        json={"url": url, "events": ["report.filed"]},
        headers=root,
    )
    assert made.status_code == 422, made.text
    assert client.get(f"/v1/publishers/{publisher_id}/webhooks", headers=root).json() == []


def test_each_delivery_vets_the_address_again(make_client: Callable[..., TestClient]) -> None:
    """An endpoint made while loopback was allowed is not posted to once it is not (as
    when a name later resolves to an inside address): the guard runs at every attempt."""
    client = make_client(fetch_allow_networks=("127.0.0.0/8",), webhook_poll_s=3600.0)
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, key = _publisher(client, root)
    with receiver(200) as got:
        _endpoint(client, root, publisher_id, got.url, ["summary.published"])
        client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)
        strict = Settings(webhook_max_attempts=1)
        state = app.state.intisari
        assert deliver_due(state.sessions, strict, strict.engine_options()) == 1
    assert got.posts == []
    with state.sessions() as session:
        delivery = session.scalar(select(WebhookDelivery))
        assert delivery is not None and delivery.status == "failed"
        assert delivery.last_error is not None and "private" in delivery.last_error


def test_emit_is_part_of_the_callers_transaction(make_client: Callable[..., TestClient]) -> None:
    client = make_client(**{**FAST, "webhook_poll_s": 3600.0})
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, _ = _publisher(client, root)
    _endpoint(client, root, publisher_id, "http://127.0.0.1:9/hook", ["summary.corrected"])
    sessions = app.state.intisari.sessions

    def events() -> int:
        with sessions() as session:
            return int(session.scalar(select(func.count()).select_from(WebhookEvent)) or 0)

    with sessions() as session:
        assert emit(session, publisher_id, "summary.corrected", {"summary_id": "x"}) is not None
        session.rollback()
    assert events() == 0
    with sessions() as session:
        # No endpoint wants this one: nothing is written.
        assert emit(session, publisher_id, "summary.hidden", {"summary_id": "x"}) is None
        emit(session, publisher_id, "summary.corrected", {"summary_id": "x"})
        session.commit()
    assert events() == 1
    with sessions() as session, pytest.raises(ValueError, match="unknown webhook event"):
        emit(session, publisher_id, "summary.deleted", {})


def test_summary_published_is_queued_once_per_summary(
    make_client: Callable[..., TestClient],
) -> None:
    """Two requests that stored the same summary at once both reach ``emit_once``: the
    second finds the first's event (unique ``once_key``) and queues nothing."""
    client = make_client(**{**FAST, "webhook_poll_s": 3600.0})
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, _ = _publisher(client, root)
    _endpoint(client, root, publisher_id, "http://127.0.0.1:9/hook", ["summary.published"])
    sessions = app.state.intisari.sessions
    data = {"summary_id": "s1"}
    with sessions() as session:
        assert emit_once(session, publisher_id, "summary.published", data, "published:s1")
    with sessions() as session:
        assert not emit_once(session, publisher_id, "summary.published", data, "published:s1")
        assert session.scalar(select(func.count()).select_from(WebhookDelivery)) == 1


def test_approving_a_draft_publishes_and_editing_a_published_box_corrects(
    make_client: Callable[..., TestClient],
) -> None:
    """In publish mode ``review`` a new box tells nobody; the editor's approval sends
    ``summary.published`` and a later edit ``summary.corrected`` with the editor's note.
    Editing a draft sends nothing."""
    client = make_client(**FAST)
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, key = _publisher(client, root)
    editor = bearer(staff_token(app, "redaktur", "editor", publisher_id))
    client.patch(f"/v1/publishers/{publisher_id}", json={"publish_mode": "review"}, headers=root)
    with receiver(200) as got:
        _endpoint(client, root, publisher_id, got.url, ["summary.published", "summary.corrected"])
        made = client.post("/v1/summaries", json={"text": ARTICLE}, headers=key).json()
        summary_id = made["summary_id"]
        assert made["pending"] is True and made["takeaways"] == []  # not for the key's eyes
        n = len(client.get(f"/v1/summaries/{summary_id}", headers=editor).json()["takeaways"])
        reordered = client.post(
            f"/v1/summaries/{summary_id}/edits",
            json={"revision": made["revision"], "op": "reorder",
                  "order": list(range(n))[::-1]},
            headers=editor,
        )
        assert reordered.status_code == 200, reordered.text
        approved = client.post(
            f"/v1/summaries/{summary_id}/approve",
            json={"revision": reordered.json()["revision"]}, headers=editor,
        )
        assert approved.status_code == 200, approved.text
        removed = client.post(
            f"/v1/summaries/{summary_id}/edits",
            json={"revision": approved.json()["revision"], "op": "remove", "index": 0,
                  "note": "poin pertama keliru"},
            headers=editor,
        )
        assert removed.status_code == 200, removed.text
        _wait(lambda: len(got.posts) >= 2)
        time.sleep(0.2)  # nothing more arrives
    bodies = {json.loads(body)["type"]: json.loads(body) for _headers, body in got.posts}
    assert len(got.posts) == 2 and set(bodies) == {"summary.published", "summary.corrected"}
    assert bodies["summary.corrected"]["data"]["correction_note"] == "poin pertama keliru"
    assert all(b["data"]["summary_id"] == summary_id for b in bodies.values())


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    """A header line every 0.3 s for 6 s: each read is quick, the whole answer is not."""
    handler.send_response(200)
    try:
        for i in range(20):
            handler.wfile.write(f"X-Slow-{i}: 1\r\n".encode())
            handler.wfile.flush()
            time.sleep(0.3)
    except OSError:
        pass  # the poster gave up, as it should


@cache
def _bomb_body() -> bytes:
    """64 MB of zeros gzipped to about 64 KB (made once, before memory is measured)."""
    return gzip.compress(bytes(64 << 20), compresslevel=9)


def _bomb(handler: BaseHTTPRequestHandler) -> None:
    body = _bomb_body()
    handler.send_response(200)
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    with contextlib.suppress(OSError):  # the poster read the status only, as it should
        handler.wfile.write(body)


def test_a_slow_endpoint_has_one_deadline_and_holds_no_other_delivery(
    make_client: Callable[..., TestClient],
) -> None:
    """A security trial: an endpoint answering a byte a second held every publisher's
    deliveries (posted one after another) for 73 s, as httpx's timeout is per read."""
    client = make_client(
        fetch_allow_networks=("127.0.0.0/8",), webhook_poll_s=3600.0, webhook_timeout_s=1.0
    )
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, key = _publisher(client, root)
    with receiver(answer=_trickle) as slow, receiver(200) as fast:
        slow_id, _ = _endpoint(client, root, publisher_id, slow.url, ["summary.published"])
        _endpoint(client, root, publisher_id, fast.url, ["summary.published"])
        client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)
        state = app.state.intisari
        started = time.monotonic()
        assert deliver_due(state.sessions, state.settings, state.settings.engine_options()) == 2
        took = time.monotonic() - started
    assert took < 4.0, f"one poll took {took:.1f} s"  # the trickle lasts 6 s
    assert len(fast.posts) == 1 and len(slow.posts) == 1
    with state.sessions() as session:
        for delivery in session.scalars(select(WebhookDelivery)):
            if delivery.endpoint_id == slow_id:
                assert delivery.status == "pending"  # retried later
                assert delivery.last_error == "no answer within 1 s"
            else:
                assert delivery.status == "delivered"


def test_an_endpoint_s_answer_body_is_never_read(make_client: Callable[..., TestClient]) -> None:
    """A security trial: an endpoint answering with a compressed bomb took the server to
    2 GB. Only the status counts."""
    client = make_client(fetch_allow_networks=("127.0.0.0/8",), webhook_poll_s=3600.0)
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))
    publisher_id, key = _publisher(client, root)
    with receiver(answer=_bomb) as bomb:
        _endpoint(client, root, publisher_id, bomb.url, ["summary.published"])
        client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)
        state = app.state.intisari
        _bomb_body()
        tracemalloc.start()
        try:
            deliver_due(state.sessions, state.settings, state.settings.engine_options())
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 16_000_000, f"the post took {peak:,} bytes"
    with state.sessions() as session:
        delivery = session.scalar(select(WebhookDelivery))
        assert delivery is not None and delivery.status == "delivered"
