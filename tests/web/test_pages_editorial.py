"""The editor page after a change: it comes back at the bullet acted on, and a refused
change is tied to its field (a keyboard or screen-reader user was thrown to the top with
the focus on the page's body)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app_fixtures import PASSWORD, make_account


@pytest.fixture
def editor_page(client: TestClient, summary: dict[str, Any]) -> str:
    """The editor page of ``summary``, an editor logged in with the browser's cookie."""
    make_account(client.app, "eda", "editor")  # type: ignore[arg-type]
    assert client.post("/v1/auth/login", json={"name": "eda", "password": PASSWORD}).is_success
    path = f"/review/summaries/{summary['summary_id']}"
    assert client.get(path).status_code == 200
    return path


def change(client: TestClient, path: str, **form: str) -> Any:
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert token
    data = {"csrf_token": token.group(1), "revision": str(revision(client, path)), **form}
    return client.post(f"{path}/edit", data=data, follow_redirects=False)


def revision(client: TestClient, path: str) -> int:
    found = re.search(r"<span data-revision>(\d+)</span>", client.get(path).text)
    assert found
    return int(found.group(1))


def test_a_change_comes_back_at_the_bullet_and_its_result_can_take_the_focus(
    client: TestClient, editor_page: str, summary: dict[str, Any]
) -> None:
    others = ",".join(str(i) for i in range(2, len(summary["takeaways"])))
    moved = change(client, editor_page, op="reorder", order=f"1,0,{others}", index="0")
    # Bullet 1 moved down is bullet 2 now.
    assert moved.headers["location"] == f"{editor_page}?done=reorder#bullet-1"
    page = client.get(moved.headers["location"]).text
    assert '<p class="alert alert--success" role="status" id="flash" tabindex="-1">' in page
    assert re.search(r'<li class="editor__bullet" id="bullet-1" [^>]*tabindex="-1"', page)
    # Each "Move up" and "Move down" says which bullet moved.
    assert page.count('<input type="hidden" name="index" value="0">') >= 2
    removed = change(client, editor_page, op="remove", index="0")
    assert removed.headers["location"] == f"{editor_page}?done=remove#bullet-0"


def test_a_refused_shortening_marks_its_field_with_why(
    client: TestClient, editor_page: str, summary: dict[str, Any]
) -> None:
    added = summary["takeaways"][0]["text"] + " Tambahan."
    refused = change(client, editor_page, op="shorten", index="0", text=added)
    assert refused.status_code == 422
    assert '<p class="alert alert--error" role="alert" id="edit-error">' in refused.text
    field = re.search(r'<textarea [^>]*id="shorten-0"[^>]*>', refused.text)
    assert field
    assert 'aria-invalid="true" aria-describedby="edit-error" autofocus' in field.group()
    assert html.escape(added) in refused.text
    # The other bullets' fields are not marked.
    assert refused.text.count('aria-invalid="true"') == 1


def test_the_audit_table_s_scroll_box_can_be_reached_by_keyboard(
    client: TestClient, editor_page: str
) -> None:
    """At 600-830 px the table overflows its box, which held nothing focusable on the editor
    page: where the browser does not focus scrollers itself, a keyboard user could not
    scroll to "Before" and "After"."""
    change(client, editor_page, op="remove", index="0")
    page = client.get(editor_page).text
    assert re.search(
        r'<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+">\s*'
        r'<table class="audit">', page,
    )  # fmt: skip


def test_remove_asks_first_and_takes_a_correction_note(
    client: TestClient, editor_page: str, summary: dict[str, Any]
) -> None:
    """Remove, the most natural fix of a wrong bullet, was one click with no note: readers
    got only the default "intisari diubah oleh editor." (an editor's trial). Now it opens
    a form with the note field, submitted by a second button."""
    page = client.get(editor_page).text
    forms = re.findall(
        r'<details class="editor__more editor__remove"\s*>\s*<summary>Remove….*?</details>',
        page, re.S,
    )
    assert len(forms) == len(summary["takeaways"])
    for i, form in enumerate(forms):
        assert '<input type="hidden" name="op" value="remove">' in form
        assert f'id="remove-note-{i}" name="note"' in form
        assert f'type="submit">Remove bullet {i + 1}</button>' in form
    note = "Poin kedua keliru menyebut kota."
    removed = change(client, editor_page, op="remove", index="1", note=note)
    assert removed.headers["location"] == f"{editor_page}?done=remove#bullet-1"
    correction = client.get(f"/v1/summaries/{summary['summary_id']}").json()["correction"]
    assert correction["note"] == note


def test_an_approved_box_offers_no_second_approval(
    client: TestClient, editor_page: str
) -> None:
    """"Approve" stayed on an approved box, and each click wrote an audit row (an
    editor's trial); the page now says who approved it."""
    page = client.get(editor_page).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token and 'class="editor__approve"' in page
    approved = client.post(
        f"{editor_page}/approve",
        data={"csrf_token": token.group(1), "revision": str(revision(client, editor_page))},
        follow_redirects=False,
    )
    assert approved.status_code == 303, approved.text
    after = client.get(editor_page).text
    assert 'class="editor__approve"' not in after
    assert "<p class=\"help\" data-approved>Approved by eda.</p>" in after


def test_a_replacement_comes_back_at_its_place_in_article_order(
    client: TestClient, editor_page: str, summary: dict[str, Any]
) -> None:
    """The replacing sentence takes its place in article order, and the page comes back
    there (at the replaced bullet's old place, it would have focused another bullet)."""
    candidates = client.get(f"/v1/summaries/{summary['summary_id']}/candidates").json()
    later = max((c for c in candidates if c["whole"] and not c["in_box"]),
                key=lambda c: c["start"])
    replaced = change(client, editor_page, op="replace", index="0",
                      sentence=str(later["sentence"]))
    now = client.get(f"/v1/summaries/{summary['summary_id']}").json()["takeaways"]
    at = [t["text"] for t in now].index(later["text"])
    assert at > 0
    assert replaced.headers["location"] == f"{editor_page}?done=replace#bullet-{at}"
