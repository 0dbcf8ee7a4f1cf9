"""A claim whose speaker a later sentence names: its bullet shows who said it.

Indonesian news often states a claim and names its speaker only in the sentence after:
"Pemerintah meyakinkan target pertumbuhan ekonomi tahun 2018 sebesar 5,4 persen tetap
realistis. Hal itu disampaikan Menteri Keuangan Sri Mulyani Indrawati kala menyampaikan
..." (IndoSum). Shown alone, the claim reads as the article's own fact; a reader of the
shared pages and tune boxes reported such bullets ("Bangsa yang besar merupakan bangsa
yang menghargai ... jasa-jasa para pahlawannya." was Jokowi's view). So the claim's
bullet takes the next sentence up to its speaker (``LanguageData.speaker_after``, then
the speaker, to the first of ``speaker_ends``) and that sentence's final mark: "...
tetap realistis. Hal itu disampaikan Menteri Keuangan Sri Mulyani Indrawati." Deletion
only: the grounding invariant holds. When the box holds the speaker's sentence as a
bullet of its own, right after the claim's, nothing is added (IndoSum's reference
summaries often keep that sentence whole, with where and when it was said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intisari.document import Document
from intisari.language.model import LanguageData, per_language
from intisari.takeaways.text import NAME_EDGES, words

__all__ = ["Attribution", "attribution"]

#: A run of characters between spaces: a word with the marks around it.
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class _Speaker:
    """Where the speaker's part of a sentence ends (an offset into the sentence), and the
    capitalised words that name them."""

    end: int
    names: frozenset[str]


@per_language
def _opening(data: LanguageData) -> re.Pattern[str] | None:
    return re.compile(data.speaker_after, re.I) if data.speaker_after else None


def _speaker(sentence: str, data: LanguageData) -> _Speaker | None:
    """The speaker named at the start of ``sentence``, or ``None`` when it is no such
    sentence or names nobody ("Hal itu diungkapkan meski dia ..." names no one).

    Not the checker's reading (``checking.speakers._after``), which stops at a comma, a
    place or ``MAX_SPEAKER_WORDS`` to tell one person from another: here it is what the
    bullet shows, so a title's apposition (", Kompol Teguh Nugroho,") and the speaker's
    place ("pemerintahan negara di Karibia itu") belong to it.
    """
    pattern = _opening(data)
    opened = pattern.match(sentence) if pattern else None
    if opened is None:
        return None
    end = opened.end()
    names: set[str] = set()
    tokens = list(_TOKEN.finditer(sentence, opened.end()))
    for n, token in enumerate(tokens):
        raw = token.group()
        bare = raw.strip(NAME_EDGES)
        lowered = bare.lower()
        if (
            not bare or raw[0] in NAME_EDGES or lowered in data.speaker_ends
            or lowered in data.weekdays
        ):
            break  # where, when or to whom it was said: "saat ...", "(3/10)", "Senin"
        end = token.start() + len(raw.rstrip(",;:"))
        if bare[:1].isupper():
            names.update(words(bare))
        if raw[-1] in ",;:":
            following = tokens[n + 1].group().strip(NAME_EDGES) if n + 1 < len(tokens) else ""
            if not following[:1].isupper() or following.lower() in data.weekdays:
                break  # ", dalam keterangan tertulisnya": not ", Kompol Teguh Nugroho,"
    if end == opened.end():
        return None
    return _Speaker(end=end, names=frozenset(names))


@dataclass(frozen=True)
class Attribution:
    """Who said a claim: the sentence naming them (an index) and the spans of it a bullet
    shows."""

    sentence: int
    spans: list[tuple[int, int]]


def attribution(document: Document, index: int) -> Attribution | None:
    """Who said sentence ``index``'s claim, when a sentence after it says so: the next
    sentence, or the first of the next paragraph ("Hal ini diungkapkan ..." after a
    paragraph of three sentences on what "ini" is: liputan6.com, a shared page). Its
    opening and speaker are shown, then its final full stop. ``None`` when no such
    sentence names a speaker, or it names only people sentence ``index`` names itself
    ("Presiden Jokowi berjanji ..." then "Pernyataan itu disampaikan Presiden Jokowi
    ...": nothing to add)."""
    sentences = document.sentences
    claim = sentences[index]
    candidates = [index + 1]
    following = index + 1
    while following < len(sentences) and sentences[following].paragraph == claim.paragraph:
        following += 1
    if following != index + 1:
        candidates.append(following)  # the next paragraph's first sentence
    for candidate in candidates:
        if candidate >= len(sentences):
            return None
        after = sentences[candidate]
        if after.paragraph - claim.paragraph > 1 or after.paragraph in document.headings:
            return None
        sentence = after.text.rstrip()
        speaker = _speaker(sentence, document.language.data)
        if speaker is None or not sentence.endswith("."):
            continue
        if speaker.names <= set(words(claim.text)):
            return None
        if speaker.end >= len(sentence) - 1:
            return Attribution(candidate, [(after.start, after.start + len(sentence))])
        full_stop = after.start + len(sentence) - 1
        spans = [(after.start, after.start + speaker.end), (full_stop, full_stop + 1)]
        return Attribution(candidate, spans)
    return None
