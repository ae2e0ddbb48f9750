"""The character count's plural forms come from the catalog, for every form of the page's
language (issue 21): a copy of the translations gets Polish, which has three forms for whole
numbers, through `flask translate init`; the browser picks the form with Intl.PluralRules,
and falls back to the server's own text where it has none."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from smartspec_site.config import CHECKOUT

from ..conftest import LiveServer, catalogs_in
from ..test_translate_cli import Project

FORMS = {  # Polish: one (1), few (2), many (5)
    "Du har %(num)s tecken kvar": ("Pozostał %(num)s znak", "Pozostały %(num)s znaki",
                                   "Pozostało %(num)s znaków"),
    "Du har %(num)s tecken för mycket": ("O %(num)s znak za dużo", "O %(num)s znaki za dużo",
                                         "O %(num)s znaków za dużo"),
}  # fmt: skip


def polish(tmp_path: Path) -> Path:
    translations = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    shutil.copy(CHECKOUT / "pyproject.toml", tmp_path)
    result = Project(tmp_path).translate("init", "pl")
    assert result.exit_code == 0, result.output
    po = translations / "pl" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert "nplurals=3" in text
    for msgid, forms in FORMS.items():
        block = re.compile(
            rf'(msgid "{re.escape(msgid)}"\nmsgid_plural "[^"]*"\n)msgstr\[0\] ""\nmsgstr\[1\] ""\n'
            r'msgstr\[2\] ""'
        )
        filled = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms)).rstrip("\n")
        text, count = block.subn(lambda match, filled=filled: match[1] + filled, text)
        assert count == 1, msgid
    po.write_text(text, encoding="utf-8")
    return translations


@pytest.fixture(scope="module")
def polish_server(tmp_path_factory, make_app):
    translations = polish(tmp_path_factory.mktemp("polish"))
    app = make_app(**catalogs_in(translations))
    with LiveServer(app) as server:
        yield server


def test_the_count_takes_each_polish_plural_form_from_the_catalog(page, polish_server):
    page.goto(f"{polish_server.url}/pl/synpunkter?page=/pl/&step=problem")
    group = page.locator("[data-character-count]")
    for category in ("one", "few", "many"):
        expect(group).to_have_attribute(f"data-remaining-{category}", re.compile("Pozosta"))
    status = page.locator(".character-count__status")
    box = page.locator("#feedback-text")
    for left, text in ((1, "Pozostał 1 znak"), (2, "Pozostały 2 znaki"), (5, "Pozostało 5 znaków")):
        box.fill("x" * (1000 - left))
        expect(status).to_have_text(text)
    for over, text in (
        (1, "O 1 znak za dużo"),
        (2, "O 2 znaki za dużo"),
        (5, "O 5 znaków za dużo"),
    ):
        box.fill("x" * (1000 + over))
        expect(status).to_have_text(text)


def test_without_intl_plural_rules_the_servers_text_stays(page, polish_server):
    page.add_init_script("delete Intl.PluralRules")
    page.goto(f"{polish_server.url}/pl/synpunkter?page=/pl/&step=problem")
    page.locator("#feedback-text").fill("x" * 998)
    hint = page.locator("#feedback-text-info")
    expect(hint).to_be_visible()
    expect(hint).not_to_have_class(re.compile("visually-hidden"))
    assert not page.locator(".character-count__status").count()
