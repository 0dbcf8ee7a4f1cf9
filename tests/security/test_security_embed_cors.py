"""CORS for the embed is per publisher: only an origin the publisher lists may read its
box or file a report through it; nobody gets credentials; other routes get no CORS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app_fixtures import UNREACHABLE_DATABASE
from embed_fixtures import ALLOWED_ORIGIN, add_publisher, publisher_box, publisher_key
from intisari.storage.models import Report, StoredSummary
from intisari.web.embed import MAX_LANG_CHARS

BOX = "/v1/embed/kabar/box?article_id=a-1"
REPORTS = "/v1/embed/kabar/reports"


@pytest.fixture
def box_id(client: TestClient, article: str) -> str:
    """Publisher ``kabar`` allows ``ALLOWED_ORIGIN``; ``lain`` allows another site."""
    kabar = add_publisher(client.app, "kabar", [ALLOWED_ORIGIN])  # type: ignore[arg-type]
    add_publisher(client.app, "lain", ["https://other.example"])  # type: ignore[arg-type]
    return publisher_box(client.app, kabar, article, "a-1")  # type: ignore[arg-type]


def _report(box_id: str) -> dict[str, Any]:
    return {"summary_id": box_id, "takeaway_index": 0, "category": "inaccurate"}


def _open_reports(client: TestClient, box_id: str) -> int:
    state = client.app.state.intisari  # type: ignore[attr-defined]
    with state.sessions() as session:
        return session.query(Report).filter_by(summary_id=box_id).count()


def test_embed_allowed_origin_gets_its_own_origin_back(client: TestClient, box_id: str) -> None:
    response = client.get(BOX, headers={"Origin": ALLOWED_ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "Origin" in response.headers["vary"]
    assert "access-control-allow-credentials" not in response.headers
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "https://news.example.evil",  # a suffix is not the origin
        "http://news.example",  # another scheme is another origin
        "https://news.example:8443",  # another port too
        "https://other.example",  # allowed for another publisher only
        "null",  # a sandboxed frame or a file
    ],
)
def test_embed_refuses_an_origin_the_publisher_does_not_list(
    client: TestClient, box_id: str, origin: str
) -> None:
    response = client.get(BOX, headers={"Origin": origin})
    assert response.status_code == 403
    assert _readable_refusal(response) == "origin-refused"
    message = response.json()["message"]
    assert origin in message and "publisher 'kabar':" in message  # it said 'kabar''s box
    assert "intisari publisher list shows them" in message


def _readable_refusal(response: Any) -> str:
    """The refusal's code, checked readable by any page and holding no box: the embed must
    tell its page's developer why nothing shows (the browser gave the page only a CORS
    error), and nothing of a box is looked up before it."""
    assert response.headers["access-control-allow-origin"] == "*"
    assert "Origin" in response.headers["vary"]
    assert "access-control-allow-credentials" not in response.headers
    body = response.json()
    assert set(body) == {"code", "message"}
    return str(body["code"])


def test_embed_refuses_a_request_without_origin(client: TestClient, box_id: str) -> None:
    response = client.get(BOX)
    assert response.status_code == 403
    assert _readable_refusal(response) == "origin-refused"
    assert "without an origin" in response.json()["message"]


def test_an_unknown_publisher_is_said_apart_from_a_box_not_there_yet(
    client: TestClient, box_id: str
) -> None:
    """A wrong ``publisher`` attribute is the page's mistake; a box not stored yet is
    normal and quiet: no error at all (204), so the page's console stays clean."""
    unknown = client.get("/v1/embed/kabr/box?article_id=a-1", headers={"Origin": ALLOWED_ORIGIN})
    assert unknown.status_code == 404
    assert _readable_refusal(unknown) == "unknown-publisher"
    missing = client.get("/v1/embed/kabar/box?article_id=a-2", headers={"Origin": ALLOWED_ORIGIN})
    assert (missing.status_code, missing.content) == (204, b"")
    assert missing.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


