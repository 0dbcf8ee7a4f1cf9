"""Ingest: whatever the caller has (text, HTML, a URL, a JSON record) becomes raw story text."""

from __future__ import annotations

from dataclasses import dataclass

from intisari.errors import InputError, InputTooShort
from intisari.ingest.clean import one_line
from intisari.ingest.html import extract, looks_like_html
from intisari.ingest.metadata import PageSource, strip_site_name
from intisari.ingest.sources import fetch_article, one_source
from intisari.ingest.text import check_text, first_line_title
from intisari.language.detect import is_known_code
from intisari.options import Options
from intisari.result import Removed

__all__ = ["RawArticle", "load"]


@dataclass(frozen=True)
class RawArticle:
    """Story text before cleaning, with what the source said of its title and language."""

    text: str
    title: str | None
    #: The language the caller declared: it wins.
    lang: str | None
    #: The page's ``<html lang>``: it wins unless the text is plainly another language.
    page_lang: str | None = None
    #: What was cut from a page's body on its DOM (captions, widgets...), with reasons.
    removed: tuple[Removed, ...] = ()
    #: Lines of ``text`` that are a page's subheadings: never a takeaway.
    headings: tuple[str, ...] = ()
    #: Lines of ``text`` inside a page's block quotations: never a takeaway.
    quoted: tuple[str, ...] = ()
    #: A page's site name, date, author and address; ``None`` for text.
    source: PageSource | None = None
    #: The title as readers see it: a page's own title without its site's name
    #: (``title`` stays as the page gave it: cleaning and ranking read that one).
    headline: str | None = None


def load(
    *,
    text: str | None,
    html: str | None,
    url: str | None,
    title: str | None,
    lang: str | None,
    options: Options,
) -> RawArticle:
    """Exactly one of ``text``, ``html`` or ``url``; the caller's title and lang win."""
    given = one_source(text=text, html=html, url=url)
    if not (text or html or url or "").strip():
        raise InputTooShort(f"the {given} is empty")
    for value in (title, lang):
        if value is not None:
            check_text(value, options.max_input_bytes)
    if lang is not None and lang.strip() and not is_known_code(lang):
        raise InputError(
            f"unknown language code {lang[:20]!r}: give an ISO 639-1 code such as id or en"
        )
    if text is not None and looks_like_html(text):
        # HTML pasted as text (the web form, the API's ``text``) is read as HTML, as the
        # command line reads an HTML file: one test for every path.
        html, text = text, None
    if url is not None:
        html, text = fetch_article(url, options)
    if html is not None:
        encoded = check_text(html, options.max_page_bytes)
        extracted = extract(html, url=url, encoded=encoded)
        check_text(extracted.text, options.max_input_bytes)
        page_title = _title(title or extracted.title)
        source = extracted.source
        headline: str | None
        if title is None and page_title is not None:
            headline = strip_site_name(page_title, source.site_name, source.url)
        else:
            headline = page_title
        return RawArticle(
            extracted.text, page_title, lang, extracted.lang, extracted.removed,
            extracted.headings, extracted.quoted, source, headline,
        )
    assert text is not None
    check_text(text, options.max_input_bytes)
    if title is None:
        title = first_line_title(text)
    clean_title = _title(title)
    return RawArticle(text, clean_title, lang, headline=clean_title)


def _title(title: str | None) -> str | None:
    """The title on one line, without control, zero-width or bidirectional characters.

    The title is the one part of the result not taken from the cleaned text, and it is
    printed as it is (the CLI's Markdown and text formats write it to a terminal, where ESC
    and BEL act): tidied where it comes in, it is the same in every output.
    """
    return None if title is None else one_line(title)
