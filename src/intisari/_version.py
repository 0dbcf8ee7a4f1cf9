"""The engine's release and the fingerprint of the models it ships, in a leaf module.

The pipeline, the summary cache and the pages read the version from here, so none of
them imports the package root (which imports the pipeline).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

__all__ = ["MODEL_FILES", "__version__", "engine_version", "model_fingerprint"]

__version__ = "0.1.0"

_PACKAGE = Path(__file__).resolve().parent
#: The trained files whose bytes decide what the engine writes: the ranker (and box
#: sizer) of every summary, and the checker of ``--method llm`` and ``verify``. Retraining
#: either (``intisari train``, ``intisari train --checker``) changes the output without a
#: release.
MODEL_FILES = (_PACKAGE / "ranking" / "model.json", _PACKAGE / "checking" / "model.json")
#: Hex digits of the fingerprint kept in the engine version: 64 bits, no collision among
#: the models a deployment will ever ship, and the stored column (64 characters) has room.
FINGERPRINT_DIGITS = 16


def model_fingerprint(paths: Iterable[Path] = MODEL_FILES) -> str:
    """SHA-256 over the model files' bytes (in order), shortened to ``FINGERPRINT_DIGITS``."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
        digest.update(b"\0")  # so that moving bytes between files changes the digest
    return digest.hexdigest()[:FINGERPRINT_DIGITS]


def engine_version(paths: Iterable[Path] = MODEL_FILES) -> str:
    """What makes a stored summary stale: the release and the shipped models' bytes
    (``0.1.0+models.1a2b...``): a retrained model without a version bump is a new engine."""
    return f"{__version__}+models.{model_fingerprint(paths)}"
