"""Summaries and readers' reports: every read and write the API and the pages make.

Plain functions over a SQLAlchemy ``Session``, so the JSON API, the server-rendered
pages and the CLI share one set of rules. Each function that changes something commits
before it returns: when it returns, the change is on disk (the API answers 201 only then).

The rules that live here, because they must hold whoever calls:
- duplicate reports (same client, bullet and category within a window) are merged into
  the first one, whose ``duplicates`` counter goes up;
- a summary on which ``auto_hide_at`` different clients have open reports from the last
  ``auto_hide_window_s`` (and since a reviewer last decided on it) is hidden
  (``hidden_reason="auto"``); dismissing reports below that threshold shows it again,
  while a reviewer's own hide or unhide stands until the next wave of reports. Clients,
  not reports: one client's three reports on three categories used to hide any summary
  for everyone.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Engine,
    Select,
    and_,
    bindparam,
    case,
    distinct,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from intisari.report_kinds import CATEGORIES, STATUSES
from intisari.storage.models import (
    DEFAULT_PUBLISHER_ID,
    AuditEntry,
    HelpfulVote,
    InstanceSecret,
    Publisher,
    Report,
    StoredSummary,
    SummaryBox,
    clean_text,
    utcnow,
)

__all__ = [
    "NO_FILTER",
    "CachedRef",
    "DayCount",
    "FiledReport",
    "ReportFilter",
    "ReportKey",
    "add_report",
    "add_summary",
    "confirmed_reports",
    "find_summary",
    "find_summary_ref",
    "get_report",
    "get_summary",
    "hidden_summaries",
    "instance_secret",
    "list_reports",
    "made_without_llm",
    "new_summary_id",
    "newest_summary_of",
    "open_reporters",
    "ping",
    "regression_case",
    "report_stats",
    "reports_exist",
    "review_report",
    "same_article_summary",
    "set_hidden",
    "status_counts",
    "untouched",
]

#: Bytes of randomness in a summary id: 96 bits, unguessable, 16 URL-safe characters.
SUMMARY_ID_BYTES = 12
#: Most reports one listing returns; the dashboard pages through the rest.
MAX_LIST_LIMIT = 1000


def instance_secret(session: Session, name: str) -> str:
    """A secret the instance made for itself once (e.g. the cookie key), made if missing."""
    row = session.get(InstanceSecret, name)
    if row is not None:
        return row.value
    session.add(InstanceSecret(name=name, value=secrets.token_urlsafe(32)))
    try:
        session.commit()
    except IntegrityError:  # another worker made it first: use theirs
        session.rollback()
    row = session.get(InstanceSecret, name)
    assert row is not None
    return row.value


# Summaries ----------------------------------------------------------------------------


def find_summary(session: Session, content_hash: str, engine_version: str) -> StoredSummary | None:
    """The summary already made of this input by this engine version (the cache)."""
    return session.scalar(
        select(StoredSummary).where(
            StoredSummary.content_hash == content_hash,
            StoredSummary.engine_version == engine_version,
        )
    )


def made_without_llm(result: dict[str, Any]) -> str | None:
    """Why the engine's JSON ``result`` of an LLM request was made without the LLM
    (``engine.fallback``: ``connection``, ``timeout``, ...); ``None`` when the LLM's
    answer was used, or no LLM was asked. ``_FALLBACK`` reads the same field in SQL."""
    reason = (result.get("engine") or {}).get("fallback")
    return None if reason is None else str(reason)


def _acted_on() -> ColumnElement[bool]:
    """Whether a person acted on a summary's box (correlated with ``StoredSummary.id``):
    it is hidden, or has an audit row (an approval, an edit, a hide or unhide, a decision
    on a report), a reader's report or a vote. Such a box is never made again by the
    engine (``untouched``): what they did or said was about the bullets shown."""
    return or_(
        StoredSummary.hidden,
        exists().where(AuditEntry.summary_id == StoredSummary.id),
        exists().where(Report.summary_id == StoredSummary.id),
        exists().where(HelpfulVote.summary_id == StoredSummary.id),
    )


def untouched(session: Session, summary_id: str) -> bool:
    """Whether no person has acted on the summary's box (``_acted_on``), read now."""
    query = select(_acted_on()).where(StoredSummary.id == summary_id)
    return session.scalar(query) is False


