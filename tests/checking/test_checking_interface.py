"""The checker's public interface, as the CLI, the API and the LLM mode call it."""

from __future__ import annotations

import pytest

import intisari
from data_paths import EXAMPLE_ARTICLE, need
from intisari.checking import StatementCheck, check_statements
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

pytestmark = pytest.mark.data


def test_verify_checks_each_bullet_against_the_example_article() -> None:
    article = need(EXAMPLE_ARTICLE).read_text(encoding="utf-8")
    result = intisari.verify(
        article,
        summary="- Moskow pada hari Jumat menolak keras kehadiran pasukan NATO di Ukraina.\n"
        "- Vladimir Putin mengalahkan Joe Biden dalam pemilu.",
    )
    assert result.language == "id"
    first, second = result.statements
    assert first.label == "supported"
    start, end = first.evidence[0]
    assert result.text[start:end].startswith("Moskow pada hari Jumat menolak keras")
    assert second.label == "unsupported"
    assert {"name"} <= {r.kind for r in second.reasons}
    assert result.label == "unsupported" and result.score == second.score


def test_check_statements_takes_a_document_and_a_list() -> None:
    article = need(EXAMPLE_ARTICLE).read_text(encoding="utf-8")
    document = read_article(
        text=article, html=None, url=None, title=None, lang=None, options=DEFAULT_OPTIONS
    ).document
    checks = check_statements(document, ["Peskov menyatakan NATO memandang Rusia sebagai musuh."])
    assert isinstance(checks[0], StatementCheck)
    assert checks[0].label == "supported"


def test_verify_reads_html_like_summarize() -> None:
    article = need(EXAMPLE_ARTICLE).read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n")[1:])
    html = f"<html lang='id'><head><title>Kremlin</title></head><body>{paragraphs}</body></html>"
    result = intisari.verify(
        html=html, summary=["Peskov menyatakan NATO memandang Rusia sebagai musuh."]
    )
    assert result.language == "id"
    assert result.statements[0].label == "supported"
    start, end = result.statements[0].evidence[0]
    assert "Peskov menyatakan NATO" in result.text[start:end]


def test_summary_score_is_the_weakest_statement() -> None:
    article = need(EXAMPLE_ARTICLE).read_text(encoding="utf-8")
    result = intisari.verify(
        article, summary="Peskov menyatakan NATO memandang Rusia sebagai musuh. "
        "Peskov menyatakan NATO tidak memandang Rusia sebagai musuh."
    )
    assert len(result.statements) == 2  # a paragraph is checked sentence by sentence
    assert result.score == min(s.score for s in result.statements)
    assert [s.label for s in result.statements] == ["supported", "unsupported"]
