"""Fixtures of the batch tests: a real Dask cluster shared by the session."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def local_cluster() -> Iterator[str]:
    """The address of a real two-worker ``distributed.LocalCluster``, shared by a session."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address
