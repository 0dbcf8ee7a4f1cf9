"""Sentence segmentation: one test per rule of ``intisari.language.segment``."""

from __future__ import annotations

import pytest

from intisari.language.data import GENERIC, LANGUAGES, RELATED
from intisari.language.segment import paragraph_spans, sentence_spans

ID = LANGUAGES["id"]
EN = LANGUAGES["en"]
DE = RELATED["de"]


def split(text: str, rules=ID) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, rules)]


@pytest.mark.parametrize(
    "text",
    [
        "Banjir melanda Kab. Bogor dan Kec. Cibinong pada Senin.",
        "Kantornya di Jl. Sudirman No. 5, Jakarta.",
        "Saham PT Bank Rakyat Indonesia Tbk. naik tajam hari ini.",
        "Surat itu ditujukan kepada Sdr. Marcel dan Sdri. Ani.",
        "Harganya Rp. 5 juta per unit.",
        "Hadir pula H. Ahmad dan Hj. Siti dalam acara itu.",
        "Acara dibuka Dr. Budi dan Prof. Ani dari UI.",
        "Kuasa hukumnya, Andi Wijaya S.H. M.Si. hadir di persidangan.",
        "Hal itu diatur dalam UU No. 35 Tahun 2009 tentang Narkotika.",
        "Menurut Prof. Dr. Ir. Budi, hasilnya baik.",
        # The police's mark after a rank (IndoSum: the split had cut off the office).
        "Wakil Direktur Tindak Pidana Korupsi Bareskrim Polri, Kombes Pol. Erwanto "
        "Kurniadi mengatakan pihaknya sudah mengirimkan surat panggilan.",
    ],
)
def test_indonesian_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones in Washington on Monday.",
        "The U.S. economy grew faster than expected in the third quarter.",
        "Shares of Apple Inc. rose after the report, e.g. in Asia.",
        "Talks start at 9 a.m. on Tuesday, officials said.",
        # cnn.tune: a rank before the name (a reader's report on two fragment bullets).
        "Dallas Police Maj. Jeff Cotner said the boy was in custody.",
    ],
)
def test_english_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert split(text, EN) == [text]


def test_an_abbreviation_a_sentence_may_end_on_ends_it_before_a_sentence_starter() -> None:
    text = "The deal was signed by Apple Inc. The shares rose 3% in the U.S. on Monday."
    assert split(text, EN) == [
        "The deal was signed by Apple Inc.",
        "The shares rose 3% in the U.S. on Monday.",
    ]
    assert split("Apple Inc. Chief Executive Tim Cook spoke at 9 a.m. Monday.", EN) == [
        "Apple Inc. Chief Executive Tim Cook spoke at 9 a.m. Monday."
    ]
    assert split("The plane landed shortly after 11 a.m. It slid off the runway.", EN) == [
        "The plane landed shortly after 11 a.m.",
        "It slid off the runway.",
    ]


def test_a_footnote_mark_after_the_final_mark_ends_the_sentence_outside_it() -> None:
    # wikimediafoundation.org (trafilatura's test pages): read as one sentence of 60
    # words, the page's lead never made a bullet.
    text = (
        "Today, on Wikipedia’s 19th birthday, the Wikimedia Foundation has received "
        "reports that access to Wikipedia in Turkey is actively being restored.* This "
        "latest development follows a ruling by the Constitutional Court of Turkey.† "
        "We are thrilled."
    )
    assert split(text, EN) == [
        "Today, on Wikipedia’s 19th birthday, the Wikimedia Foundation has received "
        "reports that access to Wikipedia in Turkey is actively being restored.",
        "This latest development follows a ruling by the Constitutional Court of Turkey.",
        "We are thrilled.",
    ]


def test_a_title_never_ends_a_sentence() -> None:
    assert split("The bill was signed by Gov. Kristi Noem on Monday.", EN) == [
        "The bill was signed by Gov. Kristi Noem on Monday."
    ]