class CachedRef(NamedTuple):
    """What the service's hot path needs to know of a stored summary: which one, is it
    hidden, is it a draft waiting for an editor, its box's revision (the key of its
    cached body: an edit makes a new body, the old one ages out), and, when asked for,
    why its box was made without the LLM (``made_without_llm``) if it may still be made
    again (``untouched``)."""

    id: str
    hidden: bool
    pending: bool = False
    revision: int = 0
    fallback: str | None = None


#: ``made_without_llm`` in SQL: the one field of the stored JSON the hot path reads
#: (``#>>`` on PostgreSQL, ``JSON_EXTRACT`` on SQLite), so that no row is decoded.
_FALLBACK = StoredSummary.result[("engine", "fallback")].as_string()
_REF_COLUMNS = (StoredSummary.id, StoredSummary.hidden, SummaryBox.status, SummaryBox.revision)


def _ref_query(*columns: Any) -> Select[Any]:
    # The box's row exists only once editors touched it (or the publisher reviews first):
    # an outer join.
    return (
        select(*columns)
        .outerjoin(SummaryBox, SummaryBox.summary_id == StoredSummary.id)
        .where(
            StoredSummary.content_hash == bindparam("key"),
            StoredSummary.engine_version == bindparam("version"),
        )
    )


#: Built once: on SQLite, building a statement costs more than running it. The extractive
#: boxes' lookup reads no JSON at all; an LLM box's also reads ``engine.fallback``, of a
#: box nobody acted on (one someone did is final: asking the LLM again for it, at every
#: request, could change nothing).
_FIND_REF = _ref_query(*_REF_COLUMNS)
_FIND_REF_FALLBACK = _ref_query(
    *_REF_COLUMNS, case((_acted_on(), null()), else_=_FALLBACK).label("fallback")
)


def find_summary_ref(
    engine: Engine, content_hash: str, engine_version: str, *, fallback: bool = False
) -> CachedRef | None:
    """``find_summary``'s answer without the ORM or the JSON: one prepared query on a bare
    connection (about a tenth of an ORM session's cost on SQLite). ``fallback``: also read
    why its box was made without the LLM, if it was and may be made again
    (``CachedRef.fallback``)."""
    with engine.connect() as connection:
        parameters = {"key": content_hash, "version": engine_version}
        query = _FIND_REF_FALLBACK if fallback else _FIND_REF
        row = connection.execute(query, parameters).first()
    if row is None:
        return None
    reason = row.fallback if fallback else None
    return CachedRef(row.id, row.hidden, row.status == "draft", row.revision or 0, reason)


def new_summary_id() -> str:
    """A new summary's id: ``SUMMARY_ID_BYTES`` random bytes, URL-safe."""
    return secrets.token_urlsafe(SUMMARY_ID_BYTES)


def add_summary(
    session: Session,
    *,
    content_hash: str,
    engine_version: str,
    result: dict[str, Any],
    article_id: str | None = None,
    url: str | None = None,
    publisher_id: int = DEFAULT_PUBLISHER_ID,
    draft: bool = False,
    summary_id: str | None = None,
    from_publisher: bool = False,
    requested_count: int | None = None,
) -> StoredSummary:
    """Store an engine result; if a concurrent request stored the same one, return that.

    ``content_hash`` already tells publishers apart (``service.summaries.content_hash``).
    ``draft``: the publisher reviews first, so the box is stored as a draft in the same
    commit (never visible to readers, not even for a moment). ``summary_id``: the id to
    give it (``new_summary_id()`` if not given); a caller that gives one knows by it
    whether this call stored the summary or found another request's. ``from_publisher``:
    its publisher asked for it, not an anonymous caller (the embed shows only those).
    ``requested_count``: the takeaways asked for (``None``: the engine sized the box).
    """
    summary = StoredSummary(
        id=summary_id or new_summary_id(),
        publisher_id=publisher_id,
        content_hash=content_hash,
        engine_version=engine_version,
        article_id=article_id,
        url=url,
        language=result["language"],
        title=result.get("title"),
        result=result,
        hidden=False,
        from_publisher=from_publisher,
        requested_count=requested_count,
    )
    # Said either way, so that reading the new summary's box after the commit asks the
    # database nothing (a database lost then must not fail a summary that is stored).
    summary.box = SummaryBox(status="draft") if draft else None
    session.add(summary)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        existing = find_summary(session, content_hash, engine_version)
        if existing is None:
            raise
        return existing
    return summary


