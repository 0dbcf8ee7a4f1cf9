"""Rate-limit windows end: a count starts again in the next window, in memory and in Redis.

Through the limiters' public interface only (``hit(key, limit, window_s)``), on the
limiters' clock (``rate_clock`` in ``tests/conftest.py``), which every test starts at the
top of an hour and which these tests move past a window's end. Without them a counter
that never reset (keyed without its window) or a Redis key that never expired passed
every other test: none of them lives long enough to cross a window.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import redis

from externals import need_redis
from intisari.service.state import RateLimiter
from intisari.web.security import MemoryRateLimiter, RedisRateLimiter
from rate_clock import RateClock

WINDOW_S = 60
#: Seconds a limiter may wait for a Redis that does not answer: its socket timeout (1 s)
#: with room for a busy machine. Without a timeout a request would wait forever.
STALLED_REDIS_BOUND_S = 5


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
def limiter(request: pytest.FixtureRequest) -> RateLimiter:
    if request.param == "memory":
        return MemoryRateLimiter()
    return RedisRateLimiter(need_redis())


@pytest.fixture
def key() -> Iterator[str]:
    """A key of this test's own (Redis is shared); its Redis counters are deleted after."""
    name = f"test-window:{secrets.token_hex(8)}"
    yield name
    try:
        client = redis.Redis.from_url(need_redis())
        for stored in client.scan_iter(match=f"*{name}*"):
            client.delete(stored)
    except pytest.skip.Exception:
        pass


def test_a_count_starts_again_when_its_window_ends(
    limiter: RateLimiter, key: str, rate_clock: RateClock
) -> None:
    assert [limiter.hit(key, 2, WINDOW_S) for _ in range(2)] == [None, None]
    wait = limiter.hit(key, 2, WINDOW_S)
    assert wait is not None and 1 <= wait <= WINDOW_S
    rate_clock.advance(wait)  # The end of the window, as Retry-After promised.
    assert [limiter.hit(key, 2, WINDOW_S) for _ in range(2)] == [None, None]
    assert limiter.hit(key, 2, WINDOW_S) is not None  # The new window counts too.


def test_a_window_that_has_not_ended_keeps_its_count(
    limiter: RateLimiter, key: str, rate_clock: RateClock
) -> None:
    assert limiter.hit(key, 1, WINDOW_S) is None
    rate_clock.advance(WINDOW_S / 2)
    wait = limiter.hit(key, 1, WINDOW_S)
    assert wait is not None and wait <= WINDOW_S / 2 + 1  # Half the window is left.
    rate_clock.advance(WINDOW_S / 2)
    assert limiter.hit(key, 1, WINDOW_S) is None


def test_windows_of_two_sizes_count_apart(
    limiter: RateLimiter, key: str, rate_clock: RateClock
) -> None:
    # A minute's limit and an hour's on one key (as the service keys a client): the
    # minute's window ending leaves the hour's count alone.
    assert limiter.hit(key, 1, WINDOW_S) is None
    assert limiter.hit(key, 2, 3600) is None
    rate_clock.advance(WINDOW_S)
    assert limiter.hit(key, 1, WINDOW_S) is None
    assert limiter.hit(key, 2, 3600) is None
    assert limiter.hit(key, 2, 3600) is not None


def test_retry_after_counts_the_seconds_left_in_the_window(
    limiter: RateLimiter, key: str, rate_clock: RateClock
) -> None:
    rate_clock.advance(WINDOW_S - 0.5)  # Half a second before the window ends.
    assert limiter.hit(key, 1, WINDOW_S) is None
    assert limiter.hit(key, 1, WINDOW_S) == 1  # Never 0: "retry now" would be a lie.


def test_a_redis_that_stops_answering_lets_requests_through_within_seconds() -> None:
    # A server that accepts connections and never answers, as a hung Redis does.
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
    limiter = RedisRateLimiter(f"redis://127.0.0.1:{server.getsockname()[1]}/0")
    answers: list[int | None] = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: answers.append(limiter.hit("k", 1, WINDOW_S)),
                              daemon=True)
    worker.start()
    worker.join(STALLED_REDIS_BOUND_S)
    try:
        assert answers == [None], "the limiter still waits for a Redis that does not answer"
        assert time.monotonic() - started < STALLED_REDIS_BOUND_S
    finally:
        for connection in accepted:
            connection.close()
        server.close()


@pytest.mark.redis
def test_redis_counters_expire_with_their_window(key: str) -> None:
    url = need_redis()
    RedisRateLimiter(url).hit(key, 5, WINDOW_S)
    client = redis.Redis.from_url(url)
    stored = list(client.scan_iter(match=f"*{key}*"))
    assert stored, f"no Redis key holds the client key {key!r}"
    for name in stored:
        ttl = client.ttl(name)
        # -1 would be a key that never expires: one per client and window, forever.
        assert 0 < ttl <= 2 * WINDOW_S, (name, ttl)
