"""Quotations stay whole and attributed; every bullet stands alone (issue 12, items 2-3).

Real paragraphs of the shared pages and the example: a sentence from inside a quotation
of several sentences is never a bullet alone; a short quotation is shown whole with its
speaker; fragments and back-references wait for what they lean on.
"""

from __future__ import annotations

import re

import pytest

from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.result import join_spans
from intisari.takeaways.checks import quotes_unbalanced
from intisari.takeaways.quotes import MAX_QUOTE_WORDS, Quotation, quotations
from intisari.takeaways.select import select_takeaways


def document(paragraphs: list[str], lang: str) -> Document:
    return build_document("\n\n".join(paragraphs), None, language_for(lang))


def box(doc: Document, best: list[str], count: int) -> list[str]:
    """The box when the ranker likes the sentences starting with ``best``, in that order."""
    scores = [0.0] * len(doc.sentences)
    for rank, start in enumerate(best):
        index = next(s.index for s in doc.sentences if s.text.startswith(start))
        scores[index] = 10.0 - rank
    return [t.text for t in select_takeaways(doc, scores, count)]


KAPANLAGI = [
    "Brandon Salim berperan sebagai Lido dalam film HEART BEAT yang tayang November ini.",
    '"Di sini sebagai Lido. Sebagai temen baik dari Sivia Blink yang berperan sebagai Lexa. '
    "Kami itu ceritanya dari luar kota dan sekolah di sekolah yang sama. Karakternya lebih "
    "dewasa dibanding peran-peran personil Blink. Saya sama Lexa itu main musik juga di "
    'kafe," jelasnya saat bertandang ke kantor KapanLagi.com, Tebet, Jakarta Selatan, Rabu.',
    "HEART BEAT adalah film kedua Brandon setelah 7 HARI MENEMBUS WAKTU bareng Anjani Dina.",
]


def test_no_sentence_from_inside_a_long_quotation_is_a_bullet_alone() -> None:
    doc = document(KAPANLAGI, "id")
    taken = box(doc, ["Kami itu", "Sebagai temen", "Karakternya", '"Di sini', "Brandon"], 3)
    assert not any(t.startswith(("Kami itu", "Sebagai temen", "Karakternya")) for t in taken)
    assert not any(quotes_unbalanced(t) for t in taken)
    # The closing sentence names its speaker only with "-nya" (who?): not taken either.
    assert not any("jelasnya" in t for t in taken)
    assert taken[0].startswith("Brandon Salim")


TEMPO_EN = [
    "Indonesia could learn from Finland's experience in handling peatlands.",
    '"Peatlands cover about one-third of Finlands territory. We should manage the peatland '
    'areas properly," Secretary of State Pratikno stated on Tuesday.',
    "Pratikno noted that Finland and Canada have managed to use peatlands for energy.",
]


def test_a_short_quotation_is_shown_whole_with_its_speaker() -> None:
    doc = document(TEMPO_EN, "en")
    taken = box(doc, ['"Peatlands cover', "Indonesia could"], 2)
    assert TEMPO_EN[1] in taken
    quote = [q for q in quotations(doc) if q is not None]
    assert quote == [Quotation(1, 2), Quotation(1, 2)]


def test_a_long_quotation_gives_its_closing_sentence_with_the_opening_mark() -> None:
    """Two spans: the mark that opens the quotation, and its closing sentence whole, so
    the speaker's words read as theirs (not "We should ..., Pratikno stated")."""
    opening = '"' + " ".join(["Peatlands cover about one-third of Finlands territory."] * 5)
    doc = document(
        [TEMPO_EN[0], opening + ' We should manage the peatland areas properly," Secretary '
         "of State Pratikno stated on Tuesday.", TEMPO_EN[2]], "en"
    )
    assert len(doc.text.split()) > MAX_QUOTE_WORDS
    taken = box(doc, ["We should", '"Peatlands cover', "Indonesia could"], 2)
    assert taken == [
        TEMPO_EN[0],
        '"We should manage the peatland areas properly," Secretary of State Pratikno stated '
        "on Tuesday.",
    ]
    result = select_takeaways(doc, [0.0] * len(doc.sentences), 1)
    for takeaway in result:
        joined = join_spans(doc.text, takeaway.spans)
        assert re.sub(r"\s+", " ", joined) == takeaway.text  # deletion only: grounded
        assert not quotes_unbalanced(takeaway.text)


def test_an_indonesian_closing_sentence_keeps_its_quotation_marks() -> None:
    """'Kami ingin ...,' kata Anies (indosum.tune): without its marks, "Kami" (we) read
    as the article's own word."""
    anies = (
        '"Kami ingin warganya bugar. Kami ingin warga berkegiatan dan kompetisi olahraga '
        'rutin sepanjang tahun akan menjadi wadahnya," kata Anies Baswedan saat sosialisasi '
        "di Kelurahan Tengah, Kramat Jati, Jakarta Timur, hari ini."
    )
    lead = (
        "Calon Gubernur DKI Jakarta Anies Rasyid Baswedan menjanjikan program kompetisi "
        "olahraga secara rutin di Jakarta untuk meningkatkan kebugaran warga."
    )
    doc = document([lead, anies], "id")
    taken = box(doc, ["Kami ingin warga ", lead[:20]], 2)
    assert taken == [
        lead,
        '"Kami ingin warga berkegiatan dan kompetisi olahraga rutin sepanjang tahun akan '
        'menjadi wadahnya," kata Anies Baswedan saat sosialisasi di Kelurahan Tengah, '
        "Kramat Jati, Jakarta Timur, hari ini.",
    ]