#: Errors the embed's routes answer, each a way a page's script can get a request wrong (or
#: meet the service's refusal): (method, path, keyword arguments of the request) -> status.
#: The first answers come from FastAPI (a query or a body it refused, a method the path does
#: not take, a body that is not JSON or not UTF-8: the last two before any dependency ran),
#: the others from the service (``_service_error``).
ERRORS: dict[str, tuple[str, str, dict[str, Any], int]] = {
    "the element's lang too long": (
        "GET", f"{BOX}&lang={'x' * (MAX_LANG_CHARS + 1)}", {}, 422),
    "an article id too long": ("GET", f"/v1/embed/kabar/box?article_id={'x' * 201}", {}, 422),
    "a category the service has not": (
        "POST", REPORTS, {"json": {"summary_id": "x", "category": "wrong"}}, 422),
    "a body that is not JSON": (
        "POST", REPORTS, {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
        400),
    "a body sent as text": (
        "POST", REPORTS, {"content": b'{"summary_id": "x", "category": "other"}',
                          "headers": {"Content-Type": "text/plain"}}, 415),
    "a body that is not UTF-8": (
        "POST", REPORTS, {"content": b'{"comment": "\xff"}',
                          "headers": {"Content-Type": "application/json"}}, 400),
    "a method the path does not take": ("PUT", BOX, {}, 405),
    "neither article_id nor url": ("GET", "/v1/embed/kabar/box", {}, 422),
    "a report on a box that does not exist": (
        "POST", REPORTS, {"json": {"summary_id": "nothing", "category": "other"}}, 404),
}  # fmt: skip


def _request(client: TestClient, origin: str, error: str) -> Any:
    """The request of ``ERRORS[error]`` from a page at ``origin``."""
    method, path, options, _status = ERRORS[error]
    headers = {"Origin": origin, **options.get("headers", {})}
    sent = {key: value for key, value in options.items() if key != "headers"}
    return client.request(method, path, headers=headers, **sent)


@pytest.mark.parametrize("error", ERRORS)
def test_an_error_to_an_allowed_origin_is_readable_by_its_page(
    client: TestClient, box_id: str, error: str
) -> None:
    """A developer's trial: a page whose script got a request wrong (an article id longer
    than the service takes) saw only a network failure, the browser's CORS error in the
    console; the JSON that said why was hidden from it. Every answer to an allowed origin
    carries its origin, errors too, and nothing else of CORS."""
    response = _request(client, ALLOWED_ORIGIN, error)
    assert response.status_code == ERRORS[error][3], response.text
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert response.headers["vary"] == "Origin"
    assert "access-control-allow-credentials" not in response.headers
    body = response.json()
    assert body["code"] and body["message"]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        ("a category the service has not", 403),  # origin-refused, before the body is read
        ("a report on a box that does not exist", 403),
        ("a body that is not JSON", 400),  # refused by FastAPI before the origin is asked
        ("a body that is not UTF-8", 400),
        ("a method the path does not take", 405),
    ],
)
def test_an_error_to_a_refused_origin_is_not_readable(
    client: TestClient, box_id: str, error: str, status: int
) -> None:
    """The same mistakes from an origin the publisher does not list: no CORS header."""
    response = _request(client, "https://evil.example", error)
    assert response.status_code == status
    assert "access-control-allow-origin" not in response.headers
    assert response.headers["vary"] == "Origin"


#: A small body cap, so that a report over it is kilobytes.
CAP = 1024


def _over_the_cap(streamed: bool) -> dict[str, Any]:
    """A report's body one byte over ``CAP``: announced by ``Content-Length``, or streamed
    without it (counted as it arrives)."""
    body = b"x" * (CAP + 1)
    return {"content": iter([body]) if streamed else body,
            "headers": {"Content-Type": "application/json"}}


@pytest.mark.parametrize("streamed", [False, True], ids=["announced", "streamed"])
def test_a_body_over_the_cap_is_a_413_its_page_can_read(
    make_client: Callable[..., TestClient], box_id: str, streamed: bool
) -> None:
    """The body cap answered a ``Content-Length`` over it outside every middleware of the
    app's: the 413 had no ``Access-Control-Allow-Origin``, and the page's script saw a
    CORS failure where the service had said why."""
    client = make_client(max_body_bytes=CAP)
    for origin, readable in ((ALLOWED_ORIGIN, True), ("https://evil.example", False)):
        over = _over_the_cap(streamed)
        response = client.post(REPORTS, content=over["content"],
                               headers={"Origin": origin, **over["headers"]})
        assert response.status_code == 413, origin
        # The API's JSON and wording, streamed or not (it said "Content Too Large").
        assert response.json()["code"] == "too-large"
        assert "INTISARI_MAX_BODY_BYTES" in response.json()["message"]
        assert response.headers.get("access-control-allow-origin") == (
            ALLOWED_ORIGIN if readable else None
        ), origin
        assert response.headers["vary"] == "Origin"
        assert "access-control-allow-credentials" not in response.headers


def test_a_rate_limited_report_is_a_429_its_page_can_read(
    make_client: Callable[..., TestClient], box_id: str
) -> None:
    """Over the reports' hourly allowance, the page's script reads the 429 (and the wait
    its message says)."""
    client = make_client(reports_per_client_per_hour=1)
    sent = {"json": _report(box_id), "headers": {"Origin": ALLOWED_ORIGIN}}
    assert client.post(REPORTS, **sent).status_code == 201
    response = client.post(REPORTS, **sent)
    assert (response.status_code, response.json()["code"]) == (429, "rate-limited")
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


