"""A claim whose speaker the next sentence names shows who said it (issue 12, item 2).

Real sentences of IndoSum's tune articles and of cnn.tune: "Hal itu disampaikan ..."
after a claim, "That's according to ..." after a figure.
"""

from __future__ import annotations

import pytest

from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.result import join_spans
from intisari.takeaways.select import MAX_ATTRIBUTED_WORDS, select_takeaways
from intisari.takeaways.speakers import attribution
from intisari.takeaways.text import reading_length


def document(paragraphs: list[str], lang: str) -> Document:
    return build_document("\n\n".join(paragraphs), None, language_for(lang))


def speaker_of(claim: str, after: str, lang: str = "id") -> str | None:
    doc = document([claim, after], lang)
    found = attribution(doc, 0)
    return None if found is None else join_spans(doc.text, found.spans)


RONALDO = [
    "Bintang Real Madrid, Cristiano Ronaldo, jengah setelah dirinya menerima tudingan "
    "melakukan penggelapan pajak oleh jaksa di Spanyol.",
    "Atas dasar tersebut, kapten timnas Portugal itu pun memikirkan rencana untuk hengkang "
    "dari La Liga.",
    "Demikian diungkap harian olahraga dari Portugal, A Bola, Kamis (15/6).",
    "Jaksa penuntut meyakini penyerang 32 tahun itu menggelapkan pajak penghasilannya "
    "melalui dua perusahaan.",
]


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        (
            "Hal itu disampaikan Menteri Keuangan Sri Mulyani Indrawati kala menyampaikan "
            "Jawaban Pemerintah atas Pemandangan Umum Fraksi-fraksi DPR di Gedung DPR, "
            "Jakarta, Selasa (5/9).",
            "Hal itu disampaikan Menteri Keuangan Sri Mulyani Indrawati.",
        ),
        (
            "Hal itu disampaikan Kasat Reskrim Polresta Depok, Kompol Teguh Nugroho, kepada "
            "PoskotaNews, Senin (3/10/2016).",
            "Hal itu disampaikan Kasat Reskrim Polresta Depok, Kompol Teguh Nugroho.",
        ),
        (
            "Hal itu dikatakan oleh Kasat Lantas Polres Subang AKP Budhy Hendratno, dalam "
            "keterangan tertulisnya, Sabtu (10/2).",
            "Hal itu dikatakan oleh Kasat Lantas Polres Subang AKP Budhy Hendratno.",
        ),
        (
            "Hal itu dijelaskan Menkominfo Rudiantara yang menganggap pemerintah bertanggung "
            "jawab untuk menghubungkan 262 ribu sekolah.",
            "Hal itu dijelaskan Menkominfo Rudiantara.",
        ),
        (
            "Hal tersebut disampaikan Wakil Ketua KPK Basaria Panjaitan kemarin, Senin (9/10).",
            "Hal tersebut disampaikan Wakil Ketua KPK Basaria Panjaitan.",
        ),
        (
            "Hal itu disampaikan Sekjen Partai Golkar Idrus Marham.",
            "Hal itu disampaikan Sekjen Partai Golkar Idrus Marham.",
        ),
        # The place is the speaker's, not where it was said: the sentence stays whole.
        (
            "Hal ini disampaikan pemerintahan negara di Karibia itu.",
            "Hal ini disampaikan pemerintahan negara di Karibia itu.",
        ),
    ],
)
def test_the_next_sentence_s_speaker_is_cut_after_the_speaker(after: str, speaker: str) -> None:
    claim = "Pemerintah meyakinkan target pertumbuhan ekonomi tahun 2018 tetap realistis."
    assert speaker_of(claim, after) == speaker


@pytest.mark.parametrize(
    "after",
    [
        # A passive verb that is no verb of saying.
        "Hal itu dilakukan untuk menekan angka kecelakaan di jalur mudik.",
        # No one named: what follows is more of what was said.
        "Hal itu diungkapkan meski dia juga meyakini sejumlah negara berkembang siap.",
        # Where it was said, and the speaker only inside it.
        "Hal itu disampaikan dalam keterangan pers Perwakilan Tetap RI di Jenewa, Senin.",
        # A sentence of its own, not about who said the claim.
        "Menteri Keuangan Sri Mulyani Indrawati menyampaikan hal itu di Gedung DPR.",
    ],
)
def test_sentences_that_name_no_speaker_of_the_claim_add_nothing(after: str) -> None:
    claim = "Pemerintah meyakinkan target pertumbuhan ekonomi tahun 2018 tetap realistis."
    assert speaker_of(claim, after) is None


