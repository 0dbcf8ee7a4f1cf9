"""Stored text is escaped wherever it is shown; pages carry a strict CSP; duplicate
reports are merged and counted once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

SCRIPT = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;"


def test_script_in_comment_escaped_on_review_page(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str],
    password: str,
) -> None:
    sent = client.post(
        f"/v1/summaries/{summary['summary_id']}/reports",
        json={"takeaway_index": 0, "category": "offensive", "comment": SCRIPT},
    )
    assert sent.status_code == 201
    token_for("rina", "reviewer")
    login_page = client.get("/review")
    csrf = login_page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    client.post("/review/login", data={"name": "rina", "password": password, "csrf_token": csrf})
    page = client.get("/review")
    assert page.status_code == 200
    assert SCRIPT not in page.text
    assert ESCAPED in page.text


def test_script_in_comment_returned_as_data_in_json(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str]
) -> None:
    client.post(f"/v1/summaries/{summary['summary_id']}/reports",
                json={"category": "offensive", "comment": SCRIPT})
    headers = {"Authorization": f"Bearer {token_for('rina', 'reviewer')}"}
    response = client.get("/v1/reports", headers=headers)
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["reports"][0]["comment"] == SCRIPT
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_script_in_article_and_takeaways_escaped_on_article_page(client: TestClient) -> None:
    text = (
        f"Judul dengan {SCRIPT}\n\n"
        f"Polisi menyita barang bukti {SCRIPT} dari rumah tersangka pada Senin malam. "
        "Tersangka ditangkap setelah penyelidikan selama tiga bulan oleh tim gabungan. "
        f"Barang bukti itu kini disimpan di markas kepolisian daerah {SCRIPT} untuk diperiksa."
    )
    created = client.post("/v1/summaries", json={"text": text})
    assert created.status_code == 200, created.text
    assert any("<script>" in t["text"] for t in created.json()["takeaways"])
    page = client.get(f"/a/{created.json()['summary_id']}")
    assert page.status_code == 200
    assert SCRIPT not in page.text
    assert ESCAPED in page.text


def test_pages_have_strict_csp(client: TestClient, summary: dict[str, Any]) -> None:
    for path in ("/", f"/a/{summary['summary_id']}", "/review"):
        response = client.get(path)
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy, path
        assert "frame-ancestors 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_duplicate_report_merged_counted_once(
    client: TestClient, summary: dict[str, Any], token_for: Callable[[str, str], str]
) -> None:
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    first = client.post(url, json={"takeaway_index": 1, "category": "inaccurate"})
    again = client.post(url, json={"takeaway_index": 1, "category": "inaccurate"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["duplicates"] == 1
    # Another category, or another bullet, is another report.
    assert client.post(url, json={"takeaway_index": 1, "category": "misleading"}).status_code == 201
    assert client.post(url, json={"takeaway_index": 0, "category": "inaccurate"}).status_code == 201
    headers = {"Authorization": f"Bearer {token_for('rina', 'reviewer')}"}
    reports = client.get("/v1/reports", headers=headers).json()["reports"]
    assert len(reports) == 3


def test_duplicate_from_another_client_not_merged(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(trust_forwarded_for=True)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    body = {"takeaway_index": 1, "category": "inaccurate"}
    one = client.post(url, json=body, headers={"X-Forwarded-For": "198.51.100.1"})
    two = client.post(url, json=body, headers={"X-Forwarded-For": "198.51.100.2"})
    assert (one.status_code, two.status_code) == (201, 201)
    assert one.json()["id"] != two.json()["id"]


def test_duplicate_after_window_is_a_new_report(
    make_client: Callable[..., TestClient], summary: dict[str, Any]
) -> None:
    client = make_client(duplicate_report_window_s=0)
    url = f"/v1/summaries/{summary['summary_id']}/reports"
    body = {"takeaway_index": 1, "category": "inaccurate"}
    assert client.post(url, json=body).status_code == 201
    assert client.post(url, json=body).status_code == 201
