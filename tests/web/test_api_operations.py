"""Health, metrics, the OpenAPI document, and persistence across restarts (both databases)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app_fixtures import UNREACHABLE_DATABASE
from intisari.settings import Settings
from intisari.web.app import create_app
from postgres_schema import private_schema


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_is_503_when_the_database_is_gone(client: TestClient) -> None:
    unreachable = create_engine(UNREACHABLE_DATABASE)
    client.app.state.intisari.sessions.configure(bind=unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["code"] == "database-unavailable"


def metric(client: TestClient, line_start: str) -> float:
    for line in client.get("/metrics").text.splitlines():
        if line.startswith(line_start):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_summaries_cache_hits_reports_and_latency(
    client: TestClient, article: str
) -> None:
    summary = client.post("/v1/summaries", json={"text": article}).json()
    client.post("/v1/summaries", json={"text": article})
    client.get(f"/v1/summaries/{summary['summary_id']}")
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    client.post(url, json={"category": "offensive"})
    client.post(url, json={"category": "offensive"})
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    assert metric(client, 'intisari_summaries_served_total{source="engine"}') == 1
    assert metric(client, 'intisari_summaries_served_total{source="cache"}') == 1
    assert metric(client, 'intisari_summaries_served_total{source="lookup"}') == 1
    assert metric(client, "intisari_summary_cache_hits_total") == 1
    assert metric(client, 'intisari_reports_total{category="offensive",merged="false"}') == 1
    assert metric(client, 'intisari_reports_total{category="offensive",merged="true"}') == 1
    latency = 'intisari_request_duration_seconds_count{method="POST",route="/v1/summaries"'
    assert metric(client, latency) == 2


def test_each_app_has_its_own_metrics(make_client: Any, article: str) -> None:
    first, second = make_client(), make_client()
    first.post("/v1/summaries", json={"text": article})
    assert metric(first, 'intisari_summaries_served_total{source="engine"}') == 1
    assert metric(second, 'intisari_summaries_served_total{source="engine"}') == 0


def test_openapi_documents_every_route_with_schemas(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for route in (
        "/v1/summaries",
        "/v1/summaries/{summary_id}",
        "/v1/summaries/{summary_id}/reports",
        "/v1/reports",
        "/v1/reports/export",
        "/v1/reports/{report_id}",
        "/healthz",
        "/metrics",
    ):
        assert route in paths
    for route, operations in paths.items():
        for method, operation in operations.items():
            assert any(s.startswith("2") for s in operation["responses"]), (method, route)
    assert {"401", "403"} <= set(paths["/v1/reports"]["get"]["responses"])
    assert "429" in paths["/v1/summaries"]["post"]["responses"]
    assert "413" in paths["/v1/summaries/{summary_id}/reports"]["post"]["responses"]
    assert client.get("/docs").status_code == 200


def test_restart_loses_nothing(
    settings: Settings, article: str, password: str, add_account: Any
) -> None:
    """A second app on the same SQLite file (a restarted server) sees everything."""
    with TestClient(create_app(settings)) as before:
        add_account(before.app, "rina", "reviewer")
        summary = before.post("/v1/summaries", json={"text": article}).json()
        url = f"/v1/summaries/{summary['summary_id']}/reports"
        report = before.post(url, json={"category": "other", "comment": "cek"}).json()
    with TestClient(create_app(settings)) as after:
        assert after.get(f"/v1/summaries/{summary['summary_id']}").json() == summary
        login = after.post("/v1/auth/login", json={"name": "rina", "password": password})
        assert login.status_code == 200
        reports = after.get("/v1/reports").json()["reports"]
        assert [r["id"] for r in reports] == [report["id"]]
        after.cookies.clear()  # anonymous again, as the first request was
        again = after.post("/v1/summaries", json={"text": article})
        assert again.headers["X-Intisari-Cache"] == "hit"


def test_without_a_secret_key_the_instance_keeps_its_own(
    settings: Settings, password: str, add_account: Any
) -> None:
    """Sessions survive a restart although no INTISARI_SECRET_KEY is set."""
    keyless = settings.model_copy(update={"secret_key": None})
    with TestClient(create_app(keyless)) as before:
        add_account(before.app, "rina", "reviewer")
        before.post("/v1/auth/login", json={"name": "rina", "password": password})
        cookies = dict(before.cookies)
    with TestClient(create_app(keyless), cookies=cookies) as after:
        assert after.get("/v1/reports").status_code == 200


@pytest.mark.postgres
def test_the_api_on_postgresql(article: str) -> None:
    with private_schema("intisari_api") as database_url:
        settings = Settings(database_url=database_url, secret_key="k")
        with TestClient(create_app(settings)) as client:
            summary = client.post("/v1/summaries", json={"text": article}).json()
            url = f"/v1/summaries/{summary['summary_id']}/reports"
            assert client.post(url, json={"category": "other"}).status_code == 201
        with TestClient(create_app(settings)) as restarted:
            assert restarted.get(f"/v1/summaries/{summary['summary_id']}").json() == summary
            assert restarted.get("/healthz").json() == {"status": "ok"}
