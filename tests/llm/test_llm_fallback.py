"""The LLM down, slow or answering garbage: the reader gets the extractive box, at once.

Every server here is real (sockets on 127.0.0.1): nothing listening (connection refused),
a ``http.server`` that stalls, answers garbage or 503 (``llm_servers.BadServer``), and,
for the breaker's recovery, a proxy in front of the real model (``SwitchProxy``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

import intisari
from app_fixtures import ARTICLE
from intisari.llm.breaker import (
    BreakerState,
    CircuitBreaker,
    breaker_for,
    breaker_states,
    forget_worker,
    report_states,
)
from intisari.llm.client import complete
from intisari.llm.config import LlmConfig
from intisari.llm.stats import STATS
from intisari.options import Options
from llm_servers import MODEL_TEST_TIMEOUT_S, BadServer, SwitchProxy, free_port, unique_url

pytestmark = pytest.mark.llm

#: The extractive box of ``ARTICLE``: what every fallback must give, bullet for bullet.
EXTRACTED = [t.model_dump() for t in intisari.summarize(text=ARTICLE).takeaways]


def summarize_with(config: LlmConfig) -> tuple[intisari.Summary, float]:
    started = time.monotonic()
    summary = intisari.summarize(text=ARTICLE, method="llm", options=Options(llm=config))
    return summary, time.monotonic() - started


def fallbacks(reason: str) -> Callable[[], int]:
    """A reader of the process's fallback count for ``reason``."""
    return lambda: STATS.snapshot().fallbacks.get(reason, 0)


def assert_extractive(summary: intisari.Summary, reason: str) -> None:
    assert [t.model_dump() for t in summary.takeaways] == EXTRACTED
    assert {t.origin for t in summary.takeaways} == {"extract"}
    assert summary.engine.method == "llm"  # asked for; ``fallback`` says what happened
    assert summary.engine.fallback == reason  # the label /metrics counts it under


def test_server_down_gives_the_extractive_box() -> None:
    count = fallbacks("connection")
    before = count()
    summary, seconds = summarize_with(LlmConfig(url=unique_url(free_port())))
    assert_extractive(summary, "connection")
    assert count() == before + 1
    # Refused at once, three attempts with 0.25 s and 0.5 s between them.
    assert seconds < 5


def test_a_stalling_server_gives_the_extractive_box_within_the_timeout() -> None:
    server = BadServer("stall")
    count = fallbacks("timeout")
    before = count()
    with server.running() as url:
        summary, seconds = summarize_with(LlmConfig(url=url, timeout_s=1.5))
    assert_extractive(summary, "timeout")
    assert count() == before + 1
    assert 1.4 < seconds < 1.5 + 2  # the deadline holds for the whole call, retries included


@pytest.mark.parametrize(
    "behaviour", ["not-json", "wrong-schema", "huge", "gzip-bomb", "brotli"]
)
def test_garbage_gives_the_extractive_box_and_is_not_retried(behaviour: str) -> None:
    server = BadServer(behaviour)
    count = fallbacks("bad-answer")
    before = count()
    with server.running() as url:
        summary, _seconds = summarize_with(LlmConfig(url=url))
        assert server.requests == 1  # the same request would get the same garbage
    assert_extractive(summary, "bad-answer")
    assert count() == before + 1


def test_an_answer_cut_by_max_tokens_loses_its_unfinished_line() -> None:
    # Seen with Gemma 3 270M on CNN: "... after collapsing during Swansea's 3-2 loss at
    # Tottenham in" was copied from the article, so the checker supported it.
    server = BadServer("cut")
    with server.running() as url:
        answer = complete(LlmConfig(url=url), "Ringkas artikel ini.", 16)
    assert answer == BadServer.CUT_ANSWER.splitlines()[0]