def get_summary(session: Session, summary_id: str) -> StoredSummary | None:
    return session.get(StoredSummary, summary_id)


def newest_summary_of(
    session: Session, publisher_id: int, *, article_id: str | None, url: str | None
) -> StoredSummary | None:
    """The publisher's newest box for the article named by its id (preferred) or its URL,
    of those its publisher asked for (an anonymous caller may name any id or address).

    Newest, because an article edited and summarized again has several rows; the latest
    is the one its page shows.
    """
    query = select(StoredSummary).where(
        StoredSummary.publisher_id == publisher_id, StoredSummary.from_publisher
    )
    if article_id is not None:
        query = query.where(StoredSummary.article_id == article_id)
    elif url is not None:
        query = query.where(StoredSummary.url == url)
    else:
        return None
    return session.scalars(query.order_by(StoredSummary.created_at.desc()).limit(1)).first()


def same_article_summary(
    session: Session,
    publisher_id: int,
    *,
    article_id: str,
    engine_version: str,
    from_publisher: bool,
    result: dict[str, Any],
    requested_count: int | None = None,
) -> StoredSummary | None:
    """The publisher's newest stored box of ``article_id`` by this engine version and
    ranker (``result["engine"]["method"]``), if the engine read the same article in it
    (the same cleaned text, title and language as in ``result``) and it has the
    takeaways asked for (``requested_count``: two bullets asked for are no answer to a
    request for the automatic box, nor the other way round); else ``None``.

    The newest only, the one the embed shows (``newest_summary_of``): an older box with
    that text is of an article changed since, and answering it would part the API from
    the embed.
    """
    query = (
        select(StoredSummary)
        .where(
            StoredSummary.publisher_id == publisher_id,
            StoredSummary.article_id == article_id,
            StoredSummary.engine_version == engine_version,
            StoredSummary.from_publisher == from_publisher,
        )
        .order_by(StoredSummary.created_at.desc())
    )
    method = (result.get("engine") or {}).get("method")
    for stored in session.scalars(query):
        if (stored.result.get("engine") or {}).get("method") != method:
            continue
        same = stored.requested_count == requested_count and all(
            stored.result.get(field) == result.get(field)
            for field in ("text", "title", "language")
        )
        return stored if same else None
    return None


def set_hidden(
    session: Session, summary: StoredSummary, hidden: bool, *, now: datetime | None = None
) -> StoredSummary:
    """A reviewer hides or shows a summary; their decision resets the auto-hide count."""
    summary.hidden = hidden
    summary.hidden_reason = "reviewer" if hidden else None
    summary.decided_at = now or utcnow()
    session.commit()
    return summary


# Reports ------------------------------------------------------------------------------

# The statements of every report submission, built once: building a statement costs
# SQLAlchemy more than SQLite takes to run it (a fifth of a report's CPU time).
_OPEN_REPORTERS = select(func.count(distinct(Report.client_hash))).where(
    Report.summary_id == bindparam("summary_id"),
    Report.status == "open",
    Report.created_at > bindparam("since"),
)


def _duplicate_query(whole_box: bool) -> Select[Report]:
    """The same client's open reports on the bullet and category within the window,
    earliest first (parameters bound): those a repeat may be merged into
    (``_merged_into`` picks one by the comments).

    Open only: a report a reviewer has decided was decided without the repeat, so merging
    a reader's new filing into it kept it dismissed and out of the open queue, and no
    reviewer ever saw it (a trial: re-filed "I checked again: it IS wrong" after a
    dismissal, answered 200 ``"status": "dismissed"``). Filed again after a decision, it is
    a new open report.
    """
    bullet = (
        Report.takeaway_index.is_(None)
        if whole_box
        else Report.takeaway_index == bindparam("takeaway_index")
    )
    return (
        select(Report)
        .where(
            Report.summary_id == bindparam("summary_id"),
            Report.client_hash == bindparam("client_hash"),
            Report.category == bindparam("category"),
            bullet,
            Report.status == "open",
            Report.created_at >= bindparam("since"),
        )
        .order_by(Report.created_at, Report.id)
        # Fresh values even when the session holds the rows already: read under the lock.
        .execution_options(populate_existing=True)
    )


