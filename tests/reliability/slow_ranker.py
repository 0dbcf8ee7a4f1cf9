"""A ranker with a real catastrophic regular expression, for the engine-isolation tests.

It runs, over the article's text, the kind of pattern issue 10 found in cleaning (the
emphasis pattern ``(\\*\\*|__|\\*)(?=\\S)(.+?)(?<=\\S)\\1``), with the letter ``q`` for the
marker so that cleaning leaves the trigger alone and the text still reads as prose (a
symbol repeated thousands of times is refused as not an article): on ``"Kata qa " * n``
every "q" opens a search to the end of the line that fails (no "q" follows a non-space),
so the time grows with n squared (about 5 s for 70 KB here), and
Python's ``re`` holds the GIL all that time. Any other text costs it nothing. The service
loads it through the production setting ``INTISARI_ENGINE_RANKER``
(``slow_ranker:BacktrackingRanker``), so the slow path is the service's own code path.
"""

from __future__ import annotations

import re

from intisari.document import Document
from intisari.ranking import UnsizedRanker

__all__ = ["TRIGGER", "BacktrackingRanker"]

#: Quadratic on runs of "qa " after spaces, linear on anything else.
BACKTRACKING = re.compile(r"(q)(?=\S)(.+?)(?<=\S)\1")
#: One repetition of the trigger: a finished sentence of words, which the engine accepts
#: as prose.
TRIGGER = "Kata qa " * 9 + "kata qa sudah. "


class BacktrackingRanker(UnsizedRanker):
    name = "backtracking"

    def score(self, document: Document) -> list[float]:
        BACKTRACKING.search(document.text)
        return [1.0 / (1 + sentence.index) for sentence in document.sentences]
