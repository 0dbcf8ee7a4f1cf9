"""The guards of issue 6: body cap, rate limits, security headers, client identity."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

from externals import need_redis
from intisari.web import security
from intisari.web.security import MemoryRateLimiter, RedisRateLimiter


def test_body_over_the_cap_is_413_from_content_length(make_client: Any) -> None:
    client = make_client(max_body_bytes=1000)
    body = b'{"text": "' + b"a" * 2000 + b'"}'
    response = client.post(
        "/v1/summaries", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_streamed_body_over_the_cap_is_413(make_client: Any) -> None:
    """No Content-Length (chunked): the bytes are counted as they arrive."""
    client = make_client(max_body_bytes=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 200
        yield b'"}'

    response = client.post(
        "/v1/summaries", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too-large"


def test_body_cap_applies_to_reports_too(make_client: Any) -> None:
    client = make_client(max_body_bytes=1000)
    response = client.post(
        "/v1/summaries/x/reports", json={"category": "other", "comment": "x" * 1500}
    )
    assert response.status_code == 413


def test_summaries_per_client_rate_limit(make_client: Any, article: str) -> None:
    client = make_client(summaries_per_client_per_minute=2)
    for _ in range(2):
        assert client.post("/v1/summaries", json={"text": article}).status_code == 200
    response = client.post("/v1/summaries", json={"text": article})
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.json()["code"] == "rate-limited"


def test_reports_per_client_rate_limit(make_client: Any, summary: dict[str, Any]) -> None:
    client = make_client(reports_per_client_per_hour=2)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    for category in ("inaccurate", "misleading"):
        assert client.post(url, json={"category": category}).status_code == 201
    response = client.post(url, json={"category": "other"})
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 3600


def test_reports_per_summary_rate_limit(make_client: Any, summary: dict[str, Any]) -> None:
    """Many clients (behind a trusted proxy) on one summary."""
    client = make_client(reports_per_summary_per_hour=2, trust_forwarded_for=True)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    for n in range(2):
        headers = {"X-Forwarded-For": f"203.0.113.{n}"}
        assert client.post(url, json={"category": "other"}, headers=headers).status_code == 201
    response = client.post(
        url, json={"category": "other"}, headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert response.status_code == 429
    assert "Retry-After" in response.headers


def test_forwarded_for_is_ignored_unless_trusted(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """Otherwise anyone could dodge duplicate merging by inventing addresses."""
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    first = client.post(url, json={"category": "other"}, headers={"X-Forwarded-For": "1.1.1.1"})
    second = client.post(url, json={"category": "other"}, headers={"X-Forwarded-For": "2.2.2.2"})
    assert (first.status_code, second.status_code) == (201, 200)


def test_zero_turns_a_limit_off(make_client: Any, article: str) -> None:
    client = make_client(summaries_per_client_per_minute=0)
    for _ in range(5):
        assert client.post("/v1/summaries", json={"text": article}).status_code == 200


def test_login_attempts_are_limited(client: TestClient) -> None:
    statuses = [
        client.post("/v1/auth/login", json={"name": "x", "password": "y"}).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [401] * 10
    assert statuses[10] == 429


def test_memory_limiter_windows() -> None:
    limiter = MemoryRateLimiter()
    assert limiter.hit("k", 2, 60) is None
    assert limiter.hit("k", 2, 60) is None
    wait = limiter.hit("k", 2, 60)
    assert wait is not None and 1 <= wait <= 60
    assert limiter.hit("other", 2, 60) is None


@pytest.mark.redis
def test_redis_limiter_is_shared_between_instances() -> None:
    url = need_redis()
    key = f"test:{secrets.token_hex(8)}"
    one, two = RedisRateLimiter(url), RedisRateLimiter(url)
    assert one.hit(key, 2, 60) is None
    assert two.hit(key, 2, 60) is None
    wait = one.hit(key, 2, 60)
    assert wait is not None and 1 <= wait <= 60


@pytest.mark.redis
def test_app_uses_redis_when_configured(make_client: Any, article: str) -> None:
    # A fresh secret makes fresh client keys, so runs never share counters.
    settings = {"redis_url": need_redis(), "secret_key": secrets.token_hex(16)}
    first = make_client(summaries_per_client_per_minute=1, **settings)
    second = make_client(summaries_per_client_per_minute=1, **settings)  # another worker
    assert isinstance(first.app.state.intisari.limiter, RedisRateLimiter)
    assert first.post("/v1/summaries", json={"text": article}).status_code == 200
    response = second.post("/v1/summaries", json={"text": article})
    assert response.status_code == 429 and "Retry-After" in response.headers


def test_unreachable_redis_lets_requests_through() -> None:
    limiter = RedisRateLimiter("redis://127.0.0.1:1/0")
    assert limiter.hit("k", 1, 60) is None
    assert limiter.hit("k", 1, 60) is None


def test_security_headers_on_json(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_html_responses_get_the_strict_csp(client: TestClient) -> None:
    client.app.add_api_route("/test-page", lambda: HTMLResponse("<p>hi</p>"))
    policy = client.get("/test-page").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_unknown_route_and_method_are_json_errors(client: TestClient) -> None:
    assert client.get("/v1/nothing").json()["code"] == "not-found"
    response = client.delete("/v1/summaries")
    assert response.status_code == 405
    assert response.json()["code"] == "method-not-allowed"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/v1/summaries/x", "GET, HEAD, PATCH"),
        ("OPTIONS", "/v1/summaries/x", "GET, HEAD, PATCH"),
        ("DELETE", "/v1/summaries", "POST"),
        ("HEAD", "/v1/summaries", "POST"),
        ("PUT", "/v1/summaries/x/helpful", "GET, HEAD, POST"),
        ("PUT", "/v1/publishers/1", "GET, HEAD, PATCH"),
        ("PATCH", "/v1/publishers/1/keys/2", "DELETE"),
        ("PUT", "/v1/embed/harian/box", "GET, HEAD, OPTIONS"),
        ("POST", "/static/app.css", "GET, HEAD"),
    ],
)
def test_a_405_allows_every_method_of_the_path(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    """RFC 9110: ``Allow`` lists every method the path takes, not one route's."""
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    if method != "HEAD":
        assert response.json()["code"] == "method-not-allowed"
    for other in allowed.split(", "):
        assert client.request(other, path).status_code != 405, other


def test_memory_limiter_sweeps_only_expired_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [7200.0]  # the start of an hour
    monkeypatch.setattr(security, "time", SimpleNamespace(time=lambda: now[0]))
    limiter = MemoryRateLimiter()
    assert limiter.hit("hourly", 1, 3600) is None
    for n in range(5):
        limiter.hit(f"minute-{n}", 10, 60)
    now[0] += 61  # the minute windows have ended, the hour has not
    for _ in range(3):  # each hit drops a few expired counters
        limiter.hit("another", 10, 60)
    assert len(limiter) == 2  # "hourly" and "another"
    assert limiter.hit("hourly", 1, 3600) is not None  # the hourly count survived