def _words_of(comment: str | None) -> str:
    """What a comment says, for telling a repeat from a new word: as stored (NUL as
    U+FFFD), without the blank around it; ``""`` when it says nothing."""
    return (clean_text(comment) or "").strip()


def _text_of(takeaway: Any) -> str | None:
    """A kept bullet's text (``Report.takeaway_text``'s rule); ``None``: none kept."""
    text = takeaway.get("text") if isinstance(takeaway, dict) else None
    return text if isinstance(text, str) else None


def _merged_into(
    earlier: Sequence[Report], comment: str | None, takeaway: dict[str, Any] | None
) -> Report | None:
    """The report among ``earlier`` (the client's open ones on the bullet and category,
    earliest first) that a repeat with ``comment`` on the bullet ``takeaway`` repeats, or
    ``None``: a report of its own.

    Only a report on the same bullet text is repeated: the index alone names another
    sentence once an editor reordered or changed the box between the two reports, and
    merged, the second report (its bullet and its comment) was lost (an editor's trial:
    bullet 2 reported, the box reordered, the sentence now at 2 reported by the same
    reader, and only the first report's ``duplicates`` went up).

    A repeat saying nothing, or what one of them says already, adds no word: it goes into
    the earliest such one and is counted there, which keeps a double click, a retry and a
    burst of identical copies one report. A repeat with a comment none of them has is kept
    as its own report: merged, its comment was dropped, and reviewers, ``GET /v1/reports``
    and the export never saw it (a trial: "UPDATE: the date is wrong too" answered 200 with
    the first comment, and 7 of 8 comments of a burst lost). Its own row, rather than text
    appended to the first report's comment, keeps every comment as the reader wrote it,
    with its own time, within the comment's length limit, and sends its own
    ``report.filed``; auto-hiding counts clients, so it hides nothing the first did not.
    """
    words = _words_of(comment)
    text = _text_of(takeaway)
    for report in earlier:
        if report.takeaway_text != text:
            continue
        if not words or _words_of(report.comment) == words:
            return report
    return None


#: A write to the summary's row that changes nothing: the lock ``add_report`` takes.
_LOCK_SUMMARY = (
    update(StoredSummary)
    .where(StoredSummary.id == bindparam("summary_id"))
    .values(hidden=StoredSummary.hidden)
    .execution_options(synchronize_session=False)
)

#: By ``takeaway_index is None``: a report on the whole box, or on one bullet.
_DUPLICATE = {True: _duplicate_query(True), False: _duplicate_query(False)}


def open_reporters(
    session: Session, summary: StoredSummary, window_s: int, now: datetime | None = None
) -> int:
    """Clients (keyed hashes) with open reports on ``summary`` from the last ``window_s``
    seconds and since a reviewer last decided on it."""
    since = (now or utcnow()) - timedelta(seconds=window_s)
    if summary.decided_at is not None:
        since = max(since, summary.decided_at)
    count = session.scalar(_OPEN_REPORTERS, {"summary_id": summary.id, "since": since})
    return count or 0


class FiledReport(NamedTuple):
    """What ``add_report`` did."""

    report: Report
    #: False when the report was merged into the client's recent open identical one (the
    #: same bullet and category, and no new comment: ``_merged_into``).
    created: bool
    #: This report hid its summary (it reached the auto-hide threshold), decided under
    #: the summary's lock: one report only.
    hid_summary: bool


