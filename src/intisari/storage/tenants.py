"""Publishers' rows: the publishers themselves, their API keys, the daily quota counter
and the webhook outbox.

Used by ``service/publishers.py`` and ``service/webhooks.py`` (and ``intisari publisher``).
Functions that change rows say whether they commit: the outbox is written in the
caller's transaction, so ``add_event`` never commits.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Engine, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from intisari.storage.models import (
    Publisher,
    PublisherKey,
    PublisherUsage,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    utcnow,
)

__all__ = [
    "KEY_PREFIX",
    "KeyRef",
    "add_endpoint",
    "add_event",
    "add_once_event",
    "charge",
    "claim_due",
    "create_publisher",
    "delete_endpoint",
    "deliveries_of",
    "endpoints_of",
    "get_delivery",
    "get_endpoint",
    "get_key",
    "get_publisher",
    "get_publisher_by_slug",
    "key_for",
    "key_hash",
    "keys_of",
    "list_publishers",
    "mint_key",
    "refund",
    "revoke_key",
    "usage_on",
]

#: Publisher keys start with this, so the auth code tells them from account tokens
#: (``isk_``) without a query, and secret scanners recognize a leaked one.
KEY_PREFIX = "ipk_"
#: 32 random bytes: 256 bits, beyond guessing (a plain SHA-256 is enough, as for tokens).
KEY_BYTES = 32
#: Characters of a key kept readable (``ipk_`` and four more) to tell keys apart in lists.
KEY_HINT_CHARS = 8
#: ``last_used_at`` is written at most this often per key: it answers "is this key still
#: in use?", and a write on every request would double the cost of a cached summary.
LAST_USED_RESOLUTION_S = 300


# Publishers ---------------------------------------------------------------------------


def create_publisher(session: Session, slug: str, name: str) -> Publisher:
    """A new publisher (``auto`` publish mode, no origins, no quota); commits."""
    publisher = Publisher(
        slug=slug, name=name, publish_mode="auto", allowed_origins=[], notices={}
    )
    session.add(publisher)
    session.commit()
    return publisher


def get_publisher(session: Session, publisher_id: int) -> Publisher | None:
    return session.get(Publisher, publisher_id)


def get_publisher_by_slug(session: Session, slug: str) -> Publisher | None:
    return session.scalar(select(Publisher).where(Publisher.slug == slug))


def list_publishers(session: Session, publisher_id: int | None = None) -> list[Publisher]:
    """Every publisher by id, or only ``publisher_id``'s."""
    query = select(Publisher).order_by(Publisher.id)
    if publisher_id is not None:
        query = query.where(Publisher.id == publisher_id)
    return list(session.scalars(query))


# Keys ---------------------------------------------------------------------------------


def mint_key(session: Session, publisher: Publisher, label: str) -> tuple[PublisherKey, str]:
    """A new key of ``publisher``: the row and the key itself (shown once); commits."""
    key = KEY_PREFIX + secrets.token_urlsafe(KEY_BYTES)
    row = PublisherKey(
        publisher_id=publisher.id, label=label, key_hash=key_hash(key),
        hint=key[:KEY_HINT_CHARS],
    )
    session.add(row)
    session.commit()
    return row, key


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class KeyRef(NamedTuple):
    """What a request needs of a live key: its id, its publisher and its label."""

    id: int
    publisher_id: int
    label: str


#: Built once (a statement costs more to build than to run on SQLite).
_FIND_KEY = select(
    PublisherKey.id, PublisherKey.publisher_id, PublisherKey.label, PublisherKey.last_used_at
).where(PublisherKey.key_hash == bindparam("hash"), PublisherKey.revoked_at.is_(None))
_TOUCH_KEY = (
    update(PublisherKey)
    .where(PublisherKey.id == bindparam("key_id"))
    .values(last_used_at=bindparam("now"))
)


def key_for(engine: Engine, key: str) -> KeyRef | None:
    """The live (not revoked) key ``key``, or None: one prepared query on a bare
    connection, plus a write of ``last_used_at`` when the stored one is stale."""
    with engine.connect() as connection:
        row = connection.execute(_FIND_KEY, {"hash": key_hash(key)}).first()
        if row is None:
            return None
        now = utcnow()
        last = row.last_used_at  # aware on both databases (``UTCDateTime``)
        if last is None or now - last > timedelta(seconds=LAST_USED_RESOLUTION_S):
            connection.execute(_TOUCH_KEY, {"key_id": row.id, "now": now})
            connection.commit()
    return KeyRef(row.id, row.publisher_id, row.label)


# The daily quota ----------------------------------------------------------------------


def charge(session: Session, publisher_id: int, day: date, quota: int | None) -> int | None:
    """Count one summary for ``publisher_id`` on ``day``: the new count, or None when the
    count is at ``quota`` already (nothing counted). Commits.

    One statement, ``INSERT ... ON CONFLICT DO UPDATE SET count = count + 1 WHERE count <
    quota RETURNING count``, on SQLite and PostgreSQL alike: the database adds under its
    own row lock, so concurrent requests lose no count and never pass the quota.
    """
    if quota is not None and quota <= 0:
        return None
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(PublisherUsage).values(publisher_id=publisher_id, day=day, count=1)
    where = None if quota is None else PublisherUsage.count < quota
    upsert = statement.on_conflict_do_update(
        index_elements=[PublisherUsage.publisher_id, PublisherUsage.day],
        set_={"count": PublisherUsage.count + 1},
        where=where,
    ).returning(PublisherUsage.count)
    count = session.scalar(upsert)
    session.commit()
    return count


