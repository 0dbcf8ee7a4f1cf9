"""Signed webhooks: a publisher's newsroom tools hear of its boxes and reports.

**Events** (``EVENTS``): ``summary.published``, ``summary.hidden``, ``summary.corrected``,
``report.filed``, ``report.confirmed``, ``summary.reordered``, ``summary.replaced``,
``summary.remade``. ``emit`` writes one row to an outbox table, plus one delivery row per
endpoint that wants the event, in the caller's session and transaction: committed with
the change it reports, or not at all. (``report.filed``, ``summary.published`` and
``summary.replaced`` are the exceptions, written right after their commit: the report's
id and whether this request stored the summary first are only known then; a crash
between the two commits loses that one event, never invents one.)

**Delivery.** ``DeliveryWorker``, a thread in each server process, polls the outbox for
due deliveries, leases each one (a conditional update only one process wins), and posts
the event's JSON to the endpoint with ``Intisari-Signature: t=<unix time>,v1=<hex
HMAC-SHA256 of "<t>.<body>" under the endpoint's secret>`` (as Stripe does; ``verify``
is the receiving side, with a tolerance on ``t`` against replays). A 2xx answer delivers
it; anything else is retried after an exponential backoff with jitter
(``INTISARI_WEBHOOK_BACKOFF_S`` x 2^(attempt-1), between half and all of it, capped at
``MAX_BACKOFF_S``) until ``INTISARI_WEBHOOK_MAX_ATTEMPTS``, then marked ``failed``. Each
attempt's status code or error is kept: the delivery log the publisher's admin reads.

**Server-side request forgery.** A publisher chooses the URL, so the server must not
become its way into the server's own network: the host is vetted when the endpoint is
made and again at every delivery, by the same address guard as URL fetching
(``INTISARI_FETCH_ALLOW_PRIVATE``, ``INTISARI_FETCH_ALLOW_NETWORKS``), and the connection
goes to the vetted address (no second resolution, so DNS rebinding does not get in);
redirects are not followed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy.orm import Session, sessionmaker

from intisari.errors import FetchError
from intisari.ingest.fetch import DEFAULT_PORTS, Deadline, vetted_address
from intisari.options import Options
from intisari.service.errors import Invalid, NotFound
from intisari.settings import Settings
from intisari.storage import tenants
from intisari.storage.models import (
    Publisher,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    utcnow,
)

__all__ = [
    "EVENTS",
    "SIGNATURE_HEADER",
    "DeliveryWorker",
    "add_endpoint",
    "deliver_due",
    "deliveries",
    "emit",
    "emit_once",
    "endpoint_in",
    "endpoints",
    "remove_endpoint",
    "sign",
    "verify",
]

logger = logging.getLogger(__name__)

#: What a publisher can subscribe to.
EVENTS = (
    "summary.published",
    "summary.hidden",
    "summary.corrected",
    "report.filed",
    "report.confirmed",
    # An editor moved the bullets of a published box: no correction (no note), but a
    # copy of the box kept elsewhere is out of order. Last: new events go at the end.
    "summary.reordered",
    # A changed article's new box took over from one a person approved or edited
    # (``data.replaced_id``; ``data.edited``: its bullets were changed): the edits are
    # not carried over, an editor may want to look again.
    "summary.replaced",
    # The engine made a published box again with the LLM, in place (same id, a new
    # ``data.revision``), since the box stored had been made without it during an outage
    # (``data.fallback``: why): no person changed it, but a copy kept elsewhere (a CMS, a
    # cache) is stale.
    "summary.remade",
)
SIGNATURE_HEADER = "Intisari-Signature"
#: Seconds a receiver should accept between ``t`` and its own clock (``verify``): clocks
#: drift, and a retry is signed afresh, so five minutes stops replays and nothing else.
DEFAULT_TOLERANCE_S = 300
#: Longest wait between two attempts: the backoff doubles up to this.
MAX_BACKOFF_S = 6 * 3600
#: Seconds a claimed delivery stays leased to one process: longer than a post may take
#: (``INTISARI_WEBHOOK_TIMEOUT_S``), so no other process posts it meanwhile.
LEASE_MARGIN_S = 30
#: Deliveries one poll takes on, posted at once, each in a thread of its own: a burst
#: drains over a few polls, and one publisher's slow endpoint holds no other publisher's
#: delivery (posted one after another, an endpoint answering a byte a second had held
#: every publisher's webhooks for 73 s: a security trial).
BATCH = 20
#: Bytes of the secret (256 bits): beyond guessing, like the API keys.
SECRET_BYTES = 32
#: Longest error text kept per attempt.
MAX_ERROR_CHARS = 300
#: Endpoints per publisher: each event is posted to each, so more is a fan-out to abuse.
MAX_ENDPOINTS = 10
#: Longest endpoint URL.
MAX_URL_CHARS = 2000


# Emitting -----------------------------------------------------------------------------


def emit(
    session: Session,
    publisher_id: int,
    event: str,
    data: dict[str, Any],
    once_key: str | None = None,
) -> WebhookEvent | None:
    """Queue ``event`` with ``data`` for ``publisher_id``'s endpoints that want it, in the
    caller's transaction: the caller's commit sends it, its rollback drops it. None (and
    nothing written) when no endpoint wants it. The editorial code calls this with
    ``summary.published`` on approval, ``summary.corrected`` on an edit of a published
    box and ``summary.reordered`` on its reorder, before its commit; the summaries' code
    with ``summary.remade``. A ``once_key`` used already fails the flush
    (``IntegrityError``), and with it the caller's change."""
    if event not in EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    return tenants.add_event(session, publisher_id, event, data, once_key)


