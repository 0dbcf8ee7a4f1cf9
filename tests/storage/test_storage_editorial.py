"""Editorial state on real SQLite and PostgreSQL: a draft stored with its summary in one
commit, the hot path's reference (pending, revision), the revision counter refusing a
concurrent change, and the audit row written with its change or not at all."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intisari.pipeline import summarize
from intisari.service import editorial
from intisari.service.errors import Conflict
from intisari.storage.accounts import create_account, get_account_by_name
from intisari.storage.database import make_engine, make_sessions
from intisari.storage.models import (
    DEFAULT_PUBLISHER_ID,
    Account,
    AuditEntry,
    StoredSummary,
    WebhookEvent,
)
from intisari.storage.repository import add_summary, find_summary_ref, set_hidden, untouched
from intisari.storage.tenants import add_endpoint
from intisari.storage.votes import add_vote

ARTICLE = "\n\n".join(
    [
        "Jalur Sepeda Baru di Bandung",
        "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer "
        "pada Senin pagi. Jalur itu menghubungkan pusat kota dengan kawasan kampus di utara.",
        "Wali kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan pada jam "
        "sibuk. Warga menyambut baik pembangunan jalur yang dilengkapi lampu penerangan.",
        "Dinas perhubungan akan memantau penggunaan jalur selama tiga bulan pertama. "
        "Anggaran pembangunan jalur mencapai empat miliar rupiah dari dana daerah.",
    ]
)
KEY = "a" * 64


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    return summarize(ARTICLE).model_dump(mode="json")


def _store(session: Session, result: dict[str, object], *, draft: bool) -> StoredSummary:
    return add_summary(session, content_hash=KEY, engine_version="v", result=result, draft=draft)


def test_a_draft_is_stored_with_its_summary_and_seen_by_the_hot_path(
    session: Session, database_url: str, result: dict[str, object]
) -> None:
    stored = _store(session, result, draft=True)
    engine = make_engine(database_url)
    try:
        ref = find_summary_ref(engine, KEY, "v")
        assert ref is not None and ref.pending and ref.revision == 1
        editor = create_account(session, "eda", None, "editor")
        editorial.approve(session, stored.id, editor, revision=1)
        ref = find_summary_ref(engine, KEY, "v")
        assert ref is not None and not ref.pending and ref.revision == 2
    finally:
        engine.dispose()


def test_an_untouched_summary_is_published_at_revision_0(
    session: Session, database_url: str, result: dict[str, object]
) -> None:
    stored = _store(session, result, draft=False)
    engine = make_engine(database_url)
    try:
        assert find_summary_ref(engine, KEY, "v") == (stored.id, False, False, 0, None)
    finally:
        engine.dispose()
    assert editorial.box_of(stored).takeaways == result["takeaways"]


def test_two_editors_at_once_one_wins_and_one_gets_409(
    session: Session, database_url: str, result: dict[str, object]
) -> None:
    stored = _store(session, result, draft=True)
    create_account(session, "eda", None, "editor")
    create_account(session, "dewi", None, "editor")
    engine = make_engine(database_url)
    sessions = make_sessions(engine)
    try:
        with sessions() as first, sessions() as second:
            eda, dewi = _account(first, "eda"), _account(second, "dewi")
            # Both read the box at revision 1; the second's copy stays as it read it.
            editorial.editable_summary(first, stored.id, eda)
            editorial.editable_summary(second, stored.id, dewi)
            change = editorial.Edit("remove", index=0)
            editorial.edit(first, stored.id, eda, change, revision=1)
            with pytest.raises(Conflict):  # the version counter, not the early check
                editorial.edit(second, stored.id, dewi, change, revision=1)
        with sessions() as fresh:
            again = fresh.get(StoredSummary, stored.id)
            assert again is not None and again.box is not None
            assert again.box.revision == 2
            assert len(again.box.takeaways or []) == len(result["takeaways"]) - 1  # type: ignore[arg-type]
            # Only the change that was made has its audit row.
            assert fresh.scalar(select(func.count(AuditEntry.id))) == 1
    finally:
        engine.dispose()


def test_two_editors_at_once_get_409_when_a_webhook_hears_of_the_change(
    session: Session, database_url: str, result: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Writing the ``summary.corrected`` event flushes the change, where the version
    counter finds the box changed: that was a 500 (a trial on PostgreSQL, 40-47 of 72
    losing editors), and must be the 409 it is without a webhook. The other editor's
    change is made between the second's revision check and its write."""
    stored = _store(session, result, draft=True)
    add_endpoint(session, DEFAULT_PUBLISHER_ID, "https://cms.example/hook",
                 ["summary.corrected"], "whsec_x")
    ana = create_account(session, "ana", None, "editor")
    editorial.approve(session, stored.id, ana, revision=1)  # published, at revision 2
    create_account(session, "eda", None, "editor")
    create_account(session, "dewi", None, "editor")
    engine = make_engine(database_url)
    sessions = make_sessions(engine)
    change = editorial.Edit("remove", index=0)
    applied = editorial._applied

    def meanwhile(*args: Any) -> Any:
        monkeypatch.setattr(editorial, "_applied", applied)
        with sessions() as first:
            editorial.edit(first, stored.id, _account(first, "eda"), change, revision=2)
        return applied(*args)

    try:
        monkeypatch.setattr(editorial, "_applied", meanwhile)
        with sessions() as second, pytest.raises(Conflict):
            editorial.edit(second, stored.id, _account(second, "dewi"), change, revision=2)
        with sessions() as fresh:
            assert fresh.scalar(select(func.count(AuditEntry.id))) == 2  # approval, winner
            assert fresh.scalar(select(func.count(WebhookEvent.id))) == 1  # the winner's
    finally:
        engine.dispose()