def test_dotted_abbreviations_and_initials_end_a_sentence_only_before_a_starter() -> None:
    assert split("He told CNN.com. He was upset. Triple H. The actor smiled.", EN) == [
        "He told CNN.com.",
        "He was upset.",
        "Triple H.",
        "The actor smiled.",
    ]
    assert split("George W. Bush met the U.S.A. Today team.", EN) == [
        "George W. Bush met the U.S.A. Today team."
    ]
    # Indonesian has no sentence starters: its dotted abbreviations never end one.
    assert split("Kuasa hukumnya, Andi S.H. Dia hadir.") == ["Kuasa hukumnya, Andi S.H. Dia hadir."]


def test_an_abbreviation_before_a_number_ends_a_sentence_before_a_word() -> None:
    assert split("See No. 5 on p. 12 and pp. 14-15.", EN) == ["See No. 5 on p. 12 and pp. 14-15."]
    assert split("Do we agree with everything they do? No. But they help us.", EN) == [
        "Do we agree with everything they do?",
        "No.",
        "But they help us.",
    ]


def test_a_spaced_ellipsis_goes_on_and_four_dots_end_a_sentence() -> None:
    assert split("He said the talks were . . . difficult. They ended.", EN) == [
        "He said the talks were . . . difficult.",
        "They ended.",
    ]
    assert split("It was over. . . . The crowd left.", EN) == [
        "It was over.",
        ". . . The crowd left.",
    ]
    assert split("Pemain itu . . . . Lalu pergi.") == ["Pemain itu . . . .", "Lalu pergi."]
    # A period typed twice is no ellipsis: ". ." ends the sentence.
    assert split("Margin kesalahan 2,9 persen. . “Partai baru paling berat.”") == [
        "Margin kesalahan 2,9 persen. .",
        "“Partai baru paling berat.”",
    ]


def test_a_list_opening_a_paragraph_has_one_sentence_per_item() -> None:
    text = "1. Buat makan siang sendiri 2. Minum air yang cukup. 3. Tidur yang cukup"
    assert split(text) == [
        "1. Buat makan siang sendiri",
        "2. Minum air yang cukup.",
        "3. Tidur yang cukup",
    ]
    assert split("a) Polls open at 7 a.m. b) They close at 8 p.m.", EN) == [
        "a) Polls open at 7 a.m.",
        "b) They close at 8 p.m.",
    ]


def test_numbers_that_are_no_list_end_sentences_as_before() -> None:
    # A lone marker opening a paragraph (IndoSum splits "1." off, as we do), and markers
    # inside sentences ("di PlayStation 3. ... PlayStation 4.").
    assert split("1. Buat makan siang sendiri") == ["1.", "Buat makan siang sendiri"]
    text = "Gran Turismo 6 hadir di PlayStation 3. Sport hadir di PlayStation 4. Itu baru."
    assert split(text) == [
        "Gran Turismo 6 hadir di PlayStation 3.",
        "Sport hadir di PlayStation 4.",
        "Itu baru.",
    ]


def test_a_list_closing_abbreviation_ends_a_sentence_before_a_capital() -> None:
    text = "Mereka membawa beras, gula, dll. Bantuan itu tiba Senin."
    assert split(text) == ["Mereka membawa beras, gula, dll.", "Bantuan itu tiba Senin."]
    assert split("Ia membeli buku, pena, dll. untuk sekolah.") == [
        "Ia membeli buku, pena, dll. untuk sekolah."
    ]


def test_initials_do_not_end_a_sentence() -> None:
    assert split("Jalan A. Yani macet total.") == ["Jalan A. Yani macet total."]
    assert split("Buku J. K. Rowling laris.", EN) == ["Buku J. K. Rowling laris."]


