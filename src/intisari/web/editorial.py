"""The editors' JSON routes (issue 16): approve a draft, change a box, pick a replacing
sentence, drafts waiting, boxes by status, and the audit log with its export.

Each calls the same ``service.editorial`` function as the dashboard's pages
(``web/pages/editorial.py``). Changes need the ``edit`` permission (``roles.allows``):
401 anonymous, 403 a reviewer or reader, 403 a cookie-authenticated change without its
``X-CSRF-Token``; 404 a summary of another publisher; 409 a change made against an older
``revision``; 422 a change that cannot be made (the grounding invariant, an unsupported
rewrite). The audit log needs ``review``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from intisari.roles import allows
from intisari.service import boxes, editorial
from intisari.service.editorial import MAX_CORRECTION_NOTE_CHARS, Edit
from intisari.service.review import MAX_INT, MAX_LIST_LIMIT, PUBLISHER_PATTERN
from intisari.storage.models import AuditEntry, StoredSummary
from intisari.web.deps import AppState, app_state, db_session
from intisari.web.docs import error_responses
from intisari.web.schemas import MAX_STATEMENT_CHARS, SummaryOut
from intisari.web.tenancy import Actor, require_editor, require_reviewer

__all__ = ["AuditOut", "BoxOut", "BoxPageOut", "CandidateOut", "EditIn", "RevisionIn", "router"]

State = Annotated[AppState, Depends(app_state)]
DB = Annotated[Session, Depends(db_session)]
Editor = Annotated[Actor, Depends(require_editor)]
Reviewer = Annotated[Actor, Depends(require_reviewer)]

#: Every route here opens the database, so each may answer 503 ``database-unavailable``
#: (``web/errors.py``) when it stops answering.
router = APIRouter(tags=["editorial"], responses=error_responses(503))

#: Most bullets a box has (``takeaways.select.MAX_COUNT`` is far below): bounds ``order``.
MAX_ORDER_ITEMS = 50


class RevisionIn(BaseModel):
    """The revision the change is made against (``SummaryOut.revision``)."""

    model_config = {"extra": "forbid"}

    revision: int = Field(ge=0, le=MAX_INT, strict=True)


class EditIn(RevisionIn):
    """One change: ``remove`` bullet ``index``; ``reorder`` to ``order``; ``replace``
    bullet ``index`` with article sentence ``sentence`` (see ``/candidates``); ``shorten``
    bullet ``index`` to ``text`` (deletions only); ``rewrite`` LLM bullet ``index`` as
    ``text`` (checked; 422 ``rewrite-unsupported`` unless supported)."""

    op: Literal["remove", "reorder", "replace", "shorten", "rewrite"]
    index: int = Field(0, ge=0, le=MAX_INT, strict=True)
    order: list[Annotated[int, Field(ge=0, le=MAX_INT, strict=True)]] = Field(
        default_factory=list, max_length=MAX_ORDER_ITEMS
    )
    sentence: int = Field(0, ge=0, le=MAX_INT, strict=True)
    text: str = Field("", max_length=MAX_STATEMENT_CHARS)
    #: For readers, when the box was published already ("Updated ...: <note>").
    note: str | None = Field(None, max_length=MAX_CORRECTION_NOTE_CHARS)


class CandidateOut(BaseModel):
    sentence: int
    text: str
    start: int
    end: int
    paragraph: int
    position: int
    score: float
    in_box: bool
    #: A whole sentence (only these may replace a bullet).
    whole: bool


class AuditOut(BaseModel):
    id: int
    at: str
    summary_id: str
    publisher_id: int
    actor: str
    action: str
    revision: int | None
    note: str | None
    before: Any
    after: Any

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls.model_validate(editorial.audit_row(entry))


class BoxOut(BaseModel):
    """One box of a listing (``GET /v1/boxes``): enough to find it and open it, not the
    article (``GET /v1/summaries/{summary_id}`` has that)."""

    summary_id: str
    #: Its publisher's slug.
    publisher: str
    article_id: str | None
    url: str | None
    title: str | None
    language: str
    #: The listing it is in: ``pending``, ``published`` or ``hidden``.
    status: Literal["pending", "published", "hidden"]
    #: A draft (waiting for an editor), whatever the listing: a hidden box may be one.
    draft: bool
    #: ``auto`` (readers' reports) or ``reviewer`` for a hidden box, else null.
    hidden_reason: str | None
    revision: int
    #: Who approved or last edited it, and when (null: no person checked it yet).
    checked_by: str | None
    checked_at: datetime | None
    #: When readers were last told of a correction (a published box's bullets changed).
    corrected_at: datetime | None
    created_at: datetime
    #: The bullets' text as editors left them (none of a draft for a caller who may not
    #: edit).
    bullets: list[str]

    @classmethod
    def of(cls, stored: StoredSummary, *, editor: bool) -> BoxOut:
        box = editorial.box_of(stored)
        status: Literal["pending", "published", "hidden"] = (
            "hidden" if stored.hidden else "pending" if box.pending else "published"
        )
        return cls(
            summary_id=stored.id,
            publisher=stored.publisher.slug,
            article_id=stored.article_id,
            url=stored.url,
            title=stored.title,
            language=stored.language,
            status=status,
            draft=box.pending,
            hidden_reason=stored.hidden_reason if stored.hidden else None,
            revision=box.revision,
            checked_by=box.checked_by,
            checked_at=box.checked_at,
            corrected_at=box.corrected_at,
            created_at=stored.created_at,
            bullets=[] if box.pending and not editor else [t["text"] for t in box.takeaways],
        )


class BoxPageOut(BaseModel):
    """A page of ``GET /v1/boxes``: pass ``next`` as ``cursor`` for the following boxes,
    ``previous`` for the ones before (``null``: no such page)."""

    boxes: list[BoxOut]
    next: str | None
    previous: str | None


def _editor_view(stored: StoredSummary) -> SummaryOut:
    return SummaryOut.of(stored, reviewer=True, editor=True)


@router.post(
    "/v1/summaries/{summary_id}/approve",
    response_model=SummaryOut,
    responses=error_responses(403, 404, 409),
)
def approve(summary_id: str, body: RevisionIn, session: DB, editor: Editor) -> SummaryOut:
    """Approve the box: a draft is published; the notice says an editor checked it."""
    return _editor_view(editorial.approve(session, summary_id, editor, revision=body.revision))


@router.post(
    "/v1/summaries/{summary_id}/edits",
    response_model=SummaryOut,
    responses=error_responses(403, 404, 409),
)
def edit(
    summary_id: str, body: EditIn, state: State, session: DB, editor: Editor
) -> SummaryOut:
    """Change the box (see ``EditIn``); answers the box as it is now."""
    change = Edit(body.op, body.index, tuple(body.order), body.sentence, body.text)
    stored = editorial.edit(
        session, summary_id, editor, change, revision=body.revision, note=body.note,
        ranker=state.settings.engine_ranker,
    )
    return _editor_view(stored)


@router.get(
    "/v1/summaries/{summary_id}/candidates",
    response_model=list[CandidateOut],
    responses=error_responses(403, 404),
)
def candidates(
    summary_id: str, state: State, session: DB, editor: Editor
) -> list[CandidateOut]:
    """The article's sentences, best first, with the ranker's score and where each sits:
    what may replace a bullet."""
    stored = editorial.editable_summary(session, summary_id, editor)
    found = editorial.candidates(stored, state.settings.engine_ranker)
    return [CandidateOut.model_validate(c, from_attributes=True) for c in found]


@router.get(
    "/v1/drafts", response_model=list[SummaryOut], responses=error_responses(403)
)
def drafts(session: DB, editor: Editor) -> list[SummaryOut]:
    """Drafts waiting for approval, oldest first (the editor's publisher only)."""
    return [_editor_view(s) for s in editorial.drafts(session, editor)]


@router.get(
    "/v1/boxes", response_model=BoxPageOut, responses=error_responses(403)
)
def list_boxes(
    session: DB,
    reviewer: Reviewer,
    status: Annotated[
        Literal["pending", "published", "hidden"],
        Query(description="`published` (readers see it), `pending` (a draft waiting for "
              "an editor: editors only) or `hidden`."),
    ] = "published",
    publisher: Annotated[
        str | None,
        Query(pattern=f"^{PUBLISHER_PATTERN}$", description="A publisher's slug."),
    ] = None,
    cursor: Annotated[
        str | None,
        Query(
            pattern=f"^{boxes.BOX_CURSOR_PATTERN}$",
            description="The `next` or `previous` of an earlier answer.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST_LIMIT)] = 100,
) -> BoxPageOut:
    """Boxes by status, a page at a time: drafts oldest first (the queue), published and
    hidden boxes newest first. Only the caller's publisher's (every publisher's for the
    instance's staff); ``publisher`` narrows within that. Drafts need an editor (403)."""
    filters = boxes.box_filter(reviewer, status=status, publisher=publisher)
    page = boxes.box_page(
        session,
        filters,
        cursor=None if cursor is None else boxes.parse_box_cursor(cursor),
        limit=limit,
    )
    editor = reviewer.via != "key" and allows(reviewer.role, "edit")
    return BoxPageOut(
        boxes=[BoxOut.of(s, editor=editor) for s in page.boxes],
        next=None if page.next is None else str(page.next),
        previous=None if page.previous is None else str(page.previous),
    )


@router.get(
    "/v1/audit", response_model=list[AuditOut], responses=error_responses(403)
)
def audit(
    session: DB,
    reviewer: Reviewer,
    summary_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
) -> list[AuditOut]:
    """Every change (approvals, edits, hiding, report decisions), newest first."""
    entries = editorial.audit_entries(
        session, reviewer, summary_id=summary_id, limit=limit, offset=offset
    )
    return [AuditOut.of(e) for e in entries]


@router.get(
    "/v1/audit/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The whole audit log, newest first: JSON Lines or CSV",
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
        **error_responses(403),
    },
)
def audit_export(
    state: State, reviewer: Reviewer, format: Literal["jsonl", "csv"] = "jsonl"
) -> StreamingResponse:
    """The audit log to keep or read elsewhere (``format=jsonl`` or ``csv``)."""
    if format == "csv":
        return StreamingResponse(
            editorial.audit_csv(state.sessions, reviewer),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="intisari-audit.csv"'},
        )
    return StreamingResponse(
        editorial.audit_jsonl(state.sessions, reviewer),
        media_type="application/x-ndjson",
        # Named, as the CSV is: a browser saved the download as "export".
        headers={"Content-Disposition": 'attachment; filename="intisari-audit.jsonl"'},
    )
