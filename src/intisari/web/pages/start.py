"""The start page (``/``): paste a text or a URL; the form posts here and redirects to the
article page.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from intisari.service.errors import ServiceError
from intisari.service.summaries import ArticleRequest, limit_summaries, summarize_now
from intisari.web.locale import FORM_LANGUAGES, UI_LANGUAGE
from intisari.web.pages.rendering import (
    DB,
    STATIC_DIR,
    Caller,
    FormText,
    State,
    redirect,
    render,
)
from intisari.web.schemas import SummaryIn

__all__ = ["router"]

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
    return {"form": form, "error": error, "languages": FORM_LANGUAGES, "lang": UI_LANGUAGE}


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
    # The one model-level rule, exactly one source, in the form's own words: its message
    # named an "html" field the form does not have.
    return "Paste the article's text or give its address (one of them, not both)."


