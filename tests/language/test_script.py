"""Other writing systems degrade gracefully: Indic words stay whole, their sentences end at
the danda, capitals of any cased script open a dateline, and Malay is told from
Indonesian by words neither shares (a trial with real pages in 18 languages)."""

from __future__ import annotations

import json

import pytest

import intisari
from data_paths import DATA, need
from intisari.ingest.clean import clean_normalized, normalize
from intisari.language import script
from intisari.language.detect import detect_language, language_for
from intisari.language.segment import sentence_spans
from intisari.takeaways.text import reading_length, word_tokens

#: Dainik Jagran (Hindi): the story's opening, as the page gives it.
HINDI = (
    "गोवर्धन मठ के स्वामी अधोक्षजानंद तीर्थदेव ने राम मंदिर प्राण प्रतिष्ठा में धर्म गुरुओं के "
    "विरोध की बातों का खंडन किया है। उनका कहना है कि जो लोग भ्रामक अफवाह फैला रहे हैं समय "
    "आने पर उन्हें जवाब दिया जाएगा। 22 जनवरी का दिन सतयुग की शुरुआत जैसा होगा। पूरा देश "
    "इसे महापर्व की तरह मनाएगा।\n\n"
    "स्वामी अधोक्षजानंद तीर्थ देव संस्कृति और धर्म का प्रसार कर 18 देशों को अखंड भारत से वापस "
    "जोड़ने के उद्देश्य से यात्रा पर हैं। अरुणाचल से प्रयागराज एक माह के प्रवास पर जाने के "
    "दौरान उनका आगरा आगमन हुआ था। यहां एक भक्त के प्रतिष्ठान पर उन्होंने अल्पाहार लिया।"
)
#: A Bengali story's opening (Birbhum, the 2024 election).
BENGALI = (
    "বীরভূম: লোকসভা নির্বাচনে তৃণমূলের নজরে বীরভূম। জেলার দুই আসনেই ২০১৯ সালে জয় ছিনিয়ে "
    "নিয়েছিল জোড়া ফুল শিবির। যদিও ৫ বিধানসভা আসনে এগিয়ে ছিল বিজেপি। বিশেষ করে শহরাঞ্চলে মুখ "
    "থুবড়ে পড়েছিল শাসক দল। ২০২১ সালে অবশ্য ফলের আমুল বদল ঘটে।"
)
#: Harian Metro (Malay): words Indonesian news writes otherwise ("jawatan", "mesyuarat",
#: "kerana", "bahawa"), among many both write ("tidak", "sudah", "presiden").
MALAY = (
    "PELETAKAN jawatan Tun Dr Mahathir Mohamad sebagai Pengerusi Parti Pribumi Bersatu "
    "Malaysia (Bersatu) ditolak di dalam mesyuarat khas Majlis Pimpinan Tertinggi (MPT) pada "
    "24 Februari lalu.\n\n"
    "Justeru, tidak timbul soal peletakan jawatan itu sah atau tidak kerana ia sudah pun "
    "diputuskan pada peringkat parti yang dipersetujui semua termasuk Presiden, Tan Sri "
    "Muhyiddin Yassin.\n\n"
    "Beliau mengulas laporan media tempatan hari ini mengenai pengesahan JPPM bahawa Dr "
    "Mahathir sudah tidak lagi menjadi pengerusi parti itu."
)


def test_the_character_classes_need_no_escaping() -> None:
    # They are pasted inside regular expressions' brackets as they are.
    for characters in (script.UPPER, script.CASELESS, script.WORD_MARKS):
        assert characters and not set(characters) & set("]\\^-")


