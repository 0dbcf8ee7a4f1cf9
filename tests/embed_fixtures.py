"""Publishers with allowed embed origins, and their stored boxes, for the embed's tests.

Rows are written by ``storage.publishers.create_publisher`` (the one writer of a publisher
row) and boxes by the service's own ``summarize_cached``, as a publisher's server would
get one through ``POST /v1/summaries``.
"""

from __future__ import annotations

from fastapi import FastAPI

from intisari.service.summaries import summarize_cached
from intisari.storage.publishers import create_publisher

__all__ = ["ALLOWED_ORIGIN", "add_publisher", "publisher_box"]

#: The publisher's site in the API tests (the browser test uses a real second server).
ALLOWED_ORIGIN = "https://news.example"


def add_publisher(app: FastAPI, slug: str, origins: list[str]) -> int:
    """A publisher ``slug`` whose pages at ``origins`` may embed its box; returns its id."""
    with app.state.intisari.sessions() as session:
        return create_publisher(session, slug, slug.title(), allowed_origins=origins).id


def publisher_box(app: FastAPI, publisher_id: int, text: str, article_id: str) -> str:
    """The publisher's stored box of ``text`` under ``article_id``; returns its id."""
    state = app.state.intisari
    with state.sessions() as session:
        stored, _hit = summarize_cached(
            session,
            text=text,
            article_id=article_id,
            publisher_id=publisher_id,
            options=state.options,
        )
        return stored.id
