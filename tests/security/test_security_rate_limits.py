"""Rate limits: 429 with Retry-After, per client and per summary, in memory or in Redis."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from externals import need_redis
from intisari.web.security import RedisRateLimiter


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
