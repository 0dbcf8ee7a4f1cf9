"""What a batch writes: one file per partition, atomically, plus a manifest to resume by.

Layout. ``OUT`` is a folder unless its name ends in ``.jsonl`` or ``.parquet`` (a name
ending as another kind of file, ``.csv``, is refused: ``FILE_SUFFIXES``):

- a folder gets ``part-000000.parquet`` (or ``.jsonl``) per partition and
  ``_manifest.json``; Arrow, Dask, Spark and DuckDB read such a folder as one dataset and
  skip names that start with ``_`` or ``.``;
- a single file is assembled from the same parts, kept in ``OUT.parts/`` while the job
  runs (and after a crash, for ``--resume``), joined in input order at the end.

A part is written under a hidden temporary name and renamed into place once complete and
flushed to disk (``os.replace`` is atomic), so a crash or Ctrl-C never leaves a
half-written part where a reader or ``--resume`` would take it for a finished one.

One run at a time. A run holds ``OUT.parts/.lock`` (the folder itself for a folder
output) from before it looks at the output until it ends (``claim``): a second run on the
same output is refused, never mixed with the first.

Rows. JSONL rows are the engine's JSON result (see README, "The JSON result") plus
``source_file`` and ``source_row``; a record that could not be summarized is
``{"id", "error", "source_file", "source_row"}``. Parquet has one column per field of
both, ``engine`` flattened to ``engine_name``, ``engine_version``, ``engine_method``,
``engine_model``, ``engine_fallback`` (the columns one filters by when re-running an
archive with a newer engine, or the articles whose box was made without the LLM asked
for), takeaways and
removed pieces as lists of structs, ``source`` (a page's site, date, byline and address)
as a struct, null where the JSON result's is. ``text`` (the cleaned article, which the spans point
into) is kept unless ``--no-text``.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from intisari.batch.errors import BatchError
from intisari.batch.inputs import DEFAULT_MAX_LINE_BYTES
from intisari.places import in_kernel_file_system, unwritable_in

__all__ = [
    "MANIFEST_NAME",
    "PARQUET_SCHEMA",
    "Manifest",
    "Output",
    "OutputFormat",
    "begin",
    "claim",
    "finish",
    "part_places",
    "prepare",
    "to_parquet_row",
    "write_part",
]

MANIFEST_NAME = "_manifest.json"
#: Locked (``flock``) by the run writing the output, for the whole run. In the parts
#: folder, so that a folder and a single file (whose parts are in ``OUT.parts/``) are
#: guarded alike, and a ``--resume`` finds it where the run it continues left it. Hidden,
#: as dataset readers skip dot-files.
LOCK_NAME = ".lock"
#: How often ``claim`` tries again when the lock file it locked was removed under it (its
#: holder was just ending); a third removal in a row means runs keep starting there.
LOCK_ATTEMPTS = 3
#: Bumped when the layout changes, so that ``--resume`` never mixes two layouts (2: the
#: Parquet ``source`` column, which parts of version 1 lack; 3: ``engine_fallback``).
MANIFEST_VERSION = 3
#: Rows decoded at a time when only a part's ids and places are read back.
PLACES_BATCH_ROWS = 4096
#: zstd: text compresses about 3x, and it decodes fast everywhere Parquet is read.
PARQUET_COMPRESSION = "zstd"
#: The JSON result's ``engine`` fields, each a Parquet column ``engine_<field>``.
ENGINE_COLUMNS = ("name", "version", "method", "model", "fallback")
#: Offsets fit in 32 bits: the engine refuses inputs over 2 MB.
_SPANS = pa.list_(pa.list_(pa.int32()))
PARQUET_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("language", pa.string()),
        ("language_supported", pa.bool_()),
        ("title", pa.string()),
        ("text", pa.string()),
        (
            "takeaways",
            pa.list_(
                pa.struct(
                    [
                        ("text", pa.string()),
                        ("spans", _SPANS),
                        ("score", pa.float64()),
                        ("origin", pa.string()),
                        ("evidence", _SPANS),
                    ]
                )
            ),
        ),
        ("notice", pa.string()),
        ("removed", pa.list_(pa.struct([("text", pa.string()), ("reason", pa.string())]))),
        *((f"engine_{key}", pa.string()) for key in ENGINE_COLUMNS),
        (
            "source",
            pa.struct(
                [
                    ("site_name", pa.string()),
                    ("published", pa.string()),
                    ("author", pa.string()),
                    ("url", pa.string()),
                ]
            ),
        ),
        ("error", pa.string()),
        ("source_file", pa.string()),
        ("source_row", pa.int64()),
    ]
)


#: Endings of a file batch does not write: ``OUT`` so named is refused rather than made a
#: folder of Parquet parts (``batch in.jsonl out.csv`` had quietly made a folder named
#: out.csv, a new user's report). A name with another dot stays a folder's
#: (``takeaways-2024.06``), and so does a folder that is already there by such a name.
FILE_SUFFIXES = frozenset(
    {
        ".csv", ".tsv", ".txt", ".json", ".ndjson", ".gz", ".zip", ".pq", ".xlsx",
        ".avro", ".orc", ".feather", ".arrow", ".md", ".html",
    }
)  # fmt: skip


class OutputFormat(StrEnum):
    PARQUET = "parquet"
    JSONL = "jsonl"


@dataclass(frozen=True)
class Output:
    """Where the parts go, in which format, and what ends up at ``target``."""

    target: Path
    parts_dir: Path
    fmt: OutputFormat
    single_file: bool
    include_text: bool

    @classmethod
    def at(cls, target: Path, fmt: str | None = None, include_text: bool = True) -> Output:
        """The output named ``target``; ``fmt`` only chooses the format of a folder."""
        target = target.resolve()
        suffix = target.suffix.lower()
        if suffix in (".jsonl", ".parquet"):
            named = OutputFormat(suffix[1:])
            if fmt is not None and fmt != named:
                raise BatchError(f"--format {fmt} does not match the output name {target.name}")
            parts_dir = target.with_name(target.name + ".parts")
            return cls(target, parts_dir, named, True, include_text)
        if suffix in FILE_SUFFIXES and not target.is_dir():
            raise BatchError(
                f"batch writes no {suffix} file: name an output out.jsonl or out.parquet "
                f"(one file), or a folder (of Parquet or --format jsonl parts), not {target.name}"
            )
        try:
            chosen = OutputFormat(fmt or OutputFormat.PARQUET)
        except ValueError:
            raise BatchError(f"unknown format {fmt!r}; choose parquet or jsonl") from None
        return cls(target, target, chosen, False, include_text)

    def holds(self, path: Path) -> bool:
        """Whether ``path`` is this output or one of its parts (never an input)."""
        return path == self.target or path.is_relative_to(self.parts_dir)

    def part_path(self, index: int) -> Path:
        return self.parts_dir / f"part-{index:06d}.{self.fmt}"


@dataclass(frozen=True)
class Manifest:
    """What a resumed run must share with the run it continues."""

    fingerprint: str
    partition_size: int
    partition_bytes: int
    format: str
    include_text: bool
    #: Takeaways per article, or ``None``: sized to each article, as ``summarize`` does.
    count: int | None
    records: int
    #: One ``{"file", "first_row", "records"}`` per partition, in order: what each part
    #: holds, for a reader of the output (derived from everything above).
    parts: list[dict[str, Any]]
    #: JSONL lines longer than this are error rows (a manifest from before the cap was
    #: written under the same default).
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
    version: int = MANIFEST_VERSION
    #: ``Options.method``; manifests written before methods existed were ``extract``.
    method: str = "extract"

    @property
    def partitions(self) -> int:
        return len(self.parts)

    def differences(self, other: Manifest) -> list[str]:
        """The settings that differ (``input`` for the content), most telling first."""
        mine, theirs = asdict(self), asdict(other)
        changed = [key for key in mine if mine[key] != theirs[key]]
        if "fingerprint" in changed:
            return ["input"]
        settings = [key for key in changed if key not in ("records", "parts")]
        return settings or changed


def prepare(
    output: Output, manifest: Manifest, resume: bool, overwrite: bool = False
) -> set[int]:
    """Check that the job may write to ``output``; return the partitions already written.

    Without ``resume`` an unfinished or finished job in the way is an error, never
    silently overwritten or mixed; with it the manifest must match this job's. A single
    file already at ``output.target`` is replaced only with ``overwrite`` (and only once
    the new one is complete, ``finish``); ``overwrite`` names no folder, which is
    continued with ``resume`` or removed by hand. Nothing is created yet (see ``begin``),
    so a job that cannot start leaves nothing behind.
    """
    manifest_path = output.parts_dir / MANIFEST_NAME
    _check_place(output)
    if overwrite and not output.single_file:
        raise BatchError(
            f"--overwrite replaces a single .jsonl or .parquet file, and {output.target.name} "
            "names a folder: add --resume to continue the job in it, or remove it to start over"
        )
    if output.single_file and os.path.lexists(output.target) and not overwrite:
        finished = resume and not manifest_path.is_file()
        said = " (a finished job's: nothing to resume)" if finished else ""
        raise BatchError(
            f"{output.target} exists{said}; add --overwrite to replace it once the new "
            "one is complete, or name another output"
        )
    if not manifest_path.is_file():
        if output.parts_dir.exists() and any(
            path.name != LOCK_NAME for path in output.parts_dir.iterdir()
        ):
            raise BatchError(f"{output.parts_dir} exists and is not empty; name another output")
        return set()
    if not resume:
        raise BatchError(
            f"{output.parts_dir} holds an earlier job; add --resume to continue it, "
            "or remove it to start over"
        )
    changed = manifest.differences(_read_manifest(manifest_path))
    if changed:
        raise BatchError(
            f"{output.parts_dir} was written from a different {', '.join(changed)}; "
            "use another output or remove it"
        )
    _clear_leftovers(output)
    return {index for index in range(manifest.partitions) if output.part_path(index).is_file()}


def _check_place(output: Output) -> None:
    """``BatchError`` unless ``output`` can be created where it is named: not in a kernel
    file system, in a folder that exists (as ``cp`` wants: a mistyped path had made
    ``/nonexistent-dir/`` at the file system's root, in a new user's trial) and this
    process may write in, and not a folder where a file is named or the other way round."""
    kernel = in_kernel_file_system(output.target)
    if kernel is not None:
        raise BatchError(kernel)
    folder = output.target.parent
    if not folder.exists():
        raise BatchError(f"cannot write {output.target}: the folder {folder} does not exist")
    existing = next(path for path in (output.parts_dir, *output.parts_dir.parents) if path.exists())
    unwritable = unwritable_in(output.target, existing)
    if unwritable is not None:
        raise BatchError(unwritable)
    if output.single_file and output.target.is_dir():
        raise BatchError(f"{output.target} is a folder; name a file or drop the suffix")
    if not output.single_file and output.target.is_file():
        raise BatchError(f"{output.target} is a file; name a folder, or a .jsonl/.parquet file")


@contextmanager
def claim(output: Output) -> Iterator[None]:
    """Hold ``output`` for this run alone until the ``with`` block ends; ``BatchError`` if
    another run holds it.

    Two runs on one output both passed ``prepare`` before either had written its manifest,
    and then wrote their parts over each other's: in an operator's trial, jobs of 1,000 and
    2,000 records both exited 0, and the folder kept the first one's manifest with only the
    second one's 2,000 rows (its ``--resume`` then said it was done). An exclusive
    ``flock`` on ``LOCK_NAME``, taken before ``prepare`` looks, refuses the second run
    before it writes anything. The OS drops the lock when its process ends, however it
    ends, so a crashed run never blocks its own ``--resume``.

    At the end the lock file goes, and so do the folders made for it if they are empty (a
    refused run leaves nothing behind; a single file's parts folder is emptied by
    ``finish``). Only the holder removes the lock file, while it holds it: a run that
    opened the file just before shall find it gone once locked, and try afresh.
    """
    _check_place(output)
    made = [path for path in (output.parts_dir, *output.parts_dir.parents) if not path.exists()]
    try:
        lock = _lock(output)
    except BatchError:
        _remove_empty(made)
        raise
    try:
        yield
    finally:
        (output.parts_dir / LOCK_NAME).unlink(missing_ok=True)
        os.close(lock)
        _remove_empty([output.parts_dir, *made] if output.single_file else made)


def _remove_empty(folders: list[Path]) -> None:
    """Remove each of ``folders`` (deepest first) that is empty."""
    for folder in dict.fromkeys(folders):
        with suppress(OSError):  # not empty (it holds the output), or gone
            folder.rmdir()


def _lock(output: Output) -> int:
    """The open, ``flock``-ed lock file of ``output`` (see ``claim``)."""
    path = output.parts_dir / LOCK_NAME
    for _ in range(LOCK_ATTEMPTS):
        try:
            output.parts_dir.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:
            continue  # its folder was removed between the two (a run ending): again
        except OSError as error:
            raise BatchError(f"cannot write {output.parts_dir}: {error.strerror}") from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 200, 0).decode(errors="replace").strip()
            os.close(descriptor)
            raise BatchError(
                f"{output.target} is being written by another run"
                + (f" ({holder})" if holder else "")
                + "; wait for it to end, or name another output"
            ) from None
        if _is_at(descriptor, path):
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"process {os.getpid()} on {socket.gethostname()}".encode())
            return descriptor
        os.close(descriptor)  # its holder removed it as we opened it: lock the new one
    raise BatchError(f"{output.target} is being written by other runs; name another output")


def _is_at(descriptor: int, path: Path) -> bool:
    """Whether the open file ``descriptor`` is still the one named ``path``."""
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def begin(output: Output, manifest: Manifest) -> None:
    """Create the parts folder and its manifest, unless a resumed job already did."""
    manifest_path = output.parts_dir / MANIFEST_NAME
    if not manifest_path.is_file():
        try:
            output.parts_dir.mkdir(parents=True, exist_ok=True)
            _atomic_write_bytes(manifest_path, json.dumps(asdict(manifest), indent=2).encode())
        except OSError as error:  # a full disk, or the place changed since prepare
            raise BatchError(f"cannot write {output.parts_dir}: {error.strerror}") from None


def write_part(rows: list[dict[str, Any]], output: Output, index: int) -> Path:
    """Write one partition's rows to its part file, atomically."""
    final = output.part_path(index)
    if output.fmt is OutputFormat.PARQUET:
        table = pa.Table.from_pylist(
            [to_parquet_row(row) for row in rows], schema=_schema(output.include_text)
        )
        with _atomic_file(final) as stream:
            pq.write_table(table, stream, compression=PARQUET_COMPRESSION)
    else:
        with _atomic_file(final) as stream:
            for row in rows:
                line = json.dumps(_drop_text(row, output.include_text), ensure_ascii=False)
                stream.write(line.encode() + b"\n")
    return final


