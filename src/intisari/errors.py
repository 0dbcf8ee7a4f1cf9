"""Errors a caller can act on.

Every problem with the *input* raises ``InputError`` (or a subclass); the CLI prints its
message on one line and exits 2, the API answers 4xx with it. Anything else is a bug.
"""

from __future__ import annotations

__all__ = [
    "FetchError",
    "InputError",
    "InputTooLarge",
    "InputTooShort",
    "LlmNotConfigured",
    "NotAnArticle",
    "UndecodableInput",
    "UnsupportedScript",
]


class InputError(ValueError):
    """The input cannot be summarized; the message says why, in one line."""

    code = "invalid-input"


class InputTooShort(InputError):
    code = "too-short"


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
