"""The rules the texts keep, read from the pages as a visitor gets them: the region's
English name, honest dates, the strategy of 2022–2025 and the links to it, no label or
heading said twice in a row, and each thing said once."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from smartspec_site import create_app
from smartspec_site.config import Defaults

from .conftest import TEST_CONFIG
from .helpers import AREAS, HX, LOCALES, SITE, page_paths, soup

SWEDISH_NAME = "Västra Götalandsregionen"
ERROR_PATHS = ("/en/no-such-page",)


def swedish_name_outside_swedish(doc: BeautifulSoup) -> list[str]:
    """Where a page shows the region's Swedish name outside an element marked as Swedish:
    in its text or in an attribute (the title, a description, a label)."""
    for swedish in doc.select("[lang|=sv]"):
        swedish.decompose()
    found = [" ".join(text.split())[:80] for text in doc.find_all(string=re.compile(SWEDISH_NAME))]
    for tag in doc.find_all(True):
        found += [f"{tag.name}[{k}]" for k, v in tag.attrs.items() if SWEDISH_NAME in str(v)]
    return found


@pytest.mark.parametrize(
    "path", [p for _, p in page_paths("en")] + list(ERROR_PATHS), ids=lambda p: p
)
def test_english_pages_name_the_region_in_english(client, path):
    assert swedish_name_outside_swedish(soup(client.get(path))) == []


def test_the_name_check_finds_the_swedish_name_unmarked():
    page = BeautifulSoup(
        f'<title>{SWEDISH_NAME}</title><p>{SWEDISH_NAME}\'s strategy</p><p lang="sv">'
        f'{SWEDISH_NAME}s budget</p><meta content="By {SWEDISH_NAME}">',
        "html5lib",
    )
    assert len(swedish_name_outside_swedish(page)) == 3


# --- Breadcrumbs and headings --------------------------------------------------------------


def repeats(labels: list[str]) -> list[str]:
    """Labels that stand right after the same label."""
    return [b for a, b in zip(labels, labels[1:], strict=False) if a.casefold() == b.casefold()]


def test_the_repeat_check_finds_a_repeat():
    assert repeats(["Start", "Utvecklingsområden", "Utvecklingsområden", "Material"]) == [
        "Utvecklingsområden"
    ]
    assert repeats(["Start", "Utvecklingsområden", "Styrkeområden"]) == []


def breadcrumb_repeats(client, locale: str) -> dict[str, list[str]]:
    found = {}
    for _, path in page_paths(locale):
        doc = soup(client.get(path))
        # The labels as read: the separators between them are aria-hidden text.
        for separator in doc.select(".breadcrumbs [aria-hidden=true]"):
            separator.decompose()
        crumbs = [li.get_text(strip=True) for li in doc.select(".breadcrumbs li")]
        if repeats(crumbs):
            found[path] = crumbs
    return found


def headings(node) -> list[str]:
    return [h.get_text(" ", strip=True) for h in node.find_all(re.compile(r"^h[1-6]$"))]


def heading_repeats(client, locale: str) -> dict[str, list[str]]:
    """Headings right after a heading with the same text: on every page, and where a group
    or area opens in place, its panel's heading after the last heading above the list (the
    start page's "Utvecklingsområden", the areas page's h1) when it is the only panel open."""
    found = {}
    for _, path in page_paths(locale):
        doc = soup(client.get(path))
        if repeats(headings(doc.main)):
            found[path] = headings(doc.main)
        for listing in doc.main.select(".groups[role=list], ul.areas[data-heading-level]"):
            above = listing.find_previous(re.compile(r"^h[1-6]$"))
            for link in listing.select("a.expander"):
                panel = BeautifulSoup(
                    client.get(link["href"], headers=HX).get_data(as_text=True), "html5lib"
                )
                pair = [above.get_text(" ", strip=True), headings(panel)[0]]
                if repeats(pair):
                    found[f"{path} → {link['href']}"] = pair
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_no_breadcrumb_shows_the_same_label_twice_in_a_row(client, locale):
    assert breadcrumb_repeats(client, locale) == {}
    material = soup(client.get(f"/{locale}/{AREAS['materials'].path(locale)}"))
    assert len(material.select(".breadcrumbs li")) == 4  # start, areas, the group, the area


@pytest.mark.parametrize("locale", LOCALES)
def test_no_heading_stands_above_a_heading_with_the_same_text(client, locale):
    assert heading_repeats(client, locale) == {}


def test_the_checks_find_the_labels_that_used_to_repeat(tmp_path):
    """With the areas page titled like VGR's second group, and that group named by its bare
    name, both checks fail where the site used to repeat itself."""
    content = Path(shutil.copytree(Defaults.CONTENT_DIR, tmp_path / "content"))
    areas, group = content / "pages" / "areas.md", content / "groups" / "development.md"
    areas.write_text(
        areas.read_text(encoding="utf-8").replace(
            'title = "Utvecklingsområden i VG2020"', 'title = "Utvecklingsområden"'
        ),
        encoding="utf-8",
    )
    group.write_text(
        group.read_text(encoding="utf-8").replace(
            'title = "Gruppen Utvecklingsområden"', 'title = "Utvecklingsområden"'
        ),
        encoding="utf-8",
    )
    client = create_app({**TEST_CONFIG, "CONTENT_DIR": str(content)}).test_client()
    crumbs = breadcrumb_repeats(client, "sv")
    assert crumbs["/sv/utvecklingsomraden/material"][1:3] == ["Utvecklingsområden"] * 2
    assert "/sv/ → /sv/utvecklingsomraden/grupp/utvecklingsomraden" in heading_repeats(client, "sv")


# --- Dates ---------------------------------------------------------------------------------


def footer_dates(doc) -> list[tuple[str, str]]:
    return [
        (p.time["datetime"], p.get_text(" ", strip=True))
        for p in doc.select(".site-footer__updated")
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_date_says_what_it_dates(client, locale):
    """A page with only the site's own text shows its date; the start page, which keeps
    VGR's text of 2022, shows that text's date and the date of the site's own texts on it,
    each labelled."""
    start = SITE["start"]
    assert start.original_updated is not None
    for page, path in page_paths(locale):
        dates = footer_dates(soup(client.get(path)))
        if page.key == "start":
            assert [d for d, _ in dates] == [
                start.original_updated.isoformat(timespec="minutes"),
                start.updated.isoformat(timespec="minutes"),
            ]
            # Each label leads with whose text it dates.
            labels = [text for _, text in dates]
            whose = {
                "sv": ("Västra Götalandsregionens text", "Webbplatsens egna texter"),
                "en": ("Region Västra Götaland's text", "This site's own texts"),
            }[locale]
            assert labels[0].startswith(whose[0]) and labels[1].startswith(whose[1])
        else:
            assert page.original_updated is None
            assert [d for d, _ in dates] == [page.updated.isoformat(timespec="minutes")]
            assert page.updated.year > 2022  # text written for this site


@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_says_it_was_updated_after_today(client, locale):
    """A date in the future is a typo or a wish: in the footer it misleads a reader, and as
    Last-Modified it tells caches that the page comes from the future."""
    now = datetime.now(UTC)
    for _, path in page_paths(locale):
        response = client.get(path)
        for when, text in footer_dates(soup(response)):
            assert datetime.fromisoformat(when) <= now, f"{path}: {text}"
        assert response.last_modified <= now, path


@pytest.mark.parametrize("locale", LOCALES)
def test_the_start_page_has_a_dated_note_above_the_2022_text(client, locale):
    doc = soup(client.get(f"/{locale}/"))
    note = doc.main.find(role="note")
    assert note is not None
    assert note.find_previous("h1") is not None and note.find_next("p", class_="lead")
    assert note.find("strong"), "a strong lead-in marks what the note is"
    when = note.find("time")
    assert when["datetime"] == SITE["start"].original_updated.date().isoformat()
    assert when.get_text() == ("4 januari 2022" if locale == "sv" else "4 January 2022")
    strategy = f"/{locale}/{SITE['s3'].path(locale)}"
    assert note.find("a", href=strategy) is not None
    # When the text was written, what the plans became, and that their period has ended.
    text = " ".join(note.get_text(" ", strip=True).split())
    assert ("hösten 2021" if locale == "sv" else "autumn 2021") in text
    assert note.find("span", lang="sv", string="Stärka innovationskraften") or (
        locale == "sv" and "Stärka innovationskraften" in text
    )
    assert ("2022–2025 är nu slut" if locale == "sv" else "That period has now ended") in text


# --- The strategy of 2022–2025 -------------------------------------------------------------

STRENGTHS = {
    "hallbar-industri": ("Hållbar industri", "Sustainable Industry"),
    "halsa-och-life-science": ("Hälsa och life science", "Health and Life Science"),
    "livsmedel-material-och-energi": (
        "Livsmedel, biobaserade material och förnybar energi",
        "Food, Bio-based Materials and Renewable Energy",
    ),
    "framtidens-mobilitet": ("Framtidens mobilitet", "Sustainable Mobility and Transport"),
    "besoksnaring-och-kultur": (
        "Besöksnäring samt kulturella och kreativa näringar",
        "Tourism and Culture and Creative Industries",
    ),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_strategy_page_lists_the_five_areas_of_strength_by_both_names(client, locale):
    doc = soup(client.get(f"/{locale}/{SITE['s3'].path(locale)}"))
    section = doc.find(id="styrkeomraden")
    found = {h["id"]: h for h in section.find_all_next("h3") if h.get("id") in STRENGTHS}
    assert list(found) == list(STRENGTHS)
    for anchor, (swedish, english) in STRENGTHS.items():
        heading, other = (swedish, english) if locale == "sv" else (english, swedish)
        assert found[anchor].get_text(strip=True) == heading
        name = found[anchor].find_next("p").find("span", lang="en" if locale == "sv" else "sv")
        assert name is not None and name.get_text(strip=True) == other
    assert doc.main.find(
        "a", href=re.compile(r"^https://www\.vgregion\.se/.*/starka-innovationskraften/$")
    )
    assert doc.main.find("table"), "the VG2020 areas against the areas of strength, as a table"


def table_links(client, locale) -> dict[str, str]:
    """The strategy page's table: each VG2020 area's page, and the area of strength its row
    links to."""
    doc = soup(client.get(f"/{locale}/{SITE['s3'].path(locale)}"))
    found = {}
    for row in doc.find("table").select("tbody tr"):
        area, strength = row.find_all("td")
        found[area.a["href"]] = strength.a["href"].lstrip("#")
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_every_area_page_links_to_the_strategy_and_to_its_area_of_strength(client, locale):
    strategy = f"/{locale}/{SITE['s3'].path(locale)}"
    rows = table_links(client, locale)
    for key, area in AREAS.items():
        path = f"/{locale}/{area.path(locale)}"
        links = {a["href"] for a in soup(client.get(path)).main.find_all("a")}
        assert any(link.split("#")[0] == strategy for link in links), key
        if area.strength:  # its name reappears in an area of strength: the link goes there
            assert f"{strategy}#{area.strength}" in links, key
            assert rows[path] == area.strength, f"{key}: the table says otherwise"
        else:
            assert f"{strategy}#vg2020" in links, key
    assert {SITE[f"area:{k}"].strength for k in AREAS} - {None} <= set(STRENGTHS)


# --- Say each thing once --------------------------------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\d])")
PROSE = "p, li, dd, td"
NOT_PROSE = ".sources, .panel__group, .panel__related, .groups, .areas, .site-footer, nav"


def sentences_of(html: str) -> set[str]:
    """The sentences of eight words or more in a page's <main> prose: paragraphs, list items,
    definitions and table cells, without the sources lists, the lists of groups and areas,
    and the template's lines on the group and the strategy."""
    main = BeautifulSoup(html, "html5lib").main
    for skip in main.select(NOT_PROSE):
        skip.decompose()
    found = set()
    for block in main.select(PROSE):
        text = " ".join(block.get_text(" ", strip=True).split())
        found |= {s for s in SENTENCE.split(text) if len(s.split()) >= 8}
    return found


def said_twice(client, locale: str) -> dict[str, list[str]]:
    where = defaultdict(list)
    for _, path in page_paths(locale):
        for sentence in sentences_of(client.get(path).get_data(as_text=True)):
            where[sentence].append(path)
    return {s: paths for s, paths in where.items() if len(paths) > 1}


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sentence_is_said_on_two_pages(client, locale):
    assert said_twice(client, locale) == {}


def test_the_check_finds_a_sentence_said_twice(tmp_path):
    content = Path(shutil.copytree(Defaults.CONTENT_DIR, tmp_path / "content"))
    repeated = "Den här meningen har fler än åtta ord och står på två sidor."
    for name in ("ict", "tourism"):
        area = content / "areas" / f"{name}.md"
        area.write_text(area.read_text(encoding="utf-8") + f"\n{repeated}\n", encoding="utf-8")
    client = create_app({**TEST_CONFIG, "CONTENT_DIR": str(content)}).test_client()
    assert list(said_twice(client, "sv")) == [repeated]
    # A short sentence, a source's title and the template's group line do not count.
    assert sentences_of("<main><p>Kort mening här.</p></main>") == set()
