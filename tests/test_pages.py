"""Every strategy page, in Swedish and English, as a visitor gets it."""

from __future__ import annotations

import re

import pytest

from .helpers import AREAS, GROUPS, LOCALES, SITE, internal_links, page_paths, soup, text_of

# The seed page as the project received it; tests/fixtures keeps a copy so that the check
# runs in any clone, and the shared original is preferred where it is beside the repository.
SEED = "../shared/content/seed-page.sv.txt"
SEED_COPY = "tests/fixtures/seed-page.sv.txt"

# Sentences of the seed page (Swedish as it stands) and their English versions.
SEED_SENTENCES_SV = [
    "Smart specialisering är ett europeiskt begrepp som utgör en viktig komponent i EU:s "
    "tioårsstrategi för tillväxt och sysselsättning.",
    "Västra Götalandsregionens strategi för smart specialisering anger särskilt "
    "kunskapsintensiva områden i Västra Götaland med omställningspotential",
    "I Västra Götaland har styrkeområden länge varit en viktig del av den regionala "
    "utvecklingsstrategin.",
    "Hösten 2021 pågår ett utvecklingsarbete för att ta fram en uppdaterad smart "
    "specialiseringsstrategi för Västra Götaland.",
    "Under tiden går det att söka projektstöd precis som vanligt",
    "En fördjupad beskrivning finns i foldern Smart Specialisering i Västra Götaland och "
    "Smart Specialisation in Västra Götaland (eng).",
]
SEED_SENTENCES_EN = [
    "Smart specialisation is a European concept and an important part of the EU's "
    "10-year strategy for growth and jobs.",
    "In autumn 2021, work is under way on an updated smart specialisation strategy",
    "In the meantime, you can apply for project funding as usual",
    "An in-depth description is available in the brochure Smart Specialisation in "
    "Västra Götaland, and in Swedish as Smart Specialisering i Västra Götaland.",
]

ALL_PAGES = [(loc, page, path) for loc in LOCALES for page, path in page_paths(loc)]


