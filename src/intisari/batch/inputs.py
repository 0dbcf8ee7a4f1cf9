"""What a batch reads: JSONL (plain or gzip) and Parquet files, cut into partitions.

The client only *plans*. It streams each file once, keeping nothing but partition
boundaries (every ``partition_size`` records, or sooner once ``partition_bytes`` are
reached) and a digest of the content. Workers then read their own partition, by byte
offset in a JSONL file or by row range in a Parquet file, so records never travel through
the client and a worker holds one partition at a time, whatever the size of the input.

The digest is the input's fingerprint: ``--resume`` compares it with the one recorded in
the output's manifest and refuses to mix the output of two different inputs.

Lines are read with a length cap (``max_line_bytes``, by default what the largest record
the engine accepts can take as JSON): a longer line is read past in pieces, never held
whole, and becomes an error row for its line. Without the cap, one 1 GiB line of zeros
(a 1 MB ``.jsonl.gz``) took 2.3 GiB in a worker.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, cast

from intisari.batch.errors import BatchError
from intisari.errors import InputError, load_json
from intisari.ingest.records import RECORD_FIELDS
from intisari.ingest.text import NUL_SCAN_BYTES, wide_encoding
from intisari.options import DEFAULT_OPTIONS, Options

__all__ = [
    "DEFAULT_MAX_LINE_BYTES",
    "DEFAULT_PARTITION_BYTES",
    "DEFAULT_PARTITION_SIZE",
    "InputFile",
    "Kind",
    "Partition",
    "Plan",
    "find_inputs",
    "line_cap",
    "plan_partitions",
    "read_partition",
    "unread_in_folder",
]

#: Records per partition. One partition is one Dask task and one output file: at ~500
#: articles/s per core a task takes about a second, long enough that Dask's per-task
#: cost (a few milliseconds) is noise, short enough that a crash loses little work, the
#: progress bar moves, and a few thousand articles still spread over all workers.
#: Archives of millions may prefer larger parts (``--partition-size 5000``: fewer files).
DEFAULT_PARTITION_SIZE = 500
#: A partition also ends once its records add up to this many bytes of input, so that a
#: run of very long articles (or HTML pages) cannot blow up a worker's memory.
DEFAULT_PARTITION_BYTES = 32 * 1024 * 1024
#: File names taken from a folder; anything else there (READMEs, ``_SUCCESS``) is not
#: read, and the run says which files it left (``unread_in_folder``): a data file named
#: otherwise ("c.data") had lost its records without a word.
FOLDER_SUFFIXES = (".jsonl", ".ndjson", ".json", ".gz", ".parquet", ".pq")
#: Room in a line for everything but the article: id, title, url, lang, count, the JSON.
RECORD_ENVELOPE_BYTES = 64 * 1024


def line_cap(options: Options) -> int:
    """The longest JSONL line read as a record: the engine's page cap written as JSON,
    where escaping can double it (Python's json.dumps writes each non-ASCII character,
    2-3 bytes of UTF-8, as a 6-byte \\uXXXX), plus the envelope. A longer line could only
    hold an article the engine would refuse anyway."""
    return 2 * options.max_page_bytes + RECORD_ENVELOPE_BYTES


#: 20 MB with the engine's default 10 MB page cap.
DEFAULT_MAX_LINE_BYTES = line_cap(DEFAULT_OPTIONS)
#: The first bytes that tell the formats apart, whatever the file is called.
PARQUET_MAGIC = b"PAR1"
GZIP_MAGIC = b"\x1f\x8b"
#: Chunk for hashing and for skipping into a gzip stream: large enough to be fast.
CHUNK_BYTES = 1024 * 1024
#: Rows Arrow decodes at a time from a Parquet file while a worker reads its partition.
PARQUET_BATCH_ROWS = 256


class Kind(StrEnum):
    JSONL = "jsonl"
    JSONL_GZ = "jsonl.gz"
    PARQUET = "parquet"


@dataclass(frozen=True)
class InputFile:
    path: Path
    #: The path relative to what the user named: it goes into every output row
    #: (``source_file``) and into the fingerprint, so a moved input still resumes.
    name: str
    kind: Kind


@dataclass(frozen=True)
class Partition:
    """A slice of one input file: enough for a worker to read it, nothing more."""

    index: int
    file: InputFile
    #: JSONL: byte offsets into the (decompressed) stream; Parquet: row indexes. ``end``
    #: is exclusive.
    start: int
    end: int
    #: 1-based line (JSONL, blank lines counted) or row (Parquet) at ``start``.
    first_row: int
    records: int
    #: JSONL lines longer than this are error rows, read past without being held.
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES


@dataclass(frozen=True)
class Plan:
    files: tuple[InputFile, ...]
    partitions: tuple[Partition, ...]
    fingerprint: str

    @property
    def records(self) -> int:
        return sum(partition.records for partition in self.partitions)


def find_inputs(source: str) -> tuple[InputFile, ...]:
    """The files named by ``source``: one file, every data file under a folder, or a glob."""
    path = Path(source)
    if path.is_file():
        root, paths = path.parent, [path]
    elif path.is_dir():
        root = path
        paths = sorted(
            found for found in _listed(path) if found.name.lower().endswith(FOLDER_SUFFIXES)
        )
    elif glob.has_magic(source):
        paths = sorted(Path(found).resolve() for found in glob.glob(source, recursive=True))
        paths = [found for found in paths if found.is_file()]
        root = Path(os.path.commonpath([found.parent for found in paths])) if paths else path
    else:
        raise BatchError(f"no such file or folder: {source}")
    if not paths:
        raise BatchError(f"no input files in {source}")
    return tuple(
        InputFile(
            path=found.resolve(),
            name=found.resolve().relative_to(root.resolve()).as_posix(),
            kind=_sniff(found),
        )
        for found in paths
    )


def unread_in_folder(source: str) -> list[str]:
    """The files of folder ``source`` that ``find_inputs`` does not read for their names
    (not ``FOLDER_SUFFIXES``), relative to it; none for a file or a glob."""
    path = Path(source)
    if not path.is_dir():
        return []
    return sorted(
        found.relative_to(path).as_posix()
        for found in _listed(path)
        if not found.name.lower().endswith(FOLDER_SUFFIXES)
    )


def _listed(folder: Path) -> Iterator[Path]:
    """The files under ``folder``, but for names starting with "." or "_" (hidden files,
    ``_SUCCESS``, ``_manifest.json``) and what is inside folders so named."""
    for found in folder.rglob("*"):
        if found.is_file() and not any(
            part.startswith((".", "_")) for part in found.relative_to(folder).parts
        ):
            yield found


def plan_partitions(
    files: tuple[InputFile, ...],
    partition_size: int = DEFAULT_PARTITION_SIZE,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
) -> Plan:
    """Cut ``files`` into partitions in one streaming pass, and fingerprint their content."""
    digest = hashlib.sha256()
    partitions: list[Partition] = []
    for file in files:
        digest.update(f"{file.name}\0{file.kind}\0".encode())
        if file.kind is Kind.PARQUET:
            slices = _plan_parquet(file, partition_size, digest)
        else:
            slices = _plan_jsonl(file, partition_size, partition_bytes, max_line_bytes, digest)
        try:
            for start, end, first_row, records in slices:
                partitions.append(
                    Partition(
                        len(partitions), file, start, end, first_row, records, max_line_bytes
                    )
                )
        except BatchError:
            raise
        except (OSError, EOFError, ValueError) as error:  # unreadable, truncated gzip, bad Parquet
            raise BatchError(f"cannot read {file.name}: {error}") from None
    return Plan(files=files, partitions=tuple(partitions), fingerprint=digest.hexdigest())


def read_partition(partition: Partition) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """``(row number, record)`` for every record of ``partition``, in order.

    A line that is not a JSON object comes as an ``InputError`` in place of the record,
    so that it becomes an error row for its line number and the batch goes on.
    """
    if partition.file.kind is Kind.PARQUET:
        yield from _read_parquet(partition)
    else:
        yield from _read_jsonl(partition)


def _sniff(path: Path) -> Kind:
    """The file's kind by its first bytes; ``BatchError`` for JSONL in UTF-16 or UTF-32.

    JSON Lines is UTF-8 (jsonlines.org); cut at its newline bytes, a UTF-16 file (``iconv
    -t utf-16``) had made three rows of two records, one of them a record read from a
    line's broken half.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(NUL_SCAN_BYTES)
    except OSError as error:
        raise BatchError(f"cannot read {path}: {error.strerror or error}") from None
    if head[:4] == PARQUET_MAGIC:
        return Kind.PARQUET
    kind = Kind.JSONL
    if head.startswith(GZIP_MAGIC):
        kind, head = Kind.JSONL_GZ, _gzip_head(path)
    encoding = wide_encoding(head)
    if encoding is not None:
        how = f"iconv -f {encoding[:6]} -t UTF-8" if "mark" not in encoding else "iconv"
        raise BatchError(
            f"{path} is {encoding} text, and JSONL is read as UTF-8: convert it ({how}) "
            "and give the converted file"
        )
    return kind


