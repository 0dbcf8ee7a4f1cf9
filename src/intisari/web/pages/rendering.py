"""What every page shares: the templates, the reader's wording, rendering with a CSRF
token, redirects after a post, the error pages.

Templates autoescape everything, and the Content-Security-Policy set by
``SecurityHeadersMiddleware`` forbids inline script and style, so the templates have none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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
from intisari.web.schemas import MAX_COMMENT_CHARS

__all__ = [
    "DB",
    "PAGE_CACHE_CONTROL",
    "READER_TEXT",
    "STATIC_DIR",
    "TEMPLATES",
    "Caller",
    "FormText",
    "MaybePrincipal",
    "State",
    "error_page",
    "not_found",
    "reader_text",
    "redirect",
    "render",
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

#: Page responses carry a per-browser CSRF token: shared caches must not keep them.
PAGE_CACHE_CONTROL = "private, no-cache"


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


