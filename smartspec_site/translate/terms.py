"""The terminology list: one English term per Swedish concept, and the check that holds the
catalogs to it.

A language's list is ``translations/<lang>/terminology.csv``: UTF-8, comma-separated, one
header row, one row per term and concept. Its first columns are the ones Weblate's "CSV
file" format reads (through the Translate Toolkit), so the file can be uploaded to a Weblate
glossary as it is:

``source``
    the Swedish term in its base form (``styrkeområde``)
``target``
    the term to use in the translation (``area of strength``)
``context``
    which concept, where one Swedish word names two: then each has a row of its own
``developer_comments``
    a note for translators: what the term means, how to write it

and two more that Weblate ignores and the check reads, each a list separated by ``|``:

``source_forms``
    the term's other forms, which the check looks for too (``styrkeområdet|styrkeområden``)
``target_forms``
    other wordings of the translation that the check accepts (``areas of strength``)

The check (``flask translate check``): where a msgid contains a listed term, in any of its
forms, as whole words and ignoring case, its translation must contain one of the term's
translations (of any of its rows). A name the translation keeps in Swedish (its target is
the Swedish name itself) must then be marked as Swedish, ``[Vinnova]{lang=sv}``; and no
translation may show a listed Swedish term unmarked.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from ..config import Defaults
from ..content import markdown
from .catalogs import CatalogError, msgid_of

SOURCE = Defaults.BABEL_DEFAULT_LOCALE  # the language of the msgids

FILENAME = "terminology.csv"
REQUIRED = ("source", "target")
# What Weblate's CSV format knows (translate-toolkit's csvl10n), and this check's own two.
KNOWN = (
    "source",
    "target",
    "context",
    "developer_comments",
    "translator_comments",
    "location",
    "id",
    "fuzzy",
    "source_forms",
    "target_forms",
)


@dataclass(frozen=True)
class Term:
    """Every row of one Swedish term: its forms and its accepted translations."""

    source: str
    forms: tuple[str, ...]
    targets: tuple[str, ...]
    line: int  # of its first row

    @property
    def kept_in_swedish(self) -> bool:
        """The translation keeps the Swedish name (a name such as Vinnova)."""
        return any(_words(t).fullmatch(f) for t in self.targets for f in self.forms)

    def found_in(self, text: str) -> str | None:
        """The first of its Swedish forms in a text, as written there."""
        found = _phrases(self.forms).search(text)
        return found[0] if found else None

    def translated_in(self, text: str) -> bool:
        return bool(_phrases(self.targets).search(text))


def _words(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(map(re.escape, phrase.split())), re.I)


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, ignoring case and how the words are spaced."""
    longest = sorted(phrases, key=len, reverse=True)
    alternatives = "|".join(_words(p).pattern for p in longest)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def path_for(po_path: Path) -> Path:
    """``translations/en/LC_MESSAGES/messages.po`` -> ``translations/en/terminology.csv``."""
    return po_path.parent.parent / FILENAME


def load(path: Path) -> list[Term]:
    """The terms of a list, one per Swedish term; a mistake is a CatalogError with its line.
    A language without a list has no terms."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        if unknown := [name for name in header if name not in KNOWN]:
            raise CatalogError(path, 1, f"unknown column {unknown[0]!r}: use {', '.join(KNOWN)}")
        if missing := [name for name in REQUIRED if name not in header]:
            raise CatalogError(path, 1, f"the header has no {missing[0]!r} column")
        rows: dict[str, Term] = {}
        seen: set[tuple[str, str]] = set()
        for row in reader:
            line = reader.line_num
            source, target = (row.get("source") or "").strip(), (row.get("target") or "").strip()
            if not source or not target:
                raise CatalogError(path, line, "every row has a source and a target term")
            key = (source.lower(), (row.get("context") or "").strip())
            if key in seen:
                raise CatalogError(path, line, f"{source!r} is listed twice: give a context")
            seen.add(key)
            term = rows.get(key[0]) or Term(source, (source,), (), line)
            rows[key[0]] = Term(
                term.source,
                tuple(dict.fromkeys([*term.forms, *_split(row.get("source_forms"))])),
                tuple(dict.fromkeys([*term.targets, target, *_split(row.get("target_forms"))])),
                term.line,
            )
    return list(rows.values())


def _texts(text: str, marked: str) -> tuple[str, str]:
    """The plain words of an inline text outside and inside phrases marked ``lang=marked``;
    phrases marked with any other language are left out of both."""
    outside: list[str] = []
    inside: list[str] = []
    stack: list[str | None] = []
    for token in markdown.inline(text):
        if token.type == "span_open":  # a phrase without a lang is in its parent's
            lang = token.attrs.get("lang") or (stack[-1] if stack else None)
            stack.append(str(lang) if lang else None)
        elif token.type == "span_close" and stack:
            stack.pop()
        elif token.type in ("text", "code_inline"):
            lang = stack[-1] if stack else None
            if lang == marked:
                inside.append(token.content)
            elif lang is None:
                outside.append(token.content)
    return " ".join(outside), " ".join(inside)


def _translations(message) -> list[str]:
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return [s for s in strings if s]


def problems(
    po_path: Path, catalog: Catalog, terms: list[Term], source: str = SOURCE
) -> Iterator[CatalogError]:
    """Translations that break the list (see the module's docstring), each naming the
    catalog's line, the term, the list's line and the msgid."""
    shown = f"{path_for(po_path).parent.name}/{FILENAME}"
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        original = " ".join(_texts(msgid_of(message), source))
        for term in terms:
            form = term.found_in(original)
            if form is None:
                continue
            for translation in _translations(message):
                words, swedish = _texts(translation, source)
                wanted = " or ".join(f'"{t}"' for t in term.targets)
                if unmarked := term.found_in(words):
                    problem = f'"{unmarked}" is Swedish: write {wanted}' + (
                        f", marked [{term.source}]{{lang=sv}}" if term.kept_in_swedish else ""
                    )
                elif term.translated_in(words) or term.found_in(swedish):
                    continue
                else:
                    problem = f'"{form}" is translated {wanted}'
                yield CatalogError(
                    po_path,
                    message.lineno,
                    f'terminology ({shown}:{term.line}): {problem} (msgid "{msgid_of(message)}")',
                )
