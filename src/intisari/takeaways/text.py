"""Word-level helpers and text rules shared by rankers, features and the selector."""

from __future__ import annotations

import re
import string

from intisari.language.data import (
    AI_NOTICE_RULE,
    AI_NOTICE_TRIGGERS,
    RELATED_LINK_CUES,
    notice_apart,
)
from intisari.language.model import (
    CASE_FOLDED,
    LanguageData,
    alternation,
    may_match,
    per_language,
)
from intisari.language.script import WORD

__all__ = [
    "ASCII_WORD_BYTES",
    "MAX_TAKEAWAY_WORDS",
    "MIN_CONTENT_CHARS",
    "MIN_TAKEAWAY_WORDS",
    "NAME_EDGES",
    "OPENING_CHARS",
    "PLAIN_WORD",
    "content_words",
    "is_boilerplate",
    "is_dangling",
    "plain_word_tokens",
    "word_tokens",
    "words",
]

#: Word counts that bound a usable takeaway, the selector's hard rule and the ranker's
#: length features alike. Shorter sentences are captions, bylines or fragments ("Foto:
#: Reuters.").
MIN_TAKEAWAY_WORDS = 5
#: Longer sentences are run-ons or unsplit paragraphs, too long for a bullet.
MAX_TAKEAWAY_WORDS = 70

#: A word in any script, with the vowel signs inside it ("प्राण": ``\w`` alone splits it).
_WORD = re.compile(WORD)
#: A run of word characters (``\w+``): words as written, split where a mark joins them
#: ("Finland's" is two), for ``plain_word_tokens`` and the rules that read words so.
PLAIN_WORD = re.compile(r"\w+")
#: For text all in ASCII, where ``\w`` is [A-Za-z0-9_]: a byte table that makes every
#: other character a space, so that ``split`` gives the runs of word characters, the same
#: tokens as ``_WORD.findall``. The table lookup and the split, both in C, take about half
#: the time of the regular expression (``word_tokens`` was the engine's costliest
#: function, some 6% of ``summarize``), and 97% of the tune files' sentences are ASCII
#: (``str.isascii`` answers without a scan). A byte table has 256 entries; ASCII text
#: holds none of the upper half.
ASCII_WORD_BYTES = frozenset((string.ascii_letters + string.digits + "_").encode("ascii"))
_ASCII_NON_WORD_TO_SPACE = bytes(
    byte if byte in ASCII_WORD_BYTES else ord(" ") for byte in range(256)
)
#: Shortest content word: a single character ("a", "2", the "s" of "Finland's") says
#: nothing of what a sentence is about.
MIN_CONTENT_CHARS = 2
#: Characters read for a sentence's first two words (quotes and dashes are skipped by
#: the tokeniser); two words of news fit well inside.
OPENING_CHARS = 80
#: Marks around a word of a name ("(Lombok),", "Gordon,"), stripped before it is read.
NAME_EDGES = ",.;:()\"'“”"


def words(text: str) -> list[str]:
    """Lower-cased word tokens, the same tokenisation ROUGE uses here."""
    return word_tokens(text.lower())


