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
from sqlalchemy.orm import Session
from starlette.requests import Request

from intisari.service.state import Client, ServiceState
from intisari.web.metrics import Metrics
from intisari.web.security import (
    CsrfTokens,
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
    "request_client",
]

class ApiError(HTTPException):
    """An HTTP error with a stable machine-readable ``code`` (e.g. the engine's)."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, detail=message, headers=headers)
        self.code = code


@dataclass(frozen=True)
class AppState(ServiceState):
    """Everything one app instance holds, at ``app.state.intisari``: the service's state,
    and what only browsers need."""

    #: The service's counters, and the rest of what ``/metrics`` exports.
    metrics: Metrics
    csrf: CsrfTokens
    #: Signs cookies and keys client hashes (``Settings.secret_key`` or the instance's own).
    secret: str


async def app_state(request: Request) -> AppState:
    """(``async``, like ``request_client``: no I/O, so no trip through the threadpool.)"""
    state: AppState = request.app.state.intisari
    return state


def db_session(state: Annotated[AppState, Depends(app_state)]) -> Iterator[Session]:
    """One session per request, closed (and rolled back if uncommitted) afterwards."""
    with state.sessions() as session:
        yield session


async def request_client(
    request: Request, state: Annotated[AppState, Depends(app_state)]
) -> Client:
    address = client_address(request, state.settings.trust_forwarded_for)
    address = client_group(address, state.settings.ipv6_client_prefix)
    return Client(address=address, hash=client_hash(state.secret, address))
