"""Errors a caller can act on.

Every problem with the *input* raises ``InputError`` (or a subclass); the CLI prints its
message on one line and exits 2, the API answers 4xx with it. Anything else is a bug.
JSON from outside fails one way too (``load_json``): a leaf, so that every layer that
reads JSON (records, summary files, batch lines, evaluation files) can use it.
"""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = [
    "FetchError",
    "InputError",
    "InputTooLarge",
    "InputTooShort",
    "LlmNotConfigured",
    "NoTakeaway",
    "NotAnArticle",
    "UndecodableInput",
    "UnsupportedScript",
    "load_json",
]


class InputError(ValueError):
    """The input cannot be summarized; the message says why, in one line."""

    code = "invalid-input"


class InputTooShort(InputError):
    code = "too-short"


class NoTakeaway(InputTooShort):
    """Words enough, but no sentence a reader could take alone as a point: each is too
    long even shortened, a fragment, a question or a piece of a quotation. Not "too
    short": a 160-word Italian text whose sentences all run past 40 words was refused
    as that, and a reader told "the text is too short" would paste a longer one."""

    code = "no-takeaway"


class NotAnArticle(InputError):
    """Not news prose: a configuration file, a list of numbers, code, a table, links."""

    code = "not-an-article"


class UnsupportedScript(InputError):
    """Written in a script without spaces between words (Chinese, Japanese, Thai...):
    the engine counts, compares and cuts words at spaces, so it would give a wrong box."""

    code = "unsupported-script"


class InputTooLarge(InputError):
    code = "too-large"


class UndecodableInput(InputError):
    code = "undecodable"


class FetchError(InputError):
    """A URL could not be fetched (unreachable, refused, too big, wrong scheme)."""

    code = "fetch-failed"


class LlmNotConfigured(InputError):
    """``method="llm"`` was asked for, but no LLM server is configured."""

    code = "llm-not-configured"


def load_json(content: str | bytes, failure: str) -> Any:
    """``content`` parsed, or ``InputError("{failure}: why")`` for every way JSON from
    outside can fail: one home for those ways, which the CLI, the API, batch and the
    summary files of ``verify`` all meet.
    """
    try:
        return json.loads(content)
    except json.JSONDecodeError as error:
        raise InputError(f"{failure}: {error.msg} (line {error.lineno})") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{failure}: invalid UTF-8 at byte {error.start}") from None
    except RecursionError:
        # The parser recurses once per "[" or "{": 200,000 of them overflow the stack.
        raise InputError(f"{failure}: nested too deeply") from None
    except ValueError:
        # An integer of more digits than Python converts (4,300 by default), in Python's
        # words ("Exceeds the limit (4300 digits) for integer string conversion: ... use
        # sys.set_int_max_str_digits()"), which tell a user of a JSON file nothing.
        raise InputError(f"{failure}: {_long_number(content)}") from None


def _long_number(content: str | bytes) -> str:
    """What made ``json.loads(content)`` fail with a plain ``ValueError``, in our words:
    parsed again (a failure's cost only), stopping at the first integer over the limit."""
    limit = sys.get_int_max_str_digits()

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > limit:
            raise _NumberTooLong(len(digits.lstrip("-")))
        return int(digits)

    try:
        json.loads(content, parse_int=integer)
    except _NumberTooLong as long:
        return f"a number of {long.digits:,} digits, over the limit of {limit:,}"
    except (ValueError, RecursionError):
        pass
    return f"a number of more than {limit:,} digits"


class _NumberTooLong(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits
