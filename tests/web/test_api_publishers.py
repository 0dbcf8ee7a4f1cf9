"""Publishers' keys, settings and daily quotas through the API, and the quota counter on
both databases under concurrency."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app_fixtures import ARTICLE
from intisari.service.webhooks import EVENTS
from intisari.storage.database import make_engine, make_sessions, upgrade
from intisari.storage.models import PublisherKey
from intisari.storage.tenants import charge, create_publisher, usage_on
from postgres_schema import private_schema
from tenant_fixtures import bearer, staff_token

README = Path(__file__).resolve().parents[2] / "README.md"

#: A second article (a different cache key), and a third.
OTHER = ARTICLE.replace("Surabaya", "Malang")
THIRD = ARTICLE.replace("Surabaya", "Kediri")


@pytest.fixture
def admin_client(make_client: Callable[..., TestClient]) -> tuple[TestClient, dict[str, str]]:
    client = make_client(webhook_poll_s=3600.0)
    app: FastAPI = client.app  # type: ignore[assignment]
    return client, bearer(staff_token(app, "root", "admin", None))


def _publisher_with_key(
    client: TestClient, root: dict[str, str], slug: str = "harian"
) -> tuple[int, dict[str, str]]:
    made = client.post("/v1/publishers", json={"slug": slug, "name": "Harian"}, headers=root)
    assert made.status_code == 201, made.text
    publisher_id = made.json()["id"]
    key = client.post(f"/v1/publishers/{publisher_id}/keys", json={"label": "cms"}, headers=root)
    assert key.status_code == 201 and key.json()["key"].startswith("ipk_")
    return publisher_id, bearer(key.json()["key"])


def test_quota_is_429_with_retry_after_and_cached_answers_do_not_count(
    admin_client: tuple[TestClient, dict[str, str]],
) -> None:
    client, root = admin_client
    publisher_id, key = _publisher_with_key(client, root)
    set_quota = client.patch(
        f"/v1/publishers/{publisher_id}", json={"daily_quota": 2}, headers=root
    )
    assert set_quota.status_code == 200 and set_quota.json()["daily_quota"] == 2
    for text in (ARTICLE, OTHER):
        assert client.post("/v1/summaries", json={"text": text}, headers=key).status_code == 200
    over = client.post("/v1/summaries", json={"text": THIRD}, headers=key)
    assert over.status_code == 429 and over.json()["code"] == "quota-exceeded"
    assert 0 < int(over.headers["Retry-After"]) <= 24 * 3600 + 1
    hit = client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)
    assert hit.status_code == 200 and hit.headers["X-Intisari-Cache"] == "hit"
    shown = client.get(f"/v1/publishers/{publisher_id}", headers=root).json()
    assert shown["used_today"] == 2
    # Other publishers (here the default one) are not held by it.
    assert client.post("/v1/summaries", json={"text": THIRD}).status_code == 200


def test_quota_zero_refuses_everything_new(
    admin_client: tuple[TestClient, dict[str, str]],
) -> None:
    client, root = admin_client
    publisher_id, key = _publisher_with_key(client, root)
    client.patch(f"/v1/publishers/{publisher_id}", json={"daily_quota": 0}, headers=root)
    refused = client.post("/v1/summaries", json={"text": ARTICLE}, headers=key)
    assert refused.status_code == 429 and refused.json()["code"] == "quota-exceeded"


def test_only_new_boxes_use_the_quota_not_refusals_nor_concurrent_copies(
    admin_client: tuple[TestClient, dict[str, str]],
) -> None:
    """A trial on PostgreSQL: 10 inputs the engine refused used up a quota of 10, and 50
    identical requests at once used 43-50 of it for one box. Each request is charged
    before the engine runs (so concurrent ones never pass the quota) and given back when
    the engine made no new box."""
    client, root = admin_client
    publisher_id, key = _publisher_with_key(client, root)
    client.patch(f"/v1/publishers/{publisher_id}", json={"daily_quota": 10}, headers=root)
    for _ in range(12):
        refused = client.post("/v1/summaries", json={"text": "Terlalu pendek."}, headers=key)
        assert refused.status_code == 422
    answers: list[int] = []
    threads = [
        threading.Thread(target=lambda: answers.append(
            client.post("/v1/summaries", json={"text": ARTICLE}, headers=key).status_code
        ))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 8
    assert client.get(f"/v1/publishers/{publisher_id}", headers=root).json()["used_today"] == 1
    assert client.post("/v1/summaries", json={"text": OTHER}, headers=key).status_code == 200


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/quota.db"
        return
    with private_schema("intisari_quota") as url:
        yield url


def test_quota_counts_are_atomic_under_threads(database_url: str) -> None:
    """16 threads charge 10 times each against a quota of 100 and of 50: exactly the
    quota passes, and without a quota every charge is counted (no lost update)."""
    upgrade(database_url)
    engine = make_engine(database_url, pool_size=20)
    sessions = make_sessions(engine)
    with sessions() as session:
        capped = create_publisher(session, "capped", "Capped").id
        free = create_publisher(session, "free", "Free").id
    day = date(2026, 12, 3)
    passed: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(16)

    def work() -> None:
        start.wait()
        for _ in range(10):
            with sessions() as session:
                if charge(session, capped, day, 50) is not None:
                    with lock:
                        passed.append(1)
            with sessions() as session:
                charge(session, free, day, None)

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with sessions() as session:
        assert usage_on(session, capped, day) == 50
        assert usage_on(session, free, day) == 160
    assert len(passed) == 50
    engine.dispose()


def test_keys_are_hashed_shown_once_used_and_revocable(
    admin_client: tuple[TestClient, dict[str, str]],
) -> None:
    client, root = admin_client
    publisher_id, key = _publisher_with_key(client, root)
    secret = key["Authorization"].removeprefix("Bearer ")
    app: FastAPI = client.app  # type: ignore[assignment]
    with app.state.intisari.sessions() as session:
        [row] = session.query(PublisherKey).all()
        assert secret not in (row.key_hash, row.hint) and row.hint == secret[:8]
        assert row.last_used_at is None
    assert client.post("/v1/summaries", json={"text": ARTICLE}, headers=key).status_code == 200
    [listed] = client.get(f"/v1/publishers/{publisher_id}/keys", headers=root).json()
    assert listed["last_used_at"] is not None and "key" not in listed
    revoked = client.delete(f"/v1/publishers/{publisher_id}/keys/{listed['id']}", headers=root)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert client.post("/v1/summaries", json={"text": ARTICLE}, headers=key).status_code == 401
    assert client.get("/v1/reports", headers=key).status_code == 401


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"allowed_origins": ["http://127.0.0.1:8080", "https://news.example"]}, 200),
        ({"allowed_origins": ["https://news.example/path"]}, 422),
        ({"allowed_origins": ["news.example"]}, 422),
        ({"allowed_origins": ["javascript://x"]}, 422),
        ({"allowed_origins": ["https://news.example:99999"]}, 422),
        ({"publish_mode": "review"}, 200),
        ({"publish_mode": "never"}, 422),
        ({"notices": {"id": "Dibuat dengan AI oleh Harian"}}, 200),
        ({"notices": {"bahasa": "x"}}, 422),
        ({"notices": {"id": "   "}}, 422),
        ({"daily_quota": -1}, 422),
        # A wrong type is refused, not converted (it had been 200 with a quota of 5).
        ({"daily_quota": "5"}, 422),
        ({"daily_quota": 5.0}, 422),
        ({"daily_quota": True}, 422),
        ({"slug": "renamed"}, 422),
    ],
)
def test_settings_are_validated_before_anything_is_written(
    admin_client: tuple[TestClient, dict[str, str]], changes: dict[str, object], status: int
) -> None:
    client, root = admin_client
    publisher_id, _ = _publisher_with_key(client, root)
    before = client.get(f"/v1/publishers/{publisher_id}", headers=root).json()
    sent = client.patch(f"/v1/publishers/{publisher_id}", json=changes, headers=root)
    assert sent.status_code == status, sent.text
    after = client.get(f"/v1/publishers/{publisher_id}", headers=root).json()
    if status == 200:
        for name, value in changes.items():
            assert after[name] == value
    else:
        assert sent.json()["code"] == "invalid-request" and after == before


def test_bad_publishers_are_refused(admin_client: tuple[TestClient, dict[str, str]]) -> None:
    client, root = admin_client
    for body in ({"slug": "Bad Slug", "name": "x"}, {"slug": "ok", "name": " "}):
        assert client.post("/v1/publishers", json=body, headers=root).status_code == 422
    _publisher_with_key(client, root, "twice")
    again = client.post("/v1/publishers", json={"slug": "twice", "name": "x"}, headers=root)
    assert again.status_code == 422 and again.json()["code"] == "exists"


def test_the_schema_states_what_the_service_checks(
    admin_client: tuple[TestClient, dict[str, str]],
) -> None:
    """A slug's form, a blank name or label, a publish mode and an event's name are in the
    request schemas (a fuzzer's valid input is not refused), and the service still refuses
    them with its own message."""
    client, root = admin_client
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    slug = schemas["PublisherIn"]["properties"]["slug"]["pattern"]
    assert re.search(slug, "harian-2") and re.search(slug, "a")
    for bad in ("Bad Slug", "-harian", "harian-", ""):
        assert not re.search(slug, bad), bad
    settings = schemas["SettingsIn"]["properties"]
    names = (schemas["PublisherIn"]["properties"]["name"], settings["name"],
             schemas["KeyIn"]["properties"]["label"])
    for name in names:
        assert name["type"] == "string" and name["minLength"] == 1 and name["maxLength"] == 100
        assert re.search(name["pattern"], " x ") and not re.search(name["pattern"], " \t ")
    assert settings["publish_mode"] == {
        "type": "string", "enum": ["auto", "review"], "title": "Publish Mode"
    }
    assert schemas["EndpointIn"]["properties"]["events"]["items"]["enum"] == list(EVENTS)
    # Only the quota may be null.
    assert [field for field, schema in settings.items() if "anyOf" in schema] == ["daily_quota"]

    publisher_id, _ = _publisher_with_key(client, root)
    refused = [
        ("post", "/v1/publishers", {"slug": "Bad Slug", "name": "x"},
         "slug 'Bad Slug': use 1-64 of a-z, 0-9 and '-' (not at either end)"),
        ("post", "/v1/publishers", {"slug": "ok", "name": " "}, "name: give 1-100 characters"),
        ("patch", f"/v1/publishers/{publisher_id}", {"name": ""}, "name: give 1-100 characters"),
        ("patch", f"/v1/publishers/{publisher_id}", {"name": None},
         "name: give 1-100 characters"),
        ("patch", f"/v1/publishers/{publisher_id}", {"publish_mode": "never"},
         "publish_mode: choose one of auto, review"),
        ("post", f"/v1/publishers/{publisher_id}/keys", {"label": ""},
         "label: give 1-100 characters"),
        ("post", f"/v1/publishers/{publisher_id}/webhooks",
         {"url": "https://hooks.example/in", "events": ["summary.deleted"]},
         f"events: choose from {', '.join(EVENTS)}"),
    ]
    for method, path, body, message in refused:
        answer = client.request(method, path, json=body, headers=root)
        assert answer.status_code == 422, (path, body, answer.text)
        assert answer.json() == {"code": "invalid-request", "message": message}, (path, body)


def test_the_readme_says_what_each_event_a_publisher_can_subscribe_to_means() -> None:
    """The events are ``EVENTS`` (the API's enum and OpenAPI read it); the README's list is
    prose, so it is held to it: an event added there and not told here fails."""
    text = README.read_text(encoding="utf-8")
    listing = text[text.index("**Webhooks.** Events:") :].split("\n\n", 1)[0]
    assert [event for event in EVENTS if f"`{event}`" not in listing] == []


def test_unknown_tokens_are_401_but_stale_cookies_anonymous_on_new_summaries(
    admin_client: tuple[TestClient, dict[str, str]],
) -> None:
    """A mistyped key must not file a publisher's box under the default publisher; an
    expired session cookie in a reader's browser is only anonymous, as before."""
    client, _ = admin_client
    for token in ("ipk_mistyped", "isk_mistyped"):
        sent = client.post("/v1/summaries", json={"text": ARTICLE}, headers=bearer(token))
        assert sent.status_code == 401 and sent.json()["code"] == "unauthorized"
    client.cookies.set("intisari_session", "expired-or-made-up")
    assert client.post("/v1/summaries", json={"text": ARTICLE}).status_code == 200
