"""What a reader's report can say and where it stands in review: the one home of the
categories and statuses (codes, order, the reviewers' labels) and of the room a comment or
note gets.

The database checks against these, the API's schema is typed by them, the dashboard
labels them, and each reader's language labels the categories in ``web/locale``.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "CATEGORIES",
    "MAX_COMMENT_CHARS",
    "MAX_NOTE_CHARS",
    "STATUSES",
    "STATUS_LABELS",
    "Category",
    "Status",
]

#: What a reader can say is wrong with a bullet (issue 4), in the order forms list them.
Category = Literal["inaccurate", "misleading", "missing-context", "offensive", "other"]
#: Where a report stands in review.
Status = Literal["open", "confirmed", "dismissed"]

CATEGORIES: tuple[str, ...] = get_args(Category)
STATUSES: tuple[str, ...] = get_args(Status)

#: The dashboard's words for the statuses (reviewers read English).
STATUS_LABELS: dict[str, str] = {
    "open": "Open",
    "confirmed": "Confirmed",
    "dismissed": "Dismissed",
}

#: Readers' comments: issue 4 says 2,000 characters.
MAX_COMMENT_CHARS = 2000
#: Reviewers' notes get the same room.
MAX_NOTE_CHARS = 2000