def test_decimals_and_money_do_not_end_a_sentence() -> None:
    text = "Anggaran naik menjadi Rp1,5 triliun atau 3.5% dari total. Angka itu tertinggi."
    assert split(text) == [
        "Anggaran naik menjadi Rp1,5 triliun atau 3.5% dari total.",
        "Angka itu tertinggi.",
    ]


def test_a_number_ends_a_sentence() -> None:
    assert split("Harganya $1.149. Itu mahal.") == ["Harganya $1.149.", "Itu mahal."]


def test_a_quote_stays_with_its_attribution() -> None:
    text = "“Itu berbahaya bagi negara kami,” tegasnya. Peskov lalu pergi."
    assert split(text) == ["“Itu berbahaya bagi negara kami,” tegasnya.", "Peskov lalu pergi."]
    assert split('"Apa benar?" tanya dia. Ia heran.') == ['"Apa benar?" tanya dia.', "Ia heran."]
    assert split('"Kami siap!" Kata Peskov kepada wartawan.') == [
        '"Kami siap!" Kata Peskov kepada wartawan.'
    ]


def test_a_quote_of_several_sentences_is_split_like_the_reference() -> None:
    text = "“Anda tidak bisa menjamin keamanan satu negara. Itu tidak akan membantu,” ujar Peskov."
    assert split(text) == [
        "“Anda tidak bisa menjamin keamanan satu negara.",
        "Itu tidak akan membantu,” ujar Peskov.",
    ]


def test_ellipses_end_a_sentence_only_before_a_capital() -> None:
    assert split("Dia menunggu... Lalu pergi.") == ["Dia menunggu...", "Lalu pergi."]
    assert split("Dia menunggu… lalu pergi.") == ["Dia menunggu… lalu pergi."]
    assert split("Kata dia, “[..] kami siap.”") == ["Kata dia, “[..] kami siap.”"]


def test_urls_and_domains_do_not_end_a_sentence() -> None:
    text = "Info lengkap di https://www.example.co.id/berita. Datang saja."
    assert split(text) == ["Info lengkap di https://www.example.co.id/berita.", "Datang saja."]
    assert split("Dikutip dari Kompas.com, harga naik.") == ["Dikutip dari Kompas.com, harga naik."]


def test_a_forgotten_capital_still_ends_a_sentence() -> None:
    assert split("Polisi menemukan kupon togel. tak hanya itu, ada uang.") == [
        "Polisi menemukan kupon togel.",
        "tak hanya itu, ada uang.",
    ]


def test_brand_names_in_lower_case_open_a_sentence() -> None:
    assert split("Harganya turun. iPhone baru dijual besok.") == [
        "Harganya turun.",
        "iPhone baru dijual besok.",
    ]


def test_the_editors_initials_are_a_sentence_of_their_own() -> None:
    assert split("Persija menang 2-0. (bola/asa)") == ["Persija menang 2-0.", "(bola/asa)"]


def test_no_split_inside_parentheses() -> None:
    text = "Demikian laporan Reuters (Uu. B002/T008) kemarin."
    assert split(text) == [text]


def test_a_bracket_closed_by_the_final_mark_ends_the_sentence() -> None:
    # cnn.tune: the writer's aside in brackets was glued to the sentence after it, and a
    # bullet opened "(At least not that I know of!) Had I been labeled ...".
    text = (
        "Nobody ever called me moody. (At least not that I know of!) Had I been labeled a "
        "moody one in the past, I would have taken it as an insult."
    )
    assert split(text, EN) == [
        "Nobody ever called me moody.",
        "(At least not that I know of!)",
        "Had I been labeled a moody one in the past, I would have taken it as an insult.",
    ]


def test_paragraph_breaks_always_end_a_sentence() -> None:
    text = "Judul tanpa titik\n\nKalimat pertama. Kalimat kedua"
    assert split(text) == ["Judul tanpa titik", "Kalimat pertama.", "Kalimat kedua"]
    assert paragraph_spans(text) == [(0, 17), (19, 49)]


