"""POST and GET /v1/summaries: the engine's result, the cache, errors as JSON."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from adversarial_inputs import LONG_SENTENCES
from intisari.pipeline import summarize
from intisari.service import summaries as cache


def test_post_returns_the_engine_result_and_a_summary_id(client: TestClient, article: str) -> None:
    response = client.post("/v1/summaries", json={"text": article, "article_id": "a-1"})
    assert response.status_code == 200
    body = response.json()
    for field in ("language", "title", "text", "takeaways", "notice", "removed", "engine"):
        assert field in body
    assert body["id"] == "a-1"
    assert body["language"] == "id"
    assert body["hidden"] is False
    assert body["summary_id"]
    for takeaway in body["takeaways"]:  # the grounding invariant survives the API
        pieces = [body["text"][s:e] for s, e in takeaway["spans"]]
        assert " ".join(" ".join(pieces).split()) == " ".join(takeaway["text"].split())


def test_same_article_is_a_cache_hit(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, article: str
) -> None:
    first = client.post("/v1/summaries", json={"text": article})
    assert first.headers["X-Intisari-Cache"] == "miss"

    def no_engine(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the engine ran for a cached article")

    monkeypatch.setattr(cache, "summarize", no_engine)
    second = client.post("/v1/summaries", json={"text": article})
    assert second.headers["X-Intisari-Cache"] == "hit"
    assert second.json() == first.json()


def test_changed_text_or_engine_version_gives_a_new_summary(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, article: str
) -> None:
    first = client.post("/v1/summaries", json={"text": article}).json()
    changed = client.post("/v1/summaries", json={"text": article.replace("500", "600")}).json()
    assert changed["summary_id"] != first["summary_id"]
    monkeypatch.setattr(cache, "ENGINE_VERSION", "99.0")
    newer = client.post("/v1/summaries", json={"text": article}).json()
    assert newer["summary_id"] != first["summary_id"]
    old = client.get(f"/v1/summaries/{first['summary_id']}")
    assert old.status_code == 200 and old.json() == first


def test_html_input(client: TestClient, article: str) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n")[1:])
    html = (
        f"<html lang='id'><head><title>Harga Beras</title></head><body>{paragraphs}</body></html>"
    )
    response = client.post("/v1/summaries", json={"html": html})
    assert response.status_code == 200, response.text
    assert response.json()["takeaways"]


def test_get_unknown_summary_is_404(client: TestClient) -> None:
    response = client.get("/v1/summaries/no-such-id")
    assert response.status_code == 404
    assert response.json()["code"] == "not-found"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": "Terlalu pendek untuk diringkas."}, "too-short"),
        # A Chinese line repeated: its script is named, not "too short" (what cleaning
        # left of it once every repeat was cut as the headline).
        ({"text": "梁振英就违章建筑问题道歉，强调没有隐瞒的意图。\n" * 20}, "unsupported-script"),
        ({"text": LONG_SENTENCES}, "no-takeaway"),  # words enough, no sentence a bullet
        ({"text": "Teks apa saja.", "colour": "red"}, "invalid-request"),  # unknown field
        ({}, "invalid-request"),
        ({"text": "Teks apa saja.", "html": "<p>x</p>"}, "invalid-request"),
        ({"url": "ftp://example.com/a"}, "invalid-request"),
        ({"text": "Teks apa saja.", "lang": "not a language"}, "invalid-request"),
        # A code that no language has: an error, not a silent switch to generic rules.
        ({"text": "Pemerintah menaikkan harga BBM. " * 5, "lang": "xx"}, "invalid-input"),
        # Not news prose: the shape of /etc/passwd.
        ({"text": "\n".join(f"u{n}:x:{n}:{n}::/home/u{n}:/bin/sh" for n in range(20))},
         "not-an-article"),
    ],
)
def test_bad_input_is_422_with_a_json_error(
    client: TestClient, body: dict[str, Any], code: str
) -> None:
    response = client.post("/v1/summaries", json=body)
    assert response.status_code == 422
    error = response.json()
    assert error["code"] == code
    assert error["message"] and "Traceback" not in response.text
    assert len(response.content) < 5000  # the input is not echoed back


@pytest.mark.parametrize("field", ["text", "html"])
def test_an_empty_article_says_so(client: TestClient, field: str) -> None:
    """It said "give exactly one of url, html or text", which the request did."""
    response = client.post("/v1/summaries", json={field: ""})
    assert response.status_code == 422
    assert response.json() == {"code": "too-short", "message": f"the {field} is empty"}


def test_url_to_a_private_address_is_refused(client: TestClient) -> None:
    response = client.post("/v1/summaries", json={"url": "http://127.0.0.1:9/article"})
    assert response.status_code == 422
    assert response.json()["code"] == "fetch-failed"


def test_engine_byte_cap_is_413(client: TestClient) -> None:
    """Under the request cap but over the engine's 2,000,000-byte article cap."""
    html = "<p>" + "é" * 1_000_010 + "</p>"  # 2 bytes each in UTF-8
    response = client.post("/v1/summaries", json={"html": html})
    assert response.status_code == 413
    assert response.json()["code"] == "too-large"


