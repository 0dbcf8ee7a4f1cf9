"""What every command of the ``intisari`` command line shares: the one-line failure, the
settings read or refused in one line, and the engine's options for ``--method``.

A leaf module: ``cli.py`` registers the sub-commands of ``batch``, ``web`` and
``evaluation``, and those import these helpers from here, never from ``cli.py`` (which
would import them back).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from intisari.options import DEFAULT_OPTIONS, METHODS, Options
from intisari.places import in_kernel_file_system, unwritable_in

if TYPE_CHECKING:
    from intisari.settings import Settings

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FINDINGS",
    "check_output_file",
    "check_output_folder",
    "engine_options",
    "fail",
    "read_settings",
]

#: Exit status for bad input (the convention of argparse and most Unix tools).
EXIT_BAD_INPUT = 2
#: Exit status when an opt-in gate finds what it was asked to fail on (``verify
#: --fail-on``, ``evaluate --fail-on-regressions``): 1, as ruff, flake8, mypy and
#: shellcheck exit on findings, apart from 2 for input that cannot be checked.
EXIT_FINDINGS = 1


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


def check_output_folder(folder: Path) -> None:
    """Fail in one line unless ``folder`` can hold a command's outputs: a folder there, or
    one that can be made (with its parents) in the nearest folder that exists
    (``places``). Checked before the run, which a bad place would lose at its end."""
    folder = folder.resolve()
    _fail_if(in_kernel_file_system(folder))
    if folder.exists() and not folder.is_dir():
        fail(f"cannot write {folder}: it is a file, not a folder")
    _fail_if(unwritable_in(folder))


def check_output_file(path: Path) -> None:
    """Fail in one line unless a file can be written at ``path``: its folder exists and is
    writable, and ``path`` is no folder (``train --out``)."""
    path = path.resolve()
    _fail_if(in_kernel_file_system(path))
    if path.is_dir():
        fail(f"cannot write {path}: it is a folder; name a file")
    if not path.parent.exists():
        fail(f"cannot write {path}: the folder {path.parent} does not exist")
    _fail_if(unwritable_in(path, path.parent))


def _fail_if(reason: str | None) -> None:
    if reason is not None:
        fail(reason)
