"""The article page (``/a/{summary_id}``): the title and source line (site, date, byline,
a link to the original), the takeaways box (heading, bullets, the AI notice in the
article's language, a report control per bullet, "Helpful?"), then the article text with
each bullet's source marked; ``/a/{summary_id}/report`` takes the report form and
``/a/{summary_id}/helpful`` the vote.

The page speaks the article's language (``web/locale``); ``?hl=en`` or ``?hl=id`` (the
language switch) changes the page's own words, never the box's or the article's.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.language.detect import language_for
from intisari.language.script import RIGHT_TO_LEFT
from intisari.report_kinds import MAX_COMMENT_CHARS
from intisari.service.editorial import box_of, notice_of, takeaways_at
from intisari.service.errors import RateLimited
from intisari.service.publishers import ANONYMOUS_SCOPE, find_summary_in
from intisari.service.reports import file_report, limit_reports_from, limit_reports_on
from intisari.service.votes import cast_vote, takes_votes
from intisari.storage.models import StoredSummary
from intisari.web.deps import AppState
from intisari.web.highlight import article_paragraphs, source_spans
from intisari.web.locale import (
    ENGLISH,
    READER_TEXT,
    correction_text,
    other_languages,
    page_language,
)
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
from intisari.web.tenancy import has_credentials, request_scope

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Bullets a phone shows before "show more": with the title, the source line, the heading
#: and the AI notice, three bullets fill the first screen of a 390 x 844 phone.
COLLAPSE_AFTER = 3
#: A published date as the engine writes it (``source.published`` starts with one).
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


@router.get("/a/{summary_id}")
def article_page(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    reported: bool = False,
    voted: bool = False,
    hl: str = "",
) -> Response:
    """The article with its takeaways box; ``?reported=1`` and ``?voted=1`` add the
    thank-you of a report or a "Helpful?" answer."""
    stored = _find_for_page(session, summary_id, request, state)
    if stored is None:
        return not_found(request, state)
    state.metrics.summaries_served.labels("lookup").inc()
    result = stored.result
    takeaways = _visible_takeaways(stored)
    context = {
        **_article_context(stored, hl),
        "takeaways": takeaways,
        "paragraphs": article_paragraphs(result["text"], [source_spans(t) for t in takeaways]),
        "thanks": reported,
        "voted": voted,
        "collapse_after": COLLAPSE_AFTER,
    }
    return render(request, state, "article.html", context)


def _find_for_page(
    session: Session, summary_id: str, request: Request, state: AppState
) -> StoredSummary | None:
    """The summary a reader page shows: one in the caller's scope, else one any
    anonymous reader may open. A newsroom's editor, logged in, had "Summary not found"
    on the default publisher's public pages that every reader opens (an editor's trial):
    the cookie narrowed the public page to the editor's own publisher."""
    stored = find_summary_in(session, summary_id, request_scope(request, state, session))
    if stored is None and has_credentials(request):
        stored = find_summary_in(session, summary_id, ANONYMOUS_SCOPE)
    return stored


def _visible_takeaways(stored: StoredSummary) -> list[dict[str, Any]]:
    """The bullets readers see: none while hidden or a draft, else the box as editors
    left it (the engine's when untouched)."""
    box = box_of(stored)
    return [] if stored.hidden or box.pending else box.takeaways