def test_an_indic_word_keeps_its_vowel_signs() -> None:
    # Python's \w leaves out combining marks: "प्राण" fell apart into four pieces.
    assert word_tokens("राम मंदिर प्राण प्रतिष्ठा") == ["राम", "मंदिर", "प्राण", "प्रतिष्ठा"]
    assert reading_length("22 जनवरी का दिन सतयुग की शुरुआत जैसा होगा।") == 9


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("22 जनवरी का दिन सतयुग की शुरुआत जैसा होगा। पूरा देश इसे महापर्व की तरह मनाएगा।", 2),
        ("حكومت نے بجٹ پیش کیا۔ اپوزیشن نے اس کی مخالفت کی۔", 2),  # Urdu full stop
        ("هل ستنجح الخطة؟ يقول الخبراء إن الوقت مبكر.", 2),  # Arabic question mark
        # El País: a question opens with "¿", which may open a sentence as a capital does.
        ("Y así llevo seis meses. ¿No deberían por ley decirme cuándo me van a atender?", 2),
        ("Ayer llegó la carta. ¡Por fin tenemos respuesta!", 2),
    ],
)
def test_sentences_end_at_the_marks_of_other_scripts(text: str, sentences: int) -> None:
    assert len(sentence_spans(text, language_for("und").data)) == sentences


@pytest.mark.parametrize(("code", "text"), [("hi", HINDI), ("bn", BENGALI)])
def test_an_indic_article_gets_a_box_not_a_refusal(code: str, text: str) -> None:
    # It was refused as "not an article: only 174 of its first 387 tokens are words".
    summary = intisari.summarize(text=text)
    assert (summary.language, summary.language_supported) == (code, False)
    assert summary.takeaways
    for takeaway in summary.takeaways:
        assert takeaway.text.endswith("।")
        assert reading_length(takeaway.text) <= 40


@pytest.mark.parametrize(
    ("code", "dateline"),
    [
        ("es", "BOGOTÁ (AFP) -"),
        ("pt", "SÃO PAULO (Reuters) -"),
        ("fr", "ÉVRY (AFP) -"),
        ("tr", "İSTANBUL (AA) -"),
        ("de", "Frankfurt/Main (dpa) -"),  # a place of two parts, in ASCII
        ("uk", "КИЇВ (Укрінформ) -"),
        ("el", "ΑΘΗΝΑ (ΑΠΕ) -"),
        ("ar", "دمشق، سوريا (CNN) --"),  # CNN Arabic: a place without capitals, "،"
        ("ru", "МОСКВА, 24 августа. /ТАСС/."),
        ("ru", 'ПАРК "ПАТРИОТ" /Московская область/, 24 августа. / ТАСС/.'),
        ("ru", "МОСКВА, 24 авг — РИА Новости."),
    ],
)
def test_a_dateline_in_any_script_is_cut(code: str, dateline: str) -> None:
    # Only ASCII capitals were read: TASS's dateline was a Russian article's bullet.
    story = {
        "ar": "أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة.",
        "ru": "Правительство одобрило закон во вторник после долгих дебатов.",
    }.get(code, "Governo aprovou a lei na terça-feira depois de um longo debate.")
    cleaned = clean_normalized(f"{dateline} {story}", language_for(code).data)
    assert cleaned.text == story
    assert [(cut.text, cut.reason) for cut in cleaned.removed] == [(dateline, "dateline")]


def test_malay_news_is_read_as_malay_not_indonesian() -> None:
    # Read as Indonesian before: "tidak", "sudah" and "presiden" outvoted its markers.
    assert detect_language(MALAY).code == "ms"


@pytest.mark.data
def test_indonesian_news_from_kuala_lumpur_is_still_indonesian() -> None:
    # With "Malaysia", "Kuala Lumpur", "pejabat" and "negeri" as Malay markers, 28 IndoSum
    # stories (SEA Games reports from Kuala Lumpur, a Thai king's estate) were Malay; with
    # "tidak" and "sudah" no longer Indonesian's, "selepas" made two more.
    path = need(DATA / "indosum.tune.jsonl")
    with path.open(encoding="utf-8") as lines:
        codes = [detect_language(normalize(json.loads(line)["text"])).code for line in lines]
    assert codes.count("ms") == 0
