"""The editors' pages (issue 16): one page per summary's box (``/review/summaries/{id}``)
to approve it and change it, the sentence picker that replaces a bullet, the boxes by
status (``/review/boxes``: pending, published, hidden), and the audit log
(``/review/audit``) with its exports.

Every form posts the CSRF token and the box's ``revision``; each calls the same
``service.editorial`` function as the JSON routes (``web/editorial.py``), so a change is
checked, audited and refused the same whichever way it arrives.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.roles import Permission, allows
from intisari.service import boxes, editorial
from intisari.service.editorial import MAX_CORRECTION_NOTE_CHARS, Edit
from intisari.service.errors import Invalid, ServiceError
from intisari.service.publishers import publishers_in
from intisari.service.review import MAX_INT
from intisari.storage.models import Account, StoredSummary
from intisari.web.auth import Principal
from intisari.web.deps import AppState
from intisari.web.locale import correction_text
from intisari.web.pages.rendering import (
    DB,
    TEMPLATES,
    FormText,
    MaybePrincipal,
    State,
    redirect,
    render,
    staff_error,
    to_login,
)

__all__ = ["audit_value", "router"]

router = APIRouter(include_in_schema=False)

#: Audit rows the dashboard's page shows (newest first); the exports hold them all.
AUDIT_PAGE_ROWS = 200
#: Boxes per page of ``/review/boxes``, as the dashboard's ``REPORTS_PER_PAGE``.
BOXES_PER_PAGE = 50
#: The box listings' tabs: (``status``, label); ``pending`` for editors only.
BOX_TABS = (("pending", "Waiting for approval"), ("published", "Published"), ("hidden", "Hidden"))
#: What the editor's page says after a change (a fixed text per code: nothing from the URL
#: is ever shown).
DONE_MESSAGES = {
    "approve": "Approved: readers see the box, marked as checked by an editor.",
    "remove": "Bullet removed.",
    "reorder": "Bullets reordered.",
    "replace": "Bullet replaced with the chosen sentence.",
    "shorten": "Bullet shortened.",
    "rewrite": "Bullet rewritten; the checker finds it supported.",
}
OPS = ("remove", "reorder", "replace", "shorten", "rewrite")


def audit_value(value: Any) -> str:
    """An audit row's before or after, readable: a box's bullets one per line, numbered;
    other changes as ``key: value``."""
    if isinstance(value, list):
        return "\n".join(
            f"{i}. {item.get('text', '')}" if isinstance(item, dict) else f"{i}. {item}"
            for i, item in enumerate(value, 1)
        )
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return "" if value is None else str(value)


TEMPLATES.env.filters["audit_value"] = audit_value


def _account(principal: Principal | None, permission: Permission) -> Account | None:
    if principal is None or not allows(principal.account.role, permission):
        return None
    return principal.account


def _refused(
    request: Request, state: AppState, principal: Principal | None, permission: Permission
) -> Response | None:
    """Login first (anonymous), or 403 for a role that may not."""
    if principal is None:
        return to_login(request)
    if _account(principal, permission) is None:
        return _error(request, state, f"Your account cannot {permission}.", 403, principal)
    return None


def _error(
    request: Request, state: AppState, message: str, status_code: int, staff: Principal | Account
) -> Response:
    name = staff.account.name if isinstance(staff, Principal) else staff.name
    return staff_error(request, state, "Editing", message, status_code, name)


def _summary(session: Session, summary_id: str, editor: Account) -> StoredSummary | None:
    try:
        return editorial.editable_summary(session, summary_id, editor)
    except ServiceError:
        return None


def _box_context(session: Session, stored: StoredSummary, editor: Account) -> dict[str, Any]:
    box = editorial.box_of(stored)
    n = len(box.takeaways)
    order = list(range(n))

    def swapped(i: int, j: int) -> str:
        moved = list(order)
        moved[i], moved[j] = moved[j], moved[i]
        return ",".join(map(str, moved))

    bullets = [
        {
            "index": i,
            "takeaway": t,
            "up": swapped(i, i - 1) if i > 0 else None,
            "down": swapped(i, i + 1) if i < n - 1 else None,
        }
        for i, t in enumerate(box.takeaways)
    ]
    correction = None
    if box.corrected_at is not None:
        correction = correction_text(stored.language, box.corrected_at, box.correction_note)
    audit = [
        editorial.audit_row(e)
        for e in editorial.audit_entries(session, editor, summary_id=stored.id)
    ]
    return {
        "summary": stored,
        "box": box,
        "bullets": bullets,
        "notice": editorial.notice_of(stored, box),
        "correction": correction,
        "audit": audit,
        "staff": editor.name,
        "max_note": MAX_CORRECTION_NOTE_CHARS,
    }


@router.get("/review/summaries/{summary_id}")
def editor_page(
    summary_id: str, request: Request, state: State, session: DB, principal: MaybePrincipal,
    done: str = "",
) -> Response:
    """The box as editors see it (draft included), with every change and the audit."""
    refused = _refused(request, state, principal, "edit")
    if refused is not None:
        return refused
    editor = _account(principal, "edit")
    assert editor is not None
    stored = _summary(session, summary_id, editor)
    if stored is None:
        return _error(request, state, "There is no such summary.", 404, editor)
    context = {**_box_context(session, stored, editor), "flash": DONE_MESSAGES.get(done)}
    return render(request, state, "editor.html", context)


@router.get("/review/summaries/{summary_id}/replace")
def picker_page(
    summary_id: str, request: Request, state: State, session: DB, principal: MaybePrincipal,
    index: int = 0,
) -> Response:
    """The sentences that may replace bullet ``index``: best first, with the ranker's
    score and where each sits in the article; under the staff header as every staff page
    (it had only "Back to the box" there: no name, no Log out), the way back above."""
    refused = _refused(request, state, principal, "edit")
    if refused is not None:
        return refused
    editor = _account(principal, "edit")
    assert editor is not None
    stored = _summary(session, summary_id, editor)
    if stored is None:
        return _error(request, state, "There is no such summary.", 404, editor)
    box = editorial.box_of(stored)
    if not 0 <= index < len(box.takeaways):
        return _error(request, state, "The box has no such bullet.", 404, editor)
    context = {
        "summary": stored,
        "box": box,
        "index": index,
        "takeaway": box.takeaways[index],
        "candidates": editorial.candidates(stored, state.settings.engine_ranker),
        "max_note": MAX_CORRECTION_NOTE_CHARS,
        "staff": editor.name,
    }
    return render(request, state, "editor_picker.html", context)


@router.post("/review/summaries/{summary_id}/approve")
def approve_form(
    summary_id: str, request: Request, state: State, session: DB, principal: MaybePrincipal,
    csrf_token: FormText = "", revision: FormText = "",
) -> Response:
    """Approve the box (publishes a draft)."""
    refused = _refused_post(request, state, principal, csrf_token)
    if refused is not None:
        return refused
    editor = _account(principal, "edit")
    assert editor is not None
    try:
        editorial.approve(session, summary_id, editor, revision=_number(revision))
    except ServiceError as error:
        return _refused_change(request, state, session, summary_id, editor, error, {})
    return redirect(f"/review/summaries/{summary_id}?done=approve")


@router.post("/review/summaries/{summary_id}/edit")
def edit_form(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    principal: MaybePrincipal,
    csrf_token: FormText = "",
    revision: FormText = "",
    op: FormText = "",
    index: FormText = "0",
    order: FormText = "",
    sentence: FormText = "0",
    text: FormText = "",
    note: FormText = "",
) -> Response:
    """One change to the box; the same rules as ``POST /v1/summaries/{id}/edits``."""
    refused = _refused_post(request, state, principal, csrf_token)
    if refused is not None:
        return refused
    editor = _account(principal, "edit")
    assert editor is not None
    if op not in OPS:
        return _error(request, state, "Choose a change to make.", 422, editor)
    try:
        change = Edit(
            op,  # type: ignore[arg-type]  # checked against OPS just above
            _number(index),
            tuple(_number(i) for i in order.split(",") if i),
            _number(sentence),
            text,
        )
        found = _summary(session, summary_id, editor)
        before = [] if found is None else list(editorial.box_of(found).takeaways)
        stored = editorial.edit(
            session, summary_id, editor, change, revision=_number(revision),
            note=note.strip() or None, ranker=state.settings.engine_ranker,
        )
    except ServiceError as error:
        kept = {"op": op, "index": index, "text": text, "note": note}
        return _refused_change(request, state, session, summary_id, editor, error, kept)
    at = _acted_on(change, before, editorial.box_of(stored).takeaways)
    return redirect(f"/review/summaries/{summary_id}?done={op}#bullet-{at}")


def _acted_on(change: Edit, before: list[Any], after: list[Any]) -> int:
    """Where the bullet the editor acted on is now, for the page to come back there
    (app.js focuses it, described by the result) rather than at the top: a moved one at its
    new place; a replacing sentence where it went in article order; a removed one's place
    holds the next."""
    if change.op == "reorder" and change.index in change.order:
        return change.order.index(change.index)
    if change.op == "replace":
        return next((i for i, t in enumerate(after) if t not in before), change.index)
    return change.index


def _refused_change(
    request: Request,
    state: AppState,
    session: Session,
    summary_id: str,
    editor: Account,
    error: ServiceError,
    kept: dict[str, str],
) -> Response:
    """The editor page again, as the box is now, with why the change was refused and what
    the editor typed still in its field. (A bare error page with only a link to the
    start page had lost a shortened text and the way back to the box.)"""
    session.rollback()
    stored = _summary(session, summary_id, editor)
    if stored is None:
        return _error(request, state, error.message, error.status, editor)
    context = {**_box_context(session, stored, editor), "error": error.message, "kept": kept}
    return render(request, state, "editor.html", context, error.status)


@router.get("/review/boxes")
def boxes_page(
    request: Request,
    session: DB,
    state: State,
    principal: MaybePrincipal,
    status: str = "",
    publisher: str = "",
    cursor: str = "",
) -> Response:
    """Boxes by status (tabs: waiting for approval, published, hidden), ``BOXES_PER_PAGE``
    at a time, each with a link to its editor page: the same listing as ``GET /v1/boxes``.
    A bad filter or cursor is said on the page (422), drafts asked by a reviewer who may
    not edit are 403."""
    refused = _refused(request, state, principal, "review")
    if refused is not None:
        return refused
    reviewer = _account(principal, "review")
    assert reviewer is not None
    can_edit = allows(reviewer.role, "edit")
    status = status or "published"
    problem = None
    try:
        filters = boxes.box_filter(reviewer, status=status, publisher=publisher)
        page = boxes.box_page(
            session,
            filters,
            cursor=boxes.parse_box_cursor(cursor) if cursor else None,
            limit=BOXES_PER_PAGE,
        )
    except ServiceError as error:
        problem, page = error, None

    def query(**changes: str) -> str:
        values = {"status": status, "publisher": publisher, "cursor": cursor} | changes
        return urlencode({name: value for name, value in values.items() if value})

    context: dict[str, Any] = {
        "staff": reviewer.name,
        "can_edit": can_edit,
        "status": status,
        "tabs": [(code, label) for code, label in BOX_TABS if can_edit or code != "pending"],
        "publisher": publisher,
        "publishers": sorted(publishers_in(session, reviewer.publisher_id),
                             key=lambda p: (p.name, p.id)),
        "boxes": [] if page is None else [(s, editorial.box_of(s)) for s in page.boxes],
        "problem": None if problem is None else problem.message,
        "query": query,
        "previous": None if page is None or page.previous is None
        else query(cursor=str(page.previous)),
        "next": None if page is None or page.next is None else query(cursor=str(page.next)),
    }
    status_code = 200 if problem is None else problem.status
    return render(request, state, "boxes.html", context, status_code)


@router.get("/review/audit")
def audit_page(
    request: Request, state: State, session: DB, principal: MaybePrincipal
) -> Response:
    """The latest changes, newest first, with links to the full exports."""
    refused = _refused(request, state, principal, "review")
    if refused is not None:
        return refused
    reviewer = _account(principal, "review")
    assert reviewer is not None
    rows = [
        editorial.audit_row(e)
        for e in editorial.audit_entries(session, reviewer, limit=AUDIT_PAGE_ROWS)
    ]
    return render(request, state, "audit.html", {"rows": rows, "staff": reviewer.name})


def _refused_post(
    request: Request, state: AppState, principal: Principal | None, csrf_token: str
) -> Response | None:
    refused = _refused(request, state, principal, "edit")
    if refused is None and not state.csrf.check(request, csrf_token):
        assert principal is not None  # else refused: to the login
        expired = "This form has expired. Reload and try again."
        return _error(request, state, expired, 403, principal)
    return refused


def _number(value: str) -> int:
    """A form's whole number (ASCII digits within the database's INTEGER), else ``Invalid``
    via the service's own refusal of an impossible value."""
    value = value.strip()
    if value.isascii() and value.isdigit() and len(value) <= len(str(MAX_INT)):
        return int(value)
    raise Invalid(f"{value[:20]!r} is not a number")
