"""Where a command writes its output: whether a place can take it, and a file written
whole or not at all.

One home for the checks that ``batch`` (its ``OUT``) and ``evaluate`` and ``train``
(``--out``) make before a run that a bad place would otherwise lose at its end
(``evaluate --out /etc/passwd/x`` had run every article, then ended in a traceback). Each
check returns the one-line reason, and the caller raises it its own way.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["KERNEL_FILE_SYSTEMS", "in_kernel_file_system", "unwritable_in", "write_whole"]

#: Kernel file systems: nothing written there is an output, and as root the file system's
#: permissions say yes to a folder in them that the kernel then refuses (``/proc/nope``),
#: or a "folder" there is a kernel object (a cgroup under /sys/fs/cgroup). Refused by name.
KERNEL_FILE_SYSTEMS = (Path("/proc"), Path("/sys"))


def in_kernel_file_system(target: Path) -> str | None:
    """Why ``target`` cannot be an output because of where it is, or ``None``."""
    for root in KERNEL_FILE_SYSTEMS:
        if target.is_relative_to(root):
            return f"cannot write {target}: it is inside {root}, a kernel file system"
    return None


def unwritable_in(target: Path, folder: Path | None = None) -> str | None:
    """Why ``target`` cannot be made in ``folder`` (by default the nearest folder at or
    above ``target`` that exists: one it may be made in, with its parents), or ``None``."""
    if folder is None:
        folder = next(path for path in (target, *target.parents) if path.exists())
    if not folder.is_dir():
        return f"cannot write {target}: {folder} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write {target}: {folder} is not writable"
    return None


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file beside it, renamed over it),
    so that a crash or a full disk never leaves a half-written file (a model in the
    package); the temporary file is gone whatever happens."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)  # only there if the write failed
