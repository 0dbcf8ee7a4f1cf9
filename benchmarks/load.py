"""Bounded load test of the service on 127.0.0.1: requests/s, p50/p99 latency, errors.

Starts ``intisari serve`` in a subprocess on a fresh SQLite file (or, with ``--postgres``,
on a private schema of the local PostgreSQL), drives it for a fixed time per scenario
with an asyncio httpx client, stops it, and prints one table:

- ``healthz``: ``GET /healthz``, the stack's own ceiling on this machine right now; the
  other rows are also given as a ratio to it, which is steadier than the raw figure on a
  shared, loaded machine;
- ``cached``: ``POST /v1/summaries`` of an article already stored (``X-Intisari-Cache:
  hit`` is required, anything else counts as an error);
- ``uncached``: ``POST /v1/summaries`` of a new text every time (the engine runs);
- ``reports``: ``POST /v1/summaries/{id}/reports``; afterwards the reports in the database
  are counted and must equal the 201 answers.

Rate limits are off for the run (settings), and each report comes from its own client (as
a trusted proxy would name it) so none is merged as a duplicate. The server only ever
listens on 127.0.0.1 and the client only ever talks to it; every scenario stops by itself.
The client shares the machine's cores with the server, so the figures are a floor.

    .venv/bin/python benchmarks/load.py                  # SQLite, 10 s per scenario
    .venv/bin/python benchmarks/load.py --postgres       # the same on PostgreSQL
    .venv/bin/python benchmarks/load.py --duration 5 --concurrency 16
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
from sqlalchemy import create_engine, text

#: The only address this script talks to: a load test must never leave the machine.
HOST = "127.0.0.1"
POSTGRES_URL = os.environ.get(
    "INTISARI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
#: Targets of issue 6 on a 2-core machine.
TARGET_CACHED_RPS = 500
TARGET_UNCACHED_RPS = 200
TARGET_P99_MS = 100
#: Seconds to let the server settle (imports, first requests) before measuring.
WARMUP_S = 2.0
#: Seconds the server may take to start on a loaded machine.
START_TIMEOUT_S = 60

ARTICLE = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. "
    "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk. "
    "Warga menyambut baik pembangunan jalur yang dilengkapi lampu penerangan dan rambu. "
    "Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama. "
    "Anggaran pembangunan jalur mencapai empat miliar rupiah dari dana daerah."
)
CATEGORIES = ("inaccurate", "misleading", "missing-context", "offensive", "other")


@dataclass
class Result:
    """What one scenario measured."""

    name: str
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    created: int = 0  # 201 answers (reports)
    server_cpu_s: float = 0.0  # CPU time the server process(es) used during the scenario

    @property
    def rps(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_s / max(1, len(self.latencies_ms))

    def percentile(self, p: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]


# A request maker: given the client and a running number, send one request and say
# whether its answer is the expected one (and whether it created a report).
Request = Callable[[httpx.AsyncClient, int], Awaitable[tuple[bool, bool]]]


async def drive(name: str, request: Request, duration: float, concurrency: int,
                base_url: str) -> Result:
    """``concurrency`` workers send requests back to back for ``duration`` seconds."""
    result = Result(name)
    counter = itertools.count()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
        deadline = time.perf_counter() + duration

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    ok, created = await request(client, next(counter))
                except httpx.HTTPError:
                    ok, created = False, False
                result.latencies_ms.append((time.perf_counter() - started) * 1000)
                result.errors += not ok
                result.created += created

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    return result


def scenarios(summary_id: str) -> dict[str, Request]:
    async def healthz(client: httpx.AsyncClient, n: int) -> tuple[bool, bool]:
        response = await client.get("/healthz")
        return response.status_code == 200, False

    async def cached(client: httpx.AsyncClient, n: int) -> tuple[bool, bool]:
        response = await client.post("/v1/summaries", json={"text": ARTICLE})
        return response.headers.get("x-intisari-cache") == "hit", False

    run = secrets.token_hex(4)  # New texts even when the database is reused.

    async def uncached(client: httpx.AsyncClient, n: int) -> tuple[bool, bool]:
        article = f"Laporan {run} nomor {n} dari Bandung. {ARTICLE}"
        response = await client.post("/v1/summaries", json={"text": article})
        return response.status_code == 200 and response.headers.get(
            "x-intisari-cache") == "miss", False

    async def reports(client: httpx.AsyncClient, n: int) -> tuple[bool, bool]:
        response = await client.post(
            f"/v1/summaries/{summary_id}/reports",
            json={"takeaway_index": n % 2, "category": CATEGORIES[n % 5], "comment": f"load {n}"},
            headers={"X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"},
        )
        return response.status_code == 201, response.status_code == 201

    return {"healthz": healthz, "cached": cached, "uncached": uncached, "reports": reports}


def start_server(database_url: str, workers: int, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "INTISARI_DATABASE_URL": database_url,
        "INTISARI_SECRET_KEY": "load-test",
        "INTISARI_WORKERS": str(workers),
        "INTISARI_SUMMARIES_PER_CLIENT_PER_MINUTE": "0",
        "INTISARI_REPORTS_PER_CLIENT_PER_HOUR": "0",
        "INTISARI_REPORTS_PER_SUMMARY_PER_HOUR": "0",
        "INTISARI_TRUST_FORWARDED_FOR": "true",
        # A burst of reports would otherwise hide the summary after 3; hiding changes
        # nothing for reports, but keeps the run's data plain.
        "INTISARI_AUTO_HIDE_OPEN_REPORTS": "1000000000",
    }
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "intisari", "serve", "--host", HOST, "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    base_url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return process, base_url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"server did not start:\n{log.read_text()[-2000:]}")


def server_cpu_s(pid: int) -> float:
    """CPU seconds used so far by the server and its worker processes.

    Unlike requests/s, CPU per request hardly depends on how busy the machine is, so it
    says what the server costs even when other work shares the cores.
    """
    process = psutil.Process(pid)
    total = 0.0
    for member in (process, *process.children(recursive=True)):
        times = member.cpu_times()
        total += times.user + times.system
    return total


def count_reports(database_url: str) -> int:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        count: int = connection.execute(text("SELECT count(*) FROM reports")).scalar_one()
    engine.dispose()
    return count


def run(database_url: str, duration: float, concurrency: int, workers: int,
        log: Path) -> int:
    process, base_url = start_server(database_url, workers, log)
    try:
        created = httpx.post(f"{base_url}/v1/summaries", json={"text": ARTICLE}, timeout=60)
        created.raise_for_status()
        summary_id = created.json()["summary_id"]
        requests = scenarios(summary_id)
        asyncio.run(drive("warm-up", requests["cached"], WARMUP_S, concurrency, base_url))
        load_before = os.getloadavg()
        results = []
        for name, request in requests.items():
            cpu_before = server_cpu_s(process.pid)
            result = asyncio.run(drive(name, request, duration, concurrency, base_url))
            result.server_cpu_s = server_cpu_s(process.pid) - cpu_before
            results.append(result)
        load_after = os.getloadavg()
        if process.poll() is not None:
            raise SystemExit(f"the server died during the run:\n{log.read_text()[-3000:]}")
    finally:
        process.terminate()
        process.wait(timeout=30)
    stored = count_reports(database_url)
    return report(results, stored, load_before, load_after)


def report(results: list[Result], stored: int, load_before: tuple[float, ...],
           load_after: tuple[float, ...]) -> int:
    """Print the table and the verdicts; the exit status is 1 if a target is missed."""
    baseline = results[0].rps or 1.0
    print(f"{'scenario':10} {'requests':>9} {'req/s':>8} {'vs healthz':>10} "
          f"{'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'server CPU ms/req':>18}")
    for r in results:
        print(f"{r.name:10} {len(r.latencies_ms):9d} {r.rps:8.1f} {r.rps / baseline:10.2f} "
              f"{r.percentile(50):8.1f} {r.percentile(99):8.1f} {r.errors:7d} "
              f"{r.cpu_ms_per_request:18.2f}")
    by_name = {r.name: r for r in results}
    reports = by_name["reports"]
    print(f"\nreports answered 201: {reports.created}; reports in the database: {stored}")
    print(f"load average (1, 5, 15 min) before: {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f}; after: {load_after[0]:.2f} {load_after[1]:.2f} "
          f"{load_after[2]:.2f}; cores: {os.cpu_count()}")
    checks = {
        f"cached >= {TARGET_CACHED_RPS} req/s": by_name["cached"].rps >= TARGET_CACHED_RPS,
        f"uncached >= {TARGET_UNCACHED_RPS} req/s":
            by_name["uncached"].rps >= TARGET_UNCACHED_RPS,
        f"p99 < {TARGET_P99_MS} ms (cached, uncached, reports)": all(
            by_name[n].percentile(99) < TARGET_P99_MS for n in ("cached", "uncached", "reports")
        ),
        "zero errors": all(r.errors == 0 for r in results),
        "every 201 report is in the database": stored == reports.created,
    }
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'MISS'}  {name}")
    return 0 if all(checks.values()) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0,
                        help="seconds per scenario (default 10)")
    parser.add_argument("--concurrency", type=int, default=32,
                        help="requests in flight at once (default 32)")
    parser.add_argument("--workers", type=int, default=1,
                        help="uvicorn worker processes (default 1)")
    parser.add_argument("--postgres", action="store_true",
                        help="use a private schema of the local PostgreSQL instead of SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="intisari-load-") as tmp:
        log = Path(tmp) / "server.log"
        if not args.postgres:
            url = f"sqlite:///{Path(tmp) / 'intisari.db'}"
            return run(url, args.duration, args.concurrency, args.workers, log)
        schema = f"intisari_load_{os.getpid()}_{secrets.token_hex(4)}"
        admin = create_engine(POSTGRES_URL)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
            return run(url, args.duration, args.concurrency, args.workers, log)
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
