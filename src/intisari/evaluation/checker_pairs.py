"""The checker's evaluation and training data: an article, one summary of it, and the
human verdict, with the summary's statement sentences ready to score.

Both ``factcheck.py`` (the figures) and ``checker_training.py`` (the model) read it; it
lives apart so that neither imports the other for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from intisari.checking.align import ArticleIndex
from intisari.checking.check import statement_units
from intisari.checking.features import Unit
from intisari.checking.statements import split_summary
from intisari.document import Document
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

__all__ = ["Pair", "read_pairs"]


@dataclass
class Pair:
    """An article and one summary of it, with the human verdict (1 = consistent)."""

    group: int
    document: Document
    summary: str
    label: int
    #: The summary's statement sentences, with their features (filled by ``read_pairs``).
    units: list[Unit] = field(default_factory=list)


def read_pairs(path: Path, limit: int | None = None) -> list[Pair]:
    """The (article, summary, label) records of ``path``, each article read once."""
    documents: dict[str, tuple[int, Document, ArticleIndex]] = {}
    pairs: list[Pair] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            if limit is not None and len(pairs) >= limit:
                break
            record = json.loads(line)
            article = record["article"]
            if article not in documents:
                document = read_article(
                    text=article, html=None, url=None, title=None, lang=record.get("lang"),
                    options=DEFAULT_OPTIONS,
                ).document
                documents[article] = (len(documents), document, ArticleIndex.build(document))
            group, document, index = documents[article]
            units = [
                u
                for statement in split_summary(record["summary"], document.language.data)
                for u in statement_units(index, statement)
            ]
            pairs.append(Pair(group, document, record["summary"], int(record["label"]), units))
    return pairs