def test_a_german_day_s_period_and_short_forms_end_no_sentence() -> None:
    # computerbase.de (trafilatura's test pages): "Neugierige werden aber schon ab dem
    # 25." was a bullet.
    text = (
        "Neugierige werden aber schon ab dem 25. Juni einen Blick darauf werfen können. "
        "Das Gerät kostet rund 3 Mio. Euro und ist z. B. bei o2 zu haben. "
        "Die Kommission unter Leitung von Dr. Skadi Jennicke hat sich verständigt."
    )
    assert split(text, DE) == [
        "Neugierige werden aber schon ab dem 25. Juni einen Blick darauf werfen können.",
        "Das Gerät kostet rund 3 Mio. Euro und ist z. B. bei o2 zu haben.",
        "Die Kommission unter Leitung von Dr. Skadi Jennicke hat sich verständigt.",
    ]


def test_a_german_ordinal_after_an_article_or_a_preposition_ends_no_sentence() -> None:
    # Pages outside the shared set (trafilatura's test pages) had bullets cut there.
    text = (
        "Das Bohnenviertel entstand als erstes Wohnquartier im 15. Jahrhundert außerhalb "
        "der Stadtmauer. Da baumelte vom Balkon im 4. Stock eines Altbaus eine Schnur. "
        "Im Jahr des 10. Jubiläums der Lizenzen wird es spannend. Die Zahl der Toten stieg "
        "bis 2015. Die Suche geht weiter."
    )
    assert split(text, DE) == [
        "Das Bohnenviertel entstand als erstes Wohnquartier im 15. Jahrhundert außerhalb "
        "der Stadtmauer.",
        "Da baumelte vom Balkon im 4. Stock eines Altbaus eine Schnur.",
        "Im Jahr des 10. Jubiläums der Lizenzen wird es spannend.",
        "Die Zahl der Toten stieg bis 2015.",
        "Die Suche geht weiter.",
    ]


def test_a_german_ordinal_after_a_comma_ends_no_sentence() -> None:
    # rechtambild.de (outside the shared set): the ruling's two halves were two bullets,
    # "... Oberlandesgerichts Hamburg, 5." and "Zivilsenat, vom 26. September 2007 ...".
    ruling = (
        "Die Revision gegen das Urteil des Hanseatischen Oberlandesgerichts Hamburg, 5. "
        "Zivilsenat, vom 26. September 2007 wird auf Kosten der Beklagten zurückgewiesen."
    )
    assert split(f"{ruling} Danach kam nichts.", DE) == [ruling, "Danach kam nichts."]
    # A number after "und" still ends one.
    assert split("Die Zahlen waren 3, 4 und 5. Danach kam nichts.", DE) == [
        "Die Zahlen waren 3, 4 und 5.",
        "Danach kam nichts.",
    ]


def test_a_number_before_another_word_still_ends_a_german_sentence() -> None:
    assert split("Die Zahl der Toten stieg auf 25. Die Suche geht weiter.", DE) == [
        "Die Zahl der Toten stieg auf 25.",
        "Die Suche geht weiter.",
    ]


def test_generic_rules_split_on_punctuation_only() -> None:
    text = "Der Kanzler sprach am Montag. Die Opposition widersprach sofort!"
    assert split(text, GENERIC) == [
        "Der Kanzler sprach am Montag.",
        "Die Opposition widersprach sofort!",
    ]


def test_spans_exclude_whitespace_and_point_into_the_text() -> None:
    text = "  Satu dua tiga.   Empat lima.  \n\n  Enam.  "
    spans = sentence_spans(text, ID)
    assert [text[s:e] for s, e in spans] == ["Satu dua tiga.", "Empat lima.", "Enam."]