def test_503_is_retried_with_backoff_then_falls_back() -> None:
    server = BadServer("unavailable")
    with server.running() as url:
        summary, seconds = summarize_with(LlmConfig(url=url, attempts=3, backoff_s=0.2))
        assert server.requests == 3
    assert_extractive(summary, "http-503")
    assert seconds >= 0.2 + 0.4  # the pauses double


def test_the_breaker_opens_after_consecutive_failures_and_then_skips_the_server() -> None:
    server = BadServer("unavailable")
    with server.running() as url:
        config = LlmConfig(url=url, attempts=3, backoff_s=0.01, breaker_failures=3)
        summarize_with(config)
        assert server.requests == 3
        breaker = breaker_for(url, config.breaker_failures, config.breaker_cooldown_s)
        assert breaker.state is BreakerState.OPEN
        refused = fallbacks("breaker-open")
        before = refused()
        summary, seconds = summarize_with(config)
        assert server.requests == 3  # nothing sent while open
    assert_extractive(summary, "breaker-open")
    assert refused() == before + 1
    assert seconds < 0.5


@pytest.mark.timeout(MODEL_TEST_TIMEOUT_S)
@pytest.mark.slow
def test_a_half_open_probe_closes_the_breaker_when_the_server_is_back(llama: LlmConfig) -> None:
    proxy = SwitchProxy(llama.url)
    proxy.on = False
    with proxy.running() as url:
        config = LlmConfig(
            url=url, timeout_s=llama.timeout_s, attempts=1, breaker_failures=1,
            breaker_cooldown_s=0.5,
        )  # fmt: skip
        breaker = breaker_for(url, config.breaker_failures, config.breaker_cooldown_s)
        summarize_with(config)
        assert breaker.state is BreakerState.OPEN
        time.sleep(0.6)
        assert breaker.state is BreakerState.HALF_OPEN
        summarize_with(config)  # the probe meets the server still down: open again
        assert breaker.state is BreakerState.OPEN and proxy.requests == 2
        proxy.on = True
        summarize_with(config)  # still open: not even asked
        assert proxy.requests == 2
        time.sleep(0.6)
        summary, _seconds = summarize_with(config)  # the probe reaches the real model
        assert proxy.requests == 3
    assert breaker.state is BreakerState.CLOSED
    assert len(summary.takeaways) == len(EXTRACTED)


def test_half_open_lets_exactly_one_probe_through() -> None:
    now = [0.0]
    breaker = CircuitBreaker(failures_to_open=2, cooldown_s=10, clock=lambda: now[0])
    breaker.failed()
    assert breaker.state is BreakerState.CLOSED and breaker.allow()
    breaker.failed()
    assert breaker.state is BreakerState.OPEN and not breaker.allow()
    now[0] = 10.0
    results: list[bool] = []
    threads = [threading.Thread(target=lambda: results.append(breaker.allow())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    breaker.succeeded()
    assert breaker.state is BreakerState.CLOSED and breaker.allow()


def test_a_workers_open_breaker_reads_half_open_once_its_cooldown_passes() -> None:
    """The server reads the engine workers' breakers from their last reports, and makes no
    box of an outage again while one is open (``service.llm_status.llm_resting``). A
    worker asked nothing meanwhile reports nothing new: its last "open" must turn
    half-open here when its cooldown ends, or no box of the outage would be made again."""
    now = [0.0]
    breaker = CircuitBreaker(failures_to_open=1, cooldown_s=30, clock=lambda: now[0])
    assert breaker.report() == (BreakerState.CLOSED, 0.0)
    breaker.failed()
    now[0] = 20.0
    assert breaker.report() == (BreakerState.OPEN, 10.0)
    url = unique_url(free_port())
    worker = -1  # no process has this pid
    try:
        report_states(worker, {url: breaker.report()})
        assert breaker_states()[url] is BreakerState.OPEN
        report_states(worker, {url: (BreakerState.OPEN, 0.0)})  # its cooldown ends now
        assert breaker_states()[url] is BreakerState.HALF_OPEN
    finally:
        forget_worker(worker)
    assert url not in breaker_states()
