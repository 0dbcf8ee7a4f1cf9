"""``/docs`` works offline: it references only this server's files, and they are served."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi.testclient import TestClient

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
