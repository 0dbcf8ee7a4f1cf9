"""The trigger test that spares text a pattern's search (``may_match``, ``by_mark``)."""

from __future__ import annotations

import pytest

from intisari.language.data import LANGUAGES
from intisari.language.model import by_mark, may_match

EN_CREDITS = by_mark(LANGUAGES["en"].credit_triggers)
ID_CREDITS = by_mark(LANGUAGES["id"].credit_triggers)


def test_triggers_holding_the_mark_are_kept_apart_and_one_holding_another_goes() -> None:
    plain, marked = EN_CREDITS
    assert "reuters/" in marked and ".com/" in marked
    assert "photo" in plain and not any("/" in trigger for trigger in plain)
    # "istockphoto" holds "photo": a line holding it is found by "photo".
    assert "istockphoto" in LANGUAGES["en"].credit_triggers
    assert "istockphoto" not in plain + marked


@pytest.mark.parametrize(
    ("text", "credits", "expected"),
    [
        # A credit whose only trigger holds the slash (kompas.com's photographer).
        ("Suasana di Stasiun Manggarai (KOMPAS.com/KRISTIANTO PURNOMO)", ID_CREDITS, True),
        ("Traders work on the floor of the exchange. REUTERS/Lucas Jackson", EN_CREDITS, True),
        ("Photo courtesy of iStockphoto", EN_CREDITS, True),
        # A slash, but no credit's trigger: "dan/atau" (and/or).
        ("Pelaku dapat dipidana penjara dan/atau denda paling banyak Rp 1 miliar.", ID_CREDITS,
         False),
        ("The mayor said the plan would cost $2 million over five years.", EN_CREDITS, False),
        # A dotless i may stand for an "i" of a trigger once the pattern folds case.
        ("The ıstanbul office said nothing.", EN_CREDITS, True),
    ],
)
def test_may_match_finds_a_trigger_with_or_without_the_mark(
    text: str, credits: tuple[tuple[str, ...], tuple[str, ...]], expected: bool
) -> None:
    assert may_match(text, *credits) is expected


def test_no_triggers_may_match_anything() -> None:
    assert may_match("Harga cabai naik lagi.", ())
