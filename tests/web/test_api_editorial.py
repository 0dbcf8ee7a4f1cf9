"""Editorial control over the JSON API (issue 16, section 1): drafts in publish mode
``review``, approval, each editor's change with the grounding invariant checked on the
result, revisions (409), corrections, the notice, the audit log and its exports."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from typer.testing import CliRunner

from app_fixtures import ARTICLE, PASSWORD, make_account
from intisari.cli import app as cli_app
from intisari.pipeline import summarize
from intisari.result import join_spans
from intisari.service.summaries import ENGINE_VERSION
from intisari.storage.accounts import get_account_by_name
from intisari.storage.database import make_engine, make_sessions
from intisari.storage.models import Publisher
from intisari.storage.repository import add_summary
from intisari.storage.tenants import get_publisher_by_slug

Headers = dict[str, str]


def set_publisher(client: TestClient, **values: Any) -> None:
    """Change the default publisher (publish mode, notices) in the app's database."""
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        session.execute(update(Publisher).where(Publisher.id == 1).values(**values))
        session.commit()


def bearer(client: TestClient, name: str, role: str) -> Headers:
    return {"Authorization": f"Bearer {make_account(client.app, name, role)}"}  # type: ignore[arg-type]


@pytest.fixture
def editor(client: TestClient) -> Headers:
    return bearer(client, "eda", "editor")


def assert_grounded(summary: dict[str, Any]) -> None:
    """The grounding invariant on every extracted bullet of a JSON summary."""
    text = summary["text"]
    for takeaway in summary["takeaways"]:
        if takeaway["origin"] != "extract":
            continue
        spans = [tuple(span) for span in takeaway["spans"]]
        assert spans, takeaway
        assert all(0 <= start < end <= len(text) for start, end in spans)
        assert join_spans(text, spans) == takeaway["text"]


def draft(client: TestClient) -> dict[str, Any]:
    set_publisher(client, publish_mode="review")
    response = client.post("/v1/summaries", json={"text": ARTICLE})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def edit(client: TestClient, headers: Headers, summary_id: str, **body: Any) -> Any:
    return client.post(f"/v1/summaries/{summary_id}/edits", json=body, headers=headers)


def published(client: TestClient, editor: Headers) -> dict[str, Any]:
    """A summary in auto mode, as the editor sees it (revision 0, untouched)."""
    body = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    seen: dict[str, Any] = client.get(f"/v1/summaries/{body['summary_id']}", headers=editor).json()
    return seen


def test_review_mode_keeps_a_new_box_from_readers_until_an_editor_approves(
    client: TestClient, editor: Headers
) -> None:
    body = draft(client)
    summary_id = body["summary_id"]
    assert body["pending"] is True and body["takeaways"] == [] and body["revision"] == 1
    again = client.post("/v1/summaries", json={"text": ARTICLE})  # the cached hot path
    assert again.headers["X-Intisari-Cache"] == "hit"
    assert again.json()["pending"] is True and again.json()["takeaways"] == []
    assert client.get(f"/v1/summaries/{summary_id}").json()["takeaways"] == []
    seen = client.get(f"/v1/summaries/{summary_id}", headers=editor).json()
    assert seen["pending"] is True and len(seen["takeaways"]) >= 3
    # An edit of a draft is no correction: readers never saw the box.
    edited = edit(client, editor, summary_id, revision=1, op="remove", index=2).json()
    assert edited["pending"] is True and edited["correction"] is None
    seen = client.get(f"/v1/summaries/{summary_id}", headers=editor).json()
    assert [s["summary_id"] for s in client.get("/v1/drafts", headers=editor).json()] == [
        summary_id
    ]

    approved = client.post(
        f"/v1/summaries/{summary_id}/approve", json={"revision": 2}, headers=editor
    )
    assert approved.status_code == 200, approved.text
    public = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    assert public["pending"] is False and public["takeaways"] == seen["takeaways"]
    assert public["checked_by_editor"] is True
    assert public["notice"] == "Dibuat dengan AI, diperiksa editor."
    assert public["correction"] is None  # approving a draft corrects nothing
    assert client.get("/v1/drafts", headers=editor).json() == []


def test_approving_an_approved_box_again_changes_nothing(
    client: TestClient, editor: Headers
) -> None:
    """A second click on "Approve" wrote an audit row "status: published -> status:
    published" and a new revision each time (an editor's trial)."""
    summary_id = draft(client)["summary_id"]
    first = client.post(f"/v1/summaries/{summary_id}/approve", json={"revision": 1},
                        headers=editor)
    assert first.status_code == 200 and first.json()["revision"] == 2, first.text
    again = client.post(f"/v1/summaries/{summary_id}/approve", json={"revision": 2},
                        headers=editor)
    assert again.status_code == 200 and again.json()["revision"] == 2, again.text
    audit = client.get(f"/v1/audit?summary_id={summary_id}", headers=editor).json()
    assert [entry["action"] for entry in audit].count("approve") == 1


