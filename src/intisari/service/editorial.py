"""Editorial control (issue 16, section 1): drafts, approval, editors' changes to a box,
and the audit log of every change.

The engine's ``StoredSummary.result`` stays as the engine made it; what editors make of
the box lives in ``SummaryBox`` (status, edited takeaways, revision). Every state change
goes through ``_commit``, which writes the change and its audit row in one transaction,
so no change is ever without its row. Its webhooks are queued in that same transaction:
``summary.published`` when a draft is approved, ``summary.corrected`` when a published
box's bullets change, ``summary.reordered`` when they only move (a reorder is no
correction: readers get no "Updated" note for it).

Edits keep the grounding invariant (``result.join_spans``): a replaced bullet is a
sentence of the article with its offsets, a shortened one keeps only the bullet's own
words in order and its spans are recomputed from them, and an LLM bullet's rewrite is
checked by the checker and refused unless supported.

Two editors cannot silently overwrite each other: each change names the revision it was
made against; an older one is a ``Conflict`` (409).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, Literal, Protocol

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intisari.checking import check_statements
from intisari.document import Document
from intisari.language.detect import language_for
from intisari.pipeline import build_document
from intisari.ranking import Ranker, default_ranker
from intisari.result import Takeaway, join_spans
from intisari.roles import allows
from intisari.service import webhooks
from intisari.service.engine_pool import load_ranker
from intisari.service.errors import Conflict, Invalid, NotFound, said
from intisari.storage import editorial as store
from intisari.storage import repository
from intisari.storage.models import AuditEntry, StoredSummary, SummaryBox, utcnow
from intisari.takeaways.checks import is_fragment
from intisari.takeaways.compress import MIN_KEPT_WORDS

__all__ = [
    "AUDIT_FIELDS",
    "DRAFT_LIST_LIMIT",
    "MAX_CORRECTION_NOTE_CHARS",
    "Box",
    "Candidate",
    "Edit",
    "Staff",
    "approve",
    "audit_csv",
    "audit_entries",
    "audit_jsonl",
    "audit_row",
    "box_of",
    "can_edit",
    "candidates",
    "drafts",
    "edit",
    "editable_summary",
    "initial_draft",
    "notice_of",
    "record_decision",
    "record_hidden",
    "takeaways_at",
]

#: Most drafts the dashboard lists; a newsroom with more needs the API's paging anyway.
DRAFT_LIST_LIMIT = 100
#: An editor's correction note is one line for readers ("bullet 2 named the wrong city").
MAX_CORRECTION_NOTE_CHARS = 300
#: The columns of the CSV export (and the keys of each JSON line), in order.
AUDIT_FIELDS = (
    "id", "at", "summary_id", "publisher_id", "actor", "action", "revision", "note",
    "before", "after",
)
#: A word (letters and digits, joined by single inner marks: "Rp14.000", "D-Texas") or one
#: mark: what an editor may delete from a bullet, one at a time.
TOKEN = re.compile(r"\w+(?:[^\w\s]\w+)*|[^\w\s]")
#: A run of text without whitespace other than single spaces: one span of a replacing
#: sentence, so ``join_spans`` gives back exactly the sentence (line breaks become spaces).
SPAN_PIECE = re.compile(r"\S+(?: \S+)*")
#: First characters that make a spreadsheet read a CSV cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Staff(Protocol):
    """Who makes a change: the web's caller (``web.tenancy.Actor``) as far as this
    module needs it. ``publisher_id`` None: the instance's staff (every publisher)."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def publisher_id(self) -> int | None: ...


@dataclass(frozen=True)
class Box:
    """The box as it is now: the engine's, or as editors left it."""

    takeaways: list[dict[str, Any]]
    #: ``draft`` (invisible to readers) or ``published``.
    status: str
    #: Raised by every change; a change names the revision it was made against.
    revision: int
    #: Who approved or last edited it (a person checked it), and when.
    checked_by: str | None
    checked_at: datetime | None
    #: When a published box last changed, and the editor's note about it.
    corrected_at: datetime | None
    correction_note: str | None

    @property
    def pending(self) -> bool:
        return self.status == "draft"


