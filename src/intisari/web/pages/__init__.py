"""The server-rendered pages: summarize, read with the takeaways box, report, review.

- ``/``: paste a text or a URL; the form posts here and redirects to the article page.
- ``/a/{summary_id}``: the title, the takeaways box (heading, bullets, the AI notice in
  the article's language, a report control per bullet), then the article text with each
  bullet's source marked. ``/a/{summary_id}/report`` takes the report form's post.
- ``/review``: the reviewers' login, then the dashboard of readers' reports.

Everything essential works without JavaScript: plain forms, ``<details>`` for the report
forms, links to ``#src-{i}`` for the sources. ``static/app.js`` only enhances (a dialog,
highlighting every span of a bullet, sending a report without leaving the page). Every
form post carries the CSRF token of ``web/security.py``; the pages use the same storage
functions, rate limits and metrics as the JSON API (a report goes through
``service/reports.py`` either way), so a report is a report whichever way it arrives.
Templates autoescape everything, and the Content-Security-Policy set by
``SecurityHeadersMiddleware`` forbids inline script and style, so the templates have none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Depends, Form
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from intisari._version import __version__
from intisari.language.detect import language_for
from intisari.service import limits, review
from intisari.service.errors import NotFound, RateLimited, ServiceError
from intisari.service.reports import file_report, limit_reports_from, limit_reports_on
from intisari.service.review import MAX_INT
from intisari.service.summaries import ArticleRequest, limit_summaries, summarize_now
from intisari.storage import repository
from intisari.storage.accounts import verify_login
from intisari.storage.models import CATEGORIES, STATUSES, Report, StoredSummary
from intisari.web.auth import (
    REVIEW_ROLES,
    Principal,
    current_principal,
    end_session,
    start_session,
)
from intisari.web.chart import CHART_DAYS, build_chart
from intisari.web.deps import AppState, Client, app_state, db_session, request_client
from intisari.web.highlight import Piece, article_paragraphs, source_pieces, source_spans
from intisari.web.schemas import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, ReportIn, SummaryIn

__all__ = ["READER_TEXT", "STATIC_DIR", "router"]

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
TEMPLATES = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
        # Every value is escaped unless a template says otherwise (none does): article
        # text, titles, takeaways and comments are all someone else's input.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)

#: What the reader's side of the page says, per language of the article. The box's
#: heading, notice and report label come from the language data (``language/data``).
READER_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "skip": "Langsung ke isi",
        "untitled": "Artikel tanpa judul",
        "hidden": "Intisari artikel ini sedang ditinjau oleh editor dan untuk sementara "
        "tidak ditampilkan. Artikel lengkapnya tetap dapat Anda baca di bawah.",
        "source_hint": "Klik sebuah poin untuk menandai kalimat sumbernya di artikel.",
        "point": "poin",
        "report_title": "Laporkan kekeliruan",
        "category_label": "Apa masalahnya?",
        "choose": "Pilih…",
        "categories": (
            ("inaccurate", "Tidak akurat"),
            ("misleading", "Menyesatkan"),
            ("missing-context", "Kurang konteks"),
            ("offensive", "Menyinggung"),
            ("other", "Lainnya"),
        ),
        "comment_label": "Komentar (opsional)",
        "comment_help": f"Paling banyak {MAX_COMMENT_CHARS:,} karakter.".replace(",", "."),
        "send": "Kirim laporan",
        "close": "Tutup",
        "thanks": "Terima kasih! Laporan Anda sudah kami terima dan akan ditinjau editor.",
        "error_category": "Pilih jenis masalahnya.",
        "error_comment": f"Komentar paling banyak {MAX_COMMENT_CHARS:,} karakter.".replace(
            ",", "."
        ),
        "error_point": "Poin ini tidak ada dalam intisari.",
        "error_csrf": "Formulir ini sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.",
        "error_rate": "Terlalu banyak laporan dalam waktu singkat. Coba lagi nanti.",
        "not_found": "Intisari tidak ditemukan",
        "not_found_message": "Tidak ada intisari dengan alamat ini.",
        "home": "Kembali ke halaman awal",
    },
    "en": {
        "skip": "Skip to content",
        "untitled": "Untitled article",
        "hidden": "The takeaways of this article are being reviewed by an editor and are not "
        "shown for now. You can still read the full article below.",
        "source_hint": "Select a point to highlight the sentence it comes from in the article.",
        "point": "point",
        "report_title": "Report an error",
        "category_label": "What is wrong?",
        "choose": "Choose…",
        "categories": (
            ("inaccurate", "Inaccurate"),
            ("misleading", "Misleading"),
            ("missing-context", "Missing context"),
            ("offensive", "Offensive"),
            ("other", "Other"),
        ),
        "comment_label": "Comment (optional)",
        "comment_help": f"At most {MAX_COMMENT_CHARS:,} characters.",
        "send": "Send report",
        "close": "Close",
        "thanks": "Thank you! We have received your report; an editor will review it.",
        "error_category": "Choose what is wrong.",
        "error_comment": f"The comment can have at most {MAX_COMMENT_CHARS:,} characters.",
        "error_point": "This point is not in the summary.",
        "error_csrf": "This form has expired. Reload the page and try again.",
        "error_rate": "Too many reports in a short time. Please try again later.",
        "not_found": "Summary not found",
        "not_found_message": "There is no summary at this address.",
        "home": "Back to the start page",
    },
}
#: Languages whose readers get the Indonesian wording: Malay readers understand it far
#: better than English (the box's heading and notice are Malay already).
INDONESIAN_READERS = ("id", "ms")

#: Languages offered on the start page; "" lets the engine detect it.
FORM_LANGUAGES = (("", "Detect"), ("id", "Indonesian"), ("en", "English"))
#: The dashboard's words for the categories and statuses.
CATEGORY_LABELS = dict(READER_TEXT["en"]["categories"])
STATUS_LABELS = (("open", "Open"), ("confirmed", "Confirmed"), ("dismissed", "Dismissed"))
#: Page responses carry a per-browser CSRF token: shared caches must not keep them.
PAGE_CACHE_CONTROL = "private, no-cache"

router = APIRouter(include_in_schema=False)

State = Annotated[AppState, Depends(app_state)]
DB = Annotated[Session, Depends(db_session)]
Caller = Annotated[Client, Depends(request_client)]
MaybePrincipal = Annotated[Principal | None, Depends(current_principal)]
FormText = Annotated[str, Form()]


def reader_text(language: str) -> dict[str, Any]:
    """The reader's wording for an article in ``language``."""
    return READER_TEXT["id" if language in INDONESIAN_READERS else "en"]


