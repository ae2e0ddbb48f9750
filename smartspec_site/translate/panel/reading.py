"""Reading a rendered page's markers: where each recorded text landed (page order, element
content, an attribute, the ``<head>``), and the page with the markers taken out, a flagged
text in element content wrapped in an outline."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .recording import _TO_DIGIT, MARKER, Key

# Elements whose content is text only, never elements: a marker there cannot become a span.
_RAW = ("script", "style", "textarea", "title", "option", "template")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>", re.S)
_HEAD_END = "</{}>".format("head")  # the end of the head, which no outline reaches
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)\s*=\s*["'][^"']*$""")


@dataclass
class Use:
    """Where one call's text landed: ``text`` (element content), ``attribute``, ``head``,
    ``hidden`` (a script, a comment, a title or an option), or ``unseen``."""

    where: str
    detail: str = ""


@dataclass
class PanelPage:
    """A rendered page with its markers read: the HTML to send, and every call's use."""

    html: str
    calls: list[Key]
    uses: dict[int, Use] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # call numbers in page order
    numbers: dict[Key, int] = field(default_factory=dict)  # entry numbers, in page order

    def number(self, n: int) -> int:
        return self.numbers.setdefault(self.calls[n], len(self.numbers) + 1)


def _regions(html: str) -> list[tuple[int, int, str]]:
    """(start, end, what) of the parts where a marker is not element content: the head, each
    tag (its attributes), each comment and the text of each text-only element."""
    regions: list[tuple[int, int, str]] = []
    head = html.find(_HEAD_END)
    if head >= 0:
        regions.append((0, head, "head"))
    position = 0
    while found := _TAG.search(html, position):
        start, end = found.span()
        name = (found[2] or "").lower()
        if found[0].startswith("<!--"):
            regions.append((start, end, "hidden <!-- comment -->"))
        else:
            regions.append((start, end, f"attribute <{name}>"))
            if not found[1] and name in _RAW:
                close = re.compile(f"</{name}\\s*>", re.I).search(html, end)
                stop = close.start() if close else len(html)
                regions.append((end, stop, f"hidden <{name}>"))
                position = stop
                continue
        position = end
    return regions


def read(
    html: str,
    calls: list[Key],
    flag: Callable[[Key], str | None],
    opening: Callable[[str, int, str | None], str],
    closing: str,
) -> PanelPage:
    """Take the markers out of ``html``; a flagged call in element content is put between
    ``opening(state, number, anchor)`` and ``closing`` (``flag`` gives its state, None for
    a text that needs no outline)."""
    page = PanelPage(html, calls)
    regions = sorted(_regions(html))
    starts = [start for start, _, _ in regions]
    spans: set[int] = set()
    anchored: set[int] = set()

    def where(position: int) -> Use:
        index = bisect.bisect_right(starts, position) - 1
        # A marker in the head may also sit in a tag there: the innermost region decides.
        inside = [r for r in regions[: index + 1] if r[0] <= position < r[1]]
        if not inside:
            return Use("text")
        what = inside[-1][2]
        if what.startswith("attribute"):
            tag = html[inside[-1][0] : position]
            name = _ATTRIBUTE.search(tag)
            detail = f"{name[1] if name else '?'} of {what.split()[1]}"
        else:
            detail = what.split(" ", 1)[-1]
        if inside[0][2] == "head":
            return Use("head", detail)
        return Use(what.split()[0], detail)

    def replace(found: re.Match) -> str:
        ends = found[1] is None
        n = int((found[2] if ends else found[1]).translate(_TO_DIGIT))
        if ends:
            return closing if n in spans else ""
        use = where(found.start())
        if n >= len(calls):
            return ""
        if n not in page.uses:
            page.uses[n] = use
            page.order.append(n)
        number = page.number(n)
        state = flag(calls[n]) if use.where == "text" else None
        if state is None:
            return ""
        spans.add(n)
        first = number not in anchored
        anchored.add(number)
        return opening(state, number, anchor(number) if first else None)

    page.html = MARKER.sub(replace, html)
    for n in range(len(calls)):
        if n not in page.uses:
            page.uses[n] = Use("unseen")
            page.order.append(n)
            page.number(n)
    return page


def anchor(number: int) -> str:
    """The id of an entry's first outlined text on the page."""
    return f"translation-entry-{number}"
