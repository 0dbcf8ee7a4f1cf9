"""``intisari summarize``: formats, inputs, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from data_paths import EXAMPLE_ARTICLE, need
from intisari.cli import app

STORY = (
    "Bandung Resmikan Jalur Sepeda\n\n"
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer pada "
    "Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. Wali kota "
    "mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk. Warga "
    "menyambut baik pembangunan jalur yang dilengkapi lampu penerangan dan rambu."
)

runner = CliRunner()


def run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["summarize", *args], input=stdin)


def test_json_from_stdin() -> None:
    result = run("-", stdin=STORY)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "Bandung Resmikan Jalur Sepeda"
    assert data["language"] == "id" and 1 <= len(data["takeaways"]) <= 5


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("md", "## Intisari Utama"), ("text", "Intisari Utama\n\n• "), ("html", "<aside")],
)
def test_formats(fmt: str, marker: str) -> None:
    result = run("-", "--format", fmt, "--count", "2", stdin=STORY)
    assert result.exit_code == 0 and marker in result.stdout


def test_markdown_is_md_by_its_full_name() -> None:
    """``--format markdown`` was refused as an unknown format (a new user's report)."""
    full = run("-", "--format", "markdown", "--count", "2", stdin=STORY)
    assert full.exit_code == 0, full.output
    assert full.stdout == run("-", "--format", "md", "--count", "2", stdin=STORY).stdout


def test_files_of_each_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    body = STORY.split("\n\n", 1)[1]
    (tmp_path / "a.html").write_text(
        f'<html lang="id"><head><title>Jalur</title></head><body><p>{body}</p></body></html>',
        encoding="utf-8",
    )
    record = {"id": "r1", "text": STORY, "count": 1, "lang": "id"}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    assert json.loads(run(str(tmp_path / "a.txt")).stdout)["title"].startswith("Bandung")
    assert json.loads(run(str(tmp_path / "a.html")).stdout)["title"] == "Jalur"
    data = json.loads(run(str(tmp_path / "a.json")).stdout)
    assert (data["id"], len(data["takeaways"])) == ("r1", 1)
    # The command line wins over the record.
    assert len(json.loads(run(str(tmp_path / "a.json"), "-n", "2").stdout)["takeaways"]) == 2


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["-"], "", "the text is empty"),
        (["-"], "Terlalu pendek.", "at least 15 are needed"),
        (["-"], b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        (["-"], b"caf\xe9 " * 10, "not valid UTF-8"),
        (["-"], b"a" * 2_000_001, "over the limit of 2,000,000"),
        # Over what any page may be: both limits are named (it said "the limit of
        # 10,000,000" alone, and a 5 MB text was then refused at 2,000,000).
        (["-"], b"a " * 5_000_001, "over the limits of 10,000,000 for a page and 2,000,000"),
        (["-"], '{"id": 1, "text": " "}', "the record's text is empty"),
        (["/no/such/file.txt"], None, "cannot read"),
        (["ftp://example.com/a"], None, "only http and https"),
        (["http://127.0.0.1:9/"], None, "refusing to fetch"),
        (["-", "--format", "pdf"], STORY, "unknown format"),
        (["-", "--count", "9"], STORY, "count must be between 1 and 5"),
        (["-"], '{"id": 1}', "record has none of text, html or url"),
        (["-", "--lang", "xx"], STORY, "unknown language code 'xx'"),
        (["-", "--lang", "english"], STORY, "give an ISO 639-1 code"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], stdin, message: str) -> None:
    result = run(*args, stdin=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_jsonl_of_several_records_points_to_batch(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2 and "intisari batch" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_utf16_or_utf32_file_with_its_mark_reads_as_its_utf8_twin(
    tmp_path: Path, encoding: str
) -> None:
    """``iconv -t utf-16 ex.txt > u16.txt; intisari summarize u16.txt`` was refused as
    "input looks binary (NUL bytes)" (a new user's report)."""
    (tmp_path / "u8.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(STORY.encode(encoding))
    wide = run(str(tmp_path / "wide.txt"))
    assert wide.exit_code == 0, wide.output
    assert wide.stdout == run(str(tmp_path / "u8.txt")).stdout


def test_utf16_without_its_mark_is_named_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "u16le.txt").write_bytes(STORY.encode("utf-16-le"))
    result = run(str(tmp_path / "u16le.txt"))
    assert result.exit_code == 2
    assert result.output == (
        "intisari: error: input looks like UTF-16 without a byte order mark; save it as "
        "UTF-8 (or UTF-16 with its mark)\n"
    )


@pytest.mark.data
def test_the_example_article_in_a_real_process() -> None:
    command = [sys.executable, "-m", "intisari", "summarize", str(need(EXAMPLE_ARTICLE))]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["language"] == "id" and 1 <= len(data["takeaways"]) <= 5
    assert not any("MEMBACA" in t["text"] or "Audi" in t["text"] for t in data["takeaways"])


def test_bad_input_in_a_real_process() -> None:
    command = [sys.executable, "-m", "intisari", "summarize", "-"]
    done = subprocess.run(
        command, input=b"\x00\x01binary", capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        "intisari: error: input looks binary (NUL bytes), expected text or HTML"
    ]


@pytest.mark.parametrize("lang", ["id", "en", "fr", "de", "id-ID", "en_US"])
def test_known_language_codes_are_accepted(lang: str) -> None:
    result = run("-", "--lang", lang, "--format", "json", stdin=STORY)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["language"] == lang[:2]


@pytest.mark.data
@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_aggregators_notice_is_no_bullet_whatever_language_is_declared(lang: str) -> None:
    """``--lang fr`` used to turn the Indonesian aggregator's AI notice into 3 of 4
    bullets: notices of every language with rules are cut whatever the language."""
    result = run(str(need(EXAMPLE_ARTICLE)), "--lang", lang, "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert "ai-notice" in [r["reason"] for r in summary["removed"]]
    for takeaway in summary["takeaways"]:
        assert "AI" not in takeaway["text"] and "Intisari Utama" not in takeaway["text"]


@pytest.mark.parametrize("command", ["summarize", "batch"])
def test_help_says_what_an_omitted_count_means(command: str) -> None:
    """The help's markup reads "[default: ...]" as a tag: "--count" had shown "1-5 ."."""
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    shown = " ".join(result.output.replace("│", " ").split())
    assert "1-5 ." not in shown and ("sized to the article" in shown or "sized as" in shown)
