"""Finding input files, cutting them into partitions, and reading a partition back."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from batch_helpers import make_records, write_jsonl, write_parquet
from intisari.batch.errors import BatchError
from intisari.batch.inputs import (
    Kind,
    find_inputs,
    plan_partitions,
    read_partition,
    unread_in_folder,
)
from intisari.batch.run import BatchOutcome
from intisari.errors import InputError


def _read_all(plan_source: str, **sizes: int) -> list[tuple[str, int, object]]:
    plan = plan_partitions(find_inputs(plan_source), **sizes)
    return [
        (partition.file.name, row, record)
        for partition in plan.partitions
        for row, record in read_partition(partition)
    ]


def test_a_folder_gives_its_data_files_in_order_and_skips_hidden_ones(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "b.jsonl", make_records(2))
    write_jsonl(tmp_path / "a.jsonl.gz", make_records(2), gzipped=True)
    (tmp_path / "sub").mkdir()
    write_parquet(tmp_path / "sub" / "c.parquet", make_records(2), 10)
    (tmp_path / "README.md").write_text("not data")
    write_jsonl(tmp_path / "_manifest.json", [{"not": "data"}])
    write_jsonl(tmp_path / ".hidden.jsonl", make_records(1))

    found = find_inputs(str(tmp_path))

    assert [(file.name, file.kind) for file in found] == [
        ("a.jsonl.gz", Kind.JSONL_GZ),
        ("b.jsonl", Kind.JSONL),
        ("sub/c.parquet", Kind.PARQUET),
    ]
    # What is not read for its name is said (a user's "c.data" had lost its records
    # without a word); hidden and "_" files are nobody's data.
    assert unread_in_folder(str(tmp_path)) == ["README.md"]
    assert unread_in_folder(str(tmp_path / "b.jsonl")) == []


def test_a_run_says_which_files_of_its_folder_it_did_not_read() -> None:
    outcome = BatchOutcome(records=2, summaries=2, unread=["c.data", "notes/x.csv"])
    assert "not read, for their names (not .jsonl, .ndjson" in outcome.line()
    assert outcome.line().endswith("): c.data, notes/x.csv")


def test_a_glob_and_a_single_file_are_found_whatever_their_names(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "day1.data", make_records(1))
    write_parquet(tmp_path / "day2.data", make_records(1), 10)

    assert [(f.name, f.kind) for f in find_inputs(str(tmp_path / "day*.data"))] == [
        ("day1.data", Kind.JSONL),
        ("day2.data", Kind.PARQUET),
    ]
    assert [f.name for f in find_inputs(str(tmp_path / "day1.data"))] == ["day1.data"]


@pytest.mark.parametrize(
    ("encoding", "gzipped", "named"),
    [
        ("utf-16", False, "UTF-16-LE"),
        ("utf-16", True, "UTF-16-LE"),
        ("utf-32", False, "UTF-32-LE"),
        ("utf-16-le", False, "UTF-16 without a byte order mark"),
    ],
)
def test_jsonl_in_utf16_or_utf32_is_refused_before_any_row(
    tmp_path: Path, encoding: str, gzipped: bool, named: str
) -> None:
    """Cut at its newline bytes, ``iconv -t utf-16``'s JSONL of two records made three
    rows, one a record read from a line's broken half (a new user's trial): JSON Lines is
    UTF-8, and the file is refused whole, its encoding named."""
    text = "".join(json.dumps(row) + "\n" for row in make_records(2))
    data = text.encode(encoding)
    path = tmp_path / "in.jsonl"
    path.write_bytes(gzip.compress(data) if gzipped else data)
    with pytest.raises(BatchError, match=f"is {named} text, and JSONL is read as UTF-8"):
        find_inputs(str(path))


@pytest.mark.parametrize("source", ["missing.jsonl", "nothing-*.jsonl", "empty-folder"])
def test_nothing_to_read_is_a_batch_error(tmp_path: Path, source: str) -> None:
    (tmp_path / "empty-folder").mkdir()
    with pytest.raises(BatchError, match="no "):
        find_inputs(str(tmp_path / source))


def test_partitions_hold_a_fixed_number_of_records_and_know_their_lines(tmp_path: Path) -> None:
    rows = make_records(7)
    lines = [rows[0], rows[1], "", rows[2], rows[3], rows[4], "", "", rows[5], rows[6], ""]
    write_jsonl(tmp_path / "in.jsonl", lines)

    plan = plan_partitions(find_inputs(str(tmp_path / "in.jsonl")), partition_size=3)

    assert [(p.records, p.first_row) for p in plan.partitions] == [(3, 1), (3, 5), (1, 10)]
    assert plan.records == 7
    read = _read_all(str(tmp_path / "in.jsonl"), partition_size=3)
    assert [(row, record["id"]) for _, row, record in read] == [
        (1, "art-00000"), (2, "art-00001"), (4, "art-00002"), (5, "art-00003"),
        (6, "art-00004"), (9, "art-00005"), (10, "art-00006"),
    ]  # fmt: skip


def test_a_partition_also_ends_at_its_byte_budget(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", make_records(6))
    shortest = min(len(line) for line in (tmp_path / "in.jsonl").read_bytes().splitlines())

    plan = plan_partitions(
        find_inputs(str(tmp_path / "in.jsonl")), partition_size=100, partition_bytes=shortest
    )

    assert [p.records for p in plan.partitions] == [1, 1, 1, 1, 1, 1]


def test_gzip_and_parquet_read_back_the_same_records_as_plain_jsonl(tmp_path: Path) -> None:
    rows = make_records(11)
    write_jsonl(tmp_path / "plain.jsonl", rows)
    write_jsonl(tmp_path / "packed.jsonl.gz", rows, gzipped=True)
    write_parquet(tmp_path / "table.parquet", rows, row_group_size=4)

    for name in ("plain.jsonl", "packed.jsonl.gz", "table.parquet"):
        read = _read_all(str(tmp_path / name), partition_size=3)
        assert [record for _, _, record in read] == rows, name
        assert [row for _, row, _ in read] == list(range(1, 12)), name


def test_a_malformed_line_is_read_as_an_input_error_for_its_line(tmp_path: Path) -> None:
    rows = make_records(2)
    write_jsonl(tmp_path / "in.jsonl", [rows[0], '{"id": "broken", "text": ', "[1, 2]", rows[1]])

    read = _read_all(str(tmp_path / "in.jsonl"))

    assert [row for _, row, _ in read] == [1, 2, 3, 4]
    assert isinstance(read[1][2], InputError) and "not a JSON object" in str(read[1][2])
    assert isinstance(read[2][2], InputError) and "expected a JSON object" in str(read[2][2])


def test_the_fingerprint_follows_the_content_not_the_place(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    write_jsonl(tmp_path / "one" / "in.jsonl", make_records(3))
    write_jsonl(tmp_path / "two" / "in.jsonl", make_records(3))

    def fingerprint(path: Path) -> str:
        return plan_partitions(find_inputs(str(path))).fingerprint

    assert fingerprint(tmp_path / "one" / "in.jsonl") == fingerprint(tmp_path / "two" / "in.jsonl")
    write_jsonl(tmp_path / "two" / "in.jsonl", make_records(3, prefix="other"))
    assert fingerprint(tmp_path / "one" / "in.jsonl") != fingerprint(tmp_path / "two" / "in.jsonl")


def test_a_parquet_file_without_an_article_column_is_refused(tmp_path: Path) -> None:
    write_parquet(tmp_path / "in.parquet", [{"id": "x", "body": "words"}], 10)
    with pytest.raises(BatchError, match="none of the columns"):
        plan_partitions(find_inputs(str(tmp_path / "in.parquet")))


def test_an_unreadable_file_is_a_batch_error_not_a_traceback(tmp_path: Path) -> None:
    packed = write_jsonl(tmp_path / "in.jsonl.gz", make_records(50), gzipped=True)
    packed.write_bytes(packed.read_bytes()[:200])  # truncated, as by a failed copy
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 and then nothing a reader expects")

    for name in ("in.jsonl.gz", "bad.parquet"):
        with pytest.raises(BatchError, match=f"cannot read {name}"):
            plan_partitions(find_inputs(str(tmp_path / name)))
