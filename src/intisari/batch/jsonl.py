"""Batch over a JSONL file in one process: one output line per input line, same ids."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from intisari.errors import InputError
from intisari.ingest.records import parse_record
from intisari.pipeline import summarize_record

__all__ = ["BatchReport", "run_jsonl"]


@dataclass
class BatchReport:
    articles: int = 0
    summaries: int = 0
    errors: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{self.articles} articles, {self.summaries} summaries, {self.errors} errors "
            f"in {self.seconds:.1f} s ({rate:.0f} articles/s)"
        )


def run_jsonl(input_path: Path, output_path: Path) -> BatchReport:
    report = BatchReport()
    started = time.perf_counter()
    with input_path.open("rb") as lines, output_path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(tqdm(lines, unit=" articles", desc="summarizing"), 1):
            if not line.strip():
                continue
            try:
                row = summarize_record(parse_record(line))
            except InputError as error:
                row = {"id": None, "line": number, "error": str(error)}
            report.articles += 1
            if row.get("error"):
                report.errors += 1
            else:
                report.summaries += 1
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    report.seconds = time.perf_counter() - started
    return report
