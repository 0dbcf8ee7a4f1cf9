"""Batch at scale: many articles summarized on a Dask cluster, locally or remote, resumable.

The modules, in the order a batch runs through them:

- ``inputs``: find the input files and cut them into partitions (in the client);
- ``outputs``: where and how partitions are written, atomically, and the manifest;
- ``work``: one partition summarized on a worker (``summarize_partition``);
- ``run``: the client that plans, submits, tracks progress and resumes (``run_batch``);
- ``cli``: the ``intisari batch`` command.

Nothing is imported here, so that ``intisari --help`` does not pay for Dask and Arrow.
"""

__all__: list[str] = []