def _gzip_head(path: Path) -> bytes:
    """The first bytes a gzip file holds; none when they cannot be read (a broken file is
    said where its records are read, as before)."""
    try:
        with gzip.open(path, "rb") as stream:
            return stream.read(NUL_SCAN_BYTES)
    except (OSError, EOFError, zlib.error):
        return b""


def _open_jsonl(file: InputFile) -> IO[bytes]:
    if file.kind is Kind.JSONL_GZ:
        return cast(IO[bytes], gzip.open(file.path, "rb"))
    return file.path.open("rb")


def _lines(
    stream: IO[bytes], max_bytes: int, digest: Any = None
) -> Iterator[tuple[bytes | None, int]]:
    """``(line, its length in bytes)`` for each line of ``stream``, newline included; a
    line longer than ``max_bytes`` (newline not counted) comes as ``(None, length)``, read
    past a piece at a time. ``digest``, if given, sees every byte."""
    while line := stream.readline(max_bytes + 1):
        if digest is not None:
            digest.update(line)
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(CHUNK_BYTES)):
            if digest is not None:
                digest.update(line)
            size += len(line)
        yield None, size


def _plan_jsonl(
    file: InputFile, partition_size: int, partition_bytes: int, max_line_bytes: int, digest: Any
) -> Iterator[tuple[int, int, int, int]]:
    start = offset = 0
    first_row = line_number = 1
    records = 0
    with _open_jsonl(file) as stream:
        for line, size in _lines(stream, max_line_bytes, digest):
            offset += size
            if line is None or line.strip():  # an over-long line is a record (an error row)
                records += 1
            if records and (records >= partition_size or offset - start >= partition_bytes):
                yield start, offset, first_row, records
                start, first_row, records = offset, line_number + 1, 0
            line_number += 1
    if records:
        yield start, offset, first_row, records


