"""``intisari summarize --method llm``: the server from ``INTISARI_LLM_URL``, one-line errors,
and the extractive box when the server does not answer."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from app_fixtures import ARTICLE
from intisari.cli import app
from llm_servers import MODEL_TEST_TIMEOUT_S, BadServer, free_port, unique_url

pytestmark = pytest.mark.llm

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["summarize", "-", *args], input=ARTICLE, env=env)


def test_method_llm_without_a_server_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("INTISARI_LLM_URL", raising=False)
    result = run("--method", "llm")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "intisari: error: --method llm needs an LLM server: set INTISARI_LLM_URL (see README)"
    ]
    unknown = run("--method", "gpt")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("intisari: error: unknown method 'gpt'")
    server = "http://127.0.0.1:9/v1"
    # "inf" overflowed the worker's wall-clock guard (a traceback; a 500 in the service).
    for timeout in ("-1", "inf", "1e300"):
        bad = run("--method", "llm",
                  env={"INTISARI_LLM_URL": server, "INTISARI_LLM_TIMEOUT_S": timeout})
        assert bad.exit_code == 2 and "Traceback" not in bad.output
        assert bad.stderr.startswith("intisari: error: bad setting INTISARI_LLM_TIMEOUT_S")
    # These were taken, and every box was extracted without a word of why.
    for url in ("banana", "ftp://127.0.0.1/v1", "http://127.0.0.1:99999/v1"):
        wrong = run("--method", "llm", env={"INTISARI_LLM_URL": url})
        assert wrong.exit_code == 2 and wrong.stderr.count("\n") == 1
        assert wrong.stderr.startswith("intisari: error: bad setting INTISARI_LLM_URL: not an")
    unreachable = run("--method", "llm", env={"INTISARI_METHOD": "llm", "INTISARI_LLM_URL": ""})
    assert unreachable.stderr == "intisari: error: INTISARI_METHOD=llm needs INTISARI_LLM_URL\n"


def test_a_server_that_is_down_gives_the_extractive_box_and_says_so() -> None:
    url = unique_url(free_port())
    result = run("--method", "llm", env={"INTISARI_LLM_URL": url})
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["engine"]["method"] == "llm"
    assert {t["origin"] for t in data["takeaways"]} == {"extract"}
    # It said nothing: a box that says "method": "llm" and was made without the LLM.
    assert data["engine"]["fallback"] == "connection"
    assert result.stderr == (
        f"intisari: the LLM was not used (connection refused or lost at {url}): "
        "the box is extracted\n"
    )


def test_a_url_without_v1_is_named_as_the_likely_mistake() -> None:
    # A new user's INTISARI_LLM_URL without /v1: every request a 404, every box silently
    # extracted.
    with BadServer("not-found").running() as url:
        result = run("--method", "llm", env={"INTISARI_LLM_URL": url})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["engine"]["fallback"] == "http-404"
    assert result.stderr.count("\n") == 1
    assert f"(HTTP 404 from {url}/chat/completions: does the URL end in /v1?)" in result.stderr


def test_an_extracted_box_asked_for_has_no_fallback() -> None:
    result = run()
    assert json.loads(result.stdout)["engine"]["fallback"] is None and result.stderr == ""


@pytest.mark.timeout(MODEL_TEST_TIMEOUT_S)
@pytest.mark.slow
def test_the_real_model_through_the_command_line(llama_url: str) -> None:
    env = {"INTISARI_LLM_URL": llama_url, "INTISARI_LLM_TIMEOUT_S": "240"}
    result = run("--method", "llm", "--format", "md", env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Harga Beras Naik") and "## Intisari Utama" in result.stdout
