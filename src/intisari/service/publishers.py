"""Publishers as tenants: who a caller acts for, what they may see, their keys, settings
and daily quota.

**Scope.** Every read or change of a summary or report goes through a *scope*: ``None``
for the instance's own staff (accounts without a publisher), who see every publisher, or
one publisher's id (its API key, its newsroom's accounts, and anonymous readers, who get
the default publisher's pages). An object outside the caller's scope is ``NotFound``, the
same answer as an id that does not exist, so no caller learns that another publisher's
summary or report exists (OWASP API1, broken object level authorization).

**Quota.** ``charge`` counts one summary against the publisher's daily quota in one
database statement (``storage.tenants.charge``). Only summaries the engine makes are
counted, not cached answers: the quota guards the engine's CPU time, the one cost a
publisher can run up (a cached answer is one indexed query, and the per-client rate
limit already bounds those).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from intisari.service.errors import Forbidden, Invalid, NotFound, RateLimited, said
from intisari.service.state import ServiceState
from intisari.storage import repository, tenants
from intisari.storage.models import (
    DEFAULT_PUBLISHER_ID,
    PUBLISH_MODES,
    Publisher,
    PublisherKey,
    Report,
    StoredSummary,
)
from intisari.storage.tenants import KEY_PREFIX, KeyRef

__all__ = [
    "ANONYMOUS_SCOPE",
    "KEY_PREFIX",
    "MAX_INT",
    "MAX_NAME_CHARS",
    "MAX_NOTICE_CHARS",
    "MAX_ORIGINS",
    "KeyRef",
    "Scope",
    "add_publisher",
    "change_settings",
    "charge",
    "find_summary_in",
    "in_scope",
    "key_for",
    "keys_of",
    "mint_key",
    "publisher_in",
    "publishers_in",
    "refund",
    "report_in",
    "revoke_key",
    "summary_in",
    "usage_today",
    "valid_origin",
]

#: ``None``: every publisher (the instance's staff); else one publisher's id.
Scope = int | None
#: What a caller without credentials sees: the instance's own reader pages.
ANONYMOUS_SCOPE: Scope = DEFAULT_PUBLISHER_ID
#: Most allowed embed origins per publisher: a CORS list longer than this is a mistake.
MAX_ORIGINS = 50
#: Longest AI notice in a publisher's words (a sentence or two, not an article).
MAX_NOTICE_CHARS = 500
#: Largest id and daily quota: PostgreSQL's INTEGER.
MAX_INT = 2**31 - 1
#: ``scheme://host[:port]`` and nothing more: what a browser sends as ``Origin``.
ORIGIN = re.compile(r"https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?")
#: A publisher's slug: lower-case letters, digits and hyphens (it appears in URLs).
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
#: A language code as the notices are keyed (``id``, ``en``, ``pt-BR``).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
#: Longest name of a publisher or label of a key (the columns' width).
MAX_NAME_CHARS = 100


def in_scope(scope: Scope, publisher_id: int) -> bool:
    return scope is None or scope == publisher_id


def summary_in(session: Session, summary_id: str, scope: Scope) -> StoredSummary:
    """The summary if ``scope`` may see it, else ``NotFound`` (as for an unknown id)."""
    summary = find_summary_in(session, summary_id, scope)
    if summary is None:
        raise NotFound(f"no summary {said(summary_id)}")
    return summary


def find_summary_in(session: Session, summary_id: str, scope: Scope) -> StoredSummary | None:
    """``summary_in`` for pages that answer a missing summary their own way."""
    summary = repository.get_summary(session, summary_id)
    if summary is None or not in_scope(scope, summary.publisher_id):
        return None
    return summary


def report_in(session: Session, report_id: int, scope: Scope) -> Report:
    """The report if its summary is in ``scope``, else ``NotFound``."""
    report = repository.get_report(session, report_id) if 0 < report_id <= MAX_INT else None
    if report is None or not in_scope(scope, report.summary.publisher_id):
        raise NotFound(f"no report {report_id}")
    return report


# Publishers and their settings ----------------------------------------------------------


def publisher_in(session: Session, publisher_id: int, scope: Scope) -> Publisher:
    """The publisher if ``scope`` covers it, else ``NotFound``."""
    valid = 0 < publisher_id <= MAX_INT
    publisher = tenants.get_publisher(session, publisher_id) if valid else None
    if publisher is None or not in_scope(scope, publisher.id):
        raise NotFound(f"no publisher {publisher_id}")
    return publisher


def publishers_in(session: Session, scope: Scope) -> list[Publisher]:
    return tenants.list_publishers(session, scope)


def add_publisher(session: Session, slug: str, name: str) -> Publisher:
    """A new publisher; ``Invalid`` for a bad or taken slug or an empty name."""
    if not SLUG.fullmatch(slug):
        raise Invalid(f"slug {said(slug)}: use 1-64 of a-z, 0-9 and '-' (not at either end)")
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise Invalid(f"name: give 1-{MAX_NAME_CHARS} characters")
    if tenants.get_publisher_by_slug(session, slug) is not None:
        raise Invalid(f"publisher {slug!r} exists already", code="exists")
    return tenants.create_publisher(session, slug, name)


def valid_origin(origin: str) -> str:
    """``origin`` if it is ``scheme://host[:port]`` (http or https), else ``Invalid``."""
    port = origin.rsplit(":", 1)[-1] if origin.count(":") >= 2 else ""
    if not ORIGIN.fullmatch(origin) or (port.isdigit() and not 0 < int(port) < 65536):
        raise Invalid(f"origin {origin!r}: give scheme://host[:port], e.g. https://news.example")
    return origin.lower()


