"""What the tests need from outside the repository, how each is found, and CI's check.

Four things: the data in ``../shared`` (``data_paths.py``), the local PostgreSQL
(``postgres_schema.py``), the local Redis and Debian's chromium. Each has a marker
(``data``, ``postgres``, ``redis``, ``browser``) and a check here. Locally a test whose
need is missing skips, and the run ends with one line per reason (``conftest.py``). In CI
(``CI`` set, as the CI runner sets it) a missing need stops the run before any test with
one message naming it, and any skip fails: a green CI must mean that the tests ran.

Each can be pointed elsewhere, which is also how CI's failure is shown on purpose:
``INTISARI_TEST_SHARED`` (a ``shared`` folder), ``INTISARI_TEST_POSTGRES_URL``,
``INTISARI_TEST_REDIS_URL``, ``INTISARI_TEST_CHROMIUM`` (a browser executable).

``python tests/externals.py [MARKER ...]`` prints what is missing and exits 1; ``.ci/run``
runs it after starting the servers, before the tests.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # When run as a script.

from data_paths import DATA, HTML_PAGES
from postgres_schema import POSTGRES_URL

__all__ = ["CHECKS", "REDIS_URL", "chromium", "in_ci", "missing", "need_redis"]

REDIS_URL = os.environ.get("INTISARI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
#: Where Debian's package puts chromium, for a PATH that lacks /usr/bin (as ``.ci/run``).
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
#: Seconds to wait for a server that is not there: long enough for a busy local one.
CONNECT_TIMEOUT_S = 3


def in_ci() -> bool:
    """True when the CI runner runs the tests (``CI`` set and not false)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium() -> Path | None:
    """Debian's chromium, found as ``.ci/run`` finds it: ``command -v chromium``, else
    ``/usr/bin/chromium``; ``INTISARI_TEST_CHROMIUM`` names another executable."""
    named = os.environ.get("INTISARI_TEST_CHROMIUM")
    if named is not None:
        found = shutil.which(named)
        return Path(found) if found else None
    found = shutil.which("chromium")
    if found:
        return Path(found)
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None


def _shared_problem() -> str | None:
    for path in (DATA / "indosum.tune.jsonl", DATA / "cnn.tune.jsonl",
                 HTML_PAGES / "manifest.jsonl"):
        if not path.is_file():
            return f"the shared data is missing: {path} (expected ../shared beside the checkout)"
    return None


def _postgres_problem() -> str | None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        return f"PostgreSQL is not reachable at {POSTGRES_URL}: {reason}"
    finally:
        engine.dispose()
    return None


def _redis_problem() -> str | None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=CONNECT_TIMEOUT_S).ping()
    except redis.RedisError as error:
        return f"Redis is not reachable at {REDIS_URL}: {error}"
    return None


def _chromium_problem() -> str | None:
    if chromium() is None:
        where = os.environ.get("INTISARI_TEST_CHROMIUM") or f"chromium on PATH or {DEBIAN_CHROMIUM}"
        return f"Debian's chromium is not installed ({where}; apt-get install -y chromium)"
    return None


#: The marker of the tests that need a thing -> what is wrong with it (None: all there).
CHECKS: dict[str, Callable[[], str | None]] = {
    "data": _shared_problem,
    "postgres": _postgres_problem,
    "redis": _redis_problem,
    "browser": _chromium_problem,
}


def missing(markers: Iterable[str] = CHECKS) -> list[str]:
    """One line for each missing need among ``markers`` (each checked once)."""
    return [problem for marker in dict.fromkeys(markers)
            if marker in CHECKS and (problem := CHECKS[marker]())]


def need_redis() -> str:
    """The test Redis's URL; skips the test when it does not answer (CI fails instead)."""
    problem = _redis_problem()
    if problem:
        pytest.skip(problem)
    return REDIS_URL


if __name__ == "__main__":
    problems = missing(sys.argv[1:] or CHECKS)
    for problem in problems:
        print(f"missing: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)
