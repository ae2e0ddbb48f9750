"""The translators' panel in `flask run` (smartspec_site/translate/panel.py): the catalog
entries behind a page, their states and lines, the outlines on the page, and nothing of it
outside debug."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from flask_babel import get_domain

from smartspec_site.config import CHECKOUT, StartError
from smartspec_site.translate import panel
from smartspec_site.translate.cli import extract_template
from smartspec_site.translate.panel.recording import MARKER

from .conftest import PRODUCTION_CONFIG, catalogs_in, new_app
from .helpers import HX, LOCALES, SITE, edit, page_paths, soup, text_of

BOX = re.compile(r'\n<aside class="translation-box".*?</aside>\n(?=</body>)', re.S)
STYLESHEET = '<link rel="stylesheet" href="/_translations/static/panel.css">\n'
AREAS_EN = 'msgstr "Here are the 13 areas of VG2020'
AREAS_SV = "Här är de 13 områdena i VG2020"
FOLDER_EN = (
    'msgstr "An in-depth description is available in the brochure %(folder_en)s, and in '
    'Swedish as %(folder_sv)s."'
)


@pytest.fixture
def en_po(tmp_path) -> Path:
    """The English catalog in a temporary copy of translations/ (never the real one)."""
    copy = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    return copy / "en" / "LC_MESSAGES" / "messages.po"


def debug_app(po: Path | None = None, **settings):
    if po is not None:
        settings.update(catalogs_in(po.parents[2]))
    return new_app(DEBUG=True, **settings)


def entries(response) -> dict[str, dict[str, str]]:
    """The panel's entries by msgid, each as its fields (dt -> dd text) and its state."""
    found = {}
    for item in soup(response).select("li.entry"):
        fields = {}
        for dt, dd in zip(item.select("dt"), item.select("dd"), strict=True):
            whole = dd.select_one("details > p") or dd  # a long text: the whole of it
            fields[" ".join(dt.get_text(" ").split())] = " ".join(whole.get_text(" ").split())
        fields["state"] = item.select_one(".entry__state").get_text(strip=True)
        fields["id"] = item["id"]
        found[fields["Swedish ( msgid )"]] = fields
    return found


def without_panel(html: str) -> str:
    """A page as the panel shows it, less what the panel adds: the box, the stylesheet and
    each outline's span (the text inside stays)."""
    html = BOX.sub("", html).replace(STYLESHEET, "")
    out, stack, position = [], [], 0
    for found in re.finditer(r"<span\b[^>]*>|</span>", html):
        opening = found[0] != "</span>"
        mark = found[0].startswith('<span class="translation-mark') if opening else stack.pop()
        if opening:
            stack.append(mark)
        out.append(html[position : found.start()] + ("" if mark else found[0]))
        position = found.end()
    return "".join(out) + html[position:]


# --- Production: absent --------------------------------------------------------------------


def test_production_has_no_panel_and_its_url_is_404():
    app = new_app(PRODUCTION_CONFIG)
    client = app.test_client()
    for url in ("/_translations?path=/en/", "/_translations/static/panel.css"):
        assert client.get(url, follow_redirects=True).status_code == 404
    page = client.get("/en/").get_data(as_text=True)
    assert "translation-box" not in page and "/_translations" not in page
    # The render path is the one without the feature: no hook, no wrapper, no middleware.
    assert panel.start_recording not in app.before_request_funcs.get(None, [])
    assert panel.finish_page not in app.after_request_funcs.get(None, [])
    assert "translation_panel" not in app.blueprints
    with app.test_request_context("/en/"):
        app.preprocess_request()
        assert not isinstance(get_domain(), panel.RecordingDomain)


def test_the_test_configuration_without_debug_has_no_panel(client):
    assert client.get("/_translations?path=/en/", follow_redirects=True).status_code == 404
    assert "translation-box" not in client.get("/en/").get_data(as_text=True)


def test_asking_for_the_panel_outside_debug_stops_the_start():
    with pytest.raises(StartError, match="TRANSLATION_PANEL is for the development server only"):
        new_app(TRANSLATION_PANEL=True)


