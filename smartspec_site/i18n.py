"""Locales: which exist, which one a request gets, and keeping compiled catalogs fresh.

A locale is available when ``translations/<locale>/LC_MESSAGES/messages.po`` exists, plus the
source language (Swedish), which needs no catalog. Adding a language is a catalog, not code.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from flask import Flask, current_app, g, request
from flask_babel import Babel, get_babel, get_locale

DOMAIN = "messages"


@dataclass
class CatalogError(Exception):
    """A catalog that cannot be compiled: names the file, the line and the message."""

    path: Path
    lineno: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.lineno}" if self.lineno else str(self.path)
        return f"{where}: {self.message}"


def catalog_paths(translations_dir: Path) -> list[Path]:
    return sorted(translations_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def discover_locales(translations_dir: Path, default: str) -> tuple[str, ...]:
    """The default locale first, then every locale that has a catalog, in code order."""
    found = []
    for po in catalog_paths(translations_dir):
        code = po.parent.parent.name
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue  # a stray folder is not a language
        if code != default:
            found.append(code)
    return (default, *sorted(found))


def read_catalog(po_path: Path):
    """Parse a .po file, turning Babel's parse and placeholder errors into CatalogError."""
    try:
        with po_path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
    except PoFileError as exc:
        # Babel's message ends with "on <line> <lineno>"; keep the line number separately.
        lineno = getattr(exc, "lineno", None)
        raise CatalogError(po_path, lineno, str(exc)) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(po_path, None, f"cannot read the catalog: {exc}") from exc
    for message, errors in catalog.check():
        if errors:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            lineno = message.lineno
            raise CatalogError(po_path, lineno, f'{errors[0]} (msgid "{msgid}")')
    return catalog


def compile_catalog(po_path: Path, *, use_fuzzy: bool = False) -> Path:
    """Compile one .po to its .mo atomically; raise CatalogError instead of writing a broken one."""
    catalog = read_catalog(po_path)
    mo_path = po_path.with_suffix(".mo")
    fd, tmp = tempfile.mkstemp(dir=po_path.parent, prefix=".messages-", suffix=".mo")
    try:
        with os.fdopen(fd, "wb") as fh:
            write_mo(fh, catalog, use_fuzzy=use_fuzzy)
        os.replace(tmp, mo_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return mo_path


def is_stale(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.stat().st_mtime_ns < po_path.stat().st_mtime_ns


def compile_stale(translations_dir: Path) -> list[Path]:
    """Compile every catalog whose .mo is missing or older than its .po."""
    return [compile_catalog(po) for po in catalog_paths(translations_dir) if is_stale(po)]


def translations_dir(app: Flask | None = None) -> Path:
    app = app or current_app
    return Path(app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])


def locales() -> tuple[str, ...]:
    return current_app.extensions["smartspec"]["locales"]


def is_locale(code: str | None) -> bool:
    return code is not None and code in locales()


def select_locale() -> str:
    """The URL is the memory: the validated locale prefix, else the path's first segment
    (error pages of unmatched URLs), else the browser's preference."""
    code = g.get("lang_code")
    if code:
        return code
    first = request.path.lstrip("/").split("/", 1)[0]
    if is_locale(first):
        return first
    return negotiate()


def negotiate() -> str:
    available = locales()
    try:
        best = request.accept_languages.best_match(available)
    except (ValueError, TypeError):  # pragma: no cover - werkzeug parses leniently
        best = None
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_locale() -> str:
    return str(get_locale())


def _reload_changed_catalogs() -> None:
    """Debug only: a translator's saved .po shows on the next page load."""
    if compile_stale(translations_dir()):
        get_babel().domain_instance.cache.clear()


def init_app(app: Flask) -> None:
    directory = translations_dir(app)
    if app.config["TRANSLATIONS_AUTO_COMPILE"]:
        # Fail fast: a broken catalog stops the start with a message naming file and line.
        compile_stale(directory)
    default = app.config["BABEL_DEFAULT_LOCALE"]
    app.extensions.setdefault("smartspec", {})["locales"] = discover_locales(directory, default)

    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # matches the extractor's trimmed = "true"
    app.jinja_env.globals["get_locale"] = current_locale

    if app.debug and app.config["TRANSLATIONS_AUTO_COMPILE"]:
        app.before_request(_reload_changed_catalogs)
