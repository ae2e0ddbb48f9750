"""The site map, built at start from the content files: pages, groups, areas, their paths
in every language, dates, the menu and the breadcrumbs.

``content/`` holds one file per page (see file.py and EDITING.md):

* ``pages/<key>.md``: a page of its own, under the start page (``pages/start.md``).
* ``groups/<key>.md``: one of VGR's four groups of areas, under the areas page.
* ``areas/<key>.md``: one development area, in the group its ``group`` field names.

Adding a page, a group or an area is adding a file: views, menu, breadcrumbs, alternates,
the sitemap and the translation catalog follow from here. Keys are the file names; the
Swedish and English paths come from each file's ``slug``, and a language without its own
slug uses the Swedish one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask, current_app, url_for

from ..config import Defaults
from . import rendering
from .file import ContentError, ContentFile, message, read
from .page import Body, Page, Source, Summary, Text

# Defaults: create_app passes its own settings.
SOURCE, ZONE = Defaults.BABEL_DEFAULT_LOCALE, Defaults.BABEL_DEFAULT_TIMEZONE
START = "start"
AREAS = "areas"  # the page the groups hang under; their paths start with its path
# The path segment between the areas page and a group's slug, per language. VGR named one
# group "Utvecklingsområden", like the page of all thirteen areas, so groups and areas get
# separate namespaces: /sv/utvecklingsomraden/grupp/utvecklingsomraden.
GROUP_SEGMENT = {"sv": "grupp", "en": "group"}
FRAGMENT_BLOCK = "panel"  # the block of a group or area page that htmx swaps in

# The fields each kind of file takes (besides "sources"), and which it must have.
FIELDS = {
    "pages": {
        *("title", "heading", "slug", "updated", "weight", "template", "description", "menu"),
        *("nav_label", "parent", "original_updated"),
        # The accessibility statement (statement.py): when it was assessed, its known gaps.
        *("assessed", "gaps"),
    },
    "groups": {"title", "heading", "slug", "updated", "weight", "description"},
    "areas": {"title", "slug", "updated", "weight", "description", "group"},
}
REQUIRED = {"title", "slug", "updated"}
SOURCE_FIELDS = {"label", "url", "lang"}


class SiteMap:
    def __init__(self, pages: Iterable[Page], source: str = SOURCE):
        self.source = source  # the language of the files; its paths serve any other
        unordered = {page.key: page for page in pages}
        self._children: dict[str | None, list[Page]] = {}
        for page in sorted(unordered.values(), key=lambda p: (p.weight, p.key)):
            self._children.setdefault(page.parent, []).append(page)
        self.pages: tuple[Page, ...] = tuple(self._walk(None))
        self.by_key = {page.key: page for page in self.pages}
        lost = unordered.keys() - self.by_key.keys()
        if lost:
            raise ContentError(unordered[min(lost)].file, None, "its parent page does not exist")
        self.groups = tuple(p for p in self.pages if p.kind == "groups")
        self.menu = [p for p in self.pages if p.menu]
        self._by_path = {}
        for locale in {loc for page in self.pages for loc in page.paths}:
            table = {p.path(locale): p for p in self.pages}
            if len(table) != len(self.pages):
                raise ContentError("content", None, f"two pages share a path in {locale!r}")
            self._by_path[locale] = table

    def _walk(self, parent: str | None) -> Iterator[Page]:
        for page in self._children.get(parent, ()):
            yield page
            yield from self._walk(page.key)

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def __getitem__(self, key: str) -> Page:
        return self.by_key[key]

    def children(self, page: Page) -> list[Page]:
        return self._children.get(page.key, [])

    def resolve(self, locale: str, path: str) -> Page | None:
        """The page at ``/<locale>/<path>``, or None. Other locales use the source's paths."""
        return self._by_path.get(locale, self._by_path[self.source]).get(path)

    def trail(self, page: Page) -> list[Page]:
        """Breadcrumb trail from the start page down to ``page`` (inclusive)."""
        trail = [page]
        while trail[-1].parent:
            trail.append(self.by_key[trail[-1].parent])
        return trail[::-1]

    def url(self, page: Page, locale: str, external: bool = False) -> str:
        return url_for("site.page", lang_code=locale, slug=page.path(locale), _external=external)


KEY = "content"


@dataclass
class Content:
    """The content's state in ``app.extensions["content"]``: the site map of this moment
    (the development server reloads it) and the locales it is served in."""

    site_map: SiteMap
    locales: tuple[str, ...]  # the default first, then each with a catalog


def site_map(app: Flask | None = None) -> SiteMap:
    return (app or current_app).extensions[KEY].site_map


def locales(app: Flask | None = None) -> tuple[str, ...]:
    return (app or current_app).extensions[KEY].locales


# --- Building the site map from the files ------------------------------------------------


def _datetime(file: ContentFile, field: str, zone: ZoneInfo) -> datetime | None:
    """A TOML date-time field; one without an offset is local time in the site's time zone."""
    value = file.meta.get(field)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=zone)
    raise file.error(f'"{field}" is a date and time, such as 2026-11-26T12:00:00', field)


