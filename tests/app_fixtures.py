"""The web service under test: apps on throwaway SQLite files, accounts, a stored summary.

``tests/web/conftest.py`` and ``tests/security/conftest.py`` import these fixtures; a
module with a name of its own because ``from conftest import ...`` is ambiguous across
the test folders that have one. ``summary`` summarizes the ``article`` fixture, which a
folder's conftest may give its own.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from intisari.settings import Settings
from intisari.storage.accounts import create_account, mint_token
from intisari.web.app import create_app
from postgres_schema import private_schema

__all__ = [
    "ARTICLE",
    "PASSWORD",
    "UNREACHABLE_DATABASE",
    "add_account",
    "article",
    "client",
    "client_on_each_database",
    "make_account",
    "make_client",
    "password",
    "routes_of",
    "serve_app",
    "settings",
    "summary",
]

#: An Indonesian news article that gives three takeaways.
ARTICLE = "\n\n".join(
    [
        "Harga Beras Naik di Pasar Tradisional Surabaya",
        "Harga beras medium di pasar tradisional Surabaya naik menjadi Rp14.000 per kilogram "
        "pekan ini. Kenaikan itu dipicu pasokan dari sentra produksi di Jawa Timur yang "
        "berkurang setelah musim kemarau panjang.",
        "Dinas Perdagangan mencatat harga beras premium juga naik sekitar lima persen "
        "dibandingkan bulan lalu. Pedagang mengaku pembeli mulai mengurangi jumlah belanja "
        "mereka setiap minggu.",
        "Pemerintah kota berencana menggelar operasi pasar di 31 kecamatan mulai Senin depan. "
        "Bulog menyiapkan 500 ton beras untuk menstabilkan harga hingga akhir tahun.",
    ]
)
#: The password of every account ``make_account`` makes.
PASSWORD = "correct horse battery"
#: A database URL nothing answers at: no server listens on port 1, so connecting is
#: refused at once (an app on it starts with ``migrate_on_start=False`` and a secret key).
UNREACHABLE_DATABASE = "postgresql+psycopg://nobody@127.0.0.1:1/x"
#: Seconds to wait for uvicorn to accept connections before giving up.
STARTUP_TIMEOUT_S = 20


@contextmanager
def serve_app(app: FastAPI) -> Iterator[str]:
    """``app`` under uvicorn in a background thread, as ``intisari serve`` runs it, on a
    free port of 127.0.0.1; yields its base URL (for browsers)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # a free port, held until uvicorn takes the socket over
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def routes_of(routes: list[Any]) -> set[tuple[str, str]]:
    """(method, path) of every route of ``routes`` (an app's), the routers included by
    ``include_router`` unfolded (FastAPI keeps each as one route of its own); a mount is
    ``("MOUNT", path)``, and ``HEAD`` goes without saying (``web/head.py``)."""
    found: set[tuple[str, str]] = set()
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI's included router
            prefix = route.include_context.prefix
            found |= {(m, prefix + p) for m, p in routes_of(route.original_router.routes)}
        elif getattr(route, "methods", None):
            found |= {(m, route.path) for m in route.methods if m != "HEAD"}
        else:
            found.add(("MOUNT", route.path))
    return found


def make_account(app: FastAPI, name: str, role: str) -> str:
    """Make an account (name, role) with ``PASSWORD`` in ``app``; returns an API token."""
    with app.state.intisari.sessions() as session:
        account = create_account(session, name, PASSWORD, role)
        return mint_token(session, account)


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def client_on_each_database(
    request: pytest.FixtureRequest, make_client: Callable[..., TestClient]
) -> Iterator[TestClient]:
    """A client of an app on a fresh SQLite file, then on a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield make_client()
        return
    with private_schema("intisari_web") as url:
        client = make_client(database_url=url)
        yield client
        client.__exit__(None, None, None)  # its connections close before the schema goes


@pytest.fixture
def add_account() -> Callable[[FastAPI, str, str], str]:
    """``add_account(app, name, role)`` makes an account with ``password``; returns a token."""
    return make_account


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def article() -> str:
    """An Indonesian news article that gives three takeaways."""
    return ARTICLE


@pytest.fixture
def summary(client: TestClient, article: str) -> dict[str, Any]:
    """The stored summary of ``article`` (at least two takeaways)."""
    response = client.post("/v1/summaries", json={"text": article})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert len(body["takeaways"]) >= 2
    return body
