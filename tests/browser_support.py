"""What the embed's and the reader page's browser tests share: chromium's flags, the two
screen sizes, where screenshots go, a browser for a module, a page that fails its test on
any Content-Security-Policy violation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from externals import chromium

__all__ = [
    "ARTIFACTS",
    "DESKTOP",
    "PHONE",
    "contrast",
    "exposed_node",
    "exposed_roles",
    "launch",
    "page_without_csp_violations",
    "shot",
    "side_borders",
]

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
#: Flags for a headless chromium in a container that must not phone home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1100, "height": 900}
#: The phone of issue 16's screenshots: 390 px wide (an iPhone 12 to 15).
PHONE = {"width": 390, "height": 844}


@contextmanager
def launch() -> Iterator[Browser]:
    """Debian's chromium through Playwright, or a skip where it is not installed."""
    executable = chromium()
    if executable is None:  # In CI the run stops before this (tests/conftest.py).
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def page_without_csp_violations(
    browser: Browser, base_url: str, **options: object
) -> Iterator[Page]:
    """A page in a fresh context (no cookies); the test fails on any CSP violation."""
    context = browser.new_context(base_url=base_url, **options)  # type: ignore[arg-type]
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not violations, violations


def shot(page: Page, name: str) -> None:
    """A full-page screenshot, ``test-artifacts/<name>.png``."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _luminance(css_colour: str) -> float:
    """WCAG's relative luminance of a computed ``rgb(r, g, b)`` or ``rgba(...)`` colour."""
    channels = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])
    red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                        for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """WCAG's contrast ratio of two computed colours (1 to 21)."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def exposed_roles(page: Page) -> list[str]:
    """The roles of the nodes in chromium's accessibility tree that a screen reader is
    given (not ignored: hidden, inert behind a modal dialog), read over CDP."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return [node["role"]["value"] for node in nodes if not node.get("ignored") and "role" in node]


def exposed_node(page: Page, role: str, name: str) -> dict[str, object]:
    """The role and states chromium gives a screen reader for the node of that role and
    name (``invalid``, ``expanded``, ``hasPopup``...), read over CDP; shadow roots too. The
    name's spaces are collapsed, as a screen reader reads them."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    for node in nodes:
        if (
            not node.get("ignored")
            and node.get("role", {}).get("value") == role
            and " ".join(node.get("name", {}).get("value", "").split()) == name
        ):
            properties = node.get("properties", [])
            states = {state["name"]: state["value"].get("value") for state in properties}
            return {"role": role, **states}
    raise AssertionError(f"no {role} named {name!r} is exposed")


#: Each element's inline-start border: its colour and width (computed, with the forced
#: colours' system colours resolved).
SIDE_BORDERS = """elements => elements.map(e => {
  const style = getComputedStyle(e);
  return [style.borderInlineStartColor, parseFloat(style.borderInlineStartWidth)];
})"""


def side_borders(elements: Locator) -> list[tuple[str, float]]:
    """The inline-start border (colour, width) of each element ``elements`` matches."""
    return [(colour, width) for colour, width in elements.evaluate_all(SIDE_BORDERS)]
