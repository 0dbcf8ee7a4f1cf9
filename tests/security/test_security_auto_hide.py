"""Readers' reports hide a summary only when several clients make them.

Issue 10, item 5: three reports from one anonymous client (one bullet, three categories)
reached ``INTISARI_AUTO_HIDE_OPEN_REPORTS=3`` and hid the summary for everyone. Now it
takes that many *different* clients (keyed hashes of their addresses; an IPv6 /64 is one)
with open reports from the last ``INTISARI_AUTO_HIDE_WINDOW_S``. The rule and its limits
are in SECURITY.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from intisari.storage import repository
from intisari.storage.models import utcnow


def _report(client: TestClient, summary_id: str, address: str, **body: Any) -> None:
    sent = client.post(
        f"/v1/summaries/{summary_id}/reports",
        json={"takeaway_index": 0, "category": "inaccurate", **body},
        headers={"X-Forwarded-For": address},
    )
    assert sent.status_code in (200, 201), sent.text


def _hidden(client: TestClient, summary_id: str) -> bool:
    hidden: bool = client.get(f"/v1/summaries/{summary_id}").json()["hidden"]
    return hidden


def test_one_client_cannot_hide_a_summary_alone(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(trust_forwarded_for=True)
    summary_id = summary["summary_id"]
    for category in ("inaccurate", "misleading", "offensive", "missing-context", "other"):
        for index in (0, 1, None):
            _report(client, summary_id, "203.0.113.5", takeaway_index=index, category=category)
    assert not _hidden(client, summary_id)


def test_three_different_clients_hide_it(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(trust_forwarded_for=True)
    summary_id = summary["summary_id"]
    for n, address in enumerate(("203.0.113.5", "198.51.100.7")):
        _report(client, summary_id, address, takeaway_index=n)
        assert not _hidden(client, summary_id)
    _report(client, summary_id, "192.0.2.9")
    assert _hidden(client, summary_id)


def test_addresses_of_one_ipv6_network_are_one_client(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(trust_forwarded_for=True)
    summary_id = summary["summary_id"]
    for host in range(1, 6):
        _report(client, summary_id, f"2001:db8:7:7::{host}", takeaway_index=host % 2)
    assert not _hidden(client, summary_id)


def test_reports_further_apart_than_the_window_do_not_add_up(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client()
    state = client.app.state.intisari  # type: ignore[attr-defined]
    window_s = state.settings.auto_hide_window_s
    start = utcnow() - timedelta(seconds=3 * window_s)
    with state.sessions() as session:
        stored = repository.get_summary(session, summary["summary_id"])
        for day, reporter in enumerate(("a", "b", "c")):  # one new client a window
            repository.add_report(
                session,
                stored,
                takeaway_index=0,
                category="inaccurate",
                comment=None,
                client_hash=reporter,
                duplicate_window_s=60,
                auto_hide_at=3,
                auto_hide_window_s=window_s,
                now=start + timedelta(seconds=day * (window_s + 1)),
            )
        assert not stored.hidden
