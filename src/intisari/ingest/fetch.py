"""URL in: fetch a page with hard limits, refusing addresses inside the server's network.

A public summarizer that fetches any URL is an open door into the server's own network
(server-side request forgery). So, for every hop of a redirect chain:

1. the URL must be ``http`` or ``https`` with a host;
2. the host is resolved once, and *every* address it resolves to must be public
   (not private, loopback, link-local, shared, multicast or reserved, also when an IPv4
   address hides inside an IPv6 one), unless it lies in an allowed network (tests);
3. the connection goes to that vetted address, with the original ``Host`` header and TLS
   server name (so certificates are still checked against the host name). Connecting by
   name would resolve it a second time, and a DNS server that answers "public" to the
   check and "127.0.0.1" to the connection (DNS rebinding) would walk straight in.

Environment proxies are ignored (``trust_env=False``): a proxy would resolve the host
itself and undo step 3. Limits: at most ``fetch_max_redirects`` redirects, at most
``max_page_bytes`` of body once decoded (``http_body``: a compressed body is decoded in
steps, the cap checked after each), and ``fetch_timeout_s`` for the whole fetch.

The deadline is one wall clock over every hop's connection, TLS handshake, headers and
body. httpx's timeouts are per network read, so a server sending a header line every
half second held a fetch for 129.7 s (issue 10); here a timer shuts the connection's
socket down when the deadline passes, wherever the fetch is waiting, and the fetch fails
at once. Only name resolution is outside it (``getaddrinfo`` cannot be interrupted; the
system resolver's own timeouts bound it).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx

from intisari.errors import FetchError, InputTooLarge
from intisari.http_body import ACCEPT_ENCODING, BodyError, BodyTooLarge, decoded_chunks
from intisari.ingest.text import decode_page
from intisari.options import Options

__all__ = ["Deadline", "FetchedPage", "fetch", "vet_address", "vetted_address"]

USER_AGENT = "Intisari/0.1 (+https://github.com/intisari/intisari; key-takeaways bot)"
#: Content types that can hold an article; images, PDFs, archives and the like cannot.
TEXT_TYPES = ("text/", "application/xhtml+xml")
DEFAULT_PORTS = {"http": 80, "https": 443}
#: IPv6 ranges whose last 32 bits are an IPv4 address that a gateway or a dual stack may
#: carry the request to, so that address is what must be vetted: RFC 6052's well-known
#: NAT64 prefix, RFC 4291's deprecated IPv4-compatible addresses (``::7f00:1`` is
#: ``::127.0.0.1``) and RFC 2765's IPv4-translated ones (``::ffff:0:7f00:1``). Python
#: calls the last two global.
EMBEDS_IPV4 = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("::/96"),
    ipaddress.IPv6Network("::ffff:0:0:0/96"),
)
#: Refused whatever they hold: RFC 8215's local-use NAT64 prefix, where the IPv4 address
#: sits wherever the operator's prefix length puts it (Python calls it global).
REFUSED_NETWORKS = (ipaddress.IPv6Network("64:ff9b:1::/48"),)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchedPage:
    """The body of the last hop, decoded to text, and where it came from."""

    url: str
    body: str
    content_type: str


def fetch(url: str, options: Options) -> FetchedPage:
    """GET ``url`` following at most ``fetch_max_redirects`` redirects, each one vetted."""
    with Deadline(options.fetch_timeout_s) as deadline:
        try:
            page = _fetch(url, options, deadline)
        except (FetchError, httpx.HTTPError) as error:
            if not deadline.passed():
                if isinstance(error, httpx.HTTPError):
                    raise FetchError(f"cannot fetch {url}: {type(error).__name__}") from None
                raise
        else:
            # A body without a length that the deadline cut short looks complete.
            if not deadline.passed():
                return page
    # Whatever broke, it broke because time ran out.
    raise FetchError(f"fetching {url} took longer than {options.fetch_timeout_s:g} s")


class Deadline:
    """One wall-clock deadline for a whole fetch (or a webhook's post): the sockets it
    opened are shut down when it passes, which ends any read or write waiting on them at
    once. A request learns its sockets through httpx's ``trace`` extension (``trace``)."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def passed(self) -> bool:
        return time.monotonic() >= self.at

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's ``trace`` extension: learns each connection's socket (and the TLS
        socket that replaces it) as soon as it exists."""
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        sock = info["return_value"].get_extra_info("socket")
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self._expired
        if expired:  # the deadline passed while this connection was being made
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # closed already, or never connected
        sock.shutdown(socket.SHUT_RDWR)


def _fetch(url: str, options: Options, deadline: Deadline) -> FetchedPage:
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    with httpx.Client(headers=headers, follow_redirects=False, trust_env=False) as client:
        for _ in range(options.fetch_max_redirects + 1):
            target = _parse(url)
            request = _pinned_request(client, target, options, deadline)
            try:
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        url = _redirect_target(target, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{target} answered HTTP {response.status_code}")
                    content_type = response.headers.get("content-type", "")
                    if content_type and not content_type.lower().startswith(TEXT_TYPES):
                        raise FetchError(f"{target} is {content_type.split(';')[0]}, not a page")
                    body = _read_limited(response, options.max_page_bytes)
                    return FetchedPage(
                        url=str(target), body=_text(body, response.charset_encoding),
                        content_type=content_type,
                    )
                finally:
                    response.close()
            except httpx.HTTPError as error:
                raise FetchError(f"cannot fetch {target}: {error.__class__.__name__}") from None
    raise FetchError(f"too many redirects (more than {options.fetch_max_redirects})")


def vetted_address(host: str, port: int, options: Options) -> IPAddress:
    """Resolve ``host`` once and return an address to connect to, or raise ``FetchError``.

    Every address the name resolves to must be allowed, not just the first: which one a
    client picks is not ours to decide, and a mix of public and private is a red flag.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"cannot resolve host {host!r}: {error}") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise FetchError(f"host {host!r} has no address")
    for address in addresses:
        vet_address(address, options, host)
    return addresses[0]


