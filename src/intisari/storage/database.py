"""Connecting to the database and bringing its schema up to date.

One URL decides everything: ``sqlite:///path`` (the embedded default) or
``postgresql+psycopg://...``. SQLite is tuned here for a small server: WAL so readers do
not block the writer, a busy timeout so concurrent writers wait instead of failing,
``synchronous=FULL`` so a report acknowledged with 201 survives even a power cut, and
foreign keys on (SQLite leaves them off by default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["make_engine", "make_sessions", "migration_config", "upgrade"]

#: Milliseconds an SQLite writer waits for the lock before giving up: long enough for a
#: burst of report submissions, short enough that a stuck writer surfaces as an error.
SQLITE_BUSY_TIMEOUT_MS = 10_000

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas above."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (responses are built after it)."""
    return sessionmaker(engine, expire_on_commit=False)


def migration_config(url: str) -> Config:
    """Alembic's configuration, made in code so no ``alembic.ini`` must sit in the cwd."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser treats % as interpolation; URLs may contain %-escapes.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Apply every migration not yet applied (``intisari db upgrade``; also on start)."""
    command.upgrade(migration_config(url), "head")


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
