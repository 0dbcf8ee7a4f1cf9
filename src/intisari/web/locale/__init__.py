"""The pages' wording, one module per language of the reader (``id.py``, ``en.py``).

An article's page speaks the article's language where a wording exists, else the one
named in ``READER_LOCALES``, else English.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from intisari.web.locale import en
from intisari.web.locale import id as indonesian

__all__ = [
    "ENGLISH",
    "READER_LOCALES",
    "READER_TEXT",
    "UI_LANGUAGE",
    "correction_text",
    "locale_of",
    "other_languages",
    "page_language",
    "reader_text",
    "ui_language",
]

#: The wording of each locale, by language code.
READER_TEXT: dict[str, dict[str, Any]] = {"id": indonesian.TEXT, "en": en.TEXT}
#: Languages whose readers get another language's wording: Malay readers understand the
#: Indonesian far better than English (the box's heading and notice are Malay already).
READER_LOCALES = {"ms": "id"}
#: The language of the pages that are no article's (review, errors) and of a start page
#: whose reader asks for no language we have, and the fallback wording.
UI_LANGUAGE = "en"
ENGLISH = en.TEXT


def locale_of(tag: str | None) -> str | None:
    """The locale a language tag asks for, or ``None`` when there is no wording for it:
    its primary subtag in lower case, as ``READER_LOCALES`` reads it ("en-US", "EN" and
    "en" ask for English, "id-ID" and "ms-MY" for Indonesian). Pages and publishers tag
    their language with a region as often as not: an embed's ``lang="en-US"`` got the
    article's language's words, not English."""
    language = (tag or "").strip().split("-", 1)[0].lower()
    language = READER_LOCALES.get(language, language)
    return language if language in READER_TEXT else None


def reader_text(language: str) -> dict[str, Any]:
    """The reader's wording for an article in ``language``."""
    return READER_TEXT.get(READER_LOCALES.get(language, language), ENGLISH)


def correction_text(language: str, at: datetime, note: str | None) -> str:
    """The correction note under a changed box, in the reader's words: "Diperbarui 3
    Desember 2026 10.00 WIB: ...", "Updated Dec 3, 2026 10:00 UTC: ..." (the editor's note,
    or the locale's own words when they left none)."""
    text = reader_text(language)
    return f"{text['updated']} {text['moment'](at)}: {note or text['edited']}"


def page_language(article_language: str, asked: str | None = None) -> str:
    """The locale an article's page speaks: the one the reader ``asked`` for (the
    language switch, ``?hl=en``; ``locale_of``) if there is a wording for it, else the
    article's own."""
    return locale_of(asked) or locale_of(article_language) or UI_LANGUAGE


def other_languages(locale: str) -> list[tuple[str, str]]:
    """The page's language switch: each other locale's code and name in its own words."""
    return [(code, text["language_name"]) for code, text in READER_TEXT.items() if code != locale]


def ui_language(accept_language: str | None, asked: str | None = None) -> str:
    """The locale of the start page: the one the reader ``asked`` for (``?hl=id``) if
    there is a wording for it, else the browser's most preferred language that has one
    (``Accept-Language: id-ID,id;q=0.9,en;q=0.8``; Malay readers get Indonesian), else
    ``UI_LANGUAGE``. A malformed weight counts as 0, which refuses that language."""
    wanted = locale_of(asked)
    if wanted is not None:
        return wanted
    preferred: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, parameters = item.partition(";")
        language = locale_of(tag)
        weight = 1.0
        name, _, value = parameters.partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                weight = 0.0
        if language is not None and weight > 0:
            preferred.append((-weight, position, language))
    return min(preferred)[2] if preferred else UI_LANGUAGE
