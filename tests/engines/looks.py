"""What a person would notice on a screenshot of one of the site's pages, as lists of
problems (empty: nothing to notice). Each check failed on a defect that Dillo or NetSurf
really showed (tests/engines/test_graphical_browsers.py), and test_looks.py shows each one
failing on a drawn picture of that defect."""

from __future__ import annotations

from PIL import Image

from . import pixels
from .pixels import hex_colour

# The site's colours (static/css/site.css).
HEADER, NAV, BANNER = hex_colour("#00497a"), hex_colour("#003a66"), hex_colour("#f3f2f1")
PANEL_BORDER, INK, WHITE = hex_colour("#1d70b8"), hex_colour("#0b0c0c"), hex_colour("#ffffff")
SCROLLBAR = 24  # px at the right that belong to the engine's scroll bar, not the page
WORD_GAP = 3  # px: closer than this, two runs of ink are one word
MENU_GAP = 10  # px: items of the menu stand at least this far apart (a space is about 5)
SEPARATOR = 12  # px: the widest a breadcrumb separator (›) may be
BOX = 200  # px: a dark line this long in the banner is a drawn box


def band(img: Image.Image, colour, min_height: int) -> pixels.Band | None:
    found = [b for b in pixels.bands(img, colour) if b.bottom - b.top >= min_height]
    return found[0] if found else None


def words(img: Image.Image, box, background) -> list[tuple[int, int]]:
    mask = pixels.ink(img, box, background)
    return pixels.runs(pixels.ink_columns(mask), gap=WORD_GAP)


def header_contrast(img: Image.Image) -> list[str]:
    """Every word in the header and the menu, visited links included, at 4.5:1 at least."""
    problems = []
    for colour in (HEADER, NAV):
        area = band(img, colour, 15)
        if area is None:
            problems.append(f"no band of {colour}")
            continue
        for start, end in words(img, (0, area.top, img.width - SCROLLBAR, area.bottom), colour):
            ratio = pixels.strongest(img, (start, area.top, end, area.bottom), colour)
            if ratio < 4.5:
                problems.append(f"{colour} band, x {start}-{end}: {ratio:.1f}:1")
    return problems


def menu_spacing(img: Image.Image, items: int) -> list[str]:
    """The menu's items stand apart: on each line of the menu (a narrow window wraps it), a
    gap wider than a word space between each item and the next, items-1 such gaps in all
    but one fewer for each line after the first."""
    area = band(img, NAV, 15)
    if area is None:
        return ["no menu band"]
    width = img.width - SCROLLBAR
    rows = pixels.runs(pixels.ink_rows(pixels.ink(img, area.box(width), NAV)), gap=4)
    gaps = []
    for top, bottom in rows:
        found = words(img, (0, area.top + top, width, area.top + bottom + 1), NAV)
        gaps.append([b[0] - a[1] for a, b in zip(found, found[1:], strict=False)])
    wide = sum(gap >= MENU_GAP for line in gaps for gap in line)
    if wide < items - len(rows):
        return [f"{items} menu items on {len(rows)} line(s), but gaps of {gaps} px"]
    return []


def stray_panel_boxes(img: Image.Image) -> list[str]:
    """The panel border's colour only as the banner's full-width rule, never as a short bar."""
    counts = pixels.row_counts(pixels.matches(img, PANEL_BORDER))
    stray = [y for y, count in enumerate(counts) if 0 < count < img.width / 2]
    return [f"short {PANEL_BORDER} bars in rows {stray[:5]}"] if stray else []


def banner_boxes(img: Image.Image) -> list[str]:
    """No drawn box (a long dark line) between the banner's top and the header."""
    banner, header = band(img, BANNER, 30), band(img, HEADER, 15)
    if banner is None or header is None:
        return ["no banner or no header"]
    box = (0, banner.top, img.width - SCROLLBAR, header.top)
    rows = pixels.row_runs(pixels.matches(img, INK, box))
    longest = max((end - start for row in rows for start, end in row), default=0)
    return [f"a {longest} px dark line in the banner: a box"] if longest >= BOX else []


def breadcrumb_separators(img: Image.Image) -> list[str]:
    """On the first line under the menu, each underlined link is followed by a narrow mark
    (›) set apart on both sides, and then by the next crumb."""
    nav = band(img, NAV, 15)
    if nav is None:
        return ["no menu band"]
    width = img.width - SCROLLBAR
    below = pixels.ink(img, (0, nav.bottom, width, nav.bottom + 120), WHITE)
    lines = pixels.runs(pixels.ink_rows(below), gap=4)
    if not lines:
        return ["no line under the menu"]
    line = below.crop((0, lines[0][0], width, lines[0][1]))
    # Rows with a long run of ink are underlines: each long run is one link's extent.
    long_runs = [[r for r in row if r[1] - r[0] >= 25] for row in pixels.row_runs(line)]
    links = sorted({run for row in long_runs for run in row})
    if not links:
        return ["no underlined link under the menu"]
    text_rows = [y for y, long in enumerate(long_runs) if not long]
    data = line.tobytes()
    marks = pixels.runs(
        [any(data[y * width + x] for y in text_rows) for x in range(width)], gap=WORD_GAP
    )
    problems = []
    for _, link_end in links:
        after = [run for run in marks if run[0] >= link_end - 1]
        if len(after) < 2:
            problems.append(f"nothing after the link ending at x {link_end}")
        elif after[0][1] - after[0][0] > SEPARATOR:
            problems.append(f"no separator after the link ending at x {link_end}")
        elif after[1][0] - after[0][1] < WORD_GAP:
            problems.append(f"the separator after x {link_end} touches the next crumb")
    return problems
