"""Adversarial inputs for the engine: each repeats what one text rule reads, to any size.

Every entry names the rule it aims at. Before issue 10 several made that rule quadratic
(a 90 KB line of "*a " took 40 s); ``tests/reliability/test_linear_time.py`` bounds the
engine's time on each at 100 KB and 1 MB, and ``benchmarks/adversarial.py`` measures time
and peak memory on them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HTML_TRIGGERS", "LEAD", "LONG_SENTENCES", "TRIGGERS", "Trigger"]

#: A real Indonesian lead sentence: with it, ``summarize`` has words enough to reach
#: segmentation and ranking rather than stop at "too short".
LEAD = (
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi "
    "bersama para menteri. "
)
#: The same in English, for rules only English text reaches (short asides are dropped).
LEAD_EN = "The president said the plan was ready today in Washington after long talks. "
#: Words enough, but three sentences of 54 words with no comma, none of which can be
#: shortened to a bullet (the length cap): ``no-takeaway``, not ``too-short``.
LONG_SENTENCES = "".join(
    f"The regional council approved on {day} a long and detailed plan for the renovation"
    " of the old railway station in the city centre that had been closed for more than"
    " ten years after a fire destroyed the main hall and most of the offices on the upper"
    " floors of the building and the platforms. "
    for day in ("Monday", "Tuesday", "Friday")
)


@dataclass(frozen=True)
class Trigger:
    """``head``, then ``unit`` repeated, then ``tail``: text of about a given size."""

    rule: str
    unit: str
    head: str = ""
    tail: str = ""

    def text(self, size: int) -> str:
        """About ``size`` bytes of UTF-8 (the engine's input cap counts bytes)."""
        fixed = len((self.head + self.tail).encode())
        repeats = max(1, (size - fixed) // len(self.unit.encode()))
        return self.head + self.unit * repeats + self.tail


TRIGGERS: dict[str, Trigger] = {
    # Cleaning (ingest/clean.py and the language's patterns).
    "emphasis-star": Trigger("Markdown emphasis with no closer", "*a "),
    "emphasis-underscores": Trigger("Markdown emphasis with no closer", "__a "),
    "emphasis-double-star": Trigger("Markdown emphasis with no closer", "**a "),
    "closing-link": Trigger(
        "inline link closing a paragraph ('... [^.!?]*$')", 'Kata dia" baca: x ', tail="."
    ),
    "bracketed-link": Trigger("inline link in brackets", "(baca: x "),
    "link-headline": Trigger("inline link followed by story", "Kata dia. Baca juga: Xx "),
    "trailers": Trigger("editor's initials closing the article", "(rsa) ", head=LEAD),
    "datelines": Trigger("dateline opening the body", "Aa Bb, ", tail=" - kata dia."),
    "notice-lookaheads": Trigger("AI notice (three lookaheads)", "x", head="AI ringkasan akurat "),
    "blank-runs": Trigger("runs of white space", "\u2028", head=LEAD_EN + "Voters in Ohio",
                          tail=" rejected (b) the measure on taxes for homes. It ended late."),
    # Segmentation (language/segment.py).
    "brackets": Trigger("bracket check per full stop", "ab. cd ", head="Presiden ( "),
    "full-stops": Trigger("run of sentence marks", ".", head=LEAD),
    "exclamations": Trigger("run of sentence marks", "!", head=LEAD),
    "ellipses": Trigger("run of sentence marks", "…", head=LEAD),
    "closers": Trigger("marks and closing brackets", ".)", head=LEAD),
    "blank-lines": Trigger("paragraph breaks", " \n", head=LEAD + "\n", tail="Akhir kata."),
    "dotted-word": Trigger("dotted abbreviation", "a.", tail=" Kata dia."),
    "quotes": Trigger("quotes and attributions", 'Kata "'),
    "spaced-dots": Trigger("spaced ellipsis, read from each dot", ". ", head=LEAD_EN + "It was"),
    "list-markers": Trigger("list items opening a paragraph", "1. Ya "),
    "list-successors": Trigger("list items opening a paragraph", "a. Ya b. Ya "),
    # Ranking and selection: many sentences and paragraphs (issue 10, item 12).
    "paragraphs": Trigger("one paragraph per word", "\n\nA", head=LEAD),
    "short-sentences": Trigger("one sentence per word", "Ya. "),
    "repeated-sentences": Trigger("the same sentence again", "Presiden Joko datang ke Jakarta. "),
    "open-brackets": Trigger("asides in brackets", "( ", head=LEAD),
}

#: HTML handed to the extractors: many paragraphs, many inline tags, many empty tags.
HTML_TRIGGERS: dict[str, Trigger] = {
    "html-paragraphs": Trigger("one <p> per word", "<p>Ya.</p>", head="<html><body><article>"),
    "html-inline-tags": Trigger(
        "inline tags in one paragraph", "<b>Ya</b> ", head="<html><body><article><p>" + LEAD
    ),
    # Little text: the fast path is unsure and trafilatura reads the page.
    "html-empty-tags": Trigger("tags without text", "<i></i>", head="<html><body><div>"),
    # Each overlay is taken out of the page before trafilatura reads it.
    "html-overlays": Trigger(
        "overlays without text", '<div class="modal"><i></i></div>', head="<html><body>"
    ),
    # The parser walks its stack of open elements at each block tag (ingest/nesting.py).
    "html-nested-blocks": Trigger("block elements never closed", "<div>", head="<html><body>"),
    "html-nested-lists": Trigger("lists inside lists", "<ul><li>", head="<html><body>"),
    "html-inline-around-blocks": Trigger(
        "blocks inside unclosed inline tags", "<b><section>", head="<html><body>"
    ),
}