def change_settings(
    session: Session,
    publisher: Publisher,
    changes: dict[str, Any],
    *,
    instance_staff: bool,
) -> Publisher:
    """Apply ``changes`` (``publish_mode``, ``allowed_origins``, ``notices``,
    ``daily_quota``, ``name``), all validated before any is written; commits.

    Only the instance's staff may set a quota: a newsroom's admin raising their own
    would make the quota meaningless (``Forbidden``).
    """
    if "daily_quota" in changes and not instance_staff:
        raise Forbidden("only the instance's admins set a publisher's quota")
    values: dict[str, Any] = {}
    for field, value in changes.items():
        values[field] = _checked(field, value)
    for field, value in values.items():
        setattr(publisher, field, value)
    session.commit()
    return publisher


def _checked(field: str, value: Any) -> Any:
    """One setting's value, validated (``Invalid`` with the reason)."""
    if field == "publish_mode":
        if value not in PUBLISH_MODES:
            raise Invalid(f"publish_mode: choose one of {', '.join(PUBLISH_MODES)}")
        return value
    if field == "allowed_origins":
        if not isinstance(value, list) or len(value) > MAX_ORIGINS:
            raise Invalid(f"allowed_origins: give a list of at most {MAX_ORIGINS} origins")
        return sorted({valid_origin(str(origin)) for origin in value})
    if field == "notices":
        if not isinstance(value, dict):
            raise Invalid("notices: give an object of language code to text")
        for lang, text in value.items():
            if not LANGUAGE_CODE.fullmatch(str(lang)):
                raise Invalid(f"notices: {lang!r} is not a language code (id, en, pt-BR)")
            if not isinstance(text, str) or not 0 < len(text.strip()) <= MAX_NOTICE_CHARS:
                raise Invalid(f"notices.{lang}: give 1-{MAX_NOTICE_CHARS} characters")
        return {str(lang): str(text).strip() for lang, text in value.items()}
    if field == "daily_quota":
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INT
        ):
            raise Invalid(f"daily_quota: give a whole number 0-{MAX_INT}, or null for none")
        return value
    if field == "name":
        if not isinstance(value, str) or not 0 < len(value.strip()) <= MAX_NAME_CHARS:
            raise Invalid(f"name: give 1-{MAX_NAME_CHARS} characters")
        return value.strip()
    raise Invalid(f"{field}: not a publisher setting")


# Keys ---------------------------------------------------------------------------------


def key_for(state: ServiceState, key: str) -> KeyRef | None:
    """The live key ``key`` (its publisher), or None for an unknown or revoked one."""
    return tenants.key_for(state.engine, key)


def mint_key(session: Session, publisher: Publisher, label: str) -> tuple[PublisherKey, str]:
    """A new key: the row and the key, shown this once (only its hash is kept)."""
    label = label.strip()
    if not label or len(label) > MAX_NAME_CHARS:
        raise Invalid(f"label: give 1-{MAX_NAME_CHARS} characters")
    return tenants.mint_key(session, publisher, label)


def keys_of(session: Session, publisher: Publisher) -> list[PublisherKey]:
    return tenants.keys_of(session, publisher.id)


def revoke_key(session: Session, publisher: Publisher, key_id: int) -> PublisherKey:
    """Revoke one of ``publisher``'s keys (it fails on its next request); ``NotFound`` for
    another publisher's key."""
    key = tenants.get_key(session, key_id) if 0 < key_id <= MAX_INT else None
    if key is None or key.publisher_id != publisher.id:
        raise NotFound(f"no key {key_id}")
    if key.revoked_at is None:
        tenants.revoke_key(session, key)
    return key


# The daily quota ----------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def charge(state: ServiceState, publisher_id: int) -> None:
    """Count one summary the engine is about to make for ``publisher_id``;
    ``RateLimited`` (429, ``quota-exceeded``, ``Retry-After`` until the next UTC day)
    when its daily quota is used up."""
    now = _now()
    with state.sessions() as session:
        publisher = tenants.get_publisher(session, publisher_id)
        quota = None if publisher is None else publisher.daily_quota
        count = tenants.charge(session, publisher_id, now.date(), quota)
    if count is None:
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
        raise RateLimited(
            f"the publisher's daily quota of {quota} summaries is used up; it resets at "
            "00:00 UTC",
            code="quota-exceeded",
            retry_after_s=max(1, int((tomorrow - now).total_seconds()) + 1),
        )


def refund(state: ServiceState, publisher_id: int) -> None:
    """Take back a ``charge`` when the engine made no new summary after all: it refused
    the input, or a concurrent request for the same article stored it first (50 identical
    requests at once had used 43-50 of a quota for one box, and 10 refused inputs a whole
    quota of 10: a trial on PostgreSQL). The charge comes first so that concurrent
    requests never pass the quota. (A charge made just before midnight UTC and taken back
    just after comes off the new day's count.)"""
    with state.sessions() as session:
        tenants.refund(session, publisher_id, _now().date())


def usage_today(session: Session, publisher: Publisher) -> int:
    """Summaries counted for ``publisher`` today (UTC)."""
    return tenants.usage_on(session, publisher.id, _now().date())
