"""``method: llm`` through the service: the API, the cache, ``/metrics``, the settings.

The model is the real one (``llama_url``); a server that is down is a free port.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app_fixtures import ARTICLE
from intisari.settings import Settings
from llm_servers import MODEL_TEST_TIMEOUT_S, ScriptedModel, free_port, unique_url

pytestmark = pytest.mark.llm

Client = Callable[..., TestClient]


def metric(client: TestClient, name: str, labels: str = "") -> float:
    """The value of one sample of ``/metrics`` (0 when it is not there yet)."""
    text = client.get("/metrics").text
    match = re.search(rf"^{re.escape(name + labels)} ([0-9.e+-]+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


@pytest.mark.timeout(MODEL_TEST_TIMEOUT_S)
@pytest.mark.slow
def test_the_api_writes_a_checked_llm_box_caches_it_and_counts_it(
    make_client: Client, llama_url: str
) -> None:
    client = make_client(llm_url=llama_url, llm_timeout_s=240)
    requests = metric(client, "intisari_llm_requests_total")
    made = client.post("/v1/summaries", json={"text": ARTICLE, "method": "llm"})
    assert made.status_code == 200, made.text
    assert made.headers["X-Intisari-Cache"] == "miss"
    body = made.json()
    assert body["engine"]["method"] == "llm" and body["engine"]["fallback"] is None
    extracted = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    assert extracted["summary_id"] != body["summary_id"]  # the method is part of the key
    assert len(body["takeaways"]) == len(extracted["takeaways"])
    for takeaway in body["takeaways"]:
        assert takeaway["origin"] in ("extract", "llm")
        if takeaway["origin"] == "llm":
            assert takeaway["spans"] == [] and takeaway["evidence"]
    assert metric(client, "intisari_llm_requests_total") == requests + 1
    verdicts = sum(
        metric(client, "intisari_llm_bullets_total", f'{{verdict="{verdict}"}}')
        for verdict in ("accepted", "unsupported", "unclear", "duplicate", "malformed")
    )
    assert verdicts >= 1
    again = client.post("/v1/summaries", json={"text": ARTICLE, "method": "llm"})
    assert again.headers["X-Intisari-Cache"] == "hit" and again.json() == body
    assert metric(client, "intisari_llm_requests_total") == requests + 1  # not asked again


def test_the_llm_down_gives_readers_the_extractive_box_and_opens_the_breaker(
    make_client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    url = unique_url(free_port())
    # The default method of this service; one engine worker, since each worker process
    # keeps its own breaker (service/engine_pool.py): with two, the second article could go to
    # a worker whose breaker has seen no failure yet.
    client = make_client(llm_url=url, method="llm", engine_processes=1)
    server = f'{{server="{url}"}}'
    refused = metric(client, "intisari_llm_failures_total", '{reason="connection"}')
    caplog.set_level(logging.WARNING, "intisari.service")
    reasons = []
    for number in range(2):
        text = f"{ARTICLE}\n\nArtikel {number}."  # two articles: no cache hit
        answer = client.post("/v1/summaries", json={"text": text})
        assert answer.status_code == 200
        assert {t["origin"] for t in answer.json()["takeaways"]} == {"extract"}
        reasons.append(answer.json()["engine"]["fallback"])
    # Each box says it was made without the LLM, and why: the breaker opened during the
    # second article, which stopped asking.
    assert reasons == ["connection", "breaker-open"]
    # One warning a box: the log had said nothing (only /metrics counted it).
    warned = [r.getMessage() for r in caplog.records if "LLM was not used" in r.getMessage()]
    assert warned == [
        f"the LLM was not used (connection refused or lost at {url}): the box is extracted",
        f"the LLM was not used ({url} failed 5 times in a row; it is asked again 30 s after "
        "its last failure): the box is extracted",
    ]
    # Three attempts each; the fifth failure in a row opened the breaker, so the second
    # article's third attempt was never sent.
    assert metric(client, "intisari_llm_failures_total", '{reason="connection"}') == refused + 5
    assert metric(client, "intisari_llm_breaker_state", server) == 2
    page = client.get("/")  # the pages still work: the reader never sees the failure
    assert page.status_code == 200


#: The scripted model's answer: the article's last sentence, word for word, which the
#: checker supports.
GOOD_BULLET = "- Bulog menyiapkan 500 ton beras untuk menstabilkan harga hingga akhir tahun."


def test_a_box_made_while_the_llm_was_down_is_made_again_once_it_answers(
    make_client: Client,
) -> None:
    """A new user's report: after an outage the same article got the stored extracted box,
    ``X-Intisari-Cache: hit``, until the engine's version changed; a newsroom could not
    get its boxes back. Now the request asks the LLM again, and its box replaces the
    stored one under the same id."""
    model = ScriptedModel(GOOD_BULLET)
    model.down = 404  # a URL without /v1: not retried, so one request a box
    with model.running() as url:
        client = make_client(llm_url=url, engine_processes=1)

        def ask() -> httpx.Response:
            return client.post("/v1/summaries", json={"text": ARTICLE, "method": "llm"})

        first = ask()
        assert first.headers["X-Intisari-Cache"] == "miss"
        assert first.json()["engine"]["fallback"] == "http-404"
        still = ask()  # still down: asked again, and the stored box is still the answer
        assert model.requests == 2
        assert still.headers["X-Intisari-Cache"] == "hit" and still.json() == first.json()
        # /metrics tells an operator how far an outage's boxes are made good.
        assert metric(client, "intisari_llm_boxes_remade_total") == 0

        model.down = None
        back = ask()
        assert back.status_code == 200 and back.headers["X-Intisari-Cache"] == "miss"
        box = back.json()
        assert box["summary_id"] == first.json()["summary_id"]
        assert box["engine"]["fallback"] is None
        assert "llm" in {takeaway["origin"] for takeaway in box["takeaways"]}
        again = ask()  # final now: the LLM is not asked again
        assert again.headers["X-Intisari-Cache"] == "hit" and again.json() == box
        assert model.requests == 3
        assert metric(client, "intisari_llm_boxes_remade_total") == 1
        assert client.get(f"/v1/summaries/{box['summary_id']}").json() == box


def test_while_the_breaker_is_open_a_stored_box_is_not_asked_for_again(
    make_client: Client,
) -> None:
    """Asking again does not hammer a server that keeps failing: the worker's breaker,
    open after five failures in a row, answers without a request, and the stored box is
    the answer (no error, no new row) until its cooldown lets a probe through."""
    model = ScriptedModel(GOOD_BULLET)
    model.down = 503  # retried: three requests a box
    with model.running() as url:
        client = make_client(llm_url=url, engine_processes=1)

        def ask() -> httpx.Response:
            return client.post("/v1/summaries", json={"text": ARTICLE, "method": "llm"})

        first = ask()
        assert first.json()["engine"]["fallback"] == "http-503"
        second = ask()  # the fifth failure in a row opened the breaker
        assert second.headers["X-Intisari-Cache"] == "hit" and second.json() == first.json()
        assert model.requests == 5
        model.down = None
        third = ask()
        assert third.headers["X-Intisari-Cache"] == "hit" and third.json() == first.json()
        assert model.requests == 5
        assert metric(client, "intisari_llm_breaker_state", f'{{server="{url}"}}') == 2


def test_the_start_pages_form_makes_a_box_of_the_outage_again_and_counts_it(
    make_client: Client,
) -> None:
    """The start page's form (``summarize_now``, the engine waited for in a thread) makes
    the box again as the API does, and ``/metrics`` counts it the same."""
    model = ScriptedModel(GOOD_BULLET)
    model.down = 404
    with model.running() as url:
        client = make_client(llm_url=url, method="llm", engine_processes=1)

        def send() -> str:
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
            assert token is not None
            sent = client.post(
                "/", data={"csrf_token": token.group(1), "text": ARTICLE},
                follow_redirects=False,
            )  # fmt: skip
            assert sent.status_code == 303, sent.text
            return sent.headers["location"]

        first = send()
        model.down = None
        assert send() == first and model.requests == 2
        assert metric(client, "intisari_llm_boxes_remade_total") == 1
        summary_id = first.rsplit("/", 1)[-1]
        box = client.get(f"/v1/summaries/{summary_id}").json()
        assert box["engine"]["fallback"] is None
        assert send() == first and model.requests == 2  # final now
        assert metric(client, "intisari_llm_boxes_remade_total") == 1


#: Requests for a box of the outage while the breaker is open, in the test below.
PAGE_VIEWS = 5


def test_while_the_breaker_is_open_the_stored_box_is_the_answer_without_the_engine(
    make_client: Client,
) -> None:
    """Every request for a box of the outage ran the whole engine in a worker while the
    breaker was open, only for the worker's breaker to refuse the LLM, the same extracted
    box to be stored nowhere and the quota's charge given back: a page view's CPU and
    latency wasted all through an outage. Each such run is a box made without the LLM
    because the breaker was open (``intisari_llm_fallbacks_total{reason="breaker-open"}``):
    now none while it is open."""
    model = ScriptedModel(GOOD_BULLET)
    model.down = 503  # retried: three requests a box; the fifth failure opens the breaker
    with model.running() as url:
        client = make_client(llm_url=url, engine_processes=1)

        def ask() -> httpx.Response:
            return client.post("/v1/summaries", json={"text": ARTICLE, "method": "llm"})

        def engine_runs_refused() -> float:
            return metric(client, "intisari_llm_fallbacks_total", '{reason="breaker-open"}')

        first = ask()
        ask()
        assert metric(client, "intisari_llm_breaker_state", f'{{server="{url}"}}') == 2
        refused = engine_runs_refused()
        served = metric(client, "intisari_summaries_served_total", '{source="cache"}')
        for _ in range(PAGE_VIEWS):
            answer = ask()
            assert answer.headers["X-Intisari-Cache"] == "hit" and answer.json() == first.json()
        assert engine_runs_refused() == refused
        assert model.requests == 5
        cached = metric(client, "intisari_summaries_served_total", '{source="cache"}')
        assert cached == served + PAGE_VIEWS


def test_method_llm_without_a_server_is_a_clear_422(client: TestClient) -> None:
    answer = client.post("/v1/summaries", json={"text": ARTICLE, "method": "llm"})
    assert answer.status_code == 422
    assert answer.json()["code"] == "llm-not-configured"
    assert "INTISARI_LLM_URL" in answer.json()["message"]
    bad = client.post("/v1/summaries", json={"text": ARTICLE, "method": "gpt"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid-request"


def test_the_llm_as_default_method_needs_its_server() -> None:
    with pytest.raises(ValidationError, match="INTISARI_LLM_URL"):
        Settings(method="llm")
    settings = Settings(method="llm", llm_url="http://127.0.0.1:1/v1", llm_api_key="sk-secret")
    options = settings.engine_options()
    assert options.method == "llm" and options.llm is not None
    assert options.llm.api_key == "sk-secret"
    assert "sk-secret" not in repr(options) and "sk-secret" not in repr(settings)
