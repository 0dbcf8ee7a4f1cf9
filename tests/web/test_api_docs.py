"""``/docs`` works offline: it references only this server's files, and they are served."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from httpx import Response

from app_fixtures import ARTICLE, UNREACHABLE_DATABASE, make_account
from intisari.web.auth import SESSION_COOKIE

#: Attributes through which a page loads something.
LOADS = re.compile(r'(?:src|href)="([^"]*)"')


def test_docs_reference_only_local_assets_and_they_are_served(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    references = LOADS.findall(page.text)
    assert len(references) == 3  # stylesheet, icon, script
    assert "http" not in page.text.lower().replace("http-equiv", "")
    for url in references:
        assert url.startswith("/docs/assets/"), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 1000, url
    script = next(u for u in references if u.endswith(".js"))
    assert "SwaggerUIBundle" in client.get(script).text
    # The inline script asks for our own OpenAPI document.
    assert "url: '/openapi.json'" in page.text
    assert client.get("/openapi.json").status_code == 200


def test_docs_csp_allows_exactly_its_inline_script(client: TestClient) -> None:
    page = client.get("/docs")
    policy = page.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "http" not in policy
    inline = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    # Every other HTML page keeps the strict policy without it.
    assert digest not in client.get("/").headers["content-security-policy"]


def test_no_redoc_or_oauth2_redirect(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert client.get("/docs/oauth2-redirect").status_code == 404


#: Routes that serve anonymous callers and read a bearer token when one is sent (whose
#: publisher's summary, which box a reader sees or reports on).
ANONYMOUS_OR_BEARER = {
    ("post", "/v1/summaries"),
    ("get", "/v1/summaries/{summary_id}"),
    ("post", "/v1/summaries/{summary_id}/reports"),
    ("post", "/v1/summaries/{summary_id}/helpful"),
}
#: Routes that read no credentials at all.
NO_CREDENTIALS = {
    ("post", "/v1/verify"),
    ("post", "/v1/auth/login"),
    ("post", "/v1/auth/logout"),  # the session cookie only
    ("get", "/healthz"),
    ("get", "/metrics"),
    ("get", "/v1/embed/{publisher}/box"),
    ("post", "/v1/embed/{publisher}/reports"),
}


def test_openapi_says_which_operations_take_the_bearer_token(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"] == {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "An account's API token, or a publisher's key (`ipk_...`).",
        }
    }
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            security = operation.get("security")
            if (method, path) in NO_CREDENTIALS:
                assert security is None, (method, path)
            elif (method, path) in ANONYMOUS_OR_BEARER:
                # Either requirement is enough; the empty one is "no credentials".
                assert sorted(security, key=len) == [{}, {"bearer": []}], (method, path)
            else:
                assert security == [{"bearer": []}], (method, path)
            if security is not None:  # an unknown or revoked token is 401 (tenancy.actor_of)
                assert "401" in operation["responses"], (method, path)


def test_openapi_documents_only_the_service_s_own_422(client: TestClient) -> None:
    """FastAPI's own 422 (``HTTPValidationError``) is never sent: every 422 is an
    ``ErrorOut``, and a route whose input cannot be invalid documents none."""
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in str(spec)
    assert "ValidationError" not in spec["components"]["schemas"]
    for path in ("/v1/summaries/{summary_id}", "/v1/summaries/{summary_id}/candidates",
                 "/v1/summaries/{summary_id}/helpful"):
        assert "422" not in spec["paths"][path]["get"]["responses"], path
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            answer = operation["responses"].get("422")
            # A body or a query parameter can be wrong, and then the answer is documented.
            takes_input = "requestBody" in operation or any(
                p["in"] != "path" for p in operation.get("parameters", [])
            )
            assert answer is not None or not takes_input, (method, path)
            if answer is not None:
                assert answer["content"]["application/json"]["schema"] == error, (method, path)


def test_a_summary_id_of_any_text_is_never_a_422(client: TestClient) -> None:
    for summary_id in ("nothing", "%20", "x" * 5000, "%C3%A9", "1"):
        for path in (f"/v1/summaries/{summary_id}", f"/v1/summaries/{summary_id}/candidates",
                     f"/v1/summaries/{summary_id}/helpful"):
            assert client.get(path).status_code in (401, 404), path


def test_url_fields_state_that_an_address_needs_a_host(client: TestClient) -> None:
    """schemathesis found ``{"url": "http://"}`` valid by the document and refused by the
    service (no host): the document now says what the service checks."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for schema, field in (("SummaryIn", "url"), ("EndpointIn", "url")):
        spec = schemas[schema]["properties"][field]
        pattern = next(s["pattern"] for s in [spec, *spec.get("anyOf", [])] if "pattern" in s)
        assert re.match(pattern, "https://news.example/a") and not re.match(pattern, "http://")
    assert client.post("/v1/summaries", json={"url": "http://"}).status_code == 422


