"""The embed's JSON routes, for ``static/embed.js`` on a publisher's own article pages.

- ``GET /v1/embed/{publisher}/box?article_id=...`` (or ``url=...``): the box the
  publisher's server stored for that article (``POST /v1/summaries``), with the words the
  box needs in the article's language (heading, notice, report categories and their
  labels: one home, ``report_kinds.py`` and ``web/locale``) and each bullet's source
  sentence, which the script finds and marks in the host page's article text.
- ``POST /v1/embed/{publisher}/reports``: a reader's report, through
  ``service.reports.file_report`` as every other report (the same rate limits,
  duplicate merging and auto-hiding).
- ``OPTIONS`` on both: the CORS preflight.

CORS is per publisher (``service.embed.allowed_publisher``): only an ``Origin`` in the
publisher's ``allowed_origins`` gets ``Access-Control-Allow-Origin`` (that origin), on
every answer under ``/v1/embed/{publisher}/``: a box, a report, and each error as well
(``EmbedCorsMiddleware``), so that the page's script can read why (a 422 for a query or
body it got wrong, a 413 for a body over the cap, a 404, a 429, even a 500); without the
header the browser hid the JSON and the script saw only a network failure. Any other
origin, or none, gets 403 ``origin-refused``. That refusal of the box (``GET``) says
``Access-Control-Allow-Origin: *``, and so does a 404 ``unknown-publisher``: they hold no
box (nothing is looked up before them), and the script must read them to tell the page's
developer why nothing shows. So does every error while the database is down (its 503
``database-unavailable``), when whether the origin may embed cannot be known. Else a
refused origin gets no CORS header on anything (a report, its preflight, a body that is
not JSON): the browser never sends the report.
Every answer there says ``Vary: Origin``. No ``Access-Control-Allow-Credentials``: the
script sends no cookies (``credentials: "omit"``) and these routes read none. Other
routes send no CORS headers at all, so browsers keep them same-origin.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intisari.language.detect import language_for
from intisari.report_kinds import MAX_COMMENT_CHARS
from intisari.service.editorial import box_of, notice_of
from intisari.service.embed import allowed_publisher, embed_summary, embed_summary_by_id
from intisari.service.errors import ServiceError
from intisari.service.reports import file_report, limit_reports_from, limit_reports_on
from intisari.storage.models import Publisher, StoredSummary
from intisari.web.deps import AppState, Client, app_state, request_client
from intisari.web.docs import error_responses
from intisari.web.errors import DATABASE_GONE
from intisari.web.highlight import source_sentences, source_spans
from intisari.web.locale import READER_TEXT, correction_text, locale_of, page_language
from intisari.web.schemas import Category, ReportOut

__all__ = ["EmbedCorsMiddleware", "router"]

State = Annotated[AppState, Depends(app_state)]
Caller = Annotated[Client, Depends(request_client)]

#: Every route here opens the database, so each may answer 503 ``database-unavailable``
#: (``web/errors.py``) when it stops answering.
router = APIRouter(tags=["embed"], responses=error_responses(503))

#: Seconds a browser may reuse a preflight's answer: ten minutes spares a round trip per
#: report, and a publisher who removes an origin waits no longer than that.
PREFLIGHT_MAX_AGE_S = 600
#: The one request header the script sends that is not CORS-safelisted.
ALLOWED_HEADERS = "Content-Type"
#: Longest article id or URL the box route takes (``StoredSummary.article_id`` is 200).
MAX_ARTICLE_ID_CHARS = 200
MAX_URL_CHARS = 2048
#: A language tag (``id``, ``en-US``, ``zh-Hant-TW``), not a sentence: the length BCP 47
#: asks every reader of tags to take (RFC 5646, 4.4.1).
MAX_LANG_CHARS = 35
#: Of the reader's wording (``web/locale``), what the embed shows.
EMBED_WORDS = (
    "report_title", "report_point", "category_label", "choose", "comment_label",
    "comment_help", "send", "close", "thanks", "error_category", "error_comment",
    "error_rate", "error_generic", "embed_source_hint", "source_marked", "paragraph",
    "source_missing", "point", "show_more", "show_less",
)  # fmt: skip
#: Bullets a box shows on a phone before "show more", as the article page
#: (``pages/article.py``, ``COLLAPSE_AFTER``).
COLLAPSE_AFTER = 3
#: The embed's paths (``/v1/embed/{publisher}/...``, the routes below): every answer under
#: them gets its CORS headers from ``EmbedCorsMiddleware``.
EMBED_PATH = re.compile(r"/v1/embed/(?P<publisher>[^/]+)/")
#: ``Access-Control-Allow-Origin`` of an answer any page may read: only one that holds no
#: box (a refused origin, an unknown publisher, the database down). Never with credentials,
#: which the script does not send.
ANY_ORIGIN = "*"

BoxErrors = error_responses(403, 404)
#: The box's answer for an article without one yet: no content, so the publisher's page
#: logs nothing (a 404 put "Failed to load resource" in its console on every article
#: not summarized yet, though the README promised an empty box logs nothing).
NO_BOX_YET: dict[int | str, dict[str, Any]] = {
    204: {"description": "No box for this article yet: the element stays empty"}
}
ReportErrors = error_responses(403, 404, 429)


class EmbedTakeaway(BaseModel):
    text: str
    origin: str
    #: The article sentence(s) the bullet comes from, to find and mark on the host page.
    source: str


class EmbedBoxOut(BaseModel):
    summary_id: str
    #: ``published``: shown; ``hidden``: pulled by a reviewer or by reports; ``pending``: a
    #: draft waiting for an editor (publish mode ``review``). No bullets unless published.
    status: Literal["published", "hidden", "pending"]
    language: str
    title: str | None
    heading: str
    notice: str
    #: "Diperbarui ...: <the editor's note>" once a published box was changed, else null.
    correction: str | None
    takeaways: list[EmbedTakeaway]
    #: The box's revision: a report sends it back, so that it keeps the bullet shown.
    revision: int
    #: ``(code, label)`` of each report category, in the reader's language.
    categories: list[tuple[str, str]]
    max_comment_chars: int
    #: The rest of the box's words in the reader's language (``EMBED_WORDS``), and
    #: ``report_label``, the report control's visible word, in ``report_label_language``.
    words: dict[str, str]
    #: The language of ``words``: the script marks the box's own words with it.
    words_language: str
    #: The article's language's word for "report" (as the article page shows it), or the
    #: reader's when the element's ``lang`` asked for another.
    report_label_language: str
    #: On a phone, bullets after this many fold behind "show more".
    collapse_after: int = COLLAPSE_AFTER


class EmbedReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary_id: str = Field(max_length=32)
    takeaway_index: int | None = Field(None, ge=0, strict=True)
    #: The box's ``revision`` the reader saw (``EmbedBoxOut.revision``), as for the API.
    revision: int | None = Field(None, ge=0, strict=True)
    category: Category
    comment: str | None = Field(None, max_length=MAX_COMMENT_CHARS)


#: A request's ``Origin`` decided for the publisher it names: the publisher and the
#: allowed origin, or the service's refusal.
Decision = tuple[Publisher, str] | ServiceError


def _decide(request: Request, slug: str, sessions: sessionmaker[Session]) -> Decision:
    """Whether the request's ``Origin`` may embed publisher ``slug``'s box
    (``service.embed.allowed_publisher``), decided once per request: kept in the request's
    state, where ``EmbedCorsMiddleware`` finds it for the answer, whatever gave that."""
    decided: Decision | None = getattr(request.state, "embed_decision", None)
    if decided is None:
        origin = request.headers.get("origin")
        try:
            with sessions() as session:  # closing it keeps the row's loaded fields
                publisher = allowed_publisher(session, slug, origin)
            assert origin is not None  # allowed_publisher refuses a missing origin
            decided = (publisher, origin)
        except ServiceError as error:
            decided = error
        request.state.embed_decision = decided
    return decided


def _allowed(publisher: str, request: Request, state: State) -> tuple[Publisher, str]:
    """The publisher and the allowed origin, or the service's 403/404 (with no CORS
    header: a refused origin gets none).

    A dependency, so it runs before the body is validated: a refused origin gets 403
    whatever it sent.
    """
    decided = _decide(request, publisher, state.sessions)
    if isinstance(decided, ServiceError):
        raise decided
    return decided


class EmbedCorsMiddleware:
    """``Access-Control-Allow-Origin`` for an allowed origin on every answer under the
    embed's paths, and ``Vary: Origin`` on all of them.

    A middleware, not the routes, because errors are answered elsewhere: the JSON
    handlers of ``web/app.py`` (a query or a body FastAPI refused, a 405), the 500 of
    ``web/errors.py``. The origin is the one ``_allowed`` decided for the request; where
    it never ran (a body that is not JSON is refused before any dependency), the answer
    waits for the same decision: so does the body cap's 413 (``web/app.py`` installs the
    cap inside this middleware). An answer that says its own origin (the box's readable
    refusal, ``*``) keeps it. With the database down nothing can be decided: the error
    (its 503) is readable by any page (``_allowed_origin``).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        embed = EMBED_PATH.match(scope["path"]) if scope["type"] == "http" else None
        if embed is None:
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})  # shared with the route's request, which decides
        request = Request(scope)

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.add_vary_header("Origin")
                if "access-control-allow-origin" not in headers:
                    origin = await _allowed_origin(request, embed["publisher"], message["status"])
                    if origin is not None:
                        headers["Access-Control-Allow-Origin"] = origin
            await send(message)

        await self.app(scope, receive, send_with_cors)


