"""The ``intisari`` command line.

Bad input ends with one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from intisari.cli_support import EXIT_FINDINGS, engine_options, fail
from intisari.errors import InputError
from intisari.ingest.records import RECORD_FIELDS
from intisari.ingest.text import decode
from intisari.llm.reasons import not_used
from intisari.options import DEFAULT_OPTIONS
from intisari.takeaways.render import FORMATS, render

__all__ = ["app"]

app = typer.Typer(
    name="intisari",
    help="Grounded Key Takeaways for news articles (Indonesian and English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


#: Other names of ``--format``'s choices: ``markdown`` was refused, only ``md`` taken (a
#: new user's report), where pandoc and most tools name the format in full.
FORMAT_ALIASES = {"markdown": "md"}


@app.command()
def summarize(
    source: Annotated[
        str, typer.Argument(help="A text, HTML or JSON file, an http(s) URL, or - for stdin.")
    ] = "-",
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"Output format: {', '.join(FORMATS)} (or markdown, as md)."
        ),
    ] = "json",
    count: Annotated[
        int | None,
        typer.Option(
            "--count", "-n", help="Takeaways wanted, 1-5; sized to the article when omitted."
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Language code; detected if omitted.")] = None,
    title: Annotated[str | None, typer.Option(help="Headline, if not in the input.")] = None,
    method: Annotated[
        str,
        typer.Option(
            help="extract: article sentences; llm: short LLM bullets, each checked against the "
            "article (the server named by INTISARI_LLM_URL; extracted ones where a bullet "
            "fails; a box made without the LLM says why in engine.fallback and on stderr)."
        ),
    ] = "extract",
) -> None:
    """Summarize one article (plain text, HTML, a JSON record or a URL) into key takeaways."""
    from intisari.pipeline import summarize as run

    fmt = FORMAT_ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    options = engine_options(method)
    try:
        if _URL_SCHEME.match(source):
            article: dict[str, Any] = {"url": source}
        else:
            article = _as_input(source, _read_source(source))
        # What the command line says wins over what a JSON record says.
        for key, value in (("count", count), ("lang", lang), ("title", title)):
            if value is not None:
                article[key] = value
        result = run(**article, options=options)
    except InputError as error:
        fail(str(error))
    typer.echo(render(result, fmt))
    if result.engine.fallback is not None and options.llm is not None:
        # Still exit 0: the box is a good one, only not the kind asked for; stdout is the
        # box, so the line goes where a script's operator looks (and ``engine.fallback``
        # says it to the script).
        typer.echo(f"intisari: {not_used(result.engine.fallback, options.llm)}", err=True)


#: ``verify --fail-on``'s thresholds, as a linter's severity: the labels that fail each.
FAILING_LABELS = {"unsupported": ("unsupported",), "unclear": ("unsupported", "unclear")}


@app.command()
def verify(
    source: Annotated[
        str, typer.Argument(help="The article: a text, HTML or JSON file, an http(s) URL, or -.")
    ],
    summary: Annotated[
        str,
        typer.Argument(
            help="The summary: a file (text, one bullet per line, or JSON such as "
            "`intisari summarize`'s output), - for stdin, or the summary text itself."
        ),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: json, text.")] = "json",
    lang: Annotated[str | None, typer.Option(help="Language code; detected if omitted.")] = None,
    title: Annotated[str | None, typer.Option(help="Headline, if not in the input.")] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 (after printing the verdicts) when a statement is unsupported "
            "(unsupported), or unsupported or unclear (unclear); by default the exit is 0 "
            "whatever the verdicts.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check each statement of a summary against its article: score, label, evidence, reasons."""
    from intisari.checking import parse_summary
    from intisari.checking.render import VERIFY_FORMATS, render_verification
    from intisari.pipeline import verify as run

    if fmt not in VERIFY_FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(VERIFY_FORMATS)}")
    if fail_on is not None and fail_on not in FAILING_LABELS:
        fail(f"unknown --fail-on {fail_on!r}; choose one of {', '.join(FAILING_LABELS)}")
    if source == "-" and summary == "-":
        fail("only one of the article and the summary can come from stdin")
    try:
        if _URL_SCHEME.match(source):
            article: dict[str, Any] = {"url": source}
        else:
            article = _as_input(source, _read_source(source))
        article.pop("count", None)
        article.pop("id", None)
        for key, value in (("lang", lang), ("title", title)):
            if value is not None:
                article[key] = value
        statements = parse_summary(_summary_text(summary))
        result = run(article.pop("text", None), **article, summary=statements)
    except InputError as error:
        fail(str(error))
    typer.echo(render_verification(result, fmt), nl=False)
    if fail_on is not None and any(
        check.label in FAILING_LABELS[fail_on] for check in result.statements
    ):
        raise typer.Exit(EXIT_FINDINGS)