def box_of(summary: StoredSummary) -> Box:
    """The box of ``summary`` (its editors' state, or the engine's box published as is)."""
    row = summary.box
    engine_takeaways: list[dict[str, Any]] = summary.result["takeaways"]
    if row is None:
        return Box(engine_takeaways, "published", 0, None, None, None, None)
    return Box(
        engine_takeaways if row.takeaways is None else row.takeaways,
        row.status,
        row.revision,
        row.checked_by,
        row.checked_at,
        row.corrected_at,
        row.correction_note,
    )


def takeaways_at(
    session: Session, summary: StoredSummary, revision: int
) -> list[dict[str, Any]] | None:
    """The bullets readers saw at the box's ``revision``: the box's own now, else read back
    from the audit log (each edit's row keeps the bullets before it). ``None`` when readers
    never saw that revision: a revision the box has not reached, a draft's, or one the
    log does not reach back to (a row missing: nothing is guessed).

    A reader's report names the revision its page showed (``service.reports``), so that it
    keeps the bullet the reader saw, not the one at that index after an editor's change.
    """
    box = box_of(summary)
    if revision == box.revision:
        return None if box.pending else box.takeaways
    if not 0 <= revision < box.revision:
        return None
    changes = store.box_changes_since(session, summary.id, revision)
    if [entry.revision for entry in changes] != list(range(revision + 1, box.revision + 1)):
        return None
    seen: list[dict[str, Any]] | None = None
    for entry in changes:
        before = entry.before
        if entry.action == "approve" and isinstance(before, dict):
            if before.get("status") == "draft":
                return None  # a draft then: no reader saw it
        elif seen is None and isinstance(before, list):
            seen = before  # the first edit after it: the bullets before that edit
    return box.takeaways if seen is None else seen


def notice_of(summary: StoredSummary, box: Box) -> str:
    """The AI notice under the box: the publisher's own wording for the language when set;
    else "checked by an editor" once a person approved or edited it; else the engine's."""
    own = (summary.publisher.notices or {}).get(summary.language)
    if own:
        return own
    data = language_for(summary.language).data
    if box.checked_by is not None:
        return data.checked_notice or language_for("en").data.checked_notice
    notice: str = summary.result.get("notice") or data.notice
    return notice


def initial_draft(session: Session, publisher_id: int) -> bool:
    """Whether a new box of this publisher starts as a draft (publish mode ``review``)."""
    return store.publish_mode(session, publisher_id) == "review"


# Who may touch what ----------------------------------------------------------------------


def editable_summary(session: Session, summary_id: str, actor: Staff) -> StoredSummary:
    """The summary ``actor`` may edit (the role is checked by the caller, ``roles.allows``):
    a publisher's staff only their own publisher's; another's is ``NotFound``, as if it
    did not exist (no hint that the id is real)."""
    summary = repository.get_summary(session, summary_id)
    if summary is None or not _sees(actor, summary.publisher_id):
        raise NotFound(f"no summary {said(summary_id)}")
    return summary


def _sees(actor: Staff, publisher_id: int) -> bool:
    return actor.publisher_id is None or actor.publisher_id == publisher_id


def can_edit(actor: Staff, summary: StoredSummary) -> bool:
    """Whether ``actor`` may see and change ``summary``'s box (drafts included)."""
    return allows(actor.role, "edit") and _sees(actor, summary.publisher_id)


