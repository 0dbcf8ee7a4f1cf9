"""JSON and JSONL records: ``{"id", "text"|"html"|"url", "title"?, "lang"?, "count"?}``."""

from __future__ import annotations

import json
from typing import Any

from intisari.errors import InputError

__all__ = ["RECORD_FIELDS", "parse_record"]

#: Fields a record may carry; anything else is kept by the caller but ignored here.
RECORD_FIELDS = ("id", "text", "html", "url", "title", "lang", "count")


def parse_record(line: str | bytes) -> dict[str, Any]:
    """One JSON object, checked: an id-bearing dict with one of text, html or url."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"not a JSON object: {error.msg if hasattr(error, 'msg') else error}")
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    if not any(isinstance(record.get(key), str) and record[key] for key in ("text", "html", "url")):
        raise InputError("record has none of text, html or url")
    for key in ("id", "title", "lang"):
        if key in record and record[key] is not None and not isinstance(record[key], str | int):
            raise InputError(f"record field {key!r} must be a string")
    if record.get("id") is not None:
        record["id"] = str(record["id"])
    return record
