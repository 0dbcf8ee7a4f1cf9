"""The checker: is each statement of a summary supported by its article?

An engine package like ``ranking``: it reads a ``Document`` (the cleaned, segmented
article) and language data, never storage, the web or evaluation. ``intisari.verify``
(in ``pipeline``) reads any article and summary into it; the LLM mode calls
``check_statements`` on its bullets directly.
"""

from __future__ import annotations

from intisari.checking.check import check_statements, label_for
from intisari.checking.models import Label, Reason, ReasonKind, StatementCheck, Verification
from intisari.checking.statements import parse_summary, split_summary

__all__ = [
    "Label",
    "Reason",
    "ReasonKind",
    "StatementCheck",
    "Verification",
    "check_statements",
    "label_for",
    "parse_summary",
    "split_summary",
]
