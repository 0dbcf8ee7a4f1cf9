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

Migrations take turns too, so two hosts starting at once (or two ``intisari db upgrade``)
apply them one after the other and the second finds the schema at head and does nothing.
Without turns, both read an empty ``alembic_version`` and created the same tables: one
failed (an ``IntegrityError`` on PostgreSQL, "table ... already exists" on SQLite). On
PostgreSQL, ``upgrade`` holds a session-level advisory lock on the connection Alembic
migrates through; on SQLite, that connection holds the file's write lock (``BEGIN
IMMEDIATE``) and every migration runs in that one transaction (Alembic does not wrap
SQLite's DDL in one of its own, and pysqlite begins none before DDL).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    sessionmaker,
)
from sqlalchemy.pool import NullPool

__all__ = [
    "MIGRATION_LOCK_KEY",
    "DatabaseUnreachable",
    "make_engine",
    "make_sessions",
    "migration_config",
    "upgrade",
]

#: Milliseconds an SQLite writer waits for the lock before giving up: long enough for a
#: burst of report submissions, short enough that a stuck writer surfaces as an error.
SQLITE_BUSY_TIMEOUT_MS = 10_000

#: The PostgreSQL advisory lock (a 64-bit key, per database) that ``upgrade`` holds while
#: it migrates: the bytes of "intisari" read as a big-endian number, a fixed key no other
#: user of the database is likely to pick. Never change it: hosts of two versions starting
#: at once must take the same lock.
MIGRATION_LOCK_KEY = 7597137617676759657  # int.from_bytes(b"intisari", "big")
#: Milliseconds an SQLite migration waits for another's to end: a migration copying a large
#: table (batch mode) may take far longer than a write, and a start should wait it out.
SQLITE_MIGRATION_WAIT_MS = 600_000
#: Seconds between two tries of switching a locked new file to WAL (``_switch_to_wal``).
WAL_RETRY_S = 0.05

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


class DatabaseUnreachable(Exception):
    """``upgrade`` could not connect to the database (its cause is the driver's error)."""


def upgrade(url: str) -> None:
    """Apply every migration not yet applied (``intisari db upgrade``; also on start).

    ``DatabaseUnreachable`` when no connection can be made; an error while migrating is
    SQLAlchemy's own. One upgrade at a time per database (see the module's docstring).
    """
    config = migration_config(url)
    # No pool: closing the connection ends its PostgreSQL session, and so releases the
    # session-level lock whatever happened (a pooled connection would keep holding it).
    engine = make_engine(url, poolclass=NullPool)
    try:
        try:
            connection = engine.connect()
        except DBAPIError as error:
            raise DatabaseUnreachable(type(error).__name__) from error
        with connection, _one_upgrade_at_a_time(connection):
            config.attributes["connection"] = connection  # env.py migrates through it
            command.upgrade(config, "head")
    finally:
        engine.dispose()


@contextmanager
def _one_upgrade_at_a_time(connection: Connection) -> Iterator[None]:
    """Hold ``connection``'s database against other upgrades until the block ends."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        # Waits for another upgrade's lock; session-level, so it outlives this
        # transaction, which is ended so that Alembic begins (and commits) its own rather
        # than joining one left open. Released when the connection closes.
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        connection.commit()
        yield
    elif dialect == "sqlite":
        # Alembic sees the transaction open and runs every migration inside it.
        connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_MIGRATION_WAIT_MS}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        yield
        connection.commit()  # on an error, closing the connection rolls back
    else:
        yield


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, tried again while another connection holds the file.

    Switching a new file to WAL needs its lock, and SQLite answers "database is locked"
    at once there, without waiting out the busy timeout: two hosts starting on a new file
    failed one start in 1 of ~4 tries (the upgrade test, once in CI).
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_S)
