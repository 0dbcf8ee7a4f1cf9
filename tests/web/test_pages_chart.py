"""The review dashboard's chart: reports per day, stacked by category."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from intisari.storage.repository import DayCount
from intisari.web.chart import CHART_DAYS, NARROW, build_chart

TODAY = date(2026, 3, 31)


def test_bars_stack_by_category_and_scale_to_a_round_top() -> None:
    stats = [
        DayCount(TODAY, "inaccurate", 2),
        DayCount(TODAY, "other", 3),
        DayCount(TODAY - timedelta(days=1), "offensive", 1),
    ]
    chart = build_chart(stats, TODAY)
    today = [bar for bar in chart.bars if bar.day == TODAY]
    assert [(b.category, b.count) for b in today] == [("inaccurate", 2), ("other", 3)]
    # Stacked: the second segment sits on the first, both in the same column.
    low, high = today
    assert high.y + high.height == pytest.approx(low.y)
    assert low.y + low.height == pytest.approx(chart.baseline)
    assert low.x == high.x
    # The axis top is 8 (a multiple of 4 gridlines >= 5); 5 reports fill 5/8 of it.
    assert [t.label for t in chart.y_ticks] == ["0", "2", "4", "6", "8"]
    plot = chart.baseline - chart.y_ticks[-1].position
    assert low.height + high.height == pytest.approx(plot * 5 / 8)
    assert dict(chart.totals) == {
        "inaccurate": 2,
        "misleading": 0,
        "missing-context": 0,
        "offensive": 1,
        "other": 3,
    }
    assert chart.total == 6


def test_days_outside_the_period_are_left_out_and_columns_ordered() -> None:
    old = TODAY - timedelta(days=CHART_DAYS)
    chart = build_chart(
        [DayCount(old, "other", 50), DayCount(TODAY - timedelta(days=CHART_DAYS - 1), "other", 1)],
        TODAY,
    )
    assert [b.day for b in chart.bars] == [TODAY - timedelta(days=CHART_DAYS - 1)]
    assert chart.total == 1
    assert chart.first_day == TODAY - timedelta(days=CHART_DAYS - 1)
    # The last date label sits under today's column, inside the drawing.
    assert chart.x_ticks[-1].label == TODAY.strftime("%d %b")
    assert chart.x_ticks[-1].position < chart.width


def test_an_empty_chart_still_has_an_axis() -> None:
    chart = build_chart([], TODAY)
    assert chart.bars == ()
    assert [t.label for t in chart.y_ticks] == ["0", "1", "2", "3", "4"]


@pytest.mark.parametrize(("peak", "top"), [(4, 4), (5, 8), (17, 20), (41, 80), (1234, 2000)])
def test_axis_top_is_a_round_number(peak: int, top: int) -> None:
    chart = build_chart([DayCount(TODAY, "other", peak)], TODAY)
    assert chart.y_ticks[-1].label == str(top)


def test_the_phone_chart_has_few_dates_far_apart() -> None:
    """The phone's drawing is made at its size: three dates ~100 units apart (a label is
    ~30 units wide at 11 units a letter: "13 Mar"), all inside the drawing."""
    chart = build_chart([DayCount(TODAY, "other", 1)], TODAY, layout=NARROW)
    assert chart.width == NARROW.width
    positions = [t.position for t in chart.x_ticks]
    assert len(positions) == 3
    assert min(b - a for a, b in pairwise(positions)) > 90
    assert positions[-1] + 20 < chart.width
    assert [t.label for t in chart.x_ticks] == ["11 Mar", "21 Mar", "31 Mar"]