def test_auto_mode_publishes_at_once_with_today_s_notice(client: TestClient) -> None:
    body = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    assert body["pending"] is False and body["revision"] == 0 and body["takeaways"]
    assert body["checked_by_editor"] is False
    assert body["notice"].startswith("Intisari ini dibuat dengan AI")


def test_a_publisher_s_own_notice_wins(client: TestClient, editor: Headers) -> None:
    set_publisher(client, notices={"id": "Ringkasan otomatis, diperiksa redaksi Kabar."})
    body = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    assert body["notice"] == "Ringkasan otomatis, diperiksa redaksi Kabar."


def test_remove_reorder_and_the_correction_note(client: TestClient, editor: Headers) -> None:
    box = published(client, editor)
    summary_id, before = box["summary_id"], box["takeaways"]
    removed = edit(client, editor, summary_id, revision=0, op="remove", index=1,
                   note="poin kedua keliru")
    assert removed.status_code == 200, removed.text
    after = removed.json()
    assert after["takeaways"] == [before[0], *before[2:]] and after["revision"] == 1
    assert after["correction"]["note"] == "poin kedua keliru"
    assert after["correction"]["text"].startswith("Diperbarui ")
    assert after["correction"]["text"].endswith(" WIB: poin kedua keliru")
    n = len(after["takeaways"])
    order = list(reversed(range(n)))
    reordered = edit(client, editor, summary_id, revision=1, op="reorder", order=order).json()
    assert reordered["takeaways"] == list(reversed(after["takeaways"]))
    assert_grounded(reordered)
    # Moving bullets corrects nothing: readers keep the removal's note and its time.
    assert reordered["correction"] == after["correction"]
    # Readers get the new box at once, from the cached path too (a new revision's body).
    public = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    assert public["takeaways"] == reordered["takeaways"] and public["revision"] == 2
    assert public["notice"] == "Dibuat dengan AI, diperiksa editor."
    assert public["correction"] == after["correction"]
    for wrong in ([0] * n, list(range(n + 1)), []):
        refused = edit(client, editor, summary_id, revision=2, op="reorder", order=wrong)
        assert refused.status_code == 422
    # A later correction without a note keeps the note readers had, dated anew.
    again = edit(client, editor, summary_id, revision=2, op="remove", index=0).json()
    assert again["correction"]["note"] == "poin kedua keliru"
    assert again["correction"]["text"].endswith(" WIB: poin kedua keliru")
    assert again["correction"]["at"] >= after["correction"]["at"]


def test_replace_takes_a_ranked_sentence_of_the_article(
    client: TestClient, editor: Headers
) -> None:
    box = published(client, editor)
    summary_id = box["summary_id"]
    candidates = client.get(f"/v1/summaries/{summary_id}/candidates", headers=editor).json()
    whole = [c for c in candidates if c["whole"]]
    assert candidates[: len(whole)] == whole  # whole sentences first, then fragments
    scores = [c["score"] for c in whole]
    assert scores == sorted(scores, reverse=True)
    assert whole[0]["score"] == 1.0 and all(0 <= c["score"] <= 1 for c in candidates)
    assert {c["sentence"] for c in candidates} == set(range(len(candidates)))
    text = box["text"]
    assert all(text[c["start"] : c["end"]] == c["text"] for c in candidates)
    used = [c for c in candidates if c["in_box"]]
    assert used and all(c["paragraph"] >= 0 and c["position"] >= 0 for c in candidates)
    free = [c for c in whole if not c["in_box"]]
    if not free:  # the box took every sentence: make room first
        box = edit(client, editor, summary_id, revision=0, op="remove", index=0).json()
        candidates = client.get(f"/v1/summaries/{summary_id}/candidates", headers=editor).json()
        free = [c for c in candidates if c["whole"] and not c["in_box"]]
    chosen = free[0]
    replaced = edit(client, editor, summary_id, revision=box["revision"], op="replace",
                    index=0, sentence=chosen["sentence"])
    assert replaced.status_code == 200, replaced.text
    (placed,) = [t for t in replaced.json()["takeaways"] if t["text"] == chosen["text"]]
    assert placed["score"] == chosen["score"]
    assert_grounded(replaced.json())
    again = edit(client, editor, summary_id, revision=replaced.json()["revision"],
                 op="replace", index=1, sentence=chosen["sentence"])
    assert again.status_code == 422  # already in the box
    missing = edit(client, editor, summary_id, revision=replaced.json()["revision"],
                   op="replace", index=0, sentence=10_000)
    assert missing.status_code == 422


def starts(box: dict[str, Any]) -> list[int]:
    """Where each bullet's source starts in the article."""
    return [min(start for start, _end in t["spans"]) for t in box["takeaways"]]


def test_a_replacing_sentence_takes_its_place_in_article_order_unless_reordered(
    client: TestClient, editor: Headers
) -> None:
    """The editor's trial: a bullet replaced with a later sentence of the article stood
    where the replaced one had, out of the article's order, which every box otherwise
    keeps. An order the editor chose (a reorder) is kept instead."""
    box = published(client, editor)
    summary_id, shown = box["summary_id"], box["takeaways"]
    assert starts(box) == sorted(starts(box)) and len(shown) >= 3
    candidates = client.get(f"/v1/summaries/{summary_id}/candidates", headers=editor).json()
    free = [c for c in candidates if c["whole"] and not c["in_box"]]
    later = max(free, key=lambda c: c["start"])
    assert later["start"] > starts(box)[1]  # it belongs after the second bullet, not first
    replaced = edit(client, editor, summary_id, revision=0, op="replace", index=0,
                    sentence=later["sentence"]).json()
    assert starts(replaced) == sorted(starts(replaced))
    assert [t["text"] for t in replaced["takeaways"]] == sorted(
        [t["text"] for t in shown[1:]] + [later["text"]],
        key=lambda text: box["text"].index(text),
    )
    # The audit row has the box as readers now see it.
    (row, *_) = client.get(f"/v1/audit?summary_id={summary_id}", headers=editor).json()
    assert row["action"] == "replace" and row["after"] == replaced["takeaways"]
    # Reordered by the editor: the order is theirs, and a replacement keeps its place.
    order = list(reversed(range(len(shown))))
    reordered = edit(client, editor, summary_id, revision=1, op="reorder", order=order).json()
    candidates = client.get(f"/v1/summaries/{summary_id}/candidates", headers=editor).json()
    first = min((c for c in candidates if c["whole"] and not c["in_box"]),
                key=lambda c: c["start"])
    kept = edit(client, editor, summary_id, revision=2, op="replace", index=1,
                sentence=first["sentence"]).json()
    assert kept["takeaways"][1]["text"] == first["text"]
    assert [t["text"] for i, t in enumerate(kept["takeaways"]) if i != 1] == [
        t["text"] for i, t in enumerate(reordered["takeaways"]) if i != 1
    ]


def test_a_headline_or_cut_off_line_cannot_replace_a_bullet(
    client: TestClient, editor: Headers
) -> None:
    # With the title given apart, the article's first line (its headline) stays in the text.
    body = client.post("/v1/summaries", json={"text": ARTICLE, "title": "Beras"}).json()
    summary_id = body["summary_id"]
    candidates = client.get(f"/v1/summaries/{summary_id}/candidates", headers=editor).json()
    fragments = [c for c in candidates if not c["whole"]]
    assert [c["text"] for c in fragments] == ["Harga Beras Naik di Pasar Tradisional Surabaya"]
    refused = edit(client, editor, summary_id, revision=0, op="replace", index=0,
                   sentence=fragments[0]["sentence"])
    assert refused.status_code == 422


def test_shorten_accepts_only_deletions_and_recomputes_the_spans(
    client: TestClient, editor: Headers
) -> None:
    box = published(client, editor)
    summary_id = box["summary_id"]
    words = box["takeaways"][1]["text"].split()
    # Delete a word from the middle and the last word: two pieces, the final mark kept.
    wanted = " ".join([*words[:2], *words[3:-1]]) + words[-1][-1]
    shortened = edit(client, editor, summary_id, revision=0, op="shorten", index=1, text=wanted)
    assert shortened.status_code == 200, shortened.text
    bullet = shortened.json()["takeaways"][1]
    assert bullet["text"] == wanted and len(bullet["spans"]) == 3
    assert_grounded(shortened.json())
    for refused_text, code in [
        (wanted + " baru", "not-a-deletion"),  # a word added
        (" ".join(reversed(wanted.split())), "not-a-deletion"),  # words moved
        (wanted, "not-a-deletion"),  # nothing deleted
    ]:
        refused = edit(client, editor, summary_id, revision=1, op="shorten", index=1,
                       text=refused_text)
        assert refused.status_code == 422 and refused.json()["code"] == code, refused_text
    too_short = edit(client, editor, summary_id, revision=1, op="shorten", index=1,
                     text=" ".join(words[:2]))
    assert too_short.status_code == 422
    unchanged = client.get(f"/v1/summaries/{summary_id}").json()
    assert unchanged["revision"] == 1 and unchanged["takeaways"][1] == bullet


