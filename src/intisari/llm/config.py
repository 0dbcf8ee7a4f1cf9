"""How to reach the LLM: one small frozen value the engine's ``Options`` carries.

The service fills it from ``INTISARI_LLM_*`` (``intisari.settings``); Python callers build
it themselves. The defaults here are the one home of the timeout and breaker figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT_TIMEOUT_S", "MAX_TIMEOUT_S", "LlmConfig"]

#: Total time an article may wait for the LLM, retries included. A 270M model on two
#: shared cores writes three bullets in ~2-6 s; a hosted model answers in 1-5 s. Past
#: this the reader gets the extractive box instead of waiting longer.
DEFAULT_TIMEOUT_S = 20.0
#: The longest timeout taken: a reader waits this at most for a box. Past it the figure
#: is a mistake ("inf" overflowed the worker's guard and every LLM request was a 500).
MAX_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class LlmConfig:
    """An OpenAI-compatible chat-completions server and how patiently to use it."""

    #: Base URL of the API, up to and including ``/v1``: ``http://127.0.0.1:8080/v1``
    #: (llama.cpp), ``http://127.0.0.1:11434/v1`` (Ollama), ``https://api.openai.com/v1``.
    url: str
    #: Model name sent with each request; ``None`` leaves it out (a llama.cpp or vLLM
    #: server with one model accepts that; OpenAI and Ollama need it).
    model: str | None = None
    #: Sent as ``Authorization: Bearer ...``; kept out of ``repr`` so it never reaches a log.
    api_key: str | None = field(default=None, repr=False)
    timeout_s: float = DEFAULT_TIMEOUT_S
    #: Attempts per article: a dropped connection or a 5xx is often gone a moment later,
    #: but each retry is time the reader waits, so two retries at most.
    attempts: int = 3
    #: First pause between attempts, doubled each time (0.25 s, 0.5 s): long enough for a
    #: restarting server to accept connections, short against the timeout.
    backoff_s: float = 0.25
    #: Consecutive failed requests that open the circuit breaker: then no article waits
    #: for a server that is down until ``breaker_cooldown_s`` has passed.
    breaker_failures: int = 5
    #: Seconds the breaker stays open before one probe request may try the server again.
    breaker_cooldown_s: float = 30.0
