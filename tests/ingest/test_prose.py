"""Not an article (issue 12, item 6): what is not news prose gets a clear `not-an-article`
error everywhere (Python, CLI exit 2); real articles pass."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import intisari
from data_paths import DATA, EXAMPLE_ARTICLE, HTML_PAGES, need
from intisari.cli import app
from intisari.errors import InputError, NotAnArticle, UnsupportedScript
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

#: The shape of /etc/shadow (made-up hashes) and /etc/passwd.
SHADOW = "\n".join(
    f"{user}:$6$rounds=5000$Qx{n}Zp9$kF3mV8{n}aQ0LrT7bYw2sD:19{n}45:0:99999:7:::"
    for n, user in enumerate(["root", "daemon", "bin", "sys", "sync", "games", "man", "lp"])
)
PASSWD = "\n".join(
    f"{user}:x:{n}:{n}:{user}:/var/lib/{user}:/usr/sbin/nologin"
    for n, user in enumerate(["root", "daemon", "bin", "sys", "sync", "games", "man", "lp"])
)
NUMBERS = "\n".join(str(n * 37 % 1000) for n in range(120))
CODE = '''
def summarize(text: str, *, count: int | None = None) -> Summary:
    """Key takeaways of one article."""
    raw = load(text=text)
    language = detect_language(raw.text, declared=raw.lang, page=raw.page_lang)
    cleaned = clean(raw.text, language.data, title=raw.title)
    if len(cleaned.text.split()) < options.min_words:
        raise InputTooShort(f"article has {len(cleaned.text.split())} words")
    scores = ranker.score(document)
    return Summary(text=document.text, takeaways=select(document, scores, count))
'''
CONFIG = "\n".join(
    f"[section_{n}]\nname = service_{n}\nport = {8000 + n}\nenabled = true\npath = /srv/{n}/"
    for n in range(12)
)
LINKS = "\n".join(
    f"Harga Beras Naik Menjelang Lebaran di Kota Nomor {n} Hari Ini" for n in range(30)
)
TABLE = "\n".join(
    f"{n}\tJakarta Selatan\t{n * 3.5}\tRp{n * 1000}\tnaik" for n in range(40)
)


@pytest.mark.parametrize(
    "text", [SHADOW, PASSWD, NUMBERS, CODE, CONFIG, LINKS, TABLE],
    ids=["shadow", "passwd", "numbers", "code", "config", "links", "table"],
)
def test_what_is_not_news_prose_is_refused(text: str) -> None:
    with pytest.raises(NotAnArticle) as refused:
        intisari.summarize(text=text)
    assert refused.value.code == "not-an-article"
    assert str(refused.value).startswith("this is not an article")
    assert "\n" not in str(refused.value)


def _cli_refusal(path: Path, text: str) -> str:
    """What ``intisari summarize`` says of a file holding ``text``: one line, exit 2."""
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(path)])
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1
    return result.output


def test_the_cli_says_so_in_one_line_with_exit_2(tmp_path: Path) -> None:
    said = _cli_refusal(tmp_path / "shadow", SHADOW)
    assert said.startswith("intisari: error: this is not an article")


#: Openings of real articles (newspaper4k's test pages: Xinhua, AFP, a Thai daily) in
#: scripts written without spaces between words.
UNSPACED = [
    ("Han (Chinese, Japanese)",
     "梁振英在星期二（12月10日）的答问大会开始之际在其演说中道歉，"
     "但强调他在违章建筑问题上没有隐瞒的意图和动机。"
     "一些亲北京阵营议员欢迎梁振英道歉，且认为应能获得市民原谅。"
     "民主派议员则认为，梁振英的道歉并无诚意，而且一再推卸责任。"),
    ("Japanese (kana)",
     "ナイジェリア北東部ボルノ州で16日夜、"
     "イスラム過激派組織によるものと思われる少女を使った"
     "自爆攻撃が起き、31人が死亡した。地元当局者と民兵指導者が17日、明らかにした。"
     "ボルノ州の州都マイドゥグリでは、これまでにも同様の攻撃が繰り返されている。"),
    ("Thai", "ผู้สื่อข่าวได้รับแจ้งจากบุตรชายของคนสนิทของนายสุรเชษฐ์ว่าบิดาถูกคนร้ายยิงเสียชีวิต "
     "ขณะขับรถยนต์กลับบ้านในอำเภอเมือง ตำรวจได้เข้าตรวจสอบที่เกิดเหตุแล้วในช่วงบ่ายวันนี้ "
     "โดยเบื้องต้นพบปลอกกระสุนปืนหลายปลอกตกอยู่บริเวณถนนหน้าบ้านของผู้ตาย"),
]


@pytest.mark.parametrize(("script", "text"), UNSPACED)
def test_a_script_without_spaces_between_words_gets_its_own_error(
    script: str, text: str
) -> None:
    # It was refused as "a list of numbers, a table, a configuration file?".
    with pytest.raises(UnsupportedScript) as refused:
        intisari.summarize(text=text)
    assert refused.value.code == "unsupported-script"
    assert f"written in {script} script" in str(refused.value)


@pytest.mark.parametrize(("script", "text"), UNSPACED)
def test_a_script_without_spaces_is_named_before_the_text_is_called_too_short(
    script: str, text: str
) -> None:
    """The opening repeated, one line under another: the first line was taken for the
    headline, cleaning cut every repeat of it as that, and an empty text was refused as
    too short ("article has 0 words after cleaning")."""
    with pytest.raises(UnsupportedScript, match=rf"written in {re.escape(script)} script"):
        intisari.summarize(text="\n".join([text] * 20))


def test_a_short_text_that_cleaning_empties_is_refused_by_its_script() -> None:
    # A short Chinese text of a headline and its repeat: both lines cut as the title.
    with pytest.raises(UnsupportedScript):
        intisari.summarize(text="梁振英就违章建筑道歉\n梁振英就违章建筑道歉")


#: The Chinese story's first sentence (``UNSPACED``), and the English menu of its page.
OPENING = (
    "梁振英在星期二（12月10日）的答问大会开始之际在其演说中道歉，"
    "但强调他在违章建筑问题上没有隐瞒的意图和动机。"
)
MENU = ["Home", "News", "World", "Business", "Sport", "Log in"]
#: A Chinese page copied whole: its menu, the story's opening, links to English stories,
#: its footer.
COPIED_PAGE = "\n".join([
    *MENU,
    OPENING,
    "Read more: Hong Kong lawmakers debate the chief executive's apology over illegal "
    "structures",
    "Read more: Beijing welcomes the apology and says the matter is now closed for good",
    "Read more: Democrats say the apology lacks sincerity and call for an independent "
    "inquiry",
    "Read more: Property prices in Hong Kong fall for a third straight month as rates rise",
    "Read more: Protesters gather outside government headquarters ahead of the question "
    "session",
    "Copyright 2024 Example News Group. All rights reserved.",
])


def test_a_chinese_story_among_english_links_is_refused_by_its_script(tmp_path: Path) -> None:
    """The English links hold most letters of the text read, and cleaning cuts them: the
    script is judged on the story cleaned too. The command line says so in one line, with
    exit 2."""
    said = _cli_refusal(tmp_path / "page.txt", COPIED_PAGE)
    assert said.startswith("intisari: error: this text is written in Han")


def test_a_han_character_weighs_as_the_letters_of_a_syllable() -> None:
    """A Chinese story's opening under the page's English menu and share buttons: 47
    characters against 56 letters once cleaning cut the footer, counted one a letter, read
    as a spaced text and refused as too short."""
    page = "\n".join([
        *MENU, "Share on Facebook", "Share on Twitter", OPENING,
        "Copyright 2024 Example News Group. All rights reserved.",
    ])
    with pytest.raises(UnsupportedScript, match="written in Han"):
        intisari.summarize(text=page)


def test_a_name_in_another_script_inside_an_article_is_no_reason_to_refuse() -> None:
    text = (
        "Presiden Joko Widodo bertemu Perdana Menteri Tiongkok Li Qiang (李强) di Jakarta "
        "pada Senin pagi. Kedua pemimpin membahas kerja sama perdagangan dan investasi "
        "di bidang infrastruktur. Pertemuan itu berlangsung selama dua jam di Istana Merdeka."
    )
    assert intisari.summarize(text=text).takeaways


@pytest.mark.data
def test_the_example_and_every_shared_page_pass() -> None:
    """Every page reads as prose (``read_article`` runs the prose check); every page but
    an advice column (refused as not news, ``takeaways.letters``) gets a box."""
    intisari.summarize(text=need(EXAMPLE_ARTICLE).read_text(encoding="utf-8"))
    manifest = need(HTML_PAGES / "manifest.jsonl").read_text(encoding="utf-8")
    for line in manifest.splitlines():
        page = json.loads(line)
        html = (HTML_PAGES / page["file"]).read_text(encoding="utf-8", errors="replace")
        read_article(text=None, html=html, url=None, title=None, lang=None,
                     options=DEFAULT_OPTIONS)
        try:
            assert intisari.summarize(html=html).takeaways, page["file"]
        except NotAnArticle as error:
            assert "advice column" in str(error), page["file"]


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize("name", ["indosum.tune.jsonl", "cnn.tune.jsonl"])
def test_no_tune_article_is_refused_as_not_an_article(name: str) -> None:
    refused = []
    for line in need(DATA / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        try:
            intisari.summarize(text=record["text"])
        except InputError as error:
            refused.append((record["id"], str(error)))
    assert refused == []
