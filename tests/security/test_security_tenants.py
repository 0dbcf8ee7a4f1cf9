"""Tenant isolation (OWASP API1, broken object level authorization): publisher B's key and
B's newsroom accounts never read or change publisher A's summaries, reports, settings,
keys or webhooks. Each answers 404, as for an id that does not exist, and A's row stays
as it was.

``test_every_route_is_classified`` lists every route of the app: a new route fails the
suite until it is added to ``ROUTES`` with the name of its isolation test here, or with
the reason it holds no tenant's data. Every test here runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app_fixtures import ARTICLE, PASSWORD, routes_of
from intisari.service import paging
from intisari.storage import repository
from intisari.storage.models import (
    AuditEntry,
    HelpfulVote,
    Publisher,
    PublisherKey,
    Report,
    StoredSummary,
    WebhookEndpoint,
)
from intisari.web.pages.review import REPORTS_PER_PAGE
from tenant_fixtures import World, world

__all__ = ["world"]

#: Every route: the isolation test that covers it, or why it holds no tenant's data.
ROUTES: dict[tuple[str, str], str] = {
    ("POST", "/v1/summaries"): "test_new_summaries_are_the_keys_publishers",
    ("GET", "/v1/summaries/{summary_id}"): "test_read_another_publishers_summary_is_404",
    # Every route that reads its caller: also
    # test_a_revoked_or_unknown_key_is_401_never_the_default_publishers_caller
    ("PATCH", "/v1/summaries/{summary_id}"): "test_hide_another_publishers_summary_is_404",
    ("POST", "/v1/summaries/{summary_id}/reports"):
        "test_report_on_another_publishers_summary_is_404",
    # Both listings' next/previous pages: test_paging_never_leads_to_another_publishers_reports
    ("GET", "/v1/reports"): "test_report_list_holds_only_the_callers_publisher",
    ("GET", "/v1/reports/export"): "test_export_holds_only_the_callers_publisher",
    ("PATCH", "/v1/reports/{report_id}"): "test_decide_another_publishers_report_is_404",
    ("GET", "/v1/publishers"): "test_publisher_list_holds_only_the_admins_own",
    ("POST", "/v1/publishers"): "test_only_the_instances_admins_add_publishers",
    ("GET", "/v1/publishers/{publisher_id}"): "test_read_another_publisher_is_404",
    ("PATCH", "/v1/publishers/{publisher_id}"): "test_change_another_publishers_settings_is_404",
    ("GET", "/v1/publishers/{publisher_id}/keys"): "test_another_publishers_keys_are_404",
    ("POST", "/v1/publishers/{publisher_id}/keys"): "test_another_publishers_keys_are_404",
    ("DELETE", "/v1/publishers/{publisher_id}/keys/{key_id}"):
        "test_revoke_another_publishers_key_is_404",
    ("GET", "/v1/publishers/{publisher_id}/webhooks"): "test_another_publishers_webhooks_are_404",
    ("POST", "/v1/publishers/{publisher_id}/webhooks"): "test_another_publishers_webhooks_are_404",
    ("DELETE", "/v1/publishers/{publisher_id}/webhooks/{endpoint_id}"):
        "test_remove_another_publishers_webhook_is_404",
    ("GET", "/v1/publishers/{publisher_id}/webhooks/{endpoint_id}/deliveries"):
        "test_another_publishers_delivery_log_is_404",
    ("GET", "/a/{summary_id}"): "test_article_pages_of_another_publisher_are_404",
    ("GET", "/a/{summary_id}/report"): "test_article_pages_of_another_publisher_are_404",
    ("POST", "/a/{summary_id}/report"): "test_article_pages_of_another_publisher_are_404",
    ("GET", "/review"): "test_dashboard_holds_only_the_reviewers_publisher",
    ("POST", "/review/reports/{report_id}"): "test_review_forms_on_another_publisher_are_404",
    ("POST", "/review/summaries/{summary_id}/hidden"):
        "test_review_forms_on_another_publisher_are_404",
    ("GET", "/v1/embed/{publisher}/box"): "test_embed_of_another_publisher_cannot_read_its_box",
    ("POST", "/v1/embed/{publisher}/reports"):
        "test_embed_report_on_another_publishers_box_is_404",
    ("OPTIONS", "/v1/embed/{publisher}/{resource}"):
        "test_embed_preflight_answers_only_the_publishers_origins",
    ("POST", "/v1/summaries/{summary_id}/helpful"): "test_vote_on_another_publishers_box_is_404",
    ("GET", "/v1/summaries/{summary_id}/helpful"): "test_vote_on_another_publishers_box_is_404",
    ("POST", "/a/{summary_id}/helpful"): "test_vote_on_another_publishers_box_is_404",
    ("POST", "/v1/summaries/{summary_id}/approve"): "test_edit_another_publishers_box_is_404",
    ("POST", "/v1/summaries/{summary_id}/edits"): "test_edit_another_publishers_box_is_404",
    ("GET", "/v1/summaries/{summary_id}/candidates"): "test_edit_another_publishers_box_is_404",
    ("GET", "/v1/drafts"): "test_drafts_and_audit_hold_only_the_editors_publisher",
    ("GET", "/v1/audit"): "test_drafts_and_audit_hold_only_the_editors_publisher",
    ("GET", "/v1/audit/export"): "test_drafts_and_audit_hold_only_the_editors_publisher",
    ("GET", "/review/summaries/{summary_id}"): "test_editor_pages_of_another_publisher_are_404",
    ("GET", "/review/summaries/{summary_id}/replace"):
        "test_editor_pages_of_another_publisher_are_404",
    ("POST", "/review/summaries/{summary_id}/approve"):
        "test_editor_pages_of_another_publisher_are_404",
    ("POST", "/review/summaries/{summary_id}/edit"):
        "test_editor_pages_of_another_publisher_are_404",
    ("GET", "/review/audit"): "test_drafts_and_audit_hold_only_the_editors_publisher",
    ("GET", "/v1/boxes"): "test_box_listings_hold_only_the_callers_publisher",
    ("GET", "/review/boxes"): "test_box_listings_hold_only_the_callers_publisher",
    # No tenant's data:
    ("GET", "/favicon.ico"): "public: a static icon",
    ("POST", "/v1/verify"): "public: checks statements against a text the caller sends",
    ("POST", "/v1/auth/login"): "public: the caller's own account",
    ("POST", "/v1/auth/logout"): "public: the caller's own session",
    ("GET", "/v1/auth/me"): "public: the caller's own account",
    ("GET", "/healthz"): "public: database up or not",
    ("GET", "/metrics"): "operations: counters over the whole instance, no row of anyone",
    ("GET", "/openapi.json"): "public: the API's description",
    ("GET", "/docs"): "public: the API's description",
    ("MOUNT", "/docs/assets"): "public: static files",
    ("MOUNT", "/static"): "public: static files",
    ("GET", "/"): "public: the start form",
    ("POST", "/"): "public: stores under the default publisher only",
    ("POST", "/review/login"): "public: the caller's own account",
    ("POST", "/review/logout"): "public: the caller's own session",
}


def test_every_route_is_classified(world: World) -> None:
    routes = routes_of(world.app.routes)
    assert len(routes) > 30  # the unfolding found the routers' routes
    unclassified = sorted(routes - set(ROUTES))
    assert unclassified == [], f"add these routes to ROUTES with an isolation test: {unclassified}"
    assert sorted(set(ROUTES) - routes) == []  # no stale entries
    tests = set(globals())
    for route, covered_by in ROUTES.items():
        if covered_by.startswith("test_"):
            assert covered_by in tests, (route, covered_by)


# Helpers ------------------------------------------------------------------------------


def _row(app: FastAPI, kind: type[Any], key: Any) -> Any:
    with app.state.intisari.sessions() as session:
        row = session.get(kind, key)
        assert row is not None
        session.expunge(row)
        return row


def _count(app: FastAPI, kind: type[Any]) -> int:
    with app.state.intisari.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(kind)) or 0)


def _not_found(response: Any, who: str) -> None:
    assert response.status_code == 404, (who, response.status_code, response.text)


def _csrf(page: Any) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, page.text[:300]
    return match.group(1)


# Summaries and reports ----------------------------------------------------------------


def test_new_summaries_are_the_keys_publishers(world: World) -> None:
    """The same article sent by A's and B's keys makes two summaries, each its
    publisher's; an unknown key is 401, never the default publisher's."""
    client = world.client
    b_made = client.post("/v1/summaries", json={"text": ARTICLE}, headers=world.b_key)
    assert b_made.status_code == 200 and b_made.headers["X-Intisari-Cache"] == "miss"
    b_id = b_made.json()["summary_id"]
    assert b_id != world.a_summary
    assert _row(world.app, StoredSummary, b_id).publisher_id == world.b
    assert _row(world.app, StoredSummary, world.a_summary).publisher_id == world.a
    # A newsroom account's summaries are its publisher's too.
    other = ARTICLE.replace("Bandung", "Bogor").replace("Surabaya", "Malang")
    staff_made = client.post("/v1/summaries", json={"text": other}, headers=world.b_reviewer)
    assert staff_made.status_code == 200
    assert _row(world.app, StoredSummary, staff_made.json()["summary_id"]).publisher_id == world.b
    forged = {"Authorization": "Bearer ipk_not-a-key"}
    assert client.post("/v1/summaries", json={"text": ARTICLE}, headers=forged).status_code == 401


def test_a_revoked_or_unknown_key_is_401_never_the_default_publishers_caller(
    world: World,
) -> None:
    """An API trial: a CMS whose key was revoked went on reading the default publisher's
    boxes, voting and filing reports on them (200, 201), and its own boxes were 404."""
    client = world.client
    default = client.post("/v1/summaries", json={"text": ARTICLE}).json()["summary_id"]
    revoked = dict(world.b_key)
    sent = client.delete(f"/v1/publishers/{world.b}/keys/{world.b_key_id}", headers=world.root)
    assert sent.status_code == 200
    reports = _count(world.app, Report)
    unknown_key = {"Authorization": "Bearer ipk_x"}
    unknown_token = {"Authorization": "Bearer nonsense"}
    for who, headers in (("revoked", revoked), ("key", unknown_key), ("token", unknown_token)):
        answers = [
            client.get(f"/v1/summaries/{default}", headers=headers),
            client.get(f"/v1/summaries/{world.a_summary}", headers=headers),
            client.post(f"/v1/summaries/{default}/reports", json={"category": "offensive"},
                        headers=headers),
            client.post(f"/v1/summaries/{default}/helpful", json={"helpful": True},
                        headers=headers),
            client.get("/v1/reports", headers=headers),
        ]
        for answer in answers:
            assert answer.status_code == 401, (who, answer.request.url, answer.text)
            assert answer.headers["WWW-Authenticate"] == "Bearer"
            assert answer.json()["code"] == "unauthorized"
    assert _count(world.app, Report) == reports


def test_read_another_publishers_summary_is_404(world: World) -> None:
    client = world.client
    assert client.get(f"/v1/summaries/{world.a_summary}", headers=world.a_key).status_code == 200
    for who, headers in world.b_attackers():
        _not_found(client.get(f"/v1/summaries/{world.a_summary}", headers=headers), who)
    # Anonymous readers see the default publisher's summaries only.
    _not_found(client.get(f"/v1/summaries/{world.a_summary}"), "anonymous")
    assert client.get(f"/v1/summaries/{world.a_summary}", headers=world.root).status_code == 200


def test_hide_another_publishers_summary_is_404(world: World) -> None:
    for who, headers in world.b_attackers():
        sent = world.client.patch(
            f"/v1/summaries/{world.a_summary}", json={"hidden": True}, headers=headers
        )
        _not_found(sent, who)
    assert _row(world.app, StoredSummary, world.a_summary).hidden is False
    own = world.client.patch(
        f"/v1/summaries/{world.a_summary}", json={"hidden": True}, headers=world.a_key
    )
    assert own.status_code == 200 and _row(world.app, StoredSummary, world.a_summary).hidden


def test_report_on_another_publishers_summary_is_404(world: World) -> None:
    before = _count(world.app, Report)
    body = {"takeaway_index": 0, "category": "other"}
    for who, headers in [*world.b_attackers(), ("anonymous", {})]:
        sent = world.client.post(
            f"/v1/summaries/{world.a_summary}/reports", json=body, headers=headers
        )
        _not_found(sent, who)
    assert _count(world.app, Report) == before


#: ``GET /v1/reports``'s answer when nothing is listed.
EMPTY_PAGE = {"reports": [], "next": None, "previous": None}


def test_report_list_holds_only_the_callers_publisher(world: World) -> None:
    """The ``publisher`` filter narrows within the caller's scope and never widens it: B
    asking for A's slug gets an empty page, as for a slug that does not exist (a 404 would
    tell B that A exists and has reports)."""
    client = world.client
    for who, headers in world.b_attackers():
        listed = client.get("/v1/reports", headers=headers)
        assert listed.status_code == 200 and listed.json() == EMPTY_PAGE, who
        by_id = client.get("/v1/reports", params={"summary_id": world.a_summary}, headers=headers)
        assert by_id.json() == EMPTY_PAGE, who
        for slug in ("harian-a", "no-such-publisher"):
            asked = client.get("/v1/reports", params={"publisher": slug}, headers=headers)
            assert asked.status_code == 200 and asked.json() == EMPTY_PAGE, (who, slug)
    own = client.get("/v1/reports", headers=world.a_key).json()
    assert [r["id"] for r in own["reports"]] == [world.a_report]
    for query in ({}, {"publisher": "harian-a"}):
        listed = client.get("/v1/reports", params=query, headers=world.root).json()
        assert [r["id"] for r in listed["reports"]] == [world.a_report], query
    assert client.get(
        "/v1/reports", params={"publisher": "harian-b"}, headers=world.root
    ).json() == EMPTY_PAGE


def test_export_holds_only_the_callers_publisher(world: World) -> None:
    client = world.client
    decided = client.patch(
        f"/v1/reports/{world.a_report}", json={"status": "confirmed"}, headers=world.a_key
    )
    assert decided.status_code == 200
    for who, headers in world.b_attackers():
        exported = client.get("/v1/reports/export", headers=headers)
        assert exported.status_code == 200 and exported.text == "", who
    assert world.a_summary in client.get("/v1/reports/export", headers=world.a_key).text


def test_decide_another_publishers_report_is_404(world: World) -> None:
    for who, headers in world.b_attackers():
        sent = world.client.patch(
            f"/v1/reports/{world.a_report}", json={"status": "dismissed"}, headers=headers
        )
        _not_found(sent, who)
    report = _row(world.app, Report, world.a_report)
    assert report.status == "open" and report.reviewed_by is None


# Publishers, keys, webhooks -----------------------------------------------------------


def test_publisher_keys_cannot_administer(world: World) -> None:
    """A key is for the summary API: it reads and changes no settings, keys or webhooks,
    not even its own publisher's (a leaked key must not mint more keys)."""
    for path in (f"/v1/publishers/{world.a}", f"/v1/publishers/{world.a}/keys", "/v1/publishers"):
        assert world.client.get(path, headers=world.a_key).status_code == 403, path


