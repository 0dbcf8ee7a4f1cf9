"""Sentence features that carry across languages, computed for a whole document at once.

Every feature is language-neutral in form (position, length, overlap, punctuation,
capitalisation, digits); what is language-specific (stop words, dangling openers) comes
from the document's language data, so the same code serves Indonesian, English and the
generic fallback. Features are computed with numpy on a small sentence x word matrix: a
news article has ~20-40 sentences, so the matrices are tiny and one call costs well under
a millisecond, which keeps the engine above 1,000 articles/s.
"""

from __future__ import annotations

import math
import re
import string

import numpy as np

from intisari.document import Document
from intisari.language.script import FINAL_MARKS
from intisari.ranking.word_rates import WORD_RATE_FEATURE_NAMES, WordLayout, WordRates
from intisari.takeaways.checks import as_pronoun, has_quote_mark
from intisari.takeaways.text import (
    ASCII_WORD_BYTES,
    MAX_TAKEAWAY_WORDS,
    MIN_CONTENT_CHARS,
    MIN_TAKEAWAY_WORDS,
    is_dangling,
    word_tokens,
    words,
)

__all__ = [
    "FEATURE_NAMES",
    "VOICE_FEATURE_NAMES",
    "WORD_RATE_COLUMNS",
    "content_bags",
    "document_features",
]

#: Names of the columns of ``document_features``, in order; the model file lists them too,
#: so a model trained on another feature set is refused rather than silently misread.
FEATURE_NAMES: tuple[str, ...] = (
    "position_relative",
    "position_inverse",
    "is_sentence_1",
    "is_sentence_2",
    "is_sentence_3",
    "paragraph_relative",
    "opens_paragraph",
    "length",
    "too_short",
    "too_long",
    "centroid_similarity",
    "degree_centrality",
    "lead_overlap",
    "has_quote",
    "opens_with_quote",
    "digit_density",
    "capitalised_density",
    "dangling_opener",
    "no_final_punctuation",
    "url_or_handle",
    "question_or_exclamation",
    "document_length",
    *WORD_RATE_FEATURE_NAMES,
)
#: Columns an opinion network reads after ``FEATURE_NAMES`` (``document_features`` with
#: ``voice``): does the writer speak in the sentence, and in what share of the article's
#: sentences.
VOICE_FEATURE_NAMES: tuple[str, ...] = ("writer_voice", "document_writer_voice")
#: Where the word-rate columns sit (training fills them out of fold).
WORD_RATE_COLUMNS = slice(len(FEATURE_NAMES) - len(WORD_RATE_FEATURE_NAMES), len(FEATURE_NAMES))

#: Length is scaled by a typical news sentence (~25 words), so the feature sits near 1.
TYPICAL_WORDS = 25.0
#: Sentences beyond this count add nothing to the document-length feature.
LONG_DOCUMENT_SENTENCES = 100

_NO_WORD_RATES = (0.0,) * len(WORD_RATE_FEATURE_NAMES)
#: First characters of words that start with a capital (Latin script: the languages
#: served) or a digit: one pass gives both counts. Written as the character and then
#: "no word character before it" rather than ``\b[A-ZÀ-ÖØ-Þ0-9]``: the same matches
#: (every character of the class is a word character), but a pattern that opens with a
#: character class lets the regex engine skip ahead to the candidates, which made
#: ``findall`` 2.4x faster on news sentences.
_MARKED_WORD_START = re.compile(r"[A-ZÀ-ÖØ-Þ0-9](?<!\w\w)")
#: For text all in ASCII, each character as ``_marked_words`` reads it: a capital ("U"),
#: a digit ("D"), another word character ("l") or none (" "). A word starts with a
#: capital where "U" follows " " (the same words as ``_MARKED_WORD_START``'s, whose other
#: capitals are outside ASCII).
_ASCII_CAPITALS = frozenset(string.ascii_uppercase.encode("ascii"))
_ASCII_DIGITS = frozenset(string.digits.encode("ascii"))
_ASCII_MARKS = bytes(
    ord("U") if byte in _ASCII_CAPITALS else ord("D") if byte in _ASCII_DIGITS
    else ord("l") if byte in ASCII_WORD_BYTES else ord(" ")
    for byte in range(256)
)
_OPENING_QUOTE = re.compile(r"""^[\s(\[]*[\"“„«'‘]""")
_FINAL_MARKS = frozenset(FINAL_MARKS)
_CLOSERS = "\"”’')]"
_URL_OR_HANDLE = re.compile(r"https?://|www\.|\S@\S|(?:^|\s)@\w", re.I)


def document_features(
    document: Document, word_rates: WordRates | None, voice: bool = False
) -> np.ndarray:
    """One row of ``FEATURE_NAMES`` values per sentence of ``document``, and with ``voice``
    the ``VOICE_FEATURE_NAMES`` after them.

    Without ``word_rates`` (a language with no table) the word-rate columns are 0, as they
    were when the fallback network was trained.
    """
    sentences = document.sentences
    n = len(sentences)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES) + voice * len(VOICE_FEATURE_NAMES)))
    data = document.language.data
    stopwords = data.stopwords
    pronouns = data.writer_pronouns if voice else frozenset()
    spoken: list[bool] = []
    bags: list[set[str]] = []
    rows: list[tuple[float, ...]] = []
    last = max(n - 1, 1)
    last_paragraph = max(document.paragraph_count - 1, 1)
    document_length = (
        math.log1p(min(n, LONG_DOCUMENT_SENTENCES)) / math.log1p(LONG_DOCUMENT_SENTENCES)
    )
    for i, sentence in enumerate(sentences):
        text = sentence.text
        lowered_text = text.lower()
        lowered = word_tokens(lowered_text)
        count = len(lowered) or 1
        bags.append(_bag(lowered, stopwords))
        capitals, digits = _marked_words(text)
        # Capitalised words after the first: names of people, places, organisations.
        capitalised = capitals - (text[:1].isupper())
        stripped = text.rstrip()
        quoted = has_quote_mark(text)
        if voice:
            spoken.append(
                not quoted
                and not pronouns.isdisjoint(lowered)
                and _writer_speaks(text, pronouns)
            )
        rows.append((
            i / last,
            1.0 / (1 + i),
            i == 0,
            i == 1,
            i == 2,
            sentence.paragraph / last_paragraph,
            sentence.position_in_paragraph == 0,
            min(len(lowered), 2 * MAX_TAKEAWAY_WORDS) / TYPICAL_WORDS,
            len(lowered) < MIN_TAKEAWAY_WORDS,
            len(lowered) > MAX_TAKEAWAY_WORDS,
            0.0,
            0.0,
            0.0,
            quoted,
            bool(_OPENING_QUOTE.match(text)),
            digits / count,
            max(capitalised, 0) / count,
            is_dangling(text, data, lowered),
            stripped.rstrip(_CLOSERS)[-1:] not in _FINAL_MARKS,
            _has_url_or_handle(text, lowered_text),
            stripped.endswith(("?", "!")),
            document_length,
            *_NO_WORD_RATES,
        ))
    out = np.array(rows, dtype=float)
    layout = WordLayout(bags)
    _overlap_features(out, bags, layout)
    if word_rates is not None:
        out[:, WORD_RATE_COLUMNS] = word_rates.columns(layout)
    if voice:
        share = sum(spoken) / n
        out = np.column_stack([out, spoken, np.full(n, share)])
    return out


