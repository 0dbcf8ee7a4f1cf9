"""The start page (``/``): paste a text or a URL; the form posts here and redirects to the
article page.

The page speaks the reader's language (``web/locale``): the browser's
``Accept-Language``, or the language switch (``?hl=id``), which the form keeps.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from intisari.errors import InputTooLarge
from intisari.service.errors import ServiceError
from intisari.service.summaries import ArticleRequest, limit_summaries, summarize_now
from intisari.web.locale import READER_TEXT, other_languages, ui_language
from intisari.web.pages.rendering import (
    DB,
    STATIC_DIR,
    Caller,
    FormText,
    State,
    error_page,
    redirect,
    render,
)
from intisari.web.schemas import SummaryIn

__all__ = ["router", "too_large_form"]

router = APIRouter(include_in_schema=False)

#: Browsers ask for /favicon.ico whatever the page's <link rel=icon> says (feed readers,
#: bookmarks): answered with the same icon, cached for a day.
FAVICON_CACHE_CONTROL = "public, max-age=86400"


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(
        STATIC_DIR / "favicon.svg",
        media_type="image/svg+xml",
        headers={"Cache-Control": FAVICON_CACHE_CONTROL},
    )



#: The start page's language follows the browser's: a cache keeps one copy per language.
VARY = {"Vary": "Accept-Language"}


@router.get("/")
def start_page(request: Request, state: State, hl: str | None = None) -> Response:
    return render(request, state, "index.html", _start_context(request, hl, {}), headers=VARY)


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
    hl: str | None = None,
) -> Response:
    """Summarize the pasted text or the URL, store it, and show its page."""
    form = {"url": url, "text": text, "title": title, "lang": lang}
    context = _start_context(request, hl, form)
    ui = context["ui"]
    if not state.csrf.check(request, csrf_token):
        context["error"] = ui["start_expired"]
        return render(request, state, "index.html", context, 403, VARY)
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
        # In the reader's words where the locale has them, the service's message (English,
        # with the detail) after them.
        refusal = ui["refusals"].get(error.code)
        context |= {"error": refusal or error.message, "detail": error.message if refusal else None}
        if error.code == InputTooLarge.code and text.strip():
            context["error_field"] = "text"
        headers = {**(error.headers or {}), **VARY}
        return render(request, state, "index.html", context, error.status, headers)
    except ValidationError as error:
        context["error"], context["error_field"] = _why(error, ui)
        return render(request, state, "index.html", context, 422, VARY)
    return redirect(f"/a/{stored.id}")


def too_large_form(request: Request, message: str) -> Response:
    """413 for a browser's post over the body cap (``INTISARI_MAX_BODY_BYTES``), refused
    before it is read: the start form again, saying its text is too long, with the
    service's ``message`` (the sizes) after it; another page's post gets the error page.
    The text cannot be given back (it was never read): the browser's Back button has it."""
    if request.url.path != "/" or request.method != "POST":
        return error_page(request, "Too large", message, 413)
    state = request.app.state.intisari
    context = _start_context(request, request.query_params.get("hl"), {})
    context |= {"error": context["ui"]["error_text_long"], "detail": message,
                "error_field": "text"}
    return render(request, state, "index.html", context, 413, VARY)


def _start_context(request: Request, hl: str | None, form: dict[str, str]) -> dict[str, Any]:
    locale = ui_language(request.headers.get("accept-language"), hl)
    ui = READER_TEXT[locale]
    return {
        "form": form, "error": None, "detail": None, "error_field": None, "ui": ui,
        "lang": locale,
        # Kept through the form's post, so its answer speaks the language switched to.
        "hl_query": f"?hl={hl}" if hl in READER_TEXT else "",
        "languages": other_languages(locale),
    }


def _why(error: ValidationError, ui: dict[str, Any]) -> tuple[str, str | None]:
    """One readable line for the first problem of a form, and the field at fault (the page
    marks it invalid and focuses it), or None when the problem is no one field's."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    if where == "url":
        return str(ui["error_url"]), "url"
    if where in ("text", "title"):
        return str(ui[f"error_{where}_long"]), where
    if where == "lang":
        return str(ui["error_language"]), "lang"
    # The one model-level rule, exactly one source, in the form's own words: its message
    # named an "html" field the form does not have.
    return str(ui["error_one_source"]), None
