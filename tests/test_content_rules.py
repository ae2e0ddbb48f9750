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

from smartspec_site.config import Defaults

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


def test_the_checks_find_the_labels_that_used_to_repeat(tmp_path, make_client):
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
    client = make_client(CONTENT_DIR=str(content))
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
                "en": ("Region Västra Götaland's text", "Our own text on this page"),
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

STRENGTHS = (
    ("Hållbar industri", "Sustainable Industry"),
    ("Hälsa och life science", "Health and Life Science"),
    ("Livsmedel, biobaserade material och förnybar energi",
     "Food, Bio-based Materials and Renewable Energy"),
    ("Framtidens mobilitet", "Sustainable Mobility and Transport"),
    ("Besöksnäring samt kulturella och kreativa näringar",
     "Tourism and Culture and Creative Industries"),
)  # fmt: skip
DESCRIBED = {"hallbar-industri": 0, "halsa-och-life-science": 1}  # the two a source describes


def empty_headings(main) -> list[str]:
    """Headings with no text of their own before the next heading of the same or a higher
    level: a heading that stands over nothing."""
    found = []
    for heading in main.find_all(re.compile(r"^h[2-6]$")):
        level = int(heading.name[1])
        content = []
        for node in heading.find_all_next():
            if re.fullmatch(r"h[1-6]", node.name) and int(node.name[1]) <= level:
                break
            if re.fullmatch(r"h[1-6]", node.name):
                content.append(node)  # a subheading counts: its own check follows
                break
            if node.name in ("p", "li", "dd", "td", "table") and node.get_text(strip=True):
                content.append(node)
                break
        if not content:
            found.append(heading.get_text(" ", strip=True))
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_the_strategy_page_lists_the_five_areas_of_strength_with_no_empty_heading(client, locale):
    doc = soup(client.get(f"/{locale}/{SITE['s3'].path(locale)}"))
    items = doc.select("ul.strengths li")
    listed = [" ".join(li.get_text(" ", strip=True).split()) for li in items]
    assert len(listed) == len(STRENGTHS)
    for item, (swedish, english) in zip(listed, STRENGTHS, strict=True):
        own, other = (swedish, english) if locale == "sv" else (english, swedish)
        assert item.startswith(own) and other in item, item
    for anchor, index in DESCRIBED.items():
        heading = doc.find(id=anchor)
        own = STRENGTHS[index][0 if locale == "sv" else 1]
        assert heading.name == "h3" and heading.get_text(strip=True) == own
        text = heading.find_next("p").get_text(" ", strip=True)
        assert len(text.split()) >= 20, f"{anchor}: a description, not a name"
    assert empty_headings(doc.main) == []
    assert doc.main.find("table") is None, "no table of names against names"
    assert doc.main.find(
        "a", href=re.compile(r"^https://www\.vgregion\.se/.*/starka-innovationskraften/$")
    )


def test_the_empty_heading_check_finds_a_heading_over_nothing():
    main = BeautifulSoup(
        "<main><h2>Fem</h2><h3>Ett</h3><p>Text om ett.</p><h3>Två</h3><h3>Tre</h3>"
        "<p>Text.</p><h2>Sist</h2></main>",
        "html5lib",
    ).main
    assert empty_headings(main) == ["Två", "Sist"]


# --- Each area page opens with what the area is ----------------------------------------------

# Finite verbs the opening sentences use: a sentence without one is a label, not a sentence.
VERBS = {
    "sv": {"är", "var", "finns", "fanns", "hade", "har", "antog", "öppnade", "räknar",
           "omfattade", "omsatte", "kallades", "samlar", "hörde", "ligger", "satte"},
    "en": {"is", "was", "are", "were", "has", "had", "adopted", "opened", "counts",
           "covered", "turned", "called", "belonged", "lies", "set"},
}  # fmt: skip
WORD = re.compile(r"[\wåäöÅÄÖ-]+")