def add_report(
    session: Session,
    summary: StoredSummary,
    *,
    takeaway_index: int | None,
    category: str,
    comment: str | None,
    client_hash: str,
    duplicate_window_s: int,
    auto_hide_at: int,
    auto_hide_window_s: int,
    takeaway: dict[str, Any] | None = None,
    revision: int | None = None,
    now: datetime | None = None,
) -> FiledReport:
    """Record a report, or merge it into the same client's recent identical one (open, on
    the same bullet text, and saying no more: a new comment is a report of its own,
    ``_merged_into``).

    Returns ``(report, created, hid_summary)``; ``created`` is false for a merged
    duplicate, ``hid_summary`` true for the one report that hid its summary.
    The caller has validated ``takeaway_index`` against the summary, and gives the bullet
    at that index as the reader saw it (``takeaway``) and the box's revision it was in
    (``revision``, when the reader's page said), which the report keeps.

    Reports on one summary are taken one at a time: the first statement writes the
    summary's row (changing nothing), which holds SQLite's write lock or PostgreSQL's row
    lock until the commit. Without it, eight identical reports sent at once were stored
    as eight rows, and merged duplicates lost their counts.
    """
    if category not in CATEGORIES:
        raise ValueError(f"unknown report category {category!r}")
    session.execute(_LOCK_SUMMARY, {"summary_id": summary.id})
    # Read again under the lock: a report that came first may have hidden it (read
    # before, every report after the threshold had hidden it anew, and 12 readers at once
    # sent 7-8 ``summary.hidden`` webhooks: a trial on PostgreSQL).
    session.refresh(summary, ["hidden", "hidden_reason"])
    now = now or utcnow()
    parameters: dict[str, Any] = {
        "summary_id": summary.id,
        "client_hash": client_hash,
        "category": category,
        "since": now - timedelta(seconds=duplicate_window_s),
    }
    if takeaway_index is not None:
        parameters["takeaway_index"] = takeaway_index
    earlier = session.scalars(_DUPLICATE[takeaway_index is None], parameters).all()
    duplicate = _merged_into(earlier, comment, takeaway)
    if duplicate is not None:
        duplicate.duplicates += 1  # read under the lock, so no count is lost
        session.commit()
        return FiledReport(duplicate, created=False, hid_summary=False)
    report = Report(
        summary_id=summary.id,
        takeaway_index=takeaway_index,
        takeaway=takeaway,
        revision=revision,
        category=category,
        comment=comment,
        client_hash=client_hash,
        duplicates=0,
        status="open",
        created_at=now,
    )
    session.add(report)
    session.flush()
    hides = not summary.hidden and (
        open_reporters(session, summary, auto_hide_window_s, now) >= auto_hide_at
    )
    if hides:
        summary.hidden = True
        summary.hidden_reason = "auto"
    session.commit()
    return FiledReport(report, created=True, hid_summary=hides)


def ping(session: Session) -> None:
    """One round trip to the database; raises SQLAlchemy's error when it does not answer."""
    session.execute(text("SELECT 1"))


def get_report(session: Session, report_id: int) -> Report | None:
    return session.get(Report, report_id)


@dataclass(frozen=True)
class ReportFilter:
    """Which reports a listing shows; ``None`` leaves a field out. They combine (AND).

    ``publisher_id`` is the caller's scope (only reports on that publisher's summaries;
    ``None``: every publisher's, for the instance's own staff). ``publisher`` is a
    publisher's slug the caller asked for: it narrows within the scope and can never widen
    it, since both must hold. ``site`` a host name, lower case, matched against
    the host of the summary's ``url`` with or without a leading ``www.`` (the service
    checks its characters, so it holds no LIKE wildcard); ``since`` is inclusive, ``until``
    exclusive.
    """

    publisher_id: int | None = None
    status: str | None = None
    category: str | None = None
    summary_id: str | None = None
    publisher: str | None = None
    site: str | None = None
    since: datetime | None = None
    until: datetime | None = None


#: Every report (no filter).
NO_FILTER = ReportFilter()
#: A report's place in the listing: newest first by ``created_at``, then by ``id``.
ReportKey = tuple[datetime, int]


