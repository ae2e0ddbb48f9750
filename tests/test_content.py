"""The words live in content files (content/), which editors own: adding an
area is adding a file, a mistake names its file and line, the Markdown is the site's own
dialect, and the development server shows an edit on the next page load."""

from __future__ import annotations

import shutil
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartspec_site.config import CHECKOUT, Defaults
from smartspec_site.content.file import ContentError
from smartspec_site.serve.processes import Process, free_port

from .conftest import catalogs_in, new_app
from .helpers import HX, soup, text_of

CONTENT = Path(Defaults.CONTENT_DIR)

NEW_AREA = """+++
# Translators: name of a development area added by a test.
title = "Rymdteknik"
slug = { sv = "rymdteknik", en = "space-technology" }
group = "knowledge-based"
updated = 2026-11-30T09:00:00
weight = 3

[[sources]]
label = "Rymdteknik – en provkälla"
url = "https://example.org/rymd"
lang = "sv"
+++
Rymdteknik är ett område som bara finns i det här testet.

Det har två stycken, och [en länk till områdena](page:areas).
"""


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the content folder to edit."""
    return Path(shutil.copytree(CONTENT, tmp_path / "content"))


def app_with(content: Path, **settings):
    return new_app(CONTENT_DIR=str(content), **settings)


def test_an_area_is_added_by_adding_a_file(content, tmp_path, make_app):
    (content / "areas" / "space.md").write_text(NEW_AREA, encoding="utf-8")
    client = app_with(content).test_client()

    page = client.get("/sv/utvecklingsomraden/rymdteknik")
    assert page.status_code == 200
    doc = soup(page)
    assert doc.h1.get_text(strip=True) == "Rymdteknik"
    assert "Rymdteknik är ett område som bara finns i det här testet." in text_of(page)
    link = doc.main.find("a", string="en länk till områdena")
    assert link["href"] == "/sv/utvecklingsomraden"
    crumbs = [" ".join(li.get_text().split()) for li in doc.select(".breadcrumbs li")]
    assert crumbs[-2:] == ["Förutsättningar för kunskapsbaserad utveckling ›", "Rymdteknik"]
    assert doc.select_one(".sources a")["href"] == "https://example.org/rymd"

    fragment = client.get("/sv/utvecklingsomraden/rymdteknik", headers=HX).get_data(as_text=True)
    assert "<html" not in fragment and "Rymdteknik är ett område" in fragment
    english = client.get("/en/development-areas/space-technology")
    assert english.status_code == 200  # untranslated: the Swedish text, under its English path
    assert soup(english).main.find("a", string="en länk till områdena")["href"] == (
        "/en/development-areas"
    )

    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert "http://localhost/sv/utvecklingsomraden/rymdteknik" in sitemap
    assert "http://localhost/en/development-areas/space-technology" in sitemap
    areas = soup(client.get("/sv/utvecklingsomraden"))
    group = areas.find("a", string="Förutsättningar för kunskapsbaserad utveckling").parent
    assert [a.get_text() for a in group.select(".areas a")] == [
        "IKT", "Hållbar produktion", "Rymdteknik"
    ]  # fmt: skip

    # Its texts reach the translators: extract in a copy of the project holding the file.
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "templates", "translations"):
        copy = shutil.copytree if (CHECKOUT / name).is_dir() else shutil.copy
        copy(CHECKOUT / name, project / name)
    shutil.copytree(content, project / "content")
    app = make_app(**catalogs_in(project / "translations"), TRANSLATIONS_AUTO_COMPILE=False)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["translate", "extract"]).exit_code == 0
    pot = (project / "translations" / "messages.pot").read_text(encoding="utf-8")
    assert (
        "#. name of a development area added by a test.\n"
        "#: content/areas/space.md\n"
        'msgid "Rymdteknik"'
    ) in pot
    for msgid in (
        "Rymdteknik är ett område som bara finns i det här testet.",
        "Det har två stycken, och [en länk till områdena](page:areas).",
        "Rymdteknik – en provkälla",
    ):
        assert f'msgid "{msgid}"' in pot


MISTAKES = {
    "no front matter": ("+++\n", "", 1, "a content file starts with a line +++"),
    "unknown field": ('weight = 1\n', 'weight = 1\nwieght = 2\n', 8, "unknown field 'wieght'"),
    "broken TOML": ('title = "IKT"', 'title = "IKT', 3, "front matter: "),
    "raw HTML": ("Enligt Business Region Göteborg", "Enligt <b>Business Region</b> Göteborg",
                 None, "raw HTML is not allowed in the text: <b>"),
    "missing title": ('title = "IKT"\n', "", 0, "the field 'title' is missing"),  # no line
    "unknown group": ('group = "knowledge-based"', 'group = "knowledge"', 5,
                      '"group" names one of: attractive-region, development, knowledge-based'),
    "unknown page link": ("Enligt Business Region Göteborg", "[Enligt](page:lindholmen) BRG",
                          None, "no page 'lindholmen': a page: link names a page by its file"),
    "bad date": ("Enligt Business Region Göteborg", "[I går]{datetime=2022-02-30} Enligt", None,
                 "a datetime is an ISO date, such as 2022-01-04: 2022-02-30"),
    "unread mark": ("Enligt Business Region Göteborg", "[Göteborg]{lang=sv x=å} Enligt", None,
                    "a mark that cannot be read"),
    "unknown area of strength": ('group = "knowledge-based"\n',
                                 'group = "knowledge-based"\nstrength = "ikt"\n', 6,
                                 "unknown field 'strength'"),
    "second h1": ("Enligt Business Region Göteborg", "# Business Region\n\nEnligt", None,
                  "the page's own heading is its title: start at ##"),
}  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "complaint"), MISTAKES.values(), ids=list(MISTAKES))
def test_a_mistake_in_a_content_file_stops_the_start_naming_file_and_line(
    content, old, new, line, complaint
):
    ict = content / "areas" / "ict.md"
    text = ict.read_text(encoding="utf-8")
    assert old in text
    ict.write_text(text.replace(old, new, 1), encoding="utf-8")
    if line is None:  # the body's line that now holds the mistake
        rows = ict.read_text(encoding="utf-8").splitlines()
        line = 1 + next(i for i, row in enumerate(rows) if new.split("\n")[0] in row)
    with pytest.raises(ContentError) as raised:
        app_with(content)
    assert raised.value.path == ict
    assert complaint in raised.value.message
    if line:
        assert raised.value.lineno == line


def test_a_phrase_is_marked_with_its_language_and_a_name_glossed(client):
    sv = soup(client.get("/sv/regional-utvecklingsstrategi"))
    en = soup(client.get("/en/regional-development-strategy"))
    # The programme names are Swedish names: shown as they are, marked in English only.
    assert sv.select_one(".priorities dt").decode_contents() == "Stärka innovationskraften"
    assert en.select_one(".priorities dt").decode_contents() == (
        '<span lang="sv">Stärka innovationskraften</span> (Strengthening the innovation potential)'
    )
    assert sv.select_one("div.lead-block p") and en.select_one("div.lead-block p")


def test_a_translation_may_mark_a_phrase_and_reword_a_link(tmp_path, content):
    """A translator writes Markdown too: the msgstr's own marks and link texts are shown."""
    translations = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    (content / "areas" / "space.md").write_text(NEW_AREA, encoding="utf-8")
    po = translations / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(
        po.read_text(encoding="utf-8") + "\n#: content/areas/space.md\n"
        'msgid "Det har två stycken, och [en länk till områdena](page:areas)."\n'
        'msgstr "It has two paragraphs, [*Rymdteknik*]{lang=sv}, and "\n'
        '"[a link to the areas](page:areas)."\n',
        encoding="utf-8",
    )
    client = app_with(content, **catalogs_in(translations)).test_client()
    main = soup(client.get("/en/development-areas/space-technology")).main
    assert main.find("a", string="a link to the areas")["href"] == "/en/development-areas"
    assert str(main.find("span", lang="sv")) == '<span lang="sv"><em>Rymdteknik</em></span>'


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def flask_run(content) -> Iterator[str]:
    """`flask run --debug` (the development server, with its reloader) on the content copy."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"SMARTSPEC_CONTENT_DIR": str(content), "SMARTSPEC_HTMX_SOURCE": "local",
           "FLASK_APP": "smartspec_site"}  # fmt: skip
    flask = Path(sys.executable).with_name("flask")
    command = [flask, "run", "--debug", "--host", "127.0.0.1", "--port", str(port)]
    # In its own process group, the reloader's child goes with it.
    with Process("flask run", command, env=env, cwd=CHECKOUT, health=url + "/healthz"):
        yield url


def test_an_edited_paragraph_shows_on_the_next_page_load_under_flask_run(content, flask_run):
    ict = content / "areas" / "ict.md"
    page = flask_run + "/sv/utvecklingsomraden/ikt"
    old = "Lindholmen Science Park i Göteborg har IKT som ett av sina tre områden"
    new = "Lindholmen Science Park i Göteborg har IKT som ett av sina främsta områden"
    status, html = fetch(page)
    assert status == 200 and old in html

    ict.write_text(ict.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    status, html = fetch(page)
    assert status == 200
    assert new in html and old not in html

    # A mistake gets a page naming the file and line; the fix brings the page back.
    broken = ict.read_text(encoding="utf-8").replace('title = "IKT"', 'title = "IKT')
    ict.write_text(broken, encoding="utf-8")
    status, html = fetch(page)
    assert status == 500
    assert "A file you are editing has an error" in html
    assert f"<strong>{ict}</strong>, line <strong>3</strong>" in html
    ict.write_text(broken.replace('title = "IKT', 'title = "IKT"'), encoding="utf-8")
    status, html = fetch(page)
    assert status == 200 and new in html


def test_outside_debug_content_is_read_once(content):
    ict = content / "areas" / "ict.md"
    client = app_with(content).test_client()
    assert "Lindholmen" in text_of(client.get("/sv/utvecklingsomraden/ikt"))
    ict.write_text(ict.read_text(encoding="utf-8").replace("Lindholmen", "Lundholmen"))
    assert "Lindholmen" in text_of(client.get("/sv/utvecklingsomraden/ikt"))
