"""Crash test: SIGKILL the real server in the middle of a report storm, restart it, and
check that every report answered 201 is stored and that nothing is half-written.

The server is ``intisari serve`` in a subprocess on 127.0.0.1 (a free port;
``tests/served.py``), on an SQLite file or on a private schema of the local PostgreSQL.
Threads post reports (each with a unique comment, so each row can be matched to its
answer) and summaries; once enough are acknowledged the process is killed without
warning, then started again on the same database. Rows whose answer was lost in the kill
may exist (committed, not yet answered); an acknowledged row that is missing, or a row
that is partly written, fails the test."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from intisari.storage.accounts import create_account, mint_token
from intisari.storage.database import make_engine, make_sessions, upgrade
from postgres_schema import private_schema
from served import Server

pytestmark = pytest.mark.slow

#: Report-posting threads: more than the server's thread pool would serve at once is not
#: needed; enough that writes overlap and the kill lands inside a commit now and then.
STORM_THREADS = 6
#: Acknowledged reports to wait for before the kill; the storm goes on while it lands.
KILL_AFTER_ACKS = 60
ARTICLE = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. "
    "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk. "
    "Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama."
)
COMMENT = re.compile(r"storm-\d+-\d+-" + "x" * 200)
CATEGORIES = ("inaccurate", "misleading", "missing-context", "offensive", "other")


#: The storm must reach the database: no limits; each report comes from its own client
#: (as a trusted proxy names it), so none is merged as a repeat.
SERVER_ENV = {
    "INTISARI_SECRET_KEY": "crash-test",
    "INTISARI_SUMMARIES_PER_CLIENT_PER_MINUTE": "0",
    "INTISARI_REPORTS_PER_CLIENT_PER_HOUR": "0",
    "INTISARI_REPORTS_PER_SUMMARY_PER_HOUR": "0",
    "INTISARI_TRUST_FORWARDED_FOR": "true",
}


class Storm:
    """Threads posting reports (and a few summaries) until told to stop or refused."""

    def __init__(self, base_url: str, summary_id: str) -> None:
        self.base_url = base_url
        self.summary_id = summary_id
        self.lock = threading.Lock()
        self.reports: dict[int, dict[str, Any]] = {}  # id -> the acknowledged report
        self.summaries: dict[str, str] = {}  # summary_id -> text sent
        self.stop = threading.Event()
        self.unexpected: list[str] = []

    def run_reports(self, worker: int) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            n = 0
            while not self.stop.is_set():
                body = {
                    "takeaway_index": n % 2,
                    "category": CATEGORIES[n % len(CATEGORIES)],
                    "comment": f"storm-{worker}-{n}-" + "x" * 200,
                }
                try:
                    response = client.post(
                        f"/v1/summaries/{self.summary_id}/reports", json=body,
                        headers={"X-Forwarded-For": f"10.{worker}.{n // 256 % 256}.{n % 256}"},
                    )
                except httpx.HTTPError:
                    return  # The server is gone: this is the kill.
                if response.status_code == 201:
                    with self.lock:
                        self.reports[response.json()["id"]] = body
                else:
                    self.unexpected.append(f"{response.status_code} {response.text[:200]}")
                n += 1

    def run_summaries(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            n = 0
            while not self.stop.is_set():
                article = f"Laporan nomor {n}. {ARTICLE}"
                try:
                    response = client.post("/v1/summaries", json={"text": article})
                except httpx.HTTPError:
                    return
                if response.status_code == 200:
                    with self.lock:
                        self.summaries[response.json()["summary_id"]] = article
                else:
                    self.unexpected.append(f"{response.status_code} {response.text[:200]}")
                n += 1

    def acknowledged(self) -> int:
        with self.lock:
            return len(self.reports)


def _crash_and_check(database_url: str, tmp_path: Path) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    with make_sessions(engine)() as session:
        token = mint_token(session, create_account(session, "rina", "correct horse", "reviewer"))
    engine.dispose()
    server = Server(database_url, tmp_path / "server.log", SERVER_ENV)
    server.start()
    try:
        created = httpx.post(f"{server.url}/v1/summaries", json={"text": ARTICLE}, timeout=30)
        assert created.status_code == 200, created.text
        storm = Storm(server.url, created.json()["summary_id"])
        threads = [threading.Thread(target=storm.run_reports, args=(i,))
                   for i in range(STORM_THREADS)]
        threads.append(threading.Thread(target=storm.run_summaries))
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while storm.acknowledged() < KILL_AFTER_ACKS and time.monotonic() < deadline:
            time.sleep(0.05)
        server.kill()  # Mid-storm: requests are in flight in every thread.
        storm.stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert storm.unexpected == []
        assert storm.acknowledged() >= KILL_AFTER_ACKS

        server.start()  # Same database, same port.
        headers = {"Authorization": f"Bearer {token}"}
        stored = _all_reports(server.url, storm.summary_id, headers)
        missing = set(storm.reports) - set(stored)
        assert not missing, f"{len(missing)} acknowledged reports lost: {sorted(missing)[:10]}"
        for report_id, sent in storm.reports.items():
            row = stored[report_id]
            assert (row["comment"], row["category"], row["takeaway_index"]) == (
                sent["comment"], sent["category"], sent["takeaway_index"]
            )
        # Nothing half-written: every row, acknowledged or not, is whole.
        for row in stored.values():
            assert COMMENT.fullmatch(row["comment"]), row["comment"][:80]
            assert row["status"] == "open" and row["created_at"]
        for summary_id, article in storm.summaries.items():
            read = httpx.get(f"{server.url}/v1/summaries/{summary_id}", headers=headers)
            assert read.status_code == 200
            assert read.json()["takeaways"], summary_id
            assert read.json()["text"] in article
    finally:
        server.stop()
    _check_database(database_url)


def _all_reports(base_url: str, summary_id: str, headers: dict[str, str]) -> dict[int, Any]:
    reports: dict[int, Any] = {}
    params: dict[str, Any] = {"summary_id": summary_id, "limit": 500}
    while True:
        page = httpx.get(f"{base_url}/v1/reports", params=params, headers=headers, timeout=30)
        assert page.status_code == 200, page.text
        reports.update({row["id"]: row for row in page.json()["reports"]})
        if page.json()["next"] is None:
            return reports
        params["cursor"] = page.json()["next"]


def _check_database(database_url: str) -> None:
    """The store itself: integrity (SQLite) and every stored result readable JSON."""
    if database_url.startswith("sqlite"):
        path = database_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    engine = create_engine(database_url)
    with engine.connect() as connection:
        results = connection.execute(text("SELECT result FROM summaries")).scalars().all()
        orphans = connection.execute(text(
            "SELECT count(*) FROM reports r LEFT JOIN summaries s ON s.id = r.summary_id "
            "WHERE s.id IS NULL"
        )).scalar_one()
    engine.dispose()
    assert orphans == 0
    for result in results:
        loaded = json.loads(result) if isinstance(result, str) else result
        assert loaded["takeaways"] and loaded["text"]


def test_reports_survive_sigkill_sqlite(tmp_path: Path) -> None:
    _crash_and_check(f"sqlite:///{tmp_path / 'intisari.db'}", tmp_path)


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A private, empty schema on the local PostgreSQL (dropped afterwards)."""
    with private_schema("intisari_crash") as url:
        yield url


@pytest.mark.postgres
def test_reports_survive_sigkill_postgres(postgres_schema_url: str, tmp_path: Path) -> None:
    _crash_and_check(postgres_schema_url, tmp_path)
