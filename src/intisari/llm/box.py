"""The box with LLM bullets: ask for short bullets, check each, extract the rest.

1. Ask the model (``client.complete``) for as many bullets as the extractive box has, with
   the language's prompt (``LanguageData.llm_prompt``: the article only, one bullet a
   line).
2. Check every bullet against the article (``intisari.checking.check_statements``). A
   bullet is shown only if the checker calls it ``supported`` and points to its evidence;
   an ``unsupported`` or ``unclear`` one is dropped, and so is a repeat of a kept bullet or
   a line a reader could not take alone (``reader_defects``: a fragment, a paragraph, a
   pronoun with nothing before it, an unpaired quotation mark: the extractive box's rules).
3. Fill each dropped place with the best extractive takeaway that the kept bullets'
   evidence does not already cover and that can stand where it falls (``_filled``: one
   that points back only right after what it points to, and calls someone by surname
   alone only where the extractive box would, ``reads_in_order``), and
   put the box in article order (a bullet stands where its evidence starts).

If the model cannot be reached in time, answers garbage, or writes no bullet (or the
checker fails on what it wrote, a bug that is logged), the box is the extractive one,
unchanged: the reader never waits past ``LlmConfig.timeout_s`` and
never sees an unchecked statement. What happened is in ``CheckedBox`` (for
``intisari evaluate``) and in ``stats.STATS`` (for the service's metrics).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from intisari.checking import check_statements
from intisari.document import Document
from intisari.language.model import LanguageData
from intisari.language.segment import sentence_spans
from intisari.llm.client import LlmUnavailable, complete
from intisari.llm.config import LlmConfig
from intisari.llm.reasons import CHECKER_ERROR, NO_BULLETS
from intisari.llm.stats import STATS
from intisari.result import Takeaway
from intisari.takeaways.checks import (
    DEFECTS,
    content_bag,
    has_predicate,
    refers_back,
    repeats,
    text_defects,
)
from intisari.takeaways.compress import MAX_BULLET_WORDS
from intisari.takeaways.select import reads_in_order
from intisari.takeaways.text import MIN_TAKEAWAY_WORDS, reading_length

__all__ = [
    "Bullet",
    "CheckedBox",
    "checked_box",
    "is_bullet",
    "parse_bullets",
    "prompt_for",
    "reader_defects",
]

logger = logging.getLogger(__name__)

#: Article characters put in the prompt (~1,500 tokens: the lead and body of a typical
#: story, and well inside a small model's context). Bullets are checked against the whole
#: article all the same.
MAX_PROMPT_CHARS = 6000
#: Tokens the model may write per bullet asked for: the 20-word sentence the prompt asks
#: for is ~25-30 tokens of Indonesian or English; the slack covers a marker, a line break
#: and a model that runs a little long. Every token is time the reader waits (on a CPU,
#: tens of milliseconds each).
TOKENS_PER_BULLET = 40

#: A line's bullet marker: "- ", "* ", "• ", "1. ", "2) ".
_MARKER = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])(?:\s+|$)")
#: How a line that ends a sentence ends: its final mark, or a closing quotation mark or
#: bracket (after which ``is_fragment`` looks for the mark itself).
_ENDINGS = (".", "!", "?", "…", '"', "”", "’", "'", "»", ")", "]")
#: Markdown emphasis a model puts around words ("**Moskow** menolak ..."), and HTML tags
#: it copies from an article's markup ("<strong>Masa depan cryptocurrency ...</strong>").
_EMPHASIS = re.compile(r"\*\*|__|`|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True)
class Bullet:
    """One bullet the model wrote, with what became of it."""

    text: str
    #: ``accepted``, or why it was dropped: ``unsupported``, ``unclear`` (the checker's
    #: labels), ``duplicate``, ``malformed`` (``reader_defects``; not checked).
    verdict: str
    #: The checker's support score (``None`` when it was not checked).
    score: float | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    #: The checker's reasons for a low score, or a malformed bullet's defects, as
    #: ``kind: text``.
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckedBox:
    takeaways: list[Takeaway]
    #: Every bullet the model wrote (up to the number asked for), in its order.
    bullets: list[Bullet]
    #: Why the answer was not used at all (``reasons``: ``timeout``, ``breaker-open``,
    #: ``no-bullets``, ...); ``None`` when it was. The result's ``engine.fallback``.
    failure: str | None
    #: Wall-clock seconds spent on the model (the request) and on checking its bullets.
    llm_seconds: float
    check_seconds: float


def prompt_for(document: Document, count: int) -> str:
    """The language's request for ``count`` bullets about this article."""
    article = document.text
    if len(article) > MAX_PROMPT_CHARS:
        cut = article.rfind("\n\n", 0, MAX_PROMPT_CHARS)
        article = article[: cut if cut > 0 else MAX_PROMPT_CHARS]
    template = document.language.data.llm_prompt
    return template.format(count=count, title=document.title or "-", article=article)


