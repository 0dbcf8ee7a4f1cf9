"""The Alembic migrations make exactly the schema the models describe, and persist."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from intisari.storage.database import make_engine, make_sessions, migration_config, upgrade
from intisari.storage.models import Base
from intisari.storage.repository import add_summary, get_summary


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
    with make_sessions(engine)() as session:
        stored = add_summary(
            session,
            content_hash="e" * 64,
            engine_version="0.1.0",
            result={"language": "id", "title": None, "text": "kept", "takeaways": []},
        )
    upgrade(database_url)
    upgrade(database_url)
    with make_sessions(engine)() as session:
        again = get_summary(session, stored.id)
        assert again is not None and again.result["text"] == "kept"
    head = ScriptDirectory.from_config(migration_config(database_url)).get_current_head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_heads() == (head,)
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_data_survives_a_new_engine(database_url: str) -> None:
    """What a restarted server sees: a new engine on the same database."""
    first = make_engine(database_url)
    with make_sessions(first)() as session:
        stored = add_summary(
            session,
            content_hash="f" * 64,
            engine_version="0.1.0",
            result={"language": "id", "title": None, "text": "x", "takeaways": []},
        )
    first.dispose()
    second = make_engine(database_url)
    with make_sessions(second)() as session:
        again = get_summary(session, stored.id)
        assert again is not None and again.result["text"] == "x"
    second.dispose()