def llm_summary(client: TestClient) -> str:
    """A stored LLM-mode summary: its first bullet written by an LLM and checked."""
    result = summarize(ARTICLE).model_dump(mode="json")
    first = result["takeaways"][0]
    result["takeaways"][0] = {
        "text": "Harga beras medium di Surabaya naik menjadi Rp14.000 per kilogram.",
        "spans": [],
        "score": 0.9,
        "origin": "llm",
        "evidence": first["spans"],
    }
    result["engine"]["method"] = "llm"
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        stored = add_summary(session, content_hash="f" * 64, engine_version=ENGINE_VERSION,
                             result=result)
        return stored.id


def test_an_llm_bullet_s_rewrite_is_checked_and_an_unsupported_one_refused(
    client: TestClient, editor: Headers
) -> None:
    summary_id = llm_summary(client)
    supported = "Harga beras medium di pasar tradisional Surabaya naik menjadi Rp14.000."
    rewritten = edit(client, editor, summary_id, revision=0, op="rewrite", index=0,
                     text=supported)
    assert rewritten.status_code == 200, rewritten.text
    bullet = rewritten.json()["takeaways"][0]
    assert bullet["text"] == supported and bullet["origin"] == "llm" and bullet["evidence"]
    audit = client.get(f"/v1/audit?summary_id={summary_id}", headers=editor).json()
    assert audit[0]["after"][0]["check"]["label"] == "supported"

    wrong = "Harga beras medium di Surabaya turun menjadi Rp9.000 per kilogram."
    refused = edit(client, editor, summary_id, revision=1, op="rewrite", index=0, text=wrong)
    assert refused.status_code == 422 and refused.json()["code"] == "rewrite-unsupported"
    assert client.get(f"/v1/summaries/{summary_id}").json()["takeaways"][0]["text"] == supported
    extract = edit(client, editor, summary_id, revision=1, op="rewrite", index=1, text=wrong)
    assert extract.status_code == 422  # extracted bullets are shortened or replaced
    shorten_llm = edit(client, editor, summary_id, revision=1, op="shorten", index=0,
                       text="Harga beras")
    assert shorten_llm.status_code == 422


def test_a_stale_revision_is_a_conflict_and_changes_nothing(
    client: TestClient, editor: Headers
) -> None:
    box = published(client, editor)
    summary_id = box["summary_id"]
    other = bearer(client, "dewi", "editor")
    assert edit(client, editor, summary_id, revision=0, op="remove", index=0).status_code == 200
    late = edit(client, other, summary_id, revision=0, op="remove", index=0)
    assert late.status_code == 409 and late.json()["code"] == "conflict"
    approve_late = client.post(f"/v1/summaries/{summary_id}/approve", json={"revision": 0},
                               headers=other)
    assert approve_late.status_code == 409
    now = client.get(f"/v1/summaries/{summary_id}").json()
    assert now["revision"] == 1 and len(now["takeaways"]) == len(box["takeaways"]) - 1
    assert len(client.get(f"/v1/audit?summary_id={summary_id}", headers=editor).json()) == 1


def test_the_last_bullet_cannot_go_and_bad_indexes_are_422(
    client: TestClient, editor: Headers
) -> None:
    box = published(client, editor)
    summary_id, revision = box["summary_id"], 0
    for _ in range(len(box["takeaways"]) - 1):
        assert edit(client, editor, summary_id, revision=revision, op="remove",
                    index=0).status_code == 200
        revision += 1
    assert edit(client, editor, summary_id, revision=revision, op="remove",
                index=0).status_code == 422
    assert edit(client, editor, summary_id, revision=revision, op="remove",
                index=5).status_code == 422
    assert edit(client, editor, summary_id, revision=revision, op="explode",
                index=0).status_code == 422
    assert edit(client, editor, "nope", revision=0, op="remove", index=0).status_code == 404


