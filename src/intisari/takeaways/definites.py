"""Things an article names and then calls "the" and a noun: "The new law could allow ...".

English news introduces a thing once ("Indiana Gov. Mike Pence signed a 'religious
freedom' law ...") and then calls it by a definite description ("The new law could allow
businesses to turn away gay and lesbian customers ..."). A box that opens with the second
leaves the reader asking which law (cnn.tune; a reader's report counted 22 bullets in 140
boxes that point back to a thing the box never names, many of them so). Like a surname
alone (``names``), such a bullet reads well once an earlier bullet holds its noun; the
selector looks at the sentence that first holds it next, and when that one cannot be a
bullet the point goes alone, as it did before: refusing every such bullet cost the
shipped model 0.4 of CNN's ROUGE-1 (README).

Only the article's own words are read: the description's noun is the last of its first
words in lower case, and the introduction is the first earlier sentence holding it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from intisari.document import Document
from intisari.takeaways.checks import is_predicate
from intisari.takeaways.text import MIN_CONTENT_CHARS, words

__all__ = ["MAX_DESCRIPTION_WORDS", "Definites", "described_noun"]

#: Words of a description read after its article: "the obvious aviation analogy".
MAX_DESCRIPTION_WORDS = 3
#: A possessive closes the description and names its noun: "The band's tour" is the
#: band's.
_POSSESSIVE = ("'s", "’s")
#: Marks after which the description has ended: "The letter, dated ...".
_CLOSING_MARKS = ",;:.!?)"


def described_noun(text: str, articles: frozenset[str], stopwords: frozenset[str]) -> str | None:
    """The noun of the definite description opening ``text`` ("The new law could ..."
    -> "law"), lower-cased, or ``None``: ``text`` opens with no article of ``articles``,
    or a capital follows it (a name: "The Star Wars movies ...")."""
    tokens = text.split(maxsplit=MAX_DESCRIPTION_WORDS + 1)
    if len(tokens) < 2 or tokens[0].lower() not in articles or not tokens[1][:1].islower():
        return None
    noun = None
    for token in tokens[1 : MAX_DESCRIPTION_WORDS + 1]:
        bare = token.rstrip(_CLOSING_MARKS)
        word = bare.lower()
        if word.endswith(_POSSESSIVE):
            return _noun(word[:-2]) or noun
        if not bare[:1].islower() or word in stopwords or not word.replace("-", "").isalpha():
            break
        noun = word
        if bare != token:
            break
    return _noun(noun) if noun else None


def _noun(word: str) -> str | None:
    return word if len(word) >= MIN_CONTENT_CHARS else None


class Definites:
    """The takeaways of one document that open with a description of something no
    takeaway before them names, and the sentence that names it first."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._data = document.language.data
        #: Each sentence's words, read once when asked for.
        self._words: dict[int, set[str]] = {}

    def introduction(
        self, index: int, shown: str, chosen: Collection[int], texts: Mapping[int, str]
    ) -> int | None:
        """The earliest sentence before ``index`` that holds the noun of the description
        opening ``shown`` (the takeaway of sentence ``index``), when no takeaway before it
        in ``chosen`` holds the noun; else ``None``. ``texts``: the words each takeaway
        shows, by sentence index."""
        data = self._data
        if not data.definite_articles:
            return None
        noun = described_noun(shown, data.definite_articles, data.stopwords)
        if noun is None or is_predicate(noun, data):
            return None
        forms = {noun, f"{noun}s"}
        if any(j < index and forms & set(words(texts[j])) for j in chosen):
            return None
        return next((j for j in range(index) if forms & self._sentence_words(j)), None)

    def _sentence_words(self, index: int) -> set[str]:
        if index not in self._words:
            self._words[index] = set(words(self._document.sentences[index].text))
        return self._words[index]
