"""Property-based: on any input, takeaways are grounded in the text or the input is refused.

The grounding invariant (README, "The JSON result"): for every takeaway with ``origin ==
"extract"`` (all of them unless ``--method llm`` is asked for, as here), joining
``text[start:end]`` of its spans with single spaces gives its text, whitespace collapsed. Checked on
arbitrary Unicode, on news-like text built from the pieces the rules care about, and on
HTML-ish strings; and the spans that cleaning and segmentation produce are ordered,
non-overlapping and inside the text.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import intisari
from intisari.errors import InputError
from intisari.ingest.clean import clean
from intisari.language.data import GENERIC, LANGUAGES
from intisari.language.segment import paragraph_spans, sentence_spans

#: Enough examples to find a broken rule, few enough that the file runs in seconds.
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

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
any_text = st.one_of(st.text(max_size=600), news_like)
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
        joined = " ".join(summary.text[start:end] for start, end in takeaway.spans)
        assert re.sub(r"\s+", " ", joined).strip() == re.sub(r"\s+", " ", takeaway.text).strip()


@EXAMPLES
@given(text=any_text, count=st.integers(1, 5), lang=st.sampled_from([None, "id", "en", "de"]))
def test_text_is_grounded_or_refused(text: str, count: int, lang: str | None) -> None:
    try:
        summary = intisari.summarize(text=text, count=count, lang=lang)
    except InputError:
        return
    assert_grounded(summary, count)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=html_ish)
def test_html_is_grounded_or_refused(html: str) -> None:
    try:
        summary = intisari.summarize(html=html)
    except InputError:
        return
    assert_grounded(summary, 3)


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
