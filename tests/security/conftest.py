"""Apps on throwaway SQLite files, an article, and accounts, for the guard tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from intisari.settings import Settings
from intisari.storage.accounts import create_account, mint_token
from intisari.web.app import create_app

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
PASSWORD = "correct horse battery"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'intisari.db'}", secret_key="test-key")


@pytest.fixture
def make_client(settings: Settings) -> Iterator[Callable[..., TestClient]]:
    """A client of a new app on the test's database, with settings changed as asked."""
    clients: list[TestClient] = []

    def make(**changes: Any) -> TestClient:
        client = TestClient(create_app(settings.model_copy(update=changes)))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def password() -> str:
    """The password of every account ``token_for`` makes."""
    return PASSWORD


@pytest.fixture
def token_for(client: TestClient) -> Callable[[str, str], str]:
    """Make an account (name, role) with ``PASSWORD``; returns an API token for it."""

    def make(name: str, role: str) -> str:
        app: FastAPI = client.app  # type: ignore[assignment]
        with app.state.intisari.sessions() as session:
            account = create_account(session, name, PASSWORD, role)
            return mint_token(session, account)

    return make


@pytest.fixture
def summary(client: TestClient) -> dict[str, Any]:
    """The stored summary of ``ARTICLE`` (at least two takeaways)."""
    response = client.post("/v1/summaries", json={"text": ARTICLE})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert len(body["takeaways"]) >= 2
    return body
