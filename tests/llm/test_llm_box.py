"""``--method llm`` end to end against the real model: every shown bullet was checked.

The model (Gemma 3 270M) is weak and often invents things, which is the point: the tests
need it to write both bullets the checker accepts and bullets it rejects, and then hold
the box to its guarantees whatever it wrote. Also here: what the box does with the
model's raw text (``parse_bullets``) and how the formats mark a checked bullet.
"""

from __future__ import annotations

import json

import pytest

import intisari
from data_paths import DATA, need
from intisari.checking import check_statements
from intisari.checking.model import load_checker
from intisari.document import Document
from intisari.evaluation.metrics import grounded
from intisari.language.detect import language_for
from intisari.llm.box import CheckedBox, is_bullet, parse_bullets, reader_defects
from intisari.llm.config import LlmConfig
from intisari.options import Options
from intisari.pipeline import choose_takeaways, read_article
from intisari.ranking import default_ranker
from intisari.result import EngineInfo, Summary, Takeaway
from intisari.takeaways.render import render
from intisari.takeaways.select import reads_in_order
from llm_servers import MODEL_TEST_TIMEOUT_S, ScriptedModel, right_and_wrong_articles


def articles() -> list[str]:
    """Articles the model is both right and wrong on (``llm_servers.RIGHT_AND_WRONG``);
    each answer takes 10-60 s on a shared machine."""
    return list(right_and_wrong_articles().values())


def llm_box(text: str, config: LlmConfig) -> tuple[str, CheckedBox]:
    """The article's cleaned text and the trace of its box: what became of each bullet."""
    options = Options(method="llm", llm=config)
    document = read_article(
        text=text, html=None, url=None, title=None, lang=None, options=options
    ).document
    _takeaways, checked = choose_takeaways(document, default_ranker(), None, "llm", options)
    assert checked is not None
    return document.text, checked


@pytest.mark.llm
@pytest.mark.slow
@pytest.mark.data
@pytest.mark.timeout(MODEL_TEST_TIMEOUT_S)
def test_every_shown_llm_bullet_is_supported_and_the_rest_is_extracted(
    llama: LlmConfig,
) -> None:
    verdicts: list[str] = []
    for text in articles():
        article, checked = llm_box(text, llama)
        extracted = intisari.summarize(text=text)
        assert checked.failure is None, checked.failure
        box = checked.takeaways
        assert len(box) == len(extracted.takeaways)
        shown = [t for t in box if t.origin == "llm"]
        accepted = [b.text for b in checked.bullets if b.verdict == "accepted"]
        assert sorted(t.text for t in shown) == sorted(accepted)
        document = read_article(
            text=text, html=None, url=None, title=None, lang=None, options=Options()
        ).document
        recheck = check_statements(document, [t.text for t in shown])
        for takeaway, check in zip(shown, recheck, strict=True):
            assert takeaway.spans == []
            assert takeaway.evidence
            assert all(0 <= s < e <= len(article) for s, e in takeaway.evidence)
            assert takeaway.score >= load_checker().supported_from
            assert check.label == "supported"  # checked again, independently
            assert not reader_defects(takeaway.text, document.language.data)
        for takeaway in box:
            if takeaway.origin == "extract":
                assert grounded(article, takeaway)  # the invariant: exact spans
        starts = [min(s for s, _ in t.spans or t.evidence or []) for t in box]
        assert starts == sorted(starts)  # article order, LLM bullets by their evidence
        verdicts += [b.verdict for b in checked.bullets]
    # The adversary did its job: some bullets were shown, some dropped and replaced.
    assert "accepted" in verdicts
    assert {"unsupported", "unclear"} & set(verdicts), verdicts


#: IndoSum's story of five more suspects, whose box with the LLM showed "Dia menilai warga
#: kelewatan emosional ..." without "Menurut Idham, ..." before it (a new user's report).
LEANING_STORY = "1502267734-identitas-5-pelaku-tambahan-pembakar-orang-di-beka"
#: An answer of one bullet the checker supports (the article's second point, nearly word
#: for word) and three lines that are no bullets: extraction fills three places of four.
ONE_GOOD_BULLET = (
    "- Dua pelaku lain berinisial NMH dan SH ditangkap pada Minggu (6/8).\n"
    "- Laga\n- 1 menit\n- user"
)


