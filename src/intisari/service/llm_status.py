"""What ``/metrics`` reports of ``--method llm``: this process's LLM counters (the engine
workers' travel back to it, ``service/engine_pool.py``) and each server's breaker."""

from __future__ import annotations

from intisari.llm.breaker import BreakerState, breaker_states
from intisari.llm.stats import STATS, Snapshot

__all__ = ["BreakerState", "Snapshot", "llm_breakers", "llm_counts"]


def llm_counts() -> Snapshot:
    """Requests, seconds, failures, bullets and fallbacks so far."""
    return STATS.snapshot()


def llm_breakers() -> dict[str, BreakerState]:
    """The circuit breaker's state per LLM server URL."""
    return breaker_states()
