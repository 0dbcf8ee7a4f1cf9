"""The engine's result: the one JSON shape that the CLI, the API, storage and batch share.

Other tools depend on this exact shape (see README, "The JSON result"), so fields are
only ever added, never renamed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "EngineInfo",
    "Origin",
    "Removed",
    "SourceInfo",
    "Summary",
    "Takeaway",
    "join_spans",
    "words_start",
]

#: How a takeaway was made: cut from the article, or written by an LLM and checked.
Origin = Literal["extract", "llm"]

#: Marks that close what comes before them. A piece of a takeaway that starts with one
#: is joined to the piece before it without a space: deleting ", menurut kantor berita
#: Interfax" from "... di Ukraina, menurut kantor berita Interfax." leaves the pieces
#: "... di Ukraina" and ".", which read "... di Ukraina.".
CLOSING_MARKS = ".,;:!?…"
#: Quotation marks that open what follows them. A piece that is one of them alone is
#: joined to the piece after it without a space: the last sentence of a quotation shown
#: with the mark that opened the quotation ('“' and 'Kami duga pelakunya ...," kata
#: Martinus.') reads '“Kami duga pelakunya ...," kata Martinus.'.
OPENING_MARKS = frozenset('"“„«')


def join_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The takeaway that ``spans`` of ``text`` make: the grounding invariant's one rule.

    The pieces are joined with single spaces, except that a piece opening with one of
    ``CLOSING_MARKS`` follows the one before it directly, and so does a piece after one
    that is only one of ``OPENING_MARKS``. The engine builds every extracted takeaway's
    text with this function, and every grounding check compares with it.
    """
    joined: list[str] = []
    for start, end in spans:
        piece = text[start:end]
        if joined and piece[:1] not in CLOSING_MARKS and joined[-1] not in OPENING_MARKS:
            joined.append(" ")
        joined.append(piece)
    return "".join(joined)


def words_start(spans: list[tuple[int, int]]) -> int:
    """Where a takeaway's words start: its first span's offset, past a span that is only
    the opening mark (``join_spans``) a quotation's closing sentence is shown with. A
    takeaway of one character (lead-3 of a text whose second line is a list's "-") starts
    where it is."""
    return next((start for start, end in spans if end - start > 1), spans[0][0])


class Takeaway(BaseModel):
    """One bullet of the box.

    ``origin == "extract"``: made only of words of the article. ``spans`` are
    ``[start, end)`` character offsets into ``Summary.text``; joining the spanned pieces
    (``join_spans``: single spaces, none before a closing mark) gives ``text`` (the
    grounding invariant). ``score`` is the
    ranker's, relative to the best sentence.

    ``origin == "llm"``: written by an LLM (``--method llm``) and shown only because the
    checker found it supported: ``evidence`` holds the article spans that support it,
    ``score`` the checker's support (0-1), and ``spans`` is empty (no article text is
    exactly the bullet).
    """

    model_config = ConfigDict(frozen=True)

    text: str
    spans: list[tuple[int, int]]
    score: float
    origin: Origin = "extract"
    #: The supporting spans of an LLM bullet; ``None`` for an extracted one (its
    #: ``spans`` are its source).
    evidence: list[tuple[int, int]] | None = None


class Removed(BaseModel):
    """A piece of the input that is not part of the story, and why it was cut."""

    model_config = ConfigDict(frozen=True)

    text: str
    reason: str


class EngineInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = "intisari"
    version: str
    #: The ranker's name (``learned-mlp16x5``), or ``llm`` when an LLM was asked.
    method: str
    #: With ``method == "llm"``: the model asked (``INTISARI_LLM_MODEL``), if named.
    model: str | None = None
    #: With ``method == "llm"``: why the box was made without the LLM (``llm.reasons``:
    #: ``connection``, ``timeout``, ``http-404``, ``bad-answer``, ``breaker-open``,
    #: ``no-bullets``, ``checker-error``), the names ``/metrics`` counts; ``None`` when
    #: the model's answer was used (or not asked for). ``method`` says what was asked, so
    #: a caller needs this to know which boxes to send again.
    fallback: str | None = None


class SourceInfo(BaseModel):
    """Where the article comes from, as its page's metadata or its record says: each field
    only when it is given (readers see the site, date, byline and a link to the original).
    """

    model_config = ConfigDict(frozen=True)

    site_name: str | None = None
    #: ISO 8601: a date, or a date and time with the page's zone.
    published: str | None = None
    author: str | None = None
    url: str | None = None


class Summary(BaseModel):
    """What ``intisari.summarize`` returns and ``--format json`` prints."""

    id: str | None = None
    language: str
    language_supported: bool
    title: str | None = None
    text: str
    takeaways: list[Takeaway] = Field(default_factory=list)
    notice: str
    removed: list[Removed] = Field(default_factory=list)
    engine: EngineInfo
    #: The site, date, byline and address of an HTML page or URL; ``None`` for plain text.
    source: SourceInfo | None = None
