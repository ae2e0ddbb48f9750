"""The easy-to-read page as Chromium lays it out: larger text, line spacing of at least 1.5,
lines of at most about 55 characters (MTM's LL-förlaget) and never more than 60, set left,
no hyphenation; and the header that links to it, at 320 px and at desktop width. (axe-core,
the Nu checker, reflow and target sizes run on it with every other page.)"""

from __future__ import annotations

import pytest

from ..helpers import SITE
from .helpers import LOCALES

EASY = SITE["easy-read"]
ORDINARY = SITE["s3"]
MAX_LINE = 60  # characters, spaces included
LINE_SPACING = 1.5

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
            assert block["hyphens"] == "manual", (width, block)


@pytest.mark.parametrize("locale", LOCALES)
def test_lines_are_short(page, live_server, locale):
    """At desktop width, where lines are longest: none over 60 characters, most under 55."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url(live_server, EASY, locale))
    lines = page.evaluate(LINES)
    assert len(lines) > 40
    too_long = [line for line in lines if len(line) > MAX_LINE]
    assert too_long == []
    assert sum(len(line) <= 55 for line in lines) >= 0.9 * len(lines)
    # The same measure on an ordinary page finds its longer lines: the check can fail.
    page.goto(url(live_server, ORDINARY, locale))
    ordinary = page.evaluate(LINES.replace(" .easy-read", ""))
    assert max(map(len, ordinary)) > MAX_LINE


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
