"""The takeaways box in the formats the CLI prints: JSON, Markdown, plain text, HTML."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from intisari.language.detect import language_for
from intisari.result import Summary

__all__ = ["FORMATS", "render", "render_html"]


def render_json(summary: Summary) -> str:
    return json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=2)


def render_markdown(summary: Summary) -> str:
    heading = language_for(summary.language).data.heading
    lines = [f"## {heading}", ""]
    if summary.title:
        lines = [f"# {summary.title}", "", *lines]
    lines += [f"- {t.text}" for t in summary.takeaways]
    lines += ["", f"*{summary.notice}*"]
    return "\n".join(lines)


def render_text(summary: Summary) -> str:
    heading = language_for(summary.language).data.heading
    lines = [heading, ""] + [f"• {t.text}" for t in summary.takeaways]
    return "\n".join([*lines, "", summary.notice])


def render_html(summary: Summary) -> str:
    """The box alone, ready to put above an article; every piece of text is escaped."""
    data = language_for(summary.language).data
    items = "\n".join(
        f'    <li data-index="{i}" data-spans="{html.escape(json.dumps(t.spans))}">'
        f"{html.escape(t.text)}</li>"
        for i, t in enumerate(summary.takeaways)
    )
    lang = html.escape(summary.language)
    return (
        f'<aside class="intisari-box" lang="{lang}">\n'
        f"  <h2>{html.escape(data.heading)}</h2>\n"
        f"  <ul>\n{items}\n  </ul>\n"
        f'  <p class="intisari-notice">{html.escape(summary.notice)}</p>\n'
        f"</aside>"
    )


#: Output formats by the name the CLI accepts.
FORMATS: dict[str, Callable[[Summary], str]] = {
    "json": render_json,
    "md": render_markdown,
    "text": render_text,
    "html": render_html,
}


def render(summary: Summary, fmt: str) -> str:
    return FORMATS[fmt](summary)