def test_every_change_is_audited_with_before_and_after_and_exported(
    client: TestClient, editor: Headers
) -> None:
    body = draft(client)
    summary_id = body["summary_id"]
    reviewer = bearer(client, "rina", "reviewer")
    client.post(f"/v1/summaries/{summary_id}/approve", json={"revision": 1}, headers=editor)
    before = client.get(f"/v1/summaries/{summary_id}").json()["takeaways"]
    edit(client, editor, summary_id, revision=2, op="remove", index=0, note="=HYPERLINK(1)")
    client.patch(f"/v1/summaries/{summary_id}", json={"hidden": True}, headers=reviewer)
    client.patch(f"/v1/summaries/{summary_id}", json={"hidden": False}, headers=reviewer)
    rows = client.get("/v1/audit", headers=reviewer).json()
    assert [r["action"] for r in rows] == ["unhide", "hide", "remove", "approve"]
    assert [r["actor"] for r in rows] == ["rina", "rina", "eda", "eda"]
    remove = rows[2]
    assert remove["before"] == before and remove["after"] == before[1:]
    assert remove["revision"] == 3 and remove["note"] == "=HYPERLINK(1)"
    assert rows[3]["before"] == {"status": "draft"} and rows[3]["after"] == {"status": "published"}

    jsonl = client.get("/v1/audit/export", headers=reviewer)
    lines = jsonl.text.splitlines()
    assert [json.loads(line)["action"] for line in lines] == [r["action"] for r in rows]
    # Named downloads (a browser saved the JSON Lines as "export", with no extension).
    assert 'filename="intisari-audit.jsonl"' in jsonl.headers["content-disposition"]
    exported = client.get("/v1/audit/export?format=csv", headers=reviewer)
    assert exported.headers["content-type"].startswith("text/csv")
    assert 'filename="intisari-audit.csv"' in exported.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["action"] for r in table] == [r["action"] for r in rows]
    assert table[2]["note"] == "'=HYPERLINK(1)"  # no formula in a spreadsheet
    assert json.loads(table[2]["after"]) == before[1:]


def test_a_report_decision_is_audited(client: TestClient, summary: dict[str, Any]) -> None:
    reviewer = bearer(client, "rina", "reviewer")
    report = client.post(f"/v1/summaries/{summary['summary_id']}/reports",
                         json={"takeaway_index": 0, "category": "inaccurate"}).json()
    client.patch(f"/v1/reports/{report['id']}", json={"status": "confirmed", "note": "ya"},
                 headers=reviewer)
    row = client.get("/v1/audit", headers=reviewer).json()[0]
    assert row["action"] == "report" and row["actor"] == "rina"
    assert row["before"]["status"] == "open" and row["after"]["status"] == "confirmed"


def test_a_report_keeps_the_bullet_the_reader_saw_when_editors_change_the_box(
    client: TestClient, editor: Headers
) -> None:
    """A reader reported bullet 1, then an editor reordered the box: the export (and so
    ``intisari evaluate``) named the engine's bullet 1, the dashboard the new bullet 1,
    and the webhooks only the index (a new user's report)."""
    box = published(client, editor)
    summary_id, shown = box["summary_id"], box["takeaways"]
    assert len(shown) >= 2
    seen = shown[1]["text"]
    filed = client.post(f"/v1/summaries/{summary_id}/reports",
                        json={"takeaway_index": 1, "category": "inaccurate"})
    assert filed.status_code == 201 and filed.json()["takeaway_text"] == seen
    order = list(reversed(range(len(shown))))
    reordered = edit(client, editor, summary_id, revision=0, op="reorder", order=order)
    assert reordered.status_code == 200
    reviewer = bearer(client, "rina", "reviewer")
    report = client.get("/v1/reports", headers=reviewer).json()["reports"][0]
    assert report["takeaway_index"] == 1 and report["takeaway_text"] == seen
    client.patch(f"/v1/reports/{report['id']}", json={"status": "confirmed"}, headers=reviewer)
    export = client.get("/v1/reports/export", headers=reviewer)
    assert 'filename="intisari-reports.jsonl"' in export.headers["content-disposition"]
    assert json.loads(export.text.splitlines()[0])["report"]["takeaway_text"] == seen
    form = client.get("/review")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/review/login", data={"csrf_token": token, "name": "rina", "password": PASSWORD})
    page = client.get("/review?status=confirmed").text
    assert html.escape(seen, quote=False) in page


def test_a_repeat_on_the_sentence_now_at_the_index_is_not_merged(
    client: TestClient, editor: Headers
) -> None:
    """The editor's trial (section 2): bullet 1 reported, the box reordered, the same
    reader reported the sentence now at 1 (same category): answered 200 and merged into
    the first report, the second bullet and its report lost."""
    box = published(client, editor)
    summary_id, shown = box["summary_id"], box["takeaways"]
    body = {"takeaway_index": 1, "category": "inaccurate"}
    first = client.post(f"/v1/summaries/{summary_id}/reports", json=body)
    order = list(reversed(range(len(shown))))
    reordered = edit(client, editor, summary_id, revision=0, op="reorder", order=order)
    assert reordered.status_code == 200
    now_at_1 = shown[order[1]]["text"]
    assert now_at_1 != shown[1]["text"]
    again = client.post(f"/v1/summaries/{summary_id}/reports", json=body)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["takeaway_text"] == now_at_1 and again.json()["duplicates"] == 0
    reviewer = bearer(client, "rina", "reviewer")
    listed = client.get("/v1/reports?status=open", headers=reviewer).json()["reports"]
    assert [(r["takeaway_text"], r["duplicates"]) for r in listed] == [
        (now_at_1, 0), (shown[1]["text"], 0),
    ]


