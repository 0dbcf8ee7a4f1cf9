"""Where an article comes from: exactly one of text, HTML or a URL, and a fetched page read
as HTML or as text by one test.

Every way in (``intisari.summarize``, the service's cache key, the API's request schema,
the CLI) asks these two functions, so the same input is refused, and the same page read,
the same way everywhere.
"""

from __future__ import annotations

from intisari.errors import InputError
from intisari.ingest.html import looks_like_html
from intisari.options import Options

__all__ = ["SOURCES", "fetch_article", "one_source"]

#: The ways an article can be given, in the order the messages name them.
SOURCES = ("url", "html", "text")


def one_source(*, text: str | None, html: str | None, url: str | None) -> str:
    """The name of the one source given (``None`` is not given); ``InputError`` otherwise."""
    values = {"url": url, "html": html, "text": text}
    given = [name for name in SOURCES if values[name] is not None]
    if len(given) != 1:
        got = f" (got {', '.join(given)})" if given else ""
        raise InputError(f"give exactly one of url, html or text{got}")
    return given[0]


def fetch_article(url: str, options: Options) -> tuple[str | None, str | None]:
    """Fetch ``url``: ``(html, None)`` when the page is HTML (by its content type, or by
    ``looks_like_html`` on its body), else ``(None, text)``. Raises ``FetchError``."""
    from intisari.ingest.fetch import fetch  # httpx is only needed for URLs.

    page = fetch(url.strip(), options)
    if "html" in page.content_type or looks_like_html(page.body):
        return page.body, None
    return None, page.body
