"""``intisari evaluate`` on a small fixture: all systems, every check, the three outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intisari.cli import app
from intisari.document import Document
from intisari.evaluation.harness import (
    ENGINE,
    ENGINE_FIXED,
    Regression,
    evaluate_records,
    summary_figures,
)
from intisari.evaluation.scoresheet import markdown
from intisari.ranking import UnsizedRanker

ID_TEXT = (
    "Jakarta, CNN Indonesia -- Pemerintah menaikkan harga bahan bakar minyak bersubsidi "
    "mulai Sabtu pekan ini.\n\n"
    "Harga Pertalite naik dari Rp7.650 menjadi Rp10.000 per liter di seluruh Indonesia.\n\n"
    "Baca juga: Antrean Panjang di SPBU Jelang Kenaikan Harga\n\n"
    "Presiden meminta masyarakat menghemat energi dan beralih ke transportasi umum.\n\n"
    "Bantuan langsung tunai disiapkan untuk 20 juta keluarga penerima manfaat."
)
EN_TEXT = (
    "The city council approved a new budget on Monday that doubles spending on buses. "
    "The plan adds 40 routes and lowers fares for students. "
    "However, critics said the money would be better spent on roads. "
    "The mayor will sign the budget next week, officials said."
)
RECORDS = [
    {"id": "id-1", "lang": "id", "text": ID_TEXT,
     "summary": "Pemerintah menaikkan harga BBM bersubsidi. Harga Pertalite naik menjadi "
                "Rp10.000 per liter."},
    {"id": "en-1", "lang": "en", "text": EN_TEXT,
     "summary": "City council doubles bus spending .\nMayor to sign budget next week ."},
]


def regression_case(
    takeaway: str, category: str = "inaccurate", id: str = "report-1"
) -> dict[str, object]:
    """A line as the service's ``GET /v1/reports/export`` writes it (see the contracts)."""
    return {
        "id": id, "summary_id": "s-1", "lang": "en", "title": None, "text": EN_TEXT,
        "takeaways": [{"text": takeaway, "spans": [[0, 1]], "score": 1.0}],
        "engine": {"name": "intisari", "version": "0.1.0", "method": "learned-mlp16"},
        "report": {"takeaway_index": 0, "category": category, "comment": None,
                   "status": "confirmed", "note": None, "created_at": "2025-01-01T00:00:00Z",
                   "reviewed_at": "2025-01-02T00:00:00Z"},
    }


def test_all_systems_on_every_article_with_every_check() -> None:
    evaluation = evaluate_records(RECORDS, source="fixture")
    names = [s.name for s in evaluation.systems]
    assert names == [ENGINE, ENGINE_FIXED, "lead-3", "lexrank"]
    for system in evaluation.systems:
        assert len(system.rows) == 2
        figures = summary_figures(system)
        assert figures["grounded"] == 100.0
        assert figures["boilerplate"] == 0.0  # "Baca juga" was cut by cleaning.
        assert 0 < figures["rouge1"] <= 100
        assert figures["articles_per_second"] > 0
    engine, fixed = evaluation.systems[:2]
    assert fixed.mean("takeaways") == 3
    assert 1 <= engine.mean("takeaways") <= 5
    # The engine never shows "However, ..." without the sentence it answers.
    assert engine.share("dangling") == 0.0


def test_a_baseline_sentence_of_one_character_is_scored() -> None:
    """A separator of dashes ("- -") leaves a sentence of one character, "-", which
    lead-3 takes as it is (McSweeney's page outside the shared set stopped the run)."""
    text = (
        "(To be recited by managers each morning before the first meeting.)\n\n- -\n\n"
        "I will empower my team to find their own solutions to my problems.\n\n"
        "I will be decisive in making crucial decisions that I do not understand."
    )
    record = {
        "id": "dash", "lang": "en", "title": "The Managers' Creed", "text": text,
        "summary": "A managers' creed.",
    }
    evaluation = evaluate_records([record], source="fixture")
    lead = next(s for s in evaluation.systems if s.name == "lead-3")
    assert lead.rows[0]["box"][1] == "-"


class FirstSentenceFirst(UnsizedRanker):
    """A ranker of the test's own: article order, so a one-bullet box is the first
    sentence whatever the learned model prefers."""

    name = "first-sentence"

    def score(self, document: Document) -> list[float]:
        return [1.0 / (1 + i) for i in range(len(document.sentences))]


