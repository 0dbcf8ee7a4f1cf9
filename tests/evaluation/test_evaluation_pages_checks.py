"""The pages gate's checks (``intisari.evaluation.pages.check_box``) see each defect the
reader found on the shared pages, whatever the engine does: a box is made by hand with
the defective bullet, and the check must flag it (English and Indonesian)."""

from __future__ import annotations

import pytest

from intisari import summarize
from intisari.evaluation.pages import PageResult, check_box
from intisari.result import Summary, Takeaway

VOX = """Another cloud of choking smoke and dust is set to descend upon the 20 million residents of Delhi this week.

Air pollution can be solved.

Cities such as Beijing have cut their pollution with tough rules on coal and cars, experts say.

NASA's Hubble Space Telescope has spotted indirect evidence of such plumes emanating from Europa.

Details can be found in this 16-inch MacBook Pro deal roundup.

Remember New Jersey’s epic quest to find a state slogan?

“South Dakota has a problem. There isn’t a single solution because meth is widespread. Meth. We’re on it.”

…The committee voted to adjourn until next week.

DEAR ABBY: My older sister has just been diagnosed with cervical cancer. -- CONCERNED SISTER"""  # noqa: E501

DETIK = """Maroko vs Portugal akan bermain malam ini di perempatfinal Piala Dunia 2022.

Susunan pemainnya sudah keluar, Cristiano Ronaldo jadi cadangan lagi.

Kejutan terjadi, Cristiano Ronaldo cadangan lagi, seperti di babak 16 besar sebelumnya!

Pemain berusia 21 tahun itu tampil apik di babak 16 besar kontra Swiss dengan bikin hat-trick.

Pria yang akrab disapa Dani ini mengatakan demikian mengingat pasar data tumbuh signifikan."""


def _box(text: str, lang: str, bullets: list[str]) -> Summary:
    """A summary of ``text`` whose box is ``bullets`` (each a sentence of ``text``)."""
    summary = summarize(text, lang=lang, count=1)
    takeaways = []
    for bullet in bullets:
        start = summary.text.index(bullet)
        takeaways.append(Takeaway(text=bullet, spans=[(start, start + len(bullet))], score=1.0))
    return summary.model_copy(update={"takeaways": takeaways})


def _defects(summary: Summary, headings: tuple[str, ...] = ()) -> list[list[str]]:
    page = PageResult(file="page.html", lang=summary.language, site="example")
    check_box(page, summary, None, headings)
    return [bullet.defects for bullet in page.bullets]


@pytest.mark.parametrize(
    ("bullet", "kind"),
    [
        ("Air pollution can be solved.", "heading"),
        ("NASA's Hubble Space Telescope has spotted indirect evidence of such plumes "
         "emanating from Europa.", "dangling"),
        ("Details can be found in this 16-inch MacBook Pro deal roundup.", "boilerplate"),
        # The letter's writer speaks in the first person ("My ..."), which no reader of the
        # box can place: the writer's voice (``dangling``) as well as a letter, opened by a
        # label in capitals (``dateline``).
        ("DEAR ABBY: My older sister has just been diagnosed with cervical cancer.",
         "dateline dangling letter"),
        ("Remember New Jersey’s epic quest to find a state slogan?", "question"),
        ("“South Dakota has a problem. There isn’t a single solution because meth is "
         "widespread. Meth. We’re on it.”", "quote"),
        ("…The committee voted to adjourn until next week.", "fragment"),
    ],
)
def test_english_defects_are_flagged(bullet: str, kind: str) -> None:
    first = "Another cloud of choking smoke and dust is set to descend upon the 20 million " \
        "residents of Delhi this week."
    summary = _box(VOX, "en", [first, bullet])
    assert _defects(summary, headings=("Air pollution can be solved.",)) == [[], kind.split()]


def test_indonesian_defects_are_flagged() -> None:
    sentences = [line for line in DETIK.split("\n") if line]
    summary = _box(DETIK, "id", [sentences[0], sentences[1], sentences[2], sentences[4]])
    assert _defects(summary) == [[], [], ["repeat"], ["dangling"]]
    # "Pemain berusia 21 tahun itu" points back to a player the box does not show.
    summary = _box(DETIK, "id", [sentences[0], sentences[3]])
    assert _defects(summary) == [[], ["dangling"]]


def test_the_story_sentences_of_the_same_pages_pass() -> None:
    en = _box(VOX, "en", [
        "Another cloud of choking smoke and dust is set to descend upon the 20 million "
        "residents of Delhi this week.",
        "Cities such as Beijing have cut their pollution with tough rules on coal and cars, "
        "experts say.",
    ])
    assert _defects(en, headings=("Air pollution can be solved.",)) == [[], []]
    sentences = [line for line in DETIK.split("\n") if line]
    indonesian = _box(DETIK, "id", sentences[:2])
    assert _defects(indonesian) == [[], []]


def test_a_quotations_closing_sentence_is_read_from_its_own_words() -> None:
    """Shown after the mark that opened the quotation, the closing sentence still leans on
    the quotation's sentence before it (its first span, the mark, is not where it starts)."""
    text = (
        "Budi Santoso membantah tuduhan penggelapan dana desa yang dialamatkan kepadanya.\n\n"
        '"Saya tidak pernah menerima uang itu sepeser pun. Karena itu saya akan melapor ke '
        'polisi pekan depan," kata Budi di Jakarta, Senin.'
    )
    summary = summarize(text, lang="id", count=1)
    lead = summary.text.index("Budi Santoso")
    mark = summary.text.index('"Saya')
    closing = summary.text.index("Karena itu")
    end = len(summary.text)
    boxed = summary.model_copy(update={"takeaways": [
        Takeaway(text=summary.text[lead:mark].strip(), spans=[(lead, mark - 2)], score=1.0),
        Takeaway(text='"' + summary.text[closing:end], spans=[(mark, mark + 1), (closing, end)],
                 score=1.0),
    ]})
    assert _defects(boxed) == [[], ["dangling"]]
