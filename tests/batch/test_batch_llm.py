"""``intisari batch --method llm``: every worker asks the real model, every row says how
each takeaway was made, and ``--resume`` refuses another method."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from batch_helpers import make_records, read_output, write_jsonl
from intisari.batch.errors import BatchError
from intisari.batch.run import run_batch
from intisari.llm.config import LlmConfig
from intisari.options import Options
from llm_servers import MODEL_TEST_TIMEOUT_S, llama, llama_url

pytestmark = [pytest.mark.llm, pytest.mark.slow, pytest.mark.timeout(MODEL_TEST_TIMEOUT_S)]

__all__ = ["llama", "llama_url"]


def test_a_batch_with_llm_bullets_and_a_resume_that_must_match(
    tmp_path: Path, llama: LlmConfig
) -> None:
    from distributed import LocalCluster

    records = make_records(3)
    write_jsonl(tmp_path / "in.jsonl", records)
    options = Options(count=2, method="llm", llm=llama)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:  # fmt: skip
        job = {"scheduler": cluster.scheduler_address, "progress": False}
        report = run_batch(tmp_path / "in.jsonl", tmp_path / "out", options=options, **job)
        assert report.complete and report.records == 3
        rows = read_output(tmp_path / "out")
        assert [row["id"] for row in rows] == [record["id"] for record in records]
        for row in rows:
            assert row["engine_method"] == "llm" and len(row["takeaways"]) == 2
            for takeaway in row["takeaways"]:
                assert takeaway["origin"] in ("extract", "llm")
                assert bool(takeaway["evidence"]) == (takeaway["origin"] == "llm")
        with pytest.raises(BatchError, match="different method"):
            run_batch(
                tmp_path / "in.jsonl", tmp_path / "out", options=Options(count=2), resume=True,
                **job,
            )  # fmt: skip