def _site_condition(site: str) -> ColumnElement[bool]:
    """The summary's URL has ``site`` (or ``www.`` + ``site``) as its host.

    LIKE patterns, because SQLite and PostgreSQL share no function that cuts a host out of
    a URL; the host ends at ``/``, ``:``, ``?``, ``#`` or the end of the URL.
    """
    url = func.lower(StoredSummary.url)
    bare = site.removeprefix("www.")
    patterns = []
    for host in (bare, f"www.{bare}"):
        for scheme in ("http", "https"):
            prefix = f"{scheme}://{host}"
            patterns.append(url == prefix)
            patterns.extend(url.like(f"{prefix}{end}%") for end in "/:?#")
    return or_(*patterns)


def _report_conditions(filters: ReportFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``filters`` (the summary's columns through a subquery)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Report.status == filters.status)
    if filters.category is not None:
        conditions.append(Report.category == filters.category)
    if filters.summary_id is not None:
        conditions.append(Report.summary_id == filters.summary_id)
    if filters.since is not None:
        conditions.append(Report.created_at >= filters.since)
    if filters.until is not None:
        conditions.append(Report.created_at < filters.until)
    summary_conditions: list[ColumnElement[bool]] = []
    if filters.publisher_id is not None:
        summary_conditions.append(StoredSummary.publisher_id == filters.publisher_id)
    if filters.publisher is not None:
        publisher = select(Publisher.id).where(Publisher.slug == filters.publisher)
        summary_conditions.append(StoredSummary.publisher_id.in_(publisher))
    if filters.site is not None:
        summary_conditions.append(_site_condition(filters.site))
    if summary_conditions:
        summaries = select(StoredSummary.id).where(*summary_conditions)
        conditions.append(Report.summary_id.in_(summaries))
    return conditions


def _older(key: ReportKey) -> ColumnElement[bool]:
    created_at, report_id = key
    # A BIGINT parameter: a made-up cursor's id beyond INTEGER compares, not overflows.
    return or_(
        Report.created_at < created_at,
        and_(Report.created_at == created_at, Report.id < literal(report_id, BigInteger)),
    )


def _newer(key: ReportKey) -> ColumnElement[bool]:
    created_at, report_id = key
    return or_(
        Report.created_at > created_at,
        and_(Report.created_at == created_at, Report.id > literal(report_id, BigInteger)),
    )


def list_reports(
    session: Session,
    filters: ReportFilter = NO_FILTER,
    *,
    older_than: ReportKey | None = None,
    newer_than: ReportKey | None = None,
    limit: int = 100,
) -> list[Report]:
    """Reports, newest first, each with its summary loaded (the dashboard shows both).

    Keyset pages: ``older_than`` gives the ``limit`` reports right after that key,
    ``newer_than`` the ``limit`` right before it (still listed newest first). A report
    filed meanwhile never shifts a page, as it would with an offset.
    """
    query = select(Report).options(selectinload(Report.summary))
    query = query.where(*_report_conditions(filters))
    limit = min(limit, MAX_LIST_LIMIT)
    if newer_than is not None:
        query = query.where(_newer(newer_than))
        query = query.order_by(Report.created_at, Report.id).limit(limit)
        return list(reversed(session.scalars(query).all()))
    if older_than is not None:
        query = query.where(_older(older_than))
    query = query.order_by(Report.created_at.desc(), Report.id.desc()).limit(limit)
    return list(session.scalars(query))


def reports_exist(
    session: Session,
    filters: ReportFilter,
    *,
    older_than: ReportKey | None = None,
    newer_than: ReportKey | None = None,
) -> bool:
    """Whether a report matches ``filters`` beyond the key: is there a next page."""
    query = select(Report.id).where(*_report_conditions(filters))
    if older_than is not None:
        query = query.where(_older(older_than))
    if newer_than is not None:
        query = query.where(_newer(newer_than))
    return session.scalar(query.limit(1)) is not None


def status_counts(session: Session, filters: ReportFilter) -> dict[str, int]:
    """Reports per status among those ``filters`` lets through (its status aside), every
    status present (0 when none)."""
    query = select(Report.status, func.count(Report.id)).group_by(Report.status)
    rows = session.execute(query.where(*_report_conditions(replace(filters, status=None))))
    counts = dict.fromkeys(STATUSES, 0)
    counts.update({status: count for status, count in rows})
    return counts


def hidden_summaries(
    session: Session, limit: int, publisher_id: int | None = None
) -> list[StoredSummary]:
    """Hidden summaries (of ``publisher_id`` when given), newest first, at most ``limit``."""
    query = (
        select(StoredSummary)
        .where(StoredSummary.hidden.is_(True))
        .order_by(StoredSummary.created_at.desc())
        .limit(limit)
    )
    if publisher_id is not None:
        query = query.where(StoredSummary.publisher_id == publisher_id)
    return list(session.scalars(query))


def review_report(
    session: Session,
    report: Report,
    *,
    status: str,
    note: str | None,
    reviewer: str,
    auto_hide_at: int,
    auto_hide_window_s: int,
    now: datetime | None = None,
) -> Report:
    """A reviewer's verdict; an auto-hidden summary reappears once too few reports are open."""
    if status not in STATUSES:
        raise ValueError(f"unknown report status {status!r}")
    report.status = status
    report.note = note
    report.reviewed_by = reviewer
    report.reviewed_at = now or utcnow()
    session.flush()
    summary = report.summary
    reporters = open_reporters(session, summary, auto_hide_window_s, report.reviewed_at)
    if summary.hidden_reason == "auto" and reporters < auto_hide_at:
        summary.hidden = False
        summary.hidden_reason = None
    session.commit()
    return report


def confirmed_reports(
    session: Session, publisher_id: int | None = None, since: datetime | None = None
) -> Iterator[Report]:
    """Every confirmed report with its summary (of ``publisher_id``'s summaries when
    given), oldest first (the regression export); with ``since``, only those confirmed
    at or after it (``reviewed_at``: a report filed long ago and confirmed since is new
    to an incremental export, which ``created_at`` would have missed)."""
    query = (
        select(Report)
        .where(*_report_conditions(ReportFilter(publisher_id=publisher_id)))
        .options(selectinload(Report.summary))
        .where(Report.status == "confirmed")
        .order_by(Report.id)
        .execution_options(yield_per=200)
    )
    if since is not None:
        query = query.where(Report.reviewed_at >= since)
    yield from session.scalars(query)


@dataclass(frozen=True)
class DayCount:
    day: date
    category: str
    count: int


def report_stats(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    publisher_id: int | None = None,
) -> list[DayCount]:
    """Reports per UTC day and category, oldest day first (the dashboard's chart).

    Counted in Python from the timestamps: SQL date functions differ between SQLite and
    PostgreSQL, and a chart covers at most a few thousand reports.
    """
    scope = _report_conditions(ReportFilter(publisher_id=publisher_id))
    query = select(Report.created_at, Report.category).where(*scope)
    if since is not None:
        query = query.where(Report.created_at >= since)
    if until is not None:
        query = query.where(Report.created_at < until)
    counts = Counter((created.date(), category) for created, category in session.execute(query))
    return [DayCount(day, category, n) for (day, category), n in sorted(counts.items())]


def regression_case(report: Report) -> dict[str, Any]:
    """One line of ``GET /v1/reports/export``: a confirmed report as a regression case.

    ``intisari evaluate`` reads these lines (they have ``report`` and no ``summary``): it
    re-summarizes ``text`` and checks whether the reported takeaway is still produced.
    """
    summary = report.summary
    result = summary.result
    return {
        "id": str(report.id),
        "summary_id": summary.id,
        "lang": summary.language,
        "title": result.get("title"),
        "text": result["text"],
        "takeaways": result["takeaways"],
        "engine": result["engine"],
        "report": {
            "takeaway_index": report.takeaway_index,
            # The bullet as the reader saw it (``None`` before 0007: ``takeaways`` at the
            # index, the engine's box, is what there is).
            "takeaway_text": report.takeaway_text,
            # The box's revision the reader saw (``None``: not said, or before 0009).
            "revision": report.revision,
            "category": report.category,
            "comment": report.comment,
            "status": report.status,
            "note": report.note,
            "created_at": report.created_at.isoformat(),
            "reviewed_at": None if report.reviewed_at is None else report.reviewed_at.isoformat(),
        },
    }
