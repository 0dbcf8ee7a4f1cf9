"""Staff pages keep their way around (a new user's report): a reviewer refused an
editor's page keeps the header's name and Log out and goes back to the dashboard; every
staff page has the one staff header (``_staff_nav.html``) and is kept by no cache; a long
report comment on the dashboard is folded."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from app_fixtures import PASSWORD, make_account, routes_of
from intisari.web.pages.rendering import DASHBOARD, STAFF_CACHE_CONTROL
from intisari.web.pages.review import COMMENT_FOLD_CHARS

LOG_OUT = re.compile(
    r'<form class="site-header__user" method="post" action="/review/logout">.*?'
    r'<button class="button button--small" type="submit">Log out</button>',
    re.DOTALL,
)


def _log_in(client: TestClient, name: str, role: str) -> None:
    make_account(client.app, name, role)  # type: ignore[arg-type]
    assert client.post("/v1/auth/login", json={"name": name, "password": PASSWORD}).is_success


def test_a_reviewer_refused_the_editor_page_keeps_the_header_and_goes_back_to_the_dashboard(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """It was a 403 with no name or Log out in the header and a button to the start page."""
    _log_in(client, "rina", "reviewer")
    page = client.get(f"/review/summaries/{summary['summary_id']}")
    assert page.status_code == 403 and "cannot edit" in page.text
    assert LOG_OUT.search(page.text) and "rina" in page.text
    assert '<a class="button" href="/review">Back to the dashboard</a>' in page.text
    assert "Back to the start page" not in page.text
    assert page.headers["cache-control"] == STAFF_CACHE_CONTROL


def test_every_staff_page_can_log_out(client: TestClient, summary: dict[str, Any]) -> None:
    """/review/boxes (and the editor page and audit log) had no Log out button."""
    _log_in(client, "eda", "editor")
    for path in ("/review", "/review/boxes", "/review/audit",
                 f"/review/summaries/{summary['summary_id']}"):  # fmt: skip
        page = client.get(path)
        assert page.status_code == 200, path
        assert LOG_OUT.search(page.text), path


#: The audit log's page, which leaves out its own link in the header.
AUDIT_PAGE = f"{DASHBOARD}/audit"


def _staff_header(page: str, name: str, path: str) -> list[str]:
    """What the staff header (``_staff_nav.html``) of ``page`` lacks for the account
    ``name``: its name, the links to the dashboard and the audit log (but the one to the
    page itself) and Log out, all in the header's one form."""
    nav = re.search(r'<header class="site-header">.*?</header>', page, re.DOTALL)
    form = LOG_OUT.search(nav.group(0)) if nav else None
    if form is None:
        return ["the header's form with Log out"]
    wanted = {
        f"<span>{name}</span>": "the account's name",
        f'<a href="{DASHBOARD}">Dashboard</a>': "Dashboard",
        f'<a href="{AUDIT_PAGE}">Audit log</a>': "Audit log",
    }
    itself = {DASHBOARD: "Dashboard", AUDIT_PAGE: "Audit log"}.get(path)
    return [what for html, what in wanted.items()
            if what != itself and html not in form.group(0)]  # fmt: skip


def test_every_staff_page_has_the_staff_header_and_is_not_stored(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """The page that replaces a bullet had only "Back to the box" in its header: no name,
    no Dashboard, no Audit log, no Log out (a new user's report), and it alone of the staff
    pages could be kept in the browser's cache (``private, no-cache``: its drafts stayed on
    a shared computer's disk after Log out), since each staff route set ``no-store`` itself.
    Every page the app serves under the dashboard's path is walked, so a new staff page
    without the header or with another Cache-Control fails here; a path parameter the walk
    has no value for fails too, to be added."""
    _log_in(client, "ada", "admin")  # every staff page is an admin's to see
    values = {"summary_id": summary["summary_id"]}
    paths = sorted(
        path for method, path in routes_of(client.app.routes)  # type: ignore[attr-defined]
        if method == "GET" and (path == DASHBOARD or path.startswith(f"{DASHBOARD}/"))
    )  # fmt: skip
    assert {DASHBOARD, AUDIT_PAGE} <= set(paths)  # the walk finds the staff pages
    lacking = {}
    for path in paths:
        unknown = set(re.findall(r"\{(\w+)(?::\w+)?\}", path)) - set(values)
        assert not unknown, f"{path}: give the walk a value for {unknown}"
        page = client.get(re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values[m[1]], path))
        assert page.status_code == 200, (path, page.text[:300])
        assert page.headers["content-type"].startswith("text/html"), path
        assert page.headers["cache-control"] == STAFF_CACHE_CONTROL, path
        if missing := _staff_header(page.text, "ada", path):
            lacking[path] = missing
    assert lacking == {}


def test_a_long_report_comment_is_folded_on_the_dashboard(
    client: TestClient, summary: dict[str, Any]
) -> None:
    """A 2,000-character comment was shown whole in its card; a short one still is."""
    long_comment = "panjang " * 250
    for comment in (long_comment, "Angkanya salah."):
        sent = client.post(
            f"/v1/summaries/{summary['summary_id']}/reports",
            json={"takeaway_index": 0, "category": "other", "comment": comment},
        )
        assert sent.status_code in (200, 201), sent.text
    _log_in(client, "rina", "reviewer")
    page = client.get("/review").text
    folded = re.search(r'<details class="comment comment--long">(.*?)</details>', page, re.DOTALL)
    assert folded, page
    shown = re.search(r"<summary>(.*?)</summary>", folded.group(1), re.DOTALL)
    assert shown and len(re.sub(r"<[^>]+>", "", shown.group(1))) < COMMENT_FOLD_CHARS + 100
    assert long_comment.strip() in folded.group(1)  # the whole of it, once unfolded
    assert '<p class="comment"><span class="visually-hidden">Comment: </span>' in page
    assert "Angkanya salah." in page