#: The complete error answers of a few operations, as a client generator reads them:
#: those of the operation's shape (a body: 400, 413, 415, 422; the bearer token: 401) and
#: those of what it does.
ERRORS_OF = {
    ("post", "/v1/summaries"): {"400", "401", "413", "415", "422", "429", "500", "503"},
    ("patch", "/v1/summaries/{summary_id}"): {
        "400", "401", "403", "404", "413", "415", "422", "503"},
    ("post", "/v1/summaries/{summary_id}/approve"): {
        "400", "401", "403", "404", "409", "413", "415", "422", "503"},
    ("get", "/v1/summaries/{summary_id}"): {"401", "404", "503"},
    ("get", "/v1/auth/me"): {"401", "503"},
    ("post", "/v1/auth/login"): {"400", "401", "413", "415", "422", "429", "503"},
    ("get", "/v1/embed/{publisher}/box"): {"403", "404", "422", "503"},
    ("post", "/v1/embed/{publisher}/reports"): {
        "400", "403", "404", "413", "415", "422", "429", "503"},
    ("post", "/v1/verify"): {"400", "413", "415", "422", "429", "503"},
    ("get", "/healthz"): {"503"},
    ("get", "/metrics"): set(),
}  # fmt: skip


def test_openapi_lists_each_operation_s_error_answers_and_their_body(client: TestClient) -> None:
    """A developer generating a client must see which statuses each operation answers,
    the one JSON body of them all, and the ``Retry-After`` of a 429 or 503. A body over
    the cap (413) was undocumented on most operations that take one."""
    spec = client.get("/openapi.json").json()
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            answers = operation["responses"]
            errors = {status for status in answers if status[0] in "45"}
            if (method, path) in ERRORS_OF:
                assert errors == ERRORS_OF[method, path], (method, path)
            if "requestBody" in operation:
                assert {"400", "413", "415", "422"} <= errors, (method, path)
            for status in errors:
                assert answers[status]["content"]["application/json"]["schema"] == error
                waits = answers[status].get("headers", {}).get("Retry-After")
                assert (waits is not None) == (status in ("429", "503")), (method, path, status)
            if "429" in errors:
                assert answers["429"]["headers"]["Retry-After"]["required"] is True
    schemas = spec["components"]["schemas"]
    assert schemas["ErrorOut"]["required"] == ["code", "message"]
    assert schemas["ErrorOut"]["properties"]["details"]["items"] == {
        "$ref": "#/components/schemas/ErrorDetail"
    }
    assert sorted(schemas["ErrorDetail"]["required"]) == ["loc", "msg", "type"]


def test_an_error_answer_is_the_body_and_headers_the_document_says(
    make_client: Callable[..., TestClient], article: str
) -> None:
    """Real errors, each from another part of the service (FastAPI's refusal of a body,
    the service's domain errors, the guards', a rate limit, the body cap), checked against
    what ``/openapi.json`` documents for their operation and status: the status is listed,
    the body validates against its schema and has no field the schema lacks, and a
    ``Retry-After`` it requires is there."""
    client = make_client(reports_per_client_per_hour=1, max_body_bytes=10_000)
    made = client.post("/v1/summaries", json={"text": article})
    assert made.status_code == 200, made.text
    summary_id = made.json()["summary_id"]
    spec = client.get("/openapi.json").json()
    document = schemathesis.openapi.from_dict(spec)
    token = make_account(client.app, "budi", "reader")  # type: ignore[arg-type]
    reader = {"Authorization": f"Bearer {token}"}
    report = {"takeaway_index": 0, "category": "other"}
    one = f"/v1/summaries/{summary_id}"
    not_utf8 = {"content": b'{"text": "\xff"}', "headers": {"Content-Type": "application/json"}}
    not_json = {"content": b'{"text": ', "headers": {"Content-Type": "application/json"}}
    as_text = {"content": b'{"text": "x"}', "headers": {"Content-Type": "text/plain"}}
    # (method, documented path, the answer, its status)
    answers = [
        ("post", "/v1/summaries", client.post("/v1/summaries", json={"text": "x", "no": 1}), 422),
        ("post", "/v1/summaries", client.post("/v1/summaries", **not_utf8), 400),
        ("post", "/v1/summaries", client.post("/v1/summaries", json={"text": "Pendek."}), 422),
        ("get", "/v1/summaries/{summary_id}", client.get("/v1/summaries/nothing"), 404),
        ("get", "/v1/summaries/{summary_id}",
         client.get(one, headers={"Authorization": "Bearer revoked"}), 401),
        ("patch", "/v1/summaries/{summary_id}",
         client.patch(one, json={"hidden": True}, headers=reader), 403),
        ("patch", "/v1/summaries/{summary_id}",
         client.patch(one, json={"hidden": "x" * 20_000}, headers=reader), 413),
        ("post", "/v1/auth/login",
         client.post("/v1/auth/login", json={"name": "budi", "password": "wrong"}), 401),
        ("post", "/v1/summaries/{summary_id}/reports",
         client.post(f"{one}/reports", json=report), 201),
        ("post", "/v1/summaries/{summary_id}/reports",
         client.post(f"{one}/reports", json={**report, "takeaway_index": 1}), 429),
        ("post", "/v1/summaries", client.post("/v1/summaries", **not_json), 400),
        ("post", "/v1/summaries", client.post("/v1/summaries", **as_text), 415),
        ("post", "/v1/summaries", client.post("/v1/summaries", data={"text": article}), 415),
    ]  # fmt: skip
    schemas = spec["components"]["schemas"]
    for method, path, response, status in answers:
        assert response.status_code == status, (method, path, response.text)
        documented = spec["paths"][path][method]["responses"][str(status)]
        document[path][method.upper()].validate_response(response)
        if status >= 400 and response.headers["content-type"] == "application/json":
            body = response.json()
            assert set(body) <= set(schemas["ErrorOut"]["properties"]), body
            for detail in body.get("details", []):
                assert set(detail) == set(schemas["ErrorDetail"]["properties"]), detail
        for name, header in documented.get("headers", {}).items():
            if header["required"]:
                assert int(response.headers[name]) >= 1, (method, path, name)
    assert answers[0][2].json()["details"][0]["loc"] == ["body", "no"]
    # The body cap's, answered before the body is read, in the shape of every error.
    assert answers[6][2].json()["code"] == "too-large"


