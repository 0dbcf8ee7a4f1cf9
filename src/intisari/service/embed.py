"""The embed's side of the service: a publisher by slug, whether an origin may embed its
box, and the box a publisher's server stored for one of its articles.

CORS is decided here, not in the web layer's middleware, because the answer depends on
the publisher's row (``Publisher.allowed_origins``): an origin that one publisher allows
is refused for every other one. An allowed origin then acts in that publisher's scope
(``service/publishers.py``): its boxes only, another publisher's is ``NotFound``. The
embed only reads stored boxes (the publisher's server asked for them with
``POST /v1/summaries``), so it never runs the engine and charges no quota.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from intisari.service.errors import Forbidden, Invalid, NotFound, said
from intisari.service.publishers import summary_in
from intisari.storage import repository, tenants
from intisari.storage.models import Publisher, StoredSummary

__all__ = ["allowed_publisher", "embed_summary", "embed_summary_by_id", "origin_allowed"]

def origin_allowed(publisher: Publisher, origin: str | None) -> bool:
    """True if ``origin`` (a browser's ``Origin`` header) is one the publisher listed.

    Compared exactly (scheme, host and port, as browsers send it), lower-cased: no
    wildcards, no suffix matching, so ``https://news.example.evil`` is not
    ``https://news.example``. A missing or ``null`` origin (a sandboxed frame, a file) is
    never allowed: the embed is for publishers' pages only.
    """
    if not origin or origin == "null":
        return False
    wanted = origin.rstrip("/").lower()
    return any(wanted == allowed.rstrip("/").lower() for allowed in publisher.allowed_origins)


def allowed_publisher(session: Session, slug: str, origin: str | None) -> Publisher:
    """The publisher named ``slug`` if ``origin`` may embed its box.

    ``NotFound`` (``unknown-publisher``: a wrong ``publisher`` attribute, not a box that
    is not there yet) for an unknown slug and ``Forbidden`` (``origin-refused``) for an
    origin it does not allow, each naming what was asked: both before anything else is
    read, so a refused origin learns nothing about boxes.
    """
    publisher = tenants.get_publisher_by_slug(session, slug)
    if publisher is None:
        raise NotFound(f"no publisher {said(slug)}", code="unknown-publisher")
    if not origin_allowed(publisher, origin):
        asked = "a request without an origin" if not origin else f"the origin {said(origin)}"
        raise Forbidden(
            f"{asked} may not embed the box of publisher {slug!r}: it is not among the "
            "publisher's allowed origins (intisari publisher list shows them)",
            code="origin-refused",
        )
    return publisher


def embed_summary(
    session: Session, publisher: Publisher, *, article_id: str | None, url: str | None
) -> StoredSummary | None:
    """The publisher's newest stored box for the article (by id, else by URL), or None
    when the publisher's server has not asked for one yet (``POST /v1/summaries``): no
    error, the usual state of an article just published. ``Invalid`` without either.
    """
    if not article_id and not url:
        raise Invalid("give article_id or url")
    stored = repository.newest_summary_of(
        session, publisher.id, article_id=article_id or None, url=None if article_id else url
    )
    return stored


def embed_summary_by_id(session: Session, publisher: Publisher, summary_id: str) -> StoredSummary:
    """A box of this publisher by its id, in the publisher's scope: another publisher's
    box is ``NotFound``, the same answer as a box that does not exist."""
    return summary_in(session, summary_id, publisher.id)
