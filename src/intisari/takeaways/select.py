"""Choose the takeaways: the best-ranked sentences that can stand alone and say new things.

The ranker only orders; the rules that keep the box honest live here, whatever ranker is
used: a takeaway is article text (a sentence, given by its span), never a heading, never
a repeat of another takeaway, and never opens with a word pointing back to a sentence the
reader does not see ("Namun, ...", "Ia ...", "However, ...").
"""

from __future__ import annotations

import re

from intisari.document import Document, Sentence
from intisari.ranking.text import content_words, words
from intisari.result import Takeaway

__all__ = ["MAX_COUNT", "MIN_COUNT", "is_dangling", "select_takeaways"]

MIN_COUNT = 1
MAX_COUNT = 5

#: Shorter sentences are captions, bylines or fragments ("Foto: Reuters.").
MIN_TAKEAWAY_WORDS = 5
#: Longer sentences are run-ons or unsplit paragraphs, too long for a bullet.
MAX_TAKEAWAY_WORDS = 70
#: Two sentences sharing this share of the smaller one's content words say the same thing.
REDUNDANCY_THRESHOLD = 0.6

_SENTENCE_END = re.compile(r"""[.!…]["”’')\]]*$""")
_LEADING_PUNCTUATION = re.compile(r"""^["“‘'(\[\-–—\s]+""")
_URL_OR_HANDLE = re.compile(r"https?://|www\.|\S@\S|^@\w", re.I)


def select_takeaways(document: Document, scores: list[float], count: int) -> list[Takeaway]:
    """Up to ``count`` takeaways, in article order, each with the span it comes from."""
    count = max(MIN_COUNT, min(MAX_COUNT, count))
    sentences = document.sentences
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen = _greedy(document, ranked, count, strict=True)
    if not chosen:
        # Nothing passes every rule (a short or oddly written article): keep grounding and
        # redundancy, relax the rest, so every article gets at least one takeaway.
        chosen = _greedy(document, ranked, count, strict=False)[:1]
    top = max((scores[i] for i in chosen), default=1.0) or 1.0
    return [
        Takeaway(
            text=sentences[i].text,
            spans=[(sentences[i].start, sentences[i].end)],
            score=round(max(0.0, scores[i] / top), 4),
        )
        for i in sorted(chosen)
    ]


def _greedy(document: Document, ranked: list[int], count: int, strict: bool) -> list[int]:
    stopwords = document.language.data.stopwords
    chosen: list[int] = []
    bags: list[set[str]] = []
    for i in ranked:
        if len(chosen) == count:
            break
        sentence = document.sentences[i]
        if strict and not _can_stand_alone(document, sentence, chosen):
            continue
        if not strict and len(words(sentence.text)) < 2:
            continue
        bag = set(content_words(sentence.text, stopwords))
        if any(_overlap(bag, other) >= REDUNDANCY_THRESHOLD for other in bags):
            continue
        chosen.append(i)
        bags.append(bag)
    return chosen


def _can_stand_alone(document: Document, sentence: Sentence, chosen: list[int]) -> bool:
    n_words = len(sentence.text.split())
    if not MIN_TAKEAWAY_WORDS <= n_words <= MAX_TAKEAWAY_WORDS:
        return False
    if not _SENTENCE_END.search(sentence.text) or _URL_OR_HANDLE.search(sentence.text):
        return False
    if is_dangling(sentence.text, document.language.data.dangling_openers,
                   document.language.data.speech_verbs):
        # Readable only right after the sentence it points back to.
        return sentence.index - 1 in chosen
    return True


def is_dangling(text: str, openers: frozenset[str], speech_verbs: frozenset[str]) -> bool:
    """Does the sentence lean on the one before it (a connective, a pronoun, "-nya")?"""
    tokens = words(_LEADING_PUNCTUATION.sub("", text)[:80])
    if not tokens:
        return False
    if tokens[0] in openers or " ".join(tokens[:2]) in openers:
        return True
    if tokens[0] == "hal" and len(tokens) > 1 and tokens[1] in {"ini", "itu", "tersebut"}:
        return True
    # A quote attributed only to "-nya" ("tegasnya.") hides who spoke.
    last = words(text[-30:])
    return bool(last) and last[-1].endswith("nya") and last[-1] in speech_verbs


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