#: Operations that never open the database: they answer as ever when it is gone.
WITHOUT_DATABASE = {("get", "/metrics"), ("post", "/v1/verify")}
#: Bodies that pass validation, for the operations that validate theirs before they open
#: the database (the others open it first: for the caller's token, the embed's origin).
VALID_BODIES = {
    ("post", "/v1/summaries"): {"text": ARTICLE},
    ("post", "/v1/summaries/{summary_id}/reports"): {"category": "other"},
    ("post", "/v1/summaries/{summary_id}/helpful"): {"helpful": True},
    ("post", "/v1/auth/login"): {"name": "rina", "password": "wrong"},
}


def _with_the_database_gone(
    make_client: Callable[..., TestClient],
) -> tuple[dict[str, Any], dict[tuple[str, str], Response]]:
    """``/openapi.json``, and each of its operations' answers from an app whose database
    does not answer (nothing listens on its port), asked as a client that takes the
    database's answer to get one: with a bearer token, a session cookie, an embed's
    origin, and a body that passes validation."""
    client = make_client(database_url=UNREACHABLE_DATABASE, migrate_on_start=False)
    client.cookies.set(SESSION_COOKIE, "a-session")
    spec = client.get("/openapi.json").json()
    headers = {"Authorization": "Bearer a-token", "Origin": "https://news.example"}
    answers = {}
    for path, operations in spec["paths"].items():
        for method in operations:
            takes_body = "requestBody" in operations[method]
            body = VALID_BODIES.get((method, path), {}) if takes_body else None
            url = re.sub(r"\{[^}]+\}", "1", path)  # every path parameter takes "1"
            answers[method, path] = client.request(method, url, headers=headers, json=body)
    return spec, answers


def test_every_operation_that_opens_the_database_documents_its_503(
    make_client: Callable[..., TestClient],
) -> None:
    """A trial with the database down: every operation but two answered 503
    ``database-unavailable`` (``web/errors.py``), and only three listed a 503 (a client
    generated from the document had no case for it)."""
    spec, answers = _with_the_database_gone(make_client)
    for (method, path), answer in answers.items():
        if (method, path) in WITHOUT_DATABASE:
            assert answer.status_code != 503, (method, path, answer.text)
            continue
        assert answer.status_code == 503, (method, path, answer.text)
        assert answer.json()["code"] == "database-unavailable", (method, path)
        assert "503" in spec["paths"][path][method]["responses"], (method, path)


def test_the_database_s_503_is_the_body_and_headers_the_document_says(
    make_client: Callable[..., TestClient],
) -> None:
    """Each real 503 of a database that does not answer validates against its operation's
    document (status, ``ErrorOut``, no field the schema lacks) and says when to try
    again."""
    spec, answers = _with_the_database_gone(make_client)
    document = schemathesis.openapi.from_dict(spec)
    fields = set(spec["components"]["schemas"]["ErrorOut"]["properties"])
    gone = {key: answer for key, answer in answers.items() if answer.status_code == 503}
    assert len(gone) == len(answers) - len(WITHOUT_DATABASE)
    for (method, path), answer in gone.items():
        document[path][method.upper()].validate_response(answer)
        assert set(answer.json()) <= fields, (method, path)
        # A request the database failed says when to try again (the 503 documents the
        # header); ``/healthz`` only reports the database down (``docs.RETRY_AFTER``).
        assert "Retry-After" in spec["paths"][path][method]["responses"]["503"]["headers"]
        if path != "/healthz":
            assert int(answer.headers["Retry-After"]) >= 1, (method, path)
