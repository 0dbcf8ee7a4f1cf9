"""The reviewers' pages (``/review``): the login, then the dashboard of readers' reports,
and the forms that confirm, dismiss or reopen a report and hide or show a summary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.report_kinds import CATEGORIES, MAX_NOTE_CHARS, STATUS_LABELS, STATUSES
from intisari.roles import allows
from intisari.service import editorial, review
from intisari.service.accounts import log_in
from intisari.service.editorial import box_of
from intisari.service.errors import Invalid, NotFound, RateLimited
from intisari.service.publishers import (
    ANONYMOUS_SCOPE,
    Scope,
    find_summary_in,
    publishers_in,
    report_in,
)
from intisari.service.review import MAX_INT
from intisari.service.votes import vote_counts
from intisari.storage.models import Report, StoredSummary
from intisari.web.auth import (
    Principal,
    end_session,
    start_session,
)
from intisari.web.chart import CHART_DAYS, NARROW, build_chart
from intisari.web.deps import AppState
from intisari.web.highlight import Passage, source_passages, source_spans
from intisari.web.locale import en
from intisari.web.pages.rendering import (
    DB,
    Caller,
    FormText,
    MaybePrincipal,
    State,
    after_login,
    redirect,
    render,
    staff_error,
)

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: The dashboard's words for the categories and statuses.
CATEGORY_LABELS = en.CATEGORY_LABELS
STATUS_CHOICES = tuple(STATUS_LABELS.items())


@dataclass
class ReportItem:
    report: Report
    #: The reported bullet's text (None: the box as a whole, or a bullet no longer there).
    takeaway: str | None
    #: The paragraph(s) the bullet was cut from, its kept words marked; for an LLM
    #: bullet, those of the evidence the checker found.
    source: list[Passage]
    #: ``extract`` or ``llm`` (then ``support`` is the checker's score).
    origin: str = "extract"
    support: float | None = None
    #: The box's revision now: the report's own (``report.revision``, the one the reader
    #: saw) is said beside it when editors changed the box since.
    box_revision: int = 0


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
    if principal is None or not allows(principal.account.role, "review"):
        return None
    return principal.account.name


#: Reports per dashboard page. Each shows its paragraph (up to ``CONTEXT_CHARS``) and a
#: decision form, ~1.9 KB of HTML: 50 make a page of ~95 KB that a phone shows at once,
#: about what a reviewer decides in one sitting (the old page put up to 1,000 on one page,
#: ~1.9 MB).
REPORTS_PER_PAGE = 50

#: A report comment longer than this many characters is folded on the dashboard, its
#: start shown and the rest a click away (a <details>, so without the script too): a
#: reader's comment may be 2,000 characters (MAX_COMMENT_CHARS), which filled a phone's
#: screens and pushed the card's decision form far down. Two lines of a desktop card,
#: six on a phone (with "Show all", ~190 px of a 390 px-wide screen).
COMMENT_FOLD_CHARS = 160
#: The dashboard's query parameters besides ``done``: the filters and the page's cursor.
#: A decision's form carries them back, so the reviewer returns to the same view.
VIEW_FIELDS = ("status", "category", "publisher", "site", "since", "until", "cursor")


@dataclass(frozen=True)
class View:
    """What the dashboard was asked to show, as the query gave it (empty: not given)."""

    status: str = "open"
    category: str = ""
    publisher: str = ""
    site: str = ""
    since: str = ""
    until: str = ""
    cursor: str = ""

    def query(self, **changes: str) -> str:
        """The view's query string with ``changes`` (empty values left out)."""
        values = {name: getattr(self, name) for name in VIEW_FIELDS} | changes
        return urlencode({name: value for name, value in values.items() if value})

    @property
    def filtered(self) -> bool:
        return any((self.category, self.publisher, self.site, self.since, self.until))


def _view_of(query: str) -> View:
    """A view from a query string: unknown parameters are left out, a repeated one counts
    once (its last value), and only the first pairs are read (twice the dashboard's
    fields: a forged query of thousands costs nothing)."""
    values = dict(parse_qsl(query)[: len(VIEW_FIELDS) * 2])
    return View(**{name: values[name] for name in VIEW_FIELDS if values.get(name)})


