"""JSON and JSONL records: ``{"id", "text"|"html"|"url", "title"?, "lang"?, "count"?}``."""

from __future__ import annotations

from typing import Any

from intisari.errors import InputError, load_json

__all__ = ["RECORD_FIELDS", "check_record", "parse_record"]

#: Fields a record may carry; anything else is kept by the caller but ignored here.
RECORD_FIELDS = ("id", "text", "html", "url", "title", "lang", "count")

_SOURCES = ("text", "html", "url")


def parse_record(line: str | bytes) -> dict[str, Any]:
    """One JSON object from a line of JSONL (or a whole JSON file), checked."""
    return check_record(load_json(line, "not a JSON object"))


def check_record(record: Any) -> dict[str, Any]:
    """``record`` if it is a dict with a non-empty text, html or url and well-typed fields.

    The id is made a string (JSONL producers often write numbers); everything else is
    returned as given, so callers can keep fields of their own.
    """
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    given = [key for key in _SOURCES if record.get(key) is not None]
    for key in given:
        if not isinstance(record[key], str):
            raise InputError(f"record field {key!r} must be a string")
    if not given:
        raise InputError("record has none of text, html or url")
    if not any(record[key].strip() for key in given):
        raise InputError(f"the record's {given[0]} is empty")
    record_id = record.get("id")
    if record_id is not None and (
        isinstance(record_id, bool) or not isinstance(record_id, str | int)
    ):
        raise InputError("record field 'id' must be a string or an integer")
    for key in ("title", "lang"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"record field {key!r} must be a string")
    count = record.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
        raise InputError("record field 'count' must be an integer")
    checked = dict(record)
    if checked.get("id") is not None:
        checked["id"] = str(checked["id"])
    return checked
