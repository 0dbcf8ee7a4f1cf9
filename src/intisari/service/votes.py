"""Readers' "Helpful? yes/no" on a box: the one path behind the JSON route and the page.

A vote is one per client (the keyed hash reports use) and box, rate-limited per client
(``limits.VOTES_FROM_CLIENT``); reviewers see the counts beside reports.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from intisari.service import limits
from intisari.service.editorial import box_of
from intisari.service.errors import NotFound
from intisari.service.state import Client, ServiceState
from intisari.storage import votes
from intisari.storage.models import StoredSummary
from intisari.storage.votes import VoteCount

__all__ = ["VoteCount", "cast_vote", "takes_votes", "vote_counts"]


def takes_votes(summary: StoredSummary) -> bool:
    """Whether readers see the box's bullets, so have something to judge: not while it is
    hidden or a draft waiting for an editor."""
    return not summary.hidden and not box_of(summary).pending


def cast_vote(
    state: ServiceState, session: Session, summary: StoredSummary, client: Client, helpful: bool
) -> bool:
    """Record the client's vote (replacing its earlier one); True if it is its first.

    A hidden box or a draft has no bullets to judge: ``NotFound``, as for a box that is
    not there.
    """
    limits.hit(state, limits.VOTES_FROM_CLIENT, client.hash)
    if not takes_votes(summary):
        raise NotFound(f"no visible summary {summary.id!r}")
    return votes.add_vote(session, summary.id, client.hash, helpful)


def vote_counts(session: Session, summary_ids: list[str]) -> dict[str, VoteCount]:
    """``{summary_id: (helpful, not helpful)}`` of the boxes that have votes."""
    return votes.vote_counts(session, summary_ids)
