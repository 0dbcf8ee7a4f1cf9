"""Where in the article a statement comes from: its best sentences, and what they cover.

The article is indexed once (``ArticleIndex``): each sentence's words and word pairs, the
article's words, word pairs and triples, its numbers, and the words it capitalises
(names). A statement is then aligned to the few sentences that together hold most of
its content words, greedily: the evidence a reader is shown, and the sentences its
negations, numbers and relations are compared with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from intisari.checking.facts import (
    Numbers,
    Token,
    joined_initials,
    negated,
    numbers,
    tokens,
)
from intisari.document import Document

__all__ = ["Alignment", "ArticleIndex", "align", "ngrams"]

#: Most sentences one statement is aligned to: a summary sentence fuses two or three.
MAX_EVIDENCE_SENTENCES = 3
#: A sentence joins the evidence only if it adds at least this share of the statement's
#: content words (one word of a long statement is chance, not evidence).
MIN_ADDED_SHARE = 0.15
#: A word the article writes capitalised at least this share of the times (not opening
#: a sentence) is a name.
NAME_CAPITAL_SHARE = 0.6
#: Longest name whose initials are read as an acronym ("Paris Saint-Germain": PSG, "Komisi
#: Pemberantasan Korupsi": KPK); longer runs of capitalised words are lists of names.
MAX_ACRONYM_WORDS = 6


def ngrams(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]


@dataclass
class ArticleIndex:
    """Everything the checker looks up in one article, built once per article."""

    document: Document
    #: Lower-cased words of each sentence, in order.
    sentence_words: list[list[str]]
    sentence_sets: list[frozenset[str]]
    sentence_negated: list[bool]
    words: frozenset[str]
    bigrams: frozenset[tuple[str, ...]]
    trigrams: frozenset[tuple[str, ...]]
    #: Word -> indexes of the sentences holding it.
    where: dict[str, list[int]]
    #: Word -> every (sentence, position) where it stands: copied fragments start there.
    positions: dict[str, list[tuple[int, int]]]
    #: Lower-cased words the article writes as names ("Merson", "Jakarta").
    names: frozenset[str]
    numbers: Numbers
    #: The article's words joined by single spaces, padded: quotes are looked up in it.
    flat: str
    #: Lower-cased words the article writes in capitals or with dots between letters
    #: ("PSG", "U.S." as "us"): a statement spelling one out names the same thing.
    acronyms: frozenset[str] = field(default_factory=frozenset)
    #: Initials of the article's runs of capitalised words ("Paris Saint - Germain":
    #: "psg"): a statement may write the acronym the article spells out.
    initials: frozenset[str] = field(default_factory=frozenset)
    stopwords: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(cls, document: Document) -> ArticleIndex:
        data = document.language.data
        sentence_words: list[list[str]] = []
        where: dict[str, list[int]] = defaultdict(list)
        positions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        capital: Counter[str] = Counter()
        seen: Counter[str] = Counter()
        negations = []
        acronyms: set[str] = set()
        initials: set[str] = set()
        for index, sentence in enumerate(document.sentences):
            toks = tokens(sentence.text, data.negation_suffixes)
            words = [t.word for t in toks]
            sentence_words.append(words)
            negations.append(negated(words, data))
            for word in set(words):
                where[word].append(index)
            for position, word in enumerate(words):
                positions[word].append((index, position))
            acronyms.update(t.word for t in joined_initials(toks, sentence.text) if t.acronym)
            initials.update(_initials(toks, data.stopwords))
            for position, token in enumerate(toks):
                if position == 0 or not token.word.isalpha():
                    continue  # a sentence's first word is capitalised whatever it is
                seen[token.word] += 1
                capital[token.word] += token.capital
        all_words = [w for words in sentence_words for w in words]
        # Weekdays and months are capitalised too, but they are dates, not actors.
        not_names = data.stopwords | data.weekdays | {m for m, _ in data.months}
        names = frozenset(
            w for w, n in seen.items()
            if capital[w] >= NAME_CAPITAL_SHARE * n and w not in not_names
        )
        return cls(
            document=document,
            sentence_words=sentence_words,
            sentence_sets=[frozenset(w) for w in sentence_words],
            sentence_negated=negations,
            words=frozenset(all_words),
            bigrams=frozenset(g for words in sentence_words for g in ngrams(words, 2)),
            trigrams=frozenset(g for words in sentence_words for g in ngrams(words, 3)),
            where=dict(where),
            positions=dict(positions),
            names=names,
            numbers=numbers(document.text, data),
            flat=" " + " ".join(all_words) + " ",
            stopwords=data.stopwords,
            acronyms=frozenset(acronyms),
            initials=frozenset(initials),
        )

    def content(self, toks: list[Token]) -> list[str]:
        """The statement's content words, unique, in order: no stop words, no 1-letter."""
        seen: dict[str, None] = {}
        for token in toks:
            if token.word not in self.stopwords and len(token.word) > 1:
                seen.setdefault(token.word)
        return list(seen)


def _initials(toks: list[Token], stopwords: frozenset[str]) -> set[str]:
    """First letters of the stretches (two to ``MAX_ACRONYM_WORDS`` words) that open or
    close a run of capitalised words: "Perdana Menteri Australia Malcolm Turnbull" gives
    "pm", "pma", ... and "mt", "amt", ...; "Paris Saint - Germain" gives "psg". A stretch
    inside a long run ("ma") is seldom what an acronym stands for, and a two-letter
    acronym would find one by chance. A stop word is no part of a run: "Di Gerbang Tol"
    opening a sentence gives "gt"."""
    found: set[str] = set()
    run: list[str] = []
    for token in [*toks, None]:
        if token is not None and token.capital and token.word.isalpha() and (
            token.word not in stopwords
        ):
            run.append(token.word[0])
            continue
        for length in range(2, min(len(run), MAX_ACRONYM_WORDS) + 1):
            found.add("".join(run[:length]))
            found.add("".join(run[-length:]))
        run = []
    return found


@dataclass
class Alignment:
    """The sentences a statement rests on, and how much of it they and the article hold."""

    #: Indexes of the evidence sentences, best first.
    sentences: list[int]
    #: Share of the statement's content words in its best sentence, in the evidence, and
    #: anywhere in the article.
    best_share: float
    cover_share: float
    article_share: float
    #: Content words of the statement the article nowhere has.
    novel: list[str]
    #: How many content words the statement has (0: nothing to support).
    size: int


def align(index: ArticleIndex, content: list[str]) -> Alignment:
    """Greedy cover of the statement's ``content`` words by the article's sentences."""
    if not content:
        return Alignment([], 1.0, 1.0, 1.0, [], 0)
    novel = [w for w in content if w not in index.words]
    remaining = set(content) - set(novel)
    chosen: list[int] = []
    best_share = 0.0
    total = len(content)
    while remaining and len(chosen) < MAX_EVIDENCE_SENTENCES:
        counts: Counter[int] = Counter()
        for word in remaining:
            counts.update(index.where.get(word, ()))
        if not counts:
            break
        # Most words added; ties go to the earlier sentence (news puts the fact first).
        sentence, added = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if chosen and added < MIN_ADDED_SHARE * total:
            break
        if not chosen:
            best_share = added / total
        chosen.append(sentence)
        remaining -= index.sentence_sets[sentence]
    covered = total - len(novel) - len(remaining)
    return Alignment(
        sentences=chosen,
        best_share=best_share,
        cover_share=covered / total,
        article_share=(total - len(novel)) / total,
        novel=novel,
        size=total,
    )
