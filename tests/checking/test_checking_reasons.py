"""Each reason kind, on real articles in both languages: the example article (Indonesian,
../shared/examples) and the first CNN article of ../shared/data/cnn.tune.jsonl (English).

Each changed statement is a sentence of its article with one fact changed; the checker
must call it unsupported and name the changed fact. The unchanged sentence beside it is
supported, so a test cannot pass by rejecting everything.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

import intisari
from data_paths import DATA, EXAMPLE_ARTICLE, need

pytestmark = pytest.mark.data


@lru_cache(maxsize=2)
def article(lang: str) -> str:
    if lang == "id":
        return need(EXAMPLE_ARTICLE).read_text(encoding="utf-8")
    with need(DATA / "cnn.tune.jsonl").open(encoding="utf-8") as lines:
        return str(json.loads(lines.readline())["text"])


SUPPORTED = [
    ("id", "Peskov menyatakan NATO memandang Rusia sebagai musuh."),
    ("id", "Moskow pada hari Jumat menolak keras kehadiran pasukan NATO di Ukraina."),
    ("en", "It resulted in six patients receiving transplants."),
    ("en", "Such long-chain transplanting is rare."),
]

CHANGED = [
    # (language, statement, reason kind, the reason's text)
    ("id", "Perang melawan Ukraina telah berlangsung lebih dari lima setengah tahun.",
     "number", "lima"),
    ("en", "It resulted in nine patients receiving transplants.", "number", "nine"),
    ("id", "Moskow pada hari Senin menolak keras kehadiran pasukan NATO di Ukraina.",
     "date", "Senin"),
    ("en", "Her kidney, which was removed Monday, went to a recipient.", "date", "Monday"),
    ("id", "Rusia membutuhkan jaminan keamanan senilai Rp 5 triliun.", "amount",
     "Rp 5 triliun"),
    ("en", "Broussard was paid $5,000 for her kidney.", "amount", "$5,000"),
    ("id", "Juru bicara Kremlin Sergei Lavrov menyatakan NATO memandang Rusia sebagai musuh.",
     "name", "Sergei Lavrov"),
    ("en", "That changed when a computer programmer named David Miller received a kidney "
     "transplant.", "name", "Miller"),
    ("id", "Juru bicara Kremlin Dmitry Peskov berbicara di Jakarta.", "place", "Jakarta"),
    ("en", "The surgeries are performed by surgeons in Los Angeles.", "place", "Los Angeles"),
    ("id", "“Itu sangat aman bagi negara kami,” tegas Peskov.", "quotation",
     "Itu sangat aman bagi negara kami,"),
    ("en", '"I thought I was going to help this one person who I know," Broussard told CNN.',
     "quotation", "I thought I was going to help this one person who I know,"),
    ("id", "Peskov menyatakan NATO tidak memandang Rusia sebagai musuh.", "negation",
     "tidak memandang"),
    ("en", "Such long-chain transplanting is not rare.", "negation", "not rare"),
    # "did not" denies the bare verb the article states inflected ("resulted"): such a
    # statement had been supported, the commonest way an LLM negates a past event.
    ("en", "It did not result in six patients receiving transplants.", "negation",
     "not result"),
    # A word swapped for its opposite is a polarity flip too: "menolak" -> "menerima".
    ("id", "Moskow pada hari Jumat menerima kehadiran pasukan NATO di Ukraina.", "negation",
     "menerima"),
    ("id", "Rusia memandang NATO sebagai musuh.", "relation", "rusia … nato"),
    ("en", "KGO told Broussard that she was going to help one person.", "relation",
     "kgo … broussard"),
]


@pytest.mark.parametrize(("lang", "statement"), SUPPORTED)
def test_article_sentences_are_supported(lang: str, statement: str) -> None:
    check = intisari.verify(article(lang), summary=[statement]).statements[0]
    assert check.label == "supported", check
    assert check.reasons == []
    assert check.evidence


@pytest.mark.parametrize(("lang", "statement", "kind", "text"), CHANGED)
def test_a_changed_fact_is_unsupported_and_named(
    lang: str, statement: str, kind: str, text: str
) -> None:
    result = intisari.verify(article(lang), summary=[statement])
    check = result.statements[0]
    assert result.language == lang
    assert check.label == "unsupported", check
    assert (kind, text) in [(r.kind, r.text) for r in check.reasons]
    assert check.score < 0.5


def test_evidence_points_at_the_sentence_the_statement_rests_on() -> None:
    result = intisari.verify(
        article("id"), summary=["Peskov menyatakan NATO tidak memandang Rusia sebagai musuh."]
    )
    (start, end), = result.statements[0].evidence
    assert result.text[start:end].startswith("Peskov menyatakan NATO memandang Rusia")


def test_a_passive_turns_the_actors_round_legitimately() -> None:
    # "B was told by A" is not a swapped "A told B".
    check = intisari.verify(
        article("en"), summary=["KGO was told by Broussard that she would help one person."]
    ).statements[0]
    assert "relation" not in {r.kind for r in check.reasons}


def test_weekdays_are_dates_not_actors() -> None:
    # The article names Jacobs and Thursday far apart; a weekday is a date (checked as
    # one), not a name whose relation to another name the article must state.
    check = intisari.verify(
        article("en"), summary=["Jacobs received a kidney transplant on Thursday."]
    ).statements[0]
    assert "relation" not in {r.kind for r in check.reasons}


def test_a_word_the_evidence_also_states_plainly_is_not_denied() -> None:
    # A run-on of captions says "won" and, later, "not won": the statement copying the
    # first is not a dropped negation. Without the plain "won", it is.
    won = "The midfielder poses with the trophy after his team won the Club World Cup"
    text = f"{won} Having not won a game since January, the team face West Ham on Saturday."
    statement = ["The midfielder poses with the trophy after his team won the Club World Cup."]
    check = intisari.verify(text, summary=statement, lang="en").statements[0]
    assert "negation" not in {r.kind for r in check.reasons}
    denied = "The team have not won a game since January, and face West Ham on Saturday."
    check = intisari.verify(denied, summary=["The team won a game."], lang="en").statements[0]
    assert "negation" in {r.kind for r in check.reasons}