def emit_once(
    session: Session, publisher_id: int, event: str, data: dict[str, Any], once_key: str
) -> bool:
    """``emit`` and commit, at most once per ``once_key`` (see the module's docstring)."""
    if event not in EVENTS:
        raise ValueError(f"unknown webhook event {event!r}")
    return tenants.add_once_event(session, publisher_id, event, data, once_key)


# Signing ------------------------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Intisari-Signature`` header's value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> bool:
    """Whether ``header`` signs ``body`` with ``secret`` within ``tolerance_s`` of ``now``:
    what a receiver runs (constant-time comparison; any ``v1`` may match, so a secret
    can be rotated)."""
    parts = [part.partition("=") for part in header.split(",")]
    stamps = [value for name, _, value in parts if name.strip() == "t"]
    signatures = [value.strip() for name, _, value in parts if name.strip() == "v1"]
    if len(stamps) != 1 or not stamps[0].strip().isdigit() or not signatures:
        return False
    timestamp = int(stamps[0])
    if abs((time.time() if now is None else now) - timestamp) > tolerance_s:
        return False
    expected = sign(secret, timestamp, body).partition(",v1=")[2]
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


# Endpoints ----------------------------------------------------------------------------


def add_endpoint(
    session: Session, publisher: Publisher, url: str, events: list[str], options: Options
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint of ``publisher``: the row and its signing secret (shown once).

    ``Invalid`` for an unknown event, a URL that is not http(s) with a host, or a host
    inside the server's network (the fetch guard); committed only when all is well.
    """
    unknown = [event for event in events if event not in EVENTS]
    if not events or unknown:
        raise Invalid(f"events: choose from {', '.join(EVENTS)}")
    if len(tenants.endpoints_of(session, publisher.id)) >= MAX_ENDPOINTS:
        raise Invalid(f"a publisher has at most {MAX_ENDPOINTS} webhook endpoints")
    if len(url) > MAX_URL_CHARS:
        raise Invalid(f"url: at most {MAX_URL_CHARS} characters")
    try:
        _vetted_target(url, options)
    except FetchError as error:
        raise Invalid(f"url: {error}", code="bad-webhook-url") from None
    secret = "whsec_" + secrets.token_urlsafe(SECRET_BYTES)
    endpoint = tenants.add_endpoint(session, publisher.id, url, sorted(set(events)), secret)
    return endpoint, secret


def endpoints(session: Session, publisher: Publisher) -> list[WebhookEndpoint]:
    return tenants.endpoints_of(session, publisher.id)


def endpoint_in(session: Session, publisher: Publisher, endpoint_id: int) -> WebhookEndpoint:
    """``publisher``'s endpoint, or ``NotFound`` (also for another publisher's)."""
    endpoint = tenants.get_endpoint(session, endpoint_id) if 0 < endpoint_id < 2**31 else None
    if endpoint is None or endpoint.publisher_id != publisher.id:
        raise NotFound(f"no webhook endpoint {endpoint_id}")
    return endpoint


def remove_endpoint(session: Session, endpoint: WebhookEndpoint) -> None:
    tenants.delete_endpoint(session, endpoint)


def deliveries(
    session: Session, endpoint: WebhookEndpoint, limit: int, offset: int = 0
) -> list[WebhookDelivery]:
    """The endpoint's delivery log, newest first."""
    return tenants.deliveries_of(session, endpoint.id, limit, offset)


# Delivering ---------------------------------------------------------------------------


