"""The work per article is bounded, whatever its size (issue 10, item 12).

Before: 240,000 short sentences took 3.9 s and 384 MB, 100,000 ``<p>`` 10-41 s in
extraction, and 52,000 repeated long sentences made numpy warn of an overflow in ``exp``.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import intisari
from intisari.errors import InputTooShort
from intisari.ingest.html import MAX_FALLBACK_TAGS
from intisari.language.detect import language_for
from intisari.pipeline import MAX_SENTENCES, build_document
from intisari.ranking.network import Network

STORY = (
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi. "
    "Jalan tol itu menghubungkan Semarang dengan Solo dan dibangun selama tiga tahun. "
    "Menteri mengatakan jalan tersebut akan mengurangi waktu tempuh hingga separuhnya."
)


def test_only_the_first_max_sentences_of_an_article_are_ranked() -> None:
    text = "Ya. " * 250_000
    document = build_document(text, None, language_for("id"))
    assert len(document.sentences) == MAX_SENTENCES
    assert document.paragraph_count == 1
    summary = intisari.summarize(STORY + "\n\n" + text, count=5)
    last = document.sentences[-1].end + len(STORY) + 2
    assert all(end <= last for t in summary.takeaways for _, end in t.spans)


def test_a_short_article_is_read_whole() -> None:
    text = "\n\n".join([STORY] * 20)
    document = build_document(text, None, language_for("id"))
    assert len(document.sentences) == 60
    assert document.paragraph_count == 20


def test_network_scores_extreme_logits_without_overflow() -> None:
    """A numerically stable logistic: logits far beyond +-709 give 0 and 1, no warning."""
    network = Network(
        mean=np.zeros(1), scale=np.ones(1), weights=(np.ones((1, 1)),), biases=(np.zeros(1),)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scores = network(np.array([[-1e6], [-800.0], [0.0], [800.0], [1e6]]))
    assert np.all(np.isfinite(scores))
    assert scores[0] == pytest.approx(0.0) and scores[-1] == pytest.approx(1.0)
    assert scores[2] == 0.5
    assert list(scores) == sorted(scores)


def test_repeated_long_sentences_summarize_without_numpy_warnings() -> None:
    sentence = "Presiden Joko Widodo datang ke Jakarta hari ini untuk rapat penting. "
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary = intisari.summarize(sentence * 14_000)
    assert summary.takeaways


def test_trafilatura_reads_at_most_max_fallback_tags() -> None:
    """Where the fast HTML path is unsure (little text), trafilatura reads the page's first
    ``MAX_FALLBACK_TAGS`` tags and no more."""
    article = f"<p>{STORY}</p>"
    filler = "<i></i>" * MAX_FALLBACK_TAGS
    summary = intisari.summarize(html=f"<html><body><div>{article}{filler}</div></body></html>")
    assert summary.takeaways
    # A story after the limit is not read: the page is refused as having no article.
    with pytest.raises(InputTooShort):
        intisari.summarize(html=f"<html><body><div>{filler}{article}</div></body></html>")
