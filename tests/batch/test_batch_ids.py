"""Ids in a batch's rows: odd ones shown as the input holds them, in our own words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from batch_helpers import make_records, read_output, write_jsonl, write_parquet
from intisari.batch.duplicates import ID_DIGEST_BYTES, IdTally, find_duplicates, id_digests
from intisari.batch.inputs import find_inputs, plan_partitions
from intisari.batch.outputs import Manifest, Output, begin, finish
from intisari.batch.work import summarize_partition


def _run_in_process(source: Path, target: Path, partition_size: int = 500) -> list[Any]:
    """The batch's worker path, without Dask: every partition summarized and written."""
    output = Output.at(target)
    plan = plan_partitions(find_inputs(str(source)), partition_size)
    begin(output, _manifest_of(plan))
    stats = [summarize_partition(partition, output) for partition in plan.partitions]
    finish(output, len(plan.partitions))
    return stats


def _manifest_of(plan: Any) -> Manifest:
    return Manifest(
        fingerprint=plan.fingerprint, partition_size=500, partition_bytes=1, format="jsonl",
        include_text=True, count=None, records=plan.records, parts=[],
    )  # fmt: skip


def test_odd_ids_are_shown_as_json_shows_them_with_our_reason(tmp_path: Path) -> None:
    """A 5,000-digit id gave Python's "Exceeds the limit (4300 digits) for integer string
    conversion ... use sys.set_int_max_str_digits()", and ids of other JSON types were
    Python's str() of them ("True", "{'a': 1}") (an operator's trial, F9)."""
    text = make_records(1)[0]["text"]
    lines: list[Any] = [
        '{"id": ' + "7" * 5000 + ', "text": "x"}',
        *({"id": odd, "text": text} for odd in (1.5, True, [1, None], {"a": 1})),
        '{"id": "lone \\ud800", "text": "x"}',
        {"id": 42, "text": text},
    ]
    write_jsonl(tmp_path / "in.jsonl", lines)

    _run_in_process(tmp_path / "in.jsonl", tmp_path / "out.jsonl")

    rows = read_output(tmp_path / "out.jsonl")
    assert [(row["id"], row.get("error")) for row in rows] == [
        (None, "not a JSON object: a number of 5,000 digits, over the limit of 4,300"),
        ("1.5", "record field 'id' must be a string or an integer, not a number with a "
                "fraction or an exponent"),
        ("true", "record field 'id' must be a string or an integer, not a boolean"),
        ("[1, null]", "record field 'id' must be a string or an integer, not an array"),
        ('{"a": 1}', "record field 'id' must be a string or an integer, not an object"),
        (None, "record field 'id' is not valid Unicode text (lone surrogate at character 5)"),
        ("42", None),
    ]  # fmt: skip
    assert [row["source_row"] for row in rows] == list(range(1, 8))


def test_parquet_ids_of_other_types_are_refused_in_our_words(tmp_path: Path) -> None:
    records = make_records(2)
    write_parquet(tmp_path / "floats.parquet", [{**r, "id": 1.0 + n} for n, r in
                                                enumerate(records)], 10)  # fmt: skip
    write_parquet(tmp_path / "bytes.parquet", [{**r, "id": b"\x00\xff"} for r in records], 10)

    for name, shown, kind in (
        ("floats", "1.0", "a number with a fraction or an exponent"),
        ("bytes", None, "a value of type bytes"),
    ):
        _run_in_process(tmp_path / f"{name}.parquet", tmp_path / f"{name}.jsonl")
        row = read_output(tmp_path / f"{name}.jsonl")[0]
        assert (row["id"], row["error"]) == (
            shown, f"record field 'id' must be a string or an integer, not {kind}"
        ), name


def test_an_engine_failure_row_shows_an_odd_id_as_json_too(tmp_path: Path) -> None:
    def crash(record: dict[str, Any], options: Any) -> dict[str, Any]:
        raise RuntimeError("kaboom")

    write_jsonl(tmp_path / "in.jsonl", [{"id": odd, "text": "x"} for odd in (True, "s", 7)])
    output = Output.at(tmp_path / "out", "jsonl")
    plan = plan_partitions(find_inputs(str(tmp_path / "in.jsonl")))
    begin(output, _manifest_of(plan))
    summarize_partition(plan.partitions[0], output, summarize=crash)
    rows = read_output(tmp_path / "out")
    assert [row["id"] for row in rows] == ["true", "s", "7"]
    assert {row["error"] for row in rows} == {"engine failure: RuntimeError: kaboom"}


@pytest.mark.parametrize("line", ['{"id": ' + "9" * 5000 + "}", "[" + "1" * 4400 + "]"])
def test_no_python_wording_for_long_numbers(tmp_path: Path, line: str) -> None:
    write_jsonl(tmp_path / "in.jsonl", [line])
    _run_in_process(tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    (row,) = read_output(tmp_path / "out.jsonl")
    assert "over the limit of 4,300" in row["error"], row
    assert "sys." not in row["error"] and "Exceeds" not in json.dumps(row)


def test_repeated_ids_are_counted_and_the_first_named_with_their_places(tmp_path: Path) -> None:
    records = make_records(12)
    for twin, of in ((3, 1), (7, 1), (9, 2), (10, 4), (11, 5)):
        records[twin]["id"] = records[of]["id"]
    records[0]["id"] = "x" * 100
    write_jsonl(tmp_path / "in.jsonl", [*records, {"id": "x" * 100, "text": "x"}, "{broken"])
    output = Output.at(tmp_path / "out", "jsonl")
    plan = plan_partitions(find_inputs(str(tmp_path / "in.jsonl")), partition_size=4)
    begin(output, _manifest_of(plan))
    tally = IdTally()
    for partition in plan.partitions:
        tally.add(summarize_partition(partition, output).id_digests)

    found = find_duplicates(output, list(range(len(plan.partitions))), tally)

    assert found is not None and (found.ids, found.rows) == (5, 11)
    assert found.describe() == (
        f'5 ids are on more than one row (11 rows, all kept): "{"x" * 60}…" (in.jsonl:1, '
        'in.jsonl:13), "art-00001" (in.jsonl:2, in.jsonl:4 and 1 more), "art-00002" '
        "(in.jsonl:3, in.jsonl:10) and 2 more"
    )


def test_no_repeat_no_word_and_no_second_reading(tmp_path: Path) -> None:
    tally = IdTally()
    tally.add(id_digests(["a", "b", None, "c"]))
    assert len(tally.digests) == 3 * ID_DIGEST_BYTES
    # The parts are not read when no digest repeats: there are none here to read.
    assert find_duplicates(Output.at(tmp_path / "out"), [0, 1], tally) is None
