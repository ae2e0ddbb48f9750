"""While translating: a saved .po shows on the next request in debug, a broken one is
explained in debug and stops the start in production."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartspec_site.config import CHECKOUT
from smartspec_site.translate.catalogs import CatalogError

from .conftest import catalogs_in, new_app
from .helpers import edit, text_of

SKIP_LINK_EN = 'msgstr "Skip to main content"'


@pytest.fixture
def en_po(tmp_path) -> Path:
    """The English catalog in a temporary copy of translations/."""
    copy = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    return copy / "en" / "LC_MESSAGES" / "messages.po"


def app_for(po: Path, debug: bool):
    translations = po.parents[2]
    return new_app(DEBUG=debug, **catalogs_in(translations))


def test_a_saved_translation_shows_on_the_next_request(en_po):
    client = app_for(en_po, debug=True).test_client()
    assert "Skip to main content" in text_of(client.get("/en/"))
    edit(en_po, SKIP_LINK_EN, 'msgstr "Jump to the content"')
    page = text_of(client.get("/en/"))
    assert "Jump to the content" in page
    assert "Skip to main content" not in page


def test_outside_debug_catalogs_load_once(en_po):
    client = app_for(en_po, debug=False).test_client()
    client.get("/en/")
    edit(en_po, SKIP_LINK_EN, 'msgstr "Jump to the content"')
    assert "Skip to main content" in text_of(client.get("/en/"))


def test_a_syntax_error_in_debug_is_explained_and_the_fix_brings_the_page_back(en_po):
    client = app_for(en_po, debug=True).test_client()
    line = edit(en_po, SKIP_LINK_EN, 'msgstr "Jump to the content')
    for path in ("/en/", "/sv/"):
        response = client.get(path)
        assert response.status_code == 500
        page = text_of(response)
        assert "A file you are editing has an error" in page
        assert f"{en_po}, line {line}:" in page
        assert 'string not closed with a quote: msgstr "Jump to the content' in page

    edit(en_po, 'msgstr "Jump to the content', 'msgstr "Jump to the content"')
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Jump to the content" in text_of(response)


def test_a_debug_server_starts_with_a_broken_catalog_and_explains_it(en_po):
    line = edit(en_po, SKIP_LINK_EN, 'msgtsr "Skip to main content"')
    response = app_for(en_po, debug=True).test_client().get("/en/")
    assert response.status_code == 500
    page = text_of(response)
    assert f"{en_po}, line {line}:" in page
    assert 'Unknown or misformatted keyword: msgtsr "Skip to main content"' in page


def test_production_refuses_to_start_with_a_broken_catalog(en_po):
    line = edit(en_po, SKIP_LINK_EN, 'msgstr "Jump to the content')
    with pytest.raises(CatalogError) as raised:
        app_for(en_po, debug=False)
    assert str(raised.value).startswith(f"{en_po}:{line}: string not closed with a quote")


def test_production_refuses_a_content_translation_with_html(en_po):
    msgstr = 'msgstr "Here are the 13 areas of VG2020'
    line = edit(en_po, msgstr, 'msgstr "<img src=x onerror=alert(1)> Here are the 13 areas')
    with pytest.raises(CatalogError) as raised:
        app_for(en_po, debug=False)
    assert str(raised.value).startswith(  # Babel names the entry by its msgid's line
        f"{en_po}:{line - 1}: raw HTML is not allowed in a translation: <img src=x"
    )