def test_a_speaker_the_claim_names_itself_is_not_added_again() -> None:
    claim = (
        "Presiden Joko Widodo (Jokowi) berjanji untuk menuntaskan kasus-kasus masa lalu "
        "yang belum terselesaikan."
    )
    after = "Pernyataan itu disampaikan Presiden Jokowi pada Kamis sore di Istana Merdeka."
    assert speaker_of(claim, after) is None


def test_an_english_figure_shows_its_source() -> None:
    claim = "The number of hate groups in the United States fell for the third year in a row."
    after = (
        "That's according to an annual Southern Poverty Law Center report that says the "
        "number of hate groups dropped to 784 last year."
    )
    assert speaker_of(claim, after, "en") == (
        "That's according to an annual Southern Poverty Law Center report."
    )


def test_a_claim_s_bullet_shows_who_said_it_when_the_box_leaves_that_sentence_out() -> None:
    doc = document(RONALDO, "id")
    scores = [3.0, 2.0, 0.0, 1.0]
    texts = [t.text for t in select_takeaways(doc, scores, 3)]
    assert texts[1] == (
        "Atas dasar tersebut, kapten timnas Portugal itu pun memikirkan rencana untuk "
        "hengkang dari La Liga. Demikian diungkap harian olahraga dari Portugal, A Bola."
    )
    for takeaway in select_takeaways(doc, scores, 3):
        assert join_spans(doc.text, takeaway.spans) == takeaway.text


GOLKAR = [
    "Partai Golkar menargetkan kemenangan sebesar 60 persen di Pilkada serentak tahun 2018 "
    "dan minimal 120 kursi di Pileg tahun 2019.",
    "Hal itu diutarakan Sekretaris Jenderal Golkar Idrus Marham usai menghadiri Workshop "
    "Nasional Kesatuan Perempuan Partai Golkar di Hotel Sultan, Jakarta, Minggu (27/8).",
    "Menurut Idrus, target-target tersebut merupakan manifesto yang telah disepakati "
    "seluruh kader Golkar.",
]


def test_a_claim_whose_speaker_s_sentence_is_a_bullet_is_left_as_it_is() -> None:
    doc = document(GOLKAR, "id")
    texts = [t.text for t in select_takeaways(doc, [3.0, 2.0, 1.0], 2)]
    assert texts == [GOLKAR[0], GOLKAR[1]]
    texts = [t.text for t in select_takeaways(doc, [3.0, 1.0, 2.0], 2)]
    assert texts[0] == f"{GOLKAR[0]} Hal itu diutarakan Sekretaris Jenderal Golkar Idrus Marham."


def test_a_claim_too_long_with_its_speaker_is_shown_alone() -> None:
    claim = (
        "Kementerian Luar Negeri China meminta semua pihak untuk tetap tenang dan menahan "
        "diri setelah Amerika Serikat menyatakan siap menggunakan cara paksa untuk "
        "menghentikan program peluru kendali nuklir Korea Utara."
    )
    after = "Hal itu disampaikan oleh juru bicara kementerian, Geng Shuang, Kamis (6/7)."
    other = "Korea Utara kembali menguji coba rudal balistik antarbenua pekan ini di Pyongyang."
    doc = document([claim, after, other], "id")
    assert speaker_of(claim, after) is not None
    shown = f"{claim} Hal itu disampaikan oleh juru bicara kementerian, Geng Shuang."
    assert reading_length(shown) > MAX_ATTRIBUTED_WORDS
    texts = [t.text for t in select_takeaways(doc, [2.0, 0.0, 1.0], 2)]
    assert texts[0] == claim


def test_a_paragraph_s_speaker_named_by_the_next_paragraph_is_shown() -> None:
    # liputan6.com, a shared page: "Hal ini" is what the whole paragraph before says.
    doc = document(
        [
            "Indonesia memasuki fase dinamis akan pertumbuhan ekosistem digital. Mulai dari "
            "kehadiran banyak layanan digital hingga aplikasi besutan dalam negeri.",
            "Hal ini diungkapkan oleh Muhammad Buldansyah, Wakil Presiden Direktur PT "
            "Hutchison 3 Indonesia (Tri), saat melakukan media visit ke kantor redaksi "
            "Liputan6.com di SCTV Tower, Jakarta, Jumat (12/2/2016).",
        ],
        "id",
    )
    found = attribution(doc, 0)
    assert found is not None and found.sentence == 2
    assert join_spans(doc.text, found.spans) == (
        "Hal ini diungkapkan oleh Muhammad Buldansyah, Wakil Presiden Direktur PT Hutchison "
        "3 Indonesia."
    )
