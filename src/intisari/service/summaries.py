"""The summary cache: the same article under the same engine version is summarized once.

The key is a SHA-256 of the input as it reaches the engine (text or HTML, with the
caller's title, language code as the engine reads it, and article id) plus the engine
version, which includes a fingerprint of the shipped model files (``_version.py``):
retraining a model without a release still makes new summaries. A URL is fetched first and its *body* is hashed: a page that changed gets a new
summary, an unchanged one is not summarized again. A new engine version makes new
summaries; the old rows stay readable.

The API's hot path (the same article asked for again) splits the work: ``resolve`` turns
the request into a ``Source`` (fetching a URL), ``find_cached`` answers "stored already,
and is it hidden?" with one prepared query on a bare connection (about a tenth of an ORM
session's cost on SQLite), and only a miss goes on to the engine. The engine itself is
a parameter (``Summarizer``): in this thread by default, in worker processes in the
service (``service/engine_pool.py``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import Session

from intisari._version import engine_version
from intisari.errors import InputError
from intisari.ingest.fetch import fetch
from intisari.language.detect import language_for
from intisari.options import Options
from intisari.pipeline import summarize
from intisari.storage.models import StoredSummary
from intisari.storage.repository import add_summary, find_summary

__all__ = [
    "ENGINE_VERSION",
    "CachedRef",
    "Source",
    "Summarizer",
    "content_hash",
    "engine_arguments",
    "find_cached",
    "in_process",
    "resolve",
    "store_result",
    "summarize_cached",
    "summarize_source",
]

#: What makes a cached summary stale: the engine's release and its models' bytes.
ENGINE_VERSION = engine_version()

#: Runs the engine: the keyword arguments of ``intisari.summarize`` in, its result as
#: JSON (``Summary.model_dump(mode="json")``) out.
Summarizer = Callable[..., dict[str, Any]]


def content_hash(
    *,
    kind: str,
    content: str,
    title: str | None,
    lang: str | None,
    article_id: str | None,
    method: str = "extract",
) -> str:
    """The cache key of one input (``kind`` is ``text`` or ``html``) and box ``method``.

    The extractive method adds nothing to the key, so summaries stored before methods
    existed are still found.
    """
    key = {"kind": kind, "content": content, "title": title, "lang": lang, "id": article_id}
    if method != "extract":
        key["method"] = method
    encoded = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class Source:
    """One input as the engine will see it (a URL already fetched), with its cache key."""

    key: str
    text: str | None
    html: str | None
    url: str | None
    title: str | None
    lang: str | None
    article_id: str | None
    #: How the box is written (``Options.method``).
    method: str


class CachedRef(NamedTuple):
    """What the hot path needs to know of a stored summary: which one, and is it hidden."""

    id: str
    hidden: bool


#: Built once: on SQLite, building a statement costs more than running it.
_FIND_CACHED = select(StoredSummary.id, StoredSummary.hidden).where(
    StoredSummary.content_hash == bindparam("key"),
    StoredSummary.engine_version == bindparam("version"),
)


def resolve(
    *,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    article_id: str | None = None,
    method: str | None = None,
    options: Options,
) -> Source:
    """The input with its cache key; a URL is fetched here (its body is what is hashed).

    ``method`` defaults to ``options.method``.

    Raises the engine's ``InputError`` (e.g. ``FetchError``) for input it cannot take.
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
    # The engine reads "en", "EN" and "en-US" alike: one key, one stored summary.
    lang = language_for(lang).code if lang else None
    method = method or options.method
    key = content_hash(
        kind=kind, content=content, title=title, lang=lang, article_id=article_id, method=method
    )
    return Source(key, text, html, url, title, lang, article_id, method)


def find_cached(engine: Engine, key: str) -> CachedRef | None:
    """The summary stored under ``key`` by this engine version, if any (no ORM, no JSON)."""
    with engine.connect() as connection:
        row = connection.execute(_FIND_CACHED, {"key": key, "version": ENGINE_VERSION}).first()
    return None if row is None else CachedRef(row.id, row.hidden)


def engine_arguments(source: Source, options: Options) -> dict[str, Any]:
    """The keyword arguments of ``intisari.summarize`` for ``source`` (URL fetched already)."""
    return {
        "text": source.text,
        "html": source.html,
        "title": source.title,
        "lang": source.lang,
        "id": source.article_id,
        "method": source.method,
        "options": options,
    }


def in_process(**arguments: Any) -> dict[str, Any]:
    """The default ``Summarizer``: the engine in this thread, its result as JSON."""
    return summarize(**arguments).model_dump(mode="json")


def summarize_source(
    session: Session, source: Source, options: Options, summarizer: Summarizer = in_process
) -> tuple[StoredSummary, bool]:
    """The stored summary of ``source``, made now if needed: ``(summary, cache_hit)``.

    ``summarizer`` runs the engine (the service passes its worker processes). Raises the
    engine's ``InputError`` for input it cannot summarize (nothing is stored).
    """
    cached = find_summary(session, source.key, ENGINE_VERSION)
    if cached is not None:
        return cached, True
    # The engine may take seconds: no connection (on PostgreSQL no open transaction) is
    # held meanwhile, or a few slow articles would empty the connection pool.
    session.rollback()
    result = summarizer(**engine_arguments(source, options))
    return store_result(session, source, result), False


def store_result(session: Session, source: Source, result: dict[str, Any]) -> StoredSummary:
    """Store the engine's JSON ``result`` for ``source`` (or the copy a concurrent
    request stored first)."""
    return add_summary(
        session,
        content_hash=source.key,
        engine_version=ENGINE_VERSION,
        result=result,
        article_id=source.article_id,
        url=source.url,
    )


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
    """``resolve`` then ``summarize_source``: the stored summary, made now if needed."""
    source = resolve(
        text=text, html=html, url=url, title=title, lang=lang, article_id=article_id,
        options=options,
    )
    return summarize_source(session, source, options)
