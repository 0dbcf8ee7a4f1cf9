"""``check_statements``: each statement of a summary against the article it summarizes.

A statement may hold several sentences (an LLM's bullet, a line of a summary); each is
aligned to the article on its own (``align``), its facts are checked (``reasons``), it
is described by ``features`` and scored by the shipped model (``model``); the statement
gets its weakest sentence's score, the union of their evidence and all their reasons.
"""

from __future__ import annotations

from collections.abc import Sequence

from intisari.checking.align import ArticleIndex
from intisari.checking.features import Unit, unit
from intisari.checking.model import CheckerModel, load_checker
from intisari.checking.models import Label, StatementCheck
from intisari.document import Document
from intisari.language.segment import sentence_spans

__all__ = ["check_statements", "label_for", "statement_units", "unit_score"]


def check_statements(
    document: Document, statements: Sequence[str], model: CheckerModel | None = None
) -> list[StatementCheck]:
    """A verdict for each of ``statements`` (in order) against ``document``'s text.

    ``model``: the scorer; the shipped one by default.
    """
    model = model or load_checker()
    index = ArticleIndex.build(document)
    return [_check(index, statement, model) for statement in statements]


def statement_units(index: ArticleIndex, statement: str) -> list[Unit]:
    """The sentences of ``statement``, each with its features (also used in training)."""
    data = index.document.language.data
    text = " ".join(statement.split())
    return [unit(index, text[start:end]) for start, end in sentence_spans(text, data)]


def unit_score(model: CheckerModel, sentence: Unit) -> float:
    """The support of one statement sentence: no content word at all is no support."""
    if sentence.alignment.size == 0:
        return 0.0
    return model.score(sentence.features, sentence.finding.hard)


def label_for(score: float, model: CheckerModel | None = None, named: bool = False) -> Label:
    """The label of a score; ``named``: a hard reason was found (``Finding.hard``), a fact
    the article does not hold, which makes the statement unsupported whatever the words
    around it share with the article."""
    model = model or load_checker()
    if named or score < model.unsupported_below:
        return "unsupported"
    if score >= model.supported_from:
        return "supported"
    return "unclear"


def _check(index: ArticleIndex, statement: str, model: CheckerModel) -> StatementCheck:
    units = statement_units(index, statement)
    score = min((unit_score(model, u) for u in units), default=0.0)
    sentences = sorted({i for u in units for i in u.alignment.sentences})
    reasons = list(dict.fromkeys(r for u in units for r in u.finding.reasons))
    label = label_for(score, model, any(u.finding.hard for u in units))
    return StatementCheck(
        text=" ".join(statement.split()),
        score=round(score, 4),
        label=label,
        evidence=[
            (index.document.sentences[i].start, index.document.sentences[i].end)
            for i in sentences
        ],
        # A supported statement may still use a word or two the article does not: that
        # is paraphrase, not a reason to doubt it.
        reasons=[] if label == "supported" else reasons,
    )
