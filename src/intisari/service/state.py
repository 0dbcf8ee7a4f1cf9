"""What the service holds for one running instance, and who is asking.

``ServiceState`` is everything the service's functions need (database, engine workers,
rate limits, metrics, settings); the web app's ``AppState`` extends it with what only a
browser needs (CSRF tokens, the cookie secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from prometheus_client import Counter
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from intisari.options import Options
from intisari.service.bodies import BodyCache
from intisari.service.engine_pool import EnginePool
from intisari.service.fetch_slots import FetchSlots
from intisari.settings import Settings

__all__ = ["Client", "RateLimiter", "ServiceMetrics", "ServiceState"]


class RateLimiter(Protocol):
    """Fixed-window counters: at most ``limit`` hits per key in each ``window_s`` window."""

    def hit(self, key: str, limit: int, window_s: int) -> int | None:
        """Count one hit; None if allowed, else the seconds until the window resets."""
        ...


class ServiceMetrics(Protocol):
    """The counters the service updates (``web/metrics.py`` makes and exports them)."""

    summaries_served: Counter
    cache_hits: Counter
    boxes_remade: Counter
    reports: Counter
    statements_checked: Counter


@dataclass(frozen=True)
class Client:
    """The caller as the rate limits and duplicate merging see it."""

    #: The address, or for IPv6 its network (``Settings.ipv6_client_prefix``).
    address: str
    #: Keyed hash of the address: what is stored with a report.
    hash: str


@dataclass(frozen=True)
class ServiceState:
    """Everything one instance of the service holds."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    limiter: RateLimiter
    metrics: ServiceMetrics
    #: The engine's options, with the service's URL-fetching policy.
    options: Options
    #: JSON bodies of visible summaries, serialized once (``service/bodies.py``).
    bodies: BodyCache
    #: The engine's worker processes (``service/engine_pool.py``).
    engine_pool: EnginePool
    #: One slot per URL being fetched (``Settings.fetch_max_concurrent``), half of them
    #: at most for one client.
    fetch_slots: FetchSlots
