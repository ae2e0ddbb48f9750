"""The page frame measured in Chromium, in both languages (issue 21): the menu never leaves
one item alone on a second row from 1024 to 1920 px; at 320 px the header before the h1 is
at most 160 px with JavaScript (the "Meny" button shows the menu) and at most 240 px without
it (every link visible, inline); wrapped expander labels hang past their chevron; list
bullets sit on their item's first line; the error summary keeps its distance from the menu
band."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import LOCALES

MENU_ROWS = """() => {
  const items = [...document.querySelectorAll('.site-nav__item')];
  const tops = items.map(li => Math.round(li.getBoundingClientRect().top));
  const rows = [...new Set(tops)];
  return rows.map(top => tops.filter(t => t === top).length);
}"""

HEADER_HEIGHT = """() => {
  const h1 = document.querySelector('main h1');
  return Math.round(h1.getBoundingClientRect().top + window.scrollY);
}"""

NARROW = {"width": 320, "height": 640}
EASY = {"sv": "/sv/lattlast", "en": "/en/easy-to-read"}
AREAS = {"sv": "/sv/utvecklingsomraden", "en": "/en/development-areas"}
ITEM_DISPLAYS = """() => [...document.querySelectorAll('.site-nav__item')]
  .map(li => getComputedStyle(li).display)"""
WRAPPED_EXPANDERS = """() => [...document.querySelectorAll('.expander[aria-expanded]')]
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().height > 40).length"""
VISIBLE_MENU_LINKS = """() => [...document.querySelectorAll('.site-nav__link')]
  .filter(a => a.getBoundingClientRect().width > 0).length"""


@pytest.mark.parametrize("locale", LOCALES)
def test_no_menu_item_alone_on_a_second_row_from_1024_to_1920_px(page, live_server, locale):
    lonely = {}
    page.goto(f"{live_server.url}/{locale}/")
    for width in range(1024, 1921, 64):  # a resize lays the page out again
        page.set_viewport_size({"width": width, "height": 800})
        rows = page.evaluate(MENU_ROWS)
        if len(rows) > 1 and min(rows) == 1:
            lonely[width] = rows
    assert not lonely, lonely


def header_bottom(page) -> int:
    return page.evaluate(
        "() => Math.round(document.querySelector('.site-header').getBoundingClientRect().bottom)"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_at_320_px_with_javascript_a_menu_button_keeps_the_header_short(page, live_server, locale):
    page.set_viewport_size(NARROW)
    for path in (f"/{locale}/", EASY[locale]):
        page.goto(live_server.url + path)
        button = page.locator(".site-nav__toggle")
        expect(button).to_be_visible()
        expect(button).to_have_text({"sv": "Meny", "en": "Menu"}[locale])
        expect(button).to_have_attribute("aria-expanded", "false")
        assert header_bottom(page) <= 160, (path, header_bottom(page))
        assert page.evaluate(VISIBLE_MENU_LINKS) == 0
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        assert page.evaluate(VISIBLE_MENU_LINKS) == 5
        button.click()
        assert page.evaluate(VISIBLE_MENU_LINKS) == 0
    page.set_viewport_size({"width": 1024, "height": 800})
    expect(page.locator(".site-nav__toggle")).to_be_hidden()
    assert page.evaluate(VISIBLE_MENU_LINKS) == 5


@pytest.mark.parametrize("locale", LOCALES)
def test_at_320_px_without_javascript_every_menu_link_shows_inline(nojs_page, locale, live_server):
    page = nojs_page
    page.set_viewport_size(NARROW)
    page.goto(f"{live_server.url}/{locale}/")
    assert page.evaluate(VISIBLE_MENU_LINKS) == 5
    displays = page.evaluate(ITEM_DISPLAYS)
    assert set(displays) == {"inline"}
    assert header_bottom(page) <= 240, header_bottom(page)
    assert not page.locator(".site-nav__toggle").count(), "no button that needs script"


HANGING = """() => {
  const bad = [];
  for (const control of document.querySelectorAll('.expander[aria-expanded]')) {
    const text = [...control.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
    const range = document.createRange();
    range.selectNodeContents(text);
    const lines = [...range.getClientRects()];
    if (lines.length < 2) continue;
    const first = lines[0].left;
    const under = lines.slice(1).filter(line => line.left < first - 1);
    if (under.length) bad.push(control.textContent.trim());
  }
  return bad;
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_wrapped_expander_labels_hang_past_the_chevron(page, live_server, locale):
    page.set_viewport_size(NARROW)
    page.goto(live_server.url + AREAS[locale])
    page.wait_for_function("() => document.querySelector('.expander[aria-expanded]')")
    wrapped = page.evaluate(WRAPPED_EXPANDERS)
    assert wrapped, "no label wraps at 320 px: the test would prove nothing"
    assert not (bad := page.evaluate(HANGING)), bad


BULLETS = """() => {
  const bad = [];
  for (const li of document.querySelectorAll('.easy-read .link-list li')) {
    const probe = document.createElement('span');  // on the first line's baseline, as the bullet
    li.insertBefore(probe, li.firstChild);
    const link = li.querySelector('a');
    const range = document.createRange();
    range.selectNodeContents(link);
    const firstLine = range.getClientRects()[0];
    const top = probe.getBoundingClientRect().top;
    if (Math.abs(top - firstLine.top) > firstLine.height / 2) bad.push(link.textContent);
    probe.remove();
  }
  return bad;
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_list_bullets_sit_on_the_first_line_of_a_wrapped_link(page, live_server, locale):
    page.set_viewport_size(NARROW)
    page.goto(live_server.url + EASY[locale])
    assert page.locator(".easy-read .link-list li").count()
    assert not (bad := page.evaluate(BULLETS)), bad


@pytest.mark.parametrize("locale", LOCALES)
def test_the_error_summary_keeps_its_distance_from_the_menu(nojs_page, live_server, locale):
    page = nojs_page
    address = {"sv": "/sv/synpunkter", "en": "/en/feedback"}[locale]
    page.goto(f"{live_server.url}{address}?page=/{locale}/&step=problem")
    page.locator("#feedback button").click()
    gap = page.evaluate(
        "() => document.querySelector('main [data-error-summary]').getBoundingClientRect().top"
        " - document.querySelector('.site-header').getBoundingClientRect().bottom"
    )
    assert gap >= 16, gap
