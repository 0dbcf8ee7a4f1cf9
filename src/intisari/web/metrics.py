"""Prometheus metrics of one app: summaries served, cache hits, reports, statements checked,
request latency, and the LLM's requests, failures, rejected bullets, circuit breaker and
the boxes of an outage made again with it.

Each app gets its own ``CollectorRegistry`` (tests create many apps in one process, and
the global registry refuses a second metric of the same name). The LLM figures are the
engine's process-wide counters (``intisari.llm.stats``), read at each scrape.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlsplit

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intisari.service.llm_status import llm_breakers, llm_counts

__all__ = ["LlmCollector", "Metrics", "MetricsMiddleware"]

#: Latency buckets in seconds: a cached summary takes ~1 ms, an uncached one ~10-100 ms,
#: a fetched URL up to the fetch timeout (10 s).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.summaries_served = Counter(
            "intisari_summaries_served",
            "Summaries returned by the API, by how they were obtained.",
            ["source"],  # engine (computed now), cache (stored earlier), lookup (GET by id), embed
            registry=self.registry,
        )
        self.cache_hits = Counter(
            "intisari_summary_cache_hits",
            "POST /v1/summaries answered from stored summaries without running the engine.",
            registry=self.registry,
        )
        self.boxes_remade = Counter(
            "intisari_llm_boxes_remade",
            "Stored boxes made without the LLM (engine.fallback) that the engine made again "
            "with it, in place (audit action llm-retry).",
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
        self.registry.register(LlmCollector())

    def render(self) -> bytes:
        return generate_latest(self.registry)


class LlmCollector(Collector):
    """``--method llm``: what the LLM was asked, how it failed, what the checker rejected."""

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        snapshot = llm_counts()
        yield CounterMetricFamily(
            "intisari_llm_requests",
            "Requests sent to the LLM server (each retry counts).",
            value=snapshot.requests,
        )
        yield CounterMetricFamily(
            "intisari_llm_request_seconds",
            "Seconds spent waiting for the LLM server, all requests together.",
            value=snapshot.seconds,
        )
        yield _by_label(
            "intisari_llm_failures",
            "LLM requests that failed, by reason (timeout, connection, http-NNN, bad-answer), "
            "and calls the open circuit breaker refused (breaker-open).",
            "reason",
            snapshot.failures,
        )
        yield _by_label(
            "intisari_llm_bullets",
            "Bullets the LLM wrote, by verdict: accepted, or dropped as unsupported, unclear "
            "(the checker's labels), duplicate or malformed.",
            "verdict",
            snapshot.bullets,
        )
        yield _by_label(
            "intisari_llm_fallbacks",
            "Boxes written wholly by extraction because the LLM gave no usable answer, by "
            "reason.",
            "reason",
            snapshot.fallbacks,
        )
        state = GaugeMetricFamily(
            "intisari_llm_breaker_state",
            "Circuit breaker per LLM server: 0 closed, 1 half-open (one probe allowed), "
            "2 open (requests skip the LLM).",
            labels=["server"],
        )
        for url, breaker_state in sorted(llm_breakers().items()):
            state.add_metric([_server(url)], int(breaker_state))
        yield state


def _by_label(
    name: str, documentation: str, label: str, counts: dict[str, int]
) -> CounterMetricFamily:
    """One counter with a sample per value of ``label``."""
    family = CounterMetricFamily(name, documentation, labels=[label])
    for value, count in sorted(counts.items()):
        family.add_metric([value], count)
    return family


def _server(url: str) -> str:
    """A server's URL without credentials or query: safe as a label."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


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
