"""This process's LLM counters, read by the service's ``/metrics``.

Plain counters under a lock, not Prometheus objects: the engine does not depend on how
the service exposes them (``intisari.web.metrics`` turns a ``snapshot`` into metrics).
The service runs the engine in worker processes (``service/engine_pool.py``): each worker
hands what it counted since its last article (``take``) back with the article's result,
and the server adds it to its own counters (``add``), so ``/metrics`` counts every worker.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from intisari.llm.reasons import BREAKER_OPEN

__all__ = ["STATS", "LlmStats"]


@dataclass(frozen=True)
class Snapshot:
    #: HTTP requests sent to the server (each retry counts).
    requests: int
    #: Requests (or calls the breaker refused) that failed, by reason (``reasons``):
    #: ``timeout``, ``connection``, ``http-503`` ..., ``bad-answer``, ``breaker-open``.
    failures: dict[str, int]
    #: Bullets the model wrote, by verdict: ``accepted`` or why one was dropped
    #: (the checker's ``unsupported``/``unclear``, ``duplicate``, ``malformed``).
    bullets: dict[str, int]
    #: Boxes that fell back to extraction entirely, by reason (as ``failures``, plus
    #: ``no-bullets`` when the answer held none): each such box's ``engine.fallback``.
    fallbacks: dict[str, int]
    #: Seconds spent waiting for the server, all requests together.
    seconds: float


class LlmStats:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests = 0
        self._failures: Counter[str] = Counter()
        self._bullets: Counter[str] = Counter()
        self._fallbacks: Counter[str] = Counter()
        self._seconds = 0.0

    def request(self, seconds: float, failure: str | None) -> None:
        with self._lock:
            self._requests += 1
            self._seconds += seconds
            if failure is not None:
                self._failures[failure] += 1

    def refused(self) -> None:
        """A call the open breaker did not let through (nothing was sent)."""
        with self._lock:
            self._failures[BREAKER_OPEN] += 1

    def bullet(self, verdict: str) -> None:
        with self._lock:
            self._bullets[verdict] += 1

    def fallback(self, reason: str) -> None:
        with self._lock:
            self._fallbacks[reason] += 1

    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot()

    def take(self) -> Snapshot:
        """What was counted since the last ``take``, and start again from zero."""
        with self._lock:
            taken = self._snapshot()
            self._requests, self._seconds = 0, 0.0
            self._failures, self._bullets, self._fallbacks = Counter(), Counter(), Counter()
            return taken

    def add(self, counted: Snapshot) -> None:
        """Add another process's counts (a worker's ``take``)."""
        with self._lock:
            self._requests += counted.requests
            self._seconds += counted.seconds
            self._failures.update(counted.failures)
            self._bullets.update(counted.bullets)
            self._fallbacks.update(counted.fallbacks)

    def _snapshot(self) -> Snapshot:
        return Snapshot(
            self._requests,
            dict(self._failures),
            dict(self._bullets),
            dict(self._fallbacks),
            self._seconds,
        )


#: The process's counters.
STATS = LlmStats()
