"""The engine end to end: the example article, the result's shape, the grounding rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import intisari
from adversarial_inputs import LONG_SENTENCES
from data_paths import EXAMPLE_ARTICLE, need
from intisari import Summary
from intisari.errors import InputTooShort, NoTakeaway
from intisari.ingest.metadata import PageSource
from intisari.pipeline import _standfirst
from intisari.result import join_spans

STORY = (
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer pada "
    "Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara. Wali kota "
    "mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam sibuk. Warga "
    "menyambut baik pembangunan jalur yang dilengkapi lampu penerangan dan rambu. Dinas "
    "perhubungan akan memantau penggunaan jalur selama tiga bulan pertama. Anggaran "
    "pembangunan jalur mencapai empat miliar rupiah dari dana daerah."
)


def assert_grounded(summary: Summary) -> None:
    """The grounding invariant, as the README states it (every takeaway is extracted here)."""
    for takeaway in summary.takeaways:
        assert takeaway.origin == "extract"
        joined = join_spans(summary.text, takeaway.spans)
        assert re.sub(r"\s+", " ", joined).strip() == re.sub(r"\s+", " ", takeaway.text).strip()


@pytest.mark.data
def test_the_example_article() -> None:
    summary = intisari.summarize(text=need(EXAMPLE_ARTICLE).read_text(encoding="utf-8"))
    assert summary.language == "id" and summary.language_supported
    assert summary.title == "Kremlin Sebut Kehadiran Pasukan NATO di Ukraina Ancaman bagi Moskow"
    # The automatic box: its size is the sizer's (3 since the reader's rules of
    # 2026-12-03, 5 before); the story's lead point is always in it.
    assert 3 <= len(summary.takeaways) <= 5
    assert summary.takeaways[0].text.startswith("Moskow pada hari Jumat menolak keras")
    for takeaway in summary.takeaways:
        assert len(takeaway.text.split()) <= 40
        assert not re.search(r"MEMBACA|Audi|Yahoo|ringkasan", takeaway.text)
    assert "MEMBACA" not in summary.text and "Yahoo" not in summary.text
    reasons = {r.reason for r in summary.removed if "MEMBACA" in r.text or "Yahoo" in r.text}
    assert reasons == {"related-link", "ai-notice"}
    assert_grounded(summary)


@pytest.mark.data
def test_the_readme_example_is_what_the_engine_prints() -> None:
    """The README shows the example article's JSON "as printed" (its text shortened); it
    had drifted from the engine (two scores, the title in ``removed``, ``source``)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### A real example"):]
    shown = json.loads(section[section.index("```json") + 7:section.index("\n```\n")])
    printed = intisari.summarize(need(EXAMPLE_ARTICLE).read_text(encoding="utf-8"))
    data = printed.model_dump(mode="json")
    assert data["text"].startswith(shown.pop("text").removesuffix(" ..."))
    assert {key: value for key, value in data.items() if key != "text"} == shown


def test_the_result_has_the_documented_shape() -> None:
    data = intisari.summarize(text=STORY, id="a-1").model_dump(mode="json")
    assert list(data) == [
        "id", "language", "language_supported", "title", "text", "takeaways", "notice",
        "removed", "engine", "source",
    ]  # fmt: skip
    assert data["id"] == "a-1"
    # source was added with the reader page's source line: a text has none.
    assert data["source"] is None
    # origin and evidence were added with --method llm; extracted takeaways have no evidence.
    assert set(data["takeaways"][0]) == {"text", "spans", "score", "origin", "evidence"}
    assert data["takeaways"][0]["origin"] == "extract"
    assert data["takeaways"][0]["evidence"] is None
    assert data["engine"]["name"] == "intisari" and data["engine"]["version"] == "0.1.0"
    assert data["notice"].startswith("Intisari ini dibuat dengan AI")


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_count_takeaways_in_article_order(count: int) -> None:
    summary = intisari.summarize(text=STORY, count=count)
    assert len(summary.takeaways) == count
    starts = [t.spans[0][0] for t in summary.takeaways]
    assert starts == sorted(starts)
    assert_grounded(summary)


def test_an_english_article() -> None:
    text = (
        "WASHINGTON (CNN) -- The Senate passed the infrastructure bill on Monday night after "
        "weeks of talks. The bill funds roads, bridges and broadband across the country. "
        "Read more: What is in the bill\n\nSenators from both parties praised the deal. "
        "The House is expected to vote on it next week, leaders said."
    )
    summary = intisari.summarize(text=text)
    assert (summary.language, summary.language_supported) == ("en", True)
    assert summary.text.startswith("The Senate passed")
    assert {r.reason for r in summary.removed} >= {"dateline"}
    assert_grounded(summary)


def test_words_without_a_usable_sentence_are_an_input_error() -> None:
    with pytest.raises(InputTooShort, match="no sentence"):
        intisari.summarize(text="Presiden . " * 20)


def test_an_article_of_sentences_too_long_for_a_bullet_is_not_called_too_short() -> None:
    """A 160-word Italian text whose sentences all run past 40 words was refused as
    ``too-short``; the reader's page then said "the text is too short"."""
    with pytest.raises(NoTakeaway, match="no sentence") as refused:
        intisari.summarize(text=LONG_SENTENCES)
    assert refused.value.code == "no-takeaway"


def test_a_description_that_restates_the_story_is_no_standfirst() -> None:
    story = (
        "The house where Adolf Hitler was born will be turned into a police station, "
        "Austria's interior minister said on Tuesday."
    )
    # The story's lead, with the dateline cleaning cut from the text.
    restated = PageSource(description="VIENNA (AP) — " + story)
    assert _standfirst(restated, story) is None
    dek = "The government's move aims to prevent the building becoming a neo-Nazi shrine."
    assert _standfirst(PageSource(description=dek), story) == dek
    assert _standfirst(None, story) is None