def vet_address(address: IPAddress, options: Options, host: str = "") -> None:
    """Raise ``FetchError`` if ``address`` is inside the server's network and not allowed.

    ``is_global`` is false for private, loopback, link-local, shared (100.64/10),
    unspecified, reserved and documentation ranges; multicast is checked on its own
    because some multicast ranges count as global.
    """
    if options.fetch_allow_private or _in_allowed(address, options.fetch_allow_networks):
        return
    for candidate in _with_embedded(address):
        if (
            not candidate.is_global
            or candidate.is_multicast
            or any(candidate in network for network in REFUSED_NETWORKS)
        ):
            # The address a name resolves to is not said: the server's own DNS would
            # tell anyone the addresses of its internal names.
            raise FetchError(
                f"refusing to fetch {host or address}: it is a private, local or reserved "
                "address"
            )


def _parse(url: str) -> httpx.URL:
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchError(f"not a valid URL: {error}") from None
    if target.scheme not in DEFAULT_PORTS:
        raise FetchError(f"only http and https URLs can be fetched, not {target.scheme or '?'!r}")
    if not target.raw_host:
        raise FetchError(f"URL has no host: {url!r}")
    return target


def _pinned_request(
    client: httpx.Client, target: httpx.URL, options: Options, deadline: Deadline
) -> httpx.Request:
    """A request to the vetted address of ``target``'s host, sent as if to the host."""
    host = target.raw_host.decode("ascii")
    address = vetted_address(host, target.port or DEFAULT_PORTS[target.scheme], options)
    remaining = deadline.remaining()
    if remaining <= 0:
        raise FetchError(f"fetching took longer than {options.fetch_timeout_s:g} s")
    extensions: dict[str, Any] = {"trace": deadline.trace}
    if target.scheme == "https":
        # TLS sends this name and checks the certificate against it, not the address.
        extensions["sni_hostname"] = host
    return client.build_request(
        "GET",
        target.copy_with(host=str(address)),
        headers={"Host": target.netloc.decode("ascii")},
        # The connection itself (before there is a socket to shut down) waits no longer.
        timeout=remaining,
        extensions=extensions,
    )


def _redirect_target(current: httpx.URL, location: str) -> str:
    try:
        return str(current.join(location))
    except httpx.InvalidURL as error:
        raise FetchError(f"{current} redirects to a bad URL: {error}") from None


def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    """The body, refused as soon as it passes ``max_bytes`` (decoded)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"page is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    try:
        return b"".join(decoded_chunks(response, max_bytes))
    except BodyTooLarge as error:
        raise InputTooLarge(f"page is {error}") from None
    except BodyError as error:
        raise FetchError(f"cannot read the page: {error}") from None


def _text(body: bytes, charset: str | None) -> str:
    """``body`` decoded by the page's charset (its header's, else its ``<meta>``'s:
    ``decode_page``), else as UTF-8. A charset that names no text encoding ("base64",
    "zlib") or one that cannot replace what it cannot read ("idna") is passed over."""
    text = decode_page(body, charset)
    return body.decode("utf-8", errors="replace") if text is None else text


def _with_embedded(address: IPAddress) -> list[IPAddress]:
    """The address and any IPv4 address it carries (mapped, 6to4, Teredo, NAT64,
    IPv4-compatible, IPv4-translated)."""
    found: list[IPAddress] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            found.append(address.ipv4_mapped)
        if address.sixtofour:
            found.append(address.sixtofour)
        if address.teredo:
            found.extend(address.teredo)
        if any(address in network for network in EMBEDS_IPV4):
            found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


@lru_cache(maxsize=32)
def _networks(cidrs: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)
    except ValueError as error:
        raise FetchError(f"bad network in fetch_allow_networks: {error}") from None


def _in_allowed(address: IPAddress, cidrs: tuple[str, ...]) -> bool:
    return any(address in network for network in _networks(cidrs))