async def _allowed_origin(request: Request, slug: str, status: int) -> str | None:
    """What the answer (of ``status``) says in ``Access-Control-Allow-Origin``: the
    request's origin if it may embed ``slug``'s box, else None; the decision made for the
    request, or made now (in the threadpool: it reads the database).

    A database that does not answer cannot say whether the origin may embed: the answer is
    then an error (its 503, or a refusal made before the database was asked), which holds
    no box, as a box is only read from that database. It is readable by any page
    (``ANY_ORIGIN``), as the box's refusals are: without it the publisher's page saw a CORS
    error where the service said to retry in a moment.
    """
    decided: Decision | None = getattr(request.state, "embed_decision", None)
    if decided is None:
        state: AppState = request.app.state.intisari
        try:
            decided = await run_in_threadpool(_decide, request, slug, state.sessions)
        except DATABASE_GONE:
            return ANY_ORIGIN if status >= HTTPStatus.BAD_REQUEST else None
    return None if isinstance(decided, ServiceError) else decided[1]


Allowed = Annotated[tuple[Publisher, str], Depends(_allowed)]


class _Readable(ServiceError):
    """A refusal any page may read: the service's error with ``Access-Control-Allow-Origin:
    *``. Only for what holds no box (a refused origin, an unknown publisher)."""

    def __init__(self, error: ServiceError) -> None:
        super().__init__(error.message, code=error.code, retry_after_s=error.retry_after_s)
        self.status = error.status

    @property
    def headers(self) -> dict[str, str]:
        return {**(super().headers or {}), "Access-Control-Allow-Origin": ANY_ORIGIN}


