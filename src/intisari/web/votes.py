"""``POST /v1/summaries/{id}/helpful``: a reader's "Helpful? yes/no" on a box, and
``GET /v1/summaries/{id}/helpful``: the counts, for reviewers.

The article page's form (``/a/{id}/helpful``) calls the same ``service.votes`` function:
one vote per client (keyed hash) and box, the same rate limit. Both routes see only the
caller's scope (``web/tenancy.py``): another publisher's box is 404, as an unknown id.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Security
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from intisari.service.publishers import summary_in
from intisari.service.votes import cast_vote, vote_counts
from intisari.web.auth import ANONYMOUS_TOO, BEARER
from intisari.web.deps import AppState, Client, app_state, db_session, request_client
from intisari.web.docs import error_responses
from intisari.web.tenancy import Actor, request_scope, require_reviewer

__all__ = ["router"]

#: Every route here opens the database, so each may answer 503 ``database-unavailable``
#: (``web/errors.py``) when it stops answering.
router = APIRouter(tags=["reports"], responses=error_responses(503))


class VoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: ``true``: the box helped; strict, so ``"yes"`` or ``1`` is a 422, not a guess.
    helpful: bool = Field(strict=True)


class VoteOut(BaseModel):
    summary_id: str
    helpful: bool


class VotesOut(BaseModel):
    summary_id: str
    helpful: int
    not_helpful: int


@router.post(
    "/v1/summaries/{summary_id}/helpful",
    response_model=VoteOut,
    status_code=201,
    responses={
        200: {"model": VoteOut, "description": "Replaced the same client's earlier vote"},
        **error_responses(404, 429),
    },
    dependencies=[Security(BEARER)],
    openapi_extra=ANONYMOUS_TOO,
)
def vote(
    summary_id: str,
    body: VoteIn,
    request: Request,
    response: Response,
    state: Annotated[AppState, Depends(app_state)],
    client: Annotated[Client, Depends(request_client)],
) -> VoteOut:
    """Was the box helpful? One vote per client and box; voting again changes it (200)."""
    with state.sessions() as session:
        stored = summary_in(session, summary_id, request_scope(request, state, session))
        if not cast_vote(state, session, stored, client, body.helpful):
            response.status_code = 200
    return VoteOut(summary_id=summary_id, helpful=body.helpful)


@router.get(
    "/v1/summaries/{summary_id}/helpful",
    response_model=VotesOut,
    responses=error_responses(403, 404),
    tags=["review"],
)
def votes(
    summary_id: str,
    session: Annotated[Session, Depends(db_session)],
    reviewer: Annotated[Actor, Depends(require_reviewer)],
) -> VotesOut:
    """The box's "Helpful?" answers so far; reviewers only (of the box's publisher, or
    the instance's staff)."""
    stored = summary_in(session, summary_id, reviewer.scope)
    yes, no = vote_counts(session, [stored.id]).get(stored.id, (0, 0))
    return VotesOut(summary_id=stored.id, helpful=yes, not_helpful=no)
