"""A private schema on the local PostgreSQL, for tests that run against the real server.

Several engineers and CI jobs share one server, so each user of it gets a schema of its
own, chosen through the URL's ``search_path``, and drops it afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

__all__ = ["POSTGRES_URL", "private_schema"]

POSTGRES_URL = os.environ.get(
    "INTISARI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@contextmanager
def private_schema(prefix: str) -> Iterator[str]:
    """A new, empty schema named ``{prefix}_{pid}_{random}``, as a SQLAlchemy URL.

    Skips the test when the server is not reachable; the schema is dropped on the way out.
    """
    schema = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable: {error.orig}")
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
