"""Apps on throwaway SQLite files, an article, and accounts of each role.

The apps, the article and ``summary`` come from ``tests/app_fixtures.py`` (shared with the
security tests); the accounts of each role are this folder's.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app_fixtures import (
    add_account,
    article,
    client,
    make_account,
    make_client,
    password,
    settings,
    summary,
)

__all__ = [
    "add_account",
    "article",
    "client",
    "make_client",
    "password",
    "reader",
    "reviewer",
    "settings",
    "summary",
]


@pytest.fixture
def reviewer(client: TestClient) -> dict[str, str]:
    """Authorization headers of a reviewer."""
    return {"Authorization": f"Bearer {make_account(client.app, 'rina', 'reviewer')}"}


@pytest.fixture
def reader(client: TestClient) -> dict[str, str]:
    """Authorization headers of an account that may not review."""
    return {"Authorization": f"Bearer {make_account(client.app, 'budi', 'reader')}"}
