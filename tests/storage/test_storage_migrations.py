"""The Alembic migrations make exactly the schema the models describe, persist, and take
turns when two hosts start at once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

import intisari
from intisari.storage.database import make_engine, make_sessions, migration_config, upgrade
from intisari.storage.models import Base
from intisari.storage.repository import add_summary, get_report, get_summary
from postgres_schema import private_schema

#: One upgrade in a process of its own (Alembic's ``context`` is a module global, so two
#: threads cannot migrate at once): everything imported, it says "ready" and upgrades when
#: a line comes on stdin, so that the processes' upgrades start together.
UPGRADE_ON_CUE = """
import sys
import intisari.storage.models
from intisari.storage.database import upgrade
print("ready", flush=True)
sys.stdin.readline()
upgrade(sys.argv[1])
"""


def _store(engine: Engine, text: str) -> str:
    """A summary row whose result text is ``text``; returns its id."""
    with make_sessions(engine)() as session:
        return add_summary(
            session,
            content_hash=text.encode().hex().ljust(64, "0")[:64],
            engine_version="0.1.0",
            result={"language": "id", "title": None, "text": text, "takeaways": []},
        ).id


def _stored_text(engine: Engine, summary_id: str) -> str | None:
    with make_sessions(engine)() as session:
        again = get_summary(session, summary_id)
        return None if again is None else again.result["text"]


def test_migrations_match_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrade_twice_is_harmless(database_url: str) -> None:
    """Every start upgrades again (``intisari serve``): the rows stay, the schema stays at
    the newest revision and still matches the models."""
    engine = make_engine(database_url)
    stored = _store(engine, "kept")
    upgrade(database_url)
    upgrade(database_url)
    assert _stored_text(engine, stored) == "kept"
    head = ScriptDirectory.from_config(migration_config(database_url)).get_current_head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_heads() == (head,)
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_data_survives_a_new_engine(database_url: str) -> None:
    """What a restarted server sees: a new engine on the same database."""
    first = make_engine(database_url)
    stored = _store(first, "x")
    first.dispose()
    second = make_engine(database_url)
    assert _stored_text(second, stored) == "x"
    second.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database never migrated: a new SQLite file, or a new PostgreSQL schema (dropped
    afterwards; the shared ``test`` database's other schemas are not touched)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        with private_schema("intisari_upgrades") as url:
            yield url


def _upgrades_at_once(url: str, count: int) -> list[subprocess.CompletedProcess[str]]:
    src = str(Path(intisari.__file__).resolve().parents[1])  # this checkout's, not another
    paths = [src, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE_ON_CUE, url], env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for _ in range(count)
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n", process.communicate()[1]
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    return [
        subprocess.CompletedProcess(process.args, *_finish(process)) for process in processes
    ]


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def test_upgrades_at_once_on_a_fresh_database_both_succeed(fresh_url: str) -> None:
    """Two hosts starting at once (``intisari serve`` migrates first) on a database never
    migrated: both read an empty ``alembic_version`` and created the same tables, and one
    failed (an IntegrityError on PostgreSQL, "table already exists" on SQLite; 9 and 7 of
    10 tries). Now they take turns: both succeed and the schema is the models'."""
    for done in _upgrades_at_once(fresh_url, 2):
        assert done.returncode == 0, done.stderr
    engine = make_engine(fresh_url)
    head = ScriptDirectory.from_config(migration_config(fresh_url)).get_current_head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_heads() == (head,)
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_reports_filed_before_0009_have_no_revision(fresh_url: str) -> None:
    """Migration 0009 adds ``reports.revision`` to a database with reports in it: theirs is
    null (nobody knows which box their readers saw), and new ones keep theirs."""
    command.upgrade(migration_config(fresh_url), "0008")
    engine = make_engine(fresh_url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO summaries (id, publisher_id, content_hash, engine_version, language,"
            " result, hidden, from_publisher, created_at) VALUES ('s1', 1, 'h', 'v', 'id',"
            " '{}', false, true, CURRENT_TIMESTAMP)"
        ))
        connection.execute(text(
            "INSERT INTO reports (summary_id, takeaway_index, category, client_hash,"
            " duplicates, status, created_at) VALUES ('s1', 0, 'other', 'c', 0, 'open',"
            " CURRENT_TIMESTAMP)"
        ))
    upgrade(fresh_url)
    with make_sessions(engine)() as session:
        old = get_report(session, 1)
        assert old is not None and old.revision is None and old.takeaway_index == 0
    engine.dispose()
