"""Catalogs: finding, parsing and compiling the .po files, strictly.

Every mistake is a ``CatalogError`` naming the file, the line and the problem. Babel's
reader is lenient (an unclosed string reads as empty), so a string is checked for its
closing quote first, and Babel's own checks (placeholders, plural forms) run on every read.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from flask import Flask, current_app

from ..build import FileError, write_if_changed

DOMAIN = "messages"


class CatalogError(FileError):
    """A catalog that cannot be used."""


def translations_dir(app: Flask | None = None) -> Path:
    """The catalogs' sources: messages.pot, locales.txt, each locale's .po."""
    app = app or current_app
    return Path(app.config["TRANSLATIONS_DIR"])


def compiled_of(po_path: Path, app: Flask | None = None) -> Path:
    """Where the catalog ``po_path`` is compiled to: the same place under CATALOG_BUILD_DIR,
    the folder Flask-Babel reads (config.locate)."""
    app = app or current_app
    relative = po_path.resolve().relative_to(translations_dir(app).resolve())
    return Path(app.config["CATALOG_BUILD_DIR"]) / relative.with_suffix(".mo")


def catalog_paths(translations: Path) -> list[Path]:
    return sorted(translations.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


# The languages the site serves besides the source language, recorded beside the catalogs:
# a catalog deleted by mistake then stops the start instead of dropping its language.
LOCALES_FILE = "locales.txt"
LOCALES_HEADER = """\
# The languages the site serves besides Swedish (the source language, which needs no
# catalog), one code a line. `flask translate init xx` adds one; each needs its catalog,
# translations/<code>/LC_MESSAGES/messages.po, or the site does not start (TRANSLATING.md).
"""


def catalog_of(translations: Path, code: str) -> Path:
    return translations / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def recorded_locales(translations: Path) -> list[tuple[int, str]]:
    """The locales ``locales.txt`` records, each with its line; CatalogError when the file
    is missing or a line is not a language code Babel knows."""
    path = translations / LOCALES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reason = "missing" if isinstance(exc, FileNotFoundError) else exc.strerror
        why = f"{reason}: it records the languages the site serves (TRANSLATING.md)"
        raise CatalogError(path, None, why) from None
    found = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        code = line.split("#", 1)[0].strip()
        if not code:
            continue
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            raise CatalogError(path, lineno, f"{code!r} is not a language code") from None
        found.append((lineno, code))
    return found


def record_locale(translations: Path, code: str) -> Path:
    """Add ``code`` to ``locales.txt`` (made with its header where missing), once."""
    path = translations / LOCALES_FILE
    if not path.exists():
        write_if_changed(path, LOCALES_HEADER.encode("utf-8"))
    if code in {known for _, known in recorded_locales(translations)}:
        return path
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    write_if_changed(path, f"{text}{code}\n".encode())
    return path


def served_locales(translations: Path, default: str) -> tuple[tuple[str, ...], list[CatalogError]]:
    """The default locale first, then each recorded locale that has its catalog, in code
    order; and what is wrong: a recorded locale without its catalog (named), or a catalog
    whose locale is not recorded (not served)."""
    problems: list[CatalogError] = []
    try:
        recorded = recorded_locales(translations)
    except CatalogError as exc:
        return (default,), [exc]
    served = []
    for lineno, code in recorded:
        po = catalog_of(translations, code)
        if code == default:
            continue
        if not po.is_file():
            problems.append(
                CatalogError(
                    translations / LOCALES_FILE,
                    lineno,
                    f"{code} is recorded but its catalog {po} is missing: restore it, or "
                    f"remove {code} from the list to stop serving it",
                )
            )
            continue
        served.append(code)
    return (default, *sorted(set(served))), problems


def unrecorded_catalogs(translations: Path, served: tuple[str, ...]) -> list[str]:
    """Catalogs of a language code that locales.txt does not record: never served."""
    found = []
    for po in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        code = po.parent.parent.name
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue  # a stray folder is not a language
        if code not in served:
            found.append(code)
    return found


# One PO string literal: what may follow a keyword (msgid, msgstr[0], ...) or start a
# continuation line. Babel's parser reads an unterminated string as an empty one.
_PO_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_PO_KEYWORD = re.compile(r"(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+")


def _check_strings(po_path: Path, text: str) -> None:
    """Reject a string that is not closed: Babel would silently read it as empty."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        keyword = _PO_KEYWORD.match(line)
        rest = line[keyword.end() :] if keyword else line
        if rest.startswith('"') and not _PO_STRING.fullmatch(rest):
            raise CatalogError(po_path, lineno, f"string not closed with a quote: {line}")


def parse_catalog(po_path: Path) -> Catalog:
    """Parse a .po file, turning every syntax error into a CatalogError naming file and line."""
    try:
        data = po_path.read_bytes()
        _check_strings(po_path, data.decode("utf-8"))
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except PoFileError as exc:
        # Babel counts lines from 0 and appends " on <lineno>" to its message.
        reason = str(exc).rsplit(" on ", 1)[0]
        raise CatalogError(po_path, exc.lineno + 1, f"{reason}: {exc.line}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(po_path, None, f"cannot read the catalog: {exc}") from exc
    return catalog


def read_catalog(po_path: Path) -> Catalog:
    """Parse a .po file and run Babel's checks (placeholders, plural forms) on it."""
    catalog = parse_catalog(po_path)
    for message, errors in catalog.check():
        if errors:
            entry = f'{errors[0]} (msgid "{msgid_of(message)}")'
            raise CatalogError(po_path, message.lineno, entry)
    return catalog


def msgid_of(message: Message) -> str:
    """The singular msgid, for messages naming an entry."""
    return message.id if isinstance(message.id, str) else message.id[0]


def compile_catalog(po_path: Path, mo_path: Path, catalog: Catalog | None = None) -> Path:
    """Compile one .po (read and checked here unless given) to ``mo_path``, atomically; raise
    CatalogError instead of writing a broken one. Fuzzy entries are left out.

    Always compiled, never judged by mtimes (a .po restored from git, a backup or a tarball
    can be older than a .mo it no longer matches; compiling takes milliseconds), but written
    only when the bytes differ: a checkout whose .mo files are current may be read-only."""
    catalog = catalog or read_catalog(po_path)
    out = io.BytesIO()
    write_mo(out, catalog)
    try:
        write_if_changed(mo_path, out.getvalue())
    except FileError as exc:
        raise CatalogError(exc.path, None, exc.message) from exc
    return mo_path
