"""The screenshot checks (looks.py) can fail: each finds its defect on a drawn page, words
as blocks of colour, and finds nothing on the same page drawn without it."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from . import looks
from .pixels import hex_colour

VISITED = hex_colour("#5a2d82")  # the site's a:visited, which Dillo kept on the dark menu
LINK = hex_colour("#005a9c")
WIDTH = 1024


def word(draw, x: int, top: int, width: int, colour) -> None:
    """A word as glyphs: 6 px blocks, 2 px apart (closer than looks.WORD_GAP)."""
    for left in range(x, x + width - 5, 8):
        draw.rectangle((left, top, left + 5, top + 14), fill=colour)


def page(
    menu_gap=24,
    menu_colour=looks.WHITE,
    separator=True,
    panel_bar=False,
    banner_box=False,
    menu_wraps=False,
) -> Image.Image:
    img = Image.new("RGB", (WIDTH, 400), looks.WHITE)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, WIDTH, 79), fill=looks.BANNER)
    for x in (16, 80, 150):  # the banner's heading
        word(draw, x, 10, 55, looks.INK)
    if banner_box:
        draw.rectangle((4, 40, WIDTH - 30, 70), outline=looks.INK, width=2)
    draw.rectangle((0, 80, WIDTH, 84), fill=looks.PANEL_BORDER)  # the banner's rule
    draw.rectangle((0, 85, WIDTH, 159), fill=looks.HEADER)
    word(draw, 16, 100, 224, looks.WHITE)  # brand
    word(draw, 16, 130, 64, looks.WHITE)  # language link
    draw.rectangle((0, 160, WIDTH, 199 + (30 if menu_wraps else 0)), fill=looks.NAV)
    x, top = 16, 172
    for i, word_widths in enumerate([[40], [70, 120], [140], [90, 60]]):  # 4 items
        if menu_wraps and i == 3:  # the last item on a line of its own, under the first
            x, top = 16, 202
        for j, w in enumerate(word_widths):
            colour = menu_colour if i == 0 else looks.WHITE
            word(draw, x, top, w, colour)
            x += w + (5 if j < len(word_widths) - 1 else menu_gap)
    x = 16
    for crumb in (150, 120, 60):  # two linked crumbs and the page's own
        word(draw, x, 220, crumb, LINK if crumb != 60 else looks.INK)
        if crumb != 60:
            draw.line((x, 238, x + crumb, 238), fill=LINK)  # the link's underline
            if separator:
                draw.rectangle(
                    (x + crumb + 6, 224, x + crumb + 11, 232), fill=hex_colour("#505a5f")
                )
                x += 12
        x += crumb + 6
    if panel_bar:
        draw.rectangle((16, 300, 20, 310), fill=looks.PANEL_BORDER)
    return img


def test_a_page_without_the_defects_looks_right():
    img = page()
    assert looks.header_contrast(img) == []
    assert looks.menu_spacing(img, 4) == []
    assert looks.menu_spacing(page(menu_wraps=True), 4) == []  # a menu on two lines
    assert looks.stray_panel_boxes(img) == []
    assert looks.banner_boxes(img) == []
    assert looks.breadcrumb_separators(img) == []


@pytest.mark.parametrize(
    ("defect", "check"),
    [
        ({"menu_colour": VISITED}, lambda img: looks.header_contrast(img)),
        ({"menu_gap": 5}, lambda img: looks.menu_spacing(img, 4)),
        ({"menu_gap": 5, "menu_wraps": True}, lambda img: looks.menu_spacing(img, 4)),
        ({"panel_bar": True}, looks.stray_panel_boxes),
        ({"banner_box": True}, looks.banner_boxes),
        ({"separator": False}, looks.breadcrumb_separators),
    ],
    ids=[
        "visited link on the menu",
        "menu run together",
        "wrapped menu run together",
        "panel bar",
        "banner box",
        "no ›",
    ],
)
def test_each_check_finds_its_defect(defect, check):
    assert check(page(**defect)) != []