def test_a_name_with_exclamation_marks_is_not_a_sentence_end() -> None:
    # boingboing, outside the shared set: the box showed "The good folks at Choir!".
    text = (
        "The good folks at Choir! Choir! Choir! (previously) are still doing their thing. "
        "They sang on Sunday."
    )
    assert split(text, EN) == [
        "The good folks at Choir! Choir! Choir! (previously) are still doing their thing.",
        "They sang on Sunday.",
    ]
    # A cry, then the next sentence.
    assert split("Help! Police arrived soon after.", EN) == ["Help!", "Police arrived soon after."]
    # A letter and "!" is a name (cnn.tune: the box showed "Network a bawdier ...").
    text = (
        "She made the E! Network a bawdier late-night alternative to whatever Letterman "
        "and others were putting down. She left in 2014."
    )
    assert split(text, EN) == [
        "She made the E! Network a bawdier late-night alternative to whatever Letterman "
        "and others were putting down.",
        "She left in 2014.",
    ]


@pytest.mark.parametrize(
    ("text", "rules", "sentence"),
    [
        # A memo's bullets quoted on cnn.com, trafilatura's "- " before a list item
        # (cnet.com), a list of facts in an IndoSum article: pages outside the shared set.
        ("• Democrats are working to strengthen Social Security.", EN,
         "Democrats are working to strengthen Social Security."),
        ("- Internet dating firms entice lonely hearts with faked profiles based on real "
         "people.", EN,
         "Internet dating firms entice lonely hearts with faked profiles based on real people."),
        ("- Rekor tak terkalahkan Manchester United terhenti di angka 25 laga.", ID,
         "Rekor tak terkalahkan Manchester United terhenti di angka 25 laga."),
    ],
)
def test_a_bullet_opening_a_paragraph_is_no_part_of_its_sentence(
    text: str, rules, sentence: str
) -> None:
    assert split(f"Kalimat pembuka.\n\n{text}", rules) == ["Kalimat pembuka.", sentence]


def test_a_title_before_a_name_ends_no_sentence_in_any_language() -> None:
    # sonntag-sachsen.de (trafilatura's test pages): German has no rules of its own.
    text = (
        "Darauf hat sich die Auswahlkommission unter Leitung von Kulturbürgermeisterin "
        "Dr. Skadi Jennicke verständigt. Scobel tritt die Nachfolge von Prof. Stefan "
        "Altner an."
    )
    assert split(text, GENERIC) == [
        "Darauf hat sich die Auswahlkommission unter Leitung von Kulturbürgermeisterin "
        "Dr. Skadi Jennicke verständigt.",
        "Scobel tritt die Nachfolge von Prof. Stefan Altner an.",
    ]


def test_a_dash_that_opens_speech_stays_with_its_sentence() -> None:
    text = "— Nos vamos mañana, dijo el ministro."
    assert split(text, GENERIC) == [text]


def test_a_unit_abbreviation_ends_a_sentence_only_before_a_starter() -> None:
    # time.com (outside the shared set) was cut in two at "bbl.".
    text = (
        "This month, the federal government released a report on the fate of the 4.9 "
        "million bbl. of oil that spilled into the Gulf of Mexico."
    )
    assert split(text, EN) == [text]
    assert split("The well leaked 5,000 bbl. The company capped it on Friday.", EN) == [
        "The well leaked 5,000 bbl.",
        "The company capped it on Friday.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # donga.com (outside the shared set): two Korean sentences made one takeaway.
        ("이 회사 박채규 대표가 만나기로 한 주인공이다. 그는 국제적으로 인정받는 전문가다.",
         ["이 회사 박채규 대표가 만나기로 한 주인공이다.", "그는 국제적으로 인정받는 전문가다."]),
        ("وقال المرصد إن الاشتباكات استمرت. ولم ترد تقارير حول الخسائر البشرية.",
         ["وقال المرصد إن الاشتباكات استمرت.", "ولم ترد تقارير حول الخسائر البشرية."]),
    ],
)
def test_a_letter_of_a_script_without_case_opens_a_sentence(
    text: str, sentences: list[str]
) -> None:
    assert split(text, GENERIC) == sentences
