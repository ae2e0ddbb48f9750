"""The easy-to-read page as Chromium lays it out: larger text, line spacing of at least 1.5,
lines of at most 55 characters (MTM's LL-förlaget) in three of the fonts a reader may get,
paragraphs of at most seven lines, set left, no hyphenation; and the header that links to
it, at 320 px and at desktop width. (axe-core, the Nu checker, reflow and target sizes run
on it with every other page.)"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from smartspec_site.config import CHECKOUT

from ..helpers import SITE
from ..known_gaps import allowed, known_gap
from .conftest import TIMEOUT_MS
from .helpers import LOCALES

EASY = SITE["easy-read"]
ORDINARY = SITE["s3"]
MAX_LINE = 55  # characters, spaces included: LL-förlaget's "inte mer än 55 tecken"
MAX_PARAGRAPH = 7  # lines: LL-förlaget's "oftast inte mer än sju rader"
LINE_SPACING = 1.5
# The fonts the lines are measured in: Chromium's sans-serif on these machines (DejaVu Sans,
# whose letters are wide), and two of the site's font stack from npm (package.json): Roboto,
# and Arimo, which has Arial's letter widths (and so Helvetica's). Segoe UI and Helvetica
# Neue cannot be installed here.
FONTS = (None, "arimo", "roboto")
UNMEASURED = allowed(known_gap("line-length-three-fonts"))  # the statement says so

# Every line of every paragraph and list item in the easy-to-read text, as the engine broke
# them: each character's box, grouped by the line it sits on.
LINES = """() => {
  const lines = [];
  for (const block of document.querySelectorAll("main .easy-read p, main .easy-read li")) {
    if (block.closest(".sources")) continue;
    const rows = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const top = Math.round(rect.bottom);
        rows.set(top, (rows.get(top) || "") + node.data[i]);
      }
    }
    for (const text of rows.values()) lines.push(text.replace(/\\s+/g, " ").trim());
  }
  return lines;
}"""

TYPE = """selector => [...document.querySelectorAll(selector)]
  .filter(el => !el.closest(".sources")).map(el => {
  const s = getComputedStyle(el);
  return {
    fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight),
    textAlign: s.textAlign, hyphens: s.hyphens || s.webkitHyphens,
  };
})"""


def url(live_server, page, locale: str) -> str:
    return f"{live_server.url}/{locale}/{page.path(locale)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_text_is_larger_spaced_left_aligned_and_unhyphenated(page, live_server, locale):
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url(live_server, ORDINARY, locale))
        ordinary = page.evaluate(TYPE, "main p")[0]["fontSize"]
        page.goto(url(live_server, EASY, locale))
        blocks = page.evaluate(TYPE, "main .easy-read p, main .easy-read li")
        assert len(blocks) > 20
        for block in blocks:
            assert block["fontSize"] > ordinary, (width, block)
            assert block["lineHeight"] >= LINE_SPACING * block["fontSize"], (width, block)
            assert block["textAlign"] in ("start", "left"), (width, block)
            assert block["hyphens"] == "none", (width, block)


@pytest.fixture
def font_page(browser) -> Iterator[Page]:
    """A page that may take a font of the test's own: the site's Content-Security-Policy
    allows no inline style, so this context bypasses it (the page is otherwise the same)."""
    context = browser.new_context(bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def use_font(page: Page, name: str) -> None:
    """Set the whole page in a font from node_modules/@fontsource, regular and bold, and
    wait until both faces have loaded."""
    faces = []
    for weight in (400, 700):
        path = CHECKOUT / "node_modules" / "@fontsource" / name / "files"
        data = (path / f"{name}-latin-{weight}-normal.woff2").read_bytes()
        source = "data:font/woff2;base64," + base64.b64encode(data).decode("ascii")
        faces.append(
            f'@font-face {{ font-family: "Measured"; font-weight: {weight};'
            f' src: url({source}) format("woff2"); }}'
        )
    page.add_style_tag(content=" ".join(faces) + ' * { font-family: "Measured" !important; }')
    loaded = page.evaluate("""async () => {
      await document.fonts.load('20px "Measured"');
      await document.fonts.load('bold 20px "Measured"');
      await document.fonts.ready;
      return [...document.fonts].filter(f => f.status === "loaded" &&
        f.family.replace(/"/g, "") === "Measured").length;
    }""")
    assert loaded == 2, name


PARAGRAPHS = """() => [...document.querySelectorAll("main .easy-read p")]
  .filter(p => !p.closest(".sources")).map(p => [
    Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
    p.textContent.trim().slice(0, 40)])"""


@pytest.mark.parametrize("font", FONTS, ids=lambda font: font or "default")
@pytest.mark.parametrize("locale", LOCALES)
def test_lines_are_short_and_paragraphs_too(font_page, live_server, locale, font):
    """At desktop width, where lines are longest: none over 55 characters, and no paragraph
    over seven lines. (On a phone the lines are shorter and a paragraph may run to nine.)"""
    page = font_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url(live_server, EASY, locale))
    if font:
        use_font(page, font)
    lines = page.evaluate(LINES)
    assert len(lines) > 40
    too_long = [line for line in lines if len(line) > MAX_LINE]
    assert too_long == []
    long = [(lines, text) for lines, text in page.evaluate(PARAGRAPHS) if lines > MAX_PARAGRAPH]
    assert long == []
    # The same measures on an ordinary page find its longer lines, and on a phone its longer
    # paragraphs: the checks can fail.
    page.goto(url(live_server, ORDINARY, locale))
    if font:
        use_font(page, font)
    ordinary = page.evaluate(LINES.replace(" .easy-read", ""))
    assert max(map(len, ordinary)) > MAX_LINE
    page.set_viewport_size({"width": 320, "height": 900})
    paragraphs = page.evaluate(PARAGRAPHS.replace(" .easy-read", ""))
    assert max(lines for lines, _ in paragraphs) > MAX_PARAGRAPH


HEADER = """() => {
  const box = el => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            width: r.width, height: r.height}; };
  const easy = document.querySelector(".easy-read-link");
  const lang = document.querySelector(".language-switcher__link");
  return {easy: box(easy), lang: box(lang), viewport: document.documentElement.clientWidth,
          scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("width", [320, 1280])
def test_the_header_shows_both_links_side_by_side(page, live_server, locale, width):
    page.set_viewport_size({"width": width, "height": 700})
    for target in (SITE["start"], EASY, SITE["area:ict"]):
        page.goto(url(live_server, target, locale))
        found = page.evaluate(HEADER)
        easy, lang = found["easy"], found["lang"]
        assert not found["scrolls"]
        for box in (easy, lang):
            assert box["left"] >= 0 and box["right"] <= found["viewport"], found
            assert box["width"] >= 24 and box["height"] >= 24, found  # WCAG 2.5.8
        # On one line, easy-to-read first, apart from each other.
        assert abs(easy["top"] - lang["top"]) < 2, found
        assert easy["right"] + 4 <= lang["left"], found
