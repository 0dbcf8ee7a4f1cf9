"""The engine's result: the one JSON shape that the CLI, the API, storage and batch share.

Other tools depend on this exact shape (see README, "The JSON result"), so fields are
only ever added, never renamed.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["EngineInfo", "Removed", "Summary", "Takeaway"]


class Takeaway(BaseModel):
    """One bullet of the box, made only of words of the article.

    ``spans`` are ``[start, end)`` character offsets into ``Summary.text``; joining the
    spanned pieces with single spaces gives ``text`` (the grounding invariant).
    """

    model_config = ConfigDict(frozen=True)

    text: str
    spans: list[tuple[int, int]]
    score: float


class Removed(BaseModel):
    """A piece of the input that is not part of the story, and why it was cut."""

    model_config = ConfigDict(frozen=True)

    text: str
    reason: str


class EngineInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = "intisari"
    version: str
    method: str


class Summary(BaseModel):
    """What ``intisari.summarize`` returns and ``--format json`` prints."""

    id: str | None = None
    language: str
    language_supported: bool
    title: str | None = None
    text: str
    takeaways: list[Takeaway] = Field(default_factory=list)
    notice: str
    removed: list[Removed] = Field(default_factory=list)
    engine: EngineInfo
