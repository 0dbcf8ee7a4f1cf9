"""JSON and JSONL records: ``{"id", "text"|"html"|"url", "title"?, "lang"?, "count"?}``."""

from __future__ import annotations

import json
import sys
from typing import Any

from intisari.errors import InputError, load_json

__all__ = ["RECORD_FIELDS", "check_record", "parse_record", "shown_id"]

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
    record_id = _checked_id(record.get("id"))
    for key in ("title", "lang"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"record field {key!r} must be a string")
    count = record.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
        raise InputError("record field 'count' must be an integer")
    checked = dict(record)
    if record_id is not None:
        checked["id"] = record_id
    return checked


def shown_id(value: object) -> str | None:
    """A record's id as its output row (and an error row) shows it.

    A string as it is and an integer in digits, as ``check_record`` makes them; any other
    JSON value as JSON writes it (``true``, ``1.5``, ``[1, 2]``, ``{"a": 1}``), not as
    Python would (``True``, ``{'a': 1}``), so that the row names what the input holds.
    ``None`` for no id, and for one no row can hold: a string UTF-8 cannot write (a lone
    surrogate), a value JSON has no form for (bytes or a date from a Parquet column, a
    NaN), one nested too deeply to write, or an integer of more digits than Python
    writes. Never raises: an error row is written whatever its record holds.
    """
    if isinstance(value, str):
        return value if _is_unicode(value) else None
    if value is None:
        return None
    try:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None


def _checked_id(value: object) -> str | None:
    """``value`` as the id's string, or ``InputError`` in our words: an id is a string
    UTF-8 can write or an integer (in digits), or absent."""
    if value is None:
        return None
    if isinstance(value, str):
        if not _is_unicode(value):
            at = next(n for n, char in enumerate(value) if "\ud800" <= char <= "\udfff")
            raise InputError(
                f"record field 'id' is not valid Unicode text (lone surrogate at character {at})"
            )
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # only from Python: JSON parsing refuses such a number first
            raise InputError(
                "record field 'id' is an integer of more than "
                f"{sys.get_int_max_str_digits():,} digits"
            ) from None
    raise InputError(f"record field 'id' must be a string or an integer, not {_kind(value)}")


def _kind(value: object) -> str:
    """What ``value`` is, in JSON's words where it is a JSON value."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float):
        return "a number with a fraction or an exponent"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a value of type {type(value).__name__}"  # from Parquet: bytes, a date...


def _is_unicode(value: str) -> bool:
    """Whether UTF-8 can write ``value`` (Python strings may hold lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
