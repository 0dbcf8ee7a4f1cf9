"""The summary cache: the same article under the same engine version is summarized once.

The key is a SHA-256 of the input as it reaches the engine (text or HTML, with the
caller's title, language and article id) plus the engine version. A URL is fetched first
and its *body* is hashed: a page that changed gets a new summary, an unchanged one is not
summarized again. A new engine version makes new summaries; the old rows stay readable.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy.orm import Session

from intisari import __version__
from intisari.errors import InputError
from intisari.ingest.fetch import fetch
from intisari.options import Options
from intisari.pipeline import summarize
from intisari.storage.models import StoredSummary
from intisari.storage.repository import add_summary, find_summary

__all__ = ["ENGINE_VERSION", "content_hash", "summarize_cached"]

#: What makes a cached summary stale: the engine's release.
ENGINE_VERSION = __version__


def content_hash(
    *, kind: str, content: str, title: str | None, lang: str | None, article_id: str | None
) -> str:
    """The cache key of one input (``kind`` is ``text`` or ``html``)."""
    key = {"kind": kind, "content": content, "title": title, "lang": lang, "id": article_id}
    encoded = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


def summarize_cached(
    session: Session,
    *,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    article_id: str | None = None,
    options: Options,
) -> tuple[StoredSummary, bool]:
    """The stored summary of this input, made now if needed: ``(summary, cache_hit)``.

    Raises the engine's ``InputError`` for input it cannot summarize (nothing is stored).
    """
    given = [name for name, value in (("text", text), ("html", html), ("url", url)) if value]
    if len(given) != 1:
        raise InputError(f"give exactly one of text, html or url (got {len(given)})")
    if url:
        page = fetch(url, options)
        if "html" in page.content_type or page.body.lstrip()[:1] == "<":
            html = page.body
        else:
            text = page.body
    kind, content = ("html", html) if html else ("text", text or "")
    key = content_hash(kind=kind, content=content, title=title, lang=lang, article_id=article_id)
    cached = find_summary(session, key, ENGINE_VERSION)
    if cached is not None:
        return cached, True
    result = summarize(
        text=text, html=html, url=None, title=title, lang=lang, id=article_id, options=options
    )
    stored = add_summary(
        session,
        content_hash=key,
        engine_version=ENGINE_VERSION,
        result=result.model_dump(mode="json"),
        article_id=article_id,
        url=url,
    )
    return stored, False
