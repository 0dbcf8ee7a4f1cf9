"""The Indonesian changed-fact set: reference sentences with one fact changed, and not.

No Indonesian set of human-judged summaries exists, so this one is built, the same way
every time, from IndoSum's human summaries (``../shared/data/indosum.tune.jsonl``; never
stored in the repository). For each article, each sentence of its reference summary is:

* ``unchanged`` when the article holds it word for word (IndoSum's summaries are mostly
  extractive): the checker should accept it;
* ``paraphrase`` when it does not: a sentence a person rewrote from the article, which
  the checker should also accept (a real paraphrase, not a made-up one);
* the source of ``changed`` variants, each with exactly one fact changed, when the
  sentence is unchanged and holds that kind of fact:

  - ``number``: its first number changed (a year by one, other numbers by about a third,
    never to a number the article has);
  - ``name``: its first name the article writes capitalised (not the opening word)
    replaced by a name from another article of the set;
  - ``date``: a weekday or month name moved to one the article does not name, or the
    day of a "(8/9/2017)" date moved by one;
  - ``negation``: its negation removed, or "tidak" put before its first verb (a word
    with a verb prefix, ``VERB_PREFIXES``) when it has none;
  - ``actor``: its first two different names swapped ("Marquez mengungguli Pirro" ->
    "Pirro mengungguli Marquez").

The figures are recall on the changed sentences (share not labelled ``supported``), and
acceptance of the unchanged and paraphrased ones (share labelled ``supported``), per
kind, with the share of changed sentences whose reasons name the changed kind.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from intisari.checking.align import ArticleIndex
from intisari.checking.check import check_statements
from intisari.checking.facts import Token, tokens
from intisari.checking.models import StatementCheck
from intisari.document import Document
from intisari.errors import InputError
from intisari.evaluation.corpus import read_records
from intisari.language.segment import sentence_spans
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import read_article

__all__ = ["CHANGES", "Case", "ChangedFactFigures", "build_cases", "score_cases"]

#: The kinds of change, in the order they are tried on each sentence.
CHANGES = ("number", "name", "date", "negation", "actor")
#: Which reason kinds count as naming each change.
EXPECTED_REASONS = {
    "number": {"number", "amount", "date"},
    "name": {"name", "place", "relation", "content"},
    "date": {"date", "number"},
    "negation": {"negation"},
    # Swapping a speaker with another name gives the words to the wrong person.
    "actor": {"relation", "speaker"},
}
#: Indonesian verb prefixes (meN-, di-, ber-, ter-): "tidak" goes before the first word
#: carrying one. Only this test set's builder uses them; the checker does not.
VERB_PREFIXES = re.compile(r"^(me|di|ber|ter)[a-z]{3,}$")
#: The word a negation is made with.
NEGATION = "tidak"
#: Articles read by default: ~1,000 reference sentences, a few seconds of CPU.
DEFAULT_ARTICLES = 300
_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
_SLASH_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})(/\d{2,4})?\)")


@dataclass(frozen=True)
class Case:
    """One sentence to check: ``kind`` is ``unchanged``, ``paraphrase`` or a change."""

    article: int
    kind: str
    text: str
    original: str


def build_cases(path: Path, limit: int = DEFAULT_ARTICLES) -> tuple[list[Document], list[Case]]:
    """The set built from the first ``limit`` articles of ``path``: documents and cases."""
    documents: list[Document] = []
    references: list[list[str]] = []
    for record in read_records(path, limit):
        try:
            document = read_article(
                text=record["text"], html=None, url=None, title=None, lang=record.get("lang"),
                options=DEFAULT_OPTIONS,
            ).document
        except InputError:
            continue
        summary = " ".join((record.get("summary") or "").split())
        data = document.language.data
        documents.append(document)
        references.append([summary[s:e] for s, e in sentence_spans(summary, data)])
    indexes = [ArticleIndex.build(d) for d in documents]
    pool = sorted({name for index in indexes for name in _names(index)})
    cases = []
    for number, (index, sentences) in enumerate(zip(indexes, references, strict=True)):
        for sentence in sentences:
            flat = " " + " ".join(t.word for t in tokens(sentence)) + " "
            if flat not in index.flat:
                cases.append(Case(number, "paraphrase", sentence, sentence))
                continue
            cases.append(Case(number, "unchanged", sentence, sentence))
            for kind in CHANGES:
                changed = _change(kind, sentence, index, pool)
                if changed is not None and changed != sentence:
                    cases.append(Case(number, kind, changed, sentence))
    return documents, cases


@dataclass
class ChangedFactFigures:
    """Per kind: how many cases, the share flagged or accepted, reasons naming the kind."""

    rows: dict[str, dict[str, float]]

    def table(self) -> str:
        lines = [
            "| sentences | n | supported | unclear | unsupported | reason names the change |",
            "|---|---|---|---|---|---|",
        ]
        for kind, row in self.rows.items():
            named = f"{row['named']:.1f}%" if kind in EXPECTED_REASONS else "-"
            lines.append(
                f"| {kind} | {row['n']:.0f} | {row['supported']:.1f}% | {row['unclear']:.1f}% "
                f"| {row['unsupported']:.1f}% | {named} |"
            )
        return "\n".join(lines)

    @property
    def recall(self) -> float:
        """Share of changed sentences not labelled ``supported``."""
        changed = [r for k, r in self.rows.items() if k in EXPECTED_REASONS]
        flagged = sum(r["n"] * (100 - r["supported"]) for r in changed)
        return flagged / sum(r["n"] for r in changed)

    def acceptance(self, kind: str) -> float:
        """Share of ``unchanged`` or ``paraphrase`` sentences labelled ``supported``."""
        return self.rows[kind]["supported"]


def score_cases(documents: list[Document], cases: list[Case]) -> ChangedFactFigures:
    """Check every case against its article and count the verdicts by kind."""
    by_article: dict[int, list[Case]] = defaultdict(list)
    for case in cases:
        by_article[case.article].append(case)
    verdicts: dict[str, list[tuple[Case, StatementCheck]]] = defaultdict(list)
    for number, group in by_article.items():
        checks = check_statements(documents[number], [c.text for c in group])
        for case, check in zip(group, checks, strict=True):
            verdicts[case.kind].append((case, check))
    rows = {}
    for kind in ("unchanged", "paraphrase", *CHANGES):
        pairs = verdicts.get(kind, [])
        n = len(pairs) or 1
        expected = EXPECTED_REASONS.get(kind, set())
        rows[kind] = {
            "n": float(len(pairs)),
            **{label: 100.0 * sum(c.label == label for _, c in pairs) / n
               for label in ("supported", "unclear", "unsupported")},
            "named": 100.0 * sum(any(r.kind in expected for r in c.reasons) for _, c in pairs) / n,
        }
    return ChangedFactFigures(rows)


def _names(index: ArticleIndex) -> set[str]:
    """Names written capitalised in the article (as written), for the replacement pool."""
    found = set()
    for sentence in index.document.sentences:
        for position, token in enumerate(tokens(sentence.text)):
            if position and token.capital and token.word in index.names and len(token.word) > 3:
                found.add(sentence.text[token.start:token.end])
    return found


def _name_runs(toks: list[Token], index: ArticleIndex) -> list[tuple[int, int, list[str]]]:
    """Runs of the article's names in the sentence (not its opening word): ``(start, end,
    words)``, so "Barry Keoghan" is swapped whole."""
    runs: list[tuple[int, int, list[str]]] = []
    previous = -2
    for position, token in enumerate(toks):
        if position == 0 or not token.capital or token.word not in index.names:
            continue
        if runs and previous == position - 1:
            runs[-1] = (runs[-1][0], token.end, [*runs[-1][2], token.word])
        else:
            runs.append((token.start, token.end, [token.word]))
        previous = position
    return runs


def _pick(options: list[str], key: str) -> str | None:
    """A deterministic choice among ``options``: the same sentence gets the same pick."""
    if not options:
        return None
    digest = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16)
    return options[digest % len(options)]


def _change(kind: str, sentence: str, index: ArticleIndex, pool: list[str]) -> str | None:
    data = index.document.language.data
    toks = tokens(sentence)
    if kind == "number":
        match = next((m for m in _DIGITS.finditer(sentence) if "/" not in
                      sentence[max(0, m.start() - 1):m.end() + 1]), None)
        if match is None or not match.group().isdigit():
            return None
        value = int(match.group())
        known = set(index.numbers.values())
        for candidate in (value + 1 if 1900 <= value <= 2100 else value + max(2, value // 3),
                          value * 3 + 7):
            if float(candidate) not in known:
                return sentence[:match.start()] + str(candidate) + sentence[match.end():]
        return None
    if kind == "name":
        for position, token in enumerate(toks):
            if position and token.capital and token.word in index.names:
                others = [n for n in pool if n.lower() not in index.words]
                new = _pick(others, sentence)
                if new is None:
                    return None
                return sentence[:token.start] + new + sentence[token.end:]
        return None
    if kind == "date":
        month_names = [m for m, _ in data.months if len(m) > 3]
        for token in toks:
            for names in (sorted(data.weekdays), month_names):
                if token.word in names:
                    free = [n for n in names if n not in index.words and n != token.word]
                    new = _pick(free, sentence)
                    if new is not None:
                        return sentence[:token.start] + new.capitalize() + sentence[token.end:]
        slash = _SLASH_DATE.search(sentence)
        if slash is not None and int(slash.group(1)) < 28:
            start, end = slash.span(1)
            return sentence[:start] + str(int(slash.group(1)) + 1) + sentence[end:]
        return None
    if kind == "negation":
        for token in toks:
            if token.word in data.negations:
                end = token.end + 1 if sentence[token.end:token.end + 1] == " " else token.end
                return sentence[:token.start] + sentence[end:]
        for position, token in enumerate(toks):
            if position and not token.capital and VERB_PREFIXES.match(token.word):
                return sentence[:token.start] + NEGATION + " " + sentence[token.start:]
        return None
    if kind == "actor":
        runs = _name_runs(toks, index)
        for i, (start, end, words) in enumerate(runs):
            other = next((r for r in runs[i + 1:] if not set(r[2]) & set(words)), None)
            if other is not None:
                a, b = sentence[start:end], sentence[other[0]:other[1]]
                return sentence[:start] + b + sentence[end:other[0]] + a + sentence[other[1]:]
        return None
    raise ValueError(f"unknown change {kind!r}")

