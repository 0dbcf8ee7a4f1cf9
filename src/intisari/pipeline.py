"""The whole engine as one readable function: article in, grounded takeaways out.

``verify`` reads an article the same way (stages 1-4, ``read_article``) and checks a
summary's statements against it instead of writing one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from intisari._version import __version__
from intisari.checking import Verification, check_statements, split_summary
from intisari.checking.model import load_checker
from intisari.document import Document, Sentence
from intisari.errors import InputError, InputTooShort, LlmNotConfigured, NoTakeaway
from intisari.ingest import load
from intisari.ingest.clean import clean_normalized, normalize, one_line
from intisari.ingest.metadata import PageSource
from intisari.ingest.prose import check_prose, check_script
from intisari.ingest.records import check_record, shown_id
from intisari.language.detect import Language, detect_language
from intisari.language.segment import iter_paragraph_spans, split_paragraph
from intisari.llm.box import CheckedBox, checked_box
from intisari.options import DEFAULT_OPTIONS, METHODS, Options
from intisari.ranking import Ranker, default_ranker
from intisari.result import EngineInfo, Removed, SourceInfo, Summary, Takeaway
from intisari.takeaways.letters import check_letters
from intisari.takeaways.select import MAX_COUNT, MIN_COUNT, select_takeaways

__all__ = [
    "ReadArticle",
    "build_document",
    "choose_takeaways",
    "read_article",
    "summarize",
    "summarize_record",
    "verify",
]


def summarize(
    text: str | None = None,
    *,
    html: str | None = None,
    url: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    count: int | None = None,
    id: str | None = None,
    method: str | None = None,
    options: Options = DEFAULT_OPTIONS,
    ranker: Ranker | None = None,
) -> Summary:
    """Key takeaways of one article, each traceable to the span of text it comes from.

    ``method="llm"`` (or ``options.method``) has an LLM write the bullets, each checked
    against the article; it needs ``options.llm``. Raises ``InputError`` (with a one-line
    message) when the input cannot be summarized.
    """
    count = options.count if count is None else count
    if count is not None and not MIN_COUNT <= count <= MAX_COUNT:
        raise InputError(f"count must be between {MIN_COUNT} and {MAX_COUNT}, not {count}")
    method = options.method if method is None else method
    if method not in METHODS:
        raise InputError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if method == "llm" and options.llm is None:
        raise LlmNotConfigured(
            "method llm needs an LLM server: set INTISARI_LLM_URL (Python: "
            "options=Options(llm=LlmConfig(url=...)))"
        )
    ranker = ranker or _default_ranker()

    # 1-4. Ingest, language, clean, segment.
    article = read_article(text=text, html=html, url=url, title=title, lang=lang, options=options)
    document, language = article.document, article.document.language
    # An advice column (readers' letters and replies) is not news: its sentences are its
    # writers' words, not facts a box may state. (``verify`` may still check a summary of
    # one against it.)
    check_letters(document)

    # 5. Rank every sentence; 6. select the takeaways that can stand alone (or have an
    # LLM write them, checked, with extracted ones in the place of any that fail).
    takeaways, checked = choose_takeaways(document, ranker, count, method, options)

    # 7. The result, in the one JSON shape everything else reads.
    return Summary(
        id=id,
        language=language.code,
        language_supported=language.supported,
        title=article.headline,
        text=document.text,
        takeaways=takeaways,
        notice=language.data.notice,
        removed=article.removed,
        engine=EngineInfo(
            version=__version__,
            method="llm" if method == "llm" else ranker.name,
            model=options.llm.model if method == "llm" and options.llm else None,
            fallback=None if checked is None else checked.failure,
        ),
        source=article.source,
    )


def choose_takeaways(
    document: Document, ranker: Ranker, count: int | None, method: str, options: Options
) -> tuple[list[Takeaway], CheckedBox | None]:
    """Stages 5 and 6: the box, and with ``method="llm"`` what became of each LLM bullet.

    Raises ``NoTakeaway`` when no sentence can stand as a takeaway.
    """
    scores = ranker.score(document)
    takeaways = select_takeaways(document, scores, count, ranker.sizer_for(document.language.code))
    if not takeaways:
        # Words but no sentence a reader could take as a point ("Presiden . Presiden . ...").
        raise NoTakeaway("no sentence of the article can stand alone as a takeaway")
    if method != "llm" or options.llm is None:
        return takeaways, None
    # What may fill a dropped bullet's place: the best extractive takeaways, best first.
    pool = sorted(select_takeaways(document, scores, MAX_COUNT), key=lambda t: -t.score)
    checked = checked_box(document, takeaways, pool, options.llm)
    return checked.takeaways, checked


@dataclass(frozen=True)
class ReadArticle:
    """An article after the first four stages: its document and what was cut from it
    (by the HTML extraction and by cleaning)."""

    document: Document
    removed: list[Removed]
    #: The title readers see (the page's without its site name) and where the page is from.
    headline: str | None = None
    source: SourceInfo | None = None


def read_article(
    *,
    text: str | None,
    html: str | None,
    url: str | None,
    title: str | None,
    lang: str | None,
    options: Options,
) -> ReadArticle:
    """Stages 1-4, shared by ``summarize`` and ``verify``: the cleaned, segmented article."""
    # 1. Ingest: text, HTML or URL becomes raw story text with a title and declared language.
    raw = load(text=text, html=html, url=url, title=title, lang=lang, options=options)
    # A plain text's title, when none was given, is its first line, guessed (a page has a
    # source; pasted HTML is read as a page).
    guessed_title = title is None and raw.source is None

    # 2. Language: declared wins, then the page's, else detected; it decides every rule below.
    # Read from normalised text: zero-width characters inside words ("Mos\u200bkow") would
    # hide them from the detector. A script without spaces between words is refused first,
    # on all the text read (and again on the story cleaned, in ``check_prose``): cleaning
    # may cut all of it (a Chinese line repeated is taken for the headline, and every
    # repeat cut as it), which was then refused as too short.
    text = normalize(raw.text)
    check_script(text)
    language = detect_language(text, declared=raw.lang, page=raw.page_lang)

    # 3. Clean: cut related links, notices, bylines, the dateline; remember what was cut.
    cleaned = clean_normalized(text, language.data, title=raw.title)
    headline = raw.headline
    if guessed_title and headline is not None and any(
        cut.reason != "title" and one_line(cut.text) == headline for cut in cleaned.removed
    ):
        # The first line of a text looked like a headline, and cleaning cut it as what it
        # is: a byline ("Laporan Wartawan Tribunnews.com, Rina Ayu") or a dateline.
        headline = None

    # 4. Segment into paragraphs and sentences, by offsets into the cleaned text; refuse
    # what is not news prose (a config file, code, a table, a list of links), then what
    # is too short to summarize.
    document = build_document(
        cleaned.text, headline, language, raw.headings,
        standfirst=_standfirst(raw.source, cleaned.text), quoted=raw.quoted,
    )
    check_prose(document.text, [sentence.text for sentence in document.sentences],
                options.min_words)
    # Split no further than needed to know (a long article is not split word by word).
    if len(cleaned.text.split(maxsplit=options.min_words)) < options.min_words:
        found = len(cleaned.text.split())
        raise InputTooShort(
            f"article has {found} {'word' if found == 1 else 'words'} after cleaning; "
            f"at least {options.min_words} are needed"
        )

    source = None if raw.source is None else SourceInfo(
        site_name=raw.source.site_name, published=raw.source.published,
        author=raw.source.author, url=raw.source.url,
    )
    return ReadArticle(document, [*raw.removed, *cleaned.removed], headline, source)


def verify(
    article: str | None = None,
    *,
    html: str | None = None,
    url: str | None = None,
    summary: str | Sequence[str],
    title: str | None = None,
    lang: str | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Verification:
    """Is each statement of ``summary`` supported by the article?

    The article is read as ``summarize`` reads it (text, HTML or URL); ``summary`` is text
    (a paragraph, or one bullet per line) or a list of statements. Every statement gets a
    support score, a label, evidence spans into ``Verification.text`` and named reasons.
    Raises ``InputError`` (with a one-line message) for input it cannot check.
    """
    read = read_article(
        text=article, html=html, url=url, title=title, lang=lang, options=options
    )
    document = read.document
    checks = check_statements(document, split_summary(summary, document.language.data))
    score = min(c.score for c in checks)
    labels = {c.label for c in checks}
    return Verification(
        language=document.language.code,
        language_supported=document.language.supported,
        title=document.title,
        text=document.text,
        score=score,
        label="unsupported" if "unsupported" in labels else
        "unclear" if "unclear" in labels else "supported",
        statements=checks,
        engine=EngineInfo(version=__version__, method=load_checker().name),
    )


#: A page's description restates its text when any run of this many of its first
#: ``STANDFIRST_READ_WORDS`` words stands in the text word for word (six words in a row
#: are rarely shared by chance; the runs start every two words, so a dateline the text
#: lost or a trimmed first word does not hide a restated opening).
STANDFIRST_PROBE_WORDS = 6
STANDFIRST_READ_WORDS = 16

#: Sentences read and ranked per article, at most. The longest articles of the tune files
#: and the example pages have 125 and 199; a text of thousands is a dump, not an article
#: (240,000 one-word sentences took 3.9 s and 384 MB). The sentences after these stay in
#: the text but are never ranked nor taken: news tells its story first.
MAX_SENTENCES = 1000


def build_document(
    text: str,
    title: str | None,
    language: Language,
    headings: Sequence[str] = (),
    standfirst: str | None = None,
    quoted: Sequence[str] = (),
) -> Document:
    """Segment cleaned ``text`` into a ``Document`` (also used by training and evaluation).

    The document holds the first ``MAX_SENTENCES`` sentences, and the paragraphs they are
    in; ``headings``, a page's subheadings, and ``quoted``, the lines of its block
    quotations, mark the paragraphs whose text is one.
    """
    sentences: list[Sentence] = []
    paragraph_count = 0
    wanted = {" ".join(heading.split()) for heading in headings}
    quotations = {" ".join(line.split()) for line in quoted}
    heading_paragraphs: set[int] = set()
    quoted_paragraphs: set[int] = set()
    for p_index, (p_start, p_end) in enumerate(iter_paragraph_spans(text)):
        room = MAX_SENTENCES - len(sentences)
        if room <= 0:
            break
        paragraph_count += 1
        if wanted or quotations:
            paragraph = " ".join(text[p_start:p_end].split())
            if paragraph in wanted:
                heading_paragraphs.add(p_index)
            if paragraph in quotations:
                quoted_paragraphs.add(p_index)
        spans = islice(split_paragraph(text, p_start, p_end, language.data), room)
        for position, (start, end) in enumerate(spans):
            sentences.append(
                Sentence(
                    start=start,
                    end=end,
                    index=len(sentences),
                    paragraph=p_index,
                    position_in_paragraph=position,
                    text=text[start:end],
                )
            )
    return Document(
        text=text,
        title=title,
        language=language,
        sentences=sentences,
        paragraph_count=paragraph_count,
        headings=frozenset(heading_paragraphs),
        quoted=frozenset(quoted_paragraphs),
        standfirst=standfirst,
    )


def _standfirst(source: PageSource | None, text: str) -> str | None:
    """The page's description, unless the text already says it: many pages describe
    themselves by the opening of their story (after a dateline the text has lost, "WASHINGTON
    (AP) — Ambassador ..."), and then it tells nothing about what matters in it that the
    story's order does not."""
    description = source.description if source is not None else None
    if not description:
        return None
    words = description.split()[:STANDFIRST_READ_WORDS]
    flat = " ".join(text.split())
    restated = any(
        " ".join(words[start : start + STANDFIRST_PROBE_WORDS]) in flat
        for start in range(0, max(1, len(words) - STANDFIRST_PROBE_WORDS + 1), 2)
    )
    return None if restated else description


def summarize_record(record: dict[str, Any], options: Options = DEFAULT_OPTIONS) -> dict[str, Any]:
    """A pure function from one input record to one output row (the batch unit of work).

    Never raises for bad input: the row carries ``error`` instead, so a batch goes on.
    """
    record_id = shown_id(record.get("id")) if isinstance(record, dict) else None
    try:
        checked = check_record(record)
        summary = summarize(
            text=checked.get("text"),
            html=checked.get("html"),
            url=checked.get("url"),
            title=checked.get("title"),
            lang=checked.get("lang"),
            count=checked.get("count"),
            id=record_id,
            options=options,
        )
    except InputError as error:
        return {"id": record_id, "error": str(error)}
    return summary.model_dump(mode="json")


_RANKER: Ranker | None = None




def _default_ranker() -> Ranker:
    """One ranker per process: a learned one loads its weights once, not per article."""
    global _RANKER
    if _RANKER is None:
        _RANKER = default_ranker()
    return _RANKER
