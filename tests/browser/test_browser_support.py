"""The browser banner: never shown (not even for a frame) to a browser that can run the
site's scripts, shown to one that lacks what the head test checks, passing axe-core when
shown, and dismissible for a year across pages and reloads."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from .helpers import LOCALES, SITE, WITHOUT_CLAMP, axe_violations

BANNER_TEXT = {
    "sv": "Denna webbplats använder teknik som troligen inte stöds i din webbläsare",
    "en": "This website uses technology that your browser probably does not support",
}

# What support.js tests, each removed the way an older engine lacks it.
LEGACY_ENGINES = {
    "no Object.fromEntries": "delete Object.fromEntries;",
    "no Array.prototype.flat": "delete Array.prototype.flat;",
    "no CSS clamp()": WITHOUT_CLAMP,
    "no CSS.supports": "delete CSS.supports;",
}

# Records the banner's computed display in every animation frame until the page has loaded
# (a frame's callbacks run just before it is painted) and at DOMContentLoaded.
FRAME_RECORDER = """(() => {
  const seen = window.__bannerDisplay = [];
  const record = () => {
    const banner = document.querySelector("[data-browser-banner]");
    if (banner) seen.push(getComputedStyle(banner).display);
  };
  const frame = () => {
    record();
    if (document.readyState !== "complete") requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener("DOMContentLoaded", record);
})();"""

# Layout shifts that moved the page header: a banner shown and then hidden above it would.
# (Expanders gaining their chevron once htmx is there shift only themselves.)
HEADER_SHIFTS = """() => new Promise(resolve => {
  const moved = entry => entry.sources.some(source => {
    const node = source.node && (source.node.nodeType === 1 ? source.node : source.node.parentNode);
    return node && node.closest && node.closest(".site-header, .browser-banner");
  });
  new PerformanceObserver(list => resolve(list.getEntries().filter(moved).length))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(0), 300);
})"""


def banner_displays(page) -> list[str]:
    return page.evaluate("() => window.__bannerDisplay")


@pytest.mark.parametrize("locale", LOCALES)
def test_modern_browser_never_paints_the_banner(context, live_server, locale):
    context.add_init_script(FRAME_RECORDER)
    page = context.new_page()
    for path in (f"/{locale}/", f"/{locale}/{SITE['areas'].path(locale)}"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        # The page has been painted (with cached static files, load can come first).
        page.wait_for_function("() => performance.getEntriesByType('paint').length > 0")
        classes = page.evaluate("() => document.documentElement.className").split()
        assert "js" in classes and "supported" in classes and "unsupported" not in classes
        displays = banner_displays(page)
        assert displays and set(displays) == {"none"}, displays
        assert page.evaluate(HEADER_SHIFTS) == 0
        expect(page.locator(".browser-banner")).to_be_hidden()


@pytest.mark.parametrize("locale", LOCALES)
def test_banner_is_hidden_without_javascript_in_a_modern_browser(nojs_page, live_server, locale):
    nojs_page.goto(f"{live_server.url}/{locale}/")
    assert nojs_page.evaluate("() => document.documentElement.className") == "no-js"
    banner = nojs_page.locator(".browser-banner")
    assert banner.count() == 1  # in the markup, hidden by @supports (display: grid)
    expect(banner).to_be_hidden()


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("engine", LEGACY_ENGINES)
def test_banner_is_shown_to_an_older_engine(context, live_server, locale, engine):
    context.add_init_script(LEGACY_ENGINES[engine])
    page = context.new_page()
    page.goto(f"{live_server.url}/{locale}/")
    assert "unsupported" in page.evaluate("() => document.documentElement.className").split()
    # GOV.UK notification banner: a region named by its h2.
    heading = page.locator("#browser-banner-title")
    region = page.get_by_role("region", name=heading.inner_text())
    expect(region).to_be_visible()
    expect(region).to_contain_text(BANNER_TEXT[locale])
    expect(region.get_by_role("button")).to_be_visible()
    # It takes no focus: the page starts at the top and Tab reaches the skip link first.
    assert page.evaluate("() => document.activeElement === document.body")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_nothing_with_the_banner_shown(context, live_server, locale):
    context.add_init_script(WITHOUT_CLAMP)
    page = context.new_page()
    page.goto(f"{live_server.url}/{locale}/")
    assert page.locator(".browser-banner").is_visible()
    assert not (violations := axe_violations(page)), violations


@pytest.mark.parametrize("locale", LOCALES)
def test_dismissal_is_remembered_for_a_year_across_pages(context, live_server, locale):
    context.add_init_script(WITHOUT_CLAMP)
    context.add_init_script(FRAME_RECORDER)
    page = context.new_page()
    page.goto(f"{live_server.url}/{locale}/")
    banner = page.locator(".browser-banner")
    expect(banner).to_be_visible()

    # By keyboard: skip link, then the dismiss button.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-dismiss-banner')")
    page.keyboard.press("Enter")
    expect(banner).to_be_hidden()
    # Focus is not lost with the button: it goes to the main content.
    assert page.evaluate("() => document.activeElement.id") == "main-content"

    (cookie,) = [c for c in context.cookies() if c["name"] == "browser_banner"]
    assert cookie["value"] == "dismissed"
    assert cookie["sameSite"] == "Lax"
    assert cookie["path"] == "/"
    year = 365 * 24 * 3600
    assert abs(cookie["expires"] - (time.time() + year)) < 24 * 3600

    other = "en" if locale == "sv" else "sv"
    for path in (
        f"/{locale}/",  # reload
        f"/{locale}/{SITE['areas'].path(locale)}",
        f"/{other}/{SITE['mapping'].path(other)}",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert "banner-dismissed" in page.evaluate("() => document.documentElement.className")
        assert set(banner_displays(page)) == {"none"}, path
