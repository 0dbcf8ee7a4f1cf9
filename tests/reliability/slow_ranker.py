"""A ranker with a real catastrophic regular expression, for the engine-isolation tests.

It runs, over the article's text, the kind of pattern issue 10 found in cleaning (the
emphasis pattern ``(\\*\\*|__|\\*)(?=\\S)(.+?)(?<=\\S)\\1``), with ``~`` for the marker so
that cleaning leaves the trigger alone: on ``"~a " * n`` every start scans to the end of
the line and fails, so the time grows with n squared (about 2.5 s for 48 KB here), and
Python's ``re`` holds the GIL all that time. Any other text costs it nothing. The service
loads it through the production setting ``INTISARI_ENGINE_RANKER``
(``slow_ranker:BacktrackingRanker``), so the slow path is the service's own code path.
"""

from __future__ import annotations

import re

from intisari.document import Document

__all__ = ["TRIGGER", "BacktrackingRanker"]

#: Quadratic on runs of "~a ", linear on anything else.
BACKTRACKING = re.compile(r"(~)(?=\S)(.+?)(?<=\S)\1")
#: One repetition of the trigger; "Kata " keeps the text words the engine accepts.
TRIGGER = "Kata ~a "


class BacktrackingRanker:
    name = "backtracking"

    def score(self, document: Document) -> list[float]:
        BACKTRACKING.search(document.text)
        return [1.0 / (1 + sentence.index) for sentence in document.sentences]
