"""The rate limiters' clock in tests (``rate_clock`` in ``tests/conftest.py``).

A module with a name of its own, so that tests can name the type (``from conftest import``
is ambiguous across the test folders that have one).
"""

from __future__ import annotations

import time
from typing import Any

__all__ = ["RateClock"]


class RateClock:
    """The ``time`` module as the rate limiters see it: real time shifted so the test
    starts at the top of an hour (also the top of a minute), plus whatever ``advance``
    adds. Everything else (``monotonic`` moves by ``advance`` too) is the real module's."""

    def __init__(self) -> None:
        self._offset = time.time() % 3600
        self._advanced = 0.0

    def time(self) -> float:
        return time.time() - self._offset + self._advanced

    def monotonic(self) -> float:
        return time.monotonic() + self._advanced

    def advance(self, seconds: float) -> None:
        """Move the limiters' clock forward, as if ``seconds`` had passed."""
        self._advanced += seconds

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)