def test_a_report_names_the_revision_the_reader_saw_and_keeps_its_bullet(
    client: TestClient, editor: Headers
) -> None:
    """The editor's trial (section 3): the reader opened the dialog on bullet 3, an editor
    reordered the box meanwhile, and the report was stored against the sentence then at 3.
    With the revision the reader saw, it keeps the reader's bullet, also one removed since."""
    box = published(client, editor)
    summary_id, shown = box["summary_id"], box["takeaways"]
    last = len(shown) - 1
    assert box["revision"] == 0 and last >= 2
    order = list(reversed(range(len(shown))))
    assert edit(client, editor, summary_id, revision=0, op="reorder", order=order).is_success
    assert edit(client, editor, summary_id, revision=1, op="remove", index=0).is_success
    url = f"/v1/summaries/{summary_id}/reports"
    moved = client.post(url, json={"takeaway_index": 1, "revision": 0, "category": "inaccurate"})
    assert moved.status_code == 201 and moved.json()["takeaway_text"] == shown[1]["text"]
    removed = client.post(url, json={"takeaway_index": last, "revision": 0, "category": "other"})
    assert removed.status_code == 201 and removed.json()["takeaway_text"] == shown[last]["text"]
    at_1 = client.post(url, json={"takeaway_index": 0, "revision": 1, "category": "other"})
    assert at_1.json()["takeaway_text"] == shown[last]["text"]
    # Without a revision (clients before it): the box as it is now, as before.
    now = client.post(url, json={"takeaway_index": 0, "category": "misleading"})
    assert now.status_code == 201 and now.json()["takeaway_text"] == shown[last - 1]["text"]
    for wrong in ({"revision": "0"}, {"revision": -1}):
        refused = client.post(url, json={"takeaway_index": 0, "category": "other", **wrong})
        assert refused.status_code == 422, wrong
    # A revision the box has not reached: the reader's page and the box disagree, which a
    # reload settles (409, as an editor's change against an old revision).
    unseen = client.post(url, json={"takeaway_index": 0, "category": "other", "revision": 3})
    assert unseen.status_code == 409 and unseen.json()["code"] == "conflict", unseen.text
    gone = client.post(url, json={"takeaway_index": last, "revision": 2, "category": "other"})
    assert gone.status_code == 422  # no such bullet in the box the reader names


def test_a_report_keeps_the_revision_the_reader_saw_in_its_json_export_and_dashboard(
    client: TestClient, editor: Headers
) -> None:
    """The editor's trial: the request named the revision, and the report kept the bullet
    of it, but not the revision itself, so the JSON, the export and the dashboard could not
    say which box the reader had in front of them once editors changed it."""
    box = published(client, editor)
    summary_id, shown = box["summary_id"], box["takeaways"]
    order = list(reversed(range(len(shown))))
    assert edit(client, editor, summary_id, revision=0, op="reorder", order=order).is_success
    url = f"/v1/summaries/{summary_id}/reports"
    seen_at_0 = client.post(url, json={"takeaway_index": 1, "revision": 0, "category": "other"})
    assert seen_at_0.status_code == 201 and seen_at_0.json()["revision"] == 0
    whole = client.post(url, json={"takeaway_index": None, "revision": 1, "category": "other"})
    assert whole.status_code == 201 and whole.json()["revision"] == 1
    unsaid = client.post(url, json={"takeaway_index": 0, "category": "misleading"})
    assert unsaid.status_code == 201 and unsaid.json()["revision"] is None
    # A revision readers never saw is refused for a report on the whole box too: it would
    # be kept, and tell reviewers of a box nobody was shown.
    unseen = client.post(url, json={"takeaway_index": None, "revision": 7, "category": "other"})
    assert unseen.status_code == 409 and unseen.json()["code"] == "conflict", unseen.text
    reviewer = bearer(client, "rina", "reviewer")
    listed = client.get("/v1/reports", headers=reviewer).json()["reports"]
    assert {(r["id"], r["revision"]) for r in listed} == {
        (seen_at_0.json()["id"], 0), (whole.json()["id"], 1), (unsaid.json()["id"], None)
    }
    decided = client.patch(f"/v1/reports/{seen_at_0.json()['id']}", json={"status": "confirmed"},
                           headers=reviewer)
    assert decided.status_code == 200 and decided.json()["revision"] == 0
    (line,) = client.get("/v1/reports/export", headers=reviewer).text.splitlines()
    exported = json.loads(line)["report"]
    assert (exported["revision"], exported["takeaway_text"]) == (0, shown[1]["text"])
    # The dashboard says it beside the report, and that the box has moved on since.
    page = client.get("/review?status=confirmed", headers=reviewer).text
    assert "seen in revision 0 (the box is at revision 1 now)" in page
    page = client.get("/review?status=open", headers=reviewer).text
    assert "seen in revision 1</span>" in page