@pytest.mark.parametrize(("locale", "page", "path"), ALL_PAGES, ids=[p for *_, p in ALL_PAGES])
def test_every_page_answers_in_its_language(client, app, locale, page, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    doc = soup(response)
    assert doc.html["lang"] == locale
    h1s = doc.find_all("h1")
    assert len(h1s) == 1
    with app.test_request_context(path):
        app.preprocess_request()
        title = str(page.title)
    heading = h1s[0].get_text(strip=True)
    if page.key == "strategy":  # the page's H1 is the strategy's full title
        assert heading.lower().startswith(title.split(" 2021")[0].lower())
        assert heading.endswith("2021–2030")
    elif page.heading:  # a heading of its own, which names the page as its title does
        with app.test_request_context(path):
            app.preprocess_request()
            assert heading == str(page.heading)
        # The easy-to-read page's title names the version ("Lättläst", its label in the
        # header and the breadcrumb); its heading says what the page is about.
        if page.key != "easy-read":
            assert heading.endswith(title.split()[-1])
    else:
        assert heading == title
    assert doc.find("main", id="main-content")


def test_start_page_reproduces_the_seed_in_order(client):
    text = text_of(client.get("/sv/"))
    in_order = [
        "Smart specialisering",
        SEED_SENTENCES_SV[0],
        "Att identifiera och prioritera områden med potential",
        SEED_SENTENCES_SV[1],
        "Strategi för smart specialisering",
        SEED_SENTENCES_SV[2],
        SEED_SENTENCES_SV[3],
        "Ny regional utvecklingsstrategi för Västra Götaland 2021-2030",
        "Utöver att ta fram en ny strategi för smart specialisering",
        SEED_SENTENCES_SV[4],
        "Regional utvecklingsstrategi 2021-2030",
        SEED_SENTENCES_SV[5],
        "Utvecklingsområden",
        "Styrkeområden",
        "Förutsättningar för en attraktiv och hållbar region",
        "Förutsättningar för kunskapsbaserad utveckling",
        "IKT",
        "Hållbar produktion",
        "Kartläggning av europeiska regioner med liknande smart specialisering",
        "Kontaktperson enligt Västra Götalandsregionens sida från 2022:",
        "Robin Kalmendal",
        "Regionutvecklare",
        "Västra Götalandsregionens text senast uppdaterad: 2022-01-04",
    ]
    position = 0
    for fragment in in_order:
        found = text.find(fragment, position)
        assert found >= 0, f"missing or out of order: {fragment!r}"
        position = found + len(fragment)


def test_start_page_links_the_strategy_and_the_mapping(client):
    doc = soup(client.get("/sv/"))
    links = {a.get_text(strip=True): a["href"] for a in doc.find_all("a")}
    assert links["Regional utvecklingsstrategi 2021-2030"] == "/sv/regional-utvecklingsstrategi"
    mapping = "Kartläggning av europeiska regioner med liknande smart specialisering"
    assert links[mapping] == "/sv/kartlaggning-europeiska-regioner"


def test_folder_is_mentioned_but_not_linked_and_its_english_title_is_marked(client):
    doc = soup(client.get("/sv/"))
    english = doc.find("span", lang="en", string="Smart Specialisation in Västra Götaland")
    assert english is not None
    assert english.find_parent("a") is None
    doc_en = soup(client.get("/en/"))
    swedish = doc_en.find("span", lang="sv", string="Smart Specialisering i Västra Götaland")
    assert swedish is not None


@pytest.mark.parametrize("locale", LOCALES)
def test_contact_block_uses_the_switchboard(client, locale):
    doc = soup(client.get(f"/{locale}/"))
    phone = doc.find("a", href="tel:+46104410000")
    # As readers dial it: the domestic form in Swedish, the international one in English.
    shown = {"sv": "010-441 00 00", "en": "+46 10 441 00 00"}[locale]
    assert phone is not None and phone.get_text(strip=True) == shown
    label = phone.find_previous(class_="contact__label").get_text()
    assert ("växel" if locale == "sv" else "switchboard") in label
    assert len(doc.select('a[href^="tel:"]')) == 1, "no other phone number is known"


def test_english_start_page_is_english(client):
    text = text_of(client.get("/en/"))
    for sentence in SEED_SENTENCES_EN:
        assert sentence in text
    assert "Region Västra Götaland's text (in Swedish) last updated: 4 January 2022" in text


@pytest.mark.parametrize(("page", "path"), page_paths("en"), ids=[p for _, p in page_paths("en")])
def test_english_pages_have_no_swedish_seed_sentence(client, page, path):
    """A guard against a silent fallback to the Swedish msgids."""
    text = text_of(client.get(path))
    for sentence in [*SEED_SENTENCES_SV, "Senast uppdaterad", "Gå direkt till huvudinnehållet"]:
        assert sentence not in text


def test_seed_text_is_used_as_it_stands():
    """Every line of the seed's body text appears verbatim in the start template."""
    from smartspec_site.config import CHECKOUT

    # The start template, and the content files where the titles of its pages are.
    template = (CHECKOUT / "templates/pages/start.html").read_text(encoding="utf-8")
    for name in ("start", "mapping"):
        template += (CHECKOUT / f"content/pages/{name}.md").read_text(encoding="utf-8")
    seed = CHECKOUT / SEED if (CHECKOUT / SEED).exists() else CHECKOUT / SEED_COPY
    # The seed has one no-break space (a CMS artefact, "Götaland&nbsp;och"); read it as a space.
    seed_text = seed.read_text(encoding="utf-8").replace("\u00a0", " ")
    lines = [line.strip() for line in seed_text.splitlines()]
    body = [line for line in lines if len(line) > 60 and not line.startswith("Denna webbplats")]
    folder = (
        "En fördjupad beskrivning finns i foldern Smart Specialisering i Västra Götaland "
        "och Smart Specialisation in Västra Götaland (eng)."
    )
    assert folder in body
    body.remove(folder)  # the two titles are placeholders there, each with its own lang
    placeholders = "foldern {{ folder_sv }} och {{ folder_en }} (eng)."
    assert f"En fördjupad beskrivning finns i {placeholders}" in template
    for line in body:
        assert line in template, line


@pytest.mark.parametrize("area", AREAS.values(), ids=list(AREAS))
def test_each_area_has_a_page_with_its_sourced_text(client, area):
    for locale in LOCALES:
        page = area
        response = client.get(f"/{locale}/{page.path(locale)}")
        assert response.status_code == 200
        doc = soup(response)
        paragraphs = doc.main.select(".panel__body > p")
        description = " ".join(p.get_text(" ", strip=True) for p in paragraphs)
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", description)
        assert 3 <= len(sentences) <= 10, sentences
        sources = doc.main.select(".sources a[href^='http']")
        assert sources, "every area links the sources its text is written from"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_group_is_described_in_two_to_five_sentences(client, locale):
    for page in GROUPS:
        doc = soup(client.get(f"/{locale}/{page.path(locale)}"))
        text = " ".join(p.get_text(" ", strip=True) for p in doc.select(".panel__body > p"))
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text)
        assert 2 <= len(sentences) <= 5, (page.key, sentences)