def payload(event: WebhookEvent) -> bytes:
    """The JSON body posted for ``event`` (the same bytes on every attempt)."""
    body = {
        "id": f"evt_{event.id}",
        "type": event.event,
        "created_at": event.created_at.isoformat(),
        "publisher_id": event.publisher_id,
        "data": event.data,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode()


def backoff_s(settings: Settings, attempts: int) -> float:
    """Seconds before attempt ``attempts + 1``: exponential, with jitter so endpoints that
    failed together do not all come back at the same moment."""
    ceiling = min(MAX_BACKOFF_S, settings.webhook_backoff_s * 2 ** (attempts - 1))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def deliver_due(sessions: sessionmaker[Session], settings: Settings, options: Options) -> int:
    """Post every delivery due now (leased first); how many were tried."""
    lease_s = settings.webhook_timeout_s + LEASE_MARGIN_S
    with sessions() as session:
        claimed = tenants.claim_due(session, utcnow(), lease_s, BATCH)
    if claimed:
        with ThreadPoolExecutor(len(claimed), thread_name_prefix="webhook-post") as posts:
            attempts = [
                posts.submit(_attempt, sessions, settings, options, delivery_id)
                for delivery_id in claimed
            ]
        for attempt in attempts:
            attempt.result()  # a failure (the database away) reaches the poll's log
    return len(claimed)


def _attempt(
    sessions: sessionmaker[Session], settings: Settings, options: Options, delivery_id: int
) -> None:
    with sessions() as session:
        delivery = tenants.get_delivery(session, delivery_id)
        if delivery is None or delivery.status != "pending":
            return
        url, secret, body = delivery.endpoint.url, delivery.endpoint.secret, payload(delivery.event)
        session.rollback()  # no transaction (nor PostgreSQL connection) held while posting
        status_code, error = _post(url, secret, body, settings, options)
        now = utcnow()
        delivery.attempts += 1
        delivery.last_status_code = status_code
        delivery.last_error = error
        if error is None and status_code is not None and 200 <= status_code < 300:
            delivery.status = "delivered"
            delivery.delivered_at = now
        elif delivery.attempts >= settings.webhook_max_attempts:
            delivery.status = "failed"
        else:
            delivery.next_attempt_at = now + timedelta(
                seconds=backoff_s(settings, delivery.attempts)
            )
        session.commit()


def _vetted_target(url: str, options: Options) -> tuple[httpx.URL, str]:
    """The URL, and the vetted address to connect to (``FetchError`` when refused)."""
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchError(f"not a valid URL: {error}") from None
    if target.scheme not in DEFAULT_PORTS or not target.raw_host:
        raise FetchError("give an http or https URL with a host")
    host = target.raw_host.decode("ascii")
    address = vetted_address(host, target.port or DEFAULT_PORTS[target.scheme], options)
    return target, str(address)


def _post(
    url: str, secret: str, body: bytes, settings: Settings, options: Options
) -> tuple[int | None, str | None]:
    """Post ``body`` signed with ``secret`` to ``url``: ``(status code, None)`` or
    ``(None, error)``.

    The endpoint has ``INTISARI_WEBHOOK_TIMEOUT_S`` in all to answer (one wall clock, as
    for fetching: httpx's timeouts are per network read), and only its status counts:
    its body is never read (an endpoint answering with a compressed bomb took the server
    to 2 GB: a security trial)."""
    try:
        target, address = _vetted_target(url, options)
    except FetchError as error:
        return None, str(error)[:MAX_ERROR_CHARS]
    timeout = settings.webhook_timeout_s
    headers = {
        "Host": target.netloc.decode("ascii"),
        "Content-Type": "application/json",
        "User-Agent": "Intisari-Webhooks/1",
        SIGNATURE_HEADER: sign(secret, int(time.time()), body),
    }
    with Deadline(timeout) as deadline:
        extensions: dict[str, Any] = {"trace": deadline.trace}
        if target.scheme == "https":
            extensions["sni_hostname"] = target.raw_host.decode("ascii")
        try:
            with httpx.Client(trust_env=False, follow_redirects=False, timeout=timeout) as client:
                request = client.build_request(
                    "POST", target.copy_with(host=address), content=body, headers=headers,
                    extensions=extensions,
                )
                response = client.send(request, stream=True)
                response.close()
            answer: tuple[int | None, str | None] = (response.status_code, None)
        except httpx.HTTPError as error:
            answer = (None, f"{error.__class__.__name__}: {error}"[:MAX_ERROR_CHARS])
    # Whatever broke once the deadline passed, broke because it passed.
    return (None, f"no answer within {timeout:g} s") if deadline.passed() else answer


class DeliveryWorker:
    """A thread that delivers due webhooks every ``INTISARI_WEBHOOK_POLL_S`` seconds
    until ``stop``. A failure of one poll (the database away) is logged, not fatal.

    Startable again after ``stop``: an app's lifespan may run more than once (tests that
    enter the same app twice)."""

    def __init__(
        self, sessions: sessionmaker[Session], settings: Settings, options: Options
    ) -> None:
        self._sessions = sessions
        self._settings = settings
        self._options = options
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(self._stopping,), name="webhooks", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=self._settings.webhook_timeout_s + 5)
            self._thread = None

    def _run(self, stopping: threading.Event) -> None:
        while not stopping.wait(self._settings.webhook_poll_s):
            try:
                deliver_due(self._sessions, self._settings, self._options)
            except Exception as error:  # a bad poll must not end deliveries for good
                # One line, no traceback: formatting one parses source with ``ast`` on
                # Python 3.11, which is not safe beside another thread doing the same
                # (CPython gh-106905), and a database that is away fails every poll alike.
                reason = f"{type(error).__name__}: {error}".splitlines()[0]
                logger.warning("webhook delivery poll failed: %s", reason[:MAX_ERROR_CHARS])
