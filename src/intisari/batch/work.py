"""One partition, summarized on a worker: read it, summarize every record, write the part.

This is the whole of a Dask task. It takes a small description of the partition (never
the records themselves), reads the records from the input files, and returns counts, so
that only a few bytes travel between the client and the workers.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import sys
import time
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intisari.batch.duplicates import id_digests
from intisari.batch.inputs import Partition, read_partition
from intisari.batch.outputs import Output, write_part
from intisari.errors import InputError
from intisari.ingest.records import shown_id
from intisari.options import DEFAULT_OPTIONS, Options
from intisari.pipeline import summarize_record

__all__ = ["PartitionStats", "Summarizer", "dask_setup", "summarize_partition"]

#: The single-article unit of work: a record in, a JSON result or an error row out. The
#: default is ``intisari.summarize_record``; any function of this shape can run instead.
Summarizer = Callable[[dict[str, Any], Options], dict[str, Any]]

#: ``ru_maxrss`` is in kibibytes on Linux and in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024
#: Linux (4.0 and later): writing "5" here sets the process's peak resident memory
#: (``VmHWM``, and ``ru_maxrss`` with it) back to what it holds now, and changes nothing
#: else (proc(5)); ``VmHWM`` in ``_STATUS`` is then the peak since.
_CLEAR_REFS = Path("/proc/self/clear_refs")
_RESET_PEAK = "5"
_STATUS = Path("/proc/self/status")


@dataclass(frozen=True)
class PartitionStats:
    index: int
    records: int
    summaries: int
    errors: int
    seconds: float
    #: The worker process's peak resident memory while it ran this partition (when
    #: ``peak_of_task``; else its peak since it started, all it could tell): the figure
    #: that must stay flat however large the input grows.
    peak_rss_bytes: int
    #: The process that ran it, ``host:pid``: the run counts the workers that took part.
    worker: str = ""
    #: Whether ``peak_rss_bytes`` is this partition's own (Linux) or the process's.
    peak_of_task: bool = False
    #: 8 bytes per row with an id (``duplicates.id_digests``): the client finds the ids
    #: given twice from these, without the ids themselves.
    id_digests: bytes = b""
    #: Summaries made without the LLM asked for (``--method llm``), by ``engine.fallback``.
    fallbacks: dict[str, int] = field(default_factory=dict)


def summarize_partition(
    partition: Partition,
    output: Output,
    options: Options = DEFAULT_OPTIONS,
    summarize: Summarizer = summarize_record,
) -> PartitionStats:
    """Summarize every record of ``partition`` and write its part; return the counts."""
    started = time.perf_counter()
    peak_of_task = _reset_peak_memory()
    rows = []
    for row_number, record in read_partition(partition):
        if isinstance(record, InputError):
            row: dict[str, Any] = {"id": None, "error": str(record)}
        else:
            row = _summarize_one(summarize, record, options)
        row["source_file"] = partition.file.name
        row["source_row"] = row_number
        rows.append(row)
    write_part(rows, output, partition.index)
    errors = sum(1 for row in rows if row.get("error"))
    return PartitionStats(
        index=partition.index,
        records=len(rows),
        summaries=len(rows) - errors,
        errors=errors,
        seconds=time.perf_counter() - started,
        peak_rss_bytes=_peak_memory(peak_of_task),
        worker=f"{socket.gethostname()}:{os.getpid()}",
        peak_of_task=peak_of_task,
        id_digests=id_digests(row.get("id") for row in rows),
        fallbacks=dict(Counter(
            row["engine"]["fallback"] for row in rows
            if (row.get("engine") or {}).get("fallback") is not None
        )),
    )


def _reset_peak_memory() -> bool:
    """Start measuring this process's peak memory afresh; whether that could be done.

    ``ru_maxrss`` alone is the peak since the process started: on a long-lived cluster
    (``--scheduler``) that was an earlier job's, and the run's closing line said it as
    this one's. Only Linux can reset it. A worker that runs two tasks at once (``dask
    worker --nthreads 2``) shares one process and so one peak: each task's is then the
    process's since the later of the two began.
    """
    try:
        with _CLEAR_REFS.open("w") as control:
            control.write(_RESET_PEAK)
    except OSError:  # not Linux, an older kernel, or /proc read-only
        return False
    return True


def _peak_memory(since_reset: bool) -> int:
    """The process's peak resident memory in bytes: since ``_reset_peak_memory`` if it
    succeeded, else since the process started."""
    if since_reset:
        with suppress(OSError, ValueError):
            for line in _STATUS.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # "VmHWM:   123456 kB"
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT


def _summarize_one(
    summarize: Summarizer, record: dict[str, Any], options: Options
) -> dict[str, Any]:
    """The summarizer's row; an unexpected exception becomes an error row too.

    Bad input already comes back as an error row. Anything else raised here is an engine
    bug that one article out of millions triggered: it must cost that article, not the
    job, and the row keeps the reason so the article can be found and the bug fixed.
    """
    try:
        return summarize(record, options)
    except Exception as error:
        return {
            "id": shown_id(record.get("id")),
            "error": f"engine failure: {type(error).__name__}: {error}",
        }


def dask_setup(worker: object) -> None:
    """Preload hook of the workers of a local cluster: leave Ctrl-C and SIGTERM to the
    client.

    A terminal sends Ctrl-C to every process of the job, and systemd or ``timeout`` send
    SIGTERM to every one. The client then stops the cluster in order (its nannies ask
    each worker to close, and kill one that does not); workers that took Ctrl-C
    themselves would each print a KeyboardInterrupt traceback, and their nannies would log
    errors, before the client could. Workers that died of SIGTERM left the in-process
    scheduler logging their closed connections, traceback and all, under the client's
    one line. A worker whose client is gone still ends: Dask's child process exits when
    its parent does.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
