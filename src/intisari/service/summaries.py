"""Summarize with a cache: the same article under the same engine version is summarized once.

The one path behind ``POST /v1/summaries`` and the start page's form: the rate limit, one
fetch slot per URL, the cache lookup, the engine (in this thread, or in the service's
worker processes), storing the result and counting it. Storage only stores: this module
is what runs the engine and fetches URLs for it.

The key is a SHA-256 of the input as it reaches the engine (text or HTML, with the
caller's title, language code as the engine reads it, and article id) plus the engine
version, which includes a fingerprint of the shipped model files (``_version.py``):
retraining a model without a release still makes new summaries. A URL is fetched first
(``ingest.sources.fetch_article``) and its *body* is hashed: a page that changed gets a new
summary, an unchanged one is not summarized again. A new engine version makes new
summaries; the old rows stay readable. Line endings are made LF first (``one_line_ending``):
the web form sends CRLF, a CMS LF, and both are one article; a key stored from CRLF input
before that is still found (``Source.legacy_key``).

The API's hot path (the same article asked for again) splits the work: ``resolve`` turns
the request into a ``Source`` (fetching a URL), ``find_cached`` answers "stored already,
and is it hidden?" with one prepared query on a bare connection (about a tenth of an ORM
session's cost on SQLite), and only a miss goes on to the engine. The engine itself is
a parameter (``Summarizer``): in this thread by default, in worker processes in the
service (``service/engine_pool.py``).

A box of ``method: llm`` made without the LLM (``engine.fallback``: the server was down,
slow, misconfigured) is stored, but is no final answer: the same request asks the LLM
again (``retry_due``), and the LLM's box takes its place when nobody has acted on it
yet (``_remade``). Otherwise a newsroom got the extracted box of an outage for that
article until the engine's version changed (a new user's report). The LLM is not
hammered: each worker's circuit breaker (``llm/breaker.py``) answers at once while open,
and a retry that fails again stores nothing (the stored box is the answer, the quota's
charge given back). Nor is the engine: while a breaker of the LLM's server is open
(``llm_resting``), the stored box is the answer at once, with no engine run; every page
view of an outage's box had run the whole engine in a worker to make the same extracted
box again.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from anyio import to_thread
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intisari._version import engine_version
from intisari.errors import InputError
from intisari.ingest.sources import fetch_article, one_source
from intisari.language.detect import language_for
from intisari.options import Options
from intisari.pipeline import summarize
from intisari.service import limits, publishers, webhooks
from intisari.service.editorial import initial_draft
from intisari.service.errors import Busy, RateLimited, ServiceError, refusal
from intisari.service.llm_status import llm_resting, tell_fallback
from intisari.service.state import Client, ServiceState
from intisari.storage import editorial as editorial_store
from intisari.storage.models import DEFAULT_PUBLISHER_ID, StoredSummary
from intisari.storage.repository import (
    CachedRef,
    add_summary,
    find_summary,
    find_summary_ref,
    made_without_llm,
    new_summary_id,
    newest_summary_of,
    same_article_summary,
    untouched,
)
from intisari.takeaways.select import MAX_COUNT, MIN_COUNT

__all__ = [
    "ENGINE_VERSION",
    "FETCH_RETRY_AFTER_S",
    "MAX_COUNT",
    "MIN_COUNT",
    "ArticleRequest",
    "CachedRef",
    "Source",
    "Summarizer",
    "admit",
    "content_hash",
    "count_served",
    "engine_arguments",
    "fetch_slot",
    "find_cached",
    "find_or_charge",
    "in_process",
    "limit_summaries",
    "lookup",
    "one_line_ending",
    "one_source",
    "resolve",
    "retry_due",
    "store_made",
    "store_result",
    "summarize_again",
    "summarize_cached",
    "summarize_in_workers",
    "summarize_now",
    "summarize_source",
]

log = logging.getLogger(__name__)

#: What makes a cached summary stale: the engine's release and its models' bytes.
ENGINE_VERSION = engine_version()

#: Who the audit log names for a box the engine made again with the LLM (``_remade``): no
#: person, and so in parentheses, as no account is named.
ENGINE_ACTOR = "(engine)"
#: The audit row's action of that change (``AuditEntry.action``, at most 16 characters).
REMADE_ACTION = "llm-retry"

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
    publisher_id: int = DEFAULT_PUBLISHER_ID,
    from_publisher: bool = False,
    count: int | None = None,
) -> str:
    """The cache key of one input (``kind`` is ``text`` or ``html``), box ``method`` and
    publisher: each publisher has its own copy of a box, to approve and edit. The default
    publisher's own requests (its key, a staff account) have theirs apart from anonymous
    callers' (``StoredSummary.from_publisher``): an anonymous caller storing the same input
    first cannot decide what the publisher's box is, nor have it hidden beforehand.

    An explicit ``count`` of takeaways has a key of its own: a box of two bullets is
    never the answer to a request for the automatic one, nor the other way round.

    The extractive method, the default publisher and the automatic count add nothing to
    the key, so summaries stored before methods, publishers and counts existed are still
    found.
    """
    key: dict[str, object] = {
        "kind": kind, "content": content, "title": title, "lang": lang, "id": article_id
    }
    if method != "extract":
        key["method"] = method
    if count is not None:
        key["count"] = count
    if publisher_id != DEFAULT_PUBLISHER_ID:
        key["publisher"] = publisher_id
    elif from_publisher:
        key["from"] = "publisher"
    encoded = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


def one_line_ending(content: str) -> str:
    """``content`` with CRLF and CR line endings made LF, as the engine reads it anyway
    (``ingest.clean``; an HTML parser too): one article, one cache key. LF input is
    returned unchanged, so its key is the one it always had."""
    return content.replace("\r\n", "\n").replace("\r", "\n")


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
    #: Whose summary it becomes (``StoredSummary.publisher_id``).
    publisher_id: int = DEFAULT_PUBLISHER_ID
    #: Its publisher asks for it, not an anonymous caller (``StoredSummary.from_publisher``).
    from_publisher: bool = False
    #: The key the input had before line endings were made LF (``None``: the same as
    #: ``key``), so that a summary stored from CRLF input then is still found.
    legacy_key: str | None = None
    #: Takeaways asked for (1-5); ``None``: the engine sizes the box to the article.
    count: int | None = None


def resolve(
    *,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    article_id: str | None = None,
    method: str | None = None,
    publisher_id: int = DEFAULT_PUBLISHER_ID,
    from_publisher: bool = False,
    count: int | None = None,
    options: Options,
) -> Source:
    """The input with its cache key; a URL is fetched here (its body is what is hashed).

    ``method`` defaults to ``options.method``. ``from_publisher``: the publisher asks, not
    an anonymous caller.

    Raises the engine's ``InputError`` (e.g. ``FetchError``) for input it cannot take.
    """
    one_source(text=text, html=html, url=url)
    if url is not None:
        html, text = fetch_article(url, options)
    kind, raw = ("html", html) if html else ("text", text or "")
    # CRLF (the web form) and LF (a CMS) of the same article: one key, one stored summary,
    # and the engine gets the same input whichever came first.
    content = one_line_ending(raw)
    if html:
        html = content
    elif text is not None:
        text = content
    # The engine reads "en", "EN" and "en-US" alike: one key, one stored summary.
    lang = language_for(lang).code if lang else None
    method = method or options.method
    fields: dict[str, Any] = {
        "kind": kind,
        "title": title,
        "lang": lang,
        "article_id": article_id,
        "method": method,
        "publisher_id": publisher_id,
        "from_publisher": from_publisher,
        "count": count,
    }
    key = content_hash(content=content, **fields)
    legacy_key = None if raw == content else content_hash(content=raw, **fields)
    return Source(
        key, text, html, url, title, lang, article_id, method, publisher_id, from_publisher,
        legacy_key, count,
    )


def find_cached(
    engine: Engine, key: str, legacy_key: str | None = None, *, llm: bool = False
) -> CachedRef | None:
    """The summary stored under ``key`` by this engine version, if any (no ORM, no JSON);
    else the one stored under ``legacy_key`` (the input's key before line endings were
    made LF). ``llm``: the key is of an LLM box, so read its ``fallback`` too
    (``retry_due``)."""
    found = find_summary_ref(engine, key, ENGINE_VERSION, fallback=llm)
    if found is None and legacy_key is not None:
        found = find_summary_ref(engine, legacy_key, ENGINE_VERSION, fallback=llm)
    return found


def asks_llm(source: Source) -> bool:
    """Whether ``source``'s box is written by an LLM (only such a box can fall back)."""
    return source.method == "llm"


