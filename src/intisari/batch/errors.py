"""The one error a batch raises before it starts: a problem with what it was asked to do."""

from __future__ import annotations

__all__ = ["BatchError"]


class BatchError(ValueError):
    """The batch cannot start: missing input, an output in the way or another run writing
    it, a different input on ``--resume``, an unreachable scheduler. The message is one
    line for the CLI to print.

    Problems with single *records* never raise: they become error rows.
    """