def test_the_reader_page_s_report_form_sends_the_revision_it_shows(
    client: TestClient, editor: Headers
) -> None:
    """The page's form (and app.js, which posts the form's fields) carries the revision
    the page was rendered from; a report sent after an editor's reorder keeps the bullet
    the page showed."""
    box = published(client, editor)
    summary_id, shown = box["summary_id"], box["takeaways"]
    page = client.get(f"/a/{summary_id}").text
    assert page.count('name="revision" value="0"') == len(shown)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    order = list(reversed(range(len(shown))))
    assert edit(client, editor, summary_id, revision=0, op="reorder", order=order).is_success
    assert 'name="revision" value="1"' in client.get(f"/a/{summary_id}/report?takeaway=1").text
    form = {"csrf_token": token, "takeaway_index": "1", "revision": "0", "category": "inaccurate",
            "comment": "Kalimat ini keliru."}
    sent = client.post(f"/a/{summary_id}/report", data=form,
                       headers={"Accept": "application/json"})
    assert sent.status_code == 201, sent.text
    # A refused form comes back on the bullet the reader saw, with its revision.
    again = client.post(f"/a/{summary_id}/report", data={**form, "category": ""})
    assert again.status_code == 422
    assert html.escape(shown[1]["text"], quote=False) in again.text
    assert 'name="revision" value="0"' in again.text
    for wrong in ("9", "x", "²", "0" * 5000):
        refused = client.post(f"/a/{summary_id}/report", data={**form, "revision": wrong},
                              headers={"Accept": "application/json"})
        assert refused.status_code == 422, wrong
    reviewer = bearer(client, "rina", "reviewer")
    (report,) = client.get("/v1/reports", headers=reviewer).json()["reports"]
    assert (report["takeaway_index"], report["takeaway_text"]) == (1, shown[1]["text"])


def test_another_publisher_s_editor_finds_nothing(client: TestClient) -> None:
    body = client.post("/v1/summaries", json={"text": ARTICLE}).json()
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        session.add(Publisher(id=2, slug="kabar", name="Kabar", publish_mode="auto",
                              allowed_origins=[], notices={}))
        session.commit()
    outsider = bearer(client, "luar", "editor")
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        account = get_account_by_name(session, "luar")
        assert account is not None
        account.publisher_id = 2
        session.commit()
    summary_id = body["summary_id"]
    assert edit(client, outsider, summary_id, revision=0, op="remove",
                index=0).status_code == 404
    assert client.post(f"/v1/summaries/{summary_id}/approve", json={"revision": 0},
                       headers=outsider).status_code == 404
    assert client.get(f"/v1/summaries/{summary_id}/candidates",
                      headers=outsider).status_code == 404
    edit(client, bearer(client, "eda", "editor"), summary_id, revision=0, op="remove", index=0)
    assert client.get("/v1/audit", headers=outsider).json() == []