def test_a_bug_behind_the_embed_is_a_500_its_page_can_read(
    client: TestClient, box_id: str
) -> None:
    """The catch-all's 500 (``web/errors.py``) reaches the page's script as any error."""

    def explode() -> None:
        raise RuntimeError("a bug nobody foresaw")

    client.app.add_api_route("/v1/embed/{publisher}/broken", explode)  # type: ignore[attr-defined]
    response = client.get("/v1/embed/kabar/broken", headers={"Origin": ALLOWED_ORIGIN})
    assert (response.status_code, response.json()["code"]) == (500, "internal-error")
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    refused = client.get("/v1/embed/kabar/broken", headers={"Origin": "https://evil.example"})
    assert refused.status_code == 500
    assert "access-control-allow-origin" not in refused.headers


@pytest.mark.parametrize(
    ("method", "path", "options"),
    [
        ("GET", BOX, {}),
        ("POST", REPORTS, {"json": {"summary_id": "x", "category": "other"}}),
        ("OPTIONS", REPORTS, {"headers": {"Access-Control-Request-Method": "POST"}}),
    ],
    ids=["box", "report", "preflight"],
)
def test_the_database_s_503_is_readable_by_the_page(
    make_client: Callable[..., TestClient], method: str, path: str, options: dict[str, Any]
) -> None:
    """With the database down, the embed answered its 503 ``database-unavailable`` without
    ``Access-Control-Allow-Origin`` (whether the origin may embed is the database's to
    say): the publisher's page saw a CORS error where the service had said to retry. The
    503 holds no box, so any page may read it, as the box's refusals (``*``)."""
    client = make_client(database_url=UNREACHABLE_DATABASE, migrate_on_start=False)
    headers = {"Origin": ALLOWED_ORIGIN, **options.get("headers", {})}
    sent = {key: value for key, value in options.items() if key != "headers"}
    response = client.request(method, path, headers=headers, **sent)
    assert response.status_code == 503, response.text
    assert response.json()["code"] == "database-unavailable"
    assert int(response.headers["Retry-After"]) > 0
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["vary"] == "Origin"
    assert "access-control-allow-credentials" not in response.headers


def test_embed_preflight_answers_only_allowed_origins(client: TestClient, box_id: str) -> None:
    asked = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    allowed = client.options(REPORTS, headers={"Origin": ALLOWED_ORIGIN, **asked})
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in allowed.headers
    refused = client.options(REPORTS, headers={"Origin": "https://evil.example", **asked})
    assert refused.status_code == 403
    assert "access-control-allow-origin" not in refused.headers


def test_embed_report_from_a_refused_origin_stores_nothing(client: TestClient, box_id: str) -> None:
    response = client.post(
        REPORTS, json=_report(box_id), headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers
    # Refused before the body is read: a bad body is a 403 too, not a 422 that says why.
    bad = client.post(REPORTS, json={"nonsense": 1}, headers={"Origin": "https://evil.example"})
    assert bad.status_code == 403
    assert _open_reports(client, box_id) == 0


def test_embed_report_cannot_reach_another_publishers_box(
    client: TestClient, box_id: str, article: str
) -> None:
    """An origin allowed for ``lain`` files nothing on ``kabar``'s box through ``lain``."""
    response = client.post(
        "/v1/embed/lain/reports", json=_report(box_id), headers={"Origin": "https://other.example"}
    )
    assert response.status_code == 404
    assert _open_reports(client, box_id) == 0


def test_embed_box_of_another_publisher_is_not_found(client: TestClient, box_id: str) -> None:
    """The same answer as an article the publisher has no box for: no box, nothing of it."""
    response = client.get(
        "/v1/embed/lain/box?article_id=a-1", headers={"Origin": "https://other.example"}
    )
    assert (response.status_code, response.content) == (204, b"")
    assert response.headers["access-control-allow-origin"] == "https://other.example"


def test_other_routes_send_no_cors_headers(client: TestClient, box_id: str) -> None:
    """The rest of the API stays same-origin for browsers, whatever the Origin (here with
    the publisher's own key, which may read its box)."""
    with client.app.state.intisari.sessions() as session:  # type: ignore[attr-defined]
        stored = session.get(StoredSummary, box_id)
        assert stored is not None
        key = publisher_key(client.app, stored.publisher_id)  # type: ignore[arg-type]
    for origin in (ALLOWED_ORIGIN, "https://evil.example"):
        response = client.get(f"/v1/summaries/{box_id}", headers={"Origin": origin, **key})
        assert response.status_code == 200
        assert "access-control-allow-origin" not in response.headers
        preflight = client.options(
            f"/v1/summaries/{box_id}/reports",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
        )
        assert "access-control-allow-origin" not in preflight.headers