@pytest.mark.llm
@pytest.mark.data
def test_an_extracted_takeaway_in_a_dropped_place_points_back_only_to_the_one_before() -> None:
    box, document = _scripted_box("indosum.tune.jsonl", LEANING_STORY, ONE_GOOD_BULLET, 4)
    assert [t.origin for t in box].count("llm") == 1  # the scripted bullet, checked
    # The places were filled best first: "Dia menilai ..." (0.15) before "Menurut Idham,
    # ..." (0.13), which never came; and "Sementara lima ..." after the LLM's bullet.
    assert reads_in_order(document, box)
    texts = [t.text for t in box]
    leaning = [i for i, t in enumerate(texts) if t.startswith("Dia menilai")]
    assert all(i > 0 and texts[i - 1].startswith("Menurut Idham") for i in leaning)
    assert len(box) == 4



#: cnn.tune's story of Chad le Clos and Michael Phelps, whose box of five with the LLM
#: showed "When the South African chased down Phelps ..." and "As a 12-year-old, le Clos
#: ... as Phelps, ..." above '"My dream was always to swim like Michael Phelps ...," le
#: Clos tells ...': the surname alone above the bullet that introduces him.
SURNAME_STORY = "d5c33d72b3f93661cf34192d00285ac32defc787"
#: An answer of lines that are no bullets (``reader_defects``): extraction fills every
#: place, best first.
NO_GOOD_BULLET = "- Phelps\n- 0.05 seconds\n- le Clos\n- CNN\n- butterfly"


@pytest.mark.llm
@pytest.mark.data
def test_no_extracted_surname_stands_above_the_bullet_that_introduces_the_person() -> None:
    box, document = _scripted_box("cnn.tune.jsonl", SURNAME_STORY, NO_GOOD_BULLET, 5)
    assert box and all(t.origin == "extract" for t in box)
    texts = [t.text for t in box]
    alone = [i for i, t in enumerate(texts) if "Phelps" in t and "Michael Phelps" not in t]
    introducing = [i for i, t in enumerate(texts) if "Michael Phelps" in t]
    assert alone  # the best replacements call him Phelps, and the story is about him
    assert all(i < j for j in alone for i in introducing), texts
    assert reads_in_order(document, box)


def _scripted_box(
    corpus: str, story: str, answer: str, count: int
) -> tuple[list[Takeaway], Document]:
    """The box of tune file ``corpus``'s article ``story`` made with a model that answers
    ``answer``, and the document the engine read it as."""
    with need(DATA / corpus).open(encoding="utf-8") as lines:
        text = next(r["text"] for r in map(json.loads, lines) if r["id"] == story)
    with ScriptedModel(answer).running() as url:
        options = Options(method="llm", llm=LlmConfig(url=url))
        summary = intisari.summarize(text=text, count=count, options=options)
    document = read_article(
        text=text, html=None, url=None, title=None, lang=None, options=options
    ).document
    return summary.takeaways, document


def test_html_tags_the_model_copied_are_not_shown() -> None:
    """The tests' Gemma copied IndoSum's markup into bullets the checker accepted."""
    assert parse_bullets(
        "- <strong>Masa depan cryptocurrency masih belum pasti.</strong>\n"
        "- Harga <b>naik</b> 5 persen<br/> di pasar induk."
    ) == ["Masa depan cryptocurrency masih belum pasti.", "Harga naik 5 persen di pasar induk."]
    # A comparison in words is not a tag.
    assert parse_bullets("- Inflasi 3 < 4 persen dan harga > Rp 10.000.") == [
        "Inflasi 3 < 4 persen dan harga > Rp 10.000."
    ]


def test_a_misshapen_line_says_what_is_wrong_with_it() -> None:
    data = language_for("id").data
    assert reader_defects("1 menit 33,556 detik", data) == ["shape: too short to be a statement"]
    assert reader_defects(" ".join(["Kata"] * 41), data) == ["shape: too long for a bullet"]
    assert reader_defects("semen padang untuk memutus tren negatif kandas di kandang.", data) == [
        "shape: opens in lower case: cut from a sentence's middle"
    ]


def test_bullets_are_the_marked_lines_without_markdown() -> None:
    answer = (
        "Berikut poin-poinnya:\n\n- **Moskow** menolak pasukan NATO.\n* Peskov bicara di "
        "Vladivostok.\n2) Rusia   memandang NATO sebagai musuh.\n"
    )
    assert parse_bullets(answer) == [
        "Moskow menolak pasukan NATO.",
        "Peskov bicara di Vladivostok.",
        "Rusia memandang NATO sebagai musuh.",
    ]
    assert parse_bullets("Satu kalimat saja.\n\nDua kalimat.") == [
        "Satu kalimat saja.",
        "Dua kalimat.",
    ]
    assert parse_bullets("  \n") == []
    # A small model's list: empty markers, its lines between them (the tests' Gemma).
    assert parse_bullets("Moskow menolak.\n- \nKrisis Ukraina: Rusia\n-\nPoin:") == [
        "Moskow menolak.",
        "Krisis Ukraina: Rusia",
    ]