def test_the_cli_makes_an_editor(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("INTISARI_DATABASE_URL", url)
    result = CliRunner().invoke(
        cli_app, ["reviewer", "add", "eda", "--role", "editor", "--no-password"]
    )
    assert result.exit_code == 0, result.stderr
    with make_sessions(make_engine(url))() as session:
        account = get_account_by_name(session, "eda")
        assert account is not None and account.role == "editor"
        assert account.publisher_id is None  # the instance's staff


def test_the_cli_makes_a_newsroom_s_own_editor(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README told newsrooms to make their editors with ``reviewer add --role editor``,
    which made the instance's staff, who edit every publisher's boxes: an account of one
    publisher could only be made in the database."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("INTISARI_DATABASE_URL", url)
    runner = CliRunner()
    assert runner.invoke(cli_app, ["publisher", "add", "harian", "Harian"]).exit_code == 0
    made = runner.invoke(
        cli_app,
        ["reviewer", "add", "eda", "--role", "editor", "--no-password", "--publisher", "harian"],
    )
    assert made.exit_code == 0, made.stderr
    assert "in harian's newsroom" in made.stderr
    with make_sessions(make_engine(url))() as session:
        account = get_account_by_name(session, "eda")
        harian = get_publisher_by_slug(session, "harian")
        assert account is not None and harian is not None
        assert account.publisher_id == harian.id
    unknown = runner.invoke(
        cli_app, ["reviewer", "add", "ani", "--no-password", "--publisher", "tidak-ada"]
    )
    assert unknown.exit_code == 2 and "no publisher 'tidak-ada'" in unknown.stderr


def test_boxes_are_listed_by_status_in_the_api_and_on_the_dashboard(
    client: TestClient, editor: Headers
) -> None:
    """An editor's trial: the dashboard listed drafts waiting and hidden summaries, but no
    published box, so correcting one meant knowing its address. ``GET /v1/boxes`` and
    ``/review/boxes`` list each status a page at a time, from the same service function."""
    published_ids = []
    for n in range(3):
        body = client.post("/v1/summaries", json={"text": f"{ARTICLE}\n\nCatatan {n}."}).json()
        published_ids.append(body["summary_id"])
    hidden_id = published_ids.pop(0)
    reviewer = bearer(client, "rina", "reviewer")
    assert client.patch(f"/v1/summaries/{hidden_id}", json={"hidden": True},
                        headers=reviewer).is_success
    pending_id = draft(client)["summary_id"]

    def listed(status: str, headers: Headers = editor, **query: Any) -> dict[str, Any]:
        answer = client.get("/v1/boxes", params={"status": status, **query}, headers=headers)
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body

    assert [b["summary_id"] for b in listed("published")["boxes"]] == published_ids[::-1]
    assert [b["summary_id"] for b in listed("pending")["boxes"]] == [pending_id]
    (hidden,) = listed("hidden")["boxes"]
    assert (hidden["summary_id"], hidden["status"], hidden["hidden_reason"]) == (
        hidden_id, "hidden", "reviewer"
    )
    assert client.get("/v1/boxes", headers=editor).json() == listed("published")  # default
    # Paged as the reports are: a page of one, the next, and back.
    first = listed("published", limit=1)
    assert [b["summary_id"] for b in first["boxes"]] == [published_ids[-1]]
    second = listed("published", limit=1, cursor=first["next"])
    assert [b["summary_id"] for b in second["boxes"]] == [published_ids[-2]]
    assert second["next"] is None and listed("published", limit=1,
                                               cursor=second["previous"]) == first
    # What an editor needs to find and open the box: who checked it, the bullets.
    edited = edit(client, editor, published_ids[0], revision=0, op="remove", index=0).json()
    (box,) = [b for b in listed("published")["boxes"] if b["summary_id"] == published_ids[0]]
    assert (box["publisher"], box["revision"], box["checked_by"], box["draft"]) == (
        "default", 1, "eda", False
    )
    assert box["bullets"] == [t["text"] for t in edited["takeaways"]]
    # A reviewer lists published and hidden boxes; drafts are for editors (403).
    assert len(listed("published", reviewer)["boxes"]) == 2
    refused = client.get("/v1/boxes?status=pending", headers=reviewer)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert client.get("/v1/boxes").status_code == 401
    for bad in ({"status": "open"}, {"cursor": "a-1-"}, {"cursor": "x"}, {"limit": "0"},
                {"publisher": "Bad Slug"}):
        wrong = client.get("/v1/boxes", params=bad, headers=editor)
        assert wrong.status_code == 422 and wrong.json()["code"] == "invalid-request", bad
    # The dashboard's tabs list the same boxes, with a link to each one's editor page.
    page = client.get("/review/boxes?status=published", headers=editor)
    assert page.status_code == 200
    assert re.findall(r'data-box="([^"]+)"', page.text) == published_ids[::-1]
    assert f'href="/review/summaries/{published_ids[0]}"' in page.text
    assert 'aria-current="page">Published' in page.text
    assert re.findall(r'data-box="([^"]+)"',
                      client.get("/review/boxes?status=pending", headers=editor).text) == [
        pending_id
    ]
    assert 'href="/review/boxes"' in client.get("/review", headers=editor).text
    shown = client.get("/review/boxes?status=hidden", headers=reviewer)
    assert re.findall(r'data-box="([^"]+)"', shown.text) == [hidden_id]
    assert "Waiting for approval" not in shown.text and "/review/summaries/" not in shown.text
    assert client.get("/review/boxes?status=pending", headers=reviewer).status_code == 403
    for bad_query in ("status=open", "cursor=zz"):
        assert client.get(f"/review/boxes?{bad_query}", headers=editor).status_code == 422
    assert client.get("/review/boxes", follow_redirects=False).status_code in (302, 303)
