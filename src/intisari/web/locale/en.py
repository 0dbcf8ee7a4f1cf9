"""What the reader's side of the pages says in English: for articles in every language
without a wording of its own.

The box's heading, notice and report label come from the language data
(``language/data``); these are the page's own words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from intisari.report_kinds import CATEGORIES, MAX_COMMENT_CHARS

__all__ = ["CATEGORY_LABELS", "TEXT"]


def moment(at: datetime) -> str:
    """``Dec 3, 2026 10:00 UTC``: the date and time of a correction (UTC: English readers
    are anywhere)."""
    utc = at.astimezone(UTC)
    return f"{utc:%b} {utc.day}, {utc.year} {utc:%H:%M} UTC"

#: The reader's words for each report category (``report_kinds.CATEGORIES``).
CATEGORY_LABELS: dict[str, str] = {
    "inaccurate": "Inaccurate",
    "misleading": "Misleading",
    "missing-context": "Missing context",
    "offensive": "Offensive",
    "other": "Other",
}

TEXT: dict[str, Any] = {
    "skip": "Skip to content",
    "untitled": "Untitled article",
    "hidden": "The takeaways of this article are being reviewed by an editor and are not "
    "shown for now. You can still read the full article below.",
    "source_hint": "Select a point to highlight the sentence it comes from in the article.",
    "point": "point",
    # The embed marks the source on the publisher's page, where no focus can go: it says
    # where the sentence is instead (embed.js showSource).
    "embed_source_hint": "Select a point to mark the sentence it comes from in the article; "
    "where it is will be read out.",
    "source_marked": "Marked in the article",
    "paragraph": "paragraph",
    "source_missing": "The sentence of this point is not on this page.",
    "report_title": "Report an error",
    "category_label": "What is wrong?",
    "choose": "Choose…",
    "categories": tuple((code, CATEGORY_LABELS[code]) for code in CATEGORIES),
    "comment_label": "Comment (optional)",
    "comment_help": f"At most {MAX_COMMENT_CHARS:,} characters.",
    "send": "Send report",
    "close": "Close",
    "thanks": "Thank you! We have received your report; an editor will review it.",
    "error_category": "Choose what is wrong.",
    "error_comment": f"The comment can have at most {MAX_COMMENT_CHARS:,} characters.",
    "error_point": "This point is not in the summary.",
    "error_csrf": "This form has expired. Reload the page and try again.",
    "error_rate": "Too many reports in a short time. Please try again later.",
    "not_found": "Summary not found",
    "not_found_message": "There is no summary at this address.",
    "home": "Back to the start page",
    "back_to_article": "Back to the article",
    "error_generic": "The report could not be sent. Please try again later.",
    "report_point": "Report an error in point",
    "show_more": "Show more",
    "show_less": "Show less",
    "helpful_question": "Helpful?",
    "helpful_yes": "Yes",
    "helpful_no": "No",
    "helpful_thanks": "Thank you for your feedback.",
    "source_label": "Source",
    "published_label": "Published",
    "byline_label": "By",
    "original_link": "Read the original",
    "error_votes": "Too many answers in a short time. Please try again later.",
    "language_name": "English",
    "language_nav": "Language",
    "months": ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"),
    "footer_api": "API",
    "footer_review": "Review",
    "pending": "The takeaways of this article are waiting for an editor's check and are "
    "not shown yet. You can still read the full article below.",
    "updated": "Updated",
    "edited": "the takeaways were edited by an editor.",
    "moment": moment,
    # The start page.
    "start_title": "Intisari: Key Takeaways for a news article",
    "start_heading": "Key Takeaways for a news article",
    "start_lede": "Paste an article or give its address. Intisari picks 1–5 points made "
    "only of the article's own sentences, and shows where each one comes from.",
    "url_label": "Article address (URL)",
    "or": "or",
    "text_label": "Article text",
    "text_help": "A short first line is taken as the headline.",
    "headline_label": "Headline",
    "optional": "(optional)",
    "form_languages": (("", "Detect"), ("id", "Indonesian"), ("en", "English")),
    "submit": "Summarize",
    "start_expired": "This form has expired. Please send it again.",
    "error_url": "The address must start with http:// or https://.",
    "error_text_long": "The text is too long.",
    "error_title_long": "The title is too long.",
    "error_language": "Unknown language.",
    "error_one_source": "Paste the article's text or give its address (one of them, not both).",
    # The service's refusals by code: none, as the service's own message is English and
    # names the detail ("this is not an article: the page declares its kind as 'product'").
    "refusals": {},
}
