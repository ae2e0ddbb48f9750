"""axe-core (WCAG 2.0–2.2 A and AA plus best practices) on every page, in both locales, with
every panel closed and with every panel open, and with the browser banner shown."""

from __future__ import annotations

import pytest

from .helpers import (
    LOCALES,
    WITHOUT_CLAMP,
    axe_violations,
    every_path,
    open_every_panel,
    pages_with_expanders,
)


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}:\n  " + "\n  ".join(items) for where, items in found.items())


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_on_any_page(page, live_server, locale):
    found = {}
    for path in every_path(locale):
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            found[path] = violations
    assert not found, report(found)


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_with_every_panel_open(page, live_server, locale):
    """Panels bring their own headings, which site.js turns into the heading elements of
    their place in the page's outline."""
    found = {}
    for path, expanders in pages_with_expanders(locale):
        page.goto(live_server.url + path)
        assert open_every_panel(page) == expanders
        if violations := axe_violations(page):
            found[path + " (every panel open)"] = violations
        levels = page.evaluate(
            """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
                .filter(h => h.getClientRects().length)
                .map(h => Number(h.tagName[1]))"""
        )
        assert levels.count(1) == 1, (path, levels)
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not jumps, f"heading levels skip on {path}: {levels}"
    assert not found, report(found)


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_with_the_banner_shown(context, live_server, locale):
    context.add_init_script(WITHOUT_CLAMP)
    page = context.new_page()
    page.goto(f"{live_server.url}/{locale}/")
    assert page.locator(".browser-banner").is_visible()
    assert not (violations := axe_violations(page)), report({"banner shown": violations})
