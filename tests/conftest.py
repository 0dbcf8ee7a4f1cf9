"""Fixtures for every test: rate-limit windows that start with the test.

Paths to the real data in ../shared and ``need`` are in ``tests/data_paths.py``; the web
service's apps and accounts in ``tests/app_fixtures.py``.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _rate_windows_start_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rate limits count in fixed windows (a minute, an hour): a test that makes eleven
    requests could straddle a window's end and see its limit reset half-way. The limiter's
    clock is shifted so that every test starts at the beginning of an hour, which is also
    the beginning of a minute."""
    import time
    from types import SimpleNamespace

    from intisari.web import security

    offset = time.time() % 3600
    monkeypatch.setattr(security, "time", SimpleNamespace(time=lambda: time.time() - offset))
