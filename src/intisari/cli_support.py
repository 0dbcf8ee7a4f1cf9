"""What every command of the ``intisari`` command line shares: the one-line failure and
the engine's options for ``--method``.

A leaf module: ``cli.py`` registers the sub-commands of ``batch``, ``web`` and
``evaluation``, and those import these helpers from here, never from ``cli.py`` (which
would import them back).
"""

from __future__ import annotations

from typing import NoReturn

import typer

from intisari.options import DEFAULT_OPTIONS, METHODS, Options

__all__ = ["EXIT_BAD_INPUT", "engine_options", "fail"]

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
    from pydantic import ValidationError

    from intisari.settings import Settings

    try:
        settings = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        fail(f"bad setting INTISARI_{where.upper()}: {message}" if where else message)
    if settings.llm_url is None:
        fail("--method llm needs an LLM server: set INTISARI_LLM_URL (see README)")
    return Options(method=method, llm=settings.llm_config())
