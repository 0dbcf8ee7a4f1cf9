"""What every page shares: the templates, the reader's wording, rendering with a CSRF
token, redirects after a post, the error pages.

Templates autoescape everything, and the Content-Security-Policy set by
``SecurityHeadersMiddleware`` forbids inline script and style, so the templates have none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Depends, Form
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from intisari._version import __version__
from intisari.web.auth import (
    Principal,
    current_principal,
)
from intisari.web.deps import AppState, Client, app_state, db_session, request_client
from intisari.web.locale import ENGLISH, UI_LANGUAGE, reader_text, ui_language

__all__ = [
    "DASHBOARD",
    "DB",
    "PAGE_CACHE_CONTROL",
    "STATIC_DIR",
    "TEMPLATES",
    "Caller",
    "FormText",
    "MaybePrincipal",
    "State",
    "after_login",
    "error_page",
    "not_found",
    "redirect",
    "render",
    "staff_error",
    "to_login",
]

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

#: Page responses carry a per-browser CSRF token: shared caches must not keep them.
PAGE_CACHE_CONTROL = "private, no-cache"
#: Staff pages (the dashboard's path and below) show drafts, readers' reports and account
#: names: the browser must not keep them either, so that after Log out the back button or
#: the disk cache of a shared computer shows none of it.
STAFF_CACHE_CONTROL = "no-store"

#: Where staff land after logging in when they asked for no other staff page.
DASHBOARD = "/review"
TEMPLATES.env.globals["dashboard"] = DASHBOARD  # the staff pages' links to it


State = Annotated[AppState, Depends(app_state)]
DB = Annotated[Session, Depends(db_session)]
Caller = Annotated[Client, Depends(request_client)]
MaybePrincipal = Annotated[Principal | None, Depends(current_principal)]
FormText = Annotated[str, Form()]


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
    defaults = {"csrf_token": token, "version": __version__, "ui": ENGLISH}
    response = TEMPLATES.TemplateResponse(
        request, template, {**defaults, **context}, status_code=status_code, headers=headers
    )
    for value in cookies.headers.getlist("set-cookie"):
        response.headers.append("set-cookie", value)
    staff = request.url.path == DASHBOARD or request.url.path.startswith(f"{DASHBOARD}/")
    response.headers["Cache-Control"] = STAFF_CACHE_CONTROL if staff else PAGE_CACHE_CONTROL
    return response


def redirect(url: str) -> RedirectResponse:
    """After a form post: 303 makes the browser GET the next page (no re-post on reload)."""
    return RedirectResponse(url, status_code=303)


def to_login(request: Request) -> RedirectResponse:
    """The login, which then opens the staff page asked for (``next``): an editor who
    followed a link to a box's editor page while logged out landed on the dashboard after
    logging in, and had to find the box again (an editor's trial). Only a page read with
    GET is kept: a form posted with an expired session is not posted again."""
    if request.method != "GET":
        return redirect(DASHBOARD)
    asked = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return redirect(f"{DASHBOARD}?{urlencode({'next': asked})}")


def after_login(asked: str) -> str:
    """``asked`` when it is one of this site's staff pages, else the dashboard: never
    another site ("//evil.example", "https://..."), so that a link cannot send a user who
    logs in elsewhere."""
    parts = urlsplit(asked)
    if (
        parts.scheme or parts.netloc or "\\" in asked
        or not asked.startswith(f"{DASHBOARD}/") or asked.startswith("//")
    ):
        return DASHBOARD
    return asked


def staff_error(
    request: Request, state: AppState, heading: str, message: str, status_code: int, staff: str
) -> Response:
    """An error page on a staff page, for the logged-in account named ``staff``: the header
    keeps its name and Log out, and the way back is the dashboard. (A reviewer who opened
    an editor's page got a 403 with neither, and a button to the start page.)"""
    context = {"heading": heading, "message": message, "lang": UI_LANGUAGE, "staff": staff}
    return render(request, state, "error.html", context, status_code)


def error_page(request: Request, heading: str, message: str, status_code: int) -> Response:
    """A bare error page for answers made outside a route (no form, so no CSRF token)."""
    context = {"heading": heading, "message": message, "lang": UI_LANGUAGE, "version": __version__}
    response = TEMPLATES.TemplateResponse(
        request, "error.html", {**context, "ui": ENGLISH}, status_code=status_code
    )
    response.headers["Cache-Control"] = PAGE_CACHE_CONTROL
    return response


def not_found(request: Request, state: AppState, language: str | None = None) -> Response:
    """The reader's 404 page, in the box's ``language`` when there is a box, else in the
    reader's (``?hl=``, then ``Accept-Language``): an Indonesian reader following a stale
    link got "Summary not found" in English (an editor's trial)."""
    asked = language or ui_language(
        request.headers.get("accept-language"), request.query_params.get("hl")
    )
    ui = reader_text(asked)
    context = {"ui": ui, "lang": asked, "heading": ui["not_found"]}
    headers = None if language else {"Vary": "Accept-Language"}
    return render(
        request, state, "error.html", {**context, "message": ui["not_found_message"]}, 404,
        headers,
    )