def parse_bullets(answer: str) -> list[str]:
    """The bullets of a model's answer: its marked lines ("- ...", "1. ..."), or, when no
    marked line says anything, all its lines; headings ("Poin-poin:") are not bullets."""
    lines = answer.splitlines()
    marked = [_clean(_MARKER.sub("", line, count=1)) for line in lines if _MARKER.match(line)]
    chosen = [line for line in marked if line] or [_clean(_MARKER.sub("", line)) for line in lines]
    return [line for line in chosen if line and not line.endswith(":")]


def _clean(line: str) -> str:
    return " ".join(_EMPHASIS.sub("", line).split())


def checked_box(
    document: Document, box: Sequence[Takeaway], pool: Sequence[Takeaway], config: LlmConfig
) -> CheckedBox:
    """``box`` (extractive) rewritten by the LLM where the checker agrees.

    ``pool`` holds the extractive takeaways that may fill a dropped bullet's place, best
    first; the box keeps ``len(box)`` items.
    """
    count = len(box)
    started = time.monotonic()
    try:
        answer = complete(config, prompt_for(document, count), TOKENS_PER_BULLET * count)
    except LlmUnavailable as error:
        STATS.fallback(error.reason)
        return CheckedBox(list(box), [], error.reason, time.monotonic() - started, 0.0)
    llm_seconds = time.monotonic() - started
    texts = parse_bullets(answer)[:count]
    if not texts:
        STATS.fallback(NO_BULLETS)
        return CheckedBox(list(box), [], NO_BULLETS, llm_seconds, 0.0)

    started = time.monotonic()
    try:
        bullets = _judge(document, texts)
    except Exception:  # a checker bug met by a model's odd text: never the reader's error
        logger.exception("the checker failed on the LLM's bullets; the box is extracted")
        STATS.fallback(CHECKER_ERROR)
        return CheckedBox(list(box), [], CHECKER_ERROR, llm_seconds, 0.0)
    check_seconds = time.monotonic() - started
    for bullet in bullets:
        STATS.bullet(bullet.verdict)
    kept = [
        Takeaway(text=b.text, spans=[], score=round(b.score or 0.0, 4), origin="llm",
                 evidence=b.evidence)
        for b in bullets
        if b.verdict == "accepted"
    ]
    return CheckedBox(
        _filled(document, kept, pool, count), bullets, None, llm_seconds, check_seconds
    )


def is_bullet(text: str) -> bool:
    """Could ``text`` stand as a bullet? As long as an extracted takeaway may be short
    (``MIN_TAKEAWAY_WORDS``: "1 menit 33,556 detik" is a fragment, not a point) and no
    longer than any bullet of the box (``MAX_BULLET_WORDS``: twice the 20 words the prompt asks
    for; longer is a paragraph), and not opening in lower case: that is a sentence
    the model copied from its middle ("semen padang untuk memutus ..."). Scripts without
    case pass the last test."""
    return _misshapen(text) is None