def _allowed_or_why(publisher: str, request: Request, state: State) -> tuple[Publisher, str]:
    """``_allowed`` for the box's ``GET``: its refusal readable by the page (``_Readable``),
    so the script can say why it shows nothing."""
    try:
        return _allowed(publisher, request, state)
    except ServiceError as error:
        raise _Readable(error) from None


AllowedOrWhy = Annotated[tuple[Publisher, str], Depends(_allowed_or_why)]


@router.options(
    "/v1/embed/{publisher}/{resource}", include_in_schema=False, dependencies=[Depends(_allowed)]
)
def preflight(resource: Literal["box", "reports"]) -> Response:
    """The CORS preflight: 204 with the methods and the header the script may send (the
    allowed origin is ``EmbedCorsMiddleware``'s), else 403."""
    return Response(
        status_code=204,
        headers={
            "Access-Control-Allow-Methods": "GET, POST",
            "Access-Control-Allow-Headers": ALLOWED_HEADERS,
            "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE_S),
        },
    )


@router.get(
    "/v1/embed/{publisher}/box",
    response_model=EmbedBoxOut,
    responses={**NO_BOX_YET, **BoxErrors},
)
def embed_box(
    allowed: AllowedOrWhy,
    state: State,
    article_id: Annotated[str | None, Query(max_length=MAX_ARTICLE_ID_CHARS)] = None,
    url: Annotated[str | None, Query(max_length=MAX_URL_CHARS)] = None,
    lang: Annotated[str | None, Query(max_length=MAX_LANG_CHARS)] = None,
) -> Response:
    """The publisher's box for one of its articles (by ``article_id``, else ``url``).

    403 ``origin-refused`` and 404 ``unknown-publisher`` are readable by any page (``*``),
    so that the embed can say why it shows nothing; they tell nothing of any box. 204
    when the article has no box yet (not an error: the element stays empty).

    ``lang`` (the element's ``lang`` attribute) is the language of the box's own words
    (the report dialog) where there is a wording for it; the heading, notice and bullets
    are always the article's.
    """
    with state.sessions() as session:
        stored = embed_summary(session, allowed[0], article_id=article_id, url=url)
        if stored is None:
            return Response(status_code=204)
        box = _box(stored, lang)
    state.metrics.summaries_served.labels("embed").inc()
    return Response(box.model_dump_json(), media_type="application/json")


