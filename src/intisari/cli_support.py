"""What every command of the ``intisari`` command line shares: the one-line failure, the
settings read or refused in one line, and the engine's options for ``--method``.

A leaf module: ``cli.py`` registers the sub-commands of ``batch``, ``web`` and
``evaluation``, and those import these helpers from here, never from ``cli.py`` (which
would import them back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

from intisari.options import DEFAULT_OPTIONS, METHODS, Options

if TYPE_CHECKING:
    from intisari.settings import Settings

__all__ = ["EXIT_BAD_INPUT", "engine_options", "fail", "read_settings"]

#: Exit status for bad input (the convention of argparse and most Unix tools).
EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """Print ``message`` as one line on stderr and exit 2: bad input is not a crash."""
    typer.echo(f"intisari: error: {message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def engine_options(method: str) -> Options:
    """The engine's options for ``--method``; the LLM server comes from ``INTISARI_LLM_*``."""
    if method not in METHODS:
        fail(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if method == "extract":
        return DEFAULT_OPTIONS
    settings = read_settings()
    if settings.llm_url is None:
        fail("--method llm needs an LLM server: set INTISARI_LLM_URL (see README)")
    return Options(method=method, llm=settings.llm_config())


def read_settings() -> Settings:
    """The ``INTISARI_*`` settings, or one line naming the first bad one."""
    from pydantic import ValidationError

    from intisari.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        fail(f"bad setting INTISARI_{where.upper()}: {message}" if where else message)
