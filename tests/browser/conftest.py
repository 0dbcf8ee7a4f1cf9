"""A real server and Debian's chromium for the browser tests.

The app runs under uvicorn in a background thread, on a free port of 127.0.0.1 and a
throwaway SQLite file, exactly as ``intisari serve`` runs it. Chromium is Debian's
(``apt-get install chromium``; CI's ``.ci/run`` installs it): Playwright never downloads a
browser here. Screenshots go to ``test-artifacts/`` (gitignored) for people to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from intisari.settings import Settings
from intisari.storage.accounts import create_account
from intisari.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE_ARTICLE = ROOT.parent / "shared" / "examples" / "kremlin-nato-troops.id.txt"
FALLBACK_ARTICLE = "\n\n".join(
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
#: Flags for a headless chromium in a container that must not phone home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REVIEWER, PASSWORD = "rina", "correct horse battery"
#: Seconds to wait for uvicorn to accept connections before giving up.
STARTUP_TIMEOUT_S = 20


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running app with one reviewer account."""
    database = tmp_path_factory.mktemp("browser") / "intisari.db"
    # Auto-hiding is pushed out of reach: these tests report several bullets of one summary.
    settings = Settings(database_url=f"sqlite:///{database}", auto_hide_open_reports=1000)
    app = create_app(settings)
    with app.state.intisari.sessions() as session:
        create_account(session, REVIEWER, PASSWORD, "reviewer")
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
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser context (no cookies) whose page fails the test on CSP violations."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not violations, violations


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path]:
    """Saves a full-page screenshot as ``test-artifacts/<name>.png``."""

    def save(page: Page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture(scope="module")
def reviewer() -> tuple[str, str]:
    """Name and password of the reviewer account of ``base_url``'s app."""
    return REVIEWER, PASSWORD


@pytest.fixture(scope="module")
def article_text() -> str:
    """The example article of ``../shared``, or a short one of our own when it is absent."""
    if EXAMPLE_ARTICLE.exists():
        return EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    return FALLBACK_ARTICLE
