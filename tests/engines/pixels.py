"""Reading a screenshot the way a person looks at it: where the coloured bands are, where
text ("ink") stands on a background, and the contrast between two colours (WCAG 2.x).
Pillow does the pixel work; nothing here knows the page's markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageChops

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def luminance(colour: Colour) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def matches(img: Image.Image, colour: Colour, box=None) -> Image.Image:
    """A mask (mode "1" as "L", 255 where the pixel is exactly ``colour``)."""
    region = img.crop(box) if box else img
    channels = [
        band.point(lambda v, want=want: 255 if v == want else 0)
        for band, want in zip(region.split(), colour, strict=True)
    ]
    return ImageChops.multiply(ImageChops.multiply(channels[0], channels[1]), channels[2])


def row_counts(mask: Image.Image) -> list[int]:
    """How many pixels of each row the mask marks."""
    width, height = mask.size
    return [mask.crop((0, y, width, y + 1)).histogram()[255] for y in range(height)]


@dataclass(frozen=True)
class Band:
    top: int
    bottom: int  # exclusive

    def box(self, width: int) -> tuple[int, int, int, int]:
        return (0, self.top, width, self.bottom)


def bands(img: Image.Image, colour: Colour, share: float = 0.3) -> list[Band]:
    """Runs of rows in which at least ``share`` of the pixels are ``colour``."""
    counts = row_counts(matches(img, colour))
    found, start = [], None
    for y, count in enumerate([*counts, 0]):
        full = count >= share * img.width
        if full and start is None:
            start = y
        elif not full and start is not None:
            found.append(Band(start, y))
            start = None
    return found


def runs(flags: list[bool], gap: int = 1) -> list[tuple[int, int]]:
    """(start, end) of the runs of True, joining runs that ``gap``-1 False separate."""
    found: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if not flag:
            continue
        if found and i - found[-1][1] < gap:
            found[-1] = (found[-1][0], i + 1)
        else:
            found.append((i, i + 1))
    return found


def ink(img: Image.Image, box, background: Colour) -> Image.Image:
    """A mask of what differs from the background inside the box (text, lines, borders)."""
    return ImageChops.invert(matches(img, background, box))


def row_runs(mask: Image.Image) -> list[list[tuple[int, int]]]:
    """For each row of a mask, its (start, end) runs of marked pixels."""
    data, width = mask.tobytes(), mask.width
    return [
        [m.span() for m in re.finditer(rb"\xff+", data[y * width : (y + 1) * width])]
        for y in range(mask.height)
    ]


def ink_columns(mask: Image.Image) -> list[bool]:
    return [bool(mask.crop((x, 0, x + 1, mask.height)).getbbox()) for x in range(mask.width)]


def ink_rows(mask: Image.Image) -> list[bool]:
    return [bool(mask.crop((0, y, mask.width, y + 1)).getbbox()) for y in range(mask.height)]


def strongest(img: Image.Image, box, background: Colour) -> float:
    """The highest contrast against the background of any pixel in the box: the text's own
    colour, which anti-aliased edges only approach."""
    colours = img.crop(box).getcolors(maxcolors=1 << 16) or []
    return max((contrast(colour, background) for _, colour in colours), default=1.0)