def retry_due(cached: CachedRef | None, options: Options) -> bool:
    """Whether the stored box is no final answer: made without the LLM its request asked
    (``engine.fallback``), so the request asks the LLM again (``summarize_again``). Not
    while the LLM rests (``llm_resting``): the engine would run only to make the same
    box, refused by the breaker (5 requests for an outage's box ran the engine 5 times);
    once the cooldown passes, a request asks again (the breaker's probe)."""
    return cached is not None and cached.fallback is not None and not llm_resting(options)


def engine_arguments(source: Source, options: Options) -> dict[str, Any]:
    """The keyword arguments of ``intisari.summarize`` for ``source`` (URL fetched already)."""
    return {
        "text": source.text,
        "html": source.html,
        "title": source.title,
        "lang": source.lang,
        "id": source.article_id,
        "method": source.method,
        "count": source.count,
        "options": options,
    }


def in_process(**arguments: Any) -> dict[str, Any]:
    """The default ``Summarizer``: the engine in this thread, its result as JSON."""
    result = summarize(**arguments).model_dump(mode="json")
    tell_fallback(result, arguments["options"])
    return result


def _stored(session: Session, source: Source) -> StoredSummary | None:
    """The summary stored under ``source``'s key (or its legacy key) by this version."""
    stored = find_summary(session, source.key, ENGINE_VERSION)
    if stored is None and source.legacy_key is not None:
        stored = find_summary(session, source.legacy_key, ENGINE_VERSION)
    return stored