def _article_context(stored: StoredSummary, hl: str = "") -> dict[str, Any]:
    data = language_for(stored.language).data
    asked = hl if hl in READER_TEXT else None
    locale = page_language(stored.language, asked)
    ui = READER_TEXT[locale]
    box = box_of(stored)
    # The box's heading, notice and labels: the generic rules' are English words.
    box_lang = data.words_language or stored.language
    correction = None
    if box.corrected_at is not None:
        # The box's words stay in the article's language, the note with them.
        correction = correction_text(stored.language, box.corrected_at, box.correction_note)
    return {
        "summary_id": stored.id,
        "lang": locale,
        "article_lang": stored.language,
        # Article text in a language read right to left is marked so, or a browser sets
        # its closing marks at the wrong end.
        "article_rtl": stored.language in RIGHT_TO_LEFT,
        "box_lang": box_lang,
        "correction_lang": page_language(stored.language),
        "title": stored.result.get("title"),
        "hidden": stored.hidden,
        "pending": box.pending,
        # The box's revision the page shows: its report forms send it back.
        "revision": box.revision,
        "correction": correction,
        "heading": data.heading,
        "notice": notice_of(stored, box),
        # The box's words are the article's language's; switched to another, the page says
        # "report" in the reader's.
        "report_label": data.report_label if asked is None else ui["report_title"],
        "report_label_lang": box_lang if asked is None else locale,
        "checked_label": data.checked_label,
        "ui": ui,
        "max_comment": MAX_COMMENT_CHARS,
        # Kept through the report and vote forms, so the reader stays in the language
        # they switched to.
        "hl_query": f"?hl={asked}" if asked else "",
        "languages": other_languages(locale),
        "source": _source_line(stored, ui),
    }


def _source_line(stored: StoredSummary, ui: dict[str, Any]) -> dict[str, str | None] | None:
    """Site, date, byline and the original's address, as far as the result (its
    ``source``, added with issue 16) and the stored URL tell; None when nothing does.

    Only ``http(s)`` addresses become a link: the address comes from someone's page.
    """
    source = stored.result.get("source")
    if not isinstance(source, dict):
        source = {}
    url = source.get("url") or stored.url
    if not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        url = None
    site = source.get("site_name") or (urlsplit(url).hostname if url else None)
    date = ISO_DATE.match(str(source.get("published") or ""))
    day = None
    if date and 1 <= int(date[2]) <= len(ui["months"]):
        day = f"{int(date[3])} {ui['months'][int(date[2]) - 1]} {date[1]}"
    author = source.get("author")
    if not (site or day or author or url):
        return None
    return {
        "site": site,
        "published": day,
        "datetime": date[0] if date and day else None,
        "author": author,
        "url": url,
    }


@router.get("/a/{summary_id}/report")
def report_page(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    takeaway: int = 0,
    hl: str = "",
) -> Response:
    """The report form of one bullet on a page of its own (links, and errors shown)."""
    stored = _find_for_page(session, summary_id, request, state)
    if stored is None:
        return not_found(request, state)
    takeaways = _visible_takeaways(stored)
    if not 0 <= takeaway < len(takeaways):
        # The summary is there, the bullet is not: said so, with the way back to the
        # article (it said "Summary not found" of a summary the reader had just read).
        context = _article_context(stored, hl)
        ui = context["ui"]
        page = {"ui": ui, "lang": context["lang"], "heading": ui["report_title"],
                "message": ui["error_point"], "back": f"/a/{stored.id}{context['hl_query']}"}
        return render(request, state, "error.html", page, 404)
    return _report_form(request, state, stored, takeaway, {}, None, 200, hl=hl)


