"""Evaluation records and the engine's own view of them.

Records are the JSONL lines of ``../shared/data`` (``{id, lang, text, summary, ...}``).
Training and cross-validation need each article exactly as the engine sees it (cleaned,
segmented); rather than repeating the pipeline's stages here, where they could drift
apart, the article goes through ``intisari.summarize`` itself with a ranker that keeps
the document it is asked to score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intisari.document import Document
from intisari.errors import InputError, load_json
from intisari.pipeline import summarize
from intisari.ranking.base import UnsizedRanker

__all__ = ["Article", "read_records", "to_articles"]


@dataclass
class Article:
    """One record with the engine's document of it (``None`` when the engine refuses it)."""

    record: dict[str, Any]
    document: Document | None
    error: str | None = None

    @property
    def id(self) -> str:
        return str(self.record.get("id"))

    @property
    def references(self) -> str | list[str]:
        return self.record.get("summary") or ""


def read_records(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """JSON objects of a JSONL file, in order; blank lines are skipped.

    Raises ``ValueError`` naming the line for a line that is not a JSON object.
    """
    with path.open(encoding="utf-8") as lines:
        read = 0
        for number, line in enumerate(lines, 1):
            if limit is not None and read >= limit:
                return
            if not line.strip():
                continue
            try:
                record = load_json(line, "not JSON")
            except InputError as error:
                raise ValueError(f"{path}:{number}: {error}") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: not a JSON object")
            read += 1
            yield record


class _Keeper(UnsizedRanker):
    """A ranker that scores nothing and keeps the document the engine built."""

    name = "keeper"

    def __init__(self) -> None:
        self.document: Document | None = None

    def score(self, document: Document) -> list[float]:
        self.document = document
        return [0.0] * len(document.sentences)


def to_articles(records: list[dict[str, Any]]) -> list[Article]:
    """Each record with the document the engine builds from its ``text``."""
    articles = []
    for record in records:
        keeper = _Keeper()
        try:
            summarize(
                text=record.get("text") or "",
                title=record.get("title"),
                lang=record.get("lang"),
                ranker=keeper,
            )
        except InputError as error:
            articles.append(Article(record, None, str(error)))
            continue
        articles.append(Article(record, keeper.document))
    return articles
