"""The JSON API under ``/v1``, plus ``/healthz`` and ``/metrics``.

Handlers are plain ``def``: FastAPI runs them in its threadpool, so blocking database
calls never stall the event loop. The busiest public routes open their database session
themselves instead of through the ``db_session`` dependency: each sync dependency is one
more trip through the threadpool, which cost about a third of a cached summary's time
(``benchmarks/service_overhead.py``). ``POST /v1/summaries`` is the exception: it is
``async`` so that waiting for the engine, which runs in worker processes
(``service/engine_pool.py``), holds no thread; its cached path is still one trip through the
threadpool. It answers with the JSON bytes itself (a ``Response``): a cached, visible
summary's body comes from ``state.bodies`` as serialized once, and pydantic never
re-validates a stored result; ``response_model`` still documents the shape.

Error statuses (body: ``ErrorOut``): 400 a body that is not JSON (it does not parse, or is
not UTF-8), 401 anonymous on a reviewer route, 403 wrong role or missing CSRF token, 404
unknown id, 413 body over ``INTISARI_MAX_BODY_BYTES`` or article over the engine's byte
cap, 415 a body not sent as ``application/json``, 422 invalid request or an article the
engine cannot summarize (too short, undecodable, a URL that cannot be fetched, ``too-
slow``: over the engine's CPU deadline), 429 rate limit with ``Retry-After``, 500
``internal-error`` (a bug, logged), 503 with ``Retry-After`` when every engine worker or
fetch slot is taken (``engine-busy``, ``fetch-busy``) or, on every route but ``/metrics``,
when the database stops answering (``database-unavailable``, ``web/errors.py``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Security
from fastapi.responses import PlainTextResponse, StreamingResponse
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import AfterValidator, BeforeValidator
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from intisari.roles import allows
from intisari.service import review
from intisari.service.accounts import log_in
from intisari.service.editorial import box_of as editorial_box
from intisari.service.editorial import can_edit
from intisari.service.errors import NotFound, said
from intisari.service.publishers import in_scope, report_in, summary_in
from intisari.service.reports import file_report, limit_reports_from, limit_reports_on
from intisari.service.setup import check_database
from intisari.service.summaries import (
    ArticleRequest,
    Source,
    count_served,
    lookup,
    retry_due,
    store_made,
    summarize_again,
    summarize_in_workers,
)
from intisari.storage.models import DEFAULT_PUBLISHER_ID, StoredSummary
from intisari.web.auth import (
    ANONYMOUS_TOO,
    BEARER,
    Principal,
    current_principal,
    end_session,
    start_session,
)
from intisari.web.deps import (
    ApiError,
    AppState,
    Client,
    app_state,
    db_session,
    request_client,
)
from intisari.web.docs import error_responses
from intisari.web.schemas import (
    Category,
    HiddenIn,
    LoginIn,
    LoginOut,
    ReportIn,
    ReportOut,
    ReportPageOut,
    ReviewIn,
    Status,
    SummaryIn,
    SummaryOut,
)
from intisari.web.tenancy import (
    Actor,
    actor_of,
    has_credentials,
    request_scope,
    require_reviewer,
    scope_of,
)

__all__ = ["ApiError", "router"]

State = Annotated[AppState, Depends(app_state)]
DB = Annotated[Session, Depends(db_session)]
Caller = Annotated[Client, Depends(request_client)]
Reviewer = Annotated[Actor, Depends(require_reviewer)]
MaybePrincipal = Annotated[Principal | None, Depends(current_principal)]

router = APIRouter()

#: A date or a moment in ISO 8601 (pydantic alone would also take numbers as Unix times,
#: which no reviewer means).
ISO_8601 = review.ISO_8601
#: Largest id and offset: PostgreSQL's INTEGER; a larger number would overflow the driver.
MAX_INT = review.MAX_INT
ReportId = Annotated[int, Path(ge=1, le=MAX_INT)]


def _iso_8601(value: object) -> object:
    if isinstance(value, str) and not ISO_8601.fullmatch(value):
        head, space, zone = value.rpartition(" ")
        if space and ISO_8601.fullmatch(f"{head}+{zone}"):
            # `date -Iseconds` in a script's URL: "+07:00" arrives as " 07:00".
            raise ValueError(
                "a + in a URL's query reads as a space: write it %2B "
                "(2025-03-01T08:00:00%2B07:00), or give the moment in UTC with Z"
            )
        raise ValueError("give an ISO 8601 date or date-time, e.g. 2025-03-01T08:00:00Z")
    return value


def _in_utc(moment: datetime | date) -> datetime:
    """The moment in UTC: dates are midnight, and moments without a zone are UTC.

    A moment that has no UTC form (``0001-01-01T00:00:00+14:00`` is in year 0) is a 422
    here, not an ``OverflowError`` in the database driver.
    """
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("the moment is outside the years 1-9999 in UTC") from None


#: Typed as what ``_in_utc`` makes of it (a UTC datetime); pydantic reads a date or a
#: date-time (``datetime | date`` before the validator).
IsoMoment = Annotated[datetime, BeforeValidator(_iso_8601), AfterValidator(_in_utc)]


# Summaries ----------------------------------------------------------------------------


@router.post(
    "/v1/summaries",
    response_model=SummaryOut,
    responses=error_responses(429, 500, 503),
    tags=["summaries"],
    dependencies=[Security(BEARER)],
    openapi_extra=ANONYMOUS_TOO,
)
async def create_summary(
    body: SummaryIn, request: Request, state: State, client: Caller
) -> Response:
    """Summarize an article, or return its stored summary (same input, same engine).

    With a publisher's key (``Authorization: Bearer ipk_...``) the summary is that
    publisher's, and counts against its daily quota (429 ``quota-exceeded``) when the
    engine makes it. The ``X-Intisari-Cache`` header says ``hit`` (stored earlier) or
    ``miss`` (made now). A stored ``method: llm`` box made without the LLM is made again
    (``service.summaries.retry_due``): ``miss`` when the LLM's box replaced it, ``hit``
    when it is still the answer.
    """
    answer, source, again = await run_in_threadpool(
        _stored_answer, body, request, state, client
    )
    hit = answer is not None
    result = None
    # The engine runs in a worker process; no thread waits for it.
    if answer is None:
        result = await summarize_in_workers(state, source)
    elif again:
        result = await summarize_again(state, source)
    if result is not None:
        answer, made = await run_in_threadpool(_store, state, source, result)
        hit = hit and not made
    count_served(state, hit, remade=again and not hit)
    return Response(
        answer,
        media_type="application/json",
        headers={"X-Intisari-Cache": "hit" if hit else "miss"},
    )


def _stored_answer(
    body: SummaryIn, http: Request, state: AppState, client: Client
) -> tuple[bytes | None, Source, bool]:
    """The caller's publisher, the rate limit, the URL fetch and the cache lookup (all
    blocking): the stored body of ``body``'s article if there is one, the article as
    the engine takes it, and whether that body is to be made again (``retry_due``)."""
    publisher_id, from_publisher = _publisher_of(http, state)
    request = ArticleRequest(
        text=body.text,
        html=body.html,
        url=body.url,
        title=body.title,
        lang=body.lang,
        article_id=body.article_id,
        method=body.method,
        count=body.count,
        publisher_id=publisher_id,
        from_publisher=from_publisher,
    )
    source, cached = lookup(state, client, request)
    if cached is None:
        return None, source, False
    again = retry_due(cached, state.options)
    if not cached.hidden and not cached.pending:
        key = _body_key(cached.id, cached.revision)
        answer = state.bodies.get(key, lambda: _visible_body(state, cached.id))
        if answer is not None:
            return answer, source, again
    with state.sessions() as session:  # hidden or a draft: its public form has no takeaways
        stored = review.find_summary(session, cached.id)
    return (None if stored is None else _dump(stored)), source, again


def _publisher_of(request: Request, state: AppState) -> tuple[int, bool]:
    """Whose summary a new one becomes: the key's or the newsroom account's publisher,
    else the default one (``actor_of``: an unknown bearer token is 401, so a mistyped key
    does not file a publisher's boxes elsewhere); and whether that publisher (its key, or
    a staff account) asks, rather than an anonymous caller."""
    if not has_credentials(request):
        return DEFAULT_PUBLISHER_ID, False
    with state.sessions() as session:
        actor = actor_of(request, state, session)
    if actor is None:  # an expired session cookie: anonymous
        return DEFAULT_PUBLISHER_ID, False
    return (DEFAULT_PUBLISHER_ID if actor.publisher_id is None else actor.publisher_id), True


def _store(state: AppState, source: Source, result: dict[str, Any]) -> tuple[bytes, bool]:
    """The body of ``result`` as stored, and whether it was made now (not found stored)."""
    with state.sessions() as session:
        stored, made = store_made(state, session, source, result)
        return _body(state, stored), made


def _dump(stored: StoredSummary) -> bytes:
    """The public JSON body of a stored summary (no takeaways if hidden or a draft)."""
    return SummaryOut.of(stored).model_dump_json().encode()


def _body_key(summary_id: str, revision: int) -> str:
    """Where ``state.bodies`` keeps a body: an editor's change makes a new revision, so a
    new key in every worker (the old body ages out of the LRU, nothing to invalidate)."""
    return f"{summary_id}.{revision}"


def _public(stored: StoredSummary) -> bool:
    return not stored.hidden and not editorial_box(stored).pending


def _body(state: AppState, stored: StoredSummary) -> bytes:
    """``_dump``, kept in ``state.bodies`` while the summary is visible."""
    if not _public(stored):
        return _dump(stored)
    key = _body_key(stored.id, editorial_box(stored).revision)
    return state.bodies.get(key, lambda: _dump(stored)) or _dump(stored)


def _visible_body(state: AppState, summary_id: str) -> bytes | None:
    """The body to keep for ``summary_id``, or None if it is hidden, a draft (or gone)."""
    with state.sessions() as session:
        stored = review.find_summary(session, summary_id)
    if stored is None or not _public(stored):
        return None
    return _dump(stored)


@router.get(
    "/v1/summaries/{summary_id}",
    response_model=SummaryOut,
    responses=error_responses(404, 503),
    tags=["summaries"],
    dependencies=[Security(BEARER)],
    openapi_extra=ANONYMOUS_TOO,
)
def read_summary(summary_id: str, request: Request, state: State) -> SummaryOut:
    """A stored summary of the caller's publisher (anonymous: the default one; another
    publisher's is 404). Hidden ones have no takeaways, except for reviewers; drafts
    (``pending: true``) none, except for editors of its publisher."""
    with state.sessions() as session:
        stored = review.summary_by_id(session, summary_id)
        actor = None
        if has_credentials(request):
            actor = actor_of(request, state, session)
        if not in_scope(scope_of(actor), stored.publisher_id):
            raise NotFound(f"no summary {said(summary_id)}")
    state.metrics.summaries_served.labels("lookup").inc()
    reviewer = actor is not None and allows(actor.role, "review")
    editor = actor is not None and can_edit(actor, stored)
    return SummaryOut.of(stored, reviewer=reviewer, editor=editor)


@router.patch(
    "/v1/summaries/{summary_id}",
    response_model=SummaryOut,
    responses=error_responses(403, 404, 503),
    tags=["review"],
)
def hide_summary(summary_id: str, body: HiddenIn, session: DB, reviewer: Reviewer) -> SummaryOut:
    """Hide a summary at once (``hidden: true``) or show it again; reviewers only."""
    stored = summary_in(session, summary_id, reviewer.scope)
    review.set_hidden(session, stored, body.hidden, actor=reviewer.name)
    return SummaryOut.of(stored, reviewer=True)


# Reports ------------------------------------------------------------------------------


@router.post(
    "/v1/summaries/{summary_id}/reports",
    response_model=ReportOut,
    status_code=201,
    responses={
        200: {"model": ReportOut, "description": "Merged into the same client's earlier report"},
        **error_responses(404, 429, 503),
    },
    tags=["reports"],
    dependencies=[Security(BEARER)],
    openapi_extra=ANONYMOUS_TOO,
)
def create_report(
    summary_id: str,
    body: ReportIn,
    request: Request,
    response: Response,
    state: State,
    client: Caller,
) -> ReportOut:
    """Report an error in one bullet (``takeaway_index``) or in the whole box (null).

    201 once the report is committed; 200 when it repeats the same client's open report on
    the same bullet and category within ``INTISARI_DUPLICATE_REPORT_WINDOW_S`` and says
    nothing new (no comment, or that report's: merged, counted once). A repeat with a new
    comment is a report of its own (201), so that no comment is lost.

    ``revision``: the box's revision the reader saw; the report keeps the bullet at
    ``takeaway_index`` in it (409 for a revision readers never saw: reload).
    """
    limit_reports_from(state, client)
    with state.sessions() as session:
        summary = summary_in(session, summary_id, request_scope(request, state, session))
        limit_reports_on(state, summary.id)
        report, created = file_report(
            state, session, summary, client, takeaway_index=body.takeaway_index,
            category=body.category, comment=body.comment, revision=body.revision,
        )
    if not created:
        response.status_code = 200
    return ReportOut.of(report)


@router.get(
    "/v1/reports",
    response_model=ReportPageOut,
    responses=error_responses(403, 503),
    tags=["review"],
)
def list_reports(
    session: DB,
    reviewer: Reviewer,
    status: Status | None = None,
    category: Category | None = None,
    summary_id: str | None = None,
    publisher: Annotated[
        str | None,
        Query(pattern=f"^{review.PUBLISHER_PATTERN}$", description="A publisher's slug."),
    ] = None,
    site: Annotated[
        str | None,
        Query(
            pattern=f"^{review.SITE_PATTERN}$",
            description="Host of the article's URL (www. or not), e.g. www.kompas.com.",
        ),
    ] = None,
    since: Annotated[IsoMoment | None, Query(description="Created at or after.")] = None,
    until: Annotated[IsoMoment | None, Query(description="Created before.")] = None,
    cursor: Annotated[
        str | None,
        Query(
            pattern=f"^{review.CURSOR_PATTERN}$",
            description="The `next` or `previous` of an earlier answer.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=review.MAX_LIST_LIMIT)] = 100,
) -> ReportPageOut:
    """Reports, newest first, filtered, a page at a time; reviewers only.

    The filters are the dashboard's (``/review`` takes the same query parameters). Only
    the caller's publisher's reports are listed (every publisher's for the instance's
    staff); ``publisher`` narrows within that, so another publisher's slug lists nothing.
    """
    filters = review.report_filter(
        scope=reviewer.scope, status=status, category=category, summary_id=summary_id,
        publisher=publisher, site=site, since=since, until=until,
    )
    page = review.report_page(
        session,
        filters,
        cursor=None if cursor is None else review.parse_cursor(cursor),
        limit=limit,
    )
    return ReportPageOut(
        reports=[ReportOut.of(r) for r in page.reports],
        next=None if page.next is None else str(page.next),
        previous=None if page.previous is None else str(page.previous),
    )


@router.get(
    "/v1/reports/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "JSON Lines, one confirmed report per line (see README, Service)",
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        },
        **error_responses(403, 503),
    },
    tags=["review"],
)
def export_reports(
    state: State,
    reviewer: Reviewer,
    since: Annotated[
        IsoMoment | None,
        Query(
            description="Only reports confirmed at or after this moment (ISO 8601, e.g. "
            "2025-03-01T08:00:00Z; a date is midnight UTC, a moment without a zone UTC): "
            "pass the time the previous export started to export only what is new.",
        ),
    ] = None,
) -> StreamingResponse:
    """Confirmed reports as regression cases for ``intisari evaluate`` (JSONL)."""

    return StreamingResponse(
        review.export_lines(state, reviewer.scope, since),
        media_type="application/x-ndjson",
        # A browser saved it as "export", with no extension.
        headers={"Content-Disposition": 'attachment; filename="intisari-reports.jsonl"'},
    )


@router.patch(
    "/v1/reports/{report_id}",
    response_model=ReportOut,
    responses=error_responses(403, 404, 503),
    tags=["review"],
)
def review_report(
    report_id: ReportId, body: ReviewIn, state: State, session: DB, reviewer: Reviewer
) -> ReportOut:
    """Confirm or dismiss a report (or reopen it), with a note; reviewers only."""
    report = report_in(session, report_id, reviewer.scope)
    review.decide(state, session, report, status=body.status, note=body.note,
                  reviewer=reviewer.name)
    return ReportOut.of(report)


# Login --------------------------------------------------------------------------------


@router.post(
    "/v1/auth/login",
    response_model=LoginOut,
    responses=error_responses(401, 429, 503),
    tags=["auth"],
)
def login(body: LoginIn, response: Response, state: State, session: DB, client: Caller) -> LoginOut:
    """Log in with name and password: sets the session cookie, returns the CSRF token."""
    account = log_in(state, session, client, body.name, body.password)
    if account is None:
        raise ApiError(401, "unauthorized", "wrong name or password")
    token = start_session(state, session, response, account)
    return LoginOut(name=account.name, role=account.role, csrf_token=token)


@router.post(
    "/v1/auth/logout", status_code=204, responses=error_responses(503), tags=["auth"]
)
def logout(request: Request, response: Response, session: DB) -> None:
    """End the session: its cookie, and any copy of it, is refused from now on."""
    end_session(request, session, response)


@router.get(
    "/v1/auth/me", response_model=LoginOut, responses=error_responses(503), tags=["auth"]
)
def me(request: Request, response: Response, state: State, principal: MaybePrincipal) -> LoginOut:
    """Who is logged in, with a CSRF token for this browser."""
    if principal is None:
        raise ApiError(401, "unauthorized", "not logged in")
    token = state.csrf.token(request, response)
    return LoginOut(name=principal.account.name, role=principal.account.role, csrf_token=token)


# Operations ---------------------------------------------------------------------------


@router.get("/healthz", responses=error_responses(503), tags=["operations"])
def healthz(state: State) -> dict[str, str]:
    """``{"status": "ok"}`` when the database answers, else 503."""
    check_database(state.sessions)
    return {"status": "ok"}


@router.get("/metrics", response_class=PlainTextResponse, tags=["operations"])
def metrics(state: State) -> Response:
    """Prometheus text format."""
    return Response(state.metrics.render(), media_type=CONTENT_TYPE_LATEST)
