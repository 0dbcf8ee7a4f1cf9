"""The server-rendered pages: summarize, read with the takeaways box, report, review.

- ``/``: paste a text or a URL; the form posts here and redirects to the article page.
- ``/a/{summary_id}``: the title, the takeaways box (heading, bullets, the AI notice in
  the article's language, a report control per bullet), then the article text with each
  bullet's source marked. ``/a/{summary_id}/report`` takes the report form's post.
- ``/review``: the reviewers' login, then the dashboard of readers' reports.
- ``/review/summaries/{id}``: an editor's page of one box (approve, change it, its audit);
  ``/review/audit``: every change, with its exports.

Everything essential works without JavaScript: plain forms, ``<details>`` for the report
forms, links to ``#src-{i}`` for the sources. ``static/app.js`` only enhances (a dialog,
highlighting every span of a bullet, sending a report without leaving the page). Every
form post carries the CSRF token of ``web/security.py``; the pages call the same service
functions (``service/``) as the JSON API, so rate limits, metrics and refusals are the
same (a report goes through ``service/reports.py`` either way): a report is a report
whichever way it arrives.
"""

from __future__ import annotations

from fastapi import APIRouter

from intisari.web.pages import article, editorial, review, start
from intisari.web.pages.rendering import STATIC_DIR, error_page
from intisari.web.pages.start import too_large_form

__all__ = ["STATIC_DIR", "error_page", "router", "too_large_form"]

#: Every page's route, one module per resource (``start``, ``article``, ``review``).
router = APIRouter(include_in_schema=False)
for _resource in (start, article, review, editorial):
    router.include_router(_resource.router)
