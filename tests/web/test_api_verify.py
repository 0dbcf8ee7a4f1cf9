"""POST /v1/verify: the checker's verdicts as JSON, errors as the other routes give them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_verify_answers_a_verdict_per_statement(client: TestClient, article: str) -> None:
    summary = (
        "- Harga beras medium di pasar tradisional Surabaya naik menjadi Rp14.000 per kilogram.\n"
        "- Bulog menyiapkan 900 ton beras untuk menstabilkan harga."
    )
    response = client.post("/v1/verify", json={"text": article, "summary": summary})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["language"] == "id"
    first, second = body["statements"]
    assert first["label"] == "supported"
    start, end = first["evidence"][0]
    assert body["text"][start:end].startswith("Harga beras medium di pasar tradisional")
    assert second["label"] != "supported"
    assert {"kind": "amount", "text": "900 ton"} in second["reasons"]
    metrics = client.get("/metrics").text
    assert 'intisari_statements_checked_total{label="supported"} 1.0' in metrics


def test_verify_takes_a_list_of_statements(client: TestClient, article: str) -> None:
    statements = ["Pemerintah kota berencana menggelar operasi pasar di 31 kecamatan."]
    response = client.post("/v1/verify", json={"text": article, "summary": statements})
    assert response.status_code == 200, response.text
    assert [s["text"] for s in response.json()["statements"]] == statements


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "Terlalu pendek untuk diperiksa.", "summary": "Pendek."}, 422, "too-short"),
        ({"summary": "Tanpa artikel."}, 422, "invalid-request"),
        ({"text": "x", "summary": []}, 422, "invalid-request"),
        ({"text": "x", "summary": "a", "colour": "red"}, 422, "invalid-request"),
        ({"text": "x", "summary": ["ok"] * 101}, 422, "invalid-request"),
    ],
)
def test_bad_requests_get_json_errors(
    client: TestClient, body: dict[str, object], status: int, code: str
) -> None:
    response = client.post("/v1/verify", json=body)
    assert response.status_code == status, response.text
    assert response.json()["code"] == code


@pytest.mark.parametrize(
    ("summary", "message"),
    [([], "at least 1 item"), (["ok"] * 101, "at most 100 items"), ("", "at least 1 character")],
)
def test_a_summary_error_names_what_is_wrong_with_it(
    client: TestClient, summary: object, message: str
) -> None:
    """The summary may be text or a list, and fails once per type: the message said
    "Input should be a valid string" of a list too long."""
    response = client.post("/v1/verify", json={"text": "x", "summary": summary})
    assert response.status_code == 422
    assert message in response.json()["message"]


@pytest.mark.parametrize(
    ("summary", "said"),
    [
        (["ok"] * 101, "body.summary: List should have at most 100 items, not 101"),
        (["ok", "ok", "ok", 3], "body.summary[3]: Input should be a valid string"),
        ("", "body.summary: String should have at least 1 character"),
    ],
)
def test_a_summary_error_says_where_without_pydantic_type_labels(
    client: TestClient, summary: object, said: str
) -> None:
    """A new user's report: 'body.summary.list[constrained-str]: List should have at most
    100 items after validation, not 101' named pydantic's type of a union member."""
    response = client.post("/v1/verify", json={"text": "x", "summary": summary})
    assert response.status_code == 422
    assert response.json()["message"] == said
    for detail in response.json()["details"]:
        assert not any("constrained" in str(part) for part in detail["loc"]), detail


def test_blank_summary_is_a_clear_422(client: TestClient, article: str) -> None:
    response = client.post("/v1/verify", json={"text": article, "summary": "  \n - \n"})
    assert response.status_code == 422
    assert response.json() == {"code": "invalid-input", "message": "the summary is empty"}


def test_verify_is_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    operation = paths["/v1/verify"]["post"]
    assert set(operation["responses"]) >= {"200", "413", "422", "429"}
