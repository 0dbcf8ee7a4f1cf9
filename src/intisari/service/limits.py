"""The rate limits, each named once with its key and window.

The API and the pages count against the same keys (switching between them doubles no
quota). A limit of 0 (a setting at 0) turns that limit off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from intisari.service.errors import RateLimited
from intisari.service.state import ServiceState
from intisari.settings import Settings

__all__ = [
    "LOGIN",
    "LOGIN_ATTEMPTS_PER_MINUTE",
    "REPORTS_FROM_CLIENT",
    "REPORTS_ON_SUMMARY",
    "SUMMARIES",
    "VERIFICATIONS",
    "VOTES_FROM_CLIENT",
    "RateRule",
    "hit",
]

#: Windows, in seconds.
MINUTE = 60
HOUR = 3600
#: Login attempts per client per minute: enough for typos, too few to guess passwords.
LOGIN_ATTEMPTS_PER_MINUTE = 10


@dataclass(frozen=True)
class RateRule:
    """At most ``limit(settings)`` hits per ``window_s`` on the key ``"{prefix}:{who}"``."""

    prefix: str
    window_s: int
    limit: Callable[[Settings], int]


#: Articles summarized (or looked up) per client: the engine is the costly part.
SUMMARIES = RateRule("summaries", MINUTE, lambda s: s.summaries_per_client_per_minute)
#: Summaries checked per client: the same engine cost, the same setting.
VERIFICATIONS = RateRule("verify", MINUTE, lambda s: s.summaries_per_client_per_minute)
LOGIN = RateRule("login", MINUTE, lambda _s: LOGIN_ATTEMPTS_PER_MINUTE)
#: The report limits are per hour (``INTISARI_REPORTS_PER_*_PER_HOUR``).
REPORTS_FROM_CLIENT = RateRule("reports:client", HOUR, lambda s: s.reports_per_client_per_hour)
#: Counted once the summary is known to exist, so unknown ids leave no keys behind.
REPORTS_ON_SUMMARY = RateRule(
    "reports:summary", HOUR, lambda s: s.reports_per_summary_per_hour
)

#: "Helpful?" votes per client: a vote is cheaper than a report but writes a row too, so
#: it gets the same hourly allowance as reports, on a key of its own (voting does not use
#: up a reader's reports).
VOTES_FROM_CLIENT = RateRule("votes:client", HOUR, lambda s: s.reports_per_client_per_hour)


def hit(state: ServiceState, rule: RateRule, who: str) -> None:
    """Count one hit of ``who`` (a client hash, a summary id) on ``rule``; ``RateLimited``
    with the seconds to wait when over the limit."""
    limit = rule.limit(state.settings)
    if limit <= 0:
        return
    wait = state.limiter.hit(f"{rule.prefix}:{who}", limit, rule.window_s)
    if wait is not None:
        raise RateLimited(f"too many requests; retry in {wait} s", retry_after_s=wait)
