"""A summary as statements: one per bullet line, one per sentence of a paragraph.

A summary arrives as a list (each item one statement, as the caller cut it) or as text:
a bulleted list ("- ", "* ", "• ", "1. "), lines, or a paragraph. Each line of text is
cut into its sentences by the language's own splitter, so a paragraph summary is checked
sentence by sentence and a reader sees which sentence fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from intisari.errors import InputError, load_json
from intisari.language.model import LanguageData
from intisari.language.segment import sentence_spans

__all__ = ["MAX_STATEMENTS", "SUMMARY_FIELDS", "parse_summary", "split_summary"]

#: More statements than this is not a summary (a box has 1-5, a long abstract ~20).
MAX_STATEMENTS = 100
#: A list marker opening a line: "-", "*", "•", "·", "–", "1.", "2)", "a)".
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►]|\d{1,2}[.)]|[a-z][.)])\s+")


#: Fields of a JSON object that hold its summary, first found wins: ``intisari
#: summarize``'s own result (``takeaways``), a list of statements, a CNN-style record.
SUMMARY_FIELDS = ("statements", "takeaways", "bullets", "summary")


def parse_summary(content: str) -> str | list[str]:
    """A summary file's content: JSON (a list of strings or of ``{"text"}`` objects, or an
    object with one of ``SUMMARY_FIELDS``), else the text itself.

    Raises ``InputError`` for JSON that holds no summary.
    """
    stripped = content.strip()
    if stripped[:1] not in ("[", "{"):
        return content
    value: Any = load_json(stripped, "summary is not valid JSON")
    if isinstance(value, dict):
        field = next((f for f in SUMMARY_FIELDS if value.get(f) is not None), None)
        if field is None:
            raise InputError(f"summary JSON has none of {', '.join(SUMMARY_FIELDS)}")
        value = value[field]
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        items = [item.get("text") if isinstance(item, dict) else item for item in value]
        strings = [item for item in items if isinstance(item, str)]
        if len(strings) == len(items):
            return strings
    raise InputError("summary JSON must be text, a list of strings or of {\"text\": ...}")


def split_summary(summary: str | Sequence[str], data: LanguageData) -> list[str]:
    """The statements of ``summary``; raises ``InputError`` when there are none or too many."""
    if isinstance(summary, str):
        statements = []
        for line in summary.splitlines():
            line = _BULLET.sub("", line).strip()
            if line:
                statements += [line[start:end] for start, end in sentence_spans(line, data)]
    else:
        if not all(isinstance(item, str) for item in summary):
            raise InputError("summary statements must be strings")
        statements = [" ".join(item.split()) for item in summary]
        statements = [s for s in statements if s]
    if not statements:
        raise InputError("the summary is empty")
    if len(statements) > MAX_STATEMENTS:
        raise InputError(
            f"the summary has {len(statements)} statements; at most {MAX_STATEMENTS} are checked"
        )
    return statements
