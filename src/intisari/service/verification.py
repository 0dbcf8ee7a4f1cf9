"""Checking a summary against its article in the engine's workers, with the summaries'
CPU deadline and rate limit (``POST /v1/verify``).

The article's URL is fetched here, in one of the fetch slots, as for a summary, and the
page handed to the engine: fetched inside an engine worker, a slow site held one of the
engine's few processes for the fetch's whole deadline, and a few clients sending slow
URLs made every summary answer ``engine-busy`` (a security trial). The rate limit's
store (Redis) answers over the network, so it is asked off the event loop: a Redis that
stopped answering had held every request of the server for seconds. Both run in the
server's thread pool (anyio's, which the summaries' blocking steps share: 40 threads),
not asyncio's default one (6 threads on 2 cores: six slow verifications had made every
other verification wait, text ones too).
"""

from __future__ import annotations

import asyncio

from anyio import to_thread

from intisari.checking import Verification
from intisari.checking.statements import MAX_STATEMENTS
from intisari.errors import InputError
from intisari.ingest.sources import fetch_article
from intisari.service import limits
from intisari.service.errors import refusal
from intisari.service.state import Client, ServiceState
from intisari.service.summaries import fetch_slot

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
    await to_thread.run_sync(limits.hit, state, limits.VERIFICATIONS, client.hash)
    try:
        if url is not None:
            html, text = await to_thread.run_sync(_fetched, state, client, url)
            url = None
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


def _fetched(state: ServiceState, client: Client, url: str) -> tuple[str | None, str | None]:
    """``(html, text)`` of the page at ``url``, fetched in one of ``client``'s fetch slots
    (``Busy`` when none is free)."""
    with fetch_slot(state, client, url):
        return fetch_article(url, state.options)
