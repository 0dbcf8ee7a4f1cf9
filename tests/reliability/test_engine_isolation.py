"""One slow article must not freeze the service: the engine runs in worker processes with
a CPU deadline (``service/engine_pool.py``).

The slow path is real: a ranker whose regular expression backtracks for seconds while
holding the GIL (``slow_ranker.py``), loaded through the production setting
``engine_ranker``. Before the engine moved out of the server's threads, ``/healthz``
waited for it as long as it ran.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from slow_ranker import TRIGGER

from app_fixtures import ARTICLE, make_client, settings

__all__ = ["make_client", "settings"]

pytestmark = pytest.mark.slow

#: About 5 s of backtracking on this machine, far past the tests' 1 s deadline.
SLOW_TEXT = "Berita Lambat\n\n" + TRIGGER * 800
SLOW_RANKER = "slow_ranker:BacktrackingRanker"
#: What "answers at once" means here, generously: a healthz takes milliseconds.
PROMPT_S = 1.0


def _in_background(call: Callable[[], httpx.Response]) -> tuple[threading.Thread, list[Any]]:
    answers: list[Any] = []
    thread = threading.Thread(target=lambda: answers.append(call()))
    thread.start()
    return thread, answers


def test_healthz_and_cached_reads_answer_while_the_engine_is_stuck(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(engine_ranker=SLOW_RANKER, engine_deadline_s=1.0, engine_processes=1)
    assert client.post("/v1/summaries", json={"text": ARTICLE}).status_code == 200  # stored

    # Time is measured between the ends of successive checks: a thread waiting for the
    # GIL cannot even read the clock, so a stall shows up as one long gap.
    marks = [time.monotonic()]
    slow, answers = _in_background(lambda: client.post("/v1/summaries", json={"text": SLOW_TEXT}))
    while slow.is_alive():
        health = client.get("/healthz")
        cached = client.post("/v1/summaries", json={"text": ARTICLE})
        assert health.status_code == 200 and cached.headers["X-Intisari-Cache"] == "hit"
        marks.append(time.monotonic())
        time.sleep(0.1)
    slow.join()

    gaps = [later - earlier for earlier, later in itertools.pairwise(marks)]
    assert max(gaps) < PROMPT_S, gaps
    assert len(gaps) >= 3, "the slow article finished before anything was checked"
    answer = answers[0]
    assert answer.status_code == 422
    assert answer.json()["code"] == "too-slow" and "CPU time" in answer.json()["message"]


def test_a_worker_past_its_deadline_is_replaced_and_the_next_article_is_summarized(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(engine_ranker=SLOW_RANKER, engine_deadline_s=1.0, engine_processes=1)
    # Left alone, the slow article would be summarized (the ranker does return scores):
    # 422 means its worker was ended at the deadline. Twice: the replacement is replaced.
    for _ in range(2):
        slow = client.post("/v1/summaries", json={"text": SLOW_TEXT})
        assert slow.status_code == 422 and slow.json()["code"] == "too-slow"
    fresh = client.post("/v1/summaries", json={"text": ARTICLE})
    assert fresh.status_code == 200 and fresh.headers["X-Intisari-Cache"] == "miss"
    assert fresh.json()["takeaways"]


def test_beyond_the_workers_and_queue_an_article_gets_503_at_once(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(
        engine_ranker=SLOW_RANKER, engine_deadline_s=2.0, engine_processes=1, engine_queue=0
    )
    slow, answers = _in_background(lambda: client.post("/v1/summaries", json={"text": SLOW_TEXT}))
    time.sleep(0.5)
    started = time.monotonic()
    busy = client.post("/v1/summaries", json={"text": ARTICLE})
    assert time.monotonic() - started < PROMPT_S
    slow.join()
    assert busy.status_code == 503
    assert busy.json()["code"] == "engine-busy" and int(busy.headers["Retry-After"]) > 0
    assert answers[0].status_code == 422
    assert client.post("/v1/summaries", json={"text": ARTICLE}).status_code == 200


def test_identical_articles_at_once_share_one_run_of_the_engine(
    make_client: Callable[..., TestClient],
) -> None:
    """Room for one article: the same article asked for again while it runs shares that
    run (each identical request had run the engine, and here the second got 503)."""
    client = make_client(
        engine_ranker=SLOW_RANKER, engine_deadline_s=2.0, engine_processes=1, engine_queue=0
    )
    first, answers = _in_background(lambda: client.post("/v1/summaries", json={"text": SLOW_TEXT}))
    time.sleep(0.5)
    second = client.post("/v1/summaries", json={"text": SLOW_TEXT})
    first.join()
    assert second.status_code == answers[0].status_code == 422
    assert second.json() == answers[0].json() and second.json()["code"] == "too-slow"
    # Done, the run is no longer shared: the next request runs the engine again.
    again = client.post("/v1/summaries", json={"text": ARTICLE})
    assert again.status_code == 200 and again.headers["X-Intisari-Cache"] == "miss"


def test_the_page_form_uses_the_same_workers_and_deadline(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(engine_ranker=SLOW_RANKER, engine_deadline_s=1.0, engine_processes=1)
    page = client.get("/")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    answer = client.post("/", data={"csrf_token": token, "text": SLOW_TEXT})
    assert answer.status_code == 422 and "CPU time" in answer.text