def _account(session: Session, name: str) -> Account:
    account = get_account_by_name(session, name)
    assert account is not None
    return account


def test_the_bullets_readers_saw_at_each_revision_are_read_back_from_the_audit_log(
    session: Session, result: dict[str, Any]
) -> None:
    """A reader's report names the revision its page showed; the bullets of that revision
    come back from the audit log, after reorders and removals (an editor's trial: the
    report was stored against the sentence at the index after the editor's reorder)."""
    stored = _store(session, result, draft=True)
    editor = create_account(session, "eda", None, "editor")
    original = list(result["takeaways"])
    assert len(original) >= 3
    editorial.approve(session, stored.id, editor, revision=1)
    order = tuple(reversed(range(len(original))))
    editorial.edit(session, stored.id, editor, editorial.Edit("reorder", order=order), revision=2)
    reordered = list(reversed(original))
    editorial.edit(session, stored.id, editor, editorial.Edit("remove", index=0), revision=3)
    session.expire_all()
    again = session.get(StoredSummary, stored.id)
    assert again is not None and editorial.box_of(again).revision == 4
    seen = {r: editorial.takeaways_at(session, again, r) for r in range(6)}
    assert seen[0] is None and seen[1] is None  # never published: no reader saw them
    assert seen[2] == original and seen[3] == reordered and seen[4] == reordered[1:]
    assert seen[5] is None  # a revision the box has not reached


def _events(session: Session, after: int = 0) -> list[tuple[str, dict[str, Any]]]:
    """The outbox's events from id ``after`` on (another test's may be there)."""
    query = select(WebhookEvent).where(WebhookEvent.id > after).order_by(WebhookEvent.id)
    events = session.scalars(query)
    return [(event.event, event.data) for event in events]


def test_a_reorder_of_a_published_box_is_no_correction(
    session: Session, result: dict[str, object]
) -> None:
    """Moving a bullet changes no bullet: it leaves the correction note readers see as it
    was and sends ``summary.reordered``, not ``summary.corrected`` (an editor's trial:
    "Move up" after a shortening with the note "Poin kedua dipersingkat setelah laporan
    pembaca." left readers "intisari diubah oleh editor." and a webhook with a null note)."""
    stored = _store(session, result, draft=False)
    add_endpoint(session, DEFAULT_PUBLISHER_ID, "https://cms.example/hook",
                 ["summary.corrected", "summary.reordered"], "whsec_x")
    eda = create_account(session, "eda", None, "editor")
    seen = session.scalar(select(func.max(WebhookEvent.id))) or 0
    n = len(editorial.box_of(stored).takeaways)
    untouched = editorial.edit(
        session, stored.id, eda, editorial.Edit("reorder", order=(1, 0, *range(2, n))),
        revision=0,
    )
    assert editorial.box_of(untouched).corrected_at is None  # never corrected: no note
    note = "Poin kedua dipersingkat setelah laporan pembaca."
    editorial.edit(session, stored.id, eda, editorial.Edit("remove", index=2), revision=1,
                   note=note)
    corrected = editorial.box_of(stored)
    moved = editorial.edit(
        session, stored.id, eda, editorial.Edit("reorder", order=tuple(range(n - 1))[::-1]),
        revision=2,
    )
    box = editorial.box_of(moved)
    assert box.revision == 3 and box.takeaways == corrected.takeaways[::-1]
    assert (box.corrected_at, box.correction_note) == (corrected.corrected_at, note)
    events = _events(session, seen)
    assert [event for event, _data in events] == [
        "summary.reordered", "summary.corrected", "summary.reordered"
    ]
    assert events[1][1]["correction_note"] == note
    assert events[2][1] == {"summary_id": stored.id, "article_id": None, "url": None}


