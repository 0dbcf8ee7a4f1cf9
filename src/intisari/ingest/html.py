"""HTML in: the article body, title and declared language, and what was cut from the body.

Two extractors, the fast one first:

- ``main_content.extract_body``: Readability's rules on the lexbor parser (~3 ms a page),
  which also names every block it cuts from the body (captions, widgets, hover cards);
- trafilatura (~25 ms a page), where the fast path is unsure: it found little text, or
  the page declares its body in JSON-LD and the text found covers too little of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from intisari.errors import InputTooShort
from intisari.ingest.main_content import Body, extract_body, without_overlays
from intisari.ingest.metadata import NO_SOURCE, PageSource
from intisari.ingest.prose import check_script
from intisari.result import Removed

__all__ = ["MAX_FALLBACK_TAGS", "ExtractedPage", "extract", "looks_like_html"]

#: ``<html lang>`` is in the first bytes of any page; looking further only costs time.
LANG_SEARCH_CHARS = 5000

#: The fast path is trusted with at least this much body text. The shortest real article
#: bodies we have (CTV, cleveland.com briefs) are ~800 characters; a page yielding less
#: is more often one whose body the rules missed, which trafilatura's fallbacks find.
MIN_SURE_CHARS = 500

#: Where the page declares its body (JSON-LD ``articleBody``), the text found must hold
#: at least this share of its words: below it, the rules picked another block.
MIN_DECLARED_COVERAGE = 0.6

#: Tags of a page handed to trafilatura, at most; the rest of the page is not read. Its
#: time grows faster than the page (20,000 inline tags in one paragraph took 5.7 s CPU,
#: 100,000 ``<p>`` 45 s); at 10,000 the worst shape found takes ~1 s. The heaviest of the
#: 44 example pages has 4,100, and a story comes before the page's footer.
MAX_FALLBACK_TAGS = 10_000

#: Extractors, as named in ``ExtractedPage.extractor``.
FAST = "fast"
FALLBACK = "trafilatura"

_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I
)
#: What an HTML document or fragment starts with, after whitespace.
_HTML_START = re.compile(
    r"\s*(<!doctype\s+html|<\?xml|<!--|<(html|head|body|article|main|section|div|p|h[1-6])\b)",
    re.I,
)
_WORD = re.compile(r"\w+")
#: A line break of the page's source inside a paragraph of trafilatura's text.
_SOURCE_BREAK = re.compile(r"(?<=[^\s.!?…\"”’:])(?:[ \t]+\n[ \t]*|\n[ \t]+)")


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None
    lang: str | None
    #: Blocks cut from the body on the DOM (captions, widgets...), each with its reason.
    removed: tuple[Removed, ...] = ()
    #: Which extractor gave ``text``: ``FAST`` or ``FALLBACK``.
    extractor: str = FAST
    #: Lines of ``text`` that are subheadings (the fast path finds them).
    headings: tuple[str, ...] = ()
    #: Lines of ``text`` inside block quotations (the fast path finds them).
    quoted: tuple[str, ...] = ()
    #: The page's site name, date, author and address (``ingest/metadata.py``).
    source: PageSource = NO_SOURCE


def looks_like_html(content: str) -> bool:
    """Is ``content`` an HTML page rather than text (that may mention a tag)?"""
    return bool(_HTML_START.match(content[:1000]))


def extract(html: str, url: str | None = None, encoded: bytes | None = None) -> ExtractedPage:
    """The article body (paragraphs separated by newlines), title and ``<html lang>``.

    ``encoded``: ``html`` in UTF-8, when the caller has it (encoding a page costs about a
    third of parsing it).
    """
    lang_match = _HTML_LANG.search(html, 0, LANG_SEARCH_CHARS)
    lang = lang_match.group(1) if lang_match else None
    body = extract_body(html if encoded is None else encoded)
    # Where it was fetched, when the page names no canonical address of its own.
    source = body.source if body.source.url or not url else replace(body.source, url=url)
    if is_sure(body):
        return ExtractedPage(
            text=body.text, title=body.title, lang=lang, removed=body.removed,
            headings=body.headings, quoted=body.quoted, source=source,
        )
    text = _trafilatura(html, url)
    if not text:
        # What the fast path found and the page's title still tell a script without spaces
        # between words, which is the reason to give: a Chinese page laid out in a table
        # (trafilatura takes no text from one) was refused as having no article text.
        check_script(f"{body.title or ''}\n{body.text}")
        raise InputTooShort("no article text found in the HTML")
    standfirst = _shown_standfirst(body, source)
    if standfirst and standfirst not in " ".join(text.split()):
        text = f"{standfirst}\n{text}"
    return ExtractedPage(
        text=text, title=body.title, lang=lang, extractor=FALLBACK, source=source
    )


def is_sure(body: Body) -> bool:
    """Can the fast path's body be trusted (else trafilatura is asked)?"""
    if len(body.text) < MIN_SURE_CHARS:
        return False
    if body.declared:
        declared = set(_WORD.findall(body.declared.lower()))
        found = set(_WORD.findall(body.text.lower()))
        if declared and len(declared & found) < MIN_DECLARED_COVERAGE * len(declared):
            return False
    return True


def _shown_standfirst(body: Body, source: PageSource) -> str | None:
    """The page's description where the fast path found it shown as the body's first
    paragraph, else ``None``.

    The story's lead set above its body as a standfirst ("Liberal (Venstre) party leader
    Troels Lund Poulsen ... has rejected calls from the far right to reduce the number of
    Muslims in Denmark.", thelocal.dk, a page outside the shared set) is story a reader
    sees first. Where the fast path is unsure of the rest (the body behind a sign-in
    prompt, kept hidden in the page) trafilatura reads the body alone, and the box had
    missed the story's news: it is put back above trafilatura's text.
    """
    if not source.description or not body.text:
        return None
    first = " ".join(body.text.split("\n", 1)[0].split())
    return first if first == " ".join(source.description.split()) else None


def _trafilatura(html: str, url: str | None) -> str:
    """The body trafilatura finds (``""`` when none). The title is the page's own
    (``metadata``): asking trafilatura for its metadata too doubled its time on detik.com's
    page outside the shared set (116 -> 58 ms; its search for an author alone took 120 ms
    of a profile) and gave the same title."""
    import trafilatura  # Imported here: it takes ~0.5 s and most pages never need it.

    document = trafilatura.bare_extraction(
        without_overlays(_first_tags(html, MAX_FALLBACK_TAGS)),
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        # No ``deduplicate``: trafilatura's cache of seen text is process-wide, so the same
        # page summarized twice (a retry, a second user) would come back empty.
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return ""
    # trafilatura keeps the line breaks of the page's source inside a paragraph's text
    # ("won the \nAfrica Movie Academy Award", a Blogger page): a break with a space
    # beside it and no final mark before it is one of those, and every line was read as
    # a paragraph of its own.
    return _SOURCE_BREAK.sub(" ", str(text))


def _first_tags(html: str, limit: int) -> str:
    """``html`` up to its ``limit``-th tag (counted as "<"): all of it, for a real page."""
    if html.count("<") <= limit:
        return html
    return "<".join(html.split("<", limit + 1)[: limit + 1])
