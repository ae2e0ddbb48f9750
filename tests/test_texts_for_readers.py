"""Rules the reviews of the texts turned into checks, read from the pages as a visitor (or a
search engine) gets them: a short description per page, a contact that says how old it is,
no "the region" that could mean two things, honest links between the VG2020 areas and the
areas of strength of 2022–2025, and numbers that never break over two lines."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from .helpers import LOCALES, SITE, page_paths, soup

DESCRIPTION_MAX = 160  # characters: what search engines show before they cut it off
SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÅÄÖ]")


def description_problems(doc: BeautifulSoup) -> list[str]:
    meta = doc.find("meta", attrs={"name": "description"})
    if meta is None or not meta.get("content", "").strip():
        return ["no description"]
    text = meta["content"]
    problems = []
    if len(text) > DESCRIPTION_MAX:
        problems.append(f"{len(text)} characters (at most {DESCRIPTION_MAX})")
    if SENTENCE_END.search(text):
        problems.append("more than one sentence")
    return problems


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_has_a_short_description_of_one_sentence(client, locale):
    found = {
        path: problems
        for _, path in page_paths(locale)
        if (problems := description_problems(soup(client.get(path))))
    }
    assert found == {}


def test_the_description_check_finds_a_paragraph():
    paragraph = "Första meningen om området. " + "En lång mening om något annat " * 8 + "."
    page = BeautifulSoup(f'<meta name="description" content="{paragraph}">', "html5lib")
    assert len(description_problems(page)) == 2
    assert description_problems(BeautifulSoup("<p>no meta</p>", "html5lib")) == ["no description"]


# --- The contact -----------------------------------------------------------------------------

CONTACT_LABEL = {
    "sv": "Kontaktperson enligt Västra Götalandsregionens sida från 2022:",
    "en": "Contact person named on Region Västra Götaland's 2022 page:",
}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_contact_says_it_is_the_one_of_the_2022_page_on_every_page(client, locale):
    """The footer's contact person is the one VGR's page of 2022 named: every page says so
    before the name, so no page presents him as today's contact."""
    for _, path in page_paths(locale):
        contact = soup(client.get(path)).find("section", class_="contact")
        texts = [p.get_text(" ", strip=True) for p in contact.find_all("p")]
        assert texts[:2] == [CONTACT_LABEL[locale], "Robin Kalmendal"], path


# --- "The region" --------------------------------------------------------------------------

# The bare word means the organisation or the place: the texts write Västra Götalandsregionen
# (Region Västra Götaland) for the one and Västra Götaland or länet (the county) for the other.
BARE_REGION = {
    "sv": re.compile(r"\bregionens?\b", re.I),
    "en": re.compile(r"\bthe region\b(?!s)", re.I),
}


# A page may give the organisation a short name right after its full name (the easy-to-read
# page does, as MTM advises): after that sentence, "regionen" means the organisation.
FULL_NAME = {"sv": "Västra Götalandsregionen", "en": "Region Västra Götaland"}
SHORT_NAME = {
    "sv": "På den här sidan kallar vi den för regionen.",
    "en": "On this page, we call it the Region.",
}


def bare_region(html: str, locale: str) -> list[str]:
    """The sentences of a page's <main> that say "the region" alone, unless the page has said
    just after the full name that it calls the organisation so; a source's title keeps the
    words it was published with."""
    main = BeautifulSoup(html, "html5lib").main
    for skip in main.select(".sources"):
        skip.decompose()
    text = " ".join(main.get_text(" ", strip=True).split())
    sentences = re.split(r"(?<=[.!?])\s+", text)
    defined = len(sentences)
    if SHORT_NAME[locale] in sentences:  # the easy-to-read page names its short name
        at = sentences.index(SHORT_NAME[locale])
        if at and FULL_NAME[locale] in sentences[at - 1]:
            defined = at
    return [s for i, s in enumerate(sentences) if i < defined and BARE_REGION[locale].search(s)]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_text_says_the_region_where_it_could_mean_two_things(client, locale):
    found = {
        path: sentences
        for _, path in page_paths(locale)
        if (sentences := bare_region(client.get(path).get_data(as_text=True), locale))
    }
    assert found == {}


def test_the_region_check_finds_the_bare_word():
    sv = "<main><p>Regionen startade InMotion.</p><p>Västra Götalandsregionen äger.</p></main>"
    en = "<main><p>It made the region more competitive.</p><p>The regions' work.</p></main>"
    assert bare_region(sv, "sv") == ["Regionen startade InMotion."]
    named = (f"<main><p>Regionen är stor.</p><p>{FULL_NAME['sv']} är en organisation. "
             f"{SHORT_NAME['sv']}</p><p>Regionen startade InMotion.</p></main>")  # fmt: skip
    assert bare_region(named, "sv") == ["Regionen är stor."]
    unnamed = f"<main><p>Länet är stort. {SHORT_NAME['sv']} Regionen startade.</p></main>"
    assert bare_region(unnamed, "sv") == [SHORT_NAME["sv"], "Regionen startade."]
    assert bare_region(en, "en") == ["It made the region more competitive."]


# --- Numbers -------------------------------------------------------------------------------


def test_a_number_never_breaks_between_its_groups_of_digits(client):
    """Språkrådet's rule: 50 000 is written with a no-break space, so a line never breaks
    inside the number; the content files keep a plain space."""
    text = soup(client.get(f"/sv/{SITE['s3'].path('sv')}")).main.get_text()
    assert "50\u00a0000 sysselsatta" in text
    assert "50 000" not in text
    assert "50 000 sysselsatta" in (SITE["s3"].file.read_text(encoding="utf-8"))
