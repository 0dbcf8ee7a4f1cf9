"""What the checker answers: per statement a score, a label, evidence and named reasons.

Like ``intisari.result``, this is a JSON shape that other tools read (the CLI, the API,
the LLM mode), so fields are only ever added, never renamed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from intisari.result import EngineInfo

__all__ = ["Label", "Reason", "ReasonKind", "StatementCheck", "Verification"]

#: Why a statement scored low. ``content``: words of the statement the article nowhere
#: has (a claim no sentence states), when no more specific kind applies; ``speaker``: a
#: claim given to someone the article does not give it to.
ReasonKind = Literal[
    "number", "date", "amount", "name", "place", "quotation", "negation", "relation",
    "speaker", "content",
]
#: ``supported``: the article says it; ``unsupported``: it does not (or says otherwise);
#: ``unclear``: the evidence is partial, a reader should look.
Label = Literal["supported", "unsupported", "unclear"]


class Reason(BaseModel):
    """One named reason for a low score: what kind of fact, and the statement's words."""

    model_config = ConfigDict(frozen=True)

    kind: ReasonKind
    text: str


class StatementCheck(BaseModel):
    """The verdict on one statement of a summary.

    ``evidence`` holds ``[start, end)`` character offsets into the article's cleaned text
    (``Verification.text``, ``Document.text``): the sentences the statement rests on.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    #: Support, 0 (the article does not say it) to 1 (it says it).
    score: float
    label: Label
    evidence: list[tuple[int, int]] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)


class Verification(BaseModel):
    """What ``intisari.verify`` returns and ``intisari verify`` prints."""

    language: str
    language_supported: bool
    title: str | None = None
    #: The article's cleaned text: every evidence span points into it.
    text: str
    #: Support of the summary as a whole: its weakest statement's score.
    score: float
    #: ``supported`` only when every statement is; ``unsupported`` when any is.
    label: Label
    statements: list[StatementCheck]
    engine: EngineInfo
