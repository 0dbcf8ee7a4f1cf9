"""The takeaways box in the formats the CLI prints: JSON, Markdown, plain text, HTML."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

from intisari.language.detect import language_for
from intisari.language.script import RIGHT_TO_LEFT
from intisari.result import Summary, Takeaway

__all__ = ["FORMATS", "render", "render_html"]


#: Characters that Markdown (and the HTML it may carry) would read as syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def render_json(summary: Summary) -> str:
    """The result as the README documents it, UTF-8 kept readable."""
    return json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=2)


def render_markdown(summary: Summary) -> str:
    """Title, the box heading, one bullet per takeaway, the notice in italics.

    Article text is escaped: a stray ``*`` or ``<script>`` in a story stays text.
    """
    data = language_for(summary.language).data
    lines = [f"## {data.heading}", ""]
    if summary.title:
        lines = [f"# {_md(summary.title)}", "", *lines]
    lines += [f"- {_md(t.text)}{_checked(t, data.checked_label, '*')}" for t in summary.takeaways]
    lines += ["", f"*{_md(summary.notice)}*"]
    return "\n".join(lines)


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_text(summary: Summary) -> str:
    """The box as plain text, for terminals and logs."""
    data = language_for(summary.language).data
    lines = [data.heading, ""]
    lines += [f"• {t.text}{_checked(t, data.checked_label)}" for t in summary.takeaways]
    return "\n".join([*lines, "", summary.notice])


def render_html(summary: Summary) -> str:
    """The box alone, ready to put above an article; every piece of text is escaped."""
    data = language_for(summary.language).data
    items = "\n".join(_html_item(i, t, data.checked_label) for i, t in enumerate(summary.takeaways))
    lang = html.escape(summary.language)
    # The heading and the notice are in the box's words' language (English for the generic
    # rules), the bullets in the article's, in its direction.
    words = html.escape(data.words_language or summary.language)
    bullets = "" if words == lang else f' lang="{lang}"'
    if summary.language in RIGHT_TO_LEFT:
        bullets += ' dir="rtl"'
    return (
        f'<aside class="intisari-box" lang="{words}">\n'
        f"  <h2>{html.escape(data.heading)}</h2>\n"
        f"  <ul{bullets}>\n{items}\n  </ul>\n"
        f'  <p class="intisari-notice">{html.escape(summary.notice)}</p>\n'
        f"</aside>"
    )


def _html_item(index: int, takeaway: Takeaway, checked_label: str) -> str:
    """One ``<li>``: its spans, and for an LLM bullet its evidence and the checked mark."""
    attributes = f'data-index="{index}" data-spans="{html.escape(json.dumps(takeaway.spans))}"'
    mark = ""
    if takeaway.origin == "llm":
        evidence = html.escape(json.dumps(takeaway.evidence or []))
        attributes += f' data-origin="llm" data-evidence="{evidence}"'
        mark = f' <span class="intisari-checked">✓ {html.escape(checked_label)}</span>'
    return f"    <li {attributes}>{html.escape(takeaway.text)}{mark}</li>"


def _checked(takeaway: Takeaway, label: str, emphasis: str = "") -> str:
    """The mark after an LLM bullet in Markdown and text: it passed the check."""
    if takeaway.origin != "llm":
        return ""
    text = _md(label) if emphasis else label
    return f" {emphasis}(✓ {text}){emphasis}"


#: Output formats by the name the CLI accepts.
FORMATS: dict[str, Callable[[Summary], str]] = {
    "json": render_json,
    "md": render_markdown,
    "text": render_text,
    "html": render_html,
}


def render(summary: Summary, fmt: str) -> str:
    """``summary`` in the format named ``fmt`` (a key of ``FORMATS``)."""
    return FORMATS[fmt](summary)
