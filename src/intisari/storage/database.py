"""Connecting to the database and bringing its schema up to date.

One URL decides everything: ``sqlite:///path`` (the embedded default) or
``postgresql+psycopg://...``. SQLite is tuned here for a small server: WAL so readers do
not block the writer, a busy timeout so concurrent writers wait instead of failing,
``synchronous=FULL`` so a report acknowledged with 201 survives even a power cut, and
foreign keys on (SQLite leaves them off by default).

SQLite has one writer at a time, and a writer that finds the database locked polls with
growing sleeps (up to 100 ms each) rather than being woken when the lock is free: under a
burst of reports that is where the slowest answers came from (p99 over a second in
``benchmarks/load.py``). So the sessions of one SQLite engine take turns in Python
first: a session takes the engine's write lock at its first write (a flush, or an
UPDATE or DELETE statement of its own) and gives it back when its transaction ends, and
waiting threads are woken at once. Across worker processes
SQLite's own locking still decides.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    sessionmaker,
)

__all__ = ["make_engine", "make_sessions", "migration_config", "upgrade"]

#: Milliseconds an SQLite writer waits for the lock before giving up: long enough for a
#: burst of report submissions, short enough that a stuck writer surfaces as an error.
SQLITE_BUSY_TIMEOUT_MS = 10_000

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Key in ``Session.info``: this session holds its engine's write lock.
HOLDS_WRITE_LOCK = "intisari.holds_write_lock"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas above."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (responses are built after it).

    On SQLite, their writes take turns (see the module's docstring).
    """
    sessions = sessionmaker(engine, expire_on_commit=False)
    if engine.dialect.name == "sqlite":
        _take_turns_writing(sessions)
    return sessions


def _take_turns_writing(sessions: sessionmaker[Session]) -> None:
    """One writing transaction at a time among ``sessions``: a lock from first write to end.

    A plain ``Lock``, not an ``RLock``: a session may end on another thread than the one
    that flushed (FastAPI closes a dependency's session in a later threadpool call). A
    write statement takes it too: a session holding SQLite's lock through an UPDATE while
    waiting here for a session that waits for SQLite would stall both for the busy timeout.
    A session holds its pooled connection *before* it waits for its turn: a session whose
    first statement is a write would otherwise hold the turn while waiting for a
    connection that sessions waiting for the turn hold (until the pool's 30 s timeout).
    """
    lock = threading.Lock()

    def take(session: Session) -> None:
        if not session.info.get(HOLDS_WRITE_LOCK):
            session.connection()  # connection first, then the turn: one order for all
            lock.acquire()
            session.info[HOLDS_WRITE_LOCK] = True

    def take_before_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
        take(session)

    def take_before_write_statement(state: ORMExecuteState) -> None:
        if state.is_update or state.is_delete or state.is_insert:
            take(state.session)

    def give_back(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None and session.info.pop(HOLDS_WRITE_LOCK, False):
            lock.release()

    event.listen(sessions, "before_flush", take_before_flush)
    event.listen(sessions, "do_orm_execute", take_before_write_statement)
    event.listen(sessions, "after_transaction_end", give_back)


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
