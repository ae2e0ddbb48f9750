"""Keyboard only: the skip link, a walk through every area and the language switcher, and a
visible focus indicator on every control that Tab reaches."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ..helpers import AREAS, SITE, soup
from .helpers import LOCALES, WITHOUT_CLAMP, every_path, wait_for_htmx

ACTIVE = """() => {
  const el = document.activeElement;
  return {
    tag: el.tagName, id: el.id, cls: el.className, text: el.textContent.trim().slice(0, 60),
    expander: el.getAttribute("data-expander"), expanded: el.getAttribute("aria-expanded"),
    inMain: !!el.closest("#main-content"), hreflang: el.getAttribute("hreflang"),
  };
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_skip_link_is_first_and_moves_focus_into_main(page, live_server, locale):
    for path in (f"/{locale}/", f"/{locale}/{SITE['area:ict'].path(locale)}"):
        page.goto(live_server.url + path)
        link = page.locator(".skip-link")
        hidden = link.bounding_box()
        assert hidden is None or hidden["x"] + hidden["width"] <= 0  # off screen until focused
        page.keyboard.press("Tab")
        assert page.evaluate(ACTIVE)["cls"] == "skip-link"
        shown = link.bounding_box()
        assert shown["x"] >= 0 and shown["y"] >= 0
        assert shown["width"] > 200 and shown["height"] >= 24
        page.keyboard.press("Enter")
        assert page.evaluate(ACTIVE)["id"] == "main-content"
        page.keyboard.press("Tab")
        assert page.evaluate(ACTIVE)["inMain"], "the next Tab stays in the main content"
        # The tabindex that let main take focus was only for that moment.
        assert page.locator("#main-content").get_attribute("tabindex") is None


@pytest.mark.parametrize("locale", LOCALES)
def test_main_has_no_permanent_tabindex(client, locale):
    for path in every_path(locale):
        main = soup(client.get(path)).find("main", id="main-content")
        assert main is not None and not main.has_attr("tabindex"), path


@pytest.mark.parametrize("locale", LOCALES)
def test_skip_link_works_without_javascript(nojs_page, live_server, locale):
    nojs_page.goto(f"{live_server.url}/{locale}/")
    nojs_page.keyboard.press("Tab")
    assert nojs_page.evaluate(ACTIVE)["cls"] == "skip-link"
    nojs_page.keyboard.press("Enter")
    expect(nojs_page).to_have_url(re.compile(r"#main-content$"))  # waits for the jump
    nojs_page.keyboard.press("Tab")
    assert nojs_page.evaluate(ACTIVE)["inMain"]


@pytest.mark.parametrize("locale", LOCALES)
def test_keyboard_walk_reaches_every_area_and_the_language_switcher(page, live_server, locale):
    page.goto(f"{live_server.url}/{locale}/")
    wait_for_htmx(page)
    opened, switcher_seen, use_space = [], False, False
    for _ in range(300):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["hreflang"] and active["cls"] == "language-switcher__link":
            switcher_seen = True
        if active["expander"] and active["expanded"] == "false":
            # Open it, by Enter and by Space in turn; focus moves to the panel's heading.
            page.keyboard.press(" " if use_space else "Enter")
            use_space = not use_space
            panel = page.locator("#" + active["expander"])
            expect(panel.locator(".panel__title")).to_be_focused()
            opened.append(active["expander"])
        if active["cls"] == "site-footer" or (opened and not active["inMain"]):
            break
    area_panels = {key for key in opened if key.startswith("panel-area-")}
    assert area_panels == {f"panel-area-{key}" for key in AREAS}
    assert len(opened) == 17  # and the four groups
    for key in AREAS:
        panel = page.locator(f"#panel-area-{key}")
        expect(panel).to_be_visible()
        expect(panel.locator("p").first).not_to_be_empty()
    assert switcher_seen

    # The switcher, by keyboard alone: Tab to it from the top, Enter.
    other = "en" if locale == "sv" else "sv"
    page.goto(f"{live_server.url}/{locale}/")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE)["hreflang"] == other:
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/{other}/")
    assert page.evaluate("() => document.documentElement.lang") == other


# Every Tab stop: its style as focus arrives (a focusin listener), against its style when
# the page was loaded, before any focus. Form fields count: the feedback form's radios,
# text box and list are Tab stops on every page.
FOCUS_RECORDER = """() => {
  const look = el => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth),
            outlineColor: s.outlineColor, shadow: s.boxShadow, background: s.backgroundColor};
  };
  const controls = [...document.querySelectorAll(
    "a[href], button, [tabindex], input:not([type=hidden]), select, textarea")];
  const rest = new Map(controls.map(el => [el, look(el)]));
  const stops = window.__focusStops = [];
  document.addEventListener("focusin", ({target: el}) => stops.push({
    index: controls.indexOf(el),
    what: el.tagName + " " + (el.className || "") + " " + el.textContent.trim().slice(0, 40),
    focused: look(el), before: rest.get(el) || null,
  }));
}"""
TABS_AT_ONCE = 8


def tab_stops(page) -> list[dict]:
    """Every Tab stop of the page, in order, until focus comes round to one seen before."""
    page.evaluate(FOCUS_RECORDER)
    stops: list[dict] = []
    for _ in range(0, 80, TABS_AT_ONCE):
        for _ in range(TABS_AT_ONCE):
            page.keyboard.press("Tab")
        recorded = page.evaluate("() => window.__focusStops")
        for step in recorded[len(stops) :]:
            if any(step["index"] == seen["index"] for seen in stops):
                return stops
            stops.append(step)
    return stops


def focus_is_visible(step) -> bool:
    focused, before = step["focused"], step["before"]
    ring = focused["outline"] >= 2 or focused["shadow"] != "none"
    return before is not None and ring and focused != before


@pytest.mark.parametrize("locale", LOCALES)
def test_every_control_shows_focus(context, live_server, locale):
    context.add_init_script(WITHOUT_CLAMP)  # the banner and its button are shown too
    page = context.new_page()
    missing, stops = [], 0
    for path in every_path(locale):
        page.goto(live_server.url + path)
        seen = tab_stops(page)
        stops += len(seen)
        missing += [f"{path}: {step}" for step in seen if not focus_is_visible(step)]
    assert stops > 100
    assert not missing, "\n".join(missing)