def test_with_the_panel_off_debug_renders_the_page_bytes_of_main():
    """TRANSLATION_PANEL = false in debug: the page's bytes, as without the feature."""
    off = debug_app(TRANSLATION_PANEL=False).test_client()
    plain = new_app(STATIC_HASHED=False).test_client()
    for path in ("/en/", f"/en/{SITE['strategy'].path('en')}", "/sv/"):
        assert off.get(path).data == plain.get(path).data, path
    assert off.get("/_translations?path=/en/", follow_redirects=True).status_code == 404


def test_the_static_export_made_in_debug_has_no_panel(tmp_path):
    """`make freeze` runs `flask freeze` with .flaskenv's FLASK_DEBUG=1."""
    app = debug_app(SITE_URL="https://smartspec.example")
    result = app.test_cli_runner().invoke(args=["freeze", "--destination", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pages = list(tmp_path.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "translation-" not in html and not MARKER.search(html), page


def render_all(client):
    """(name, HTML) of every page and its fragment in each language, the sitemap and the
    error pages, in one order."""
    for locale in LOCALES:
        for _page, path in page_paths(locale):
            yield path, client.get(path).get_data(as_text=True)
            yield path + " (fragment)", client.get(path, headers=HX).get_data(as_text=True)
    yield "sitemap.xml.html", client.get("/sitemap.xml").get_data(as_text=True)
    for method, path in (("GET", "/sv/finns-inte"), ("GET", "/en/no-such-page"),
                         ("POST", "/sv/"), ("POST", "/en/")):  # fmt: skip
        yield f"{method} {path}", client.open(path, method=method).get_data(as_text=True)


# --- The page with the panel on ------------------------------------------------------------


def test_the_panel_changes_nothing_on_any_page_but_what_it_adds():
    """Every page, fragment and error page in both languages: with the panel on, less the
    box and the stylesheet, the very bytes of the page with the panel off (so the markers
    disturb no text: Markdown, placeholders, attributes, the head)."""
    on = render_all(debug_app().test_client())
    off = render_all(debug_app(TRANSLATION_PANEL=False).test_client())
    count = 0
    for (name, shown), (same, plain) in zip(on, off, strict=True):
        assert name == same
        if "<html" in plain and name != "sitemap.xml.html":
            assert shown.count('class="translation-box"') == 1, name
        assert without_panel(shown) == plain, name
        count += 1
    assert count > 80


def test_outlines_change_no_text_where_every_entry_is_fuzzy(en_po):
    """A catalog whose every entry is fuzzy: every text on an English page is outlined,
    and taking the outlines away gives the page as it renders without the panel."""
    with en_po.open("rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if message.id:
            message.flags.add("fuzzy")
    with en_po.open("wb") as fh:
        write_po(fh, catalog, width=1 << 30)
    on = debug_app(en_po).test_client()
    off = debug_app(en_po, TRANSLATION_PANEL=False).test_client()
    for page in SITE:
        path = f"/en/{page.path('en')}"
        shown = on.get(path).get_data(as_text=True)
        assert 'class="translation-mark translation-mark--fuzzy"' in shown, path
        assert without_panel(shown) == off.get(path).get_data(as_text=True), path


def test_a_fuzzy_entry_is_listed_with_its_line_and_outlined_on_the_page(en_po):
    line = edit(en_po, f'msgid "{AREAS_SV}', f'#, fuzzy\nmsgid "{AREAS_SV}')
    client = debug_app(en_po).test_client()
    page = client.get("/en/")
    box = soup(page).select_one("aside.translation-box a")
    assert box.get_text(" ", strip=True).endswith("1 to fix")
    assert box["href"] == "/_translations?path=/en/"

    # The page: the Swedish text, outlined, and nothing else outlined.
    marks = soup(page).select(".translation-mark")
    with en_po.open("rb") as fh:
        msgid = next(m.id for m in read_po(fh) if m.id.startswith(AREAS_SV))
    assert [m.get_text() for m in marks] == [msgid]
    assert marks[0]["class"] == ["translation-mark", "translation-mark--fuzzy"]

    listed = entries(client.get(box["href"]))
    fuzzy = [fields for fields in listed.values() if fields["state"] == "Fuzzy"]
    assert len(fuzzy) == 1
    entry = fuzzy[0]
    assert entry["Swedish ( msgid )"].startswith(AREAS_SV)
    assert entry["English ( msgstr )"].startswith("Here are the 13 areas of VG2020")
    # The msgid's line, the path as `flask translate check` names it.
    catalog = "translations/en/LC_MESSAGES/messages.po"
    assert entry["Line in the catalog"] == f"{catalog} , line {line + 1}"
    assert entry["Comes from ( #: )"] == "content/pages/start.md"
    assert (
        'fuzzy: check the translation, then delete the "#, fuzzy" line'
        in entry["What flask translate check says"]
    )
    # From the entry to the sentence on the page, and from the sentence to the entry.
    panel_page = soup(client.get(box["href"]))
    link = panel_page.select_one(f"#{entry['id']} a[href^='/en/#']")
    assert soup(page).select_one(link["href"].removeprefix("/en/")) == marks[0]
    assert marks[0]["title"] == f"Fuzzy: {entry['id'].replace('-', ' ')} in the translation panel"

    # Saved without the flag: the page shows the English and the panel says translated.
    edit(en_po, f'#, fuzzy\nmsgid "{AREAS_SV}', f'msgid "{AREAS_SV}')
    page = client.get("/en/")
    assert not soup(page).select(".translation-mark")
    assert "Here are the 13 areas of VG2020" in text_of(page)
    again = entries(client.get("/_translations?path=/en/"))
    assert again[entry["Swedish ( msgid )"]]["state"] == "Translated"


def test_an_untranslated_entry_is_outlined_and_listed(en_po):
    edit(en_po, 'msgstr "Skip to main content"', 'msgstr ""')
    client = debug_app(en_po).test_client()
    marks = soup(client.get("/en/")).select(".translation-mark--untranslated")
    assert [m.get_text() for m in marks] == ["Gå direkt till huvudinnehållet"]
    listed = entries(client.get("/_translations?path=/en/&show=flagged"))
    assert list(listed) == ["Gå direkt till huvudinnehållet"]
    entry = listed["Gå direkt till huvudinnehållet"]
    assert entry["state"] == "Untranslated"
    assert entry["English ( msgstr )"] == "Empty: the page shows the Swedish text"
    assert entry["Comes from ( #: )"] == "templates/base.html"


def test_a_broken_placeholder_shows_the_checks_message(en_po):
    edit(en_po, FOLDER_EN, 'msgstr "An in-depth description is in the brochure %(folder_en)s."')
    client = debug_app(en_po).test_client()
    listed = entries(client.get("/_translations?path=/en/"))
    entry = next(f for msgid, f in listed.items() if msgid.startswith("En fördjupad"))
    assert entry["state"] == "Fails the check"
    assert entry["What flask translate check says"] == (
        "placeholders differ: the source has %(folder_en)s, %(folder_sv)s, the translation "
        "has %(folder_en)s (a percent sign is written %%) msgfmt: a format specification for "
        "argument 'folder_sv' doesn't exist in 'msgstr'"
    )
    marks = soup(client.get("/en/")).select(".translation-mark--check")
    assert [m.get_text(" ", strip=True) for m in marks] == [
        "An in-depth description is in the brochure Smart Specialisation in Västra Götaland."
    ]


def test_a_term_against_the_terminology_list_shows_the_list_line(en_po):
    edit(en_po, 'msgstr "Smart specialisation"', 'msgstr "Smart specialization"')
    listed = entries(debug_app(en_po).test_client().get("/_translations?path=/en/"))
    entry = listed["Smart specialisering"]
    assert entry["state"] == "Fails the check"
    assert entry["What flask translate check says"].startswith("terminology (en/terminology.csv:")


def test_entries_in_attributes_and_the_head_are_listed_with_where():
    listed = entries(debug_app().test_client().get("/_translations?path=/en/"))
    where = {msgid: fields["On the page"] for msgid, fields in listed.items()}
    assert "in the page title in the browser tab ( <title> )" in where["Västra Götalandsregionen"]
    assert "in the text" in where["Västra Götalandsregionen"]
    nav_label = "in a label read by screen readers ( aria-label of <nav> )"
    labels = [w for w in where.values() if nav_label in w]
    assert labels, where
    description = SITE["start"].description.msgid if SITE["start"].description else None
    if description:
        meta = "in a description for browsers and search engines ( content of <meta> )"
        assert meta in where[description]


def test_plurals_show_every_form():
    report = f"/en/{SITE['accessibility-report'].path('en')}"
    listed = entries(debug_app().test_client().get("/_translations", query_string={"path": report}))
    entry = listed["Du har %(num)s tecken kvar"]
    assert entry["Swedish plural ( msgid_plural )"] == "Du har %(num)s tecken kvar"
    assert entry["English ( msgstr[0] )"] == "You have %(num)s character remaining"
    assert entry["English ( msgstr[1] )"] == "You have %(num)s characters remaining"


def test_a_long_msgid_is_shortened_with_the_whole_text_on_demand():
    response = debug_app().test_client().get("/_translations?path=/en/")
    item = next(
        i for i in soup(response).select("li.entry") if AREAS_SV in i.select("dd")[0].get_text()
    )
    details = item.select_one("dd details")
    assert details.summary.get_text().endswith("…")
    assert len(details.summary.get_text()) <= 71
    assert details.p.get_text().startswith(AREAS_SV) and details.p.get_text().endswith("2017.")


def test_a_swedish_page_lists_its_source_texts_and_references():
    response = debug_app().test_client().get("/_translations?path=/sv/")
    assert "This page is in Swedish, the language the site is written in" in text_of(response)
    listed = entries(response)
    entry = listed["Gå direkt till huvudinnehållet"]
    assert entry["state"] == "Swedish"
    assert entry["Comes from ( #: )"] == "templates/base.html"
    assert "Line in the template ( messages.pot )" in entry


def test_the_panel_refuses_other_sites_and_itself():
    client = debug_app().test_client()
    for path in ("https://example.org/en/", "en/", "/_translations?path=/en/", ""):
        assert client.get("/_translations", query_string={"path": path}).status_code == 400


def test_the_panel_of_a_missing_page_says_404():
    response = debug_app().test_client().get("/_translations?path=/en/no-such-page")
    assert response.status_code == 200
    assert "This address shows “Page not found”" in text_of(response)


@pytest.mark.parametrize("page", list(SITE), ids=lambda page: page.key)
def test_every_extracted_entry_of_a_content_file_is_in_its_pages_panel(page, panel_client, pot):
    """What `flask translate extract` finds in a content file, the panel of the page made
    from that file lists (in English, where the glosses show too)."""
    source = page.file.resolve().relative_to(CHECKOUT).as_posix()
    wanted = {(m.id, m.context) for m in pot if any(f == source for f, _ in m.locations)}
    assert wanted, source
    response = panel_client.get("/_translations", query_string={"path": f"/en/{page.path('en')}"})
    listed = {(msgid, f.get("Context ( msgctxt )")) for msgid, f in entries(response).items()}
    assert not {(" ".join(msgid.split()), context) for msgid, context in wanted} - listed


@pytest.fixture(scope="module")
def panel_client():
    return debug_app().test_client()


@pytest.fixture(scope="module")
def pot(tmp_path_factory):
    """The template as `flask translate extract` makes it from the sources now."""
    written = tmp_path_factory.mktemp("pot") / "messages.pot"
    extract_template(CHECKOUT, written)
    with written.open("rb") as fh:
        return read_po(fh)


def test_each_place_a_text_can_land_is_named_in_page_order():
    """The head, an attribute, element content, a comment, a text-only element, a script, a
    template: read by Python's HTML parser, so an entity or a quote in a value misleads none."""
    from smartspec_site.translate.panel.reading import Use, _places
    from smartspec_site.translate.panel.recording import marked

    texts = iter(range(100))

    def m(text: str) -> str:
        return marked(text, next(texts))

    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>{m("T")}</title>'
        f'<meta name="description" content="{m("D")}"></head><body>'
        f'<img alt="a &quot;b&quot; {m("A")}"><p>{m("P")} &amp; x</p><!-- {m("C")} -->'
        f"<select><option>{m('O')}</option></select><script>var a = '{m('S')}';</script>"
        f"<template><p>{m('X')}</p></template><p>{m('Q')}</p></body></html>"
    )
    assert _places(html) == [
        Use("head", "<title>"),
        Use("head", "content of <meta>"),
        Use("attribute", "alt of <img>"),
        Use("text"),
        Use("hidden", "<!-- comment -->"),
        Use("hidden", "<option>"),
        Use("hidden", "<script>"),
        Use("hidden", "<template>"),
        Use("text"),
    ]
