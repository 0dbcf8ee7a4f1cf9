"""What every test run shares: CI that cannot pass by skipping, the rate limiters' clock,
and the count of examples that reach a property's assertion.

In CI (``CI`` set, ``externals.in_ci``) a run whose tests need PostgreSQL, Redis,
chromium or ``../shared`` stops before the first test when one is missing, with one
message naming it, and every skip is a failure: a green CI means the tests ran. Locally,
skips stay allowed and the run ends with one line per reason.

Paths to the real data in ../shared and ``need`` are in ``tests/data_paths.py``; how each
outside need is found and checked in ``tests/externals.py``; the web service's apps and
accounts in ``tests/app_fixtures.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Generator

import pytest
from _pytest.reports import BaseReport, CollectReport, TestReport
from _pytest.terminal import TerminalReporter

from externals import in_ci, missing
from property_inputs import Reach
from rate_clock import RateClock

#: The user property a property test records its ``Reach`` under.
REACH_PROPERTY = "assertion_reach"


# CI cannot pass by skipping ----------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In CI, check the collected tests' outside needs before any test runs."""
    if not in_ci() or config.option.collectonly:
        return
    problems = missing(mark.name for item in items for mark in item.iter_markers())
    if problems:
        pytest.exit(
            "CI must run every test, and these tests' needs are missing:\n  "
            + "\n  ".join(problems)
            + "\n(.ci/run starts PostgreSQL and Redis and installs chromium; ../shared must "
            "lie beside the checkout. Locally, without CI set, such tests skip.)",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


def _skip_reason(report: BaseReport) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


def _fail_skip_in_ci(report: BaseReport) -> None:
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {_skip_reason(report)}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[
    None, TestReport, TestReport
]:
    report = yield
    _fail_skip_in_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[
    None, CollectReport, CollectReport
]:
    report = yield
    _fail_skip_in_ci(report)  # A whole module skipped at import.
    return report


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    """One line per skip reason (allowed locally, a failure in CI), and the share of
    examples that reached each property test's assertion."""
    skipped = terminalreporter.stats.get("skipped", [])
    reasons = Counter(_skip_reason(report).splitlines()[0] for report in skipped)
    if reasons:
        terminalreporter.section("skipped (locally allowed; CI fails on these)", sep="-")
        for reason, count in reasons.most_common():
            terminalreporter.write_line(f"{count:4} skipped: {reason}")
    reached = [
        (report.nodeid, value)
        for report in terminalreporter.stats.get("passed", [])
        + terminalreporter.stats.get("failed", [])
        for name, value in getattr(report, "user_properties", [])
        if name == REACH_PROPERTY and report.when == "call"
    ]
    if reached:
        terminalreporter.section("examples that reached the assertion", sep="-")
        for nodeid, value in reached:
            terminalreporter.write_line(f"{value}  ({nodeid})")


@pytest.fixture
def assertion_reach(record_property: Callable[[str, object], None]) -> Callable[[str], Reach]:
    """``assertion_reach(name)`` counts a property's examples and those that reach its
    assertion; ``Reach.check`` records the counts for the run's summary."""
    return lambda name: Reach(name, lambda counts: record_property(REACH_PROPERTY, counts))


# The rate limiters' clock -------------------------------------------------------------


@pytest.fixture(autouse=True)
def rate_clock(monkeypatch: pytest.MonkeyPatch) -> RateClock:
    """Rate limits count in fixed windows (a minute, an hour): a test that makes eleven
    requests could straddle a window's end and see its limit reset half-way, so every
    test starts at the beginning of a window. A test that must cross one calls
    ``rate_clock.advance(seconds)``. The clock is set in whatever module holds the
    limiters, so a move of them to a module of their own keeps it."""
    from intisari.web.security import MemoryRateLimiter, RedisRateLimiter

    clock = RateClock()
    for module in {MemoryRateLimiter.__module__, RedisRateLimiter.__module__}:
        monkeypatch.setattr(sys.modules[module], "time", clock)
    return clock
