"""Reading a rendered page's markers: where each recorded text landed (page order, element
content, an attribute, the ``<head>``), and the page with the markers taken out, a flagged
text in element content wrapped in an outline."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .recording import _TO_DIGIT, MARKER, Key

# Elements whose content is text only, never elements: a marker there cannot become a span.
_RAW = ("script", "style", "textarea", "title", "option", "template")


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


class _Places(HTMLParser):
    """Where each recorded text opens, in page order, as Python's HTML parser reads the page:
    element content, an attribute, the head, or a text-only element or a comment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.places: list[Use] = []
        self.in_head = False
        self.raw: list[str] = []  # the text-only elements open here

    def _note(self, text: str, use: Use) -> None:
        if self.in_head:
            use = Use("head", use.detail)
        self.places += [use for found in MARKER.finditer(text) if found[1] is not None]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        if tag in ("html", "head"):
            self.in_head = True  # what precedes the body counts as the head
        elif tag == "body":
            self.in_head = False
        elif tag in _RAW:
            self.raw.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self._note(value or "", Use("attribute", f"{name} of <{tag}>"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag in self.raw:
            del self.raw[self.raw.index(tag) :]

    def handle_data(self, data: str) -> None:
        if self.raw:
            self._note(data, Use("hidden", f"<{self.raw[-1]}>"))
        else:
            self._note(data, Use("text"))

    def handle_comment(self, data: str) -> None:
        self._note(data, Use("hidden", "<!-- comment -->"))


def _places(html: str) -> list[Use]:
    """The use of each recorded text, in the order their openings appear in ``html``."""
    parser = _Places()
    parser.feed(html)
    parser.close()
    return parser.places


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
    places = iter(_places(html))
    spans: set[int] = set()
    anchored: set[int] = set()

    def replace(found: re.Match) -> str:
        ends = found[1] is None
        n = int((found[2] if ends else found[1]).translate(_TO_DIGIT))
        if ends:
            return closing if n in spans else ""
        use = next(places, Use("text"))
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


class _Ends(HTMLParser):
    """Where the head and the body end, as offsets into the page (the parser reads the
    page as a browser would: a ``</body>`` inside a script or a comment is not one)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        self.lines += [found.end() for found in re.finditer("\n", html)]
        self.ends: dict[str, int] = {}

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "body"):
            line, column = self.getpos()
            self.ends.setdefault(tag, self.lines[line - 1] + column)


def ends(html: str) -> dict[str, int]:
    """The offsets of the page's ``</head>`` and ``</body>``, those it has."""
    parser = _Ends(html)
    parser.feed(html)
    parser.close()
    return parser.ends


def anchor(number: int) -> str:
    """The id of an entry's first outlined text on the page."""
    return f"translation-entry-{number}"
