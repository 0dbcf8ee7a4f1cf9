"""Where the real data lies (``../shared``, never copied here), and ``need`` to skip without it.

A module with a name of its own rather than ``conftest``: several test folders have a
``conftest.py``, so ``from conftest import ...`` gets whichever pytest loaded last.
``tests/`` is on ``sys.path`` because pytest puts the folder of ``tests/conftest.py`` there.
``INTISARI_TEST_SHARED`` names another ``shared`` folder (a copy of the tests elsewhere, or
an empty folder to see what CI does without the data: ``tests/externals.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["DATA", "EXAMPLE_ARTICLE", "HTML_PAGES", "SHARED", "TRAINING_TIMEOUT_S", "need"]

SHARED = Path(
    os.environ.get("INTISARI_TEST_SHARED")
    or Path(__file__).resolve().parent.parent.parent / "shared"
)
EXAMPLE_ARTICLE = SHARED / "examples" / "kremlin-nato-troops.id.txt"
#: Real news pages with ``manifest.jsonl`` (ground-truth bodies).
HTML_PAGES = SHARED / "examples" / "html"
DATA = SHARED / "data"
#: Seconds a test that trains the ranker on the tune files may take (pytest's default is
#: 300): five networks per ranker take ``intisari train`` about 2.5 minutes of CPU, and a
#: shared 2-core machine may double that.
TRAINING_TIMEOUT_S = 1200


def need(path: Path) -> Path:
    """Skip the test when a file of ../shared is missing (in CI the skip is a failure)."""
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path
