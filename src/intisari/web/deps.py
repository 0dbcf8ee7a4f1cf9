"""What a request handler needs: the app's state, a database session, the client's identity.

The API and the pages both take these as FastAPI dependencies, e.g.::

    @router.get("/a/{summary_id}")
    def article(summary_id: str, session: Annotated[Session, Depends(db_session)]): ...
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from intisari.options import Options
from intisari.settings import Settings
from intisari.service.bodies import BodyCache
from intisari.service.engine_pool import EnginePool
from intisari.web.metrics import Metrics
from intisari.web.security import (
    CsrfTokens,
    RateLimiter,
    client_address,
    client_group,
    client_hash,
)

__all__ = [
    "ApiError",
    "AppState",
    "Client",
    "app_state",
    "db_session",
    "fetch_slot",
    "rate_limit",
    "request_client",
]

#: Seconds a client is told to wait after 503 ``fetch-busy``: a fetch takes at most 10 s.
FETCH_RETRY_AFTER_S = 5


class ApiError(HTTPException):
    """An HTTP error with a stable machine-readable ``code`` (e.g. the engine's)."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, detail=message, headers=headers)
        self.code = code


@dataclass(frozen=True)
class AppState:
    """Everything one app instance holds, at ``app.state.intisari``."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    limiter: RateLimiter
    metrics: Metrics
    csrf: CsrfTokens
    #: Signs cookies and keys client hashes (``Settings.secret_key`` or the instance's own).
    secret: str
    #: The engine's options, with the service's URL-fetching policy.
    options: Options
    #: JSON bodies of visible summaries, serialized once (``service/bodies.py``).
    bodies: BodyCache
    #: The engine's worker processes (``service/engine_pool.py``).
    engine_pool: EnginePool
    #: One slot per URL being fetched (``Settings.fetch_max_concurrent``).
    fetch_slots: threading.BoundedSemaphore


async def app_state(request: Request) -> AppState:
    """(``async``, like ``request_client``: no I/O, so no trip through the threadpool.)"""
    state: AppState = request.app.state.intisari
    return state


def db_session(state: Annotated[AppState, Depends(app_state)]) -> Iterator[Session]:
    """One session per request, closed (and rolled back if uncommitted) afterwards."""
    with state.sessions() as session:
        yield session


@dataclass(frozen=True)
class Client:
    """The caller as the rate limits and duplicate merging see it."""

    #: The address, or for IPv6 its network (``Settings.ipv6_client_prefix``).
    address: str
    #: Keyed hash of the address: what is stored with a report.
    hash: str


async def request_client(
    request: Request, state: Annotated[AppState, Depends(app_state)]
) -> Client:
    address = client_address(request, state.settings.trust_forwarded_for)
    address = client_group(address, state.settings.ipv6_client_prefix)
    return Client(address=address, hash=client_hash(state.secret, address))


def rate_limit(state: AppState, key: str, limit: int, window_s: int) -> None:
    """Count one hit on ``key``; raise 429 with ``Retry-After`` when over ``limit``.

    ``limit`` 0 turns the limit off (a setting at 0).
    """
    if limit <= 0:
        return
    wait = state.limiter.hit(key, limit, window_s)
    if wait is not None:
        raise HTTPException(
            429, detail=f"too many requests; retry in {wait} s", headers={"Retry-After": str(wait)}
        )


@contextmanager
def fetch_slot(state: AppState, url: str | None) -> Iterator[None]:
    """Hold one of the fetch slots while ``url`` is fetched (nothing to hold without one).

    All taken: 503 ``fetch-busy`` with ``Retry-After`` at once. A fetch blocks a server
    thread for up to its deadline, so slow sites queueing for threads would otherwise
    hold up every other request (45 slow fetches made ``/healthz`` take 65 s).
    """
    if not url:
        yield
        return
    if not state.fetch_slots.acquire(blocking=False):
        raise ApiError(
            503,
            "fetch-busy",
            f"too many pages are being fetched; retry in {FETCH_RETRY_AFTER_S} s",
            headers={"Retry-After": str(FETCH_RETRY_AFTER_S)},
        )
    try:
        yield
    finally:
        state.fetch_slots.release()
