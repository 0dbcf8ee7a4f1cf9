"""The errors a batch raises: before it starts, a problem with what it was asked to do;
once running, the loss of its Dask scheduler (everything else is an error row or a failed
partition named in the outcome)."""

from __future__ import annotations

__all__ = ["BatchError", "SchedulerLost"]


class BatchError(ValueError):
    """The batch cannot start: missing input, an output in the way or another run writing
    it, a different input on ``--resume``, an unreachable scheduler. The message is one
    line for the CLI to print.

    Problems with single *records* never raise: they become error rows.
    """


class SchedulerLost(RuntimeError):
    """The Dask scheduler went away mid-run (it crashed or was restarted): every task in
    flight is gone with it. The parts written so far are kept, and ``--resume`` does the
    rest once a cluster is up again. The message is one line for the CLI to print.
    """
