"""What a visitor sees: target sizes, reflow at 320 px and at 400 % zoom, reduced motion,
the page as a browser without @supports (IE11) renders it, and screenshots for a person."""

from __future__ import annotations

import re

import pytest

from smartspec_site.config import CHECKOUT

from ..known_gaps import allowed, known_gap
from .helpers import LOCALES, every_path, expanding_paths, open_every_panel, wait_for_htmx

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

HORIZONTAL_OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.body.querySelectorAll("*")]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map(el => el.tagName + "." + el.className);
  return root.scrollWidth > root.clientWidth ? wide.slice(0, 5).concat(["(scrolls)"]) : wide;
}"""

# 320 CSS px wide (WCAG 1.4.10) and 1280 × 1024 at 400 % zoom, which is 320 × 256 CSS px.
NARROW = [{"width": 320, "height": 640}, {"width": 320, "height": 256}]


@pytest.mark.parametrize("locale", LOCALES)
def test_targets_are_at_least_24_px(page, live_server, locale):
    """At 1280 px, where links wrap least and so are smallest."""
    page.set_viewport_size({"width": 1280, "height": 800})
    small = {}
    for path in every_path(locale):
        page.goto(live_server.url + path)
        if found := page.evaluate(SMALL_TARGETS):
            small[path] = found
    page.goto(live_server.url + expanding_paths(locale)[0])
    open_every_panel(page)
    if found := page.evaluate(SMALL_TARGETS):
        small["start page, every panel open"] = found
    assert not small, small


@pytest.mark.parametrize("locale", LOCALES)
def test_no_horizontal_scrolling_at_320_px_and_400_percent_zoom(browser, live_server, locale):
    """Each page is loaded once and measured at every NARROW size (a resize lays it out
    again, as turning a phone or zooming does)."""
    context = browser.new_context(viewport=NARROW[0])
    page = context.new_page()
    wide = {}

    def measure(where: str) -> None:
        for viewport in NARROW:
            page.set_viewport_size(viewport)
            if found := page.evaluate(HORIZONTAL_OVERFLOW):
                wide[f"{where} at {viewport['width']}x{viewport['height']}"] = found

    for path in every_path(locale):
        page.goto(live_server.url + path)
        measure(path)
    page.goto(live_server.url + expanding_paths(locale)[0])
    open_every_panel(page)  # the panels are the same on the areas page
    measure("start page, every panel open")
    context.close()
    assert not wide, wide


@pytest.mark.parametrize("locale", LOCALES)
def test_reduced_motion_stops_the_chevron_transition(browser, live_server, locale):
    durations = {}
    for motion in ("no-preference", "reduce"):
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        page.goto(f"{live_server.url}/{locale}/")
        wait_for_htmx(page)  # the chevron comes with the disclosure semantics
        durations[motion] = page.evaluate(
            """() => getComputedStyle(document.querySelector(".expander"), "::before")
                .transitionDuration"""
        )
        context.close()
    assert durations == {"no-preference": "0.15s", "reduce": "0s"}


def without_supports_rules(css: str) -> str:
    """The stylesheet as a browser without @supports and :focus-visible (IE11) applies it."""
    out, i = [], 0
    while (start := css.find("@supports", i)) >= 0:
        out.append(css[i:start])
        depth, j = 0, css.index("{", start)
        while True:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
            if depth == 0:
                break
        i = j
    out.append(css[i:])
    return re.sub(r"[^{}]*:focus-visible[^{}]*\{[^}]*\}", "", "".join(out))


@pytest.mark.parametrize("locale", LOCALES)
def test_legacy_rendering_is_plain_readable_flow(browser, live_server, locale):
    css = (CHECKOUT / "static/css/site.css").read_text(encoding="utf-8")
    legacy_css = without_supports_rules(css)
    assert "@supports" not in legacy_css and "display: flex" not in legacy_css
    for viewport in ({"width": 1280, "height": 800}, NARROW[0]):
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        context.route(
            re.compile(r"/static/css/site(\.[0-9a-f]{12})?\.css$"),  # plain or hashed name
            lambda route: route.fulfill(body=legacy_css, content_type="text/css"),
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/{locale}/")
        assert page.locator(".browser-banner").is_visible(), "no @supports: the banner shows"
        assert not page.evaluate(HORIZONTAL_OVERFLOW)
        for selector in (".site-header__brand", ".language-switcher__link", ".site-nav__link"):
            for box in [el.bounding_box() for el in page.locator(selector).all()]:
                assert box and box["width"] > 0 and box["x"] >= 0, selector
        assert page.locator("main h1").is_visible()
        context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_start_page_screenshots(browser, live_server, artifacts, locale):
    for width in (320, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server.url}/{locale}/")
        path = artifacts / f"start-{locale}-{width}.png"
        page.screenshot(path=path, full_page=True)
        context.close()
        assert path.stat().st_size > 10_000
