"""The Alembic migrations make exactly the schema the models describe, and persist."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from intisari.storage.database import make_engine, make_sessions, migration_config, upgrade
from intisari.storage.models import Base
from intisari.storage.repository import add_summary, get_summary


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
