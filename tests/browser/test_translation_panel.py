"""The translation panel in Chromium (development server only): a fuzzy text's outline,
which leaves the layout alone; the way from the page to the panel and back by keyboard; no
CSP complaint; axe-core on the page and the panel; all of it without JavaScript too."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from smartspec_site.config import CHECKOUT
from smartspec_site.translate import panel

from ..conftest import LiveServer, catalogs_in, new_app
from .helpers import axe_violations

AREAS_SV = "Här är de 13 områdena i VG2020"
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""
# Every box in the main content and the header, to compare two renderings' layouts.
BOXES = """() => Array.from(document.querySelectorAll("header *, main *, footer *"))
  .filter(el => !el.classList.contains("translation-mark"))
  .map(el => { const r = el.getBoundingClientRect();
               return [el.tagName, Math.round(r.x), Math.round(r.y),
                       Math.round(r.width), Math.round(r.height)]; })"""

# The line boxes of an element's text, or of the text node that starts with a text.
RECTS = """el => Array.from(el.getClientRects()).map(r =>
  [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)])"""
TEXT_BOXES = f"""start => {{
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {{
    if (walker.currentNode.data.startsWith(start)) {{
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      return ({RECTS})(range);
    }}
  }}
  return null;
}}"""


@pytest.fixture(scope="module")
def fuzzy_catalog(tmp_path_factory) -> Path:
    """A temporary copy of translations/ whose English entry for the start page's areas
    paragraph is fuzzy."""
    copy = Path(shutil.copytree(CHECKOUT / "translations", tmp_path_factory.mktemp("tr") / "tr"))
    po = copy / "en" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert f'msgid "{AREAS_SV}' in text
    po.write_text(text.replace(f'msgid "{AREAS_SV}', f'#, fuzzy\nmsgid "{AREAS_SV}', 1), "utf-8")
    return copy


def _server(translations: Path, **settings) -> LiveServer:
    # Uncompressed, as the panel sends pages: flask-compress leaves a static file open when
    # it compresses one in debug (a ResourceWarning), which is not what this file tests.
    app = new_app(DEBUG=True, **catalogs_in(translations), **settings)
    return LiveServer(panel.PlainAnswers(app))


@pytest.fixture(scope="module")
def panel_server(fuzzy_catalog) -> Iterator[LiveServer]:
    with _server(fuzzy_catalog) as server:
        yield server


@pytest.fixture(scope="module")
def plain_server(fuzzy_catalog) -> Iterator[LiveServer]:
    with _server(fuzzy_catalog, TRANSLATION_PANEL=False) as server:
        yield server


def test_a_fuzzy_text_is_outlined_and_the_layout_is_unchanged(page, panel_server, plain_server):
    page.goto(plain_server.url + "/en/")
    plain = page.evaluate(BOXES)
    plain_text = page.evaluate(TEXT_BOXES, AREAS_SV)
    page.goto(panel_server.url + "/en/")
    mark = page.locator(".translation-mark--fuzzy")
    assert mark.count() == 1
    assert mark.inner_text().startswith(AREAS_SV)
    assert mark.is_visible()
    style = mark.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert style == ["dashed", "3px"]
    assert page.evaluate(BOXES) == plain
    # The outlined text itself sits where the same text sits without the panel.
    assert mark.evaluate(RECTS) == plain_text
    box = page.locator(".translation-box")
    assert box.is_visible()
    assert box.evaluate("el => getComputedStyle(el).position") == "fixed"


def test_from_the_sentence_to_its_entry_and_back_by_keyboard(page, panel_server):
    page.add_init_script(WATCH_CSP)
    page.goto(panel_server.url + "/en/")
    assert page.evaluate("window.__csp") == []
    page.keyboard.press("Shift+Tab")  # from the top of the page, back to the last control
    active = page.evaluate("document.activeElement.className")
    assert active == "translation-box__link"
    page.keyboard.press("Enter")
    page.wait_for_url("**/_translations?path=/en/")
    assert page.locator("h1").inner_text() == "Translations on /en/"

    entry = page.locator(".entry--fuzzy")
    assert entry.count() == 1
    line = entry.locator("dt:has-text('Line in the catalog') + dd").inner_text()
    assert re.fullmatch(r"\S*/en/LC_MESSAGES/messages\.po\s*, line \d+", line), line
    details = entry.locator("details")
    focus_by_tab(page, "summary", inside=".entry--fuzzy")
    page.keyboard.press("Enter")
    assert details.evaluate("el => el.open")
    assert entry.locator("details p").inner_text().startswith(AREAS_SV)

    assert page.evaluate("window.__csp") == []  # the panel's page: nothing blocked
    focus_by_tab(page, "a", inside=".entry--fuzzy")
    assert page.evaluate("document.activeElement.textContent").startswith("show entry ")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/#translation-entry-*")
    target = page.locator(":target")
    assert target.get_attribute("class") == "translation-mark translation-mark--fuzzy"
    assert target.inner_text().startswith(AREAS_SV)
    assert page.evaluate("window.__csp") == []  # the page with the box and the outline


def focus_by_tab(page: Page, tag: str, inside: str, limit: int = 400) -> None:
    """Press Tab until a ``tag`` inside ``inside`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "([tag, inside]) => document.activeElement.matches(inside + ' ' + tag)", [tag, inside]
        ):
            return
    raise AssertionError(f"Tab never reached {inside} {tag}")


def test_axe_finds_nothing_on_the_page_and_the_panel(page, panel_server):
    page.goto(panel_server.url + "/en/")
    assert axe_violations(page) == []
    page.goto(panel_server.url + "/_translations?path=/en/")
    page.locator(".entry--fuzzy summary").click()
    assert axe_violations(page) == []


def test_without_javascript_the_box_leads_to_the_panel(nojs_page, panel_server):
    nojs_page.goto(panel_server.url + "/en/")
    assert nojs_page.locator(".translation-mark--fuzzy").is_visible()
    nojs_page.locator(".translation-box__link").click()
    nojs_page.wait_for_url("**/_translations?path=/en/")
    assert nojs_page.locator(".entry--fuzzy .entry__state").inner_text() == "Fuzzy"
