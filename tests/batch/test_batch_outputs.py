"""Output layout, atomic parts, the manifest that guards --resume, and joining the parts."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import intisari
from batch_helpers import STORIES, read_output
from intisari.batch.errors import BatchError
from intisari.batch.outputs import (
    MANIFEST_NAME,
    Manifest,
    Output,
    OutputFormat,
    begin,
    claim,
    finish,
    prepare,
    to_parquet_row,
    write_part,
)

SUMMARY = {
    "id": "a1",
    "language": "id",
    "language_supported": True,
    "title": None,
    "text": "Satu dua tiga. Empat lima.",
    "takeaways": [{"text": "Satu dua tiga.", "spans": [[0, 14]], "score": 0.5}],
    "notice": "Intisari ini dibuat oleh AI.",
    "removed": [{"text": "Baca juga: x", "reason": "related-link"}],
    "engine": {"name": "intisari", "version": "0.1.0", "method": "heuristic"},
    "source_file": "in.jsonl",
    "source_row": 1,
}
ERROR = {"id": None, "error": "not a JSON object", "source_file": "in.jsonl", "source_row": 2}


def _manifest(fingerprint: str = "f" * 64, parts: int = 2, **changes: object) -> Manifest:
    fields: dict[str, object] = {
        "fingerprint": fingerprint,
        "partition_size": 1,
        "partition_bytes": 100,
        "format": "parquet",
        "include_text": True,
        "count": 3,
        "records": parts,
        "parts": [{"file": "in.jsonl", "first_row": n + 1, "records": 1} for n in range(parts)],
    }
    fields.update(changes)
    return Manifest(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("out.jsonl", None, (OutputFormat.JSONL, True)),
        ("out.parquet", None, (OutputFormat.PARQUET, True)),
        ("out", None, (OutputFormat.PARQUET, False)),
        ("out", "jsonl", (OutputFormat.JSONL, False)),
    ],
)
def test_the_output_name_decides_file_or_folder(
    tmp_path: Path, name: str, fmt: str | None, expected: tuple[OutputFormat, bool]
) -> None:
    output = Output.at(tmp_path / name, fmt)
    assert (output.fmt, output.single_file) == expected
    assert output.parts_dir == (tmp_path / f"{name}.parts" if expected[1] else tmp_path / name)


def test_a_folder_may_have_a_dot_in_its_name_but_not_a_files_ending(tmp_path: Path) -> None:
    assert not Output.at(tmp_path / "takeaways-2024.06").single_file
    with pytest.raises(BatchError, match=r"batch writes no \.csv file"):
        Output.at(tmp_path / "out.csv")
    (tmp_path / "out.csv").mkdir()  # a folder so named already: it is one, as before
    assert Output.at(tmp_path / "out.csv").parts_dir == tmp_path / "out.csv"


def test_a_format_that_contradicts_the_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="does not match"):
        Output.at(tmp_path / "out.jsonl", "parquet")
    with pytest.raises(BatchError, match="unknown format"):
        Output.at(tmp_path / "out", "csv")


def test_a_parquet_row_flattens_the_engine_and_keeps_the_nested_lists() -> None:
    row = to_parquet_row(SUMMARY)
    assert row["engine_version"] == "0.1.0" and "engine" not in row
    assert row["takeaways"] == SUMMARY["takeaways"]


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_a_part_appears_complete_with_no_temporary_file_left(tmp_path: Path, fmt: str) -> None:
    output = Output.at(tmp_path / "out", fmt)
    output.parts_dir.mkdir()

    path = write_part([SUMMARY, ERROR], output, 7)

    assert sorted(p.name for p in tmp_path.joinpath("out").iterdir()) == [f"part-000007.{fmt}"]
    rows = read_output(path)
    assert [row["id"] for row in rows] == ["a1", None]
    assert rows[1]["error"] == "not a JSON object"
    assert rows[0]["takeaways"][0]["spans"] == [[0, 14]]


def test_a_part_that_fails_while_written_leaves_nothing_behind(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out", "jsonl")
    output.parts_dir.mkdir()
    unserializable = {**ERROR, "error": object()}

    with pytest.raises(TypeError):
        write_part([SUMMARY, unserializable], output, 0)

    assert list(output.parts_dir.iterdir()) == []


def test_without_text_the_column_is_gone(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out", include_text=False)
    output.parts_dir.mkdir()
    path = write_part([SUMMARY, ERROR], output, 0)
    assert "text" not in pq.read_schema(path).names
    assert "takeaways" in pq.read_schema(path).names


def test_prepare_starts_a_job_and_then_guards_it(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out")
    assert prepare(output, _manifest(), resume=False) == set()
    assert not output.parts_dir.exists()  # a job that fails to start leaves nothing
    begin(output, _manifest())
    recorded = json.loads((output.parts_dir / MANIFEST_NAME).read_text())
    assert recorded["fingerprint"] == "f" * 64 and len(recorded["parts"]) == 2

    with pytest.raises(BatchError, match="--resume"):
        prepare(output, _manifest(), resume=False)
    with pytest.raises(BatchError, match="different input"):
        prepare(output, _manifest(fingerprint="0" * 64), resume=True)
    with pytest.raises(BatchError, match="different partition_size"):
        prepare(output, _manifest(partition_size=2), resume=True)


def test_resume_finds_finished_parts_and_clears_what_a_crash_left(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out")
    begin(output, _manifest())
    write_part([SUMMARY], output, 1)
    leftover = output.parts_dir / ".part-000000.parquet.0123abcd.tmp"
    leftover.write_bytes(b"half a file")

    assert prepare(output, _manifest(), resume=True) == {1}
    assert not leftover.exists()


@pytest.mark.parametrize("name", ["out", "out.jsonl"])
def test_a_second_claim_on_one_output_is_refused_and_leaves_nothing(
    tmp_path: Path, name: str
) -> None:
    output = Output.at(tmp_path / name)
    refused = r"being written by another run \(process \d+ on "
    with claim(output):
        with pytest.raises(BatchError, match=refused), claim(Output.at(tmp_path / name)):
            pass
        assert (output.parts_dir / ".lock").is_file()
    assert list(tmp_path.iterdir()) == []  # nothing written: the folders made for it gone


def test_the_lock_a_crashed_run_left_neither_blocks_nor_fills_the_output(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out")
    output.parts_dir.mkdir()
    (output.parts_dir / ".lock").write_text("process 1 on elsewhere")  # its holder is gone
    with claim(output):
        assert prepare(output, _manifest(), resume=False) == set()
        begin(output, _manifest())
    assert [path.name for path in output.parts_dir.iterdir()] == [MANIFEST_NAME]


def test_resume_of_a_single_file_clears_a_killed_join_and_nothing_else(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out.jsonl")
    begin(output, _manifest())
    killed_join = tmp_path / f".out.jsonl.{'0123abcd' * 4}.tmp"
    killed_join.write_bytes(b'{"id": "a1", "te')
    others = [tmp_path / ".out.jsonl.notes.tmp", tmp_path / f".other.jsonl.{'0' * 32}.tmp"]
    for other in others:
        other.write_text("not ours")

    assert prepare(output, _manifest(), resume=True) == set()
    assert not killed_join.exists() and all(other.exists() for other in others)


def test_a_finished_folder_keeps_no_half_written_part(tmp_path: Path) -> None:
    output = Output.at(tmp_path / "out")
    begin(output, _manifest(parts=1))
    write_part([SUMMARY], output, 0)
    (output.parts_dir / f".part-000000.parquet.{'0' * 32}.tmp").write_bytes(b"PAR1 half")

    finish(output, 1)

    left = sorted(p.name for p in output.parts_dir.iterdir())
    assert left == [MANIFEST_NAME, "part-000000.parquet"]


def test_a_folder_that_is_not_a_job_is_not_written_into(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(BatchError, match="not empty"):
        prepare(Output.at(tmp_path / "out"), _manifest(), resume=False)


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_finish_joins_the_parts_in_order_into_one_file(tmp_path: Path, name: str) -> None:
    output = Output.at(tmp_path / name)
    begin(output, _manifest())
    write_part([{**SUMMARY, "id": "second"}], output, 1)
    write_part([SUMMARY, ERROR], output, 0)

    (tmp_path / f".{name}.{'f' * 32}.tmp").write_bytes(b"a join killed earlier")

    finish(output, 2)

    assert [row["id"] for row in read_output(tmp_path / name)] == ["a1", None, "second"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_parquet_keeps_how_each_takeaway_was_made(tmp_path: Path) -> None:
    """``--method llm`` rows: a takeaway's origin and an LLM bullet's evidence survive."""
    llm = {"text": "Empat dan lima.", "spans": [], "score": 0.9, "origin": "llm",
           "evidence": [[15, 26]]}  # fmt: skip
    extracted = {"text": "Satu dua tiga.", "spans": [[0, 14]], "score": 0.5,
                 "origin": "extract", "evidence": None}  # fmt: skip
    engine = {"name": "intisari", "version": "0.1.0", "method": "llm", "model": "g",
              "fallback": None}  # fmt: skip
    fell_back = {**SUMMARY, "id": "b", "engine": {**engine, "fallback": "http-404"}}
    row = {**SUMMARY, "takeaways": [extracted, llm], "engine": engine}
    output = Output.at(tmp_path / "out")
    output.parts_dir.mkdir()
    back, _error, extracted_back = read_output(write_part([row, ERROR, fell_back], output, 0))
    assert back["takeaways"] == [extracted, llm]
    assert (back["engine_method"], back["engine_model"]) == ("llm", "g")
    # Which boxes were made without the LLM: a column to filter on, as in the JSONL rows.
    assert (back["engine_fallback"], extracted_back["engine_fallback"]) == (None, "http-404")


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_every_output_keeps_a_pages_source(tmp_path: Path, name: str) -> None:
    """A page's site, date, byline and address were in JSONL rows and not in Parquet, whose
    schema had no ``source`` column (a new user's report): all outputs share one shape."""
    page = (
        "<html><head><title>Taman baru di Dago</title>"
        '<meta property="og:site_name" content="Kabar Bandung">'
        '<meta property="article:published_time" content="2024-05-06T08:00:00+07:00">'
        '<meta name="author" content="Rina Ayu">'
        '<link rel="canonical" href="https://kabar.example/taman-dago">'
        "</head><body><article><h1>Taman baru di Dago</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in STORIES[0].split("\n\n"))
        + "</article></body></html>"
    )
    summary = intisari.summarize_record({"id": "page", "html": page})
    assert summary["source"]["site_name"] == "Kabar Bandung"
    text_row = {**intisari.summarize_record({"id": "text", "text": STORIES[0]})}
    rows = [{**row, "source_file": "in.jsonl", "source_row": n + 1}
            for n, row in enumerate([summary, text_row])]  # fmt: skip
    output = Output.at(tmp_path / name)
    begin(output, _manifest(parts=1))
    write_part([*rows, ERROR], output, 0)
    finish(output, 1)

    back = read_output(tmp_path / name)
    assert [row.get("source") for row in back] == [summary["source"], None, None]
    if name.endswith(".parquet"):
        field = pq.read_schema(tmp_path / name).field("source")
        assert [child.name for child in field.type] == ["site_name", "published", "author", "url"]


@pytest.mark.parametrize("version", [1, 2])
def test_resume_refuses_parts_of_an_earlier_layout(tmp_path: Path, version: int) -> None:
    """Parts without ``source`` (version 1) or ``engine_fallback`` (2) cannot be joined
    with parts that have them."""
    output = Output.at(tmp_path / "out")
    begin(output, _manifest(version=version))
    with pytest.raises(BatchError, match="different version"):
        prepare(output, _manifest(), resume=True)


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet"])
def test_a_single_file_in_the_way_is_replaced_only_when_told(tmp_path: Path, name: str) -> None:
    """An earlier out.jsonl was silently replaced, as ``cp`` would, where a folder holding
    an earlier job was refused (an operator's trial, F16)."""
    earlier = tmp_path / name
    earlier.write_bytes(b"an earlier job's rows")
    output = Output.at(earlier)

    with pytest.raises(BatchError) as refused:
        prepare(output, _manifest(), resume=False)
    assert str(refused.value) == (
        f"{earlier} exists; add --overwrite to replace it once the new one is complete, "
        "or name another output"
    )
    with pytest.raises(BatchError, match=r"exists \(a finished job's: nothing to resume\)"):
        prepare(output, _manifest(), resume=True)
    assert prepare(output, _manifest(), resume=False, overwrite=True) == set()
    assert earlier.read_bytes() == b"an earlier job's rows"


def test_overwrite_names_no_folder(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match=r"--overwrite replaces a single \.jsonl or \.parquet"):
        prepare(Output.at(tmp_path / "out"), _manifest(), resume=False, overwrite=True)


def test_a_file_that_appeared_while_the_job_ran_is_kept_and_so_are_the_parts(
    tmp_path: Path,
) -> None:
    output = Output.at(tmp_path / "out.jsonl")
    begin(output, _manifest(parts=1))
    write_part([SUMMARY], output, 0)
    output.target.write_bytes(b"written meanwhile by someone else")

    with pytest.raises(BatchError, match="appeared while this job ran and is kept"):
        finish(output, 1)

    assert output.target.read_bytes() == b"written meanwhile by someone else"
    assert output.part_path(0).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.jsonl.parts"]
    assert prepare(output, _manifest(parts=1), resume=True, overwrite=True) == {0}
    finish(output, 1, overwrite=True)
    assert [row["id"] for row in read_output(output.target)] == ["a1"]