def _to_make_again(session: Session, stored: StoredSummary, options: Options) -> bool:
    """``retry_due`` of a summary read whole: made without the LLM, nobody acted on it,
    and the LLM not resting."""
    if made_without_llm(stored.result) is None or llm_resting(options):
        return False
    return untouched(session, stored.id)


def summarize_source(
    session: Session,
    source: Source,
    options: Options,
    summarizer: Summarizer = in_process,
    *,
    again: bool = True,
) -> tuple[StoredSummary, bool]:
    """The stored summary of ``source``, made now if needed: ``(summary, cache_hit)``.

    ``summarizer`` runs the engine (the service passes its worker processes). Raises the
    engine's ``InputError`` for input it cannot summarize (nothing is stored).

    A stored box made without the LLM is made again (``again``, the default; the service
    says no when the publisher's quota is used up): a hit when the LLM fails again, or
    when the engine cannot take the article now (the stored box stands).
    """
    cached = _stored(session, source)
    if cached is not None and not (again and _to_make_again(session, cached, options)):
        return cached, True
    # The engine may take seconds: no connection (on PostgreSQL no open transaction) is
    # held meanwhile, or a few slow articles would empty the connection pool.
    session.rollback()
    try:
        result = summarizer(**engine_arguments(source, options))
    except (InputError, Busy):
        if cached is None:
            raise
        return cached, True  # read again: the rollback expired it
    stored, created = store_result(session, source, result)
    return stored, not created  # the copy a concurrent request stored first: a hit