def test_publisher_list_holds_only_the_admins_own(world: World) -> None:
    listed = world.client.get("/v1/publishers", headers=world.b_admin)
    assert listed.status_code == 200 and [p["id"] for p in listed.json()] == [world.b]
    every = world.client.get("/v1/publishers", headers=world.root).json()
    assert {p["id"] for p in every} == {1, world.a, world.b}
    assert world.client.get("/v1/publishers", headers=world.b_reviewer).status_code == 403


def test_only_the_instances_admins_add_publishers(world: World) -> None:
    before = _count(world.app, Publisher)
    sent = world.client.post(
        "/v1/publishers", json={"slug": "evil", "name": "Evil"}, headers=world.b_admin
    )
    assert sent.status_code == 403
    assert _count(world.app, Publisher) == before


def test_read_another_publisher_is_404(world: World) -> None:
    _not_found(world.client.get(f"/v1/publishers/{world.a}", headers=world.b_admin), "b-admin")
    assert world.client.get(f"/v1/publishers/{world.b}", headers=world.b_admin).status_code == 200


def test_change_another_publishers_settings_is_404(world: World) -> None:
    body = {"publish_mode": "review", "allowed_origins": ["https://evil.example"]}
    sent = world.client.patch(f"/v1/publishers/{world.a}", json=body, headers=world.b_admin)
    _not_found(sent, "b-admin")
    publisher = _row(world.app, Publisher, world.a)
    assert publisher.publish_mode == "auto" and publisher.allowed_origins == []
    # Its own settings, yes; its own quota, no (403).
    own = world.client.patch(f"/v1/publishers/{world.b}", json=body, headers=world.b_admin)
    assert own.status_code == 200
    quota = world.client.patch(
        f"/v1/publishers/{world.b}", json={"daily_quota": 10**6}, headers=world.b_admin
    )
    assert quota.status_code == 403 and _row(world.app, Publisher, world.b).daily_quota is None


