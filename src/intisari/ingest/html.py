"""HTML in: main text, title and declared language, with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intisari.errors import InputTooShort

__all__ = ["ExtractedPage", "extract", "looks_like_html"]

#: ``<html lang>`` is in the first bytes of any page; looking further only costs time.
LANG_SEARCH_CHARS = 5000

_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I
)
#: What an HTML document or fragment starts with, after whitespace.
_HTML_START = re.compile(
    r"\s*(<!doctype\s+html|<\?xml|<!--|<(html|head|body|article|main|section|div|p|h[1-6])\b)",
    re.I,
)


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None
    lang: str | None


def looks_like_html(content: str) -> bool:
    """Is ``content`` an HTML page rather than text (that may mention a tag)?"""
    return bool(_HTML_START.match(content[:1000]))


def extract(html: str, url: str | None = None) -> ExtractedPage:
    """The article body (paragraphs separated by newlines), title and ``<html lang>``."""
    import trafilatura  # Imported here: it takes ~0.5 s and plain-text users never need it.

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        # The date is never used; its extensive search loads every dateparser locale on
        # first use (seconds), which would stall the first HTML request of each process.
        date_extraction_params={"extensive_search": False},
        # No ``deduplicate``: trafilatura's cache of seen text is process-wide, so the same
        # page summarized twice (a retry, a second user) would come back empty.
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputTooShort("no article text found in the HTML")
    lang_match = _HTML_LANG.search(html, 0, LANG_SEARCH_CHARS)
    title = getattr(document, "title", None)
    return ExtractedPage(
        text=text,
        title=title.strip() if title else None,
        lang=lang_match.group(1) if lang_match else None,
    )
