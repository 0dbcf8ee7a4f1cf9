"""The ``intisari batch`` command: a thin shell over ``intisari.batch.run.run_batch``.

Exit status: 0 when every partition was written (records that could not be summarized are
error rows, which is data, not failure); 1 when some partitions failed, or the scheduler
was lost, and ``--resume`` should be run; 2 for a job that cannot start; 130 after Ctrl-C,
143 after SIGTERM, which stops the job the same way.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from intisari.batch.inputs import DEFAULT_PARTITION_SIZE

__all__ = ["batch"]

#: Some partitions failed: the output is incomplete until ``--resume`` redoes them.
EXIT_INCOMPLETE = 1
#: 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C.
EXIT_INTERRUPTED = 130
#: 128 + SIGTERM, what a shell reports for a command stopped by ``kill``, systemd,
#: Kubernetes or ``timeout``.
EXIT_TERMINATED = 128 + signal.SIGTERM


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises ``KeyboardInterrupt``: the job stops the same
    way (the local cluster closed in order, finished parts kept), only its exit differs."""


@contextmanager
def _sigterm_as_ctrl_c() -> Iterator[None]:
    """SIGTERM raises ``_Terminated`` in the main thread while the job runs.

    Python's default for SIGTERM is to die on the spot: the job ended with exit 143 and no
    word, and the local cluster's semaphores leaked ("resource_tracker: There appear to be
    12 leaked semaphore objects" in an operator's trial), where Ctrl-C had said to
    ``--resume``. A second SIGTERM while the job stops ends it at once, as before.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (a job run from a test runner's thread)
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def batch(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="IN",
            help="JSONL ({id, text|html|url, title?, lang?, count?} per line, also .gz) or "
            "Parquet with those columns: a file, a folder of them, or a quoted glob.",
        ),
    ],
    output_path: Annotated[
        Path,
        typer.Argument(
            metavar="OUT",
            help="out.jsonl or out.parquet for one file (one row per input record, in input "
            "order); a name without a file's ending (.csv, .json, .txt are refused) is a "
            "folder of Parquet parts (see --format).",
        ),
    ],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            help="Start a local Dask cluster of N processes, one thread each "
            "(default: all cores).",
            show_default=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Use a running Dask cluster instead, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted job: keep the finished partitions, redo the rest. "
            "Refused if the input or settings differ.",
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace an existing out.jsonl or out.parquet, once the new file is "
            "complete; without it such a file is refused. A folder is never overwritten: "
            "--resume it or remove it.",
        ),
    ] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="Format of a folder output: parquet or jsonl.", show_default=False
        ),
    ] = None,
    include_text: Annotated[
        bool,
        typer.Option(
            "--text/--no-text",
            help="Keep the cleaned article text that takeaway spans point into.",
        ),
    ] = True,
    partition_size: Annotated[
        int, typer.Option(help="Records per partition: one Dask task and one output part.")
    ] = DEFAULT_PARTITION_SIZE,
    count: Annotated[
        int | None,
        typer.Option(
            "--count", "-n",
            # Not "[default: ...]": the help's markup reads square brackets as a tag and
            # printed "unless a record says ." without them.
            help="Takeaways per article (1-5) unless a record says; by default each "
            "article's box is sized as summarize and the API size it.",
            show_default=False,
        ),
    ] = None,
    method: Annotated[
        str,
        typer.Option(
            help="extract: article sentences; llm: short LLM bullets, each checked against "
            "the article (the server named by INTISARI_LLM_URL).",
        ),
    ] = "extract",
) -> None:
    """Summarize many articles on Dask, locally or on a cluster; resumable.

    Every input record becomes one output row: its takeaways, or an error with the reason.
    """
    from dataclasses import replace

    from intisari.batch.errors import BatchError, SchedulerLost
    from intisari.cli_support import engine_options, fail

    if count is not None and not 1 <= count <= 5:
        fail(f"count must be between 1 and 5, not {count}")
    options = replace(engine_options(method), count=count)
    try:
        with _sigterm_as_ctrl_c():
            from intisari.batch.run import run_batch  # Arrow's import takes a while

            outcome = run_batch(
                input_path,
                output_path,
                workers=workers,
                scheduler=scheduler,
                resume=resume,
                overwrite=overwrite,
                fmt=fmt,
                include_text=include_text,
                partition_size=partition_size,
                options=options,
            )
    except BatchError as error:
        fail(str(error))
    except SchedulerLost as error:
        typer.echo(f"intisari: error: {error}", err=True)
        raise typer.Exit(EXIT_INCOMPLETE) from None
    except KeyboardInterrupt as stop:
        typer.echo(
            "intisari: interrupted; finished partitions are kept: run the same command "
            "with --resume to do the rest",
            err=True,
        )
        stopped = EXIT_TERMINATED if isinstance(stop, _Terminated) else EXIT_INTERRUPTED
        raise typer.Exit(stopped) from None
    typer.echo(outcome.line(), err=True)
    if not outcome.complete:
        raise typer.Exit(EXIT_INCOMPLETE)
