"""The pages' wording (``web/locale``): every locale says everything, and the start page
picks the reader's language."""

from __future__ import annotations

import pytest

from intisari.web.locale import READER_TEXT, UI_LANGUAGE, locale_of, page_language, ui_language


def test_every_locale_has_every_wording() -> None:
    keys = {code: set(text) for code, text in READER_TEXT.items()}
    assert all(wording == keys[UI_LANGUAGE] for wording in keys.values())


@pytest.mark.parametrize(
    ("accept_language", "locale"),
    [
        (None, "en"),
        ("", "en"),
        ("id", "id"),
        ("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", "id"),  # Chrome in Indonesia
        ("ms-MY", "id"),  # Malay readers read the Indonesian wording
        ("en-US,en;q=0.9,id;q=0.8", "en"),
        ("en;q=0.5, id;q=0.9", "id"),  # by weight, not by order
        ("fr-FR, id;q=0.1", "id"),  # the first language we have a wording for
        ("fr-FR, de", "en"),
        ("id;q=0", "en"),  # "not Indonesian"
        ("id;q=high", "en"),  # a malformed weight refuses the language
        ("*", "en"),
    ],
)
def test_the_start_page_speaks_the_browser_s_language(
    accept_language: str | None, locale: str
) -> None:
    assert ui_language(accept_language) == locale


def test_the_language_switch_wins_over_the_browser() -> None:
    assert ui_language("id-ID,id", asked="en") == "en"
    assert ui_language("id-ID,id", asked="xx") == "id"  # no wording: the browser's


@pytest.mark.parametrize(
    ("tag", "locale"),
    [("en", "en"), ("en-US", "en"), ("EN-gb", "en"), ("id-ID", "id"), ("ms-MY", "id"),
     (" id ", "id"), ("zh-Hant-TW", None), ("", None), (None, None)],
)
def test_a_language_tag_asks_for_its_primary_language(tag: str | None, locale: str | None) -> None:
    assert locale_of(tag) == locale


def test_an_article_page_asked_for_a_tag_with_a_region_speaks_its_language() -> None:
    assert page_language("id", "en-US") == "en"
    assert page_language("id", "fr-FR") == "id"
    assert page_language("de") == UI_LANGUAGE
