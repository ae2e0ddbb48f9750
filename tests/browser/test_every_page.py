"""Every page in both languages in Chromium: axe-core (WCAG 2.0–2.2 A and AA, and best
practices), targets of at least 24 px, and no horizontal scrolling at 320 px and at 400 %
zoom; then every page with expanders with every panel open, by the same checks and its
heading outline.

Each page is loaded once and every check looks at it (a resize lays a page out again, as
turning a phone or zooming does); each check is still its own test, with its own report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page

from ..known_gaps import allowed, known_gap
from .conftest import _context
from .helpers import (
    HORIZONTAL_OVERFLOW,
    LOCALES,
    NARROW,
    axe_source,
    axe_violations,
    every_path,
    open_every_panel,
    pages_with_expanders,
)

# Links, buttons and form fields that do not stand inside a sentence (the only content of
# their block), and their size. Targets inside running text are exempt from WCAG 2.5.8; the
# statement lists them all the same (INLINE_LINKS).
INLINE_LINKS = allowed(known_gap("small-inline-links"))
SMALL_TARGETS = """() => {
  const small = [];
  const targets = "a[href], button, input:not([type=hidden]), select, textarea";
  for (const el of document.querySelectorAll(targets)) {
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;  // not rendered (hidden banner, skip link)
    let block = el.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const named = el.tagName === "A" || el.tagName === "BUTTON";
    if (named && block.textContent.trim() !== el.textContent.trim()) continue;
    if (box.width < 24 || box.height < 24)
      small.push(`${el.textContent.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`);
  }
  return small;
}"""

HEADING_LEVELS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter(h => h.getClientRects().length)
  .map(h => Number(h.tagName[1]))"""

WIDE = {"width": 1280, "height": 800}  # where links wrap least, so targets are smallest
ALL_OPEN = " (every panel open)"


@dataclass(frozen=True)
class Seen:
    """What the checks found on one page, as it was loaded or with every panel open."""

    axe: list[str]  # axe-core's violations, at 1280 px
    small: list[str]  # targets under 24 px, at 1280 px
    wide: dict[str, list[str]]  # at each narrow size, what reaches past the right edge
    levels: list[int]  # the levels of the headings shown, in order


def look(page: Page) -> Seen:
    axe, small = axe_violations(page), page.evaluate(SMALL_TARGETS)
    levels = page.evaluate(HEADING_LEVELS)
    wide = {}
    for viewport in NARROW:
        page.set_viewport_size(viewport)
        if found := page.evaluate(HORIZONTAL_OVERFLOW):
            wide[f"{viewport['width']}x{viewport['height']}"] = found
    page.set_viewport_size(WIDE)
    return Seen(axe, small, wide, levels)


def survey_of(browser: Browser, url: str, locale: str) -> dict[str, Seen]:
    """Every page of the locale, then every page with expanders with every panel open."""
    context = _context(browser, viewport=WIDE)
    context.add_init_script(axe_source())
    page = context.new_page()
    seen = {}
    try:
        for path in every_path(locale):
            page.goto(url + path)
            seen[path] = look(page)
        for path, expanders in pages_with_expanders(locale):
            page.goto(url + path)
            assert open_every_panel(page) == expanders, path
            seen[path + ALL_OPEN] = look(page)
    finally:
        context.close()
    return seen


@pytest.fixture(scope="module")
def survey(browser, live_server) -> Callable[[str], dict[str, Seen]]:
    """The pages of a locale, looked at once for every test of this module."""
    done: dict[str, dict[str, Seen]] = {}

    def of(locale: str) -> dict[str, Seen]:
        if locale not in done:
            done[locale] = survey_of(browser, live_server.url, locale)
        return done[locale]

    return of


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}:\n  " + "\n  ".join(items) for where, items in found.items())


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_on_any_page(survey, locale):
    seen = survey(locale)
    found = {where: s.axe for where, s in seen.items() if s.axe and not where.endswith(ALL_OPEN)}
    assert len(seen) > 2 * len(LOCALES) and not found, report(found)


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_with_every_panel_open(survey, locale):
    """Panels bring their own headings, which site.js turns into the heading elements of
    their place in the page's outline."""
    opened = {where: s for where, s in survey(locale).items() if where.endswith(ALL_OPEN)}
    assert len(opened) == len(pages_with_expanders(locale))
    assert not (found := {where: s.axe for where, s in opened.items() if s.axe}), report(found)
    for where, seen in opened.items():
        assert seen.levels.count(1) == 1, (where, seen.levels)
        jumps = [(a, b) for a, b in zip(seen.levels, seen.levels[1:], strict=False) if b > a + 1]
        assert not jumps, f"heading levels skip on {where}: {seen.levels}"


@pytest.mark.parametrize("locale", LOCALES)
def test_targets_are_at_least_24_px(survey, locale):
    small = {where: s.small for where, s in survey(locale).items() if s.small}
    assert not small, report(small)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_horizontal_scrolling_at_320_px_and_400_percent_zoom(survey, locale):
    wide = {
        f"{where} at {size}": found
        for where, seen in survey(locale).items()
        for size, found in seen.wide.items()
    }
    assert not wide, wide
