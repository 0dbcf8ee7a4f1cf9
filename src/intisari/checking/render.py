"""A verification as the CLI prints it: JSON, or plain text for a terminal."""

from __future__ import annotations

import json
from collections.abc import Callable

from intisari.checking.models import Verification

__all__ = ["VERIFY_FORMATS", "render_verification"]

#: Characters of an evidence sentence shown in text output before it is cut with "…".
EVIDENCE_CHARS = 160


def render_json(verification: Verification) -> str:
    return json.dumps(verification.model_dump(mode="json"), ensure_ascii=False, indent=2)


def render_text(verification: Verification) -> str:
    """One block per statement: label and score, the statement, reasons, evidence."""
    count = len(verification.statements)
    lines = [
        f"{verification.label} ({verification.score:.2f}): {count} statement"
        f"{'' if count == 1 else 's'}, language {verification.language}",
        "",
    ]
    for check in verification.statements:
        lines.append(f"[{check.label} {check.score:.2f}] {check.text}")
        lines += [f"    {reason.kind}: {reason.text}" for reason in check.reasons]
        for start, end in check.evidence:
            quote = verification.text[start:end]
            if len(quote) > EVIDENCE_CHARS:
                quote = quote[:EVIDENCE_CHARS].rstrip() + "…"
            lines.append(f"    evidence [{start}:{end}] {quote}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_RENDERERS: dict[str, Callable[[Verification], str]] = {"json": render_json, "text": render_text}
VERIFY_FORMATS = tuple(_RENDERERS)


def render_verification(verification: Verification, fmt: str) -> str:
    return _RENDERERS[fmt](verification)
