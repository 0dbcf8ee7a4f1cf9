"""Publishers with allowed embed origins, and their stored boxes, for the embed's tests.

Publishers are made and set by the service functions behind ``POST /v1/publishers``,
``PATCH /v1/publishers/{id}`` and ``intisari publisher`` (``service.publishers``: the
slug, the origins and the notices validated as there), and boxes by the service's own
``summarize_cached``, as a publisher's server would get one through ``POST /v1/summaries``.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from intisari.service.editorial import Edit, edit
from intisari.service.publishers import add_publisher as make_publisher
from intisari.service.publishers import change_settings, mint_key, publisher_in
from intisari.service.summaries import summarize_cached

__all__ = [
    "ALLOWED_ORIGIN", "EDITOR", "add_publisher", "correct_box", "publisher_box", "publisher_key",
]

#: The publisher's site in the API tests (the browser test uses a real second server).
ALLOWED_ORIGIN = "https://news.example"


@dataclass(frozen=True)
class Editor:
    """An editor of the instance (``service.editorial.Staff``), for changes made directly
    through the service."""

    name: str
    role: str
    publisher_id: int | None


EDITOR = Editor("eda", "editor", None)


def add_publisher(
    app: FastAPI,
    slug: str,
    origins: list[str],
    notices: dict[str, str] | None = None,
    publish_mode: str = "auto",
) -> int:
    """A publisher ``slug`` whose pages at ``origins`` may embed its box (and its own AI
    ``notices``, if given; ``review``: its new boxes are drafts); returns its id."""
    with app.state.intisari.sessions() as session:
        publisher = make_publisher(session, slug, slug.title())
        settings: dict[str, object] = {"allowed_origins": origins, "publish_mode": publish_mode}
        if notices is not None:
            settings["notices"] = notices
        return change_settings(session, publisher, settings, instance_staff=True).id


def publisher_box(app: FastAPI, publisher_id: int, text: str, article_id: str) -> str:
    """The publisher's stored box of ``text`` under ``article_id``; returns its id."""
    state = app.state.intisari
    with state.sessions() as session:
        stored, _hit = summarize_cached(
            session,
            text=text,
            article_id=article_id,
            publisher_id=publisher_id,
            from_publisher=True,
            options=state.options,
        )
        return stored.id


def publisher_key(app: FastAPI, publisher_id: int) -> dict[str, str]:
    """The headers of a new API key of the publisher (its server's, or its reviewers')."""
    with app.state.intisari.sessions() as session:
        _row, key = mint_key(session, publisher_in(session, publisher_id, None), "cms")
    return {"Authorization": f"Bearer {key}"}


def correct_box(app: FastAPI, summary_id: str, note: str) -> None:
    """An editor removes the second bullet of a published box, with a correction note."""
    with app.state.intisari.sessions() as session:
        edit(session, summary_id, EDITOR, Edit(op="remove", index=1), revision=0, note=note)
