"""The easy-to-read page (lättläst) as a reader, a search engine and an editor meet it: its
LIX and Flesch targets, what MTM's guidance lets a program check, its link in the header of
every page, its place in the sitemap, and `flask content readability`."""

from __future__ import annotations

import re
import subprocess
import sys
from xml.etree import ElementTree

import pytest

from smartspec_site.content import readability

from .browser.helpers import every_path
from .helpers import LOCALES, SITE, page_paths, soup
from .rendered import SITEMAP_NS

EASY = SITE["easy-read"]
PATHS = {locale: f"/{locale}/{EASY.path(locale)}" for locale in LOCALES}
LABEL = {"sv": "Lättläst", "en": "Easy to read"}
LIX_MAX = 30  # the upper limit of "easy" (EDITING.md)
FLESCH_MIN = 70  # "fairly easy" and easier
HARD = SITE["s3"]  # an ordinary page, for the checks that must be able to fail


def measured(client, path: str) -> readability.Measure:
    locale = path.split("/")[1]
    result = readability.measure(locale, path, client.get(path).get_data(as_text=True))
    assert result is not None
    return result


def test_the_page_has_its_own_address_in_each_language():
    assert PATHS == {"sv": "/sv/lattlast", "en": "/en/easy-to-read"}


def test_the_swedish_page_is_easy_by_lix(client):
    assert measured(client, PATHS["sv"]).value <= LIX_MAX
    # The same measure on an ordinary page is above the limit: the gate can fail.
    assert measured(client, f"/sv/{HARD.path('sv')}").value > LIX_MAX


def test_the_english_page_is_fairly_easy_by_flesch(client):
    assert measured(client, PATHS["en"]).value >= FLESCH_MIN
    assert measured(client, f"/en/{HARD.path('en')}").value < FLESCH_MIN


# --- What MTM's guidance lets a program check -------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?:])\s+")
# An abbreviation: two capitals in a row (EU, VGR, S3), or a letter, a full stop and a letter
# (t.ex., bl.a.). MTM: write the words out.
ABBREVIATION = re.compile(r"\b[A-ZÅÄÖ]{2,}\d*\b|\b[A-Z]\d\b|\b\w\.\w\.")
LONGEST_SENTENCE = 20  # words


def main_texts(client, path: str) -> list[str]:
    return readability.blocks(client.get(path).get_data(as_text=True))


