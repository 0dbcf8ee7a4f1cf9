"""Opening the service's database: migrations (when the settings ask for them), the
connection pool, and the instance's own secrets."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from intisari.service.errors import Unavailable
from intisari.settings import Settings
from intisari.storage.database import make_engine, make_sessions, upgrade
from intisari.storage.repository import instance_secret as stored_secret
from intisari.storage.repository import ping

__all__ = ["check_database", "instance_secret", "open_database"]


def open_database(settings: Settings) -> tuple[Engine, sessionmaker[Session]]:
    """The database of ``settings``, migrated first if ``migrate_on_start``."""
    if settings.migrate_on_start:
        upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    return engine, make_sessions(engine)


def instance_secret(sessions: sessionmaker[Session], name: str) -> str:
    """The instance's secret called ``name``, made and stored on first use."""
    with sessions() as session:
        return stored_secret(session, name)


def check_database(sessions: sessionmaker[Session]) -> None:
    """``Unavailable`` (``database-unavailable``, the error's type as message) when the
    database does not answer."""
    try:
        with sessions() as session:
            ping(session)
    except SQLAlchemyError as error:
        raise Unavailable(type(error).__name__, code="database-unavailable") from None