def test_another_publishers_keys_are_404(world: World) -> None:
    client = world.client
    before = _count(world.app, PublisherKey)
    _not_found(client.get(f"/v1/publishers/{world.a}/keys", headers=world.b_admin), "list")
    minted = client.post(
        f"/v1/publishers/{world.a}/keys", json={"label": "stolen"}, headers=world.b_admin
    )
    _not_found(minted, "mint")
    assert _count(world.app, PublisherKey) == before
    own = client.get(f"/v1/publishers/{world.b}/keys", headers=world.b_admin).json()
    assert [k["id"] for k in own] == [world.b_key_id] and "key" not in own[0]


def test_revoke_another_publishers_key_is_404(world: World) -> None:
    client = world.client
    paths = [
        f"/v1/publishers/{world.a}/keys/{world.a_key_id}",  # A's key under A
        f"/v1/publishers/{world.b}/keys/{world.a_key_id}",  # A's key under B's own id
    ]
    for path in paths:
        _not_found(client.delete(path, headers=world.b_admin), path)
    assert _row(world.app, PublisherKey, world.a_key_id).revoked_at is None
    assert client.get(f"/v1/summaries/{world.a_summary}", headers=world.a_key).status_code == 200


def test_another_publishers_webhooks_are_404(world: World) -> None:
    client = world.client
    before = _count(world.app, WebhookEndpoint)
    listed = client.get(f"/v1/publishers/{world.a}/webhooks", headers=world.b_admin)
    _not_found(listed, "list")
    body = {"url": "http://127.0.0.1:9/stolen", "events": ["report.filed"]}
    added = client.post(f"/v1/publishers/{world.a}/webhooks", json=body, headers=world.b_admin)
    _not_found(added, "add")
    assert _count(world.app, WebhookEndpoint) == before


