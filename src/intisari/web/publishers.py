"""The publishers' admin routes under ``/v1/publishers``: settings, API keys, webhooks and
their delivery log.

Admins' accounts only (``roles.allows(role, "administer")``; publisher keys are 403): the
instance's admins manage every publisher, a newsroom's admin (an account with a
``publisher_id``) only their own, and any other publisher id is 404 to them, as for an id
that does not exist. Only the instance's admins add publishers or set quotas (403).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict, SkipJsonSchema
from sqlalchemy.orm import Session
from starlette.responses import Response

from intisari.service import publishers, webhooks
from intisari.service.errors import Forbidden
from intisari.service.publishers import (
    LANGUAGE_CODE,
    MAX_INT,
    MAX_NAME_CHARS,
    MAX_NOTICE_CHARS,
    MAX_ORIGINS,
    SLUG,
)
from intisari.storage.models import (
    PUBLISH_MODES,
    Publisher,
    PublisherKey,
    WebhookDelivery,
    WebhookEndpoint,
)
from intisari.web.deps import AppState, app_state, db_session
from intisari.web.docs import error_responses
from intisari.web.tenancy import Actor, require_admin

__all__ = ["router"]

#: Every route here opens the database, so each may answer 503 ``database-unavailable``
#: (``web/errors.py``) when it stops answering.
router = APIRouter(
    prefix="/v1/publishers", tags=["publishers"], responses=error_responses(503)
)

State = Annotated[AppState, Depends(app_state)]
DB = Annotated[Session, Depends(db_session)]
Admin = Annotated[Actor, Depends(require_admin)]
PublisherId = Annotated[int, Path(ge=1, le=MAX_INT)]
ObjectId = Annotated[int, Path(ge=1, le=MAX_INT)]
#: Most delivery-log entries one page returns.
MAX_DELIVERIES = 200


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The rules below that the service checks itself (``service/publishers.py``,
# ``service/webhooks.py``: a slug's form, a blank name, a publish mode, an event's name) are
# stated in the schema only (``json_schema_extra``), from the service's own constants: the
# service keeps refusing with its own message ("slug 'Bad Slug': use 1-64 of a-z, ..."),
# a 422 ``invalid-request`` as before.

#: Text with something besides spaces: the service strips names and labels, and refuses
#: what is left empty.
NOT_BLANK: JsonDict = {"minLength": 1, "pattern": r"\S"}
#: A publisher's name or a key's label (1-100 characters, not only spaces).
Name = Annotated[str, Field(max_length=MAX_NAME_CHARS, json_schema_extra=NOT_BLANK)]
#: A publisher's slug, as ``service.publishers.add_publisher`` checks it (a full match).
Slug = Annotated[
    str,
    Field(
        max_length=64,
        description="a-z, 0-9 and '-' (not at either end): used in URLs and the CLI.",
        json_schema_extra={"pattern": f"^(?:{SLUG.pattern})$"},
    ),
]
PublishMode = Annotated[str, Field(json_schema_extra={"enum": list(PUBLISH_MODES)})]
Notice = Annotated[str, Field(max_length=MAX_NOTICE_CHARS, json_schema_extra=NOT_BLANK)]
#: The AI notices by language code (``id``, ``en``, ``pt-BR``).
Notices = Annotated[
    dict[str, Notice],
    Field(json_schema_extra={"propertyNames": {"pattern": f"^(?:{LANGUAGE_CODE.pattern})$"}}),
]
Origins = Annotated[list[Annotated[str, Field(max_length=300)]], Field(max_length=MAX_ORIGINS)]
Event = Annotated[str, Field(max_length=32, json_schema_extra={"enum": list(webhooks.EVENTS)})]


class PublisherIn(_Strict):
    slug: Slug
    name: Name


class SettingsIn(_Strict):
    """Only the fields given are changed; only ``daily_quota`` may be null (no quota)."""

    # Null is left out of the others' schema (``SkipJsonSchema``) but still read, so that
    # the service refuses it with its own message.
    name: Name | SkipJsonSchema[None] = None
    publish_mode: PublishMode | SkipJsonSchema[None] = None
    allowed_origins: Origins | SkipJsonSchema[None] = Field(
        None, description="scheme://host[:port] each."
    )
    notices: Notices | SkipJsonSchema[None] = Field(
        None, description="The AI notice by language code."
    )
    daily_quota: int | None = Field(
        None,
        ge=0,
        le=MAX_INT,
        # Strict: "5", 5.0 and true are not a number of summaries (pydantic would convert).
        strict=True,
        description="Summaries per UTC day; null: none. Staff only.",
    )


class PublisherOut(BaseModel):
    id: int
    slug: str
    name: str
    publish_mode: str
    allowed_origins: list[str]
    notices: dict[str, str]
    daily_quota: int | None
    #: Summaries the engine made for it today (UTC).
    used_today: int
    created_at: datetime

    @classmethod
    def of(cls, session: Session, publisher: Publisher) -> PublisherOut:
        return cls(
            id=publisher.id, slug=publisher.slug, name=publisher.name,
            publish_mode=publisher.publish_mode, allowed_origins=publisher.allowed_origins,
            notices=publisher.notices, daily_quota=publisher.daily_quota,
            used_today=publishers.usage_today(session, publisher),
            created_at=publisher.created_at,
        )


class KeyIn(_Strict):
    label: Name


class KeyOut(BaseModel):
    id: int
    label: str
    #: The key's first characters, to tell keys apart.
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, key: PublisherKey) -> KeyOut:
        return cls.model_validate(key, from_attributes=True)


class NewKeyOut(KeyOut):
    #: The key itself: shown this once, only its hash is kept.
    key: str


class EndpointIn(_Strict):
    url: str = Field(max_length=webhooks.MAX_URL_CHARS, pattern=r"^https?://[^/?#\s]")
    events: list[Event] = Field(
        min_length=1, max_length=len(webhooks.EVENTS), description=", ".join(webhooks.EVENTS)
    )


class EndpointOut(BaseModel):
    id: int
    url: str
    events: list[str]
    created_at: datetime

    @classmethod
    def of(cls, endpoint: WebhookEndpoint) -> EndpointOut:
        return cls.model_validate(endpoint, from_attributes=True)


class NewEndpointOut(EndpointOut):
    #: Signs every post (``Intisari-Signature``): shown this once.
    secret: str


class DeliveryOut(BaseModel):
    id: int
    event_id: int
    event: str
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime
    delivered_at: datetime | None

    @classmethod
    def of(cls, delivery: WebhookDelivery) -> DeliveryOut:
        return cls(
            id=delivery.id, event_id=delivery.event_id, event=delivery.event.event,
            status=delivery.status, attempts=delivery.attempts,
            last_status_code=delivery.last_status_code, last_error=delivery.last_error,
            created_at=delivery.created_at, next_attempt_at=delivery.next_attempt_at,
            delivered_at=delivery.delivered_at,
        )


@router.get("", response_model=list[PublisherOut], responses=error_responses(403))
def list_publishers(session: DB, admin: Admin) -> list[PublisherOut]:
    """Every publisher (the instance's admins) or the admin's own."""
    return [PublisherOut.of(session, p) for p in publishers.publishers_in(session, admin.scope)]


@router.post(
    "", response_model=PublisherOut, status_code=201, responses=error_responses(403)
)
def add_publisher(body: PublisherIn, session: DB, admin: Admin) -> PublisherOut:
    """A new publisher; the instance's admins only."""
    if not admin.instance_staff:
        raise Forbidden("only the instance's admins add publishers")
    return PublisherOut.of(session, publishers.add_publisher(session, body.slug, body.name))


@router.get(
    "/{publisher_id}",
    response_model=PublisherOut,
    responses=error_responses(403, 404),
)
def read_publisher(publisher_id: PublisherId, session: DB, admin: Admin) -> PublisherOut:
    return PublisherOut.of(session, publishers.publisher_in(session, publisher_id, admin.scope))


@router.patch(
    "/{publisher_id}",
    response_model=PublisherOut,
    responses=error_responses(403, 404),
)
def change_publisher(
    publisher_id: PublisherId, body: SettingsIn, session: DB, admin: Admin
) -> PublisherOut:
    """Change settings: name, publish mode, allowed embed origins, notices, quota (staff)."""
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    changes = body.model_dump(exclude_unset=True)
    publishers.change_settings(
        session, publisher, changes, instance_staff=admin.instance_staff
    )
    return PublisherOut.of(session, publisher)


@router.get(
    "/{publisher_id}/keys",
    response_model=list[KeyOut],
    responses=error_responses(403, 404),
)
def list_keys(publisher_id: PublisherId, session: DB, admin: Admin) -> list[KeyOut]:
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    return [KeyOut.of(k) for k in publishers.keys_of(session, publisher)]


@router.post(
    "/{publisher_id}/keys",
    response_model=NewKeyOut,
    status_code=201,
    responses=error_responses(403, 404),
)
def add_key(publisher_id: PublisherId, body: KeyIn, session: DB, admin: Admin) -> NewKeyOut:
    """A new API key; the key is in this answer only."""
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    row, key = publishers.mint_key(session, publisher, body.label)
    return NewKeyOut(**KeyOut.of(row).model_dump(), key=key)


@router.delete(
    "/{publisher_id}/keys/{key_id}",
    response_model=KeyOut,
    responses=error_responses(403, 404),
)
def revoke_key(
    publisher_id: PublisherId, key_id: ObjectId, session: DB, admin: Admin
) -> KeyOut:
    """Revoke a key: refused from its next request on."""
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    return KeyOut.of(publishers.revoke_key(session, publisher, key_id))


@router.get(
    "/{publisher_id}/webhooks",
    response_model=list[EndpointOut],
    responses=error_responses(403, 404),
)
def list_endpoints(publisher_id: PublisherId, session: DB, admin: Admin) -> list[EndpointOut]:
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    return [EndpointOut.of(e) for e in webhooks.endpoints(session, publisher)]


@router.post(
    "/{publisher_id}/webhooks",
    response_model=NewEndpointOut,
    status_code=201,
    responses=error_responses(403, 404),
)
def add_endpoint(
    publisher_id: PublisherId, body: EndpointIn, state: State, session: DB, admin: Admin
) -> NewEndpointOut:
    """A new endpoint; its signing secret is in this answer only. Hosts inside the
    server's network are refused (422 ``bad-webhook-url``)."""
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    endpoint, secret = webhooks.add_endpoint(
        session, publisher, body.url, list(body.events), state.options
    )
    return NewEndpointOut(**EndpointOut.of(endpoint).model_dump(), secret=secret)


@router.delete(
    "/{publisher_id}/webhooks/{endpoint_id}",
    status_code=204,
    responses=error_responses(403, 404),
)
def remove_endpoint(
    publisher_id: PublisherId, endpoint_id: ObjectId, session: DB, admin: Admin
) -> Response:
    """Delete an endpoint and its delivery log."""
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    webhooks.remove_endpoint(session, webhooks.endpoint_in(session, publisher, endpoint_id))
    return Response(status_code=204)


@router.get(
    "/{publisher_id}/webhooks/{endpoint_id}/deliveries",
    response_model=list[DeliveryOut],
    responses=error_responses(403, 404),
)
def list_deliveries(
    publisher_id: PublisherId,
    endpoint_id: ObjectId,
    session: DB,
    admin: Admin,
    limit: Annotated[int, Query(ge=1, le=MAX_DELIVERIES)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
) -> list[DeliveryOut]:
    """The endpoint's delivery log, newest first: status, attempts, last answer or error."""
    publisher = publishers.publisher_in(session, publisher_id, admin.scope)
    endpoint = webhooks.endpoint_in(session, publisher, endpoint_id)
    return [DeliveryOut.of(d) for d in webhooks.deliveries(session, endpoint, limit, offset)]

