"""A summary as statements: one per bullet line, one per sentence of a paragraph.

A summary arrives as a list (each item one statement, as the caller cut it) or as text:
a bulleted list ("- ", "* ", "• ", "1. "), lines, or a paragraph. Each line of text is
cut into its sentences by the language's own splitter, so a paragraph summary is checked
sentence by sentence and a reader sees which sentence fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from intisari.errors import InputError
from intisari.language.model import LanguageData
from intisari.language.segment import sentence_spans

__all__ = ["MAX_STATEMENTS", "split_summary"]

#: More statements than this is not a summary (a box has 1-5, a long abstract ~20).
MAX_STATEMENTS = 100
#: A list marker opening a line: "-", "*", "•", "·", "–", "1.", "2)", "a)".
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►]|\d{1,2}[.)]|[a-z][.)])\s+")


def split_summary(summary: str | Sequence[str], data: LanguageData) -> list[str]:
    """The statements of ``summary``; raises ``InputError`` when there are none or too many."""
    if isinstance(summary, str):
        statements = []
        for line in summary.splitlines():
            line = _BULLET.sub("", line).strip()
            if line:
                statements += [line[start:end] for start, end in sentence_spans(line, data)]
    else:
        if not all(isinstance(item, str) for item in summary):
            raise InputError("summary statements must be strings")
        statements = [" ".join(item.split()) for item in summary]
        statements = [s for s in statements if s]
    if not statements:
        raise InputError("the summary is empty")
    if len(statements) > MAX_STATEMENTS:
        raise InputError(
            f"the summary has {len(statements)} statements; at most {MAX_STATEMENTS} are checked"
        )
    return statements
