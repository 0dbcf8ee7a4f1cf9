"""One chat completion from an OpenAI-compatible server, or a reason why not.

``complete(config, prompt)`` returns the assistant's text or raises ``LlmUnavailable``
with a short reason; it never raises anything else for what the server does. What it
guards against, since the reader is waiting:

- slow: one deadline (``LlmConfig.timeout_s``) for the whole call, retries and pauses
  included; the answer is read in chunks and dropped when the deadline passes, so a
  server trickling bytes cannot hold the article past it;
- down or flaky: connection errors, timeouts, 429 and 5xx are retried with exponential
  backoff, at most ``attempts`` times, within the deadline;
- garbage: an answer that is not JSON, not the chat-completions shape, or over
  ``MAX_ANSWER_BYTES`` is a failure (not retried: the same request gets the same answer);
- down for long: the circuit breaker (``breaker.py``) stops sending requests after
  consecutive failures, so articles do not each wait for the timeout.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx

from intisari.http_body import ACCEPT_ENCODING, BodyError, decoded_chunks
from intisari.llm.breaker import breaker_for
from intisari.llm.config import LlmConfig
from intisari.llm.reasons import BAD_ANSWER, BREAKER_OPEN, CONNECTION, TIMEOUT, http_status
from intisari.llm.stats import STATS

__all__ = ["MAX_ANSWER_BYTES", "LlmUnavailable", "complete"]

#: Five short bullets are well under 2 kB of JSON; a megabyte is not an answer to them.
MAX_ANSWER_BYTES = 1_000_000
#: Statuses worth another try: rate limited, or the server (or a proxy) failing for now.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class LlmUnavailable(Exception):
    """The LLM gave no usable answer; ``reason`` is one of ``reasons`` (``timeout``, ...)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def complete(config: LlmConfig, prompt: str, max_tokens: int) -> str:
    """The model's answer to ``prompt`` (one user message, temperature 0)."""
    breaker = breaker_for(config.url, config.breaker_failures, config.breaker_cooldown_s)
    deadline = time.monotonic() + config.timeout_s
    body: dict[str, Any] = {
        "messages": [{"role": "user", "content": prompt}],
        # Deterministic: the same article gets the same bullets (and the same verdicts).
        "temperature": 0,
        "max_tokens": max_tokens,
        "stream": False,
    }
    if config.model:
        body["model"] = config.model
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    url = config.url.rstrip("/") + "/chat/completions"
    reason = TIMEOUT
    for attempt in range(config.attempts):
        if attempt:
            pause = config.backoff_s * 2 ** (attempt - 1)
            if time.monotonic() + pause >= deadline:
                break
            time.sleep(pause)
        if not breaker.allow():
            STATS.refused()
            raise LlmUnavailable(BREAKER_OPEN)
        started = time.monotonic()
        try:
            answer = _post(url, body, headers, deadline)
        except _Failure as failure:
            STATS.request(time.monotonic() - started, failure.reason)
            breaker.failed()
            if not failure.retry:
                raise LlmUnavailable(failure.reason) from None
            reason = failure.reason
            continue
        STATS.request(time.monotonic() - started, None)
        breaker.succeeded()
        return answer
    raise LlmUnavailable(reason)


_CLIENT: httpx.Client | None = None
_CLIENT_LOCK = threading.Lock()


def _client() -> httpx.Client:
    """One client per process, shared by its threads: it keeps connections to the server
    open, and building one (its TLS context) costs ~20-40 ms of CPU."""
    global _CLIENT
    with _CLIENT_LOCK:
        if _CLIENT is None:
            _CLIENT = httpx.Client(headers={"Accept-Encoding": ACCEPT_ENCODING})
        return _CLIENT


class _Failure(Exception):
    def __init__(self, reason: str, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


def _post(url: str, body: dict[str, Any], headers: dict[str, str], deadline: float) -> str:
    """One request; the assistant's text, or ``_Failure`` saying whether to retry."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _Failure(TIMEOUT, retry=False)
    try:
        with _client().stream(
            "POST", url, json=body, headers=headers, timeout=remaining
        ) as response:
            if response.status_code != 200:
                retry = response.status_code in RETRY_STATUSES
                raise _Failure(http_status(response.status_code), retry=retry)
            data = bytearray()
            # Decoded in steps, so a compressed answer cannot pass the cap in one read.
            for chunk in decoded_chunks(response, MAX_ANSWER_BYTES):
                data += chunk
                if time.monotonic() > deadline:
                    raise _Failure(TIMEOUT, retry=False)
    except BodyError:  # over the cap, an encoding not asked for, broken gzip
        raise _Failure(BAD_ANSWER, retry=False) from None
    except httpx.TimeoutException:
        raise _Failure(TIMEOUT, retry=True) from None
    except httpx.HTTPError:
        # Refused, reset, DNS, a broken chunked body: the server is not answering.
        raise _Failure(CONNECTION, retry=True) from None
    return _content(bytes(data))


def _content(data: bytes) -> str:
    """``choices[0].message.content`` of a chat-completions answer, checked at every step."""
    try:
        answer = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested beyond reason
        raise _Failure(BAD_ANSWER, retry=False) from None
    choices = answer.get("choices") if isinstance(answer, dict) else None
    first = choices[0] if isinstance(choices, list) and choices else None
    message = first.get("message") if isinstance(first, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise _Failure(BAD_ANSWER, retry=False)
    if isinstance(first, dict) and first.get("finish_reason") == "length":
        # Cut by max_tokens: the last line stops mid-sentence ("... after collapsing
        # during Swansea's 3-2 loss at Tottenham in"), and the checker can still find
        # every word of it in the article. Only the finished lines are an answer.
        content = content.rpartition("\n")[0]
    return content