def render(
    request: Request,
    state: AppState,
    template: str,
    context: dict[str, Any],
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """A page with a CSRF token for its forms (the token's cookie is set if missing)."""
    cookies = Response()
    token = state.csrf.token(request, cookies)
    defaults = {"csrf_token": token, "version": __version__, "ui": READER_TEXT["en"]}
    response = TEMPLATES.TemplateResponse(
        request, template, {**defaults, **context}, status_code=status_code, headers=headers
    )
    for value in cookies.headers.getlist("set-cookie"):
        response.headers.append("set-cookie", value)
    response.headers["Cache-Control"] = PAGE_CACHE_CONTROL
    return response


def redirect(url: str) -> RedirectResponse:
    """After a form post: 303 makes the browser GET the next page (no re-post on reload)."""
    return RedirectResponse(url, status_code=303)


def error_page(request: Request, heading: str, message: str, status_code: int) -> Response:
    """A bare error page for answers made outside a route (no form, so no CSRF token)."""
    context = {"heading": heading, "message": message, "lang": "en", "version": __version__}
    response = TEMPLATES.TemplateResponse(
        request, "error.html", {**context, "ui": READER_TEXT["en"]}, status_code=status_code
    )
    response.headers["Cache-Control"] = PAGE_CACHE_CONTROL
    return response


def not_found(request: Request, state: AppState, language: str = "en") -> Response:
    ui = reader_text(language)
    context = {"ui": ui, "lang": language, "heading": ui["not_found"]}
    return render(
        request, state, "error.html", {**context, "message": ui["not_found_message"]}, 404
    )


# The start page -----------------------------------------------------------------------


@router.get("/")
def start_page(request: Request, state: State) -> Response:
    return render(request, state, "index.html", _start_context({}))


@router.post("/")
def start_summary(
    request: Request,
    state: State,
    session: DB,
    client: Caller,
    csrf_token: FormText = "",
    url: FormText = "",
    text: FormText = "",
    title: FormText = "",
    lang: FormText = "",
) -> Response:
    """Summarize the pasted text or the URL, store it, and show its page."""
    form = {"url": url, "text": text, "title": title, "lang": lang}
    if not state.csrf.check(request, csrf_token):
        message = "This form has expired. Please send it again."
        return render(request, state, "index.html", _start_context(form, message), 403)
    try:
        limit_summaries(state, client)  # before the form's checks, as the API's
        body = SummaryIn(
            url=url.strip() or None,
            text=text if text.strip() else None,
            title=title.strip() or None,
            lang=lang or None,
        )
        article = ArticleRequest(text=body.text, url=body.url, title=body.title, lang=body.lang)
        stored = summarize_now(state, session, client, article, counted=True)
    except ServiceError as error:
        context = _start_context(form, error.message)
        return render(request, state, "index.html", context, error.status, error.headers)
    except ValidationError as error:
        return render(request, state, "index.html", _start_context(form, _why(error)), 422)
    return redirect(f"/a/{stored.id}")


def _start_context(form: dict[str, str], error: str | None = None) -> dict[str, Any]:
    return {"form": form, "error": error, "languages": FORM_LANGUAGES, "lang": "en"}


def _why(error: ValidationError) -> str:
    """One readable line for the first problem of a form."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    if where == "url":
        return "The address must start with http:// or https://."
    if where in ("text", "title"):
        return f"The {where} is too long."
    if where == "lang":
        return "Unknown language."
    # Model-level errors ("give exactly one of url, html or text") have no location.
    return str(first.get("msg", "invalid form")).removeprefix("Value error, ").capitalize()


# The article page ---------------------------------------------------------------------


@router.get("/a/{summary_id}")
def article_page(
    summary_id: str, request: Request, state: State, session: DB, reported: bool = False
) -> Response:
    """The article with its takeaways box; ``?reported=1`` adds the thank-you."""
    stored = repository.get_summary(session, summary_id)
    if stored is None:
        return not_found(request, state)
    state.metrics.summaries_served.labels("lookup").inc()
    result = stored.result
    takeaways = [] if stored.hidden else result["takeaways"]
    context = {
        **_article_context(stored),
        "takeaways": takeaways,
        "paragraphs": article_paragraphs(result["text"], [source_spans(t) for t in takeaways]),
        "thanks": reported,
    }
    return render(request, state, "article.html", context)


def _article_context(stored: StoredSummary) -> dict[str, Any]:
    data = language_for(stored.language).data
    return {
        "summary_id": stored.id,
        "lang": stored.language,
        "title": stored.result.get("title"),
        "hidden": stored.hidden,
        "heading": data.heading,
        "notice": stored.result.get("notice") or data.notice,
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
    stored = repository.get_summary(session, summary_id)
    if stored is None:
        return not_found(request, state)
    takeaways = stored.result["takeaways"]
    if stored.hidden or not 0 <= takeaway < len(takeaways):
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
        "takeaway": stored.result["takeaways"][index],
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
    stored = repository.get_summary(session, summary_id)
    if stored is None:
        if wants_json:
            return JSONResponse({"message": reader_text("en")["not_found_message"]}, 404)
        return not_found(request, state)
    ui = reader_text(stored.language)
    n_takeaways = len(stored.result["takeaways"])
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


# The review dashboard -----------------------------------------------------------------


@dataclass
class ReportItem:
    report: Report
    #: The reported bullet's text (None: the box as a whole, or a bullet no longer there).
    takeaway: str | None
    #: The sentence(s) the bullet was cut from, its kept words marked; for an LLM
    #: bullet, the evidence the checker found.
    source: list[Piece]
    #: ``extract`` or ``llm`` (then ``support`` is the checker's score).
    origin: str = "extract"
    support: float | None = None


@dataclass
class ReportGroup:
    summary: StoredSummary
    reports: list[ReportItem] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, int]]:
        """Reports per category, in the fixed category order, only those present."""
        counts = Counter(item.report.category for item in self.reports)
        return [(category, counts[category]) for category in CATEGORIES if counts[category]]


def _reviewer(principal: Principal | None) -> str | None:
    """The reviewer's name, if a reviewer (or admin) is logged in."""
    if principal is None or principal.account.role not in REVIEW_ROLES:
        return None
    return principal.account.name


@router.get("/review")
def review_page(
    request: Request,
    state: State,
    session: DB,
    principal: MaybePrincipal,
    status: str = "open",
    done: str = "",
) -> Response:
    """The login form, or the dashboard of ``status`` reports grouped by summary."""
    reviewer = _reviewer(principal)
    if reviewer is None:
        error = None
        if principal is not None:
            error = f"The account {principal.account.name!r} cannot review reports."
        login = {"error": error, "name": None}
        return render(request, state, "review_login.html", login, 200 if error is None else 403)
    if status not in STATUSES:
        status = "open"
    groups: dict[str, ReportGroup] = {}
    for report in repository.list_reports(session, status=status, limit=repository.MAX_LIST_LIMIT):
        group = groups.setdefault(report.summary_id, ReportGroup(report.summary))
        group.reports.append(_report_item(report))
    today = datetime.now(UTC).date()
    since = datetime.combine(today - timedelta(days=CHART_DAYS - 1), time(), UTC)
    chart = build_chart(repository.report_stats(session, since=since), today)
    context: dict[str, Any] = {
        "reviewer": reviewer,
        "status": status,
        "statuses": STATUS_LABELS,
        "status_counts": review.status_counts(session),
        "groups": list(groups.values()),
        "hidden_summaries": [s for s in review.hidden_summaries(session) if s.id not in groups],
        "chart": chart,
        "chart_days": CHART_DAYS,
        "category_labels": CATEGORY_LABELS,
        "flash": _DONE_MESSAGES.get(done),
    }
    response = render(request, state, "review.html", context)
    response.headers["Cache-Control"] = "no-store"
    return response


#: What the dashboard says after a decision (a fixed text per code: nothing from the URL
#: is ever shown).
_DONE_MESSAGES = {
    "confirmed": "Report confirmed.",
    "dismissed": "Report dismissed.",
    "open": "Report reopened.",
    "hidden": "Summary hidden from readers.",
    "shown": "Summary shown to readers again.",
}


def _report_item(report: Report) -> ReportItem:
    result = report.summary.result
    takeaways = result["takeaways"]
    index = report.takeaway_index
    if index is None or not 0 <= index < len(takeaways):
        return ReportItem(report, None, [])
    takeaway = takeaways[index]
    source = source_pieces(result["text"], source_spans(takeaway), report.summary.language)
    if takeaway.get("origin") == "llm":
        return ReportItem(report, takeaway["text"], source, "llm", takeaway.get("score"))
    return ReportItem(report, takeaway["text"], source)


@router.post("/review/login")
def review_login(
    request: Request,
    state: State,
    session: DB,
    client: Caller,
    csrf_token: FormText = "",
    name: FormText = "",
    password: FormText = "",
) -> Response:
    """Check name and password; on success the session cookie is set and the dashboard shown.

    The form carries a CSRF token too, so no other site can log a browser into an account
    of its choosing.
    """

    def again(message: str, status_code: int, headers: dict[str, str] | None = None) -> Response:
        context = {"error": message, "name": name}
        return render(request, state, "review_login.html", context, status_code, headers)

    if not state.csrf.check(request, csrf_token):
        return again("This form has expired. Please log in again.", 403)
    try:
        limits.hit(state, limits.LOGIN, client.hash)
    except RateLimited as error:
        return again("Too many attempts. Wait a minute and try again.", error.status, error.headers)
    account = verify_login(session, name[:100], password[:1000])
    if account is None:
        return again("Wrong name or password.", 401)
    response = redirect("/review")
    start_session(state, session, response, account)
    return response


@router.post("/review/logout")
def review_logout(
    request: Request, state: State, session: DB, csrf_token: FormText = ""
) -> Response:
    response = redirect("/review")
    if state.csrf.check(request, csrf_token):
        end_session(request, session, response)
    return response


@router.post("/review/reports/{report_id}")
def review_decision(
    report_id: str,
    request: Request,
    state: State,
    session: DB,
    principal: MaybePrincipal,
    csrf_token: FormText = "",
    status: FormText = "",
    note: FormText = "",
    return_status: FormText = "open",
) -> Response:
    """Confirm, dismiss or reopen a report, then back to the same dashboard tab."""
    refused = _refuse_review(request, state, principal, csrf_token)
    if refused is not None:
        return refused
    report = _report_or_none(session, report_id)
    if report is None:
        return _review_error(request, state, "There is no such report.", 404)
    if status not in STATUSES or len(note) > MAX_NOTE_CHARS:
        return _review_error(request, state, "Choose confirm or dismiss (notes up to 2,000).", 422)
    review.decide(
        state, session, report, status=status, note=note.strip() or None,
        reviewer=_reviewer(principal) or "",
    )
    return redirect(f"/review?status={_tab(return_status)}&done={status}")


@router.post("/review/summaries/{summary_id}/hidden")
def review_hide(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    principal: MaybePrincipal,
    csrf_token: FormText = "",
    hidden: FormText = "",
    return_status: FormText = "open",
) -> Response:
    """Hide a summary from readers at once, or show it again."""
    refused = _refuse_review(request, state, principal, csrf_token)
    if refused is not None:
        return refused
    stored = repository.get_summary(session, summary_id)
    if stored is None:
        return _review_error(request, state, "There is no such summary.", 404)
    if hidden not in ("true", "false"):
        return _review_error(request, state, "Choose hide or unhide.", 422)
    repository.set_hidden(session, stored, hidden == "true")
    done = "hidden" if hidden == "true" else "shown"
    return redirect(f"/review?status={_tab(return_status)}&done={done}")


def _report_or_none(session: Session, report_id: str) -> Report | None:
    """The report with this id, if the id is one at all: ASCII digits within the
    database's INTEGER (a larger number would overflow the driver)."""
    digits = report_id.isascii() and report_id.isdigit()
    if not (digits and len(report_id) <= len(str(MAX_INT))):
        return None
    try:
        return review.report_by_id(session, int(report_id))
    except NotFound:
        return None


def _refuse_review(
    request: Request, state: AppState, principal: Principal | None, csrf_token: str
) -> Response | None:
    """The error page when the caller may not review or the form's token is wrong."""
    if principal is None:
        return redirect("/review")
    if _reviewer(principal) is None:
        return _review_error(request, state, "Your account cannot review reports.", 403)
    if not state.csrf.check(request, csrf_token):
        return _review_error(request, state, "This form has expired. Reload and try again.", 403)
    return None


def _review_error(request: Request, state: AppState, message: str, status_code: int) -> Response:
    context = {"heading": "Review", "message": message, "lang": "en"}
    return render(request, state, "error.html", context, status_code)


def _tab(status: str) -> str:
    return status if status in STATUSES else "open"
