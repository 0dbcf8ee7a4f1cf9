"""What one request costs inside the app, without HTTP: the service's own overhead.

Drives the ASGI app in-process (httpx's ASGI transport, one request at a time) and prints,
per route, the median wall time and the CPU time per request, and their ratio to a bare
FastAPI app answering ``{}`` measured in the same run (steadier than raw figures on a
shared machine). The CPU time includes the engine's worker processes (``web/
engine_pool.py``), where uncached summaries are made. It shows where time goes before
uvicorn and the network add theirs: ``benchmarks/load.py`` measures the whole server.

    .venv/bin/python benchmarks/service_overhead.py            # SQLite in a temporary dir
    .venv/bin/python benchmarks/service_overhead.py --requests 1000
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import psutil
from fastapi import FastAPI

from intisari.settings import Settings
from intisari.storage.tenants import create_publisher, mint_key
from intisari.web.app import create_app

ARTICLE = (
    "Harga Beras Naik di Pasar Tradisional Surabaya\n\n"
    "Harga beras medium di pasar tradisional Surabaya naik menjadi Rp14.000 per kilogram "
    "pekan ini. Kenaikan itu dipicu pasokan dari sentra produksi di Jawa Timur yang "
    "berkurang setelah musim kemarau panjang.\n\n"
    "Dinas Perdagangan mencatat harga beras premium juga naik sekitar lima persen "
    "dibandingkan bulan lalu. Pedagang mengaku pembeli mulai mengurangi jumlah belanja.\n\n"
    "Pemerintah kota berencana menggelar operasi pasar di 31 kecamatan mulai Senin depan. "
    "Bulog menyiapkan 500 ton beras untuk menstabilkan harga hingga akhir tahun."
)
#: Requests before measuring: imports, first connections, caches.
WARMUP = 30

Request = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


async def _measure(app: FastAPI, send: Request, n: int) -> tuple[float, float]:
    """Median wall ms and mean CPU ms per request."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for i in range(WARMUP):
            (await send(client, -1 - i)).raise_for_status()
        walls = []
        cpu_start = _cpu_seconds()
        for i in range(n):
            start = time.perf_counter()
            response = await send(client, i)
            walls.append(time.perf_counter() - start)
            response.raise_for_status()
        cpu = (_cpu_seconds() - cpu_start) / n
    return statistics.median(walls) * 1000, cpu * 1000


def _cpu_seconds() -> float:
    """CPU time of this process and of its children (the engine's workers)."""
    me = psutil.Process()
    total = time.process_time()
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=500, help="Requests per route.")
    args = parser.parse_args()

    bare = FastAPI()

    @bare.get("/")
    async def empty() -> dict[str, str]:
        return {}

    with tempfile.TemporaryDirectory() as directory:
        settings = Settings(
            database_url=f"sqlite:///{Path(directory) / 'bench.db'}",
            secret_key="bench",
            summaries_per_client_per_minute=0,
        )
        app = create_app(settings)
        with app.state.intisari.sessions() as session:
            _row, key = mint_key(session, create_publisher(session, "bench", "Bench"), "bench")
        with_key = {"Authorization": f"Bearer {key}"}
        routes: list[tuple[str, FastAPI, Request]] = [
            ("bare FastAPI {}", bare, lambda c, i: c.get("/")),
            ("GET /healthz", app, lambda c, i: c.get("/healthz")),
            (
                "POST summary, cached",
                app,
                lambda c, i: c.post("/v1/summaries", json={"text": ARTICLE}),
            ),
            (
                "POST summary, cached, publisher key",
                app,
                lambda c, i: c.post("/v1/summaries", json={"text": ARTICLE}, headers=with_key),
            ),
            (
                "POST summary, uncached",
                app,
                lambda c, i: c.post("/v1/summaries", json={"text": f"{ARTICLE} Nomor {i}."}),
            ),
        ]
        results = [
            (name, *asyncio.run(_measure(a, send, args.requests))) for name, a, send in routes
        ]
        app.state.intisari.engine_pool.close()
        app.state.intisari.engine.dispose()

    base_wall, base_cpu = results[0][1], results[0][2]
    print(f"{'route':<36} {'p50 ms':>8} {'CPU ms':>8} {'x bare (CPU)':>13}")
    for name, wall, cpu in results:
        print(f"{name:<36} {wall:8.2f} {cpu:8.2f} {cpu / base_cpu:13.1f}")
    print(
        f"({args.requests} requests per route, sequential, client in the same process; "
        f"bare p50 {base_wall:.2f} ms)"
    )


if __name__ == "__main__":
    main()