def test_remove_another_publishers_webhook_is_404(world: World) -> None:
    paths = [
        f"/v1/publishers/{world.a}/webhooks/{world.a_endpoint}",
        f"/v1/publishers/{world.b}/webhooks/{world.a_endpoint}",
    ]
    for path in paths:
        _not_found(world.client.delete(path, headers=world.b_admin), path)
    assert _row(world.app, WebhookEndpoint, world.a_endpoint).url == "http://127.0.0.1:9/hook"


def test_another_publishers_delivery_log_is_404(world: World) -> None:
    filed = world.client.post(
        f"/v1/summaries/{world.a_summary}/reports",
        json={"takeaway_index": 1, "category": "other"},
        headers=world.a_key,
    )
    assert filed.status_code == 201
    for path in (
        f"/v1/publishers/{world.a}/webhooks/{world.a_endpoint}/deliveries",
        f"/v1/publishers/{world.b}/webhooks/{world.a_endpoint}/deliveries",
    ):
        _not_found(world.client.get(path, headers=world.b_admin), path)
    own = world.client.get(
        f"/v1/publishers/{world.a}/webhooks/{world.a_endpoint}/deliveries",
        headers=world.a_admin,
    )
    assert own.status_code == 200 and [d["event"] for d in own.json()] == ["report.filed"]


