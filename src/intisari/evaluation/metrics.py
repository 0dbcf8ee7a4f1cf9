"""Per-takeaway checks the evaluation counts: grounding, boilerplate, dangling openers."""

from __future__ import annotations

import re
from collections.abc import Collection

from intisari.document import Document
from intisari.result import Takeaway
from intisari.takeaways.checks import refers_back
from intisari.takeaways.select import antecedent_shown
from intisari.takeaways.text import is_boilerplate

__all__ = ["grounded", "is_boilerplate", "leans_on_missing"]

_WHITESPACE = re.compile(r"\s+")


def grounded(text: str, takeaway: Takeaway) -> bool:
    """The grounding invariant: the spans, joined by single spaces, are the takeaway."""
    if any(not 0 <= s < e <= len(text) for s, e in takeaway.spans) or not takeaway.spans:
        return False
    joined = " ".join(text[s:e] for s, e in takeaway.spans)
    return _collapse(joined) == _collapse(takeaway.text)


def leans_on_missing(
    takeaway: str, document: Document, index: int, in_box: Collection[int]
) -> bool:
    """Takeaway of sentence ``index`` points back (a connective, a pronoun, a
    demonstrative: ``refers_back``) to something the box (sentence indexes ``in_box``)
    does not show.

    The same rule the selector applies (``antecedent_shown``), so every system's boxes are
    held to it.
    """
    return refers_back(takeaway, document.language.data) and not antecedent_shown(
        document, index, in_box
    )


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()