def store_result(
    session: Session, source: Source, result: dict[str, Any]
) -> tuple[StoredSummary, bool]:
    """Store the engine's JSON ``result`` for ``source`` (or find the copy a concurrent
    request stored first): ``(summary, created)``; a draft if its publisher reviews boxes
    before readers see them. In ``auto`` publish mode, queue ``summary.published`` once
    (in ``review`` mode the editor's approval queues it).

    A stored box made without the LLM is replaced by ``result`` when the LLM wrote this
    one and nobody acted on the old (``_remade``): that is ``created`` too (the engine
    made the box now), under the stored box's id.

    Nothing is stored when the article (``source.article_id``) has a box whose cleaned
    text, title and language are the result's (``same_article_summary``): that box is the
    answer, with its edits, approval, correction and hiding. A changed article's new box
    replaces, on the publisher's page, one a person may have approved or edited: then
    ``summary.replaced`` tells the newsroom, naming the box replaced (an editor's trial:
    the edits went with no word)."""
    # The article's address: the one fetched, else the page's own (its canonical link),
    # so that the dashboard's site filter and the embed's lookup by address find a box
    # made from HTML sent as it is (they found none: only fetched pages had an address).
    page = result.get("source") or {}
    replaced: StoredSummary | None = None
    existing = _stored(session, source)
    if existing is not None:  # asked again: stored meanwhile, or a box to make again
        return _remade(session, existing, result)
    if source.article_id is not None:
        # The article sent again with other bytes (an HTML comment, a rotated ad slot) but
        # the same cleaned text: its box, edits, approval and hiding are the article's.
        same = same_article_summary(
            session,
            source.publisher_id,
            article_id=source.article_id,
            engine_version=ENGINE_VERSION,
            from_publisher=source.from_publisher,
            result=result,
            requested_count=source.count,
        )
        if same is not None:
            return _remade(session, same, result)
        if source.from_publisher:  # the embed's box, which the new one takes over from
            replaced = newest_summary_of(
                session, source.publisher_id, article_id=source.article_id, url=None
            )
    summary_id = new_summary_id()
    # Read before the commit: after it, the summary is stored and is the answer, and a
    # database lost then must not turn it into an error (a trial on PostgreSQL).
    draft = initial_draft(session, source.publisher_id)
    stored = add_summary(
        session,
        summary_id=summary_id,
        content_hash=source.key,
        engine_version=ENGINE_VERSION,
        result=result,
        article_id=source.article_id,
        url=source.url or page.get("url"),
        publisher_id=source.publisher_id,
        draft=draft,
        from_publisher=source.from_publisher,
        requested_count=source.count,
    )
    created = stored.id == summary_id
    data = {"summary_id": stored.id, "article_id": stored.article_id, "url": stored.url}
    if not draft:  # the ``auto`` publish mode
        _announce(session, stored, "summary.published", data)
    box = None if replaced is None else replaced.box
    if created and replaced is not None and box is not None and box.checked_by is not None:
        _announce(session, stored, "summary.replaced", {
            **data, "replaced_id": replaced.id, "edited": box.takeaways is not None,
        })
    return stored, created


def _remade(
    session: Session, stored: StoredSummary, result: dict[str, Any]
) -> tuple[StoredSummary, bool]:
    """``stored``, with the engine's new ``result`` in place of its box if the stored box
    was made without the LLM, the new one with it, and no person acted on the old one
    (``storage.repository.untouched``): ``(summary, remade)``.

    In place (same id, same key), as a new revision with an audit row
    (``storage.editorial.remade``): the links to the box stay, and a reader's report on
    the old bullets keeps them. A box someone approved, edited, hid, reported or voted on
    is kept as it is: what they did was about those bullets (README, "Short bullets from
    an LLM"). A concurrent change to it (an editor, another retry) wins: then ``stored``
    as it is now, not remade.

    A published box remade queues ``summary.remade`` in the same transaction (committed
    with the new bullets or not at all, once per revision): a publisher that copied the
    old box into its CMS or a cache hears that the copy is stale. A draft's tells nobody,
    as ``summary.published`` waits for its approval, which will carry the new bullets.
    """
    reason = made_without_llm(stored.result)
    if reason is None or made_without_llm(result) is not None:
        return stored, False
    if not untouched(session, stored.id):
        return stored, False
    revision = editorial_store.remade(
        session, stored, result, actor=ENGINE_ACTOR, action=REMADE_ACTION,
        note=f"made again with the LLM; the box replaced was made without it ({reason})",
    )
    try:
        if stored.box is not None and stored.box.status == "published":
            webhooks.emit(session, stored.publisher_id, "summary.remade", {
                "summary_id": stored.id, "article_id": stored.article_id, "url": stored.url,
                "revision": revision, "fallback": reason,
            }, once_key=f"remade:{stored.id}.{revision}")
        session.commit()
    except (StaleDataError, IntegrityError):
        session.rollback()  # ``stored`` is expired: read again as the winner left it
        return stored, False
    return stored, True


