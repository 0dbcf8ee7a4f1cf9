"""What a request handler needs: the app's state, a database session, the client's identity.

The API and the pages both take these as FastAPI dependencies, e.g.::

    @router.get("/a/{summary_id}")
    def article(summary_id: str, session: Annotated[Session, Depends(db_session)]): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from intisari.options import Options
from intisari.settings import Settings
from intisari.web.bodies import BodyCache
from intisari.web.metrics import Metrics
from intisari.web.security import CsrfTokens, RateLimiter, client_address, client_hash

__all__ = ["AppState", "Client", "app_state", "db_session", "rate_limit", "request_client"]


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
    #: JSON bodies of visible summaries, serialized once (``web/bodies.py``).
    bodies: BodyCache


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

    address: str
    #: Keyed hash of the address: what is stored with a report.
    hash: str


async def request_client(
    request: Request, state: Annotated[AppState, Depends(app_state)]
) -> Client:
    address = client_address(request, state.settings.trust_forwarded_for)
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