#: Endings of a summary argument that names a file, even when there is none by that name
#: (then its error is "cannot read"): a one-word summary ("Bagus") is the text itself.
_SUMMARY_FILE_SUFFIXES = frozenset({".txt", ".md", ".json", ".jsonl", ".html", ".htm"})
#: Longer arguments are no path (Linux allows 4,096 bytes, a name 255): asking the file
#: system about a 300-character summary raised "File name too long".
_LONGEST_PATH = 256


def _summary_text(summary: str) -> str:
    """The summary argument's text: stdin, a file, or (no such file, and no path) the
    argument itself."""
    if not summary.strip():
        fail("the summary is empty")
    path = Path(summary)
    # A sentence has spaces ("Harga naik Rp 5.000/kg."); a path here has none.
    names_a_file = not any(c.isspace() for c in summary) and (
        "/" in summary or path.suffix.lower() in _SUMMARY_FILE_SUFFIXES
    )
    if summary == "-" or names_a_file or (len(summary) < _LONGEST_PATH and path.is_file()):
        return _read_source(summary)
    return summary


#: "scheme://": a URL (only http and https are fetched; others get a clear error).
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def _read_source(source: str) -> str:
    """The bytes of a file or stdin, decoded and size-checked, or a one-line failure."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        fail(f"cannot read {source}: {error.strerror or error}")
    page, text = DEFAULT_OPTIONS.max_page_bytes, DEFAULT_OPTIONS.max_input_bytes
    if len(data) > page:  # Read as a page could be; text is held to less, later.
        fail(
            f"{'stdin' if source == '-' else source} is {len(data):,} bytes, over the "
            f"limits of {page:,} for a page and {text:,} for text"
        )
    return decode(data, page)


def _as_input(source: str, content: str) -> dict[str, Any]:
    """Keyword arguments for ``summarize``: a JSON record's fields, HTML, or plain text
    (which the engine reads as HTML when it is: ``ingest.html.looks_like_html``)."""
    stripped = content.strip()
    if source.endswith((".json", ".jsonl")) or (stripped[:1], stripped[-1:]) == ("{", "}"):
        from intisari.ingest.records import parse_record

        lines = [line for line in stripped.splitlines() if line.strip()]
        if source.endswith(".jsonl") and len(lines) > 1:
            raise InputError(
                f"{source} has {len(lines)} records; `intisari summarize` takes one "
                "(use `intisari batch` for JSONL)"
            )
        record = parse_record(stripped)
        return {key: record[key] for key in RECORD_FIELDS if record.get(key) is not None}
    if source.endswith((".html", ".htm")):
        return {"html": content}
    return {"text": content}


# Commands of the other parts (service, evaluation, training, batch at scale) live in
# their own packages and are registered below, one line each, so `intisari --help` lists
# them all while each stays importable on its own.

from intisari.batch.cli import batch  # noqa: E402

app.command()(batch)

from intisari.web.cli import db_app, publisher_app, reviewer_app, serve  # noqa: E402

app.command()(serve)
app.add_typer(db_app, name="db")
app.add_typer(reviewer_app, name="reviewer")
app.add_typer(publisher_app, name="publisher")

from intisari.evaluation.cli import evaluate, train  # noqa: E402

app.command()(evaluate)
app.command()(train)


def main() -> None:  # pragma: no cover - entry point for ``python -m intisari``
    app()
