"""The client side of a batch, in-process: what an interrupted run leaves on stderr."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest
from distributed.client import AllExit

from intisari.batch.run import _quiet_interrupted_gathers


def _abandon_failing_task(error: Exception) -> None:
    """Let a task fail with ``error`` that nobody awaits, as Ctrl-C leaves Dask's gather."""

    async def fail() -> None:
        raise error

    async def main() -> None:
        task = asyncio.ensure_future(fail())
        await asyncio.sleep(0)
        del task

    asyncio.run(main())
    gc.collect()


def test_an_interrupted_gather_leaves_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    _quiet_interrupted_gathers()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        _abandon_failing_task(AllExit())
    assert not [r for r in caplog.records if r.name == "asyncio"]


def test_other_abandoned_task_errors_are_still_logged(caplog: pytest.LogCaptureFixture) -> None:
    _quiet_interrupted_gathers()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        _abandon_failing_task(ValueError("a real fault"))
    assert any("never retrieved" in r.getMessage() for r in caplog.records)
