"""The URL fetches one server process makes at once, and each client's share of them.

A fetch holds a server thread for up to its deadline, so the fetches in flight are
capped (``Settings.fetch_max_concurrent``; one more is 503 ``fetch-busy`` at once). One
client may hold at most half of them (``CLIENT_SHARE``): one anonymous client sending 10
slow URLs at once, well under its rate limit, had held every slot, and every other
reader's URL got ``fetch-busy`` for as long as it kept on (a security trial).
"""

from __future__ import annotations

import threading
from collections import Counter

__all__ = ["CLIENT_SHARE", "FetchSlots"]

#: The share of the slots one client may hold: the rest stay for everyone else.
CLIENT_SHARE = 0.5


class FetchSlots:
    """``total`` slots; a client (by its keyed hash) holds at most ``per_client``."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.per_client = max(1, int(total * CLIENT_SHARE))
        self._lock = threading.Lock()
        self._held = 0
        self._by_client: Counter[str] = Counter()

    def acquire(self, client: str) -> bool:
        """Take a slot for ``client`` if one is free and its share is not used up."""
        with self._lock:
            if self._held >= self.total or self._by_client[client] >= self.per_client:
                return False
            self._held += 1
            self._by_client[client] += 1
            return True

    def release(self, client: str) -> None:
        with self._lock:
            self._held -= 1
            self._by_client[client] -= 1
            if not self._by_client[client]:
                del self._by_client[client]
