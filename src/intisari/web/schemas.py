"""The API's request and response bodies. Unknown request fields are rejected (422)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from intisari.options import DEFAULT_OPTIONS
from intisari.report_kinds import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, Category, Status
from intisari.result import Summary
from intisari.service import editorial
from intisari.service.accounts import MAX_NAME_CHARS, MAX_PASSWORD_CHARS
from intisari.service.summaries import MAX_COUNT, MIN_COUNT, one_source
from intisari.service.verification import MAX_STATEMENTS
from intisari.storage.models import Report, StoredSummary
from intisari.web.locale import correction_text

__all__ = [
    "MAX_COMMENT_CHARS",
    "Category",
    "CorrectionOut",
    "ErrorDetail",
    "ErrorOut",
    "HiddenIn",
    "LoginIn",
    "LoginOut",
    "ReportIn",
    "ReportOut",
    "ReportPageOut",
    "ReviewIn",
    "Status",
    "SummaryIn",
    "SummaryOut",
    "VerifyIn",
]

#: The engine's own cap on a page (``Options.max_page_bytes``), as characters: a
#: character is at least one byte, so a longer page can never pass the engine's cap and is
#: refused here (422); a shorter one of more bytes is the engine's 413. ``text`` has the
#: same cap, since HTML sent as text is read as a page (a CNN article page is 2.5 MB);
#: plain text over the engine's 2 MB text cap is the engine's 413.
MAX_HTML_CHARS = DEFAULT_OPTIONS.max_page_bytes


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _ArticleIn(_Strict):
    """An article: exactly one of ``url``, ``html`` or ``text``."""

    url: str | None = Field(
        None, max_length=2048, pattern=r"^https?://[^/?#\s]", description="Page to fetch."
    )
    html: str | None = Field(None, max_length=MAX_HTML_CHARS, description="The article's HTML.")
    text: str | None = Field(
        None,
        max_length=MAX_HTML_CHARS,
        description="Plain text (a short first line is the title), or HTML, read as a page.",
    )
    title: str | None = Field(
        None, max_length=1000, description="Headline, if not in the input; blank: found in it."
    )
    lang: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})?$",
        description="Language; detected if omitted, empty or blank.",
    )

    @field_validator("title", "lang", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: object) -> object:
        # "" or spaces say nothing, as in the CLI (``--lang ""`` detects): the language is
        # detected and the headline found in the input (a blank title was echoed back as
        # the title, and a blank language was 422 with a raw regular expression).
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        # The engine's one rule; an empty field (a blank form input) is not given, unless
        # it is the only one: then the engine says "the text is empty", as it does of
        # text that is only spaces.
        sources = {"text": self.text, "html": self.html, "url": self.url}
        if any(sources.values()) or sum(value is not None for value in sources.values()) != 1:
            one_source(text=self.text or None, html=self.html or None, url=self.url or None)
        return self


class SummaryIn(_ArticleIn):
    """Exactly one of ``url``, ``html`` or ``text``."""

    article_id: str | None = Field(None, max_length=200, description="Your id of the article.")
    method: Literal["extract", "llm"] | None = Field(
        None,
        description="`extract`: article sentences; `llm`: short LLM bullets, each checked "
        "against the article (extracted ones where a bullet fails or the LLM is down). "
        "Default: `INTISARI_METHOD`.",
    )
    count: int | None = Field(
        None,
        ge=MIN_COUNT,
        le=MAX_COUNT,
        # Strict: "2", true and 2.0 are not a number of bullets (pydantic would convert).
        strict=True,
        description=f"Takeaways wanted ({MIN_COUNT}-{MAX_COUNT}), always honoured. Left out: "
        "the box sized to the article.",
    )


#: A statement longer than this is not one statement (a long bullet is ~60 words).
MAX_STATEMENT_CHARS = 5000
#: A summary as text: a long abstract is ~2,000 characters.
MAX_SUMMARY_CHARS = 50_000


class VerifyIn(_ArticleIn):
    """An article (exactly one of ``url``, ``html`` or ``text``) and a summary of it."""

    summary: (
        Annotated[str, Field(min_length=1, max_length=MAX_SUMMARY_CHARS)]
        | Annotated[
            list[Annotated[str, Field(max_length=MAX_STATEMENT_CHARS)]],
            Field(min_length=1, max_length=MAX_STATEMENTS),
        ]
    ) = Field(
        description="Text (a paragraph, or one bullet per line: each sentence is checked) or "
        "a list of statements (each checked as given)."
    )


class CorrectionOut(BaseModel):
    """A published box changed by an editor: when, their note, and the line readers see."""

    at: datetime
    note: str | None
    #: "Diperbarui 3 Desember 2026 10.00 WIB: ...", in the article's language.
    text: str


class SummaryOut(Summary):
    """The engine's JSON result plus where it is stored, with the box as editors left it.

    A hidden summary (pulled by a reviewer, or by ``INTISARI_AUTO_HIDE_OPEN_REPORTS`` open
    reports) comes back to the public with ``hidden: true`` and no takeaways; a draft
    (publish mode ``review``, not approved yet) with ``pending: true`` and none, except
    for editors.
    """

    summary_id: str
    hidden: bool
    created_at: datetime
    #: A draft waiting for an editor's approval: readers get no takeaways yet.
    pending: bool = False
    #: The box's revision: send it back with an edit or approval (409 if it moved on).
    revision: int = 0
    #: A person approved or edited the box (the notice says so).
    checked_by_editor: bool = False
    #: Set once a published box was changed.
    correction: CorrectionOut | None = None

    @classmethod
    def of(
        cls, stored: StoredSummary, *, reviewer: bool = False, editor: bool = False
    ) -> SummaryOut:
        box = editorial.box_of(stored)
        correction = None
        if box.corrected_at is not None:
            text = correction_text(stored.language, box.corrected_at, box.correction_note)
            correction = CorrectionOut(at=box.corrected_at, note=box.correction_note, text=text)
        out = cls.model_validate(
            {
                **stored.result,
                "takeaways": box.takeaways,
                "notice": editorial.notice_of(stored, box),
                "summary_id": stored.id,
                "hidden": stored.hidden,
                "created_at": stored.created_at,
                "pending": box.pending,
                "revision": box.revision,
                "checked_by_editor": box.checked_by is not None,
                "correction": correction,
            }
        )
        if (stored.hidden and not reviewer) or (box.pending and not editor):
            out.takeaways = []
        return out


class HiddenIn(_Strict):
    #: Strict: "yes" and 0 are not an answer (pydantic would read them as true and false).
    hidden: bool = Field(strict=True)


class ReportIn(_Strict):
    takeaway_index: int | None = Field(
        None,
        ge=0,
        # Strict: "1", true and 1.0 are not bullet numbers (pydantic would convert them).
        strict=True,
        description="Which bullet (0-based); null reports the box as a whole.",
    )
    revision: int | None = Field(
        None,
        ge=0,
        strict=True,
        description=(
            "The box's revision the reader saw (the summary's `revision`): the report keeps "
            "the bullet at `takeaway_index` in that revision, even if editors changed the "
            "box since. Left out: the box as it is now."
        ),
    )
    category: Category
    comment: str | None = Field(None, max_length=MAX_COMMENT_CHARS)


class ReportOut(BaseModel):
    id: int
    summary_id: str
    takeaway_index: int | None
    #: The reported bullet as the reader saw it (null for the whole box, and for reports
    #: filed before reports kept it): editors may have changed the box since.
    takeaway_text: str | None = None
    #: The box's revision the reader saw (the request's ``revision``): ``takeaway_text`` is
    #: that revision's bullet. Null when the client did not say, and for reports filed
    #: before reports kept it.
    revision: int | None = None
    category: Category
    comment: str | None
    status: Status
    note: str | None
    #: Repeats of this report by the same client that were merged into it.
    duplicates: int
    created_at: datetime
    reviewed_at: datetime | None
    reviewed_by: str | None

    @classmethod
    def of(cls, report: Report) -> ReportOut:
        return cls.model_validate(report, from_attributes=True)


class ReportPageOut(BaseModel):
    """A page of ``GET /v1/reports``: newest first; pass ``next`` as ``cursor`` for the
    older reports, ``previous`` for the newer ones (``null``: no such page)."""

    reports: list[ReportOut]
    next: str | None
    previous: str | None


class ReviewIn(_Strict):
    status: Status
    note: str | None = Field(None, max_length=MAX_NOTE_CHARS)


class LoginIn(_Strict):
    name: str = Field(max_length=MAX_NAME_CHARS)
    password: str = Field(max_length=MAX_PASSWORD_CHARS)


class LoginOut(BaseModel):
    name: str
    role: str
    #: Send it back as ``X-CSRF-Token`` on unsafe requests made with the session cookie.
    csrf_token: str


class ErrorDetail(BaseModel):
    """One thing wrong with a request FastAPI refused (422): where (``["body", "url"]``,
    ``["query", "limit"]``), pydantic's message, and its error type (``string_too_long``)."""

    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(BaseModel):
    """Every error answer: a stable ``code``, a one-line ``message`` and, when the input
    does not match this document's schemas (422), ``details``: each thing wrong with it
    (absent from every other answer, never null)."""

    code: str
    message: str
    details: list[ErrorDetail] | SkipJsonSchema[None] = None