def finish(output: Output, partitions: int, overwrite: bool = False) -> None:
    """Join the parts of a single-file output in input order, then remove them: the parts
    folder too, unless a run's lock is in it (``claim`` removes it last).

    The joined file takes the place of one already there only with ``overwrite``; a file
    that appeared there while the job ran (``prepare`` saw none) is kept, and so are the
    parts, for a ``--resume --overwrite`` (``BatchError``). Either way, what killed
    writers left half-written goes (``_clear_leftovers``): a run that ends well leaves
    its output and nothing else.
    """
    if not output.single_file:
        _clear_leftovers(output)
        return
    parts = [output.part_path(index) for index in range(partitions)]
    with _atomic_file(output.target, replace=overwrite) as stream:
        if output.fmt is OutputFormat.JSONL:
            for part in parts:
                with part.open("rb") as source:
                    shutil.copyfileobj(source, stream)
        else:
            with pq.ParquetWriter(
                stream, _schema(output.include_text), compression=PARQUET_COMPRESSION
            ) as writer:
                for part in parts:  # one part in memory at a time
                    writer.write_table(pq.read_table(part))
    _clear_leftovers(output)
    for path in output.parts_dir.iterdir():
        if path.name == LOCK_NAME:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    if not (output.parts_dir / LOCK_NAME).exists():
        output.parts_dir.rmdir()


