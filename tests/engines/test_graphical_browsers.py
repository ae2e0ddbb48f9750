"""Dillo and NetSurf, the small graphical engines, under Xvfb: the start page in both
languages, an area page and a group page, visited in that order in one browser process, so
each page has visited links in its header (the current page's own link, the pages seen
before). The screenshots stay in artifacts/ for a person to look at; the checks below read
them as a person would, and each one failed on a defect these engines really showed."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from smartspec_site.config import ROOT

from ..helpers import SITE, soup
from . import pixels
from .catalog import BROWSERS, X_TOOLS, require_browser, require_x
from .pixels import hex_colour
from .screens import WIDTH, visit, xvfb

GRAPHICAL = ("dillo", "netsurf")
AREA, GROUP = SITE["area:ict"], SITE["group:strength"]
PAGES = {
    "sv-start": "/sv/",
    "en-start": "/en/",
    "sv-area": f"/sv/{AREA.path('sv')}",
    "sv-group": f"/sv/{GROUP.path('sv')}",
}
# The site's colours (static/css/site.css).
HEADER, NAV, BANNER = hex_colour("#00497a"), hex_colour("#003a66"), hex_colour("#f3f2f1")
PANEL_BORDER, INK, WHITE = hex_colour("#1d70b8"), hex_colour("#0b0c0c"), hex_colour("#ffffff")
PAGE_WIDTH = WIDTH - 24  # leave out the engines' scroll bars
WORD_GAP = 3  # px: closer than this, two runs of ink are one word
MENU_GAP = 10  # px: items of the menu stand at least this far apart (a space is about 5)


def capture(app, live_server, engine: str, display_for) -> dict:
    client = app.test_client()
    pages = []
    for name, path in PAGES.items():
        title = soup(client.get(path)).title.get_text()
        pages.append((name, live_server.url + path, title))
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    with display_for() as display:
        return visit(engine, display, pages, out)


@pytest.fixture(scope="module")
def screenshots(app, live_server) -> dict:
    """Both engines at once, each on its own X display: {engine: {page: path} or error}."""
    have = all(shutil.which(tool) for tool in X_TOOLS)
    engines = [e for e in GRAPHICAL if have and shutil.which(BROWSERS[e].program)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {e: pool.submit(capture, app, live_server, e, xvfb) for e in engines}
    results = {}
    for engine, future in futures.items():
        error = future.exception()
        results[engine] = error if error else future.result()
    return results


@pytest.fixture(params=GRAPHICAL)
def shots(request, screenshots) -> dict:
    require_x()
    require_browser(request.param)
    result = screenshots[request.param]
    if isinstance(result, Exception):
        raise result
    return {name: Image.open(path).convert("RGB") for name, path in result.items()}


def band(img, colour, min_height: int) -> pixels.Band:
    found = [b for b in pixels.bands(img, colour) if b.bottom - b.top >= min_height]
    assert found, f"no band of {colour} at least {min_height} px high"
    return found[0]


def words(img, box, background) -> list[tuple[int, int]]:
    mask = pixels.ink(img, box, background)
    return pixels.runs(pixels.ink_columns(mask), gap=WORD_GAP)


def test_header_links_contrast_with_the_header(shots):
    """WCAG 1.4.3 on what the engine painted: every word in the header and the menu, the
    visited links included (Dillo painted them dark purple on dark blue)."""
    low = {}
    for name, img in shots.items():
        for colour in (HEADER, NAV):
            area = band(img, colour, 15)
            box = (0, area.top, PAGE_WIDTH, area.bottom)
            for start, end in words(img, box, colour):
                word = (start, area.top, end, area.bottom)
                ratio = pixels.strongest(img, word, colour)
                if ratio < 4.5:
                    low.setdefault(name, []).append(f"x {start}-{end}: {ratio:.1f}:1")
    assert not low, low


def test_menu_items_stand_apart(shots):
    """Dillo drew no padding or margin on the menu's items: they ran together as a phrase."""
    items = len(SITE.menu)
    for name, img in shots.items():
        area = band(img, NAV, 15)
        found = words(img, (0, area.top, PAGE_WIDTH, area.bottom), NAV)
        gaps = [b[0] - a[1] for a, b in zip(found, found[1:], strict=False)]
        assert sum(gap >= MENU_GAP for gap in gaps) >= items - 1, (name, gaps)


def test_no_empty_panel_draws_a_box(shots):
    """Dillo drew each hidden, empty panel as a short blue bar under its group."""
    for name, img in shots.items():
        counts = pixels.row_counts(pixels.matches(img, PANEL_BORDER))
        stray = [y for y, count in enumerate(counts) if 0 < count < img.width / 2]
        assert not stray, (name, f"short {PANEL_BORDER} runs in rows {stray[:5]}…")


def test_banner_has_no_control_without_script(shots):
    """Dillo drew the script's dismiss button as a full-width empty box."""
    for name, img in shots.items():
        # From the banner's first row (the footer shares its colour) down to the header.
        top, bottom = band(img, BANNER, 30).top, band(img, HEADER, 15).top
        rows = pixels.row_runs(pixels.matches(img, INK, (0, top, PAGE_WIDTH, bottom)))
        longest = max((end - start for row in rows for start, end in row), default=0)
        assert longest < 200, (name, f"a {longest} px line in the banner: a box")


@pytest.mark.parametrize("name", ["sv-area", "sv-group"])
def test_breadcrumb_separator_follows_each_link(shots, name):
    """NetSurf and Dillo have no generated content: without a separator in the markup the
    crumbs, and the last, unlinked one, ran on as one phrase. After each underlined link
    comes a narrow mark (›), set apart on both sides, and then the next crumb."""
    img = shots[name]
    nav = band(img, NAV, 15)
    below = (0, nav.bottom, PAGE_WIDTH, nav.bottom + 120)
    rows = pixels.runs(pixels.ink_rows(pixels.ink(img, below, WHITE)), gap=4)
    assert rows, "no breadcrumb line under the menu"
    line = pixels.ink(img, (0, nav.bottom + rows[0][0], PAGE_WIDTH, nav.bottom + rows[0][1]), WHITE)
    # Rows with a long run of ink are underlines: each long run is one link's extent.
    per_row = [[run for run in row if run[1] - run[0] >= 25] for row in pixels.row_runs(line)]
    links = sorted({run for row in per_row for run in row})
    assert links, "no underlined link in the breadcrumb"
    text_rows = [y for y, long in enumerate(per_row) if not long]
    data = line.tobytes()
    text = [any(data[y * line.width + x] for y in text_rows) for x in range(line.width)]
    marks = pixels.runs(text, gap=WORD_GAP)
    for _, link_end in links:
        after = [run for run in marks if run[0] >= link_end - 1]
        assert len(after) >= 2, (name, "nothing after the link")
        separator, crumb = after[0], after[1]
        assert separator[1] - separator[0] <= 12, (name, "no separator after a link", after[:2])
        assert crumb[0] - separator[1] >= WORD_GAP, (name, "the separator touches the crumb")
