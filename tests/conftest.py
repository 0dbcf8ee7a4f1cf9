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