def part_places(output: Output, index: int) -> Iterator[tuple[str | None, str, int]]:
    """``(id, source_file, source_row)`` of every row of a written part, in order: from
    Parquet those three columns alone, a batch of rows at a time."""
    path = output.part_path(index)
    if output.fmt is OutputFormat.PARQUET:
        columns = ["id", "source_file", "source_row"]
        for batch in pq.ParquetFile(path).iter_batches(PLACES_BATCH_ROWS, columns=columns):
            yield from zip(*(batch.column(name).to_pylist() for name in columns), strict=True)
        return
    with path.open("rb") as stream:
        for line in stream:
            row = json.loads(line)
            yield row.get("id"), row["source_file"], row["source_row"]


def to_parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    """A JSON result (or error row) as one flat Parquet row."""
    flat = {key: value for key, value in row.items() if key != "engine"}
    engine = row.get("engine") or {}
    for key in ENGINE_COLUMNS:
        flat[f"engine_{key}"] = engine.get(key)
    return flat


def _schema(include_text: bool) -> pa.Schema:
    if include_text:
        return PARQUET_SCHEMA
    return PARQUET_SCHEMA.remove(PARQUET_SCHEMA.get_field_index("text"))


def _drop_text(row: dict[str, Any], include_text: bool) -> dict[str, Any]:
    if include_text or "text" not in row:
        return row
    return {key: value for key, value in row.items() if key != "text"}


