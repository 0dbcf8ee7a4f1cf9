"""Publishers (tenants) as the embed needs them: made with their allowed origins, found by
slug, and the box a publisher stored for one of its articles.

The tenants' admin routes and CLI manage publishers for people; this module is the one
place that writes a publisher row, so the tests' fixtures and those tools make the same
row.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from intisari.storage.models import PUBLISH_MODES, Publisher, StoredSummary

__all__ = ["SLUG", "create_publisher", "publisher_by_slug", "publisher_summary"]

#: A publisher's slug: lower-case letters, digits and inner hyphens, as it appears in the
#: embed's ``publisher`` attribute and its URLs (``/v1/embed/{slug}/box``).
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")


def create_publisher(
    session: Session,
    slug: str,
    name: str,
    *,
    allowed_origins: list[str] | None = None,
    publish_mode: str = "auto",
    notices: dict[str, str] | None = None,
) -> Publisher:
    """A new publisher, committed. ``ValueError`` for a slug or mode that cannot be one."""
    if not SLUG.fullmatch(slug):
        raise ValueError(f"not a publisher slug: {slug!r} (a-z, 0-9 and inner hyphens)")
    if publish_mode not in PUBLISH_MODES:
        raise ValueError(f"publish mode must be one of {', '.join(PUBLISH_MODES)}")
    publisher = Publisher(
        slug=slug,
        name=name,
        publish_mode=publish_mode,
        allowed_origins=list(allowed_origins or []),
        notices=dict(notices or {}),
    )
    session.add(publisher)
    session.commit()
    return publisher


def publisher_by_slug(session: Session, slug: str) -> Publisher | None:
    return session.scalars(select(Publisher).where(Publisher.slug == slug)).first()


def publisher_summary(
    session: Session, publisher_id: int, *, article_id: str | None, url: str | None
) -> StoredSummary | None:
    """The publisher's newest box for the article named by its id (preferred) or its URL.

    Newest, because an article edited and summarized again has several rows; the latest
    is the one its page shows.
    """
    query = select(StoredSummary).where(StoredSummary.publisher_id == publisher_id)
    if article_id is not None:
        query = query.where(StoredSummary.article_id == article_id)
    elif url is not None:
        query = query.where(StoredSummary.url == url)
    else:
        return None
    return session.scalars(query.order_by(StoredSummary.created_at.desc()).limit(1)).first()