def _box(stored: StoredSummary, lang: str | None) -> EmbedBoxOut:
    """The box as the article page shows it (``service.editorial``: the editors' bullets,
    notice and correction note), so the embed and the page never disagree."""
    result = stored.result
    data = language_for(stored.language).data
    words_language = page_language(stored.language, lang)
    ui = READER_TEXT[words_language]
    # The report control's word, as the article page has it (``pages/article.py``): the
    # article's language's, unless the reader's words were asked for.
    asked = locale_of(lang) is not None
    box_language = data.words_language or stored.language
    box = box_of(stored)
    status: Literal["published", "hidden", "pending"] = (
        "hidden" if stored.hidden else "pending" if box.pending else "published"
    )
    takeaways = box.takeaways if status == "published" else []
    correction = None
    if box.corrected_at is not None:
        correction = correction_text(stored.language, box.corrected_at, box.correction_note)
    return EmbedBoxOut(
        summary_id=stored.id,
        status=status,
        language=stored.language,
        title=result.get("title"),
        heading=data.heading,
        notice=notice_of(stored, box),
        correction=correction,
        takeaways=[
            EmbedTakeaway(
                text=t["text"],
                origin=t.get("origin", "extract"),
                source=source_sentences(result["text"], source_spans(t), stored.language),
            )
            for t in takeaways
        ],
        revision=box.revision,
        categories=[tuple(pair) for pair in ui["categories"]],
        max_comment_chars=MAX_COMMENT_CHARS,
        words={key: ui[key] for key in EMBED_WORDS}
        | {"report_label": ui["report_title"] if asked else data.report_label},
        words_language=words_language,
        report_label_language=words_language if asked else box_language,
    )


@router.post(
    "/v1/embed/{publisher}/reports",
    response_model=ReportOut,
    status_code=201,
    responses={
        200: {"model": ReportOut, "description": "Merged into the same client's earlier report"},
        **ReportErrors,
    },
)
def embed_report(allowed: Allowed, body: EmbedReportIn, state: State, client: Caller) -> Response:
    """A reader's report from the embed: 201 filed, 200 merged into the same client's."""
    limit_reports_from(state, client)
    with state.sessions() as session:
        stored = embed_summary_by_id(session, allowed[0], body.summary_id)
        limit_reports_on(state, stored.id)
        report, created = file_report(
            state,
            session,
            stored,
            client,
            takeaway_index=body.takeaway_index,
            category=body.category,
            comment=body.comment,
            revision=body.revision,
        )
        out: dict[str, Any] = ReportOut.of(report).model_dump(mode="json")
    return JSONResponse(out, 201 if created else 200)
