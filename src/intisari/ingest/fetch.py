"""URL in: fetch a page with hard limits, refusing addresses inside the server's network.

A public summarizer that fetches any URL is an open door (server-side request forgery):
only http/https, every hop of a redirect is checked, and a host that resolves to a private,
loopback, link-local or reserved address is refused unless the options allow it (tests).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from intisari.errors import FetchError, InputTooLarge
from intisari.options import Options

__all__ = ["FetchedPage", "fetch", "check_url"]

USER_AGENT = "Intisari/0.1 (+https://github.com/intisari/intisari; key-takeaways bot)"
_READ_CHUNK = 64 * 1024


class FetchedPage:
    def __init__(self, url: str, body: str, content_type: str) -> None:
        self.url = url
        self.body = body
        self.content_type = content_type


def check_url(url: str, options: Options) -> None:
    """Raise ``FetchError`` unless ``url`` is http(s) and its host is allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or '?'!r}")
    if not parts.hostname:
        raise FetchError(f"URL has no host: {url!r}")
    if options.fetch_allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve host {parts.hostname!r}: {error}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"refusing to fetch {parts.hostname!r}: it resolves to {address}, "
                             "a private or local address")


def fetch(url: str, options: Options) -> FetchedPage:
    """GET ``url`` following at most ``fetch_max_redirects`` checked redirects."""
    timeout = httpx.Timeout(options.fetch_timeout_s)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain"}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        for _ in range(options.fetch_max_redirects + 1):
            check_url(url, options)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        url = urljoin(url, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url} answered HTTP {response.status_code}")
                    body = _read_limited(response, options.fetch_max_bytes)
                    return FetchedPage(
                        url=str(response.url),
                        body=body.decode(response.encoding or "utf-8", errors="replace"),
                        content_type=response.headers.get("content-type", ""),
                    )
            except httpx.HTTPError as error:
                raise FetchError(f"cannot fetch {url}: {error.__class__.__name__}") from None
    raise FetchError(f"too many redirects (more than {options.fetch_max_redirects})")


def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"page is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks = []
    size = 0
    for chunk in response.iter_bytes(_READ_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"page is over the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