@pytest.mark.parametrize("locale", LOCALES)
def test_no_abbreviations_and_no_long_sentences(client, locale):
    texts = main_texts(client, PATHS[locale])
    found = [hit for text in texts for hit in ABBREVIATION.findall(text)]
    assert found == []
    sentences = [s for text in texts for s in SENTENCE.split(text)]
    long = [s for s in sentences if len(s.split()) > LONGEST_SENTENCE]
    assert long == []
    # The checks find what an ordinary page has.
    hard = main_texts(client, f"/{locale}/{HARD.path(locale)}")
    assert any(ABBREVIATION.search(text) for text in hard)
    assert any(len(s.split()) > LONGEST_SENTENCE for t in hard for s in SENTENCE.split(t))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_heading_is_a_heading_and_no_level_is_skipped(client, locale):
    main = soup(client.get(PATHS[locale])).main
    levels = [int(h.name[1]) for h in main.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert levels.count(3) == 5, "the five areas of strength, each under its own heading"
    # No text set bold or large in place of a heading.
    assert not main.select("p > strong:only-child, p > b:only-child")


@pytest.mark.parametrize("locale", LOCALES)
def test_it_links_to_the_full_pages_in_its_language(client, locale):
    links = {a["href"] for a in soup(client.get(PATHS[locale])).main.find_all("a")}
    for key in ("s3", "strategy", "areas", "mapping"):
        assert f"/{locale}/{SITE[key].path(locale)}" in links, key
    assert "tel:+46104410000" in links, "how to get in touch: the switchboard"


def unmarked_english(client, path: str) -> list[str]:
    """The texts in <main> that say "life science" without an element marking it English."""
    main = soup(client.get(path)).main
    return [
        str(text)
        for text in main.find_all(string=re.compile(r"life science", re.I))
        if text.find_parent(attrs={"lang": "en"}) is None
    ]


def test_the_english_phrase_on_the_swedish_page_is_marked_english(client):
    """WCAG 3.1.2: a Swedish voice reads an unmarked "life science" as Swedish."""
    main = soup(client.get(PATHS["sv"])).main
    assert main.find_all(attrs={"lang": "en"}, string=re.compile("life science", re.I))
    assert unmarked_english(client, PATHS["sv"]) == []
    # The full page uses the word as a Swedish loanword, unmarked: the check finds it there.
    assert unmarked_english(client, f"/sv/{HARD.path('sv')}")


LEAD = {
    "sv": "Texten på den här sidan kommer från de här sidorna. De är svårare att läsa.",
    "en": "The text on this page comes from these pages. They are harder to read.",
}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_list_of_sources_says_what_it_is_on_this_page_only(client, locale):
    sources = soup(client.get(PATHS[locale])).select_one("main .sources")
    heading, lead = sources.find("h2"), sources.find("p", class_="sources__lead")
    assert lead.get_text(strip=True) == LEAD[locale]
    assert heading.find_next_sibling() is lead, "the line comes right under the heading"
    assert sources.find("ul").find("a"), "and the list after it"
    ordinary = soup(client.get(f"/{locale}/{HARD.path(locale)}")).select_one("main .sources")
    assert ordinary.find("ul") and not ordinary.select(".sources__lead")


# --- The header link on every page -------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_links_to_the_easy_read_page_beside_the_language_link(client, locale):
    other = next(code for code in LOCALES if code != locale)
    assert PATHS[locale] in every_path(locale), "every page-wide check runs on it"
    for path in every_path(locale):  # every page of the site map, and the 404 page
        response = client.get(path)
        doc = soup(response)
        tools = doc.select_one("header .site-header__tools")
        links = tools.find_all("a")
        easy, switch = links[0], links[1]
        assert easy["class"] == ["easy-read-link"] and easy["href"] == PATHS[locale], path
        assert easy.get_text(strip=True) == LABEL[locale], path
        # In the page's own language: no lang or hreflang of another.
        assert easy.get("lang", locale) == locale and easy.get("hreflang", locale) == locale
        assert switch["lang"] == switch["hreflang"] == other, path
        current = easy.get("aria-current")
        assert current == ("page" if path == PATHS[locale] else None), path


def test_the_language_link_leads_to_the_other_easy_read_page(client):
    for locale, path in PATHS.items():
        switch = soup(client.get(path)).select_one(".language-switcher a")
        assert switch["href"] == PATHS["en" if locale == "sv" else "sv"]


# --- The sitemap ---------------------------------------------------------------------------


def test_the_sitemap_lists_both_versions_with_hreflang_alternates(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").data)
    entries = {}
    for url in root.iterfind("sm:url", SITEMAP_NS):
        loc = url.find("sm:loc", SITEMAP_NS).text
        links = url.findall("{http://www.w3.org/1999/xhtml}link")
        entries[loc.split("://", 1)[-1].split("/", 1)[-1]] = {
            link.get("hreflang"): link.get("href").split("://", 1)[-1].split("/", 1)[-1]
            for link in links
        }
    wanted = {"sv": "sv/lattlast", "en": "en/easy-to-read", "x-default": "sv/lattlast"}
    assert entries["sv/lattlast"] == wanted
    assert entries["en/easy-to-read"] == wanted


# --- `flask content readability` -----------------------------------------------------------

ROW = re.compile(
    r"^\s*(?P<value>-?\d+\.\d)\s+(?P<band>[a-z ]+?)\s+(?P<words>\d+)\s+\d+\s+(?P<path>/\S*)$"
)


def report(runner, *args: str) -> dict[str, list[tuple[float, str, str]]]:
    """The command's rows, by language section: (value, band, path)."""
    result = runner.invoke(args=["content", "readability", *args])
    assert result.exit_code == 0, result.output
    sections: dict[str, list[tuple[float, str, str]]] = {}
    current = None
    for line in result.output.splitlines():
        if heading := re.match(r"^(\w+): (LIX|Flesch reading ease), hardest first", line):
            current = sections.setdefault(heading[1], [])
        elif row := ROW.match(line):
            assert current is not None, line
            current.append((float(row["value"]), row["band"], row["path"]))
    return sections


def test_the_command_measures_every_page_in_both_languages_hardest_first(runner, client):
    sections = report(runner)
    assert tuple(sections) == LOCALES
    for locale, rows in sections.items():
        assert sorted(path for *_, path in rows) == sorted(p for _, p in page_paths(locale))
        values = [value for value, *_ in rows]
        # LIX: higher is harder; Flesch reading ease: lower is harder.
        assert values == sorted(values, reverse=(locale == "sv")), locale
    rows = {path: (value, band) for locale in sections for value, band, path in sections[locale]}
    # What it prints is what the page measures, in its band.
    for path in (PATHS["sv"], PATHS["en"], f"/sv/{HARD.path('sv')}"):
        expected = measured(client, path)
        assert rows[path] == (round(expected.value, 1), expected.band), path
    assert rows[PATHS["sv"]][1] in ("easy", "very easy")
    assert rows[f"/sv/{HARD.path('sv')}"][1] in ("hard", "very hard")


def test_the_command_measures_one_language_and_refuses_an_unknown_one(runner):
    assert list(report(runner, "--locale", "en")) == ["en"]
    result = runner.invoke(args=["content", "readability", "--locale", "xx"])
    assert result.exit_code == 2
    assert "'xx'; the site has: sv, en" in result.output


# --- The input each library documents ------------------------------------------------------

PAGE = """<html><body><header><p>Not measured</p></header><main>
<h1>Tre ord här</h1><p>Det är en mening. <a href="#">Här kommer</a> en till!</p>
<!-- not shown --><ul><li>En punkt i en lista</li><li>En annan punkt</li></ul>
<div class="panel" hidden><p>Dold text</p></div>
<div class="sources"><h2>Källor</h2><ul><li><a href="#">En källas titel</a></li></ul></div>
</main></body></html>"""


def test_blocks_are_the_visible_text_of_main_without_the_sources():
    assert readability.blocks(PAGE) == [
        "Tre ord här",
        "Det är en mening. Här kommer en till!",
        "En punkt i en lista",
        "En annan punkt",
    ]


def test_lix_gets_each_block_as_a_sentence_of_its_own():
    """textstat finds sentences at . ! ?: a heading or list item without one would run into
    the next block."""
    import textstat

    texts = readability.blocks(PAGE)
    value, words, sentences = readability.lix(texts)
    assert (words, sentences) == (19, 5)
    assert textstat.sentence_count(" ".join(texts)) == 3  # what the blocks would be alone
    assert value == pytest.approx(19 / 5)  # no word longer than six letters


def test_readability_gets_tokens_one_sentence_a_line_and_a_paragraph_per_block():
    text = readability.tokenised(["Two names – ‘alike’.", "It is a plan. It was called VG2020."])
    assert text == "Two names alike .\n\nIt is a plan .\nIt was called VG2020 ."


OFFLINE = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("no network in this test")
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
import urllib.request
try:
    urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
except OSError:
    print("blocked")
from smartspec_site.content import readability
print(round(readability.lix(["Det här är en kort mening.", "Ännu en."])[0], 1))
print(round(readability.flesch(["This is a short sentence.", "And one more."])[0], 1))
"""


def test_both_measures_work_without_a_network():
    """Nothing downloads data at run time (textstat's English syllables would: NLTK's CMU
    dictionary). Every connection is refused in a fresh interpreter, and both still work."""
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE], capture_output=True, text=True, timeout=120, check=True
    )
    lines = result.stdout.split()
    assert lines[0] == "blocked", result.stdout + result.stderr
    assert float(lines[1]) > 0 and float(lines[2]) > 0


def test_without_the_editing_extra_the_command_says_what_to_install(runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "textstat", None)  # as if it were not installed
    result = runner.invoke(args=["content", "readability", "--locale", "sv"])
    assert result.exit_code == 1
    assert "textstat is missing: install the editing extra" in result.output


def causes_missing(texts: list[str]) -> list[str]:
    """Blocks in which a "därför" (therefore) opens the block: its cause must come first,
    in the sentence before or in the same sentence."""
    return [text for text in texts if re.match(r"\s*därför\b", text, re.I)]


def test_every_därför_follows_its_cause(client):
    texts = main_texts(client, PATHS["sv"])
    assert any(re.search(r"\bdärför\b", text, re.I) for text in texts)
    assert causes_missing(texts) == []
    assert causes_missing(["Därför väljer ett län några områden."]) != []
    assert causes_missing(["Ett län kan inte vara bra på allt. Därför väljer det."]) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_organisation_gets_its_short_name_where_its_full_name_first_appears(client, locale):
    """MTM: a long name once, then a short one. The sentence after the first full name
    gives the short name, and the full name does not stand before it."""
    full, short = {
        "sv": ("Västra Götalandsregionen", "På den här sidan kallar vi den för regionen."),
        "en": ("Region Västra Götaland", "On this page, we call it the Region."),
    }[locale]
    sentences = [s for text in main_texts(client, PATHS[locale]) for s in SENTENCE.split(text)]
    first = next(i for i, s in enumerate(sentences) if full in s)
    assert sentences[first + 1] == short, sentences[first : first + 2]
