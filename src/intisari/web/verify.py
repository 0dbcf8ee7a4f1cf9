"""``POST /v1/verify``: is each statement of a summary supported by the article?

The same engine call as ``intisari verify`` (``intisari.verify``), in a worker process of
the engine pool with the same CPU deadline as the summaries (``service/engine_pool.py``: a slow
article cannot hold the server), with the same error answers: 413 for an article over the
engine's byte cap, 422 for an article or a summary the engine cannot check, 429 over the
per-client limit. Nothing is stored: a verification is a function of its input, and callers
(an LLM pipeline, a newsroom's CMS) keep what they need.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from intisari.service.verification import Verification, verify_in_workers
from intisari.web.deps import AppState, Client, app_state, request_client
from intisari.web.docs import error_responses
from intisari.web.schemas import VerifyIn

__all__ = ["router"]

router = APIRouter()


@router.post(
    "/v1/verify",
    response_model=Verification,
    responses=error_responses(429, 503),
    tags=["verify"],
)
async def verify_summary(
    body: VerifyIn,
    state: Annotated[AppState, Depends(app_state)],
    client: Annotated[Client, Depends(request_client)],
) -> Verification:
    """Check each statement of ``summary`` against the article: a support score (0-1), a
    label (``supported``, ``unsupported``, ``unclear``), evidence spans into ``text``,
    and named reasons for a low score."""
    return await verify_in_workers(
        state, client, text=body.text, html=body.html, url=body.url, summary=body.summary,
        title=body.title, lang=body.lang,
    )
