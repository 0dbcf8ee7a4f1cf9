"""The service's tests run on the same databases as storage's: a fresh SQLite file and
real PostgreSQL (``tests/storage/conftest.py``)."""

from storage.conftest import database_url, postgres_url, session

__all__ = ["database_url", "postgres_url", "session"]