def test_a_later_correction_without_a_note_keeps_the_last_note(
    session: Session, result: dict[str, object]
) -> None:
    """Corrections add up: an edit with no note dates the correction anew and keeps the
    note readers had ("Poin kedua dipersingkat setelah laporan pembaca." in an editor's
    trial had become the generic "intisari diubah oleh editor."); a new note replaces
    it."""
    stored = _store(session, result, draft=False)
    add_endpoint(session, DEFAULT_PUBLISHER_ID, "https://cms.example/hook",
                 ["summary.corrected"], "whsec_x")
    seen = session.scalar(select(func.max(WebhookEvent.id))) or 0
    eda = create_account(session, "eda", None, "editor")
    first = "Poin kedua dipersingkat setelah laporan pembaca."
    editorial.edit(session, stored.id, eda, editorial.Edit("remove", index=1), revision=0,
                   note=first)
    noted_at = editorial.box_of(stored).corrected_at
    for revision, note in ((1, None), (2, "  ")):
        editorial.edit(session, stored.id, eda, editorial.Edit("remove", index=0),
                       revision=revision, note=note)
        box = editorial.box_of(stored)
        assert box.correction_note == first
        assert box.corrected_at is not None and noted_at is not None
        assert box.corrected_at >= noted_at
    editorial.edit(session, stored.id, eda, editorial.Edit("remove", index=0), revision=3,
                   note="Poin pertama keliru.")
    assert editorial.box_of(stored).correction_note == "Poin pertama keliru."
    notes = [data["correction_note"] for _event, data in _events(session, seen)]
    assert notes == [first, first, first, "Poin pertama keliru."]
    # The audit keeps what each change said itself.
    rows = editorial.audit_entries(session, eda, summary_id=stored.id)
    assert [row.note for row in rows][::-1] == [first, None, "  ", "Poin pertama keliru."]


@pytest.mark.parametrize("act", ["vote", "hide", "approve"])
def test_the_hot_path_reads_why_a_box_was_made_without_the_llm_until_someone_acts_on_it(
    session: Session, database_url: str, result: dict[str, Any], act: str
) -> None:
    """``engine.fallback`` read in SQL on each database (PostgreSQL's ``#>>``, SQLite's
    ``JSON_EXTRACT``), only when asked, and only of a box no person acted on: one they
    did is final, and the service asks the LLM again only for the others."""
    made_without = {**result, "engine": {**result["engine"], "fallback": "timeout"}}
    stored = _store(session, made_without, draft=False)
    engine = make_engine(database_url)
    try:
        assert find_summary_ref(engine, KEY, "v").fallback is None  # type: ignore[union-attr]
        ref = find_summary_ref(engine, KEY, "v", fallback=True)
        assert ref is not None and ref.fallback == "timeout" and untouched(session, stored.id)
        if act == "vote":
            add_vote(session, stored.id, "c" * 64, helpful=False)
        elif act == "hide":
            set_hidden(session, stored, True)
        else:
            editor = create_account(session, "eda", None, "editor")
            editorial.approve(session, stored.id, editor, revision=0)
        ref = find_summary_ref(engine, KEY, "v", fallback=True)
        assert ref is not None and ref.fallback is None and not untouched(session, stored.id)
    finally:
        engine.dispose()


def test_a_box_the_llm_wrote_has_no_fallback_to_read(
    session: Session, database_url: str, result: dict[str, Any]
) -> None:
    _store(session, {**result, "engine": {**result["engine"], "fallback": None}}, draft=False)
    engine = make_engine(database_url)
    try:
        ref = find_summary_ref(engine, KEY, "v", fallback=True)
        assert ref is not None and ref.fallback is None
    finally:
        engine.dispose()