def _plan_parquet(
    file: InputFile, partition_size: int, digest: Any
) -> Iterator[tuple[int, int, int, int]]:
    import pyarrow.parquet as pq  # here, not above: `intisari --help` needs this module

    with file.path.open("rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
    metadata = pq.read_metadata(file.path)
    if not {"text", "html", "url"} & set(metadata.schema.names):
        raise BatchError(f"{file.name} has none of the columns text, html or url")
    for start in range(0, metadata.num_rows, partition_size):
        end = min(start + partition_size, metadata.num_rows)
        yield start, end, start + 1, end - start


def _read_jsonl(partition: Partition) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    with _open_jsonl(partition.file) as stream:
        # A plain file seeks; a gzip stream can only decompress its way there (see README).
        stream.seek(partition.start)
        offset, line_number = partition.start, partition.first_row
        lines = _lines(stream, partition.max_line_bytes)
        # The end is checked before the next line is read: it may be a long one.
        while offset < partition.end and (item := next(lines, None)) is not None:
            line, size = item
            offset += size
            if line is None:
                yield line_number, InputError(
                    f"line is {size:,} bytes, over the limit of {partition.max_line_bytes:,}"
                )
            elif line.strip():
                yield line_number, _parse_line(line)
            line_number += 1


def _parse_line(line: bytes) -> dict[str, Any] | InputError:
    """The line's JSON object, or the reason it is none, whatever the line holds."""
    try:
        # 100,000 nested brackets would overflow the stack: a lost partition, every time.
        record = load_json(line, "not a JSON object")
    except InputError as error:
        return error
    if not isinstance(record, dict):
        return InputError(f"expected a JSON object, got {type(record).__name__}")
    return record


def _read_parquet(partition: Partition) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(partition.file.path)
    columns = [name for name in RECORD_FIELDS if name in parquet.schema_arrow.names]
    # Only the row groups that overlap the partition are read, a few rows at a time.
    groups: list[int] = []
    group_start, skip = 0, 0
    for number in range(parquet.metadata.num_row_groups):
        group_end = group_start + parquet.metadata.row_group(number).num_rows
        if group_start < partition.end and group_end > partition.start:
            if not groups:
                skip = partition.start - group_start
            groups.append(number)
        group_start = group_end
    row = partition.start - skip
    for batch in parquet.iter_batches(PARQUET_BATCH_ROWS, row_groups=groups, columns=columns):
        for values in batch.to_pylist():
            if row >= partition.end:
                return
            if row >= partition.start:
                yield row + 1, {key: value for key, value in values.items() if value is not None}
            row += 1
