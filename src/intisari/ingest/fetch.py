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
``fetch_max_bytes`` of (decoded) body, and ``fetch_timeout_s`` for the whole fetch.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from functools import lru_cache

import httpx

from intisari.errors import FetchError, InputTooLarge
from intisari.options import Options

__all__ = ["FetchedPage", "fetch", "vet_address", "vetted_address"]

USER_AGENT = "Intisari/0.1 (+https://github.com/intisari/intisari; key-takeaways bot)"
#: Content types that can hold an article; images, PDFs, archives and the like cannot.
TEXT_TYPES = ("text/", "application/xhtml+xml")
DEFAULT_PORTS = {"http": 80, "https": 443}
#: RFC 6052's well-known NAT64 prefix: a gateway would carry the request to the IPv4
#: address in the last 32 bits, so that address is what must be vetted.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchedPage:
    """The body of the last hop, decoded to text, and where it came from."""

    url: str
    body: str
    content_type: str


def fetch(url: str, options: Options) -> FetchedPage:
    """GET ``url`` following at most ``fetch_max_redirects`` redirects, each one vetted."""
    deadline = time.monotonic() + options.fetch_timeout_s
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain"}
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
                    body = _read_limited(response, options.fetch_max_bytes, deadline)
                    return FetchedPage(
                        url=str(target),
                        body=body.decode(response.encoding or "utf-8", errors="replace"),
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
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
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
        if not candidate.is_global or candidate.is_multicast:
            raise FetchError(
                f"refusing to fetch {host or address}: it resolves to {address}, "
                "a private, local or reserved address"
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
    client: httpx.Client, target: httpx.URL, options: Options, deadline: float
) -> httpx.Request:
    """A request to the vetted address of ``target``'s host, sent as if to the host."""
    host = target.raw_host.decode("ascii")
    address = vetted_address(host, target.port or DEFAULT_PORTS[target.scheme], options)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"fetching took longer than {options.fetch_timeout_s:g} s")
    # TLS sends this name and checks the certificate against it, not against the address.
    extensions = {"sni_hostname": host} if target.scheme == "https" else {}
    return client.build_request(
        "GET",
        target.copy_with(host=str(address)),
        headers={"Host": target.netloc.decode("ascii")},
        timeout=remaining,
        extensions=extensions,
    )


def _redirect_target(current: httpx.URL, location: str) -> str:
    try:
        return str(current.join(location))
    except httpx.InvalidURL as error:
        raise FetchError(f"{current} redirects to a bad URL: {error}") from None


def _read_limited(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    """The body, refused as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"page is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks = []
    size = 0
    # Chunks as they arrive (no fixed chunk size, which would wait to fill one): the cap
    # and the deadline are checked after every network read.
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"page is over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError("page took too long to download")
        chunks.append(chunk)
    return b"".join(chunks)


def _with_embedded(address: IPAddress) -> list[IPAddress]:
    """The address and any IPv4 address it carries (mapped, 6to4, Teredo, NAT64)."""
    found: list[IPAddress] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            found.append(address.ipv4_mapped)
        if address.sixtofour:
            found.append(address.sixtofour)
        if address.teredo:
            found.extend(address.teredo)
        if address in NAT64:
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
