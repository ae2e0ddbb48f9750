"""The catalog's side of the panel: each entry's state and the `flask translate check`
rules it fails, by its line, and the panel's list of a page's entries in page order."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from flask import current_app

from .. import checks, terms
from ..catalogs import CatalogError, catalog_of, parse_catalog, translations_dir
from .reading import PanelPage, Use, anchor
from .recording import Key

STATES = {
    "translated": "Translated",
    "fuzzy": "Fuzzy",
    "untranslated": "Untranslated",
    "missing": "Not in the catalog",
    "check": "Fails the check",
    "source": "Swedish",
}
FLAGGED = ("fuzzy", "untranslated", "missing", "check")  # outlined on the page
_MSGID_SUFFIX = re.compile(r'\s*\(msgid ".*"\)\s*$', re.S)


@dataclass(frozen=True)
class CatalogView:
    """A catalog as the panel reads it: entries, and each entry's problems by its line."""

    path: Path
    catalog: Catalog
    problems: dict[int, list[str]]
    general: list[str]  # problems of the whole catalog or of the terminology list

    def find(self, key: Key) -> Message | None:
        return self.catalog.get(key.msgid, key.context)

    def state(self, message: Message | None) -> str:
        if message is None:
            return "missing"
        if not checks.is_translated(message):
            return "untranslated"
        if message.fuzzy:
            return "fuzzy"
        return "check" if self.problems.get(message.lineno) else "translated"


def _stamp(*paths: Path) -> tuple:
    """What changes when a file is saved: a cached reading of it is then read again."""
    return tuple((p, p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (p,) for p in paths)


def catalog_view(po: Path, source: str) -> CatalogView:
    return _catalog_view(po, source, _stamp(po, terms.path_for(po)))


@cache
def _catalog_view(po: Path, source: str, stamp: tuple) -> CatalogView:
    """The rules of `flask translate check` (translate/cli.py's check) that concern one
    entry, by the entry's line; read again whenever the catalog or its list changes."""
    catalog = parse_catalog(po)
    found: list[CatalogError] = []
    general: list[str] = []
    found += checks.entry_problems(po, catalog)
    found += checks.content_problems(po, catalog)
    found += checks.msgfmt_problems(po, catalog)
    try:
        found += terms.problems(po, catalog, terms.load(terms.path_for(po)), source)
    except CatalogError as exc:
        general.append(str(exc))
    for message, errors in catalog.check():  # Babel's own: placeholders, plural forms
        found += [CatalogError(po, message.lineno, str(error)) for error in errors]
    starts = sorted(m.lineno - (1 if m.context else 0) for m in catalog if m.id)
    lines = {m.lineno - (1 if m.context else 0): m.lineno for m in catalog if m.id}
    problems: dict[int, list[str]] = {}
    for problem in found:
        index = bisect.bisect_right(starts, problem.lineno or 0) - 1
        if problem.lineno is None or index < 0:
            general.append(problem.message)
            continue
        text = _MSGID_SUFFIX.sub("", problem.message)
        entry = problems.setdefault(lines[starts[index]], [])
        if text not in entry:
            entry.append(text)
    return CatalogView(po, catalog, problems, general)


@dataclass
class Entry:
    number: int
    key: Key
    state: str
    message: Message | None
    problems: list[str]
    uses: list[Use]
    anchor: str | None

    @property
    def forms(self) -> list[tuple[str, str]]:
        """(label, text) of each msgstr: one, or one per plural form."""
        if self.message is None:
            return []
        if isinstance(self.message.string, str):
            return [("msgstr", self.message.string)]
        return [(f"msgstr[{i}]", s) for i, s in enumerate(self.message.string)]

    @property
    def flagged(self) -> bool:
        return self.state in FLAGGED

    @property
    def sources(self) -> list[str]:
        if self.message is None:
            return []
        return list(dict.fromkeys(filename for filename, _ in self.message.locations))


def shown(path: Path) -> str:
    """A path as `flask translate check` names it: from the folder that holds translations/."""
    project = translations_dir().resolve().parent
    path = path.resolve()
    return str(path.relative_to(project)) if path.is_relative_to(project) else str(path)


def entries(page: PanelPage, view: CatalogView | None) -> list[Entry]:
    """One entry per catalog entry used, in the order of its first use on the page."""
    found: dict[Key, Entry] = {}
    for n in page.order:
        key = page.calls[n]
        use = page.uses[n]
        if key not in found:
            message = view.find(key) if view else None
            state = view.state(message) if view else "source"
            problems = view.problems.get(message.lineno, []) if view and message else []
            number = page.numbers[key]
            found[key] = Entry(number, key, state, message, list(problems), [], None)
        entry = found[key]
        if use not in entry.uses:
            entry.uses.append(use)
        if use.where == "text" and entry.flagged:
            entry.anchor = anchor(entry.number)
    return list(found.values())


def page_view(locale: str) -> CatalogView | None:
    """The catalog of the page's language; None for the source language, which has none."""
    if locale == current_app.config["BABEL_DEFAULT_LOCALE"]:
        return None
    po = catalog_of(translations_dir(), locale)
    return catalog_view(po, current_app.config["BABEL_DEFAULT_LOCALE"]) if po.is_file() else None


def template_view() -> CatalogView | None:
    """messages.pot, for the references of a Swedish page's entries."""
    pot = translations_dir() / "messages.pot"
    return _template_view(pot, _stamp(pot)) if pot.is_file() else None


@cache
def _template_view(pot: Path, stamp: tuple) -> CatalogView:
    return CatalogView(pot, parse_catalog(pot), {}, [])
