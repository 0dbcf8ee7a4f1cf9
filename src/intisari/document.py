"""The article as it travels through the pipeline, after cleaning and segmentation."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from intisari.language.detect import Language

__all__ = ["Document", "Sentence"]


@dataclass(frozen=True)
class Sentence:
    """A sentence of ``Document.text``, by offsets so takeaways can point back to it."""

    start: int
    end: int
    #: Index of the sentence in the article, and of its paragraph.
    index: int
    paragraph: int
    #: Index of the sentence inside its paragraph (0 = opens the paragraph).
    position_in_paragraph: int
    text: str


@dataclass
class Document:
    """A cleaned, segmented article: what rankers score and the selector picks from."""

    text: str
    #: The headline readers see (a page's title without its site's name), if any.
    title: str | None
    language: Language
    sentences: list[Sentence] = field(default_factory=list)
    paragraph_count: int = 0
    #: Paragraphs (indexes) that are subheadings of a page: text, never a takeaway.
    headings: frozenset[int] = frozenset()
    #: Paragraphs (indexes) inside a page's block quotations: another writer's words,
    #: never a takeaway.
    quoted: frozenset[int] = frozenset()
    #: The page's own summary of the story (its description) where the text does not
    #: open with it: like the headline, the editor's word on what the story is about.
    standfirst: str | None = None

    @cached_property
    def word_count(self) -> int:
        """Whitespace-separated words of ``text``: counted once, though the selector and
        the box sizer both read it."""
        return len(self.text.split())

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence that character ``offset`` of ``text`` is in (the last
        one starting at or before it); -1 before the first sentence."""
        return bisect_right(self._sentence_starts, offset) - 1

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]
