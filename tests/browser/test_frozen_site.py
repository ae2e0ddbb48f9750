"""The static export in a real browser: a plain file server cannot answer htmx with a
fragment, so the expanders take their block out of the full page (hx-select)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from ..helpers import LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_expanders_open_in_place_on_the_frozen_site(page: Page, static_server, locale):
    page.goto(f"{static_server}/{locale}/")
    title = page.title()
    page.evaluate("window.marker = 'still here'")

    page.click("[data-expander='panel-group-strength']")
    panel = page.locator("#panel-group-strength")
    expect(panel.locator("h3.panel__title")).to_be_focused()
    page.click("[data-expander='panel-area-ict']")
    expect(page.locator("#panel-area-ict h3.panel__title")).to_be_focused()

    assert page.evaluate("window.marker") == "still here", "no navigation"
    # htmx would take the <title> of the full page it got (ignoreTitle keeps the page's own).
    assert page.title() == title
    assert page.url == f"{static_server}/{locale}/"
    # Only the block was taken from the full pages: one header, one h1, one footer.
    assert page.locator("header").count() == 1
    assert page.locator("h1").count() == 1
    assert page.locator("footer").count() == 1
    for panel_id in ("panel-group-strength", "panel-area-ict"):
        expander = page.locator(f"[data-expander='{panel_id}']")
        expect(expander).to_have_attribute("aria-expanded", "true")
    texts = {
        "sv": ("Gruppen Styrkeområden är den första", "Enligt Business Region"),
        "en": ("The group Areas of strength is the first", "According to Business"),
    }[locale]
    expect(panel).to_contain_text(texts[0])
    expect(page.locator("#panel-area-ict")).to_contain_text(texts[1])
