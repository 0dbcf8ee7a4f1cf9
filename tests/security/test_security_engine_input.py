"""Hostile article input reaching the engine and the CLI (issue 10, items 10, 11 and 13).

- a record's ``lang`` or ``title`` of the wrong type, and JSON nested 200,000 deep (a
  record, a summary file for ``verify``, a line of an evaluation file): one line on the
  CLI (exit 2) and an error row from ``summarize_record``, never a traceback; JSON-LD
  nested past the parser's depth inside a page is skipped;
- zero-width characters inside words: the language is still found, so the notices and
  links of that language are still cut;
- control and bidirectional characters in titles and text never reach a terminal.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import intisari
from data_paths import EXAMPLE_ARTICLE, need
from intisari.cli import app
from intisari.errors import InputError
from intisari.ingest.records import parse_record
from intisari.pipeline import summarize_record
from intisari.result import join_spans

STORY = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. "
    "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk."
)
#: Deep enough to overflow the JSON parser's recursion (the issue's 200,000).
DEPTH = 200_000

runner = CliRunner()


def _one_line_error(result, message: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("field", "value"), [("lang", 5), ("title", 7), ("lang", [1])])
def test_record_field_of_the_wrong_type_is_an_error_row_and_one_cli_line(
    field: str, value: object, tmp_path: Path
) -> None:
    record = {"id": "r1", "text": STORY, field: value}
    assert summarize_record(record) == {
        "id": "r1",
        "error": f"record field {field!r} must be a string",
    }
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    _one_line_error(runner.invoke(app, ["summarize", str(path)]), "must be a string")


def test_an_integer_id_is_still_a_string_id() -> None:
    assert summarize_record({"id": 17, "text": STORY})["id"] == "17"


@pytest.mark.parametrize(
    "document",
    ["[" * DEPTH, '{"text": ' + "[" * DEPTH, '{"text": "a", "x": ' + '{"a": ' * DEPTH + "}"],
)
def test_deeply_nested_json_is_one_line_error(document: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        parse_record(document)
    path = tmp_path / "deep.json"
    path.write_text(document, encoding="utf-8")
    _one_line_error(runner.invoke(app, ["summarize", str(path)]), "nested too deeply")
    if document.startswith("{"):  # Read as a record from stdin too.
        _one_line_error(runner.invoke(app, ["summarize", "-"], input=document + "}"), "nested")


def test_json_ld_nested_past_the_parsers_depth_is_skipped_not_a_crash(tmp_path: Path) -> None:
    """A 3 KB page whose JSON-LD opens 1,000 lists raised RecursionError through
    ``summarize`` (the CLI's traceback, the API's 500): that block is skipped like a
    broken one, and the page gets its box."""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in STORY.split(". "))
    page = (
        '<html><head><script type="application/ld+json">' + "[" * 1000 + "]" * 1000
        + f"</script></head><body><article>{paragraphs}</article></body></html>"
    )
    assert intisari.summarize(html=page).takeaways
    assert "error" not in summarize_record({"id": "p", "html": page})
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path)])
    assert result.exit_code == 0 and "Traceback" not in result.output


def test_a_summary_file_nested_too_deeply_is_one_line_error(tmp_path: Path) -> None:
    article, summary = tmp_path / "article.txt", tmp_path / "summary.json"
    article.write_text(STORY, encoding="utf-8")
    summary.write_text("[" * DEPTH + "]" * DEPTH, encoding="utf-8")
    _one_line_error(
        runner.invoke(app, ["verify", str(article), str(summary)]), "nested too deeply"
    )


def test_an_evaluation_file_nested_too_deeply_is_one_line_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("[" * DEPTH + "\n", encoding="utf-8")
    _one_line_error(runner.invoke(app, ["evaluate", str(corpus)]), "nested too deeply")


def test_an_integer_too_long_to_convert_is_one_line_error() -> None:
    with pytest.raises(InputError, match="not a JSON object"):
        parse_record('{"text": "a", "count": ' + "9" * 5000 + "}")


@pytest.mark.data
def test_zero_width_characters_inside_words_do_not_hide_the_language() -> None:
    """U+200B between the letters of every word made the example article English: its AI
    notice, the box heading and the MEMBACA link stayed in the text."""
    article = need(EXAMPLE_ARTICLE).read_text(encoding="utf-8")
    hidden = re.sub(r"(?<=\w)(?=\w)", "\u200b", article)
    summary = intisari.summarize(hidden)
    plain = intisari.summarize(article)
    assert summary.language == "id"
    assert {"ai-notice", "box-heading", "related-link"} <= {r.reason for r in summary.removed}
    assert "MEMBACA" not in summary.text and "Yahoo" not in summary.text
    assert summary.text == plain.text
    assert [t.text for t in summary.takeaways] == [t.text for t in plain.takeaways]
    for takeaway in summary.takeaways:  # The grounding invariant: spans into the text.
        pieces = join_spans(summary.text, takeaway.spans)
        assert " ".join(pieces.split()) == " ".join(takeaway.text.split())


#: ESC (a colour and a title-setting sequence), BEL, C1 CSI, DEL, and bidi overrides.
HOSTILE = "\x1b[31m\x1b]0;owned\x07\x9b2J\x7f\u202e\u2066\u200f"


def _terminal_unsafe(text: str) -> list[str]:
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")
    ]


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_control_characters_never_reach_the_terminal(fmt: str, tmp_path: Path) -> None:
    """From ``--title``, and from a JSON record's title and text (JSON escapes them, so
    the CLI's check for binary input does not see them)."""
    title = f"Jalur {HOSTILE}Sepeda Baru"
    text = f"{STORY} Warga{HOSTILE} menyambut baik pembangunan jalur itu dengan gembira."
    record = tmp_path / "record.json"
    record.write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")
    given = runner.invoke(app, ["summarize", "-", "-f", fmt, "--title", title], input=STORY)
    from_record = runner.invoke(app, ["summarize", str(record), "-f", fmt, "-n", "5"])
    for result in (given, from_record):
        assert result.exit_code == 0, result.output
        assert _terminal_unsafe(result.stdout) == []
        if fmt == "md":  # The text format prints no title.
            assert "# Jalur [31m]0;owned2JSepeda Baru" in result.stdout.replace("\\", "")
    assert "Warga[31m]0;owned2J menyambut" in from_record.stdout.replace("\\", "")


def test_titles_are_one_line_without_invisible_characters() -> None:
    summary = intisari.summarize(STORY, title=f"  Jalur\u200b\nSepeda{HOSTILE}\tBaru ")
    assert summary.title == "Jalur Sepeda[31m]0;owned2J Baru"
