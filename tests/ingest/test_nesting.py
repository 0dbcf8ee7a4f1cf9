"""A page nested too deep for linear-time parsing is refused before the parser sees it."""

from __future__ import annotations

import time

import pytest

import intisari
from data_paths import HTML_PAGES, need
from intisari.errors import NotAnArticle
from intisari.ingest.nesting import MAX_PARSE_STEPS, check_nesting, parse_steps

STORY = (
    "<p>Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
    "pada Senin pagi, kata wali kota kepada wartawan.</p>\n"
) * 12


def test_unclosed_divs_are_refused_quickly_as_not_an_article() -> None:
    # 40,000 unclosed <div> (200 kB) took the parser 3 s of CPU on a quiet machine, and
    # the 2 MB input cap held ten times as many (quadratic: minutes for one request).
    page = "<html><body>" + "<div>" * 40_000 + STORY
    started = time.process_time()
    with pytest.raises(NotAnArticle, match="nests its elements at least"):
        intisari.summarize(html=page)
    assert time.process_time() - started < 1.5


def test_inline_tags_left_open_count_towards_the_depth() -> None:
    # Each <section> is looked up past every open <b> below it.
    steps, deepest = parse_steps(b"<b>" * 5_000 + b"<section></section>" * 5_000)
    assert deepest == 5_001
    assert steps > MAX_PARSE_STEPS


def test_elements_that_close_themselves_do_not_deepen_the_stack() -> None:
    # Old pages leave <p>, <li> and <td> open; the parser closes them at the next one.
    steps, deepest = parse_steps(b"<ul>" + b"<li><p>item" * 50_000 + b"</ul>")
    assert deepest == 1
    assert steps == 1 + 100_000  # the <ul>, then each <li> and <p> one deep


def test_comments_scripts_and_void_elements_are_not_counted() -> None:
    page = (
        b"<html><head><script>var t = '" + b"<div>" * 50_000 + b"';</script>"
        b"<!-- " + b"<section>" * 50_000 + b" -->"
        b"<STYLE>" + b"<div>" * 1_000 + b"</style></head><body>"
        + b"<br><img src=x>" * 500 + b"<article>" + STORY.encode() + b"</article>"
    )
    _, deepest = parse_steps(page)
    assert deepest == 3  # html, body, article
    check_nesting(page)
    assert intisari.summarize(html=page.decode()).takeaways


def test_every_shared_page_costs_a_small_share_of_the_budget() -> None:
    pages = sorted(need(HTML_PAGES).glob("*.html"))
    assert len(pages) >= 40
    for page in pages:
        steps, deepest = parse_steps(page.read_bytes())
        assert steps < MAX_PARSE_STEPS / 100, page.name
        assert deepest < 100, page.name