def _read_manifest(path: Path) -> Manifest:
    try:
        return Manifest(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as error:
        raise BatchError(f"{path} is not a manifest this version can resume: {error}") from None


def _clear_leftovers(output: Output) -> None:
    """Delete the temporary files of writes that never finished: never a finished part.

    A worker killed while writing a part left ``.part-000001.parquet.<uuid>.tmp`` (2.8 MB
    of truncated Parquet in an operator's trial) in an output whose run then redid the part
    elsewhere and exited 0; a reader that does not skip dot-files failed on it. A client
    killed while joining a single file left ``.OUT.<uuid>.tmp`` beside it, which
    ``--resume`` finished the file around and kept. Cleared on ``--resume`` and at the end
    of a run that wrote every part; the run's lock keeps every other run of this output
    away, and a straggler of an earlier one whose file goes only fails to rename a part
    that is already there.
    """
    for leftover in output.parts_dir.glob(".part-*.tmp"):
        leftover.unlink(missing_ok=True)
    if output.single_file and output.target.parent.is_dir():
        joining = re.compile(rf"\.{re.escape(output.target.name)}\.[0-9a-f]{{32}}\.tmp")
        for leftover in output.target.parent.iterdir():
            if joining.fullmatch(leftover.name):
                leftover.unlink(missing_ok=True)


@contextmanager
def _atomic_file(path: Path, replace: bool = True) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` complete and on disk, or not at all (its
    name meanwhile, ``.NAME.<32 hex digits>.tmp``, is what ``_clear_leftovers`` clears).

    Without ``replace`` a file already at ``path`` stays, and ``BatchError`` says so.
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _publish_new(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)  # only there if something went wrong


def _publish_new(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the name ``path`` unless something has that name.

    A hard link is the one atomic "rename unless taken" Python has (``os.replace``
    replaces); a file system without hard links (some network and FAT mounts) gets a
    check and a rename, which only a writer racing this very moment could get between.
    """
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    except OSError:  # no hard links on this file system
        if not os.path.lexists(path):
            os.replace(temporary, path)
            return
    else:
        return
    raise BatchError(
        f"{path} appeared while this job ran and is kept, and so are the job's parts: "
        "run the same command with --resume --overwrite to replace it"
    )


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    with _atomic_file(path) as stream:
        stream.write(data)
