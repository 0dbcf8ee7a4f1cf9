"""The unsupervised ranker (no model file): position first, centrality and headline next."""

from __future__ import annotations

from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking import HeuristicRanker

TEXT = (
    "Floods hit the northern city on Monday after two days of heavy rain.\n\n"
    "A bakery on Main Street celebrated its fiftieth anniversary with free cake.\n\n"
    "Rescuers said the floods forced thousands from homes in the northern city."
)


def test_lead_first_and_the_on_topic_sentence_above_the_aside() -> None:
    document = build_document(TEXT, "Floods force thousands from homes", language_for("en"))
    scores = HeuristicRanker().score(document)
    assert len(scores) == 3
    assert scores[0] == max(scores)
    assert scores[2] > scores[1]
