"""A bullet opening with a description of something named before ("The search has drawn
...") brings the sentence that names it (cnn.tune: 3 boxes; a reader's report)."""

from __future__ import annotations

import pytest

from intisari.language.data import LANGUAGES
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.takeaways.definites import Definites, described_noun
from intisari.takeaways.select import select_takeaways

EN = LANGUAGES["en"]

CAYMAN = [
    "A Pennsylvania community is pulling together to search for an eighth-grade student "
    "who has been missing since Wednesday.",
    "The search has drawn hundreds of volunteers on foot and online.",
    "The parents of Cayman Naib have been communicating through the Facebook group "
    '"Find Cayman" since a day after his disappearance, according to close friend David '
    "Binswanger.",
    "Newtown Police say Cayman was last seen wearing a gray down winter jacket, black ski "
    "pants and hiking boots.",
]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The new law could allow businesses to turn away gay and lesbian customers.", "law"),
        ("The obvious aviation analogy here is the second pilot in the cockpit.", "analogy"),
        ("The three-person team has been working on a circular device.", "team"),
        ("The search has drawn hundreds of volunteers on foot and online.", "search"),
        ("The letters were accompanied by small packages of milk powder.", "letters"),
        ("The band's tour will open in June.", "band"),
        ("The museum, in downtown Tunis, serves as a reminder of its past.", "museum"),
        # A name, or no description.
        ("The Star Wars movies have made billions.", None),
        ("The Long Beach group called itself Top Gun Super Carrier.", None),
        ("A Pennsylvania community is pulling together.", None),
        ("Then the vote was held.", None),
    ],
)
def test_the_noun_of_an_opening_description(text: str, noun: str | None) -> None:
    assert described_noun(text, EN.definite_articles, EN.stopwords) == noun


def test_the_sentence_that_names_the_thing_first_is_the_introduction() -> None:
    document = build_document("\n\n".join(CAYMAN), None, language_for("en"))
    definites = Definites(document)
    texts = {i: s.text for i, s in enumerate(document.sentences)}
    assert definites.introduction(1, CAYMAN[1], [], texts) == 0
    # Once a bullet before it holds the noun, it leans on nothing more.
    assert definites.introduction(1, CAYMAN[1], [0], texts) is None
    # Indonesian marks definiteness with "tersebut" / "itu" instead (``referring_words``).
    assert not LANGUAGES["id"].definite_articles


def test_a_box_opening_with_the_description_brings_what_it_describes() -> None:
    document = build_document("\n\n".join(CAYMAN), None, language_for("en"))
    # The ranker puts the description first and the lead last.
    box = select_takeaways(document, [0.1, 0.9, 0.8, 0.5], count=2)
    assert [t.text for t in box] == [CAYMAN[0], CAYMAN[1]]
