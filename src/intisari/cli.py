"""The ``intisari`` command line.

Bad input ends with one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from intisari.errors import InputError
from intisari.ingest.text import decode
from intisari.options import DEFAULT_OPTIONS
from intisari.takeaways.render import FORMATS, render

__all__ = ["app"]

#: Exit status for bad input (the convention of argparse and most Unix tools).
EXIT_BAD_INPUT = 2

app = typer.Typer(
    name="intisari",
    help="Grounded Key Takeaways for news articles (Indonesian and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str) -> NoReturn:
    typer.echo(f"intisari: error: {message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def summarize(
    source: Annotated[str, typer.Argument(help="A file, an http(s) URL, or - for stdin.")] = "-",
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "json",
    count: Annotated[int, typer.Option("--count", "-n", help="Takeaways wanted, 1-5.")] = 3,
    lang: Annotated[str | None, typer.Option(help="Language code; detected if omitted.")] = None,
    title: Annotated[str | None, typer.Option(help="Headline, if not in the input.")] = None,
) -> None:
    """Summarize one article (plain text, HTML, or a JSON record) into key takeaways."""
    from intisari.pipeline import summarize as run

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        if source.startswith(("http://", "https://")) or "://" in source:
            result = run(url=source, lang=lang, title=title, count=count)
        else:
            content = _read_source(source)
            result = run(**_as_input(source, content), lang=lang, title=title, count=count)
    except InputError as error:
        fail(str(error))
    typer.echo(render(result, fmt))


@app.command()
def batch(
    input_path: Annotated[Path, typer.Argument(help="JSONL of {id, text|html|url, ...}.")],
    output_path: Annotated[Path, typer.Argument(help="JSONL written, one line per input line.")],
) -> None:
    """Summarize every record of a JSONL file; a bad record becomes an error line."""
    from intisari.batch.jsonl import run_jsonl

    if not input_path.is_file():
        fail(f"no such file: {input_path}")
    report = run_jsonl(input_path, output_path)
    typer.echo(report.line(), err=True)


def _read_source(source: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        fail(f"cannot read {source}: {error.strerror or error}")
    try:
        return decode(data, DEFAULT_OPTIONS.max_input_bytes)
    except InputError as error:
        fail(str(error))


def _as_input(source: str, content: str) -> dict[str, str]:
    """Decide whether the content is HTML, a JSON record, or plain text."""
    head = content.lstrip()[:200].lower()
    if source.endswith((".json", ".jsonl")) or head.startswith("{"):
        from intisari.ingest.records import parse_record

        record = parse_record(content)
        return {k: record[k] for k in ("text", "html", "url") if record.get(k)}
    if source.endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html", "<")):
        return {"html": content}
    return {"text": content}


# Commands of the other parts (service, evaluation, training, batch at scale) live in
# their own packages and are registered below, one line each, so `intisari --help` lists
# them all while each stays importable on its own.


def main() -> None:  # pragma: no cover - entry point for ``python -m intisari``
    app()
