"""What the scorer reads of one statement sentence: how much of it the article holds.

Every feature is a share or a count that means the same in any language and for any
summary style, so a model fitted on one set (SummEval's English news) carries to others:

* how much of the statement the article holds: its content words in the best sentence,
  in the evidence, anywhere; its word pairs and triples anywhere and in the evidence;
* how it is put together from the article: the longest run of words copied as they
  stand, the density of the copied fragments (Grusky et al. 2018: long fragments are
  copying, many short ones rewriting), and the joins between fragments taken from
  different sentences (where fused summaries go wrong);
* the named reasons found (``reasons``), counted by family.

A speaker the article is confirmed to give the claim to (``speakers.confirmed_speaker``)
is left out of the shares and copies: their name and title ("Kapolda Metro Jaya Idham
Aziz") stand in the sentence that introduces them, seldom in the one holding the claim,
so they diluted the claim's sentence and read as text joined from a second one. The
evidence and the reasons still read the whole statement (a misspelt name is still a
``name``).

Summary length, sentence length and position are left out on purpose: they tell one
summarization system from another, not a true statement from a false one.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from intisari.checking.align import Alignment, ArticleIndex, align, ngrams
from intisari.checking.facts import tokens
from intisari.checking.reasons import Finding, find_reasons
from intisari.checking.speakers import confirmed_speaker

__all__ = ["FEATURE_NAMES", "WORSE_WHEN_HIGHER", "Unit", "unit"]

FEATURE_NAMES = (
    "best_share",
    "cover_share",
    "article_share",
    "bigram_share",
    "trigram_share",
    "bigram_evidence",
    "trigram_evidence",
    "longest_run",
    "fragment_density",
    "sentence_joins",
    "facts",  # number, date, amount
    "names",  # name, place
    "quotations",
    "negations",
    "relations",
)

#: Features where more means less support (the others are shares: less means less).
WORSE_WHEN_HIGHER = frozenset(
    {"sentence_joins", "facts", "names", "quotations", "negations", "relations"}
)


@dataclass
class Unit:
    """One sentence of a statement: its features, evidence and reasons."""

    features: np.ndarray
    alignment: Alignment
    finding: Finding


def unit(index: ArticleIndex, text: str) -> Unit:
    """Features, alignment and reasons of one statement sentence ``text``.

    The alignment (the evidence a reader is shown) and the reasons are the whole
    statement's; the features leave out a confirmed speaker's naming (module docstring).
    """
    data = index.document.language.data
    toks = tokens(text, data.negation_suffixes)
    alignment = align(index, index.content(toks))
    finding = find_reasons(text, toks, index, alignment, data)
    naming = confirmed_speaker(text, toks, index, data)
    scored, claim = toks, alignment
    if naming is not None:
        scored = toks[:naming[0]] + toks[naming[1]:]
        claim = align(index, index.content(scored))
    words = [t.word for t in scored]
    evidence_bigrams: set[tuple[str, ...]] = set()
    evidence_trigrams: set[tuple[str, ...]] = set()
    for i in claim.sentences:
        evidence_bigrams.update(ngrams(index.sentence_words[i], 2))
        evidence_trigrams.update(ngrams(index.sentence_words[i], 3))
    bigrams, trigrams = ngrams(words, 2), ngrams(words, 3)
    fragments = _fragments(index, words)
    n = max(len(words), 1)
    joins = sum(a[2][0] != b[2][0] for a, b in pairwise(fragments))
    features = np.array([
        claim.best_share,
        claim.cover_share,
        claim.article_share,
        _share(bigrams, index.bigrams),
        _share(trigrams, index.trigrams),
        _share(bigrams, evidence_bigrams),
        _share(trigrams, evidence_trigrams),
        max((length for _, length, _ in fragments), default=0) / n,
        sum(length * length for _, length, _ in fragments) / n,
        joins,
        finding.count("number", "date", "amount"),
        finding.count("name", "place"),
        finding.count("quotation"),
        finding.count("negation"),
        finding.count("relation"),
    ])
    return Unit(features, alignment, finding)


def _share(grams: list[tuple[str, ...]], known: set[tuple[str, ...]] | frozenset) -> float:
    """Share of ``grams`` in ``known``; a statement too short to have any holds them all."""
    return sum(g in known for g in grams) / len(grams) if grams else 1.0


def _fragments(index: ArticleIndex, words: list[str]) -> list[tuple[int, int, tuple[int, int]]]:
    """Greedy longest copies: ``(start, length, (sentence, position))`` left to right.

    A lone stop word is not a copy (every article has "the"); a word the article lacks
    is skipped.
    """
    found = []
    i = 0
    while i < len(words):
        length, source = 0, (0, 0)
        for sentence, position in index.positions.get(words[i], ()):
            article = index.sentence_words[sentence]
            k = 0
            while (
                i + k < len(words) and position + k < len(article)
                and article[position + k] == words[i + k]
            ):
                k += 1
            if k > length:
                length, source = k, (sentence, position)
        if length == 0:
            i += 1
            continue
        if length > 1 or words[i] not in index.stopwords:
            found.append((i, length, source))
        i += length
    return found
