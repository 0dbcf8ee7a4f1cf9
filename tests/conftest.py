"""Shared fixtures: paths to the real data in ../shared (tests skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE_ARTICLE = SHARED / "examples" / "kremlin-nato-troops.id.txt"
HTML_PAGES = SHARED / "examples" / "html"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    """Skip the test when a file of ../shared is missing (CI has it)."""
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


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
