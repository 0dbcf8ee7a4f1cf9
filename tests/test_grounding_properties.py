"""Property-based: on any input, takeaways are grounded in the text or the input is refused.

The grounding invariant (README, "The JSON result"): for every takeaway with ``origin ==
"extract"`` (all of them unless ``--method llm`` is asked for, as here), joining
``text[start:end]`` of its spans with single spaces gives its text, whitespace collapsed.
Checked on articles made of real sentences (``property_inputs.py``: a real article is never
refused, so every example reaches the assertion), on the same articles as HTML pages, on
arbitrary Unicode and news-like pieces (refused or grounded; at least a share of them must
get through), and the spans that cleaning and segmentation produce are ordered,
non-overlapping and inside the text. Each property counts the examples that reach its
assertion (``Reach``); the run's summary prints the counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import intisari
from intisari.errors import InputError, InputTooShort
from intisari.ingest.clean import clean
from intisari.language.data import GENERIC, LANGUAGES
from intisari.language.segment import paragraph_spans, sentence_spans
from intisari.result import join_spans
from property_inputs import Reach, article_pages, articles

#: Enough examples to find a broken rule, few enough that the file runs in seconds.
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Share of the mixed inputs that must be summarized, not refused: half of them are
#: articles (measured: 45-75% reach the assertion; a binomial tail below a quarter is
#: under one run in 10,000).
MIN_REACH_MIXED = 0.25
#: News is summarized, but a story whose every sentence is part of a quotation too long
#: to show whole gets no box by design (``takeaways/quotes.py``: "Melalui Twitter, tokoh
#: feminis Fatima al - Issa mencuit, “jika dia ... jenjang. Tapi karena dia seorang Saudi,
#: banyak yang meminta dia disidang!”", 35 words, was a whole page's story once): such
#: refusals may be a few of the examples, not more.
MIN_REACH_NEWS = 0.9

PIECES = [
    "Pemerintah",
    "Kab.",
    "Bogor",
    "Jl.",
    "Sudirman",
    "No.",
    "5",
    "Rp1,5",
    "triliun",
    "3.5%",
    "dll.",
    "A.",
    "Yani",
    "S.H.",
    "“Kami",
    "siap,”",
    "ujar",
    "Peskov.",
    "...",
    "…",
    "Namun,",
    "dia",
    "Baca juga:",
    "MEMBACA",
    "(rsa)",
    "[Baca juga: Judul]",
    "Jakarta, CNN Indonesia --",
    "https://contoh.co.id/a.",
    "the",
    "U.S.",
    "said.",
    "?",
    "!",
    "\n",
    "\n\n",
    "**",
    "Dr.",
]
news_like = st.lists(st.sampled_from(PIECES), min_size=0, max_size=120).map(" ".join)
#: Arbitrary Unicode, piles of the pieces the rules act on, and real articles.
any_text = st.one_of(st.text(max_size=600), news_like, articles(), articles())
html_ish = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<html lang='id'>",
                "<title>",
                "</title>",
                "<br>",
                "<script>x</script>",
                "<article>",
                "</article>",
                "&amp;",
                "<!--",
            ]
        ),
        news_like,
        st.text(max_size=40),
    ),
    max_size=30,
).map("".join)


def assert_grounded(summary: intisari.Summary, count: int) -> None:
    assert 1 <= len(summary.takeaways) <= count
    previous_end = 0
    for takeaway in summary.takeaways:
        assert takeaway.origin == "extract" and takeaway.evidence is None
        for start, end in takeaway.spans:
            assert previous_end <= start < end <= len(summary.text)
            previous_end = end
        joined = join_spans(summary.text, takeaway.spans)
        assert re.sub(r"\s+", " ", joined).strip() == re.sub(r"\s+", " ", takeaway.text).strip()


@EXAMPLES
@given(article=articles(), count=st.none() | st.integers(1, 5),
       lang=st.sampled_from([None, "id", "en", "de"]))
def _articles_property(reach: Reach, article: str, count: int | None, lang: str | None) -> None:
    reach.example()
    try:
        summary = intisari.summarize(text=article, count=count, lang=lang)
    except InputTooShort as error:
        assert "no sentence of the article can stand" in str(error)
        return
    reach.asserting()
    assert_grounded(summary, count or 5)


def test_articles_are_grounded(assertion_reach: Callable[[str], Reach]) -> None:
    reach = assertion_reach("articles summarized and grounded")
    _articles_property(reach)
    reach.check(at_least=MIN_REACH_NEWS)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=article_pages())
def _pages_property(reach: Reach, page: str) -> None:
    reach.example()
    try:
        summary = intisari.summarize(html=page)
    except InputTooShort as error:
        assert "no sentence of the article can stand" in str(error)
        return
    reach.asserting()
    assert_grounded(summary, 5)


def test_article_pages_are_grounded(assertion_reach: Callable[[str], Reach]) -> None:
    reach = assertion_reach("pages summarized and grounded")
    _pages_property(reach)
    reach.check(at_least=MIN_REACH_NEWS)


@EXAMPLES
@given(text=any_text, count=st.integers(1, 5), lang=st.sampled_from([None, "id", "en", "de"]))
def _text_property(reach: Reach, text: str, count: int, lang: str | None) -> None:
    reach.example()
    try:
        summary = intisari.summarize(text=text, count=count, lang=lang)
    except InputError as error:
        assert str(error) and "\n" not in str(error)  # One line, for the CLI and the API.
        return
    reach.asserting()
    assert_grounded(summary, count)


def test_text_is_grounded_or_refused(assertion_reach: Callable[[str], Reach]) -> None:
    reach = assertion_reach("any text summarized and grounded")
    _text_property(reach)
    reach.check(at_least=MIN_REACH_MIXED)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=st.one_of(html_ish, article_pages(), article_pages()))
def _html_property(reach: Reach, html: str) -> None:
    reach.example()
    try:
        summary = intisari.summarize(html=html)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    reach.asserting()
    assert_grounded(summary, 5)  # The automatic box: 1-5 takeaways.


def test_html_is_grounded_or_refused(assertion_reach: Callable[[str], Reach]) -> None:
    reach = assertion_reach("any HTML summarized and grounded")
    _html_property(reach)
    reach.check(at_least=MIN_REACH_MIXED)


def assert_ordered_within(spans: list[tuple[int, int]], text: str) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


@EXAMPLES
@given(text=any_text, code=st.sampled_from(["id", "en", "und"]))
def test_segmentation_spans_are_ordered_and_within_the_text(text: str, code: str) -> None:
    rules = LANGUAGES.get(code, GENERIC)
    assert_ordered_within(paragraph_spans(text), text)
    spans = sentence_spans(text, rules)
    assert_ordered_within(spans, text)
    # Every non-space character is in exactly one sentence.
    covered = sum(len(re.sub(r"\s", "", text[s:e])) for s, e in spans)
    assert covered == len(re.sub(r"\s", "", text))


@EXAMPLES
@given(text=any_text)
def test_cleaning_output_segments_cleanly(text: str) -> None:
    cleaned = clean(text, LANGUAGES["id"])
    assert "\n\n\n" not in cleaned.text and cleaned.text == cleaned.text.strip()
    assert all(removed.reason for removed in cleaned.removed)
    assert_ordered_within(sentence_spans(cleaned.text, LANGUAGES["id"]), cleaned.text)
