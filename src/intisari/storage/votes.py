"""Readers' "Helpful?" votes: one per client and box, counted for reviewers."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intisari.storage.models import HelpfulVote, utcnow

__all__ = ["VoteCount", "add_vote", "vote_counts"]

#: ``(helpful, not helpful)`` votes of one box.
VoteCount = tuple[int, int]


def add_vote(session: Session, summary_id: str, client_hash: str, helpful: bool) -> bool:
    """Record the client's vote, committed; a second vote of the same client replaces
    its first. Returns True when the vote is new, False when it replaced one."""
    existing = session.scalars(
        select(HelpfulVote).where(
            HelpfulVote.summary_id == summary_id, HelpfulVote.client_hash == client_hash
        )
    ).first()
    if existing is not None:
        existing.helpful = helpful
        existing.voted_at = utcnow()
        session.commit()
        return False
    session.add(HelpfulVote(summary_id=summary_id, client_hash=client_hash, helpful=helpful))
    try:
        session.commit()
    except IntegrityError:  # the same client voted twice at once: the unique key kept one
        session.rollback()
        return add_vote(session, summary_id, client_hash, helpful)
    return True


def vote_counts(session: Session, summary_ids: list[str]) -> dict[str, VoteCount]:
    """``{summary_id: (helpful, not helpful)}`` for the boxes that have votes."""
    if not summary_ids:
        return {}
    rows = session.execute(
        select(
            HelpfulVote.summary_id,
            func.sum(case((HelpfulVote.helpful, 1), else_=0)),
            func.sum(case((HelpfulVote.helpful, 0), else_=1)),
        )
        .where(HelpfulVote.summary_id.in_(summary_ids))
        .group_by(HelpfulVote.summary_id)
    )
    return {summary_id: (int(yes), int(no)) for summary_id, yes, no in rows}
