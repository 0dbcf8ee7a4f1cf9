"""The article page (``/a/{summary_id}``): the title, the takeaways box (heading, bullets,
the AI notice in the article's language, a report control per bullet), then the article
text with each bullet's source marked; ``/a/{summary_id}/report`` takes the report form.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from intisari.language.detect import language_for
from intisari.report_kinds import MAX_COMMENT_CHARS
from intisari.service.editorial import box_of, notice_of
from intisari.service.errors import RateLimited
from intisari.service.publishers import find_summary_in
from intisari.service.reports import file_report, limit_reports_from, limit_reports_on
from intisari.storage.models import StoredSummary
from intisari.web.deps import AppState
from intisari.web.highlight import article_paragraphs, source_spans
from intisari.web.locale import ENGLISH, correction_text, reader_text
from intisari.web.pages.rendering import (
    DB,
    Caller,
    FormText,
    State,
    not_found,
    redirect,
    render,
)
from intisari.web.schemas import ReportIn
from intisari.web.tenancy import request_scope

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

@router.get("/a/{summary_id}")
def article_page(
    summary_id: str, request: Request, state: State, session: DB, reported: bool = False
) -> Response:
    """The article with its takeaways box; ``?reported=1`` adds the thank-you."""
    stored = find_summary_in(session, summary_id, request_scope(request, state, session))
    if stored is None:
        return not_found(request, state)
    state.metrics.summaries_served.labels("lookup").inc()
    result = stored.result
    takeaways = _visible_takeaways(stored)
    context = {
        **_article_context(stored),
        "takeaways": takeaways,
        "paragraphs": article_paragraphs(result["text"], [source_spans(t) for t in takeaways]),
        "thanks": reported,
    }
    return render(request, state, "article.html", context)


def _visible_takeaways(stored: StoredSummary) -> list[dict[str, Any]]:
    """The bullets readers see: none while hidden or a draft, else the box as editors
    left it (the engine's when untouched)."""
    box = box_of(stored)
    return [] if stored.hidden or box.pending else box.takeaways


def _article_context(stored: StoredSummary) -> dict[str, Any]:
    data = language_for(stored.language).data
    box = box_of(stored)
    correction = None
    if box.corrected_at is not None:
        correction = correction_text(stored.language, box.corrected_at, box.correction_note)
    return {
        "summary_id": stored.id,
        "lang": stored.language,
        "title": stored.result.get("title"),
        "hidden": stored.hidden,
        "pending": box.pending,
        "correction": correction,
        "heading": data.heading,
        "notice": notice_of(stored, box),
        "report_label": data.report_label,
        "checked_label": data.checked_label,
        "ui": reader_text(stored.language),
        "max_comment": MAX_COMMENT_CHARS,
    }


@router.get("/a/{summary_id}/report")
def report_page(
    summary_id: str, request: Request, state: State, session: DB, takeaway: int = 0
) -> Response:
    """The report form of one bullet on a page of its own (links, and errors shown)."""
    stored = find_summary_in(session, summary_id, request_scope(request, state, session))
    if stored is None:
        return not_found(request, state)
    takeaways = _visible_takeaways(stored)
    if not 0 <= takeaway < len(takeaways):
        return not_found(request, state, stored.language)
    return _report_form(request, state, stored, takeaway, {}, None, 200)


def _report_form(
    request: Request,
    state: AppState,
    stored: StoredSummary,
    index: int,
    values: dict[str, str],
    error: str | None,
    status_code: int,
    headers: dict[str, str] | None = None,
) -> Response:
    context = {
        **_article_context(stored),
        "index": index,
        "takeaway": _visible_takeaways(stored)[index],
        "values": values,
        "error": error,
    }
    return render(request, state, "report.html", context, status_code, headers)


@router.post("/a/{summary_id}/report")
def send_report(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    client: Caller,
    csrf_token: FormText = "",
    takeaway_index: FormText = "",
    category: FormText = "",
    comment: FormText = "",
) -> Response:
    """A reader's report from the form: thank-you page, or JSON for ``app.js``'s dialog.

    The same rules as ``POST /v1/summaries/{id}/reports``: rate limits, duplicate merging,
    auto-hiding, and an answer only once the report is committed.
    """
    wants_json = "application/json" in request.headers.get("accept", "")
    stored = find_summary_in(session, summary_id, request_scope(request, state, session))
    if stored is None:
        if wants_json:
            return JSONResponse({"message": ENGLISH["not_found_message"]}, 404)
        return not_found(request, state)
    ui = reader_text(stored.language)
    n_takeaways = len(_visible_takeaways(stored))
    # Compared as text: "²" and "₃" pass str.isdigit() and then make int() raise, as do
    # 5,000 digits; only the exact index of a bullet names it.
    index = next((i for i in range(n_takeaways) if takeaway_index == str(i)), -1)
    values = {"category": category, "comment": comment}

    def refuse(message: str, status_code: int, headers: dict[str, str] | None = None) -> Response:
        if wants_json:
            return JSONResponse({"message": message}, status_code, headers)
        if 0 <= index < n_takeaways:
            return _report_form(
                request, state, stored, index, values, message, status_code, headers
            )
        return render(
            request,
            state,
            "error.html",
            {"ui": ui, "lang": stored.language, "heading": ui["report_title"], "message": message},
            status_code,
            headers,
        )

    if not state.csrf.check(request, csrf_token):
        return refuse(ui["error_csrf"], 403)
    if not 0 <= index < n_takeaways:
        return refuse(ui["error_point"], 422)
    try:
        limit_reports_from(state, client)
        limit_reports_on(state, stored.id)
    except RateLimited as error:
        return refuse(ui["error_rate"], error.status, error.headers)
    try:
        body = ReportIn(takeaway_index=index, category=category, comment=comment.strip() or None)
    except ValidationError as error:
        wrong = {str(e["loc"][0]) for e in error.errors() if e.get("loc")}
        return refuse(ui["error_comment"] if "comment" in wrong else ui["error_category"], 422)
    _report, created = file_report(
        state, session, stored, client, takeaway_index=body.takeaway_index,
        category=body.category, comment=body.comment,
    )
    if wants_json:
        return JSONResponse({"message": ui["thanks"]}, 201 if created else 200)
    return redirect(f"/a/{stored.id}?reported=1#thanks")