def _marked_words(text: str) -> tuple[int, int]:
    """How many words of ``text`` start with a capital and how many with a digit
    (``_MARKED_WORD_START``). Text all in ASCII (94% of IndoSum's sentences, 99.5% of
    CNN's) is read with
    ``_ASCII_MARKS`` and two counts, all in C: the regular expression's ``findall`` and
    the digits counted from its list took some 2% of ``summarize``."""
    if text.isascii():
        marks = b" " + text.encode("ascii").translate(_ASCII_MARKS)
        return marks.count(b" U"), marks.count(b" D")
    marked = _MARKED_WORD_START.findall(text)
    digits = sum(map(str.isdigit, marked))
    return len(marked) - digits, digits


def _writer_speaks(text: str, pronouns: frozenset[str]) -> bool:
    """Is one of the language's ``writer_pronouns`` in ``text`` written as a pronoun
    (``as_pronoun``: "We", "I"; not "US", the country)? Read only in a sentence whose
    lower-cased words hold one and which quotes nobody."""
    return any(as_pronoun(token) in pronouns for token in word_tokens(text))


def content_bags(document: Document) -> list[set[str]]:
    """Each sentence's set of content words, as the features see them."""
    stopwords = document.language.data.stopwords
    return [_bag(words(s.text), stopwords) for s in document.sentences]


def _bag(lowered: list[str], stopwords: frozenset[str]) -> set[str]:
    """Content words, as ``content_words`` reads them."""
    return {w for w in lowered if w not in stopwords and len(w) >= MIN_CONTENT_CHARS}


def _has_url_or_handle(text: str, lowered: str) -> bool:
    # The substring tests skip the regular expression for the 99% of sentences without.
    if "@" not in text and "://" not in text and "www." not in lowered:
        return False
    return bool(_URL_OR_HANDLE.search(text))


def _overlap_features(out: np.ndarray, bags: list[set[str]], layout: WordLayout) -> None:
    """Centrality and lead overlap from each sentence's set of content words.

    Degree centrality sums, over the other sentences j, shared(i, j) / (size_i * size_j);
    that is, over the words of i, the weight 1 / size_j of every other sentence holding
    the word. So one pass gives each word its total weight, and a sentence's degree is the
    sum of its words' weights less its own share: linear in words, not in pairs.

    The sums run with ``np.bincount`` over the article's words laid end to end
    (``WordLayout``): it adds in the order given, so every sum is the one a Python loop
    over each bag's words makes, to the last bit, in a fraction of the calls. (Matrix
    products would be no faster for a few dozen sentences, and would wake a
    multi-threaded BLAS for a tiny matrix.)
    """
    n = len(bags)
    sizes = np.sqrt(layout.lengths)
    sizes[sizes == 0] = 1.0
    # How many sentences hold each word, and each word's weight (see above).
    frequency = np.bincount(layout.ids, minlength=len(layout.vocabulary))
    weight = np.bincount(
        layout.ids, weights=(1.0 / sizes)[layout.owner], minlength=len(layout.vocabulary)
    )
    centroid_norm = math.sqrt(int(frequency @ frequency)) or 1.0
    others = max(n - 1, 1)
    # Similarity to the document as a whole: how much of the story a sentence carries.
    centroid = layout.per_sentence(frequency[layout.ids].astype(float)) / (sizes * centroid_norm)
    # Degree centrality (LexRank's idea without the power iteration).
    shared = layout.per_sentence(weight[layout.ids]) - layout.lengths / sizes
    degree = np.maximum(shared, 0.0) / sizes / others
    # Overlap with the lead (first two sentences; the other one for those two): news
    # states the story first, so a later sentence echoing the lead is about the story.
    lead = bags[0] | (bags[1] if n > 1 else set())
    lead_overlap = []
    for i, bag in enumerate(bags):
        reference = (bags[1 - i] if n > 1 else set()) if i < 2 else lead
        lead_overlap.append(len(bag & reference) / len(bag) if bag else 0.0)
    out[:, FEATURE_NAMES.index("centroid_similarity")] = centroid
    out[:, FEATURE_NAMES.index("degree_centrality")] = degree
    out[:, FEATURE_NAMES.index("lead_overlap")] = lead_overlap

