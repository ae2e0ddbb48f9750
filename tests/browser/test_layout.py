"""What a visitor sees: reduced motion, the page as a browser without @supports (IE11)
renders it, and screenshots for a person. Target sizes and reflow on every page are in
test_every_page.py."""

from __future__ import annotations

import re

import pytest

from smartspec_site.config import CHECKOUT

from .helpers import HORIZONTAL_OVERFLOW, LOCALES, NARROW, wait_for_htmx


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
