"""The review dashboard's chart: reports per day, stacked by category, as plain SVG data.

Drawn on the server, so the dashboard needs no chart library, no CDN and no script (the
Content-Security-Policy allows none of them). This module only does the geometry; the
template writes the ``<rect>`` and ``<text>`` elements, and the stylesheet colours them by
category class (presentation attributes, not inline styles, so the CSP holds).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from intisari.report_kinds import CATEGORIES
from intisari.service.review import DayCount

__all__ = ["CHART_DAYS", "NARROW", "WIDE", "Bar", "Chart", "Layout", "Tick", "build_chart"]

#: Days the chart covers: a month shows a trend and still leaves each bar ~20 px wide.
CHART_DAYS = 30
#: Gap between two days' bars, as a share of a day's width.
BAR_GAP = 0.2
#: The y axis gets about this many gridlines, at round numbers.
Y_TICKS = 4


@dataclass(frozen=True)
class Layout:
    """A drawing area in SVG user units; the SVG scales to its column (viewBox), so the
    11-unit labels are drawn at 11 px only where the column is ``width`` px wide."""

    width: int
    height: int
    #: Room for the y-axis labels on the left, the dates below, and half a date on the
    #: right (the last date is centred under today's bar).
    left: int
    right: int
    bottom: int
    top: int
    #: A date label every this many days, counted back from today.
    label_every: int


#: The dashboard's ~900 px column: wide and low; a date every 7 days keeps weekdays aligned.
WIDE = Layout(960, 200, 36, 20, 24, 8, 7)
#: A 390 px phone, whose card leaves ~330 px: drawn at that size, so the labels stay
#: ~10 px instead of shrinking to 4 px, with dates 10 days apart (three, ~100 px apart:
#: "3 Dec" is ~30 px wide, so they never touch).
NARROW = Layout(340, 180, 30, 16, 22, 8, 10)


@dataclass(frozen=True)
class Bar:
    """One category's part of one day's column."""

    x: float
    y: float
    width: float
    height: float
    category: str
    day: date
    count: int


@dataclass(frozen=True)
class Tick:
    """A gridline or date label: where it goes and what it says."""

    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    #: Where the plot ends on the right (gridlines stop there).
    right: int
    baseline: float
    bars: tuple[Bar, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    #: Reports per category over the whole period, in ``CATEGORIES`` order: the legend.
    totals: tuple[tuple[str, int], ...]
    first_day: date
    last_day: date

    @property
    def total(self) -> int:
        return sum(count for _, count in self.totals)


def build_chart(
    stats: Iterable[DayCount], today: date, days: int = CHART_DAYS, layout: Layout = WIDE
) -> Chart:
    """The chart of the ``days`` days ending ``today`` (older counts are left out)."""
    first = today - timedelta(days=days - 1)
    counts = Counter({(s.day, s.category): s.count for s in stats if first <= s.day <= today})
    per_day = Counter[date]()
    for (day, _), count in counts.items():
        per_day[day] += count
    top = _round_up(max(per_day.values(), default=0))
    plot_height = layout.height - layout.bottom - layout.top
    baseline = float(layout.height - layout.bottom)
    slot = (layout.width - layout.left - layout.right) / days
    scale = plot_height / top

    bars = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        y = baseline
        for category in CATEGORIES:
            count = counts[(day, category)]
            if not count:
                continue
            height = count * scale
            y -= height
            x = layout.left + offset * slot + slot * BAR_GAP / 2
            bars.append(Bar(x, y, slot * (1 - BAR_GAP), height, category, day, count))

    step = top / Y_TICKS
    y_ticks = tuple(
        Tick(baseline - i * step * scale, _number(i * step)) for i in range(Y_TICKS + 1)
    )
    x_ticks = tuple(
        Tick(layout.left + (offset + 0.5) * slot, _day(first + timedelta(days=offset)))
        for offset in range(days - 1, -1, -layout.label_every)
    )
    totals = Counter[str]()
    for (_, category), count in counts.items():
        totals[category] += count
    return Chart(
        width=layout.width,
        height=layout.height,
        left=layout.left,
        right=layout.width - layout.right,
        baseline=baseline,
        bars=tuple(bars),
        y_ticks=y_ticks,
        x_ticks=tuple(reversed(x_ticks)),
        totals=tuple((category, totals[category]) for category in CATEGORIES),
        first_day=first,
        last_day=today,
    )


def _round_up(value: int) -> int:
    """The axis top: the smallest ``Y_TICKS`` x (1, 2 or 5 x 10^k) that is >= ``value``."""
    if value <= Y_TICKS:
        return Y_TICKS
    magnitude = 10 ** math.floor(math.log10(value / Y_TICKS))
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude * Y_TICKS >= value)
    return step * Y_TICKS


def _day(day: date) -> str:
    """``3 Dec``: the day without a leading zero, the month abbreviated (short on a phone)."""
    return f"{day.day} {day:%b}"


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"
