"""Helpers of the batch tests: small real articles, written as JSONL, Parquet or gzip."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

#: Short but real stories: enough words for the engine, fast enough for hundreds a test.
STORIES = (
    "Pemerintah Kota Bandung meresmikan taman baru di kawasan Dago pada Senin pagi. "
    "Taman seluas dua hektare itu dilengkapi jalur lari dan area bermain anak.\n\n"
    "Wali kota mengatakan taman akan dibuka setiap hari mulai pukul enam pagi. "
    "Warga diminta menjaga kebersihan dan tidak membawa kendaraan ke dalam taman.",
    "The city council approved a new bus route linking the airport to the old town. "
    "Buses will run every fifteen minutes from early morning until midnight.\n\n"
    "Officials said the route should cut travel times by half for most passengers. "
    "Tickets will cost the same as on existing lines, the council added.",
    "Harga cabai rawit di Pasar Induk Kramat Jati naik tajam menjelang akhir pekan. "
    "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena hujan deras.\n\n"
    "Dinas perdagangan berjanji memantau harga dan menggelar operasi pasar. "
    "Warga berharap harga kembali normal sebelum hari raya tiba bulan depan.",
)


def make_records(count: int, prefix: str = "art") -> list[dict[str, Any]]:
    """``count`` distinct records with unique ids (the number makes every text unique)."""
    return [
        {
            "id": f"{prefix}-{number:05d}",
            "text": STORIES[number % len(STORIES)].replace("Senin", f"Senin ({number})")
            .replace("council approved", f"council approved (vote {number})")
            .replace("naik tajam", f"naik tajam ({number})"),
        }
        for number in range(count)
    ]


def write_jsonl(path: Path, rows: list[Any], *, gzipped: bool = False) -> Path:
    """Rows as JSONL; a ``str`` row is written verbatim (for malformed lines)."""
    lines = "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows)
    path.write_bytes(gzip.compress(lines.encode()) if gzipped else lines.encode())
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], row_group_size: int) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def read_output(path: Path) -> list[dict[str, Any]]:
    """Every row of a batch output: a .jsonl or .parquet file, or a folder of parts."""
    parts = sorted(path.glob("part-*")) if path.is_dir() else [path]
    rows: list[dict[str, Any]] = []
    for part in parts:
        if part.suffix == ".parquet":
            rows.extend(pq.read_table(part).to_pylist())
        else:
            rows.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    return rows
