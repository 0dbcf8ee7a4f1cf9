"""``intisari evaluate --method llm``: the checker's verdicts on the model's bullets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app_fixtures import ARTICLE
from data_paths import DATA, need
from intisari.cli import app
from llm_servers import MODEL_TEST_TIMEOUT_S, free_port, unique_url

pytestmark = pytest.mark.llm

runner = CliRunner()


def test_a_server_that_is_down_is_reported_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "three.jsonl"
    summary = "Harga beras medium di Surabaya naik menjadi Rp14.000 per kilogram."
    records = [{"id": f"a{n}", "text": f"{ARTICLE}\n\nCatatan {n}.", "summary": summary}
               for n in range(3)]  # fmt: skip
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    env = {"INTISARI_LLM_URL": unique_url(free_port())}
    result = runner.invoke(app, ["evaluate", str(data), "--method", "llm"], env=env)
    assert result.exit_code == 0, result.output
    assert "3 articles (0 skipped)" in result.stdout
    assert "| bullets written | 0 | 100% |" in result.stdout
    assert "Boxes that fell back wholly to extraction: 3" in result.stdout


@pytest.mark.timeout(MODEL_TEST_TIMEOUT_S)
@pytest.mark.slow
@pytest.mark.data
def test_the_real_models_bullets_are_counted_and_kept(tmp_path: Path, llama_url: str) -> None:
    data = need(DATA / "indosum.tune.jsonl")
    env = {"INTISARI_LLM_URL": llama_url, "INTISARI_LLM_TIMEOUT_S": "240"}
    args = ["evaluate", str(data), "--method", "llm", "--limit", "2", "--out", str(tmp_path)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert "2 articles (0 skipped)" in result.stdout
    lines = (tmp_path / "llm-bullets.jsonl").read_text(encoding="utf-8").splitlines()
    bullets = [json.loads(line) for line in lines]
    written = int(result.stdout.split("| bullets written | ")[1].split(" ")[0])
    assert written == len(bullets) > 0
    assert {b["verdict"] for b in bullets} <= {
        "accepted", "unsupported", "unclear", "duplicate", "malformed"
    }  # fmt: skip
    assert (tmp_path / "llm-report.md").read_text(encoding="utf-8").strip() == result.stdout.strip()