def word_tokens(text: str) -> list[str]:
    """The runs of word characters (``\\w+``) of ``text``, as written (``words`` lower-cases
    them first)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii").split()
    return _WORD.findall(text)


def plain_word_tokens(text: str) -> list[str]:
    """The runs of ``\\w`` of ``text`` (``\\w+``, which splits a word at a vowel sign that
    ``word_tokens`` keeps in it): for text all in ASCII, where the two are the same, the
    byte table's tokens, at about half the regular expression's cost."""
    if text.isascii():
        return word_tokens(text)
    return PLAIN_WORD.findall(text)


def reading_length(text: str) -> int:
    """How many words a reader counts in ``text``: the larger of its space-separated
    tokens and its runs of letters and digits (``words``), which count "2,5",
    "Al-Qaeda" and "Jawa Tengah/DIY" as two words each. A bullet's length limit
    (``compress.MAX_BULLET_WORDS``) and every reported words-per-bullet figure use it,
    so the limit holds whichever way the bullet is counted."""
    return max(len(text.split()), len(word_tokens(text)))


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """Words that carry content: not stop words, not shorter than ``MIN_CONTENT_CHARS``."""
    return [w for w in words(text) if w not in stopwords and len(w) >= MIN_CONTENT_CHARS]


def is_dangling(text: str, data: LanguageData, first_words: list[str] | None = None) -> bool:
    """Does the sentence lean on the one before it (a connective, a pronoun, an attribution
    by suffix such as Indonesian "-nya")?

    ``first_words``: the sentence's first two ``words``, when the caller has them already
    (the features do), to save tokenising again.
    """
    tokens = words(text[:OPENING_CHARS])[:2] if first_words is None else first_words[:2]
    if not tokens:
        return False
    if tokens[0] in data.dangling_openers or " ".join(tokens) in data.dangling_openers:
        return True
    if tokens[0] in data.clause_openers and tokens[1:2] and tokens[1] in data.demonstratives:
        return True
    # A quote attributed only by a suffix ("tegasnya.") hides who spoke.
    suffix = data.attribution_suffix
    tail = text[-30:]
    if not suffix or suffix not in tail:
        return False
    last = words(tail)
    return bool(last) and last[-1].endswith(suffix) and last[-1] in data.speech_verbs


#: Longest sentence (in words) checked against the language's noise-line patterns.
MAX_NOISE_SENTENCE_WORDS = 15


def is_boilerplate(sentence: str, data: LanguageData) -> bool:
    """A related-story link, a notice, a prompt, a byline: what cleaning should have cut.

    Cleaning works on lines; text without line breaks (CNN's) keeps "Read more: ..." in
    the middle of a paragraph, so the selector and the evaluation check sentences too.
    """
    if _has_cue(sentence):
        return True
    # Noise-line patterns describe whole short lines ("Editor: Budi", "Ikuti kami di
    # Telegram"); on a long story sentence they would fire on a passing mention.
    if len(sentence.split()) > MAX_NOISE_SENTENCE_WORDS:
        return False
    notice, noise = _noise_patterns(data)
    bare = sentence.strip(" *_#>")
    if notice is not None and may_match(bare, AI_NOTICE_TRIGGERS) and notice.fullmatch(bare):
        return True
    return noise is not None and noise.fullmatch(bare) is not None


def _has_cue(sentence: str) -> bool:
    """Does ``sentence`` hold one of ``RELATED_LINK_CUES``? It is searched only for the
    cues whose words it holds: a story's sentence holding any of their words ("take",
    "found", "berikut") holds one or two, and searching it for all the cues at once cost
    some 90 us, more than the selector's other checks of it together."""
    lowered = sentence.lower()
    # A ``CASE_FOLDED`` character may stand for a letter of any word: every cue is searched.
    folded = not sentence.isascii() and any(map(lowered.__contains__, CASE_FOLDED))
    # The word test filters inside the generator: a word the sentence lacks (most of
    # them) costs one ``in`` test, not a step of ``any`` over the generator as well.
    return any(
        pattern.search(sentence) is not None
        for word, pattern in _CUES_BY_WORD
        if folded or word in lowered
    )


def _cues_by_word() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each word of ``RELATED_LINK_CUES``, with the cues whose matches may hold it as one
    pattern. A cue must name a word: one without would never be searched."""
    if any(not held.split() for held, _ in RELATED_LINK_CUES):
        raise ValueError("every related-link cue needs the words its matches hold")
    words = dict.fromkeys(word for held, _ in RELATED_LINK_CUES for word in held.split())
    return tuple(
        (word, pattern)
        for word in words
        if (
            pattern := alternation(
                source for held, source in RELATED_LINK_CUES if word in held.split()
            )
        )
        is not None
    )


_CUES_BY_WORD = _cues_by_word()


@per_language
def _noise_patterns(data: LanguageData) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The AI notice's rule when the language's noise lines open with it, tried only on a
    sentence holding one of its triggers (``notice_apart``: 15.0 -> 13.2 us an article on
    the tune texts, timeit), and the other noise-line patterns as one alternation: one
    match call, not twelve."""
    has_notice, lines = notice_apart(data.noise_lines)
    notice = re.compile(AI_NOTICE_RULE[1], re.I) if has_notice else None
    return notice, alternation(source for _, source in lines)
