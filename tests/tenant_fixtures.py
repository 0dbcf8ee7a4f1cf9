"""Two publishers on one app, for the tenant isolation and publisher tests: A owns a
summary, a report, a key and a webhook endpoint; B has a key, a reviewer and an admin.

Each test that takes ``world`` runs on SQLite and on PostgreSQL (a private schema).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app_fixtures import ARTICLE, PASSWORD
from intisari.storage.accounts import create_account, mint_token
from postgres_schema import private_schema

__all__ = ["World", "bearer", "make_world", "staff_token", "world"]

#: Settings of the apps here: loopback allowed for webhook URLs, and a delivery thread
#: that stays idle (the webhook tests run their own).
APP_SETTINGS: dict[str, Any] = {
    "fetch_allow_networks": ("127.0.0.0/8",),
    "webhook_poll_s": 3600.0,
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def staff_token(app: FastAPI, name: str, role: str, publisher_id: int | None) -> str:
    """An account of ``role`` (a newsroom's when ``publisher_id`` is set); its token."""
    with app.state.intisari.sessions() as session:
        account = create_account(session, name, PASSWORD, role)
        account.publisher_id = publisher_id
        session.commit()
        return mint_token(session, account)


@dataclass
class World:
    client: TestClient
    #: The instance's admin (no publisher).
    root: dict[str, str]
    a: int
    b: int
    a_key: dict[str, str]
    b_key: dict[str, str]
    a_key_id: int
    b_key_id: int
    #: B's newsroom accounts.
    b_reviewer: dict[str, str]
    b_admin: dict[str, str]
    a_admin: dict[str, str]
    a_summary: str
    a_report: int
    a_endpoint: int

    @property
    def app(self) -> FastAPI:
        return self.client.app  # type: ignore[return-value]

    def b_attackers(self) -> list[tuple[str, dict[str, str]]]:
        """B's key and B's staff: each must be refused A's objects."""
        return [("b-key", self.b_key), ("b-reviewer", self.b_reviewer), ("b-admin", self.b_admin)]


def make_world(client: TestClient) -> World:
    app: FastAPI = client.app  # type: ignore[assignment]
    root = bearer(staff_token(app, "root", "admin", None))

    def publisher(slug: str) -> int:
        made = client.post("/v1/publishers", json={"slug": slug, "name": slug}, headers=root)
        assert made.status_code == 201, made.text
        return int(made.json()["id"])

    def key(publisher_id: int) -> tuple[int, dict[str, str]]:
        made = client.post(
            f"/v1/publishers/{publisher_id}/keys", json={"label": "cms"}, headers=root
        )
        assert made.status_code == 201, made.text
        return made.json()["id"], bearer(made.json()["key"])

    a, b = publisher("harian-a"), publisher("harian-b")
    (a_key_id, a_key), (b_key_id, b_key) = key(a), key(b)
    summary = client.post("/v1/summaries", json={"text": ARTICLE}, headers=a_key)
    assert summary.status_code == 200, summary.text
    a_summary = summary.json()["summary_id"]
    report = client.post(
        f"/v1/summaries/{a_summary}/reports",
        json={"takeaway_index": 0, "category": "inaccurate"},
        headers=a_key,
    )
    assert report.status_code == 201, report.text
    endpoint = client.post(
        f"/v1/publishers/{a}/webhooks",
        json={"url": "http://127.0.0.1:9/hook", "events": ["report.filed"]},
        headers=root,
    )
    assert endpoint.status_code == 201, endpoint.text
    return World(
        client=client, root=root, a=a, b=b, a_key=a_key, b_key=b_key,
        a_key_id=a_key_id, b_key_id=b_key_id,
        b_reviewer=bearer(staff_token(app, "b-rev", "reviewer", b)),
        b_admin=bearer(staff_token(app, "b-admin", "admin", b)),
        a_admin=bearer(staff_token(app, "a-admin", "admin", a)),
        a_summary=a_summary, a_report=report.json()["id"], a_endpoint=endpoint.json()["id"],
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(
    request: pytest.FixtureRequest, make_client: Callable[..., TestClient]
) -> Iterator[World]:
    """``make_world`` on a fresh SQLite file, then on a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield make_world(make_client(**APP_SETTINGS))
        return
    with private_schema("intisari_tenants") as url:
        client = make_client(database_url=url, **APP_SETTINGS)
        yield make_world(client)
        client.__exit__(None, None, None)  # its connections close before the schema goes
