"""An HTTP answer's body, read with a cap on what it *decodes* to.

httpx decodes a ``Content-Encoding`` one network read at a time, and a whole read at
once: 1.6 KB of brotli is 1 GiB of zeros, so a cap checked after each decoded read came
too late (a fetched page took the server to 2.1 GB, three at once to 16.9 GB: a security
trial). Here the raw bytes are read and decoded in steps of at most ``STEP_BYTES``, the
cap checked after each step. Only the encodings we ask for (``ACCEPT_ENCODING``) are
read; a server that sends another one is refused, as brotli and zstd have no bounded
decoder in the standard library.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

__all__ = ["ACCEPT_ENCODING", "BodyError", "BodyTooLarge", "decoded_chunks"]

#: What our requests accept: a compressed page is a fifth of its size on the wire.
ACCEPT_ENCODING = "gzip"
#: Decoded bytes made at a time: a step's output is checked against the cap before the
#: next is made, so a body passes its cap by at most this much.
STEP_BYTES = 64 * 1024
#: zlib's window bits for the gzip format (header and checksum).
_GZIP = 16 + zlib.MAX_WBITS


class BodyError(Exception):
    """The body cannot be read: an encoding we did not ask for, or broken data."""


class BodyTooLarge(BodyError):
    """The body decodes to more than its cap."""


def decoded_chunks(response: httpx.Response, max_bytes: int) -> Iterator[bytes]:
    """The body of a streamed ``response``, decoded, as it arrives; ``BodyTooLarge`` as
    soon as it passes ``max_bytes``."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    raw = response.iter_raw()
    if encoding in ("", "identity"):
        chunks = raw
    elif encoding in ("gzip", "x-gzip"):
        chunks = _gunzipped(raw)
    else:
        raise BodyError(f"the answer is encoded as {encoding!r}, which was not asked for")
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge(f"over the limit of {max_bytes:,} bytes (decoded)")
        yield chunk


def _gunzipped(raw: Iterator[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj(_GZIP)
    try:
        for chunk in raw:
            data = chunk
            while data:
                yield inflater.decompress(data, STEP_BYTES)
                data = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error as error:
        raise BodyError(f"the answer's gzip data is broken: {error}") from None
