"""The development areas in a real browser: in place with htmx, by navigation without it.

Playwright launches Chromium with the back/forward cache off, so every Back here reloads the
page through the HTTP cache: the path on which a cached fragment could stand in for a page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from smartspec_site.config import CHECKOUT, Defaults

from ..conftest import LiveServer
from ..helpers import AREAS, GROUPS, LOCALES, SITE

GROUP = GROUPS[3]  # knowledge-based development: ICT, sustainable production
AREA = AREAS["ict"]
GROUP_PANEL = "panel-" + GROUP.key.replace(":", "-")
AREA_PANEL = "panel-" + AREA.key.replace(":", "-")


def path_of(key: str, locale: str) -> str:
    return f"/{locale}/{SITE[key].path(locale)}"


def control(page: Page, panel: str):
    return page.locator(f'[data-expander="{panel}"]')


def open_enhanced(page: Page, url: str) -> None:
    """Load a page and wait until site.js has turned its expanders into disclosures."""
    page.goto(url)
    expect(page.locator("[data-expander]").first).to_have_attribute("aria-expanded", "false")


def fragment_requests(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if r.headers.get("hx-request") else None)
    return seen


def assert_expanded(page: Page, panel: str) -> None:
    link = control(page, panel)
    expect(link).to_have_attribute("aria-expanded", "true")
    expect(link).to_have_attribute("aria-controls", panel)
    expect(link).to_have_attribute("role", "button")
    body = page.locator(f"#{panel}")
    expect(body).to_be_visible()
    title = body.locator(".panel__title")
    expect(title).to_have_text(link.inner_text())
    expect(title).to_be_focused()
    expect(body.locator("p").first).to_be_visible()


def assert_full_page(page: Page, heading: str) -> None:
    """What a visitor sees after navigating: the site chrome and the page's own H1."""
    expect(page.locator("body > header.site-header")).to_be_visible()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("footer")).to_be_visible()


@pytest.mark.parametrize("locale", LOCALES)
def test_click_expands_a_group_then_an_area_in_place(page, live_server, locale):
    start = live_server.url + f"/{locale}/"
    open_enhanced(page, start)
    page.evaluate("window.marker = 'still here'")
    requests = fragment_requests(page)

    control(page, GROUP_PANEL).click()
    assert_expanded(page, GROUP_PANEL)
    control(page, AREA_PANEL).click()
    assert_expanded(page, AREA_PANEL)

    assert page.url == start
    assert page.evaluate("window.marker") == "still here", "the page was reloaded"
    base = live_server.url
    assert requests == [
        base + path_of(GROUP.key, locale),
        base + path_of("area:ict", locale),
    ]
    # The fragment came in the page's language, and its links stay in it.
    strategy_link = page.locator(f"#{AREA_PANEL} a[href$='#kraftsamlingar']")
    expect(strategy_link).to_have_attribute("href", path_of("strategy", locale) + "#kraftsamlingar")


@pytest.mark.parametrize(("locale", "key"), [("sv", "Enter"), ("en", " "), ("en", "Enter")])
def test_keyboard_opens_and_closes_with_focus_moving_back(page, live_server, locale, key):
    open_enhanced(page, live_server.url + f"/{locale}/")
    requests = fragment_requests(page)
    link = control(page, AREA_PANEL)
    link.focus()

    page.keyboard.press(key)
    assert_expanded(page, AREA_PANEL)
    page.keyboard.press("Shift+Tab")  # from the panel heading back to its control
    expect(link).to_be_focused()
    page.keyboard.press(key)
    expect(link).to_have_attribute("aria-expanded", "false")
    expect(page.locator(f"#{AREA_PANEL}")).to_be_hidden()
    expect(link).to_be_focused()
    assert len(requests) == 1


def test_collapse_restores_focus_and_reopening_needs_no_request(page, live_server):
    open_enhanced(page, live_server.url + "/sv/")
    requests = fragment_requests(page)
    link = control(page, GROUP_PANEL)

    link.click()
    assert_expanded(page, GROUP_PANEL)  # focus is on the panel's heading
    # Activated without moving focus first, as a screen reader's browse mode may do it:
    # the heading that had focus disappears, and focus must not fall back to <body>.
    link.dispatch_event("click")
    expect(link).to_have_attribute("aria-expanded", "false")
    expect(page.locator(f"#{GROUP_PANEL}")).to_be_hidden()
    expect(link).to_be_focused()
    link.click()
    assert_expanded(page, GROUP_PANEL)
    assert len(requests) == 1, requests


def test_modified_click_opens_the_full_page_in_a_new_tab(page, context, live_server):
    open_enhanced(page, live_server.url + "/en/")
    requests = fragment_requests(page)
    link = control(page, AREA_PANEL)
    with context.expect_page() as opened:
        link.click(modifiers=["ControlOrMeta"])
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == live_server.url + path_of("area:ict", "en")
    assert_full_page(tab, "ICT")
    expect(link).to_have_attribute("aria-expanded", "false")
    assert requests == []


@pytest.mark.parametrize("locale", LOCALES)
def test_without_javascript_the_controls_navigate_to_full_pages(nojs_page, live_server, locale):
    page = nojs_page
    page.goto(live_server.url + f"/{locale}/")
    group = control(page, GROUP_PANEL)
    expect(group).not_to_have_attribute("aria-expanded", "false")
    group_name = group.inner_text()

    group.click()
    page.wait_for_url(live_server.url + path_of(GROUP.key, locale))
    assert_full_page(page, group_name)
    expect(page.locator("main p").first).to_be_visible()

    area = control(page, AREA_PANEL)  # the group page lists its areas, also as links
    area_name = area.inner_text()
    area.click()
    page.wait_for_url(live_server.url + path_of("area:ict", locale))
    assert_full_page(page, area_name)
    expect(page.locator("main .panel__body p").first).to_be_visible()


