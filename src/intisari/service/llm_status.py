"""What the service says of ``--method llm``: ``/metrics``' figures (this process's LLM
counters, the engine workers' travel back to it, ``service/engine_pool.py``; each server's
breaker), one warning in the log for each box made without the LLM, and whether the LLM
is being asked at all now (``llm_resting``)."""

from __future__ import annotations

import logging
from typing import Any

from intisari.llm.breaker import BreakerState, breaker_states
from intisari.llm.reasons import not_used
from intisari.llm.stats import STATS, Snapshot
from intisari.options import Options

__all__ = [
    "BreakerState", "Snapshot", "llm_breakers", "llm_counts", "llm_resting", "tell_fallback"
]

log = logging.getLogger(__name__)


def llm_counts() -> Snapshot:
    """Requests, seconds, failures, bullets and fallbacks so far."""
    return STATS.snapshot()


def llm_breakers() -> dict[str, BreakerState]:
    """The circuit breaker's state per LLM server URL."""
    return breaker_states()


def llm_resting(options: Options) -> bool:
    """Whether the LLM of ``options`` is not being asked now: a circuit breaker of its
    server (this process's, or an engine worker's last report) is open and its cooldown
    has not passed. An engine run would then make the extracted box of the outage again,
    the breaker refusing the LLM at once."""
    if options.llm is None:
        return False
    return breaker_states().get(options.llm.url) is BreakerState.OPEN


def tell_fallback(result: dict[str, Any], options: Options | None) -> None:
    """Log one warning when the engine's JSON ``result`` was made without the LLM it asked
    (``engine.fallback``): ``/metrics`` counted it, and nothing else said it, so an
    operator with a wrong ``INTISARI_LLM_URL`` saw a service that looked healthy. Called
    once per engine run (in this thread, or a worker's result), not per request."""
    reason = (result.get("engine") or {}).get("fallback")
    if reason is None or options is None or options.llm is None:
        return
    article = result.get("id")
    log.warning(
        "%s%s", "" if article is None else f"article {article!r}: ", not_used(reason, options.llm)
    )