# Pages --------------------------------------------------------------------------------


def _browser(world: World, name: str) -> TestClient:
    """A second browser on the same app, logged in as ``name`` (its own cookie jar)."""
    browser = TestClient(world.app)
    form = browser.get("/review")
    logged_in = browser.post(
        "/review/login",
        data={"csrf_token": _csrf(form), "name": name, "password": PASSWORD},
        follow_redirects=False,
    )
    assert logged_in.status_code == 303, logged_in.text
    return browser


def test_article_pages_of_another_publisher_are_404(world: World) -> None:
    before = _count(world.app, Report)
    for who, browser in (("anonymous", TestClient(world.app)), ("b-rev", _browser(world, "b-rev"))):
        _not_found(browser.get(f"/a/{world.a_summary}"), who)
        _not_found(browser.get(f"/a/{world.a_summary}/report?takeaway=0"), who)
        token = _csrf(browser.get("/"))
        sent = browser.post(
            f"/a/{world.a_summary}/report",
            data={"csrf_token": token, "takeaway_index": "0", "category": "other"},
        )
        _not_found(sent, who)
    assert _count(world.app, Report) == before
    assert _browser(world, "root").get(f"/a/{world.a_summary}").status_code == 200


def test_a_newsroom_account_sees_the_public_pages_every_reader_sees(world: World) -> None:
    """A newsroom's editor, logged in, had "Summary not found" on a default publisher's
    page that anonymous readers open (an editor's trial): the cookie narrowed a public
    page to the editor's own publisher. Another publisher's box stays 404 (above)."""
    public = TestClient(world.app).post("/v1/summaries", json={"text": ARTICLE})
    assert public.status_code == 200, public.text
    summary_id = public.json()["summary_id"]
    b_browser = _browser(world, "b-rev")
    page = b_browser.get(f"/a/{summary_id}")
    assert page.status_code == 200, page.text[:300]
    assert b_browser.get(f"/a/{summary_id}/report?takeaway=0").status_code == 200
    token = _csrf(b_browser.get("/"))
    sent = b_browser.post(
        f"/a/{summary_id}/report",
        data={"csrf_token": token, "takeaway_index": "0", "category": "other"},
    )
    assert sent.status_code in (200, 303), sent.text[:300]


def _tab_counts(page: Any) -> list[str]:
    tabs = page.text[page.text.index('<nav class="tabs"') :]
    return re.findall(r'tabs__count">(\d+)<', tabs[: tabs.index("</nav>")])


def _chart_total(page: Any) -> str:
    match = re.search(r'id="chart-desc">(\d+) reports', page.text)
    assert match, page.text[:300]
    return match.group(1)


def test_dashboard_holds_only_the_reviewers_publisher(world: World) -> None:
    """Also with A's slug as the publisher filter, in the tab counts, the chart, the list
    of hidden summaries and the filter's list of publishers (which would name A to B)."""
    hidden = world.client.patch(
        f"/v1/summaries/{world.a_summary}", json={"hidden": True}, headers=world.a_key
    )
    assert hidden.status_code == 200, hidden.text
    b_browser = _browser(world, "b-rev")
    for query in ({}, {"publisher": "harian-a"}, {"status": "dismissed"}):
        b_page = b_browser.get("/review", params=query)
        assert b_page.status_code == 200 and world.a_summary not in b_page.text, query
        assert _tab_counts(b_page) == ["0", "0", "0"], query
        assert _chart_total(b_page) == "0", query
    assert "harian-a" not in b_browser.get("/review").text
    a_browser = _browser(world, "a-admin")
    a_page = a_browser.get("/review", params={"publisher": "harian-a"})
    assert world.a_summary in a_page.text and _chart_total(a_page) == "1"
    assert _tab_counts(a_page) == ["1", "0", "0"]
    # Hidden and without dismissed reports: listed among the hidden summaries.
    assert world.a_summary in a_browser.get("/review", params={"status": "dismissed"}).text
    # The instance's staff see every publisher: each card names its own, set apart from
    # the language ("language id· harian-a" had no space; an editor's trial).
    root_page = _browser(world, "root").get("/review").text
    assert re.search(r"language \w+\s+· <span data-publisher>harian-a</span>", root_page)


