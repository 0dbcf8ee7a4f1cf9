"""The JSON bodies of visible summaries, serialized once and kept in memory (an LRU).

A stored summary's result, id and creation time never change; only ``hidden`` does. So
the body of its *visible* form can be kept as bytes and sent again as is: no JSON column
parsed, no pydantic model built, validated and serialized per request. Whether a summary
is hidden is never cached: the caller asks the database on every request (one cheap
query), so a hide or unhide by any worker, page or command takes effect at once
everywhere, with nothing to invalidate.

The cache is bounded by bytes, not entries: a summary of a long article is a few hundred
kilobytes, of a short one a few.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

__all__ = ["BodyCache"]

#: Memory for cached bodies per worker: ~1,000 summaries of ordinary (~30 KB) articles.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: A body bigger than this share of the budget is not kept: one huge article must not
#: push out hundreds of ordinary ones.
LARGEST_SHARE = 16


class BodyCache:
    """Least-recently-used bytes by summary id, at most ``max_bytes`` in all; thread-safe
    (sync handlers run in a threadpool)."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._max_bytes = max_bytes
        self._bytes = 0
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, summary_id: str, make: Callable[[], bytes | None]) -> bytes | None:
        """The body of ``summary_id``, from memory or from ``make()`` (then kept).

        ``make`` returns None when there is nothing to keep (e.g. the summary turned out to
        be hidden); it runs outside the lock, so a slow load does not block other hits.
        """
        with self._lock:
            body = self._bodies.get(summary_id)
            if body is not None:
                self._bodies.move_to_end(summary_id)
                return body
        body = make()
        if body is not None and len(body) <= self._max_bytes // LARGEST_SHARE:
            self._put(summary_id, body)
        return body

    def _put(self, summary_id: str, body: bytes) -> None:
        with self._lock:
            old = self._bodies.pop(summary_id, None)
            self._bytes += len(body) - (len(old) if old is not None else 0)
            self._bodies[summary_id] = body
            while self._bytes > self._max_bytes:
                _, evicted = self._bodies.popitem(last=False)
                self._bytes -= len(evicted)

    def __len__(self) -> int:
        return len(self._bodies)
