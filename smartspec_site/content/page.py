"""A page and what it is made of, as templates print it: texts in the request's language,
the Markdown body, the sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flask import current_app
from flask_babel import get_locale, gettext, pgettext
from markupsafe import Markup, escape

from ..config import Defaults
from . import rendering


@dataclass(frozen=True)
class Text:
    """A translatable text from a content file, shown in the request's language.

    Escaped when a template prints it: a translation is text, never markup."""

    msgid: str
    context: str | None = None

    def __str__(self) -> str:
        return pgettext(self.context, self.msgid) if self.context else gettext(self.msgid)

    def __html__(self) -> Markup:
        return escape(str(self))

    def inline(self) -> Markup:
        """The text as inline Markdown, for a text that may mark a name's language (a
        source's title): ``[Tillväxtverket]{lang=sv}``."""
        return Markup(rendering.render_inline(str(self), reader()))  # noqa: S704 - markdown-it


def reader() -> rendering.Reader:
    """The request's reader of a body: its language, translations and links."""
    from .sitemap import site_map  # the site map is made of pages: imported when rendering

    locale, pages = str(get_locale()), site_map()
    return rendering.Reader(
        locale=locale,
        source=current_app.config["BABEL_DEFAULT_LOCALE"],
        gettext=gettext,
        pgettext=pgettext,
        link=lambda key: pages.url(pages[key], locale),
    )


@dataclass(frozen=True)
class Body:
    """A page's Markdown, rendered in the request's language where a template prints it:
    ``{{ page.body }}`` is the main part, ``{{ page.body.part("name") }}`` a named one."""

    parsed: rendering.ParsedBody

    def part(self, name: str) -> Markup:
        return Markup(rendering.render(self.parsed, reader(), name))  # noqa: S704 - escaped by markdown-it

    def __html__(self) -> Markup:
        return self.part(rendering.MAIN)

    def heading(self, anchor: str) -> Text:
        """The heading with the id ``anchor``, as a text in the request's language."""
        return Text(self.parsed.anchors()[anchor])


@dataclass(frozen=True)
class Summary:
    """The first paragraph of a body as plain text: the description of a group or area."""

    parsed: rendering.ParsedBody

    def __str__(self) -> str:
        first = self.parsed.text()
        return rendering.plain(gettext(first)) if first else ""

    def __html__(self) -> Markup:
        return escape(str(self))


@dataclass(frozen=True)
class Source:
    label: Text
    url: str
    hreflang: str


@dataclass(frozen=True, eq=False)
class Page:
    """One page; ``paths`` maps a locale to its path below ``/<locale>/``."""

    key: str
    kind: str  # "pages", "groups" or "areas": the folder of its file
    title: Text
    template: str
    paths: Mapping[str, str]
    updated: datetime  # when the site's own text on the page was last changed
    body: Body
    file: Path
    parent: str | None = None
    weight: int = 0
    heading: Text | None = None  # its own heading, where the title is shorter
    # When VGR last updated the page whose text this page keeps word for word (the start
    # page's 2022 text); None on pages that carry only the site's own text.
    original_updated: datetime | None = None
    description: Text | Summary | None = None
    sources: tuple[Source, ...] = ()
    menu: bool = False
    nav_label: Text | None = None
    fragment_block: str | None = None  # the block htmx swaps in; None: no fragment
    source: str = Defaults.BABEL_DEFAULT_LOCALE  # its file's language, whose path serves others

    def path(self, locale: str) -> str:
        return self.paths.get(locale, self.paths[self.source])

    @property
    def label(self) -> Text:
        """Its label in the main menu."""
        return self.nav_label or self.title