# Changes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """One editor's change to a box.

    ``remove`` bullet ``index``; ``reorder`` into ``order`` (the current indexes in their
    new order); ``replace`` bullet ``index`` with the article's sentence ``sentence`` (an
    index of ``candidates``); ``shorten`` bullet ``index`` to ``text`` (deletions only);
    ``rewrite`` LLM bullet ``index`` as ``text`` (checked).
    """

    op: Literal["remove", "reorder", "replace", "shorten", "rewrite"]
    index: int = 0
    order: tuple[int, ...] = ()
    sentence: int = 0
    text: str = ""


def approve(
    session: Session, summary_id: str, actor: Staff, *, revision: int
) -> StoredSummary:
    """A person approved the box: a draft is published, and the notice says it was checked.
    A box a person approved or edited already is left as it is (no revision, no audit row).

    Webhook: ``summary.published`` when the box was a draft.
    """
    summary = editable_summary(session, summary_id, actor)
    row = _row_at(summary, revision)
    if row.status == "published" and row.checked_by:
        # Approved already: a second click changed nothing but wrote an audit row reading
        # "status: published -> status: published" and a new revision (an editor's trial).
        return summary
    before = {"status": row.status}
    row.status = "published"
    row.checked_by, row.checked_at = actor.name, utcnow()
    return _commit(session, summary, row, actor, "approve", before, {"status": "published"})


def edit(
    session: Session,
    summary_id: str,
    actor: Staff,
    change: Edit,
    *,
    revision: int,
    note: str | None = None,
    ranker: str | None = None,
) -> StoredSummary:
    """Apply ``change`` made against ``revision`` (``Conflict`` if the box has moved on);
    ``Invalid`` (422) for a change that cannot be made. A published box gets a correction
    note (``note``: the editor's words for readers, optional; without one the box keeps
    its last note, dated anew, and the default line only if it never had one), except
    for a reorder: the same bullets in another order correct nothing, so it leaves the
    note as it was (the trial's "Move up" had replaced "Poin kedua dipersingkat ..."
    with the generic line).

    A replacing sentence takes its place in article order, unless an editor reordered the
    box (``_in_article_order``).

    ``ranker``: the service's ranker (``INTISARI_ENGINE_RANKER``) for a replacement's score.
    Webhook: ``summary.corrected`` when the box was published (``summary.reordered`` for
    a reorder).
    """
    if note is not None and len(note) > MAX_CORRECTION_NOTE_CHARS:
        raise Invalid(f"the correction note has at most {MAX_CORRECTION_NOTE_CHARS} characters")
    summary = editable_summary(session, summary_id, actor)
    # Asked before the box's row changes (a query would flush it half-made).
    chosen_order = change.op == "replace" and store.reordered(session, summary.id)
    row = _row_at(summary, revision)
    before = list(box_of(summary).takeaways)
    after = _applied(summary, before, change, ranker)
    if change.op == "replace" and not chosen_order:
        # The box is in article order, as the engine made it: the new sentence takes its
        # place in it (an editor's trial: the replacing sentence stood where the replaced
        # one had, out of order). An editor who reordered the box chose its order: then it
        # stays where the replaced bullet was.
        after = _in_article_order(after, change.index)
    row.takeaways = after
    row.checked_by, row.checked_at = actor.name, utcnow()
    if row.status == "published" and change.op != "reorder":
        row.corrected_at = row.checked_at
        # Corrections add up: a later one without a note keeps the last note readers had
        # (the trial's "Poin kedua dipersingkat ..." had become the generic default line).
        if note and note.strip():
            row.correction_note = note.strip()
    return _commit(session, summary, row, actor, change.op, before, after, note)


def _in_article_order(takeaways: list[dict[str, Any]], index: int) -> list[dict[str, Any]]:
    """The box with bullet ``index`` moved to its place in article order: before the first
    other bullet whose source starts after its own; the others keep their order. As it is
    when a bullet has no place in the article (no spans, no evidence)."""
    starts = [_source_start(t) for t in takeaways]
    start = starts[index]
    others = takeaways[:index] + takeaways[index + 1 :]
    other_starts = starts[:index] + starts[index + 1 :]
    if start is None or None in other_starts:
        return takeaways
    place = next((i for i, s in enumerate(other_starts) if s is not None and s > start),
                 len(others))
    return [*others[:place], takeaways[index], *others[place:]]


def _source_start(takeaway: dict[str, Any]) -> int | None:
    """Where a bullet's source starts in the article: its spans, or an LLM bullet's
    evidence (where the engine places an LLM bullet too)."""
    spans = takeaway.get("evidence") if takeaway.get("origin") == "llm" else takeaway.get("spans")
    starts = [int(start) for start, end in spans or [] if start < end]
    return min(starts) if starts else None


def _row_at(summary: StoredSummary, revision: int) -> SummaryBox:
    """The summary's box row (a new one if editors never touched it), checked to be at
    ``revision``."""
    row = summary.box
    current = 0 if row is None else row.revision
    if revision != current:
        raise Conflict(
            f"the box is at revision {current}, not {revision}: someone changed it; "
            "reload it and make the change again"
        )
    if row is None:
        row = SummaryBox(status="published")
        summary.box = row
    return row


def _commit(
    session: Session,
    summary: StoredSummary,
    row: SummaryBox,
    actor: Staff,
    action: str,
    before: Any,
    after: Any,
    note: str | None = None,
) -> StoredSummary:
    """Write the change and its audit row in one transaction; a concurrent change that
    got there first (the version counter, or the new row's key) is a ``Conflict``.

    The webhook event's row is written inside the same guard: writing it flushes the
    change, where the version counter may already find the box changed (two editors at
    once were a 500 for a publisher with a webhook, a 409 without one: a trial on
    PostgreSQL)."""
    try:
        store.add_audit(
            session, summary, actor=actor.name, action=action, before=before, after=after,
            revision=(row.revision or 0) + 1, note=note,
        )
        _emit(session, summary, row, action, before)
        session.commit()
    except (StaleDataError, IntegrityError):
        session.rollback()
        raise Conflict("someone changed the box at the same moment; reload it") from None
    return summary


def _emit(
    session: Session, summary: StoredSummary, row: SummaryBox, action: str, before: Any
) -> None:
    """Queue the change's webhook in its transaction: approving a draft publishes the box,
    a reorder of a published box reorders it, any other change to it corrects it (editing
    a draft tells nobody)."""
    data = {"summary_id": summary.id, "article_id": summary.article_id, "url": summary.url}
    # The change is not flushed yet: the outbox query must not flush it half-made.
    with session.no_autoflush:
        if action == "approve":
            if before["status"] == "draft":
                webhooks.emit(session, summary.publisher_id, "summary.published", data)
        elif row.status == "published" and action == "reorder":
            webhooks.emit(session, summary.publisher_id, "summary.reordered", data)
        elif row.status == "published":
            data["correction_note"] = row.correction_note
            webhooks.emit(session, summary.publisher_id, "summary.corrected", data)


def record_hidden(session: Session, summary: StoredSummary, hidden: bool, actor: str) -> None:
    """Add the audit row of hiding or showing ``summary`` (committed with the change by
    ``review.set_hidden``). Webhook: ``summary.hidden`` there."""
    store.add_audit(
        session, summary, actor=actor, action="hide" if hidden else "unhide",
        before={"hidden": summary.hidden}, after={"hidden": hidden},
    )


def record_decision(
    session: Session, summary: StoredSummary, report_id: int, before: dict[str, Any],
    after: dict[str, Any], actor: str,
) -> None:
    """Add the audit row of a decision on report ``report_id`` (committed with it)."""
    store.add_audit(
        session, summary, actor=actor, action="report",
        before={"report": report_id, **before}, after={"report": report_id, **after},
    )


def _applied(
    summary: StoredSummary, takeaways: list[dict[str, Any]], change: Edit, ranker: str | None
) -> list[dict[str, Any]]:
    """The takeaways after ``change``; ``Invalid`` if it cannot be made."""
    n = len(takeaways)
    if change.op == "reorder":
        if sorted(change.order) != list(range(n)):
            raise Invalid(f"order must list each of the {n} bullets' indexes once")
        return [takeaways[i] for i in change.order]
    if not 0 <= change.index < n:
        raise Invalid(f"the box has no bullet {change.index} (it has {n})")
    after = list(takeaways)
    current = takeaways[change.index]
    if change.op == "remove":
        if n == 1:
            raise Invalid("the last bullet cannot be removed; hide the summary instead")
        del after[change.index]
    elif change.op == "replace":
        after[change.index] = _sentence_takeaway(summary, takeaways, change.sentence, ranker)
    elif change.op == "shorten":
        after[change.index] = _shortened(summary.result["text"], current, change.text)
    else:
        after[change.index] = _rewritten(summary, current, change.text)
    return after


# Replacing: the article's sentences with the ranker's scores -----------------------------


@dataclass(frozen=True)
class Candidate:
    """A sentence of the article an editor may put in the box."""

    #: Its index among the article's sentences (what ``Edit.sentence`` names).
    sentence: int
    text: str
    start: int
    end: int
    #: Where it sits: paragraph and place in it (0-based).
    paragraph: int
    position: int
    #: The ranker's score relative to the best whole sentence (as ``Takeaway.score``,
    #: relative to the box's best), at most 1.
    score: float
    #: Already in the box (one of its bullets comes from it).
    in_box: bool
    #: A whole sentence a reader can take alone (the engine's ``is_fragment`` rule): only
    #: these may replace a bullet (a headline or a cut-off line may not).
    whole: bool = True


def _document(summary: StoredSummary) -> Document:
    """The article as the engine segmented it (the stored text is the cleaned text)."""
    result = summary.result
    return build_document(result["text"], result.get("title"), language_for(summary.language))


@cache
def _ranker(path: str | None) -> Ranker:
    """The service's ranker, loaded once per process."""
    return load_ranker(path) or default_ranker()


def candidates(summary: StoredSummary, ranker: str | None = None) -> list[Candidate]:
    """Every sentence of the article with the engine's ranker's score: whole sentences
    first, then fragments, each best first."""
    document = _document(summary)
    data = document.language.data
    scores = _ranker(ranker).score(document)
    whole = [not is_fragment(s.text, data) for s in document.sentences]
    # Relative to the best sentence that could be a bullet, as the engine scores its box.
    top = max((x for x, ok in zip(scores, whole, strict=True) if ok), default=1.0) or 1.0
    used = [tuple(span) for t in box_of(summary).takeaways for span in t.get("spans") or []]
    found = [
        Candidate(
            s.index, s.text, s.start, s.end, s.paragraph, s.position_in_paragraph,
            round(min(1.0, max(0.0, scores[s.index] / top)), 4),
            any(start < s.end and s.start < end for start, end in used),
            whole[s.index],
        )
        for s in document.sentences
    ]
    return sorted(found, key=lambda c: (not c.whole, -c.score, c.sentence))


def _sentence_takeaway(
    summary: StoredSummary, takeaways: list[dict[str, Any]], sentence: int, ranker: str | None
) -> dict[str, Any]:
    chosen = next((c for c in candidates(summary, ranker) if c.sentence == sentence), None)
    if chosen is None:
        raise Invalid(f"the article has no sentence {sentence}")
    if chosen.in_box:
        raise Invalid("that sentence is in the box already")
    if not chosen.whole:
        raise Invalid("that is not a whole sentence a reader can take alone")
    text = summary.result["text"]
    spans = [
        (chosen.start + m.start(), chosen.start + m.end())
        for m in SPAN_PIECE.finditer(text[chosen.start : chosen.end])
    ]
    return _extracted(text, spans, chosen.score)


def _extracted(text: str, spans: list[tuple[int, int]], score: float) -> dict[str, Any]:
    """An extracted takeaway whose text is its spans joined: grounded by construction."""
    takeaway = Takeaway(text=join_spans(text, spans), spans=spans, score=score)
    return takeaway.model_dump(mode="json")


# Shortening: deletions only -------------------------------------------------------------


def _shortened(text: str, takeaway: dict[str, Any], wanted: str) -> dict[str, Any]:
    """The bullet cut to ``wanted``, whose words must be the bullet's, in order, with some
    deleted; its spans are recomputed from the words kept."""
    if takeaway.get("origin", "extract") != "extract":
        raise Invalid("an LLM bullet is changed by rewriting it, not shortening")
    # Each word and mark of the bullet, with where it is in the article and in which span.
    tokens = [
        (m.group(), start + m.start(), start + m.end(), n)
        for n, (start, end) in enumerate(takeaway["spans"])
        for m in TOKEN.finditer(text[start:end])
    ]
    kept: list[int] = []
    position = 0
    for word in TOKEN.findall(wanted):
        while position < len(tokens) and tokens[position][0] != word:
            position += 1
        if position == len(tokens):
            raise Invalid(
                "only deletions: the new text must be the bullet's own words, in order, "
                f"with some left out ({word!r} is not next in the bullet)",
                code="not-a-deletion",
            )
        kept.append(position)
        position += 1
    if len(kept) == len(tokens):
        raise Invalid("nothing was deleted", code="not-a-deletion")
    if sum(1 for i in kept if tokens[i][0][0].isalnum() or "_" in tokens[i][0]) < MIN_KEPT_WORDS:
        raise Invalid(f"a bullet keeps at least {MIN_KEPT_WORDS} words")
    spans: list[tuple[int, int]] = []
    previous = -2
    for i in kept:
        _word, start, end, span = tokens[i]
        if i == previous + 1 and tokens[previous][3] == span:
            spans[-1] = (spans[-1][0], end)  # the next word of the same piece: extend it
        else:
            spans.append((start, end))
        previous = i
    return _extracted(text, spans, float(takeaway["score"]))


# Rewriting an LLM bullet: checked ---------------------------------------------------------


def _rewritten(summary: StoredSummary, takeaway: dict[str, Any], wanted: str) -> dict[str, Any]:
    """The LLM bullet rewritten as ``wanted``, if the checker finds it supported.

    An unsupported (or unclear) rewrite is refused (422 ``rewrite-unsupported``, with the
    checker's score and reasons): the box only ever shows bullets the checker supports,
    whoever wrote them; the editor can shorten an extracted bullet or replace it instead.
    """
    if takeaway.get("origin") != "llm":
        raise Invalid("only an LLM bullet is rewritten; shorten or replace an extracted one")
    statement = " ".join(wanted.split())
    if not statement:
        raise Invalid("the rewrite is empty")
    check = check_statements(_document(summary), [statement])[0]
    verdict = {
        "label": check.label,
        "score": round(check.score, 4),
        "reasons": [reason.model_dump(mode="json") for reason in check.reasons],
    }
    if check.label != "supported":
        reasons = "; ".join(f"{r.kind}: {r.text}" for r in check.reasons) or "no support found"
        raise Invalid(
            f"the checker finds the rewrite {check.label} (support {check.score:.2f}; "
            f"{reasons}); nothing was changed",
            code="rewrite-unsupported",
        )
    rewritten = Takeaway(
        text=statement, spans=[], score=verdict["score"], origin="llm",
        evidence=check.evidence,
    ).model_dump(mode="json")
    # The verdict stays with the bullet, for the editor's page (readers' JSON drops it).
    return {**rewritten, "check": verdict}


# Reading: drafts and the audit log --------------------------------------------------------


def drafts(session: Session, actor: Staff) -> list[StoredSummary]:
    """Drafts waiting for approval that ``actor`` may see, oldest first."""
    return store.drafts(session, publisher_id=actor.publisher_id, limit=DRAFT_LIST_LIMIT)


def audit_entries(
    session: Session, actor: Staff, *, summary_id: str | None = None, limit: int | None = None,
    offset: int = 0,
) -> Iterator[AuditEntry]:
    """Audit rows ``actor`` may see (their publisher's, or all for instance staff)."""
    return store.audit_entries(
        session, publisher_id=actor.publisher_id, summary_id=summary_id, limit=limit,
        offset=offset,
    )


def audit_row(entry: AuditEntry) -> dict[str, Any]:
    """One audit row as plain JSON values, keys in ``AUDIT_FIELDS`` order."""
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "summary_id": entry.summary_id,
        "publisher_id": entry.publisher_id,
        "actor": entry.actor,
        "action": entry.action,
        "revision": entry.revision,
        "note": entry.note,
        "before": entry.before,
        "after": entry.after,
    }


def audit_jsonl(sessions: Any, actor: Staff) -> Iterator[str]:
    """The audit log as JSON lines, newest first; its own session (``sessions()``): a
    request's is closed before a streamed body is sent."""
    with sessions() as session:
        for entry in audit_entries(session, actor):
            yield json.dumps(audit_row(entry), ensure_ascii=False) + "\n"


def audit_csv(sessions: Any, actor: Staff) -> Iterator[str]:
    """The audit log as CSV (before and after as JSON text), newest first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values: Sequence[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_inert(value) for value in values])
        return buffer.getvalue()

    yield line(AUDIT_FIELDS)
    with sessions() as session:
        for entry in audit_entries(session, actor):
            row = audit_row(entry)
            yield line(
                [
                    json.dumps(row[k], ensure_ascii=False) if k in ("before", "after") else
                    ("" if row[k] is None else row[k])
                    for k in AUDIT_FIELDS
                ]
            )


def _inert(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: an editor's note "=HYPERLINK(...)" must not
    become a formula on a reviewer's machine (OWASP's CSV injection advice: a quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
