"""SQLite's write turns cannot deadlock with the connection pool.

The sessions of one SQLite engine take turns writing (a Python lock from their first
write to their commit, ``storage/database.py``). A session whose first statement is its
write (storing a summary the engine just made, with no read before it) used to take the
lock and only then ask the pool for a connection, while every pooled connection was held
by a session waiting for the lock (a burst of reports): neither could go on until the
pool's 30 s timeout, and ``intisari serve`` could not even stop (found by
``benchmarks/load.py`` once summaries were stored from a fresh session). A session now
holds its connection before it waits for its turn.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text

from intisari.storage import repository
from intisari.storage.database import make_engine, make_sessions, upgrade

#: Seconds the pool waits for a connection here: a deadlock shows as this timeout.
POOL_TIMEOUT_S = 5


def test_a_first_write_waits_for_a_connection_before_its_turn(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'intisari.db'}"
    upgrade(url)
    engine = make_engine(url, pool_size=1, max_overflow=0, pool_timeout=POOL_TIMEOUT_S)
    sessions = make_sessions(engine)
    reader = sessions()
    reader.execute(text("SELECT 1"))  # holds the pool's only connection, like a report's read
    errors: list[BaseException] = []

    def store() -> None:  # a session whose first statement is a write
        try:
            with sessions() as session:
                repository.add_summary(
                    session, content_hash="a" * 64, engine_version="0", result={"language": "id"}
                )
        except BaseException as error:
            errors.append(error)

    writer = threading.Thread(target=store)
    writer.start()
    writer.join(timeout=0.5)  # it is waiting now: for the connection, or (before) the lock
    stored = repository.add_summary(  # the reader writes in turn, then gives both back
        reader, content_hash="b" * 64, engine_version="0", result={"language": "id"}
    )
    reader.close()
    writer.join(timeout=2 * POOL_TIMEOUT_S)

    assert stored.content_hash == "b" * 64
    assert not writer.is_alive() and errors == []
    with sessions() as session:
        assert repository.find_summary(session, "a" * 64, "0") is not None
    engine.dispose()
