"""Refuse, before parsing, a page whose nesting would make the HTML parser quadratic.

The lexbor parser, like every HTML5 tree builder, looks down its stack of open elements
at each block tag (``<div>``, ``<section>``, ``<ul>``...: "is a ``<p>`` open in button
scope?"). A real page keeps that stack a few dozen deep, but ``<div>`` written 40,000
times without closing (200 kB) took 3 s of CPU to parse, and the 2 MB input cap holds
400,000 of them: minutes for one request. Browsers cap the depth of the tree they build
(Chromium at 512); the parser we use has no such setting, so the work it would do is
counted here first, in one pass over the tags, and a page over ``MAX_PARSE_STEPS`` is
refused as not an article.

The count is the depth of the stack summed over start tags: an upper bound of the
parser's walks, since elements that close themselves (``<p>``, ``<li>``, ``<td>``...) and
void ones (``<br>``, ``<img>``) are not counted as staying open, and the insides of
comments, scripts and styles are skipped as the parser skips them.
"""

from __future__ import annotations

import re

from intisari.errors import NotAnArticle

__all__ = ["MAX_PARSE_STEPS", "check_nesting", "parse_steps"]

#: Open-element steps a page may cost the parser: about 80 ms of CPU in the worst shape
#: (nested ``<div>``, ~4 ns a step). The 68 real pages measured (the shared 44, 24 from
#: newspaper4k's tests, among them CNN's 2.5-2.9 MB pages) cost 268-61,404; a 10 MB page
#: of 100,000 tags at their mean depth (~25) would cost 2,500,000.
MAX_PARSE_STEPS = 20_000_000

#: Elements that have no end tag and never hold others (WHATWG "void elements").
VOID_ELEMENTS = frozenset(
    b"area base basefont bgsound br col embed frame hr img input keygen link meta param "
    b"source track wbr".split()
)
#: Elements the parser closes when the next of their kind (or their parent) ends: left
#: unclosed, as old pages leave ``<p>`` and ``<li>``, they do not deepen the stack.
SELF_CLOSING_ELEMENTS = frozenset(
    b"p li dt dd option optgroup tr td th rb rt rp rtc tbody thead tfoot colgroup".split()
)
#: Elements whose content the parser reads as text up to their end tag.
RAW_TEXT_ELEMENTS = frozenset(
    b"script style textarea title xmp iframe noembed noframes noscript plaintext".split()
)

_TAG = re.compile(rb"<(?:(/?)([a-zA-Z][^\s/>]*)|!--)")
_RAW_TEXT_END = {name: re.compile(rb"</" + name + rb"[\s/>]", re.I) for name in RAW_TEXT_ELEMENTS}


def check_nesting(html: str | bytes) -> None:
    """Raise ``NotAnArticle`` if parsing ``html`` would cost over ``MAX_PARSE_STEPS``.

    A page of ``n`` start tags costs at most ``n * n / 2``: a page under 6,300 of them
    (every real page measured: at most 2,626) is passed without reading its tags.
    """
    if isinstance(html, str):
        starts = html.count("<") - html.count("</")
    else:
        starts = html.count(b"<") - html.count(b"</")
    if starts * starts // 2 <= MAX_PARSE_STEPS:
        return
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    steps, deepest = parse_steps(data)
    if steps > MAX_PARSE_STEPS:
        raise NotAnArticle(
            f"this is not an article: the page nests its elements at least {deepest:,} deep "
            "(a news page nests a few dozen)"
        )


def parse_steps(data: bytes) -> tuple[int, int]:
    """The stack depth summed over ``data``'s start tags, and the deepest it gets; the
    count stops once it is over ``MAX_PARSE_STEPS``."""
    steps = depth = deepest = position = 0
    search = _TAG.search
    while match := search(data, position):
        position = match.end()
        name = match.group(2)
        if name is None:  # A comment: its end, or the end of the page.
            end = data.find(b"-->", position)
            if end < 0:
                break
            position = end + 3
            continue
        name = name.lower()
        if name in VOID_ELEMENTS:
            continue
        if match.group(1):  # An end tag closes one open element, at most.
            if depth and name not in SELF_CLOSING_ELEMENTS:
                depth -= 1
            continue
        if name in RAW_TEXT_ELEMENTS:
            closing = _RAW_TEXT_END[name].search(data, position)
            if closing is None:
                break
            position = closing.end()
            continue
        if name not in SELF_CLOSING_ELEMENTS:
            depth += 1
            deepest = max(deepest, depth)
        steps += depth
        if steps > MAX_PARSE_STEPS:
            break
    return steps, deepest
