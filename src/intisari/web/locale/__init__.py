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
    language switch, ``?hl=en``) if there is a wording for it, else the article's own."""
    if asked in READER_TEXT:
        return asked
    locale = READER_LOCALES.get(article_language, article_language)
    return locale if locale in READER_TEXT else UI_LANGUAGE


def other_languages(locale: str) -> list[tuple[str, str]]:
    """The page's language switch: each other locale's code and name in its own words."""
    return [(code, text["language_name"]) for code, text in READER_TEXT.items() if code != locale]


def ui_language(accept_language: str | None, asked: str | None = None) -> str:
    """The locale of the start page: the one the reader ``asked`` for (``?hl=id``) if
    there is a wording for it, else the browser's most preferred language that has one
    (``Accept-Language: id-ID,id;q=0.9,en;q=0.8``; Malay readers get Indonesian), else
    ``UI_LANGUAGE``. A malformed weight counts as 0, which refuses that language."""
    if asked in READER_TEXT:
        return asked
    preferred: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, parameters = item.partition(";")
        language = tag.strip().split("-", 1)[0].lower()
        language = READER_LOCALES.get(language, language)
        weight = 1.0
        name, _, value = parameters.partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                weight = 0.0
        if language in READER_TEXT and weight > 0:
            preferred.append((-weight, position, language))
    return min(preferred)[2] if preferred else UI_LANGUAGE