def opening(main) -> str:
    """The first sentence of an area page's own text (below its heading)."""
    body = main.select_one(".panel__body")
    first = body.find("h1").find_next(["p", "li"])
    text = " ".join(first.get_text(" ", strip=True).split())
    return SENTENCE.split(text)[0]


def says_something_about(sentence: str, name: str, locale: str) -> bool:
    """The sentence has a finite verb, and names the area: a word of its name (its first
    four letters, so that an inflected or compound form counts)."""
    words = [w.casefold() for w in WORD.findall(sentence)]
    stems = [w.casefold()[:4] for w in re.split(r"[\s/,]+", name) if len(w) >= 3]
    stems = [s for s in stems if s not in {"och", "and", "the"}]
    named = any(word.startswith(stem) or stem in word for word in words for stem in stems)
    return named and bool(set(words) & VERBS[locale])


@pytest.mark.parametrize("locale", LOCALES)
def test_every_area_page_opens_with_a_sentence_about_its_area(client, locale):
    openings = {}
    for key, area in AREAS.items():
        doc = soup(client.get(f"/{locale}/{area.path(locale)}"))
        name = doc.main.select_one(".panel__body h1").get_text(strip=True)
        sentence = opening(doc.main)
        assert says_something_about(sentence, name, locale), (key, sentence)
        openings[key] = " ".join(sentence.split()[:5])
    assert len(set(openings.values())) == len(openings), "no two pages open alike"


def test_the_opening_check_refuses_the_old_label():
    old = (
        "Ett av de 13 områdena i VG2020, Västra Götalands strategi för tillväxt och "
        "utveckling 2014–2020, i gruppen Förutsättningar för kunskapsbaserad utveckling."
    )
    assert not says_something_about(old, "IKT", "sv")
    assert not says_something_about("One of the 13 areas of VG2020, in the group X.", "ICT", "en")
    assert says_something_about("IKT-företagen i Västsverige är fler än 5 300.", "IKT", "sv")
    assert not says_something_about("Lindholmen är en science park.", "IKT", "sv")


# --- Say each thing once --------------------------------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÅÄÖ\d])")
BLOCKS = "p, li, dd, dt, td, th, caption, h1, h2, h3, h4, h5, h6"
# Template text: the lists of groups and areas (their names), the sources, the header,
# footer, menus and the feedback form; everything else in <main> is the page's own.
NOT_PROSE = ".sources, .groups, .areas, .site-footer, nav, form, .feedback"
LONG = 10  # words


def sentences_of(html: str) -> set[str]:
    """The sentences of ten words or more in a page's <main>: headings, paragraphs, list
    items, definitions and table cells, without the template's own text."""
    main = BeautifulSoup(html, "html5lib").main
    for skip in main.select(NOT_PROSE):
        skip.decompose()
    found = set()
    for block in main.select(BLOCKS):
        if block.find(BLOCKS.split(", ")):
            continue  # a list item holding a list: its own items are read one by one
        text = " ".join(block.get_text(" ", strip=True).split())
        found |= {s for s in SENTENCE.split(text) if len(s.split()) >= LONG}
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


def test_the_check_finds_a_sentence_said_twice(tmp_path, make_client):
    content = Path(shutil.copytree(Defaults.CONTENT_DIR, tmp_path / "content"))
    repeated = "Den här meningen har fler än tio ord och står på två olika sidor."
    for name in ("ict", "tourism"):
        area = content / "areas" / f"{name}.md"
        area.write_text(area.read_text(encoding="utf-8") + f"\n{repeated}\n", encoding="utf-8")
    client = make_client(CONTENT_DIR=str(content))
    assert list(said_twice(client, "sv")) == [repeated]
    # A short sentence does not count; a heading does.
    assert sentences_of("<main><p>Kort mening här.</p></main>") == set()
    heading = "En rubrik som har tio ord står också på två sidor"
    assert sentences_of(f"<main><h2>{heading}</h2></main>") == {heading}