def test_a_closing_sentence_whose_quotation_opens_after_its_speaker_is_not_taken() -> None:
    """`Pratikno said, "Peatlands ... properly," he added.`: no mark opens the first
    sentence, so no mark can be shown before the closing one."""
    opening = 'Pratikno said, "' + " ".join(
        ["Peatlands cover about one-third of Finlands territory."] * 5
    )
    doc = document(
        [TEMPO_EN[0], opening + ' We should manage the peatland areas properly," Secretary '
         "of State Pratikno stated on Tuesday.", TEMPO_EN[2]], "en"
    )
    taken = box(doc, ["We should", "Indonesia could", "Pratikno noted"], 2)
    assert taken == [TEMPO_EN[0], TEMPO_EN[2]]


def test_a_long_quotation_gives_its_opening_sentence_with_its_speaker() -> None:
    """Two spans: the opening sentence without its full stop, and the `," speaker` that
    closes the quotation; a sentence in its middle is still never taken."""
    middle = "Fares will fall for every student in the city from the first day of school."
    doc = document(
        [TEMPO_EN[0], '"Peatlands cover about one-third of Finlands territory. '
         + " ".join([middle] * 3)
         + ' We should manage the peatland areas properly," Secretary of State Pratikno '
         "stated on Tuesday.", TEMPO_EN[2]], "en"
    )
    taken = box(doc, ["Fares will", '"Peatlands cover', "Indonesia could"], 2)
    assert taken == [
        TEMPO_EN[0],
        '"Peatlands cover about one-third of Finlands territory," Secretary of State '
        "Pratikno stated on Tuesday.",
    ]
    for takeaway in select_takeaways(doc, [0.0] * len(doc.sentences), 2):
        assert join_spans(doc.text, takeaway.spans) == takeaway.text
        assert not quotes_unbalanced(takeaway.text)


def test_an_opening_sentence_whose_quotation_ends_without_a_comma_is_not_taken() -> None:
    """`... properly." Pratikno said.` gives no comma to stand for the full stop."""
    doc = document(
        [TEMPO_EN[0], '"Peatlands cover about one-third of Finlands territory. '
         + " ".join(["Fares will fall for every student in the city from the first day."] * 4)
         + ' We should manage the peatland areas properly." Pratikno said that on Tuesday.',
         TEMPO_EN[2]], "en"
    )
    taken = box(doc, ['"Peatlands cover', "Indonesia could"], 2)
    assert not any(t.startswith('"Peatlands') for t in taken)


def test_a_quotation_that_runs_past_its_paragraph_is_not_taken() -> None:
    doc = document(
        ["The mayor spoke to reporters on Monday about the new budget plan.",
         '"We will double spending on buses. Fares will fall for every student in the city.',
         '"And we will sign it next week," she said at City Hall on Monday afternoon.'],
        "en",
    )
    taken = box(doc, ['"We will double', "Fares will", "The mayor"], 3)
    assert taken == ["The mayor spoke to reporters on Monday about the new budget plan."]


def test_a_quotation_reopened_without_a_paragraph_break_is_still_a_quotation() -> None:
    # cnn.tune.jsonl (no paragraph breaks): a quotation of two paragraphs leaves the first
    # open and reopens the second; counted by pairs, the middle of the first then read as
    # the article's own words ("Only in this way can Parma be reborn like a Phoenix.").
    doc = document(
        ["Melli is more concerned about what the future holds in store for Parma. "
         '"I hope to have a new owner to save the brand," said Melli. "Slowly, we can '
         "rebuild. It will take time and patience, with the right people in the right "
         'places. Only in this way can Parma be reborn like a Phoenix. "Objectively, it\'s '
         "unlikely this will happen. This is just the hope of a lover, trying to find his "
         'lost love. But he needs the help of others, we can\'t make it by ourselves."'],
        "en",
    )
    found = quotations(doc)
    middle = next(s.index for s in doc.sentences if s.text.startswith("Only in this way"))
    assert found[middle] == Quotation(middle - 2, None)
    taken = box(doc, ["Only in this way", "It will take", "Melli is more"], 3)
    assert not any(t.startswith(("Only in this way", "It will take")) for t in taken)
    assert taken[0] == "Melli is more concerned about what the future holds in store for Parma."


