"""Apps on throwaway SQLite files, an article, and accounts, for the guard tests.

The apps, ``password`` and ``summary`` come from ``tests/app_fixtures.py`` (shared with the
web tests); the article that ``summary`` summarizes is this folder's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app_fixtures import client, make_account, make_client, password, settings, summary

__all__ = ["article", "client", "make_client", "password", "settings", "summary", "token_for"]

ARTICLE = "\n\n".join(
    [
        "Jalur Sepeda Baru di Bandung",
        "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
        "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara.",
        "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam "
        "sibuk. Warga menyambut baik pembangunan jalur yang dilengkapi lampu penerangan.",
        "Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama. "
        "Anggaran pembangunan jalur mencapai empat miliar rupiah dari dana daerah.",
    ]
)


@pytest.fixture
def article() -> str:
    """The article ``summary`` summarizes here."""
    return ARTICLE


@pytest.fixture
def token_for(client: TestClient) -> Callable[[str, str], str]:
    """Make an account (name, role) with ``password``; returns an API token for it."""
    app: FastAPI = client.app  # type: ignore[assignment]
    return partial(make_account, app)
