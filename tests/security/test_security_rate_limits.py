"""Rate limits: 429 with Retry-After, per client and per summary, in memory or in Redis."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from externals import need_redis
from intisari.web import security
from intisari.web.security import MemoryRateLimiter, RedisRateLimiter, client_group


def _assert_429(response: Any) -> None:
    assert response.status_code == 429, response.text
    assert int(response.headers["Retry-After"]) >= 1
    assert response.json()["code"]  # JSON error body, like every other error.


def _article(n: int) -> str:
    return (
        f"Artikel nomor {n} tentang banjir di Semarang. Hujan deras mengguyur kota itu sejak "
        "Senin malam hingga Selasa pagi. Ratusan rumah warga terendam air setinggi lutut. "
        "Badan penanggulangan bencana mengirim perahu karet untuk mengevakuasi warga."
    )


def test_summaries_per_client_limited_with_retry_after(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(summaries_per_client_per_minute=2)
    for n in range(2):
        assert client.post("/v1/summaries", json={"text": _article(n)}).status_code == 200
    _assert_429(client.post("/v1/summaries", json={"text": _article(2)}))


def test_reports_per_client_limited_with_retry_after(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(reports_per_client_per_hour=2)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    for category in ("inaccurate", "misleading"):
        assert client.post(url, json={"category": category}).status_code == 201
    _assert_429(client.post(url, json={"category": "other"}))


def test_reports_per_summary_limited_across_clients(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    # Three different clients (as a trusted proxy names them); the summary takes two.
    client = make_client(reports_per_summary_per_hour=2, trust_forwarded_for=True)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    for n in range(2):
        sent = client.post(url, json={"category": "other"},
                           headers={"X-Forwarded-For": f"203.0.113.{n}"})
        assert sent.status_code == 201
    _assert_429(client.post(url, json={"category": "other"},
                            headers={"X-Forwarded-For": "203.0.113.9"}))


def test_forwarded_for_ignored_unless_trusted(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    # Without a trusted proxy a client cannot dodge its limit by inventing addresses.
    client = make_client(reports_per_client_per_hour=1)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    assert client.post(url, json={"category": "other"},
                       headers={"X-Forwarded-For": "203.0.113.1"}).status_code == 201
    _assert_429(client.post(url, json={"category": "misleading"},
                            headers={"X-Forwarded-For": "203.0.113.2"}))


def test_limit_zero_turns_it_off(make_client: Callable[..., TestClient]) -> None:
    client = make_client(summaries_per_client_per_minute=0)
    for n in range(5):
        assert client.post("/v1/summaries", json={"text": _article(n)}).status_code == 200


@pytest.mark.redis
def test_rate_limits_shared_through_redis(make_client: Callable[..., TestClient]) -> None:
    # Two apps (two workers, or two servers) share one budget through Redis. A fresh
    # secret gives this run's client its own keys.
    changes = {"redis_url": need_redis(), "secret_key": secrets.token_hex(16),
               "summaries_per_client_per_minute": 2}
    first, second = make_client(**changes), make_client(**changes)
    assert isinstance(first.app.state.intisari.limiter, RedisRateLimiter)  # type: ignore[attr-defined]
    assert first.post("/v1/summaries", json={"text": _article(0)}).status_code == 200
    assert second.post("/v1/summaries", json={"text": _article(1)}).status_code == 200
    _assert_429(first.post("/v1/summaries", json={"text": _article(2)}))
    _assert_429(second.post("/v1/summaries", json={"text": _article(3)}))


def test_memory_limits_are_the_default(client: TestClient) -> None:
    assert not isinstance(client.app.state.intisari.limiter, RedisRateLimiter)  # type: ignore[attr-defined]


# Issue 10, item 8: the in-memory limiter at scale, and IPv6 clients by network ---------


def test_memory_limiter_hit_cost_does_not_grow_with_live_keys() -> None:
    # 100,000 clients inside their window: sweeping the whole dict under the lock on
    # every hit from here on cost ~13 ms a hit; dropping expired counters a few at a
    # time costs microseconds. The bound is generous (~1 ms a hit) against a shared CPU.
    limiter = MemoryRateLimiter()
    for n in range(100_000):
        limiter.hit(f"client-{n}", 10, 3600)
    started = time.process_time()
    for n in range(300):
        limiter.hit(f"late-{n}", 10, 3600)
    assert time.process_time() - started < 0.3


def test_memory_limiter_drops_expired_counters_as_it_goes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [3600.0]
    monkeypatch.setattr(security, "time", SimpleNamespace(time=lambda: now[0]))
    limiter = MemoryRateLimiter()
    for n in range(1000):
        limiter.hit(f"client-{n}", 10, 60)
    now[0] += 60  # every window has ended
    for n in range(1000):  # the next minute's flood of new clients
        limiter.hit(f"next-{n}", 10, 60)
    assert len(limiter) <= 1000  # the old counters went while the new ones came


@pytest.mark.parametrize(
    ("first", "second", "prefix", "shared"),
    [
        ("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", 64, True),
        ("2001:db8:1:2::1", "2001:db8:1:3::1", 64, False),
        ("2001:db8:1:2::1", "2001:db8:1:2::2", 128, False),
        ("2001:db8:1:2::1", "2001:db8:1:3::1", 48, True),
        ("::ffff:203.0.113.7", "203.0.113.7", 64, True),
    ],
)
def test_ipv6_clients_are_counted_by_network(
    make_client: Callable[..., TestClient], first: str, second: str, prefix: int, shared: bool
) -> None:
    # A /64 is one home or server: its 2**64 addresses are one client to the limits.
    client = make_client(
        summaries_per_client_per_minute=1, trust_forwarded_for=True, ipv6_client_prefix=prefix
    )
    first_answer = client.post(
        "/v1/summaries", json={"text": _article(1)}, headers={"X-Forwarded-For": first}
    )
    assert first_answer.status_code == 200
    second_answer = client.post(
        "/v1/summaries", json={"text": _article(2)}, headers={"X-Forwarded-For": second}
    )
    assert second_answer.status_code == (429 if shared else 200)


def test_client_group_keeps_what_is_not_an_address() -> None:
    assert client_group("2001:db8:1:2:3:4:5:6", 64) == "2001:db8:1:2::/64"
    assert client_group("198.51.100.4", 64) == "198.51.100.4"
    assert client_group("unknown", 64) == "unknown"