def test_a_quotation_left_open_goes_on_to_its_closing_mark_in_a_later_paragraph() -> None:
    # cnn.com (a page outside the shared set): a memo quoted as bullets, the first ones
    # reopening the quotation, the last ones without a mark until the closing one. The
    # memo's "Democrats are working to strengthen Social Security." was a takeaway.
    doc = document(
        ["A House Democratic source provided to CNN a memo laying out the key messages, "
         "which include:",
         '• "Social Security has been, for 75 years, a bedrock promise. You\'ve earned it '
         "with a lifetime of hard work.",
         "• If Republicans had succeeded, seniors would have lost trillions more in the "
         "stock market meltdown.",
         "• Democrats are working to strengthen Social Security. But Social Security is "
         'not the cause of our budget deficits."',
         "The fight by Democrats to keep the program in place is getting personal."],
        "en",
    )
    found = quotations(doc)
    inside = [s.index for s in doc.sentences if s.text.startswith(("If Rep", "Democrats are"))]
    assert all(found[i] is not None and found[i].last is None for i in inside)
    taken = box(doc, ["Democrats are", "If Republicans", "The fight"], 3)
    assert taken == ["The fight by Democrats to keep the program in place is getting personal."]


def test_a_quotation_left_open_is_no_quotation_past_a_mark_that_opens_another() -> None:
    # An opening mark never closed (a typo), then story and a quotation of its own: the
    # story between is the article's.
    doc = document(
        ['The minister said: "We will double spending on buses next year.',
         "The budget passed the house on Friday with a large majority of votes.",
         '"It is a good day," the mayor said after the vote in the chamber.'],
        "en",
    )
    found = quotations(doc)
    story = next(s.index for s in doc.sentences if s.text.startswith("The budget"))
    assert found[story] is None


@pytest.mark.parametrize(
    ("paragraphs", "lang", "best", "refused"),
    [
        (
            ["Indonesia memasuki fase dinamis akan pertumbuhan ekosistem digital.",
             "Mulai dari kehadiran banyak layanan digital hingga aplikasi besutan dalam negeri.",
             "Belum lagi perakitan handset pasca penerapan Tingkat Aturan Dalam Negeri (TKDN)."],
            "id", ["Mulai dari", "Belum lagi", "Indonesia"], ("Mulai dari", "Belum lagi"),
        ),
        (
            ["DEPRESI jadi satu momok yang wajib diwaspadai siapa saja.",
             "Karena gangguan kesehatan mental berisiko mengidap diabetes.",
             "Juga hal ini berlaku bagi si pengidap penyakit gula yang sedang menjalani terapi."],
            "id", ["Karena", "Juga", "DEPRESI"], ("Karena", "Juga"),
        ),
        (
            ["The Doobie Brothers will tour North America in 2020 with Michael McDonald.",
             "Because the band turns 50 next year and wants to celebrate with its fans.",
             "Such as Nashville, Toronto, Denver, Seattle and Los Angeles next summer."],
            "en", ["Because", "Such as", "The Doobie"], ("Because", "Such as"),
        ),
    ],
)
def test_fragments_are_never_bullets(
    paragraphs: list[str], lang: str, best: list[str], refused: tuple[str, ...]
) -> None:
    taken = box(document(paragraphs, lang), best, 3)
    assert taken and not any(t.startswith(refused) for t in taken)


REFERENCES = [
    "Menteri Yuddy Chrisnandi ingin memantau pegawai negeri sipil terbaik di instansinya.",
    "Ia juga menyoroti banyaknya PNS di daerah yang dinilai tidak produktif oleh masyarakat.",
    "Pemerintah berencana melakukan rasionalisasi pegawai mulai tahun depan secara bertahap.",
    "Rasionalisasi atau pemberhentian tersebut dilakukan menyusul banyaknya kritik warga.",
    "Menurut dia, sistem itu akan diterapkan di semua kementerian pada tahun depan.",
]


def test_a_demonstrative_waits_for_what_it_points_to() -> None:
    doc = document(REFERENCES, "id")
    alone = box(doc, ["Rasionalisasi atau", "Menteri Yuddy"], 2)
    assert not any(t.startswith("Rasionalisasi atau") for t in alone)
    # With the sentence it points to right before it, it may follow.
    both = box(doc, ["Rasionalisasi atau", "Pemerintah berencana"], 2)
    assert both == [REFERENCES[2], REFERENCES[3]]


def test_menurut_dia_follows_a_bullet_that_names_someone() -> None:
    doc = document(REFERENCES, "id")
    taken = box(doc, ["Menurut dia", "Menteri Yuddy", "Pemerintah berencana"], 2)
    assert taken == [REFERENCES[0], REFERENCES[4]]
    alone = box(doc, ["Menurut dia", "Pemerintah berencana"], 1)
    assert alone == [REFERENCES[2]]


def test_a_demonstratives_noun_shown_in_an_earlier_bullet_is_its_referent() -> None:
    doc = document(
        ["Lima mahasiswa Universitas Gadjah Mada (UGM) berhasil mengembangkan alat terapi.",
         "Alat ini diberi nama Indonesia Rehabilitation Robot for Foot atau I-REBOT.",
         "Lima mahasiswa UGM ini berasal dari Teknik Industri, Teknik Mesin dan Kedokteran."],
        "id",
    )
    taken = box(doc, ["Lima mahasiswa UGM", "Lima mahasiswa Universitas"], 2)
    assert len(taken) == 2 and taken[1].startswith("Lima mahasiswa UGM ini")
