"""``check_statements``: each statement of a summary against the article it summarizes.

A statement may hold several sentences (an LLM's bullet, a line of a summary); each is
aligned to the article on its own (``align``), its facts are checked (``reasons``), and
the statement gets its weakest sentence's score, the union of their evidence and all
their reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intisari.checking.align import ArticleIndex, align, ngrams
from intisari.checking.facts import tokens
from intisari.checking.models import Label, StatementCheck
from intisari.checking.reasons import Finding, find_reasons
from intisari.document import Document
from intisari.language.segment import sentence_spans

__all__ = [
    "CHECKER_METHOD",
    "SUPPORTED_FROM",
    "UNSUPPORTED_BELOW",
    "check_statements",
    "label_for",
]

#: Reported in ``Verification.engine.method``: names the scorer so verdicts can be traced.
CHECKER_METHOD = "lexical-1"
#: Scores at or above this are ``supported``; below ``UNSUPPORTED_BELOW`` ``unsupported``;
#: in between ``unclear``.
SUPPORTED_FROM = 0.7
UNSUPPORTED_BELOW = 0.45
#: Each named reason (other than ``content``, which the word shares already count)
#: halves the score: one wrong number is enough to make a statement wrong.
REASON_PENALTY = 0.5


@dataclass
class _Unit:
    """One sentence of a statement, checked."""

    score: float
    evidence: list[int]
    finding: Finding


def check_statements(document: Document, statements: Sequence[str]) -> list[StatementCheck]:
    """A verdict for each of ``statements`` (in order) against ``document``'s text."""
    index = ArticleIndex.build(document)
    return [_check(index, statement) for statement in statements]


def label_for(score: float) -> Label:
    if score >= SUPPORTED_FROM:
        return "supported"
    if score < UNSUPPORTED_BELOW:
        return "unsupported"
    return "unclear"


def _check(index: ArticleIndex, statement: str) -> StatementCheck:
    data = index.document.language.data
    text = " ".join(statement.split())
    units = [
        _unit(index, text[start:end]) for start, end in sentence_spans(text, data)
    ] or [_Unit(0.0, [], Finding([]))]
    score = min(unit.score for unit in units)
    sentences = sorted({i for unit in units for i in unit.evidence})
    reasons = list(dict.fromkeys(r for unit in units for r in unit.finding.reasons))
    evidence = [
        (index.document.sentences[i].start, index.document.sentences[i].end) for i in sentences
    ]
    return StatementCheck(
        text=text, score=round(score, 4), label=label_for(score), evidence=evidence,
        reasons=reasons if score < SUPPORTED_FROM else [],
    )


def _unit(index: ArticleIndex, text: str) -> _Unit:
    data = index.document.language.data
    toks = tokens(text, data.negation_suffixes)
    content = index.content(toks)
    if not content:
        return _Unit(0.0, [], Finding([]))
    alignment = align(index, content)
    words = [t.word for t in toks]
    bigrams = ngrams(words, 2)
    trigrams = ngrams(words, 3)
    bigram_share = (
        sum(g in index.bigrams for g in bigrams) / len(bigrams) if bigrams else 1.0
    )
    trigram_share = (
        sum(g in index.trigrams for g in trigrams) / len(trigrams) if trigrams else 1.0
    )
    finding = find_reasons(text, toks, index, alignment, data)
    score = 0.5 * alignment.cover_share + 0.25 * bigram_share + 0.25 * trigram_share
    score *= REASON_PENALTY ** sum(r.kind != "content" for r in finding.reasons)
    return _Unit(score, alignment.sentences, finding)
