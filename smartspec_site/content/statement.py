"""The accessibility statement's facts, from data rather than typed in, so that it says what
the suite measures: the tools' versions (``package-lock.json``), the browsers the tests
drive (``docs/tested-browsers.toml``), and its own dates and known gaps (the front matter of
``content/pages/accessibility.md``, checked against the suite by tests/test_statement.py)."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config import DATA
from .file import ContentError, message, read
from .page import Page, Text
from .sitemap import SiteMap

STATEMENT = "accessibility"
# A clone's own files; a wheel carries copies (pyproject.toml's force-include).
LOCK_FILE = DATA / "package-lock.json"
BROWSERS_FILE = DATA / "docs" / "tested-browsers.toml"
TOOLS = ("axe-core", "vnu-jar")  # npm packages: axe-core and the Nu Html Checker
SECTIONS = ("content", "other", "method")
GAP_ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Gap:
    id: str
    text: Text
    # "content": content not on the site (and VGR's guidelines); "other": a known problem that
    # fails no WCAG 2.1 criterion; "method": a limit of the testing
    section: str


@dataclass(frozen=True)
class Browser:
    name: str
    version: str
    engine: str


@dataclass(frozen=True)
class Facts:
    assessed: date
    gaps: tuple[Gap, ...]
    versions: dict[str, str]  # npm package -> version
    browsers: tuple[Browser, ...]

    def section(self, name: str) -> list[Gap]:
        return [gap for gap in self.gaps if gap.section == name]


def tool_versions(lock_file: Path = LOCK_FILE) -> dict[str, str]:
    packages = json.loads(lock_file.read_text(encoding="utf-8"))["packages"]
    return {name: packages[f"node_modules/{name}"]["version"] for name in TOOLS}


def tested_browsers(catalog: Path = BROWSERS_FILE) -> tuple[Browser, ...]:
    with catalog.open("rb") as file:
        entries = tomllib.load(file)["browser"]
    return tuple(Browser(e["name"], e["version"], e["engine"]) for e in entries)


def gaps_of(path: Path) -> tuple[date, tuple[Gap, ...]]:
    """The statement file's assessment date and known gaps, checked."""
    file = read(path)
    assessed = file.meta.get("assessed")
    if not isinstance(assessed, date) or hasattr(assessed, "hour"):
        raise file.error('"assessed" is the date of the assessment, such as 2026-12-01', "assessed")
    gaps, seen = [], set()
    for entry in file.meta.get("gaps", ()):
        if not isinstance(entry, dict) or not {"id", "text"} <= set(entry) <= {
            "id",
            "text",
            "section",
        }:
            raise file.error("every [[gaps]] has an id and a text (and may have a section)", "id")
        gap_id, section = entry["id"], entry.get("section", "content")
        if not GAP_ID.match(str(gap_id)) or gap_id in seen:
            raise ContentError(path, None, f"gap id {gap_id!r}: lower case, hyphens, unique")
        if section not in SECTIONS:
            raise ContentError(path, None, f"gap {gap_id!r}: section is one of {SECTIONS}")
        seen.add(gap_id)
        gaps.append(Gap(gap_id, Text(*message(entry["text"], "text", path)), section))
    return assessed, tuple(gaps)


def facts(page: Page) -> Facts:
    assessed, gaps = gaps_of(page.file)
    return Facts(assessed, gaps, tool_versions(), tested_browsers())


def check(site_map: SiteMap) -> None:
    """The statement at start, as the site map checks every content file; templates read
    its facts through ``statement(page)``."""
    if STATEMENT in site_map.by_key:
        page = site_map[STATEMENT]
        if facts(page).assessed > page.updated.date():
            raise ContentError(page.file, None, '"assessed" is after "updated"')