def _report_page(session: Session, view: View, scope: Scope) -> review.ReportPage:
    """The page of reports ``view`` asks for within ``scope``; ``Invalid`` names a bad
    filter or cursor."""
    filters = review.report_filter(
        scope=scope,
        status=view.status,
        category=view.category,
        publisher=view.publisher,
        site=view.site,
        since=review.day_or_moment(view.since, "since") if view.since else None,
        until=review.day_or_moment(view.until, "until") if view.until else None,
    )
    cursor = review.parse_cursor(view.cursor) if view.cursor else None
    return review.report_page(session, filters, cursor=cursor, limit=REPORTS_PER_PAGE)


@router.get("/review")
def review_page(
    request: Request,
    state: State,
    session: DB,
    principal: MaybePrincipal,
    status: str = "open",
    category: str = "",
    publisher: str = "",
    site: str = "",
    since: str = "",
    until: str = "",
    cursor: str = "",
    done: str = "",
    next: str = "",
) -> Response:
    """The login form, or the dashboard: reports grouped by summary, filtered (category,
    status, publisher, site, dates: all in the address, so a view can be bookmarked),
    ``REPORTS_PER_PAGE`` at a time; a bad filter is said on the page (422)."""
    reviewer = _reviewer(principal)
    if reviewer is None:
        error = None
        if principal is not None:
            error = f"The account {principal.account.name!r} cannot review reports."
        login = {"error": error, "name": None, "next": after_login(next)}
        return render(request, state, "review_login.html", login, 200 if error is None else 403)
    view = View(status or "open", category, publisher, site, since, until, cursor)
    scope = _scope(principal)
    problem = None
    try:
        page = _report_page(session, view, scope)
        counts = review.status_counts(session, page.filters)
    except Invalid as bad:
        problem = bad.message
        page = review.ReportPage([], None, None, review.report_filter(scope=scope))
        counts = review.status_counts(session, page.filters)
    groups: dict[str, ReportGroup] = {}
    for report in page.reports:
        group = groups.setdefault(report.summary_id, ReportGroup(report.summary))
        group.reports.append(_report_item(report))
    today = datetime.now(UTC).date()
    since_day = datetime.combine(today - timedelta(days=CHART_DAYS - 1), time(), UTC)
    stats = review.report_stats(session, since=since_day, scope=scope)
    context: dict[str, Any] = {
        "staff": reviewer,
        "view": view,
        "comment_fold": COMMENT_FOLD_CHARS,
        "problem": problem,
        "status": view.status,
        "statuses": STATUS_CHOICES,
        "status_counts": counts,
        "categories": CATEGORIES,
        "publishers": sorted(publishers_in(session, scope), key=lambda p: (p.name, p.id)),
        "groups": list(groups.values()),
        "newer": None if page.previous is None else view.query(cursor=str(page.previous)),
        "older": None if page.next is None else view.query(cursor=str(page.next)),
        "hidden_summaries": [
            s for s in review.hidden_summaries(session, scope) if s.id not in groups
        ],
        "chart": build_chart(stats, today),
        "phone_chart": build_chart(stats, today, layout=NARROW),
        "chart_days": CHART_DAYS,
        "category_labels": CATEGORY_LABELS,
        "flash": _DONE_MESSAGES.get(done),
        "votes": vote_counts(session, list(groups)),
        **_editorial_context(session, principal),
    }
    return render(request, state, "review.html", context, 200 if problem is None else 422)


def _editorial_context(session: Session, principal: Principal | None) -> dict[str, Any]:
    """The editors' part of the dashboard: drafts waiting, and links to edit each box."""
    if principal is None or not allows(principal.account.role, "edit"):
        return {"can_edit": False, "drafts": []}
    return {"can_edit": True, "drafts": editorial.drafts(session, principal.account)}


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
    box = box_of(report.summary)
    # What the reader saw: the bullet the report kept, else (a report stored before it
    # kept one) the bullet at its index in the box as editors left it.
    takeaway = report.takeaway
    if not isinstance(takeaway, dict):
        index = report.takeaway_index
        if index is None or not 0 <= index < len(box.takeaways):
            return ReportItem(report, None, [], box_revision=box.revision)
        takeaway = box.takeaways[index]
    source = source_passages(result["text"], source_spans(takeaway), report.summary.language)
    if takeaway.get("origin") == "llm":
        return ReportItem(
            report, takeaway["text"], source, "llm", takeaway.get("score"), box.revision
        )
    return ReportItem(report, takeaway["text"], source, box_revision=box.revision)


