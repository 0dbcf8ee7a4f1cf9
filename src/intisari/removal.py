"""Why a piece of the input is not story: the one list of reasons a ``Removed`` may carry.

Cuts are made in two places, and both name their reason from here so a reader of the
``removed`` list (and a test) sees one vocabulary:

- on the page's DOM (``ingest/main_content.py``), where only the markup tells what a
  block is: a ``<figcaption>``, an ``<aside>``, a hover card, a widget under its heading;
- on the text (``ingest/clean.py`` with each language's data), where only the words tell:
  "Baca juga: ...", the dateline, the editor's initials.
"""

from __future__ import annotations

__all__ = ["REASONS"]

#: Every reason, with what it means. Add a reason here before using it anywhere.
REASONS: dict[str, str] = {
    # Text-level (language data and ``clean``).
    "related-link": "a link to another story, or a list of them",
    "ai-notice": "an aggregator's notice that its summaries are made by AI",
    "box-heading": "the heading of a takeaways box pasted with the article",
    "site-prompt": "a prompt to follow, share, subscribe or install the site's app",
    "advertisement": "an advertisement or its label",
    "site-footer": "the site's footer or syndication note",
    "byline": "the author, editor or source line, or the editor's initials",
    "title": "the headline repeated at the top of the body",
    "markup": "markdown emphasis around words",
    "qa-label": "the 'A:' that labels an answer in a question-and-answer story",
    "dateline": "the place (and outlet) opening the body",
    "teaser": "a headline, rubric, caption or teaser a page put above the body's dateline",
    "correction": "the publisher's correction or editor's note about the article itself",
    "disclosure": "the publisher's disclosure of how a review was made or of an interest",
    # DOM-level (``ingest/main_content``); on the text too: a short line with a credit.
    "caption": "an image or video caption, or a photo credit",
    "widget": "a block of the page inside the article: a list under its own heading "
    "('Headline', 'Terpopuler', 'Most read'), an aside, a poll",
    "link-preview": "a hover card or link preview inside a paragraph",
    "author-bio": "a box about the author",
    "video": "a video or audio player, its playlist, or where else to watch or hear it",
    "navigation": "breadcrumbs, tags and page navigation",
    "table": "a table (data, not prose)",
    "comments": "readers' comments",
}