def test_groups_list_their_areas(client):
    for group in GROUPS:
        doc = soup(client.get(f"/sv/{group.path('sv')}"))
        names = [a.get_text(strip=True) for a in doc.main.select(".areas a")]
        assert names == [area.title.msgid for area in SITE.children(group)]


def test_there_are_thirteen_areas_in_four_groups():
    assert len(GROUPS) == 4
    assert sum(len(SITE.children(g)) for g in GROUPS) == 13


@pytest.mark.parametrize(("locale", "page", "path"), ALL_PAGES, ids=[p for *_, p in ALL_PAGES])
def test_switcher_and_alternates_point_to_the_same_page(client, locale, page, path):
    other = "en" if locale == "sv" else "sv"
    doc = soup(client.get(path))
    switch = doc.select_one(".language-switcher a")
    assert switch["href"] == f"/{other}/{page.path(other)}"
    assert switch["hreflang"] == other and switch["lang"] == other
    alternates = {link["hreflang"]: link["href"] for link in doc.find_all("link", rel="alternate")}
    assert alternates["sv"].endswith(f"/sv/{page.path('sv')}")
    assert alternates["en"].endswith(f"/en/{page.path('en')}")
    assert alternates["x-default"] == alternates["sv"]
    canonical = doc.find("link", rel="canonical")["href"]
    assert canonical.endswith(path)


def test_inner_pages_have_breadcrumbs_and_the_start_page_has_none(client):
    assert soup(client.get("/sv/")).find("nav", class_="breadcrumbs") is None
    doc = soup(client.get("/sv/utvecklingsomraden/ikt"))
    # What every browser shows: the separators are text, so engines without CSS generated
    # content (NetSurf, Dillo) and text browsers show them too.
    shown = [" ".join(li.get_text().split()) for li in doc.select(".breadcrumbs li")]
    assert shown == [
        "Startsida ›",
        "Utvecklingsområden i VG2020 ›",
        "Förutsättningar för kunskapsbaserad utveckling ›",
        "IKT",
    ]
    # What a screen reader reads: an ordered list of the pages, the separators hidden.
    for separator in doc.select(".breadcrumbs [aria-hidden=true]"):
        separator.decompose()
    spoken = [li.get_text(strip=True) for li in doc.select(".breadcrumbs ol > li")]
    assert spoken == [crumb.removesuffix(" ›") for crumb in shown]
    assert doc.select_one(".breadcrumbs li[aria-current=page]").get_text(strip=True) == "IKT"
    # The trail's label is shown only without CSS; the nav's aria-label names it otherwise.
    assert doc.select_one(".breadcrumbs__label").get_text() == "Du är här:"
    assert doc.select_one("nav.breadcrumbs")["aria-label"] == "Du är här"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_internal_link_answers(client, locale):
    """Crawl from the start page: every page, stylesheet and script linked answers 200."""
    seen: set[str] = set()
    queue = [f"/{locale}/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        with client.get(path) as response:
            assert response.status_code == 200, path
            if response.mimetype == "text/html":
                queue.extend(internal_links(response, "http://localhost" + path) - seen)
    pages = {p for p in seen if not p.startswith("/static/")}
    # Both locales are reached through the switcher; every page of the site map is reached.
    assert {path for _, path in page_paths("sv")} <= pages
    assert {path for _, path in page_paths("en")} <= pages


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        (None, "/sv/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("sv-SE,sv;q=0.9,en;q=0.8", "/sv/"),
        ("de-DE,de;q=0.9", "/sv/"),
        ("de;q=0.9, en;q=0.5", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == target
    assert "Accept-Language" in response.headers["Vary"]


def test_locale_prefix_without_slash_redirects(client):
    response = client.get("/en")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/en/")


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/xx/", None, None),
        ("/en/missing", "en", "Page not found"),
        ("/sv/finns-inte", "sv", "Sidan finns inte"),
        ("/sv/utvecklingsomraden/finns-inte", "sv", "Sidan finns inte"),
        ("/en/development-areas/ikt", "en", "Page not found"),  # a Swedish slug under /en/
    ],
)
def test_unknown_pages_are_translated_404s(client, path, lang, heading):
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404
    doc = soup(response)
    if lang:
        assert doc.html["lang"] == lang
        assert doc.h1.get_text(strip=True) == heading
    assert doc.find("header") and doc.find("footer"), "errors keep the site chrome"
    assert doc.find("meta", attrs={"name": "robots", "content": "noindex"})


def test_unknown_locale_uses_the_browser_language(client):
    doc = soup(client.get("/xx/", headers={"Accept-Language": "en"}))
    assert doc.html["lang"] == "en"
    assert doc.h1.get_text(strip=True) == "Page not found"


@pytest.mark.parametrize(("path", "lang"), [("/sv/", "sv"), ("/en/development-areas", "en")])
def test_unsupported_methods_get_a_translated_405(client, path, lang):
    response = client.post(path)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    doc = soup(response)
    assert doc.html["lang"] == lang
    heading = doc.h1.get_text(strip=True)
    assert (
        heading
        == {
            "sv": "Det går inte att skicka något till den här adressen",
            "en": "You cannot send anything to this address",
        }[lang]
    )
    # Pages can only be read; the page says what can be sent: feedback, with the form.
    text = " ".join(doc.main.get_text(" ").split())
    assert {
        "sv": "Det enda du kan skicka är synpunkter, med formuläret längst ned på varje sida.",
        "en": "The only thing you can send us is feedback, using the form at the bottom of each "
        "page.",
    }[lang] in text


def test_sitemap_lists_every_page_in_both_locales_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    xml = response.get_data(as_text=True)
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    expected = {f"/{loc}/{page.path(loc)}" for loc in LOCALES for page in SITE}
    assert {re.sub(r"^https?://[^/]+", "", url) for url in locs} == expected
    assert xml.count('hreflang="x-default"') == len(expected)


def test_each_sitemap_entry_names_its_page_in_every_language_and_a_date(client):
    from xml.etree import ElementTree

    from .rendered import SITEMAP_NS

    root = ElementTree.fromstring(client.get("/sitemap.xml").data)
    pages = {f"http://localhost/{loc}/{page.path(loc)}": page for loc in LOCALES for page in SITE}
    for url in root.iterfind("sm:url", SITEMAP_NS):
        page = pages[url.find("sm:loc", SITEMAP_NS).text]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", url.find("sm:lastmod", SITEMAP_NS).text)
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.iterfind("{http://www.w3.org/1999/xhtml}link")
        }
        assert links == {
            **{loc: f"http://localhost/{loc}/{page.path(loc)}" for loc in LOCALES},
            "x-default": f"http://localhost/sv/{page.path('sv')}",
        }


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert re.search(r"^Sitemap: https?://\S+/sitemap\.xml$", response.get_data(as_text=True), re.M)