def test_invalid_json_is_400_saying_where_it_breaks(client: TestClient) -> None:
    """A new user's curl with a cut-off body got 422 ``body.9: JSON decode error``, while
    the document promises 400 for a body that cannot be read."""
    response = client.post(
        "/v1/summaries", content=b'{"text": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "bad-request",
        "message": "the request body is not valid JSON: Expecting value at character 9",
    }


@pytest.mark.parametrize(
    "sent",
    [
        {"content": b'{"text": "x"}', "headers": {"Content-Type": "text/plain"}},
        {"content": b'{"text": "x"}'},  # no Content-Type at all
        {"data": {"text": "x"}},  # a form
    ],
    ids=["text/plain", "none", "form"],
)
def test_a_body_in_another_media_type_is_415(client: TestClient, sent: dict[str, Any]) -> None:
    """It was 422 "Input should be a valid dictionary or object to extract fields from":
    the body may be right, its media type is not the one the route takes."""
    response = client.post("/v1/summaries", **sent)
    assert response.status_code == 415
    error = response.json()
    assert error["code"] == "unsupported-media-type"
    assert "Content-Type: application/json" in error["message"]


def test_the_engine_does_not_block_other_requests(
    client: TestClient, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While one article is summarized (here: a slow engine), /healthz still answers."""

    def slow_summarize(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.0)
        return summarize(*args, **kwargs)

    monkeypatch.setattr(cache, "summarize", slow_summarize)

    async def both() -> float:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            slow = asyncio.create_task(http.post("/v1/summaries", json={"text": article}))
            await asyncio.sleep(0.2)
            start = time.perf_counter()
            health = await http.get("/healthz")
            elapsed = time.perf_counter() - start
            assert health.status_code == 200
            assert (await slow).status_code == 200
            return elapsed

    assert asyncio.run(both()) < 0.7


def test_html_sent_as_text_is_read_as_html(client: TestClient, article: str) -> None:
    """One HTML test for every path (``ingest.html.looks_like_html``): the web form and the
    API's ``text`` get what the command line gets for an HTML file."""
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n") if p.strip())
    page = (
        "<!doctype html><html lang='id'><head><title>Judul Berita</title></head><body>"
        f"<article>{paragraphs}</article></body></html>"
    )
    as_text = client.post("/v1/summaries", json={"text": page}).json()
    as_html = client.post("/v1/summaries", json={"html": page}).json()
    assert "<p>" not in as_text["text"] and as_text["title"] == "Judul Berita"
    assert as_text["takeaways"] == as_html["takeaways"]


def test_a_page_over_the_text_cap_sent_as_text_is_read(client: TestClient, article: str) -> None:
    # CNN's article pages are 2.5-2.9 MB, nearly all inline script: over the engine's 2 MB
    # text cap, under its 10 MB page cap, whichever field the page comes in.
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n") if p.strip())
    script = "<script>var data = [" + "1234567890," * 250_000 + "];</script>"
    page = (
        f"<!doctype html><html lang='id'><head><title>Judul Berita</title>{script}</head>"
        f"<body><article>{paragraphs}</article></body></html>"
    )
    response = client.post("/v1/summaries", json={"text": page})
    assert response.status_code < 300, response.text
    assert response.json()["takeaways"]


def test_an_explicit_count_is_honoured_and_cached_apart_from_the_automatic_box(
    client: TestClient, article: str
) -> None:
    """``count`` was 422 ``extra_forbidden``, though the CLI, Python and batch records take
    it. A count's box and the automatic one are two cache entries: neither answers for
    the other, in either order."""
    automatic = client.post("/v1/summaries", json={"text": article})
    assert automatic.status_code == 200, automatic.text
    for count in (1, 2):
        asked = client.post("/v1/summaries", json={"text": article, "count": count})
        assert asked.status_code == 200, asked.text
        assert asked.headers["X-Intisari-Cache"] == "miss"
        assert len(asked.json()["takeaways"]) == count
        assert asked.json()["summary_id"] != automatic.json()["summary_id"]
        again = client.post("/v1/summaries", json={"text": article, "count": count})
        assert again.headers["X-Intisari-Cache"] == "hit"
        assert again.json()["summary_id"] == asked.json()["summary_id"]
    after = client.post("/v1/summaries", json={"text": article})
    assert after.headers["X-Intisari-Cache"] == "hit"
    assert after.json()["summary_id"] == automatic.json()["summary_id"]


def test_an_article_s_box_of_another_count_is_not_its_answer(
    client: TestClient, article: str
) -> None:
    """The article sent again with other bytes finds its box by its cleaned text ("A box
    belongs to its article"); only a box of the count asked for is that answer."""
    first = client.post("/v1/summaries", json={"text": article, "article_id": "a-7"})
    two = client.post(
        "/v1/summaries", json={"text": article + "\n", "article_id": "a-7", "count": 2}
    )
    assert two.status_code == 200, two.text
    assert len(two.json()["takeaways"]) == 2
    assert two.json()["summary_id"] != first.json()["summary_id"]
    # Other bytes again, count left out: the automatic box, not the newest one of two.
    automatic = client.post("/v1/summaries", json={"text": article + "\n\n", "article_id": "a-7"})
    assert automatic.json()["summary_id"] != two.json()["summary_id"]
    assert automatic.json()["takeaways"] == first.json()["takeaways"]
    # Other bytes with count 2: the article's box of two, now the newest of that count.
    again = client.post(
        "/v1/summaries", json={"text": article + "\n\n\n", "article_id": "a-7", "count": 2}
    )
    assert again.status_code == 200
    assert len(again.json()["takeaways"]) == 2


@pytest.mark.parametrize("count", [0, 6, "2", 2.0, True])
def test_a_count_outside_one_to_five_is_422(client: TestClient, article: str, count: Any) -> None:
    response = client.post("/v1/summaries", json={"text": article, "count": count})
    assert response.status_code == 422
    assert response.json()["details"][0]["loc"] == ["body", "count"]


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_language_is_detected_and_a_blank_title_is_no_title(
    client: TestClient, article: str, blank: str
) -> None:
    """``"lang": ""`` was 422 showing a raw regular expression (the CLI's ``--lang ""``
    detects), and ``"title": ""`` came back as the box's title instead of the headline."""
    plain = client.post("/v1/summaries", json={"text": article}).json()
    response = client.post("/v1/summaries", json={"text": article, "lang": blank, "title": blank})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["language"] == "id"
    assert body["title"] == plain["title"] and body["title"]
    assert body["summary_id"] == plain["summary_id"]  # the same input: one cache entry
