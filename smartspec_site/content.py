"""The site map as data: pages, area groups and areas, with their slugs per locale.

Views are generic over this module: adding a page is an entry here plus, at most, a template.
Texts are Swedish msgids (the source language) marked with ``_l`` for extraction; a locale
without its own slug falls back to the Swedish one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from . import texts
from .texts import Source, Text


@dataclass(frozen=True)
class Area:
    key: str
    name: Text
    slugs: Mapping[str, str]
    paragraphs: Sequence[Text]
    sources: Sequence[Source] = ()


@dataclass(frozen=True)
class Group:
    key: str
    name: Text
    slugs: Mapping[str, str]
    paragraphs: Sequence[Text]
    areas: Sequence[Area]
    sources: Sequence[Source] = ()


@dataclass(frozen=True)
class Page:
    """One URL per locale. ``paths`` maps a locale to the path below ``/<locale>/``."""

    key: str
    title: Text
    template: str
    paths: Mapping[str, str]
    updated: datetime
    parent: str | None = None
    description: Text | None = None
    # The block a fragment request renders (htmx expanders); None: the page has no fragment.
    fragment_block: str | None = None
    subject: Area | Group | None = field(default=None, compare=False)
    # Its short label in the main menu, if it is in the menu (None: the title).
    nav_label: Text | None = None

    def path(self, locale: str) -> str:
        return self.paths.get(locale, self.paths["sv"])

    @property
    def label(self) -> Text:
        return self.nav_label or self.title


# Dates shown as "Senast uppdaterad". The start page keeps the seed page's date; the pages
# written for this site carry the date their text was written.
STOCKHOLM = ZoneInfo("Europe/Stockholm")
SEED_UPDATED = datetime(2022, 1, 4, 14, 42, tzinfo=STOCKHOLM)
WRITTEN = datetime(2026, 11, 26, 12, 0, tzinfo=STOCKHOLM)

AREAS_SLUG = {"sv": "utvecklingsomraden", "en": "development-areas"}
GROUPS_SLUG = {"sv": "grupp", "en": "group"}


def _area(key: str, name: Text, sv: str, en: str) -> Area:
    body = texts.AREAS[key]
    return Area(key, name, {"sv": sv, "en": en}, body.paragraphs, body.sources)


AREAS: dict[str, Area] = {
    a.key: a
    for a in (
        # Translators: name of a development area; VGR uses the English term in Swedish too.
        _area("life-science", _l("Life science"), "life-science", "life-science"),
        _area(
            "sustainable-transport",
            _l("Hållbara transporter"),
            "hallbara-transporter",
            "sustainable-transport",
        ),
        _area("green-chemistry", _l("Grön kemi"), "gron-kemi", "green-chemistry"),
        _area(
            "marine-maritime",
            _l("Marin miljö/maritim näring"),
            "marin-miljo-och-maritim-naring",
            "marine-environment-and-maritime-sector",
        ),
        # Translators: name of a development area (materials science and industry).
        _area("materials", _l("Material"), "material", "materials"),
        _area("textiles-fashion", _l("Textil/Mode"), "textil-och-mode", "textiles-and-fashion"),
        _area(
            "food-agriculture",
            _l("Livsmedel/gröna näringar"),
            "livsmedel-och-grona-naringar",
            "food-and-agriculture",
        ),
        _area("renewable-energy", _l("Förnybar energi"), "fornybar-energi", "renewable-energy"),
        _area(
            "cultural-creative",
            _l("Kultur och kreativa näringar"),
            "kultur-och-kreativa-naringar",
            "cultural-and-creative-industries",
        ),
        _area("tourism", _l("Besöksnäring"), "besoksnaring", "tourism"),
        _area(
            "urban-development",
            _l("Hållbar stadsutveckling"),
            "hallbar-stadsutveckling",
            "sustainable-urban-development",
        ),
        # Translators: abbreviation of "informations- och kommunikationsteknik" (ICT).
        _area("ict", _l("IKT"), "ikt", "ict"),
        _area(
            "sustainable-production",
            _l("Hållbar produktion"),
            "hallbar-produktion",
            "sustainable-production",
        ),
    )
}


def _group(key: str, name: Text, sv: str, en: str, area_keys: Sequence[str]) -> Group:
    body = texts.GROUPS[key]
    return Group(
        key,
        name,
        {"sv": sv, "en": en},
        body.paragraphs,
        tuple(AREAS[k] for k in area_keys),
        body.sources,
    )


# The four groups as VGR categorised the thirteen areas in 2017, in VGR's order.
GROUPS: tuple[Group, ...] = (
    _group(
        "strength",
        # Translators: name of the first group of areas (VGR's "styrkeområden").
        _l("Styrkeområden"),
        "styrkeomraden",
        "areas-of-strength",
        ("life-science", "sustainable-transport", "green-chemistry"),
    ),
    _group(
        "development",
        # Translators: name of the second group of areas. VGR calls this group
        # "Utvecklingsområden", the same word as the page listing all thirteen areas; give it
        # a name of its own so the two never read the same (English: areas under development).
        lazy_pgettext("group of areas", "Utvecklingsområden"),
        "utvecklingsomraden",
        "areas-under-development",
        ("marine-maritime", "materials", "textiles-fashion"),
    ),
    _group(
        "attractive-region",
        _l("Förutsättningar för en attraktiv och hållbar region"),
        "attraktiv-och-hallbar-region",
        "attractive-and-sustainable-region",
        (
            "food-agriculture",
            "renewable-energy",
            "cultural-creative",
            "tourism",
            "urban-development",
        ),
    ),
    _group(
        "knowledge-based",
        _l("Förutsättningar för kunskapsbaserad utveckling"),
        "kunskapsbaserad-utveckling",
        "knowledge-based-development",
        ("ict", "sustainable-production"),
    ),
)


def _under(prefix: Mapping[str, str], *parts: Mapping[str, str]) -> dict[str, str]:
    return {loc: "/".join([prefix[loc], *(p[loc] for p in parts)]) for loc in prefix}


def _pages() -> Iterator[Page]:
    yield Page(
        "start",
        _l("Smart specialisering"),
        "pages/start.html",
        {"sv": "", "en": ""},
        SEED_UPDATED,
        description=texts.DESCRIPTIONS["start"],
        # Translators: short labels of the main menu; each names a page with a longer title.
        nav_label=lazy_pgettext("navigation", "Start"),
    )
    yield Page(
        "strategy",
        _l("Regional utvecklingsstrategi 2021–2030"),
        "pages/strategy.html",
        {"sv": "regional-utvecklingsstrategi", "en": "regional-development-strategy"},
        WRITTEN,
        parent="start",
        description=texts.DESCRIPTIONS["strategy"],
        nav_label=lazy_pgettext("navigation", "Regional utvecklingsstrategi"),
    )
    yield Page(
        "areas",
        _l("Utvecklingsområden"),
        "pages/areas.html",
        AREAS_SLUG,
        WRITTEN,
        parent="start",
        description=texts.DESCRIPTIONS["areas"],
    )
    for group in GROUPS:
        yield Page(
            f"group:{group.key}",
            group.name,
            "pages/group.html",
            _under(AREAS_SLUG, GROUPS_SLUG, group.slugs),
            WRITTEN,
            parent="areas",
            description=group.paragraphs[0],
            fragment_block="panel",
            subject=group,
        )
        for area in group.areas:
            yield Page(
                f"area:{area.key}",
                area.name,
                "pages/area.html",
                _under(AREAS_SLUG, area.slugs),
                WRITTEN,
                parent=f"group:{group.key}",
                description=area.paragraphs[0],
                fragment_block="panel",
                subject=area,
            )
    yield Page(
        "mapping",
        _l("Kartläggning av europeiska regioner med liknande smart specialisering"),
        "pages/mapping.html",
        {"sv": "kartlaggning-europeiska-regioner", "en": "mapping-european-regions"},
        WRITTEN,
        parent="start",
        description=texts.DESCRIPTIONS["mapping"],
        nav_label=lazy_pgettext("navigation", "Europeiska regioner"),
    )


class SiteMap:
    # The main menu, in order.
    MENU = ("start", "strategy", "areas", "mapping")

    def __init__(self, pages: Sequence[Page], groups: Sequence[Group]):
        self.pages: tuple[Page, ...] = tuple(pages)
        self.groups: tuple[Group, ...] = tuple(groups)
        self.by_key: dict[str, Page] = {p.key: p for p in self.pages}
        if len(self.by_key) != len(self.pages):
            raise ValueError("duplicate page key")
        self._by_path: dict[str, dict[str, Page]] = {}

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def __getitem__(self, key: str) -> Page:
        return self.by_key[key]

    def resolve(self, locale: str, path: str) -> Page | None:
        """The page at ``/<locale>/<path>``, or None. Unknown locales use the Swedish slugs."""
        table = self._by_path.get(locale)
        if table is None:
            table = {p.path(locale): p for p in self.pages}
            if len(table) != len(self.pages):
                raise ValueError(f"two pages share a path in locale {locale!r}")
            self._by_path[locale] = table
        return table.get(path)

    def trail(self, page: Page) -> list[Page]:
        """Breadcrumb trail from the start page down to ``page`` (inclusive)."""
        trail = [page]
        while trail[-1].parent:
            trail.append(self.by_key[trail[-1].parent])
        return trail[::-1]

    @property
    def menu(self) -> list[Page]:
        return [self.by_key[key] for key in self.MENU]

    def group_page(self, group: Group) -> Page:
        return self.by_key[f"group:{group.key}"]

    def area_page(self, area: Area) -> Page:
        return self.by_key[f"area:{area.key}"]


SITE = SiteMap(list(_pages()), GROUPS)