@router.post("/review/login")
def review_login(
    request: Request,
    state: State,
    session: DB,
    client: Caller,
    csrf_token: FormText = "",
    name: FormText = "",
    password: FormText = "",
    next: FormText = "",
) -> Response:
    """Check name and password; on success the session cookie is set and the staff page
    asked for (``next``, ``rendering.after_login``) or the dashboard shown.

    The form carries a CSRF token too, so no other site can log a browser into an account
    of its choosing.
    """

    def again(message: str, status_code: int, headers: dict[str, str] | None = None) -> Response:
        context = {"error": message, "name": name, "next": after_login(next)}
        return render(request, state, "review_login.html", context, status_code, headers)

    if not state.csrf.check(request, csrf_token):
        return again("This form has expired. Please log in again.", 403)
    try:
        account = log_in(state, session, client, name, password)
    except RateLimited as error:
        return again("Too many attempts. Wait a minute and try again.", error.status, error.headers)
    if account is None:
        return again("Wrong name or password.", 401)
    response = redirect(after_login(next))
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
    return_query: FormText = "",
) -> Response:
    """Confirm, dismiss or reopen a report, then back to the same dashboard view."""
    refused = _refuse_review(request, state, principal, csrf_token)
    if refused is not None:
        return refused
    report = _report_or_none(session, report_id, _scope(principal))
    if report is None:
        return _review_error(request, state, "There is no such report.", 404, principal)
    if status not in STATUSES or len(note) > MAX_NOTE_CHARS:
        choose = "Choose confirm or dismiss (notes up to 2,000)."
        return _review_error(request, state, choose, 422, principal)
    review.decide(
        state, session, report, status=status, note=note.strip() or None,
        reviewer=_reviewer(principal) or "",
    )
    back = _view_of(return_query).query(done=status)
    return redirect(f"/review?{back}{_card(report.summary_id)}")


@router.post("/review/summaries/{summary_id}/hidden")
def review_hide(
    summary_id: str,
    request: Request,
    state: State,
    session: DB,
    principal: MaybePrincipal,
    csrf_token: FormText = "",
    hidden: FormText = "",
    return_query: FormText = "",
) -> Response:
    """Hide a summary from readers at once, or show it again."""
    refused = _refuse_review(request, state, principal, csrf_token)
    if refused is not None:
        return refused
    stored = find_summary_in(session, summary_id, _scope(principal))
    if stored is None:
        return _review_error(request, state, "There is no such summary.", 404, principal)
    if hidden not in ("true", "false"):
        return _review_error(request, state, "Choose hide or unhide.", 422, principal)
    review.set_hidden(session, stored, hidden == "true", actor=_reviewer(principal) or "")
    done = "hidden" if hidden == "true" else "shown"
    return redirect(f"/review?{_view_of(return_query).query(done=done)}{_card(stored.id)}")


def _card(summary_id: str) -> str:
    """The fragment of the summary's card, where the reviewer acted: the page comes back
    there (app.js focuses it, described by the result) rather than at the top. Its group,
    not the report: a decided report leaves the view of its old status."""
    return f"#summary-{summary_id}"


def _scope(principal: Principal | None) -> Scope:
    """The publishers a logged-in reviewer sees: theirs, or all for the instance's staff."""
    return ANONYMOUS_SCOPE if principal is None else principal.account.publisher_id


def _report_or_none(session: Session, report_id: str, scope: Scope) -> Report | None:
    """The report with this id in ``scope``, if the id is one at all: ASCII digits within
    the database's INTEGER (a larger number would overflow the driver)."""
    digits = report_id.isascii() and report_id.isdigit()
    if not (digits and len(report_id) <= len(str(MAX_INT))):
        return None
    try:
        return report_in(session, int(report_id), scope)
    except NotFound:
        return None


def _refuse_review(
    request: Request, state: AppState, principal: Principal | None, csrf_token: str
) -> Response | None:
    """The error page when the caller may not review or the form's token is wrong."""
    if principal is None:
        return redirect("/review")
    if _reviewer(principal) is None:
        refused = "Your account cannot review reports."
        return _review_error(request, state, refused, 403, principal)
    if not state.csrf.check(request, csrf_token):
        expired = "This form has expired. Reload and try again."
        return _review_error(request, state, expired, 403, principal)
    return None


def _review_error(
    request: Request, state: AppState, message: str, status_code: int,
    principal: Principal | None,
) -> Response:
    assert principal is not None  # _refuse_review sent the anonymous to the login
    return staff_error(request, state, "Review", message, status_code, principal.account.name)