# --- htmx from the CDN ----------------------------------------------------------------


@pytest.fixture(scope="module")
def cdn_server(make_app) -> Iterator[LiveServer]:
    """The app as deployed by default: htmx from jsDelivr, with its integrity hash."""
    with LiveServer(make_app(HTMX_SOURCE="cdn")) as server:
        yield server


def test_cdn_unreachable_links_still_navigate(page, context, cdn_server):
    context.route(Defaults.HTMX_CDN_URL, lambda route: route.abort())
    page.goto(cdn_server.url + "/en/")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.htmx") == "undefined"
    link = control(page, AREA_PANEL)
    expect(link).not_to_have_attribute("role", "button")
    link.click()
    page.wait_for_url(cdn_server.url + path_of("area:ict", "en"))
    assert_full_page(page, "ICT")


def test_cdn_copy_passes_its_integrity_check(page, context, cdn_server):
    """The vendored bytes, served as the CDN serves them (CORS), pass the SRI check."""
    vendored = CHECKOUT / "static" / Defaults.HTMX_LOCAL_FILE
    context.route(
        Defaults.HTMX_CDN_URL,
        lambda route: route.fulfill(
            path=vendored,
            content_type="application/javascript",
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    open_enhanced(page, cdn_server.url + "/sv/")
    control(page, AREA_PANEL).click()
    assert_expanded(page, AREA_PANEL)


# --- Back and forward -----------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_back_after_leaving_a_page_with_open_panels(page, live_server, locale):
    start = live_server.url + f"/{locale}/"
    open_enhanced(page, start)
    start_heading = page.locator("h1").inner_text()
    control(page, GROUP_PANEL).click()
    assert_expanded(page, GROUP_PANEL)
    control(page, AREA_PANEL).click()
    assert_expanded(page, AREA_PANEL)

    page.locator(".site-nav__link").nth(1).click()  # away, to the strategy 2022–2025
    page.wait_for_url(live_server.url + path_of("s3", locale))
    page.go_back()
    assert page.url == start
    assert_full_page(page, start_heading)


@pytest.mark.parametrize("locale", LOCALES)
def test_back_and_forward_to_a_url_also_fetched_as_a_fragment(page, live_server, locale):
    """The HTTP cache holds the fragment under the page's URL; Vary keeps it out of pages."""
    area_url = live_server.url + path_of("area:ict", locale)
    start = live_server.url + f"/{locale}/"
    page.goto(area_url)  # an area page has no expanders of its own
    area_heading = page.locator("h1").inner_text()
    page.locator(".site-header__brand").click()
    page.wait_for_url(start)
    expect(control(page, AREA_PANEL)).to_have_attribute("aria-expanded", "false")
    start_heading = page.locator("h1").inner_text()
    control(page, AREA_PANEL).click()  # the area's URL, now fetched as a fragment
    assert_expanded(page, AREA_PANEL)

    page.go_back()
    assert page.url == area_url
    assert_full_page(page, area_heading)
    page.go_forward()
    assert page.url == start
    assert_full_page(page, start_heading)

    # And straight after the fragment was fetched, visiting its URL shows the page.
    control(page, AREA_PANEL).click()
    assert_expanded(page, AREA_PANEL)
    page.goto(area_url)
    assert_full_page(page, area_heading)
    page.go_back()
    assert_full_page(page, start_heading)
    page.go_forward()
    assert_full_page(page, area_heading)


# --- Headings ---------------------------------------------------------------------------


def exposed_headings(page: Page) -> list[tuple[str, int]]:
    """Headings as Chromium exposes them to assistive technology, in document order."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    cdp.detach()
    levels = {}
    for node in nodes:
        if node.get("ignored") or node.get("role", {}).get("value") != "heading":
            continue
        props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        levels[node["backendDOMNodeId"]] = (node["name"]["value"], int(props["level"]))
    return [levels[n] for n in _heading_node_ids(page) if n in levels]


def _heading_node_ids(page: Page) -> list[int]:
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "h1,h2,h3,h4,h5,h6"})
    backend = [
        cdp.send("DOM.describeNode", {"nodeId": n})["node"]["backendNodeId"] for n in ids["nodeIds"]
    ]
    cdp.detach()
    return backend


def assert_heading_order(headings: list[tuple[str, int]]) -> None:
    """axe's heading-order: one h1 first, and no level skipped on the way down."""
    levels = [level for _, level in headings]
    assert levels[0] == 1 and levels.count(1) == 1, headings
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, headings


@pytest.mark.parametrize(
    ("page_key", "panels", "level"),
    [
        ("start", [GROUP_PANEL, AREA_PANEL], 3),  # under the h2 "Utvecklingsområden"
        ("areas", [GROUP_PANEL, AREA_PANEL], 2),  # under the page's h1
        (GROUP.key, [AREA_PANEL], 3),  # under the h2 "Områden i gruppen"
    ],
)
def test_panel_headings_take_their_place_in_the_outline(page, live_server, page_key, panels, level):
    open_enhanced(page, live_server.url + path_of(page_key, "en"))
    for panel in panels:
        control(page, panel).click()
        assert_expanded(page, panel)
    headings = exposed_headings(page)
    for panel in panels:
        title = control(page, panel).inner_text()
        assert (title, level) in headings, headings
    # Each panel (group or area) has its sources heading one level below the panel's own
    # heading; a group page and the areas page also have their own sources, as an h2.
    sources = [lvl for name, lvl in headings if name == "Sources"]
    own = [2] if page_key.startswith("group:") or page_key == "areas" else []
    assert sorted(sources) == sorted(own + [level + 1] * len(panels)), headings
    assert_heading_order(headings)