def test_regression_cases_still_present_or_fixed() -> None:
    first = "The city council approved a new budget on Monday that doubles spending on buses."
    last = "The mayor will sign the budget next week, officials said."
    assert first in EN_TEXT and last in EN_TEXT
    records = [
        regression_case(first, id="in-the-box"),
        # Article text, but not in today's one-bullet box: fixed.
        regression_case(last, id="no-longer-written"),
        regression_case(first, category="missing-context", id="not-about-a-bullet"),
    ]
    evaluation = evaluate_records(records, source="reports", ranker=FirstSentenceFirst())
    assert evaluation.regressions == [
        Regression("in-the-box", "inaccurate", first, still_present=True),
        Regression("no-longer-written", "inaccurate", last, still_present=False),
    ]
    assert evaluation.systems[0].rows == []
    # Cases alone are no ROUGE run: no tables of zero articles "grounded 0.0".
    report = markdown(evaluation)
    assert "| system |" not in report and "nothing is scored with ROUGE" in report
    assert "Regressions still present: 1 of 2" in report
    # The case judged fixed is named, and so is the report that is no case.
    assert "No longer written (1)" in report and "`no-longer-written`" in report
    assert evaluation.unchecked == [
        {"id": "not-about-a-bullet", "reason": "category missing-context"}
    ]
    assert "## Confirmed reports not checked (1)" in report


def test_a_regression_case_names_the_bullet_the_reader_saw() -> None:
    """An editor may have changed the box after the report: the case's ``takeaway_text``
    is the bullet reported, whatever the engine's box held at that index."""
    first = "The city council approved a new budget on Monday that doubles spending on buses."
    case = regression_case("An engine bullet the editor reordered away.", id="moved")
    case["report"]["takeaway_text"] = first  # type: ignore[index]
    evaluation = evaluate_records([case], source="reports", ranker=FirstSentenceFirst())
    assert evaluation.regressions == [Regression("moved", "inaccurate", first, True)]


def test_a_report_on_a_bullet_an_editor_shortened_is_still_present() -> None:
    """The reader reported the editor's shorter bullet; the engine still writes the whole
    sentence the claim is in. It was counted as fixed ("21 of 22" in an operator's
    trial), and the report named no fixed case."""
    first = "The city council approved a new budget on Monday that doubles spending on buses."
    case = regression_case(first, id="shortened")
    case["report"]["takeaway_text"] = (  # type: ignore[index]
        "The city council approved a new budget on Monday."
    )
    evaluation = evaluate_records([case], source="reports", ranker=FirstSentenceFirst())
    assert evaluation.regressions == [
        Regression("shortened", "inaccurate", "The city council approved a new budget on Monday.",
                   still_present=True)
    ]


def test_a_report_on_the_whole_box_is_listed_as_not_checked() -> None:
    first = "The city council approved a new budget on Monday that doubles spending on buses."
    case = regression_case(first, id="whole-box")
    case["report"]["takeaway_index"] = None  # type: ignore[index]
    evaluation = evaluate_records([case], source="reports", ranker=FirstSentenceFirst())
    assert evaluation.regressions == []
    assert evaluation.unchecked == [{"id": "whole-box", "reason": "a report on the whole box"}]


def test_cli_writes_report_plot_and_worst_first_articles(tmp_path: Path) -> None:
    data = tmp_path / "fixture.jsonl"
    lines = [*RECORDS, {"id": "no-reference", "text": EN_TEXT}]
    data.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["evaluate", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "| intisari | 2 |" in result.output
    assert "no-reference" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "scores.png").read_bytes()[:4] == b"\x89PNG"
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert {r["id"] for r in rows} == {"id-1", "en-1"}
    engine = [r["systems"][ENGINE]["rouge1"] for r in rows]
    assert engine == sorted(engine)


@pytest.mark.parametrize(
    ("takeaway", "gate", "exit_code"),
    [
        (EN_TEXT.split(". ")[0] + ".", [], 0),  # no gate asked: exit 0, as before
        (EN_TEXT.split(". ")[0] + ".", ["--fail-on-regressions"], 1),
        ("A bullet no engine writes any more.", ["--fail-on-regressions"], 0),
    ],
)
def test_fail_on_regressions_gates_ci_on_a_case_still_present(
    tmp_path: Path, takeaway: str, gate: list[str], exit_code: int
) -> None:
    """``evaluate export.jsonl`` exited 0 on "Regressions still present: 1 of 1", so a
    nightly job could not fail on it (a new user's report)."""
    data = tmp_path / "export.jsonl"
    data.write_text(json.dumps(regression_case(takeaway)) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(data), *gate])
    assert result.exit_code == exit_code, result.output
    assert "Regressions still present:" in result.stdout


def test_fail_on_regressions_is_refused_where_there_are_none(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--pages", str(tmp_path),
                                      "--fail-on-regressions"])  # fmt: skip
    assert result.exit_code == 2
    assert "--fail-on-regressions gates a data file's regression cases" in result.output


def test_an_empty_export_is_nothing_to_evaluate_not_an_error(tmp_path: Path) -> None:
    """``GET /v1/reports/export`` with no confirmed report yet is empty: a nightly
    export-then-evaluate job failed on it (exit 2, an operator's trial)."""
    data = tmp_path / "export.jsonl"
    data.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(data)])
    assert result.exit_code == 0, result.output
    assert "holds no records: nothing to evaluate" in result.output


def test_cli_limit_reads_only_the_first_records(tmp_path: Path) -> None:
    data = tmp_path / "fixture.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(data), "--limit", "1"])
    assert result.exit_code == 0
    assert "| intisari | 1 |" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json\n", "not JSON"), ("[1, 2]\n", "not a JSON object")],
)
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(data)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output