CHECKED = Summary(
    language="en",
    language_supported=True,
    text="The Senate passed the bill on Monday. The vote was 68 to 32.",
    takeaways=[
        Takeaway(text="The Senate passed the bill on Monday.", spans=[(0, 37)], score=1.0),
        Takeaway(
            text="Senators voted 68-32 <b>for</b> it.",
            spans=[],
            score=0.91,
            origin="llm",
            evidence=[(38, 61)],
        ),
    ],
    notice="notice",
    engine=EngineInfo(version="0", method="llm"),
)


def test_the_formats_mark_checked_llm_bullets_in_the_articles_language() -> None:
    markdown = render(CHECKED, "md").splitlines()
    assert "- The Senate passed the bill on Monday." in markdown
    assert "- Senators voted 68-32 \\<b\\>for\\</b\\> it. *(✓ Checked against the article)*" in (
        markdown
    )
    assert "• Senators voted 68-32 <b>for</b> it. (✓ Checked against the article)" in render(
        CHECKED, "text"
    )
    html = render(CHECKED, "html")
    assert 'data-origin="llm" data-evidence="[[38, 61]]"' in html
    assert "&lt;b&gt;for&lt;/b&gt;" in html and "<b>" not in html
    assert html.count("intisari-checked") == 1
    indonesian = render(CHECKED.model_copy(update={"language": "id"}), "text")
    assert "(✓ Sudah dicocokkan dengan isi artikel)" in indonesian


def test_fragments_and_paragraphs_are_no_bullets() -> None:
    """What the tests' model wrote on IndoSum and the checker would have passed: a lap time
    and a sentence copied from its middle are article text, but no point for a reader."""
    assert is_bullet("Marc Marquez menjadi pebalap tercepat di FP1.")
    assert is_bullet("2.000 warga mengungsi setelah banjir di Bandung.")
    assert not is_bullet("1 menit 33,556 detik")
    assert not is_bullet("semen padang untuk memutus tren negatif kandas di kandang.")
    assert not is_bullet(" ".join(["kata"] * 41).capitalize())


@pytest.mark.parametrize(
    ("lang", "bullet"),
    [
        # Each reads as true of the article and the checker may pass it, but a reader
        # taking it alone asks "who?" or "what?", or gets half a sentence.
        ("id", "Ia menambahkan bahwa polisi masih menyelidiki kasus itu."),
        ("id", "Menurutnya, harga beras akan turun bulan depan."),
        ("id", "Karena hujan deras di Bandung."),
        ("id", '"Kami akan terus mendukung program ini.'),
        ("en", "He said the vote would be held next week."),
        ("en", "However, the company did not say when the plant would reopen."),
        ("en", "Because the storm knocked out power across the state."),
        ("en", "Read more at https://www.example.com/story."),
        # Article text with no verb: the checker supports it, a reader gets a phrase
        # (what the tests' model wrote on CNN).
        ("en", "16 times below the country's poverty line."),
        ("id", "Badan Informasi Geospasial (BIG), Bosscha Institut Teknologi Bandung (ITB), "
         "Planetarium, pakar ilmu Falak."),
        # Which company? A role alone, like a pronoun.
        ("en", "The company reported record profits this year"),
    ],
)
def test_an_llm_bullet_is_held_to_the_readers_rules(lang: str, bullet: str) -> None:
    assert reader_defects(bullet, language_for(lang).data)


@pytest.mark.parametrize(
    ("lang", "bullet"),
    [
        # A list item may end without a full stop.
        ("id", "Marc Marquez menjadi pebalap tercepat di FP1"),
        ("id", "Dua pelaku lain berinisial NMH dan SH telah ditangkap pada Minggu (6/8)."),
        ("en", "Apple said it would open a new plant in Texas next year."),
        ("en", "Toyota reported record profits this year"),
    ],
)
def test_a_bullet_that_stands_alone_passes(lang: str, bullet: str) -> None:
    assert reader_defects(bullet, language_for(lang).data) == []
