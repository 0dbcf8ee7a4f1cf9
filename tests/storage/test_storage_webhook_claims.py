"""Webhook deliveries are claimed in turns across publishers (``tenants.claim_due``), on
real SQLite and PostgreSQL."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from intisari.storage.models import WebhookDelivery, utcnow
from intisari.storage.tenants import add_endpoint, add_event, claim_due, create_publisher


def _publisher_with_due_events(session: Session, events: int) -> int:
    """A publisher (a new slug: the PostgreSQL schema is shared) with ``events`` events
    due at its one endpoint; its id."""
    publisher = create_publisher(session, f"p-{secrets.token_hex(4)}", "P").id
    add_endpoint(session, publisher, "https://cms.example/hook", ["report.filed"], "whsec_x")
    for number in range(events):
        add_event(session, publisher, "report.filed", {"n": number})
    session.commit()
    return publisher


def test_one_publishers_burst_does_not_take_every_place_of_a_poll(session: Session) -> None:
    """A security trial: one publisher's 80 deliveries to endpoints that never answer took
    poll after poll, and another's delivery waited 43-49 s."""
    _publisher_with_due_events(session, 30)
    later = _publisher_with_due_events(session, 1)
    now = utcnow()
    # The burst is older than the other publisher's one delivery.
    session.execute(update(WebhookDelivery).values(next_attempt_at=now - timedelta(minutes=5)))
    session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.endpoint.has(publisher_id=later))
        .values(next_attempt_at=now - timedelta(minutes=1))
    )
    session.commit()
    claimed = claim_due(session, now, lease_s=40, limit=10)
    assert len(claimed) == 10
    owners = set()
    for delivery_id in claimed:
        delivery = session.get(WebhookDelivery, delivery_id)
        assert delivery is not None
        owners.add(delivery.endpoint.publisher_id)
    assert later in owners
