"""Alembic's entry point: runs the migrations of ``versions/`` against the configured URL.

``intisari db upgrade`` (and the app on start) call Alembic in code with the URL set in
the config (see ``storage.database.migration_config``); ``alembic -c`` is not needed.
``storage.database.upgrade`` hands over its connection (``config.attributes``), on which it
holds the migrations' lock; without one, this makes its own.
Batch mode lets later migrations alter columns on SQLite, which has limited ALTER TABLE.
"""

from __future__ import annotations

from alembic import context

from intisari.storage.database import make_engine
from intisari.storage.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url, "migration_config() sets sqlalchemy.url"

if context.is_offline_mode():
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    context.configure(connection=given, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=Base.metadata,
                              render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()