def _interleaved_reports(world: World, each: int) -> tuple[set[int], set[int]]:
    """``each`` reports on A's summary and on a summary of B's, filed in turn, two to a
    moment (so pages meet ties on the id): the ids of A's and of B's."""
    with world.app.state.intisari.sessions() as session:
        a_summary = session.get(StoredSummary, world.a_summary)
        assert a_summary is not None
        b_summary = repository.add_summary(
            session, content_hash="b" * 64, engine_version=a_summary.engine_version,
            result=a_summary.result, publisher_id=world.b,
        )  # fmt: skip
        for i in range(2 * each):
            summary = (a_summary, b_summary)[i % 2]
            session.add(Report(
                summary_id=summary.id, takeaway_index=0, category="inaccurate",
                client_hash=f"c{i}", duplicates=0, status="open",
                created_at=datetime(2025, 3, 1, tzinfo=UTC) + timedelta(minutes=i // 2),
            ))  # fmt: skip
        session.commit()
        ids: dict[int, set[int]] = {world.a: set(), world.b: set()}
        for report in session.scalars(select(Report)):
            ids[report.summary.publisher_id].add(report.id)
    return ids[world.a], ids[world.b]


def _cursor_id(cursor: str) -> int:
    return int(cursor.rsplit("-", 1)[1])


def test_paging_never_leads_to_another_publishers_reports(world: World) -> None:
    """Forward through ``next`` and back through ``previous``, in the API and on the
    dashboard, B sees each of its reports once and none of A's, and every cursor handed
    to B is the key of one of B's reports. A cursor made from A's report only sets where
    B's listing starts."""
    a_ids, b_ids = _interleaved_reports(world, REPORTS_PER_PAGE + 10)
    client = world.client
    for who, headers in world.b_attackers():
        seen: list[int] = []
        cursors: list[str] = []
        page = client.get("/v1/reports", params={"limit": 7}, headers=headers).json()
        while True:
            seen += [r["id"] for r in page["reports"]]
            cursors += [c for c in (page["next"], page["previous"]) if c is not None]
            if page["next"] is None:
                break
            query = {"limit": 7, "cursor": page["next"]}
            page = client.get("/v1/reports", params=query, headers=headers).json()
        back: list[int] = []
        while page["previous"] is not None:
            query = {"limit": 7, "cursor": page["previous"]}
            page = client.get("/v1/reports", params=query, headers=headers).json()
            back += [r["id"] for r in page["reports"]]
            cursors += [c for c in (page["next"], page["previous"]) if c is not None]
        assert sorted(seen) == sorted(b_ids) and set(back) <= b_ids, who
        assert {_cursor_id(c) for c in cursors} <= b_ids, who
        newest_a = max(a_ids)
        with world.app.state.intisari.sessions() as session:
            a_report = session.get(Report, newest_a)
            assert a_report is not None
            made_up = str(paging.Cursor(True, (a_report.created_at, a_report.id)))
        crafted = client.get("/v1/reports", params={"cursor": made_up}, headers=headers).json()
        assert crafted["reports"] and {r["id"] for r in crafted["reports"]} <= b_ids, who
    # The same for the dashboard's "Older reports" and "Newer reports" links.
    browser = _browser(world, "b-rev")
    seen, links = [], []
    page_text = browser.get("/review").text
    for _ in range(2 * (REPORTS_PER_PAGE + 10)):
        seen += [int(i) for i in re.findall(r'aria-label="Report (\d+)"', page_text)]
        links += re.findall(r'href="/review\?([^"]*cursor=[^"]*)"', page_text)
        older = re.search(r'rel="next" href="(/review\?[^"]+)"', page_text)
        if older is None:
            break
        page_text = browser.get(html.unescape(older.group(1))).text
    assert sorted(seen) == sorted(b_ids) and len(links) >= 2
    cursors = [parse_qs(html.unescape(link))["cursor"][0] for link in links]
    assert {_cursor_id(c) for c in cursors} <= b_ids
    # The instance's staff page through both publishers' reports (the test can fail).
    everyone = client.get("/v1/reports", params={"limit": 1000}, headers=world.root).json()
    assert {r["id"] for r in everyone["reports"]} == a_ids | b_ids


def test_review_forms_on_another_publisher_are_404(world: World) -> None:
    browser = _browser(world, "b-rev")
    token = _csrf(browser.get("/review"))
    decided = browser.post(
        f"/review/reports/{world.a_report}", data={"csrf_token": token, "status": "dismissed"}
    )
    _not_found(decided, "decide")
    hidden = browser.post(
        f"/review/summaries/{world.a_summary}/hidden", data={"csrf_token": token, "hidden": "true"}
    )
    _not_found(hidden, "hide")
    assert _row(world.app, Report, world.a_report).status == "open"
    assert _row(world.app, StoredSummary, world.a_summary).hidden is False


# Editorial control ----------------------------------------------------------------------


def _a_draft(world: World) -> str:
    """A draft of publisher A (A reviews boxes before readers see them)."""
    mode = world.client.patch(
        f"/v1/publishers/{world.a}", json={"publish_mode": "review"}, headers=world.a_admin
    )
    assert mode.status_code == 200, mode.text
    made = world.client.post(
        "/v1/summaries", json={"text": ARTICLE, "article_id": "draft-1"}, headers=world.a_key
    )
    assert made.status_code == 200 and made.json()["pending"] is True, made.text
    return str(made.json()["summary_id"])


def test_edit_another_publishers_box_is_404(world: World) -> None:
    """B's admin (who may edit B's boxes) finds none of A's, published or draft; B's key
    and reviewer may not edit at all (403). A's boxes keep their revision, no audit row."""
    def revision(summary_id: str) -> int:
        box = world.client.get(f"/v1/summaries/{summary_id}", headers=world.a_admin).json()
        return int(box["revision"])

    for summary_id in (world.a_summary, _a_draft(world)):
        before = revision(summary_id)
        calls = [
            ("approve", "post", f"/v1/summaries/{summary_id}/approve", {"revision": before}),
            ("edit", "post", f"/v1/summaries/{summary_id}/edits",
             {"revision": before, "op": "remove", "index": 0}),
            ("candidates", "get", f"/v1/summaries/{summary_id}/candidates", None),
        ]
        for what, method, path, body in calls:
            kwargs: dict[str, Any] = {"json": body} if body is not None else {}
            _not_found(world.client.request(method, path, headers=world.b_admin, **kwargs), what)
            for who, headers in (("b-key", world.b_key), ("b-reviewer", world.b_reviewer)):
                refused = world.client.request(method, path, headers=headers, **kwargs)
                assert refused.status_code == 403, (who, what, refused.text)
        assert revision(summary_id) == before
    assert _count(world.app, AuditEntry) == 0


def test_drafts_and_audit_hold_only_the_editors_publisher(world: World) -> None:
    """A's draft and A's audit rows (a hide and a show) reach A's admin, never B's staff
    or key, in the JSON, the export and the dashboard's audit page."""
    draft = _a_draft(world)
    for hidden in (True, False):
        changed = world.client.patch(
            f"/v1/summaries/{world.a_summary}", json={"hidden": hidden}, headers=world.a_admin
        )
        assert changed.status_code == 200, changed.text
    assert [d["summary_id"] for d in world.client.get(
        "/v1/drafts", headers=world.a_admin).json()] == [draft]
    assert len(world.client.get("/v1/audit", headers=world.a_admin).json()) == 2
    assert world.client.get("/v1/drafts", headers=world.b_admin).json() == []
    for who, headers in (("b-admin", world.b_admin), ("b-reviewer", world.b_reviewer),
                         ("b-key", world.b_key)):
        assert world.client.get("/v1/audit", headers=headers).json() == [], who
        for fmt in ("jsonl", "csv"):
            export = world.client.get(f"/v1/audit/export?format={fmt}", headers=headers)
            assert export.status_code == 200 and world.a_summary not in export.text, (who, fmt)
    page = _browser(world, "b-rev").get("/review/audit")
    assert page.status_code == 200 and world.a_summary not in page.text


def test_box_listings_hold_only_the_callers_publisher(world: World) -> None:
    """A's published, hidden and draft boxes are listed to A's staff and the instance's,
    never to B's staff or key, in any listing, by any ``publisher`` filter, on the API and
    the dashboard's box pages."""
    draft = _a_draft(world)
    statuses = ("published", "hidden", "pending")
    for status, expected in zip(statuses, ([world.a_summary], [], [draft]), strict=True):
        mine = world.client.get(f"/v1/boxes?status={status}", headers=world.a_admin).json()
        assert [b["summary_id"] for b in mine["boxes"]] == expected, status
    hidden = world.client.patch(
        f"/v1/summaries/{world.a_summary}", json={"hidden": True}, headers=world.a_admin
    )
    assert hidden.status_code == 200
    root = world.client.get("/v1/boxes?status=hidden", headers=world.root).json()["boxes"]
    assert [b["summary_id"] for b in root] == [world.a_summary]
    for who, headers in world.b_attackers():
        for status in statuses:
            for slug in ("", "harian-a"):
                listed = world.client.get(
                    "/v1/boxes", params={"status": status, **({"publisher": slug} if slug else {})},
                    headers=headers,
                )
                if status == "pending" and who != "b-admin":
                    assert listed.status_code == 403, (who, status)  # not an editor
                    continue
                assert listed.status_code == 200, (who, status, listed.text)
                assert listed.json()["boxes"] == [], (who, status, slug)
    browser = _browser(world, "b-admin")
    for status in statuses:
        page = browser.get(f"/review/boxes?status={status}&publisher=harian-a")
        assert page.status_code == 200 and world.a_summary not in page.text
        assert draft not in page.text


def test_editor_pages_of_another_publisher_are_404(world: World) -> None:
    """B's admin, logged in to the dashboard, gets 404 on A's editor page, picker and
    forms; A's box is unchanged."""
    browser = _browser(world, "b-admin")
    token = _csrf(browser.get("/review"))
    _not_found(browser.get(f"/review/summaries/{world.a_summary}"), "editor page")
    _not_found(browser.get(f"/review/summaries/{world.a_summary}/replace?index=0"), "picker")
    approved = browser.post(
        f"/review/summaries/{world.a_summary}/approve", data={"csrf_token": token, "revision": "0"}
    )
    _not_found(approved, "approve")
    edited = browser.post(
        f"/review/summaries/{world.a_summary}/edit",
        data={"csrf_token": token, "revision": "0", "op": "remove", "index": "0"},
    )
    _not_found(edited, "edit")
    assert _count(world.app, AuditEntry) == 0
# The embed and readers' votes ---------------------------------------------------------

#: The two publishers' own sites, each the one origin its publisher allows.
A_SITE = {"Origin": "https://harian-a.example"}
B_SITE = {"Origin": "https://harian-b.example"}


def _embeddable(world: World) -> str:
    """Each publisher allows its own site; A stores a box under article id ``a-1``
    (its id returned)."""
    for publisher, site in ((world.a, A_SITE), (world.b, B_SITE)):
        set_origin = world.client.patch(
            f"/v1/publishers/{publisher}",
            json={"allowed_origins": [site["Origin"]]},
            headers=world.root,
        )
        assert set_origin.status_code == 200, set_origin.text
    made = world.client.post(
        "/v1/summaries", json={"text": ARTICLE, "article_id": "a-1"}, headers=world.a_key
    )
    assert made.status_code == 200, made.text
    return str(made.json()["summary_id"])


def test_embed_of_another_publisher_cannot_read_its_box(world: World) -> None:
    """B's slug on B's own site never finds A's article (204, as an article B never
    stored: no box, nothing of A's); A's slug from B's site is refused (403) before any
    box is read: a refusal any page may read (so the embed can say why it shows
    nothing), holding nothing of A's."""
    box = _embeddable(world)
    client = world.client
    own = client.get("/v1/embed/harian-a/box?article_id=a-1", headers=A_SITE)
    assert own.status_code == 200 and own.json()["summary_id"] == box
    through_b = client.get("/v1/embed/harian-b/box?article_id=a-1", headers=B_SITE)
    assert (through_b.status_code, through_b.content) == (204, b"")
    refused = client.get("/v1/embed/harian-a/box?article_id=a-1", headers=B_SITE)
    assert refused.status_code == 403 and refused.headers["access-control-allow-origin"] == "*"
    assert set(refused.json()) == {"code", "message"} and box not in refused.text
    assert "harian-a.example" not in refused.text  # not A's allowed origins


def test_embed_report_on_another_publishers_box_is_404(world: World) -> None:
    box = _embeddable(world)
    before = _count(world.app, Report)
    body = {"summary_id": box, "takeaway_index": 0, "category": "other"}
    through_b = world.client.post("/v1/embed/harian-b/reports", json=body, headers=B_SITE)
    _not_found(through_b, "b-slug")
    from_b = world.client.post("/v1/embed/harian-a/reports", json=body, headers=B_SITE)
    assert from_b.status_code == 403
    assert _count(world.app, Report) == before
    own = world.client.post("/v1/embed/harian-a/reports", json=body, headers=A_SITE)
    assert own.status_code == 201 and _count(world.app, Report) == before + 1


def test_embed_preflight_answers_only_the_publishers_origins(world: World) -> None:
    _embeddable(world)
    ask = {"Access-Control-Request-Method": "POST"}
    for path in ("/v1/embed/harian-a/box", "/v1/embed/harian-a/reports"):
        other = world.client.options(path, headers={**B_SITE, **ask})
        assert other.status_code == 403 and "access-control-allow-origin" not in other.headers
        own = world.client.options(path, headers={**A_SITE, **ask})
        assert own.status_code == 204
        assert own.headers["access-control-allow-origin"] == A_SITE["Origin"]


def test_vote_on_another_publishers_box_is_404(world: World) -> None:
    """B's key, B's staff and anonymous readers (the default publisher's) cannot vote on
    A's box or read its counts, through the API or through the article page's form."""
    client = world.client
    path = f"/v1/summaries/{world.a_summary}/helpful"
    for who, headers in [*world.b_attackers(), ("anonymous", {})]:
        _not_found(client.post(path, json={"helpful": False}, headers=headers), who)
    for who, headers in world.b_attackers():
        _not_found(client.get(path, headers=headers), who)
    for who, browser in (("anonymous", TestClient(world.app)), ("b-rev", _browser(world, "b-rev"))):
        token = _csrf(browser.get("/"))
        sent = browser.post(
            f"/a/{world.a_summary}/helpful", data={"csrf_token": token, "helpful": "no"}
        )
        _not_found(sent, who)
    assert _count(world.app, HelpfulVote) == 0
    # A's own key votes, and A's reviewers (its key) read the count.
    assert client.post(path, json={"helpful": True}, headers=world.a_key).status_code == 201
    counts = client.get(path, headers=world.a_key)
    assert counts.status_code == 200 and counts.json()["helpful"] == 1
