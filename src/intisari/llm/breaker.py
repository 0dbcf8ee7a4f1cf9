"""A circuit breaker per LLM server: stop waiting on a server that keeps failing.

Closed: requests go through; ``failures_to_open`` failures in a row open it. Open: no
request is sent (the article gets its extractive box at once) until ``cooldown_s`` has
passed; then it is half-open and lets exactly one probe through. The probe's success
closes it; its failure opens it for another cooldown. One breaker per server URL per
process (``breaker_for``), shared by every thread of that process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from enum import IntEnum

__all__ = ["BreakerState", "CircuitBreaker", "breaker_for", "breakers"]


class BreakerState(IntEnum):
    """The gauge's values: 0 is healthy, anything else means articles skip the LLM."""

    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2


class CircuitBreaker:
    def __init__(
        self,
        failures_to_open: int,
        cooldown_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures_to_open = failures_to_open
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> BreakerState:
        with self._lock:
            return self._state()

    def _state(self) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._probing or self._clock() - self._opened_at >= self.cooldown_s:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def report(self) -> tuple[BreakerState, float]:
        """The state, and the seconds until a probe may go (0 unless open): what a worker
        process tells the server (``report_states``), whose copy must turn half-open when
        the cooldown passes even if the worker is asked nothing meanwhile."""
        with self._lock:
            state = self._state()
            if state is not BreakerState.OPEN or self._opened_at is None:
                return state, 0.0
            return state, self._opened_at + self.cooldown_s - self._clock()

    def allow(self) -> bool:
        """May a request be sent now? In half-open state only the first caller may."""
        with self._lock:
            state = self._state()
            if state is BreakerState.CLOSED:
                return True
            if state is BreakerState.HALF_OPEN and not self._probing:
                self._probing = True
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._probing = False

    def failed(self) -> None:
        with self._lock:
            self._failures += 1
            if self._probing or self._failures >= self.failures_to_open:
                self._opened_at = self._clock()
                self._probing = False


_BREAKERS: dict[str, CircuitBreaker] = {}
_BREAKERS_LOCK = threading.Lock()


def breaker_for(url: str, failures_to_open: int, cooldown_s: float) -> CircuitBreaker:
    """This process's breaker for the server at ``url`` (made on first use)."""
    with _BREAKERS_LOCK:
        breaker = _BREAKERS.get(url)
        if breaker is None:
            breaker = _BREAKERS[url] = CircuitBreaker(failures_to_open, cooldown_s)
        return breaker


def breakers() -> dict[str, CircuitBreaker]:
    """Every breaker of this process by server URL."""
    with _BREAKERS_LOCK:
        return dict(_BREAKERS)


#: The latest state each engine worker process reported for each server, by worker, with
#: the moment (this process's ``time.monotonic``) its cooldown ends if it was open.
_REPORTED: dict[int, dict[str, tuple[BreakerState, float]]] = {}


def report_states(worker: int, states: dict[str, tuple[BreakerState, float]]) -> None:
    """Keep what worker process ``worker`` (its pid) says of its breakers
    (``CircuitBreaker.report``): the service's engine runs in workers, each with breakers
    of its own (``service/engine_pool.py``). The seconds left of a cooldown become a moment
    of this process's clock (a worker's monotonic clock need not be this one's)."""
    now = time.monotonic()
    with _BREAKERS_LOCK:
        _REPORTED[worker] = {url: (state, now + left) for url, (state, left) in states.items()}


def forget_worker(worker: int) -> None:
    """A worker process ended: its breakers are gone with it."""
    with _BREAKERS_LOCK:
        _REPORTED.pop(worker, None)


def breaker_states() -> dict[str, BreakerState]:
    """Per server URL, the most open state of this process's breaker and of every worker's
    last report (for the service's metrics, and whether to make a box again now): "open"
    as soon as one worker stopped asking; a report of "open" whose cooldown has passed is
    "half-open", as that worker's breaker is now, though it was asked nothing since."""
    now = time.monotonic()
    with _BREAKERS_LOCK:
        states = {url: breaker.state for url, breaker in _BREAKERS.items()}
        for reported in _REPORTED.values():
            for url, (state, cooled_at) in reported.items():
                if state is BreakerState.OPEN and now >= cooled_at:
                    state = BreakerState.HALF_OPEN
                states[url] = max(states.get(url, BreakerState.CLOSED), state)
    return states