def _announce(
    session: Session, stored: StoredSummary, event: str, data: dict[str, Any]
) -> None:
    """Queue ``event`` of a box just stored, once. The box is stored and is the answer; if
    the event cannot be written only it is lost, as in a crash between the two commits
    (``service/webhooks.py``)."""
    try:
        webhooks.emit_once(
            session, stored.publisher_id, event, data, f"{event.split('.')[-1]}:{stored.id}"
        )
    except SQLAlchemyError as error:
        session.rollback()
        log.warning("summary %s stored, its %s event lost: %s",
                    stored.id, event, type(error).__name__)


def store_made(
    state: ServiceState, session: Session, source: Source, result: dict[str, Any]
) -> tuple[StoredSummary, bool]:
    """``store_result`` after the engine ran in a worker: ``(summary, created)``, the
    quota's charge taken back when nothing was made (a concurrent request for the same
    article stored it first, or a box made without the LLM was asked again and the LLM
    failed again)."""
    stored, created = store_result(session, source, result)
    if not created:
        publishers.refund(state, source.publisher_id)
    return stored, created


def summarize_cached(
    session: Session,
    *,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    article_id: str | None = None,
    publisher_id: int = DEFAULT_PUBLISHER_ID,
    from_publisher: bool = False,
    options: Options,
) -> tuple[StoredSummary, bool]:
    """``resolve`` then ``summarize_source``: the stored summary, made now if needed."""
    source = resolve(
        text=text, html=html, url=url, title=title, lang=lang, article_id=article_id,
        publisher_id=publisher_id, from_publisher=from_publisher, options=options,
    )
    return summarize_source(session, source, options)


# What the front ends call --------------------------------------------------------------

#: Seconds a client is told to wait after 503 ``fetch-busy``: a fetch takes at most 10 s.
FETCH_RETRY_AFTER_S = 5