def refund(session: Session, publisher_id: int, day: date) -> None:
    """Take back one summary counted for ``publisher_id`` on ``day`` (never below 0).
    Commits."""
    session.execute(
        update(PublisherUsage)
        .where(PublisherUsage.publisher_id == publisher_id, PublisherUsage.day == day,
               PublisherUsage.count > 0)
        .values(count=PublisherUsage.count - 1)
    )
    session.commit()


def usage_on(session: Session, publisher_id: int, day: date) -> int:
    """Summaries counted for ``publisher_id`` on ``day``."""
    row = session.get(PublisherUsage, (publisher_id, day))
    return 0 if row is None else row.count


# The webhook outbox -------------------------------------------------------------------


def add_event(
    session: Session,
    publisher_id: int,
    event: str,
    data: dict[str, Any],
    once_key: str | None = None,
) -> WebhookEvent | None:
    """Queue ``event`` for each of the publisher's endpoints that wants it, in the
    caller's transaction (no commit); None when no endpoint wants it (nothing written).
    A ``once_key`` already used makes the flush raise ``IntegrityError``."""
    endpoints = [
        endpoint
        for endpoint in session.scalars(
            select(WebhookEndpoint).where(WebhookEndpoint.publisher_id == publisher_id)
        )
        if event in endpoint.events
    ]
    if not endpoints:
        return None
    row = WebhookEvent(publisher_id=publisher_id, event=event, data=data, once_key=once_key)
    session.add(row)
    session.flush()
    session.execute(
        insert(WebhookDelivery),
        [
            {
                "event_id": row.id, "endpoint_id": endpoint.id, "status": "pending",
                "attempts": 0, "next_attempt_at": row.created_at, "created_at": row.created_at,
            }
            for endpoint in endpoints
        ],
    )
    return row


def add_once_event(
    session: Session, publisher_id: int, event: str, data: dict[str, Any], once_key: str
) -> bool:
    """``add_event`` at most once per ``once_key``, committed: False if nothing was
    queued (no endpoint wants it, or a concurrent request queued it first). One query
    when no endpoint wants it, the common case."""
    try:
        if add_event(session, publisher_id, event, data, once_key) is None:
            return False
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True


def claim_due(session: Session, now: datetime, lease_s: float, limit: int) -> list[int]:
    """Ids of deliveries due now, each leased to this caller for ``lease_s`` seconds
    (its ``next_attempt_at`` moved on by a conditional update only one worker wins), so
    several server processes never post the same delivery at once. Commits.

    Taken in turns across publishers (each one's longest due first, then each one's
    second...): in due order alone, one publisher's burst to endpoints that never answer
    took every place of poll after poll, and another publisher's delivery waited 43-49 s
    (a security trial)."""
    turn = func.row_number().over(
        partition_by=WebhookEndpoint.publisher_id, order_by=WebhookDelivery.next_attempt_at
    )
    ranked = (
        select(WebhookDelivery.id, WebhookDelivery.next_attempt_at, turn.label("turn"))
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
        .subquery()
    )
    due = session.execute(
        select(ranked.c.id, ranked.c.next_attempt_at)
        .order_by(ranked.c.turn, ranked.c.next_attempt_at)
        .limit(limit)
    ).all()
    claimed = []
    lease_until = now + timedelta(seconds=lease_s)
    for delivery_id, due_at in due:
        won = session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id, WebhookDelivery.next_attempt_at == due_at)
            .values(next_attempt_at=lease_until)
            .execution_options(synchronize_session=False)
        )
        if getattr(won, "rowcount", 0) == 1:
            claimed.append(delivery_id)
    session.commit()
    return claimed


def deliveries_of(
    session: Session, endpoint_id: int, limit: int, offset: int = 0
) -> list[WebhookDelivery]:
    """The delivery log of one endpoint, newest first, each with its event."""
    query = (
        select(WebhookDelivery)
        .options(selectinload(WebhookDelivery.event))
        .where(WebhookDelivery.endpoint_id == endpoint_id)
        .order_by(WebhookDelivery.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query))


def keys_of(session: Session, publisher_id: int) -> list[PublisherKey]:
    """A publisher's keys, revoked ones too, oldest first."""
    query = select(PublisherKey).where(PublisherKey.publisher_id == publisher_id)
    return list(session.scalars(query.order_by(PublisherKey.id)))


def get_key(session: Session, key_id: int) -> PublisherKey | None:
    return session.get(PublisherKey, key_id)


def revoke_key(session: Session, key: PublisherKey) -> None:
    """Revoke ``key`` now (kept, marked, so the list shows when); commits."""
    key.revoked_at = utcnow()
    session.commit()


def add_endpoint(
    session: Session, publisher_id: int, url: str, events: list[str], secret: str
) -> WebhookEndpoint:
    """A new webhook endpoint; commits."""
    endpoint = WebhookEndpoint(publisher_id=publisher_id, url=url, events=events, secret=secret)
    session.add(endpoint)
    session.commit()
    return endpoint


def endpoints_of(session: Session, publisher_id: int) -> list[WebhookEndpoint]:
    query = select(WebhookEndpoint).where(WebhookEndpoint.publisher_id == publisher_id)
    return list(session.scalars(query.order_by(WebhookEndpoint.id)))


def get_endpoint(session: Session, endpoint_id: int) -> WebhookEndpoint | None:
    return session.get(WebhookEndpoint, endpoint_id)


def delete_endpoint(session: Session, endpoint: WebhookEndpoint) -> None:
    """Delete an endpoint and its delivery log; commits."""
    session.delete(endpoint)
    session.commit()


def get_delivery(session: Session, delivery_id: int) -> WebhookDelivery | None:
    query = (
        select(WebhookDelivery)
        .options(selectinload(WebhookDelivery.event), selectinload(WebhookDelivery.endpoint))
        .where(WebhookDelivery.id == delivery_id)
    )
    return session.scalar(query)
