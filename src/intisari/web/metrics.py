"""Prometheus metrics of one app: summaries served, cache hits, reports, statements checked,
request latency.

Each app gets its own ``CollectorRegistry`` (tests create many apps in one process, and
the global registry refuses a second metric of the same name).
"""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Metrics", "MetricsMiddleware"]

#: Latency buckets in seconds: a cached summary takes ~1 ms, an uncached one ~10-100 ms,
#: a fetched URL up to the fetch timeout (10 s).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.summaries_served = Counter(
            "intisari_summaries_served",
            "Summaries returned by the API, by how they were obtained.",
            ["source"],  # engine (computed now), cache (stored earlier), lookup (GET by id)
            registry=self.registry,
        )
        self.cache_hits = Counter(
            "intisari_summary_cache_hits",
            "POST /v1/summaries answered from stored summaries without running the engine.",
            registry=self.registry,
        )
        self.reports = Counter(
            "intisari_reports",
            "Readers' reports received, by category; merged duplicates are counted apart.",
            ["category", "merged"],
            registry=self.registry,
        )
        self.statements_checked = Counter(
            "intisari_statements_checked",
            "Statements checked by POST /v1/verify, by the label they got.",
            ["label"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "intisari_request_duration_seconds",
            "Time to answer a request, by method, route template and status.",
            ["method", "route", "status"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Times every HTTP request; labels it by route template, not by path (bounded labels)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_recording(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self.metrics.latency.labels(scope["method"], template, str(status)).observe(
                time.perf_counter() - start
            )
