"""``intisari verify ARTICLE SUMMARY``: summaries as text, bullets or JSON; one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app_fixtures import ARTICLE
from intisari.cli import app

#: The rice-price article the web tests use: a real-looking Indonesian story.
STORY = ARTICLE
GOOD = "Pemerintah kota berencana menggelar operasi pasar di 31 kecamatan."
BAD = "Pemerintah Kota Bandung menggelar operasi pasar di 31 kecamatan mulai Selasa depan."

runner = CliRunner()


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["verify", *args], input=stdin)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_bullets_from_a_file_give_a_verdict_each(story: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text(f"- {GOOD}\n- {BAD}\n", encoding="utf-8")
    result = run(str(story), str(summary))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    good, bad = data["statements"]
    assert (good["label"], bad["label"]) == ("supported", "unsupported")
    assert {(r["kind"], r["text"]) for r in bad["reasons"]} >= {("name", "Bandung"),
                                                                ("date", "Selasa")}
    assert data["label"] == "unsupported" and data["engine"]["method"]


def test_summary_text_as_the_argument_and_text_output(story: Path) -> None:
    result = run(str(story), BAD, "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("unsupported")
    assert "    name: Bandung" in result.stdout
    assert "    evidence [" in result.stdout


def test_summarize_output_can_be_verified(story: Path, tmp_path: Path) -> None:
    box = runner.invoke(app, ["summarize", str(story)])
    assert box.exit_code == 0
    summary = tmp_path / "box.json"
    summary.write_text(box.stdout, encoding="utf-8")
    result = run(str(story), str(summary))
    assert result.exit_code == 0, result.output
    labels = {s["label"] for s in json.loads(result.stdout)["statements"]}
    assert labels == {"supported"}


def test_article_from_stdin_and_summary_as_json(tmp_path: Path) -> None:
    summary = tmp_path / "s.json"
    summary.write_text(json.dumps([GOOD]), encoding="utf-8")
    result = run("-", str(summary), stdin=STORY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["statements"][0]["text"] == GOOD


@pytest.mark.parametrize(
    "summary",
    # The last, longer than a file name may be, raised "File name too long".
    ["Bagus", "Harga naik menjadi Rp 5.000/kg.", "Pemerintah menaikkan harga. " * 12],
)
def test_a_summary_that_names_no_file_is_the_text_itself(story: Path, summary: str) -> None:
    """"Bagus" was read as a file name ("cannot read Bagus")."""
    result = run(str(story), summary, "--format", "json")
    assert result.exit_code == 0, result.output
    assert summary.startswith(json.loads(result.stdout)["statements"][0]["text"])


#: A statement the article only partly says: ``unclear``.
PARTIAL = "Pemerintah kota menggelar operasi pasar."


@pytest.mark.parametrize(
    ("summary", "fail_on", "exit_code"),
    [
        (GOOD, None, 0),
        (BAD, None, 0),  # no gate asked: the verdicts are the output, as before
        (GOOD, "unsupported", 0),
        (PARTIAL, "unsupported", 0),
        (BAD, "unsupported", 1),
        (PARTIAL, "unclear", 1),
        (BAD, "unclear", 1),
        (GOOD, "unclear", 0),
    ],
)
def test_fail_on_gates_ci_on_the_labels_asked(
    story: Path, summary: str, fail_on: str | None, exit_code: int
) -> None:
    """``verify ARTICLE SUMMARY`` exited 0 on an unsupported statement, so a CI job could
    not gate on it (a new user's report): ``--fail-on`` is a threshold, as a linter's
    severity, and the verdicts are printed whatever the exit."""
    gate = [] if fail_on is None else ["--fail-on", fail_on]
    result = run(str(story), summary, "--format", "text", *gate)
    assert result.exit_code == exit_code, result.output
    assert result.stdout.startswith(("supported", "unsupported", "unclear"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{story}", "missing.txt"], "cannot read missing.txt"),
        (["{story}", "folder/missing"], "cannot read folder/missing"),
        (["{story}", ""], "the summary is empty"),
        (["{story}", "{empty}"], "the summary is empty"),
        (["{story}", "{badjson}"], "summary is not valid JSON"),
        (["-", "-"], "only one of the article and the summary"),
        (["{story}", GOOD, "--format", "xml"], "unknown format 'xml'"),
        (["{story}", GOOD, "--fail-on", "supported"], "unknown --fail-on 'supported'"),
        (["{short}", GOOD], "at least 15 are needed"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    story: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    files = {"story": story, "empty": tmp_path / "empty.txt", "badjson": tmp_path / "b.json",
             "short": tmp_path / "short.txt"}
    files["empty"].write_text("\n - \n", encoding="utf-8")
    files["badjson"].write_text("[not json", encoding="utf-8")
    files["short"].write_text("Terlalu pendek.", encoding="utf-8")
    result = run(*[a.format(**files) for a in args])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.output