def test_public_site_url_is_used_for_canonical_links(app, make_app):

    public = make_app(SITE_URL="https://smart.example.org")
    doc = soup(public.test_client().get("/en/development-areas"))
    canonical = doc.find("link", rel="canonical")["href"]
    assert canonical == "https://smart.example.org/en/development-areas"


AREA_AND_GROUP_PAGES = [
    (loc, page, path) for loc, page, path in ALL_PAGES if page.key.startswith(("area:", "group:"))
]


@pytest.mark.parametrize(
    ("locale", "page", "path"), AREA_AND_GROUP_PAGES, ids=[p for *_, p in AREA_AND_GROUP_PAGES]
)
def test_area_and_group_pages_list_their_sources(client, locale, page, path):
    doc = soup(client.get(path))
    links = doc.main.select(".sources a[href^='http']")
    assert links, "every area and group links the sources its text is written from"
    for link in links:
        assert link.get("hreflang") in LOCALES, link


# Common Swedish words that English text has no use for (WCAG 3.1.2: a Swedish phrase on an
# English page must be marked lang="sv").
SWEDISH_WORDS = (" och ", " för ", " i ", " av ", " på ", " om ")
EN_PAGES = page_paths("en")


@pytest.mark.parametrize(("page", "path"), EN_PAGES, ids=[p for _, p in EN_PAGES])
def test_english_pages_have_no_unmarked_swedish(client, page, path):
    doc = soup(client.get(path))
    for hidden in doc(["script", "style", "template"]):
        hidden.decompose()
    for swedish in doc.select("[lang|=sv]"):  # marked Swedish (sv, sv-SE) is allowed
        swedish.decompose()
    text = " " + " ".join(doc.get_text(" ").split()) + " "
    found = {
        word.strip(): text[max(text.find(word) - 60, 0) : text.find(word) + 60]
        for word in SWEDISH_WORDS
        if word in text
    }
    assert not found, found


def test_the_seed_copy_is_the_shared_seed():
    """The fixture copy may not drift from the seed the project was given."""
    from smartspec_site.config import CHECKOUT

    shared = CHECKOUT / SEED
    if not shared.exists():
        pytest.skip("shared/content is not beside this clone; the copy is used instead")
    assert (CHECKOUT / SEED_COPY).read_bytes() == shared.read_bytes()
