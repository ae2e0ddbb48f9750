"""The Content-Security-Policy in a real browser: the inline support script runs (its hash is
allowed), htmx loads and expands a panel, and nothing is blocked or complained about."""

from __future__ import annotations

import pytest

from smartspec_site.config import CHECKOUT, Defaults

from ..conftest import LiveServer

WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""
VENDORED = (CHECKOUT / "static" / Defaults.HTMX_LOCAL_FILE).read_bytes()


@pytest.fixture(scope="module")
def cdn_server(make_app):
    """The production markup: htmx from the CDN, whose address the browser gets from the
    vendored file (same bytes, same integrity hash)."""
    with LiveServer(make_app(HTMX_SOURCE="cdn")) as server:
        yield server


def expand_and_collect(page, url: str) -> tuple[list[str], list[str]]:
    console: list[str] = []
    page.on(
        "console",
        lambda msg: (
            console.append(f"{msg.type}: {msg.text}") if msg.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    page.add_init_script(WATCH_CSP)
    page.goto(url)
    page.wait_for_function("window.htmx && document.documentElement.classList.contains('js')")
    assert "supported" in page.eval_on_selector("html", "el => el.className")

    expanders = page.locator("a.expander")
    group = expanders.first
    group.click()
    panel_id = group.get_attribute("aria-controls")
    page.wait_for_selector(f"#{panel_id}:not([hidden]) .panel__title")
    assert group.get_attribute("aria-expanded") == "true"
    area = page.locator(".areas__item a.expander").first
    area.click()
    page.wait_for_selector(f"#{area.get_attribute('aria-controls')}:not([hidden]) .panel__title")
    # htmx must not have injected its indicator <style>.
    assert page.eval_on_selector_all("style", "els => els.length") == 0
    return page.evaluate("window.__csp"), console


def test_no_csp_violation_with_the_vendored_htmx(page, live_server):
    violations, console = expand_and_collect(page, live_server.url + "/sv/")
    assert violations == []
    assert console == []


def test_no_csp_violation_with_htmx_from_the_cdn(page, cdn_server):
    page.route(
        Defaults.HTMX_CDN_URL,
        lambda route: route.fulfill(
            status=200,
            body=VENDORED,
            headers={
                "Content-Type": "text/javascript",
                "Access-Control-Allow-Origin": "*",
            },
        ),
    )
    violations, console = expand_and_collect(page, cdn_server.url + "/sv/")
    assert violations == []
    assert console == []
