"""Checking a summary against its article in the engine's workers, with the summaries'
CPU deadline and rate limit (``POST /v1/verify``)."""

from __future__ import annotations

import asyncio

from intisari.checking import Verification
from intisari.checking.statements import MAX_STATEMENTS
from intisari.errors import InputError
from intisari.service import limits
from intisari.service.errors import refusal
from intisari.service.state import Client, ServiceState

__all__ = ["MAX_STATEMENTS", "Verification", "verify_in_workers"]


async def verify_in_workers(
    state: ServiceState,
    client: Client,
    *,
    text: str | None,
    html: str | None,
    url: str | None,
    summary: str | list[str],
    title: str | None,
    lang: str | None,
) -> Verification:
    """Each statement of ``summary`` checked against the article, counted by label.
    Raises ``ServiceError`` (``RateLimited``, ``EngineBusy``, the engine's refusal)."""
    limits.hit(state, limits.VERIFICATIONS, client.hash)
    try:
        future = state.engine_pool.submit(
            "verify", article=text, html=html, url=url, summary=summary, title=title,
            lang=lang, options=state.options,
        )
        result = Verification.model_validate(await asyncio.wrap_future(future))
    except InputError as error:
        raise refusal(error) from None
    for check in result.statements:
        state.metrics.statements_checked.labels(check.label).inc()
    return result