def reader_defects(text: str, data: LanguageData) -> list[str]:
    """Why a reader could not take ``text`` alone as a bullet, as ``kind: text`` (none if
    they could).

    A line is held to the extractive box's rules that need no place in the article
    (``checks.text_defects``: a fragment, an unpaired quotation mark, a dateline, a
    question, a link), to holding a verb (``checks.has_predicate``), and to
    ``refers_back``: an LLM's bullet has no sentence before it,
    so "Kabar tersebut ..." or "Ia menambahkan ..." points at nothing. A list item may
    end without a full stop, so one missing is not held against it.
    """
    misshapen = _misshapen(text)
    if misshapen is not None:
        return [f"shape: {misshapen}"]
    ended = text if text.rstrip().endswith(_ENDINGS) else text.rstrip() + "."
    # A bullet of two sentences ("... ditangkap pada Minggu (6/8). Sementara ...") is held
    # to the rules sentence by sentence; only its first has nothing before it.
    sentences = [ended[start:end] for start, end in sentence_spans(ended, data)] or [ended]
    found = [kind for sentence in sentences for kind in text_defects(sentence, data)]
    # Article text without a verb passes the checker ("16 times below the country's
    # poverty line"): a phrase, not a point. A verb the language data does not know costs
    # only the extracted takeaway in its place.
    if not any(has_predicate(sentence, data) for sentence in sentences):
        found.append("fragment")
    if refers_back(sentences[0], data):
        found.append("dangling")
    return [f"{kind}: {DEFECTS[kind]}" for kind in dict.fromkeys(found)]


def _misshapen(text: str) -> str | None:
    """What is wrong with ``text``'s shape as a bullet (``is_bullet``), or ``None``."""
    if len(text.split()) < MIN_TAKEAWAY_WORDS:
        return "too short to be a statement"
    if reading_length(text) > MAX_BULLET_WORDS:
        return "too long for a bullet"
    if text[0].islower():
        return "opens in lower case: cut from a sentence's middle"
    return None


def _judge(document: Document, texts: list[str]) -> list[Bullet]:
    """Each bullet's verdict: malformed ones are not checked; repeats of a kept one drop."""
    data = document.language.data
    defects = {text: reader_defects(text, data) for text in texts}
    well_formed = [t for t in texts if not defects[t]]
    checks = dict(zip(well_formed, check_statements(document, well_formed), strict=True))
    bullets: list[Bullet] = []
    bags: list[set[str]] = []
    for text in texts:
        check = checks.get(text)
        if check is None:
            bullets.append(Bullet(text, "malformed", reasons=defects[text]))
            continue
        bag = content_bag(text, document.language.data)
        verdict: str
        if check.label != "supported":
            verdict = check.label
        elif not check.evidence:
            verdict = "unclear"  # supported by what? There would be nothing to highlight.
        elif any(repeats(bag, other) for other in bags):
            verdict = "duplicate"
        else:
            verdict = "accepted"
            bags.append(bag)
        bullets.append(
            Bullet(
                text=text,
                verdict=verdict,
                score=check.score,
                evidence=[(int(s), int(e)) for s, e in check.evidence],
                reasons=[f"{reason.kind}: {reason.text}" for reason in check.reasons],
            )
        )
    return bullets


def _filled(
    document: Document, kept: list[Takeaway], pool: Sequence[Takeaway], count: int
) -> list[Takeaway]:
    """``kept`` (the accepted LLM bullets) with the best extracted takeaways of ``pool`` in
    the dropped bullets' places, up to ``count``, in article order.

    One at a time, the best that the box's evidence and spans do not already cover and
    that the box can show where it stands (``reads_in_order``: one that points back only
    right after what it points to, and a surname alone only below the person's
    introduction, or of someone the story is about when no bullet introduces them); each
    step scans from the best again, as the extractive selection does, so one that waits
    for its antecedent or its introduction is taken once that is in. When none fits, the
    box stays short rather than show a bullet a reader cannot follow.
    """
    box = sorted(kept, key=_position)
    covered = [span for takeaway in kept for span in takeaway.evidence or ()]
    while len(box) < count:
        for takeaway in pool:
            if _overlaps(takeaway.spans, covered):
                continue
            trial = sorted([*box, takeaway], key=_position)
            if reads_in_order(document, trial):
                box = trial
                covered.extend(takeaway.spans)
                break
        else:
            break
    return box


def _overlaps(spans: Sequence[tuple[int, int]], covered: Sequence[tuple[int, int]]) -> bool:
    return any(s < ce and cs < e for s, e in spans for cs, ce in covered)


def _position(takeaway: Takeaway) -> int:
    """Where a takeaway stands in the article: its first span, or its first evidence."""
    spans = takeaway.spans or takeaway.evidence or [(0, 0)]
    return min(start for start, _ in spans)
