"""docs/tested-browsers.toml is true: the versions it names are the ones installed, and the
README and docs/browser-support.md name every browser in it with that version."""

from __future__ import annotations

import re

import pytest

from smartspec_site.config import CHECKOUT

from ..system import PACKAGES
from .catalog import BROWSERS, debian_version, require_browser

FIXED = [b for b in BROWSERS.values() if b.fixed]


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end > 0 else None]


def table_rows(markdown: str) -> dict[str, str]:
    """The first cell of each body row of the tables -> the whole row."""
    lines = markdown.splitlines()
    rule = re.compile(r"^\|[\s:|-]+\|$")
    rows = {}
    for i, line in enumerate(lines):
        heading = i + 1 < len(lines) and rule.match(lines[i + 1])
        if line.startswith("|") and not rule.match(line) and not heading:
            rows[line.split("|")[1].strip()] = line
    return rows


@pytest.mark.parametrize("browser", FIXED, ids=lambda b: b.id)
def test_installed_version_is_the_one_documented(browser):
    require_browser(browser.id)
    installed = debian_version(browser.debian)
    assert installed and installed.startswith(browser.version), (
        f"{browser.name} {installed} is installed, but docs/tested-browsers.toml says "
        f"{browser.version}: test it, then update the file, the README and the docs"
    )


def test_every_tested_browser_is_installed_from_the_package_list():
    listed = {p.name for p in PACKAGES if "test" in p.steps}
    assert {b.debian for b in BROWSERS.values()} <= listed


def test_readme_table_names_every_tested_browser_and_its_version():
    readme = section((CHECKOUT / "README.md").read_text(encoding="utf-8"), "## Browser support")
    rows = table_rows(readme)
    assert set(rows) == {b.name for b in BROWSERS.values()}, rows.keys()
    for browser in BROWSERS.values():
        assert browser.version in rows[browser.name] and browser.works in rows[browser.name]


def test_browser_support_doc_names_every_tested_browser_and_its_version():
    doc = (CHECKOUT / "docs" / "browser-support.md").read_text(encoding="utf-8")
    rows = table_rows(section(doc, "## Tested in real engines"))
    for browser in BROWSERS.values():
        assert browser.name in rows and browser.version in rows[browser.name], browser.name
