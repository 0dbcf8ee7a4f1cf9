"""Each storage test runs twice: on a fresh SQLite file and on real PostgreSQL.

PostgreSQL tests get a schema of their own for the session (``tests/postgres_schema.py``:
several engineers and CI jobs share one server); tables are emptied between tests and the
schema is dropped at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from intisari.storage.database import make_engine, make_sessions, upgrade
from postgres_schema import private_schema

TABLES = "summaries, reports, accounts, api_tokens, login_sessions, instance_secrets"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A migrated, private schema on the local PostgreSQL, as a SQLAlchemy URL."""
    with private_schema("intisari_test") as url:
        upgrade(url)
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database: a new SQLite file, or the emptied PostgreSQL schema."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'intisari.db'}"
        upgrade(url)
        return url
    url: str = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    engine = make_engine(database_url)
    with make_sessions(engine)() as session:
        yield session
    engine.dispose()