@dataclass(frozen=True)
class ArticleRequest:
    """An article as a front end received it (exactly one of ``url``, ``html``, ``text``)."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    article_id: str | None = None
    #: ``None``: the service's ``Options.method``.
    method: str | None = None
    #: The publisher asking (from its API key; the web layer sets it, never the body).
    publisher_id: int = DEFAULT_PUBLISHER_ID
    #: The publisher itself asks (its key, or a staff account), not an anonymous caller.
    from_publisher: bool = False
    #: Takeaways asked for (``MIN_COUNT``-``MAX_COUNT``); ``None``: the automatic box.
    count: int | None = None


@contextmanager
def fetch_slot(state: ServiceState, client: Client, url: str | None) -> Iterator[None]:
    """Hold one of the fetch slots for ``client`` while ``url`` is fetched (nothing to
    hold without one).

    All taken, or the client's share of them (``service/fetch_slots.py``): ``Busy``
    (``fetch-busy``, retry after ``FETCH_RETRY_AFTER_S``) at once. A fetch blocks a
    server thread for up to its deadline, so slow sites queueing for threads would
    otherwise hold up every other request (45 slow fetches made ``/healthz`` take 65 s).
    """
    if not url:
        yield
        return
    if not state.fetch_slots.acquire(client.hash):
        raise Busy(
            f"too many pages are being fetched; retry in {FETCH_RETRY_AFTER_S} s",
            code="fetch-busy",
            retry_after_s=FETCH_RETRY_AFTER_S,
        )
    try:
        yield
    finally:
        state.fetch_slots.release(client.hash)


def lookup(
    state: ServiceState, client: Client, request: ArticleRequest
) -> tuple[Source, CachedRef | None]:
    """The blocking first half of a summary: ``admit``, then ``find_or_charge``."""
    source = admit(state, client, request)
    return source, find_or_charge(state, source)


def find_or_charge(state: ServiceState, source: Source) -> CachedRef | None:
    """The cache lookup; a miss is counted against the publisher's daily quota
    (``publishers.charge``, ``RateLimited`` when used up) before the engine runs. A box
    to make again (``retry_due``) is charged only when it is made again
    (``charge_again``)."""
    cached = find_cached(state.engine, source.key, source.legacy_key, llm=asks_llm(source))
    if cached is None:
        publishers.charge(state, source.publisher_id)
    return cached


def charge_again(state: ServiceState, source: Source) -> bool:
    """Count making a stored box again against the publisher's daily quota: ``False``
    when it is used up, and then the stored box is the answer (it was one before, and a
    request answered from the cache never got a 429 ``quota-exceeded``)."""
    try:
        publishers.charge(state, source.publisher_id)
    except RateLimited:
        return False
    return True


def admit(
    state: ServiceState, client: Client, request: ArticleRequest, *, counted: bool = False
) -> Source:
    """The client's rate limit (unless the caller ``counted`` the hit already, before
    checking its form), then the request as the engine takes it (a URL fetched in a fetch
    slot). Raises ``ServiceError`` (``RateLimited``, ``Busy``, or the engine's refusal of
    the input)."""
    if not counted:
        limit_summaries(state, client)
    try:
        with fetch_slot(state, client, request.url):
            source = resolve(
                text=request.text,
                html=request.html,
                url=request.url,
                title=request.title,
                lang=request.lang,
                article_id=request.article_id,
                method=request.method,
                publisher_id=request.publisher_id,
                from_publisher=request.from_publisher,
                count=request.count,
                options=state.options,
            )
    except InputError as error:
        raise refusal(error) from None
    return source


async def summarize_in_workers(state: ServiceState, source: Source) -> dict[str, Any]:
    """The engine's JSON result for ``source`` from a worker process; no thread waits.
    Raises ``ServiceError`` (``EngineBusy``, or the engine's refusal of the input)."""
    try:
        future = state.engine_pool.submit(
            job_key=source.key, **engine_arguments(source, state.options)
        )
        # Shielded: the future may be shared with other requests for the same article
        # (``EnginePool.submit``), and this one going away must not cancel theirs.
        return await asyncio.shield(asyncio.wrap_future(future))
    except InputError as error:
        # Charged on the cache miss; the engine made nothing.
        await to_thread.run_sync(publishers.refund, state, source.publisher_id)
        raise refusal(error) from None


async def summarize_again(state: ServiceState, source: Source) -> dict[str, Any] | None:
    """The engine's JSON result for ``source``, whose stored box was made without the LLM
    (``retry_due``), from a worker; ``None`` when it cannot be made now (the publisher's
    quota used up, every worker busy, the engine refusing it this time): then the stored
    box is the answer, as it was before, never an error."""
    if not await to_thread.run_sync(charge_again, state, source):
        return None
    try:
        return await summarize_in_workers(state, source)
    except Busy:  # ``submit`` refused it: charged, and nothing ran
        await to_thread.run_sync(publishers.refund, state, source.publisher_id)
        return None
    except ServiceError:  # the engine's refusal: ``summarize_in_workers`` refunded it
        return None


def limit_summaries(state: ServiceState, client: Client) -> None:
    """Count one summary asked for by ``client``; ``RateLimited`` over the limit."""
    limits.hit(state, limits.SUMMARIES, client.hash)


def summarize_now(
    state: ServiceState,
    session: Session,
    client: Client,
    request: ArticleRequest,
    *,
    counted: bool = False,
) -> StoredSummary:
    """``admit``, then the engine in a worker (this thread waits) and storing: the stored
    summary of ``request``, counted as served. Raises ``ServiceError``."""
    source = admit(state, client, request, counted=counted)
    cached = find_or_charge(state, source)
    again = retry_due(cached, state.options) and charge_again(state, source)
    charged = cached is None or again
    try:
        stored, hit = summarize_source(
            session, source, state.options, state.engine_pool.run, again=again
        )
    except InputError as error:
        if charged:
            publishers.refund(state, source.publisher_id)
        raise refusal(error) from None
    if charged and hit:  # stored meanwhile by a concurrent request
        publishers.refund(state, source.publisher_id)
    count_served(state, hit, remade=again and not hit)
    return stored


def count_served(state: ServiceState, hit: bool, *, remade: bool = False) -> None:
    """Count one summary served: from the cache (``hit``) or made by the engine now; and
    whether that was a stored box of an outage made again with the LLM (``remade``, only
    when made now): how far an outage's boxes are recovered, which no other figure says
    (``summaries_served`` counts it as any box the engine made)."""
    state.metrics.summaries_served.labels("cache" if hit else "engine").inc()
    if hit:
        state.metrics.cache_hits.inc()
    elif remade:
        state.metrics.boxes_remade.inc()