def _report_form(
    request: Request,
    state: AppState,
    stored: StoredSummary,
    index: int,
    values: dict[str, str],
    error: str | None,
    status_code: int,
    headers: dict[str, str] | None = None,
    hl: str = "",
    seen: tuple[int, list[dict[str, Any]]] | None = None,
) -> Response:
    """The report page; ``seen``: the revision the reader's page showed and its bullets
    (a refused form comes back on the bullet the reader reported), else the box now."""
    context = _article_context(stored, hl)
    revision, takeaways = seen or (context["revision"], _visible_takeaways(stored))
    context |= {
        "index": index,
        "takeaway": takeaways[index],
        "revision": revision,
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
    revision: FormText = "",
    hl: str = "",
) -> Response:
    """A reader's report from the form: thank-you page, or JSON for ``app.js``'s dialog.

    The same rules as ``POST /v1/summaries/{id}/reports``: rate limits, duplicate merging,
    auto-hiding, and an answer only once the report is committed. ``revision`` is the
    box's revision the form was shown with: the index counts in that box (an editor may
    have changed it since), and the report keeps that bullet. Left out (a page rendered
    before forms sent it): the box as it is now.
    """
    wants_json = "application/json" in request.headers.get("accept", "")
    stored = _find_for_page(session, summary_id, request, state)
    if stored is None:
        if wants_json:
            return JSONResponse({"message": ENGLISH["not_found_message"]}, 404)
        return not_found(request, state)
    context = _article_context(stored, hl)
    ui = context["ui"]
    seen = _seen_takeaways(session, stored, revision)
    takeaways = [] if seen is None else seen[1]
    n_takeaways = len(takeaways)
    # Compared as text: "²" and "₃" pass str.isdigit() and then make int() raise, as do
    # 5,000 digits; only the exact index of a bullet names it.
    index = next((i for i in range(n_takeaways) if takeaway_index == str(i)), -1)
    values = {"category": category, "comment": comment}

    def refuse(message: str, status_code: int, headers: dict[str, str] | None = None) -> Response:
        if wants_json:
            return JSONResponse({"message": message}, status_code, headers)
        if 0 <= index < n_takeaways:
            return _report_form(
                request, state, stored, index, values, message, status_code, headers, hl, seen
            )
        return render(
            request,
            state,
            "error.html",
            {"ui": ui, "lang": context["lang"], "heading": ui["report_title"], "message": message},
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
        category=body.category, comment=body.comment, revision=None if seen is None else seen[0],
    )
    if wants_json:
        return JSONResponse({"message": ui["thanks"]}, 201 if created else 200)
    return redirect(_back(stored.id, context["hl_query"], "reported=1#thanks"))


def _seen_takeaways(
    session: Session, stored: StoredSummary, revision: str
) -> tuple[int, list[dict[str, Any]]] | None:
    """The revision a report form was shown with and the bullets readers saw in it (the
    box now when the form sent none); ``None``: no revision readers saw, or a box that
    shows no bullets now (hidden or a draft)."""
    now = _visible_takeaways(stored)
    if not now:
        return None
    current = box_of(stored).revision
    if revision == "":
        return current, now
    # Compared as text, as the index: only the exact digits of a revision name it.
    digits = revision.isascii() and revision.isdigit() and len(revision) <= 9
    number = int(revision) if digits else -1
    if str(number) != revision or number > current:
        return None
    bullets = takeaways_at(session, stored, number)
    return None if bullets is None else (number, bullets)


@router.post("/a/{summary_id}/helpful")
def send_vote(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    client: Caller,
    csrf_token: FormText = "",
    helpful: FormText = "",
    hl: str = "",
) -> Response:
    """The box's "Helpful? yes/no": back to the page with a thank-you, or JSON for
    ``app.js``. The same service function as ``POST /v1/summaries/{id}/helpful``."""
    wants_json = "application/json" in request.headers.get("accept", "")
    stored = _find_for_page(session, summary_id, request, state)
    if stored is None or not takes_votes(stored):
        if wants_json:
            return JSONResponse({"message": ENGLISH["not_found_message"]}, 404)
        return not_found(request, state)
    context = _article_context(stored, hl)
    ui = context["ui"]

    def refuse(message: str, status_code: int, headers: dict[str, str] | None = None) -> Response:
        if wants_json:
            return JSONResponse({"message": message}, status_code, headers)
        page = {"ui": ui, "lang": context["lang"], "heading": ui["helpful_question"]}
        return render(
            request, state, "error.html", {**page, "message": message}, status_code, headers
        )

    if not state.csrf.check(request, csrf_token):
        return refuse(ui["error_csrf"], 403)
    if helpful not in ("yes", "no"):
        return refuse(ui["error_generic"], 422)
    try:
        created = cast_vote(state, session, stored, client, helpful == "yes")
    except RateLimited as error:
        return refuse(ui["error_votes"], error.status, error.headers)
    if wants_json:
        return JSONResponse({"message": ui["helpful_thanks"]}, 201 if created else 200)
    return redirect(_back(stored.id, context["hl_query"], "voted=1#helpful"))


def _back(summary_id: str, hl_query: str, flag: str) -> str:
    """The article page after a post, in the language the reader chose, with ``flag``."""
    return f"/a/{summary_id}{hl_query}&{flag}" if hl_query else f"/a/{summary_id}?{flag}"