def _text(file: ContentFile, field: str) -> Text | None:
    value = file.meta.get(field)
    return None if value is None else Text(*message(value, field, file.path))


def _slugs(file: ContentFile, source: str) -> dict[str, str]:
    slug = file.meta["slug"]
    if not (
        isinstance(slug, dict) and source in slug and all(isinstance(v, str) for v in slug.values())
    ):
        raise file.error(
            f'"slug" is a table of paths per language: {{ {source} = "…", en = "…" }}', "slug"
        )
    return slug


def _under(source: str, *parts: Mapping[str, str]) -> dict[str, str]:
    return {
        loc: "/".join(part.get(loc, part[source]) for part in parts) for loc in set().union(*parts)
    }


def _sources(file: ContentFile) -> tuple[Source, ...]:
    found = []
    for source in file.meta.get("sources", ()):
        if not isinstance(source, dict) or set(source) != SOURCE_FIELDS:
            raise file.error(
                "every [[sources]] has a label, a url and a lang (of the page)", "label"
            )
        found.append(
            Source(
                Text(*message(source["label"], "label", file.path)), source["url"], source["lang"]
            )
        )
    return tuple(found)


def _check(file: ContentFile, kind: str) -> None:
    allowed = FIELDS[kind] | {"sources"}
    unknown = sorted(set(file.meta) - allowed)
    if unknown:
        raise file.error(
            f"unknown field {unknown[0]!r}; a file in {kind}/ takes: " + ", ".join(sorted(allowed)),
            unknown[0],
        )
    missing = sorted(REQUIRED - set(file.meta))
    if missing:
        raise file.error(f"the field {missing[0]!r} is missing")


def build(files: Iterable[ContentFile], zone: ZoneInfo, source: str = SOURCE) -> SiteMap:
    files = list(files)
    by_kind: dict[str, list[ContentFile]] = {"pages": [], "groups": [], "areas": []}
    for file in files:
        kind = file.path.parent.name
        if kind not in by_kind:
            raise file.error("a content file lives in pages/, groups/ or areas/")
        _check(file, kind)
        by_kind[kind].append(file)
    pages: list[Page] = []
    slugs = {f.path.stem: _slugs(f, source) for f in by_kind["pages"]}
    if AREAS not in slugs:
        raise ContentError("content/pages", None, f"{AREAS}.md is missing")

    def page(file: ContentFile, kind: str, key: str, **fields: Any) -> Page:
        meta = file.meta
        return Page(
            key=key,
            kind=kind,
            title=_text(file, "title"),
            updated=_datetime(file, "updated", zone),
            heading=_text(file, "heading"),
            body=Body(file.body),
            file=file.path,
            weight=int(meta.get("weight", 0)),
            description=_text(file, "description") or Summary(file.body),
            sources=_sources(file),
            source=source,
            **fields,
        )

    for file in by_kind["pages"]:
        key = file.path.stem
        pages.append(
            page(
                file,
                "pages",
                key,
                template=f"pages/{file.meta.get('template', 'page')}.html",
                paths=slugs[key],
                parent=None if key == START else file.meta.get("parent", START),
                original_updated=_datetime(file, "original_updated", zone),
                menu=bool(file.meta.get("menu", False)),
                nav_label=_text(file, "nav_label"),
            )
        )
    for file in by_kind["groups"]:
        pages.append(
            page(
                file,
                "groups",
                f"group:{file.path.stem}",
                template="pages/group.html",
                paths=_under(source, slugs[AREAS], GROUP_SEGMENT, _slugs(file, source)),
                parent=AREAS,
                fragment_block=FRAGMENT_BLOCK,
            )
        )
    groups = {f.path.stem for f in by_kind["groups"]}
    for file in by_kind["areas"]:
        if file.meta.get("group") not in groups:
            raise file.error(f'"group" names one of: {", ".join(sorted(groups))}', "group")
        pages.append(
            page(
                file,
                "areas",
                f"area:{file.path.stem}",
                template="pages/area.html",
                paths=_under(source, slugs[AREAS], _slugs(file, source)),
                parent=f"group:{file.meta['group']}",
                fragment_block=FRAGMENT_BLOCK,
            )
        )
    site_map = SiteMap(pages, source)
    for file in files:
        _check_links(file, site_map)
    return site_map


def _check_links(file: ContentFile, site_map: SiteMap) -> None:
    """Every ``page:`` link names a page that exists."""
    for unit in file.units:
        for href in rendering.links(unit.msgid):
            key = href.removeprefix("page:").partition("#")[0]
            if href.startswith("page:") and key not in site_map.by_key:
                raise ContentError(
                    file.path,
                    unit.lineno,
                    f"no page {key!r}: a page: link names a page by its file, such as "
                    "page:areas, page:area:ict or page:group:strength",
                )


def content_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.md"))


def load(folder: Path, zone: str = ZONE, source: str = SOURCE) -> SiteMap:
    """The site map of a content folder; a mistake is a ContentError naming file and line."""
    return build((read(path) for path in content_files(folder)), ZoneInfo(zone), source)
