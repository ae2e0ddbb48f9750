"""Locales: which exist, which one a request gets, and keeping compiled catalogs fresh.

A locale is available when ``translations/<locale>/LC_MESSAGES/messages.po`` exists, plus the
source language (Swedish), which needs no catalog. Adding a language is a catalog, not code.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from flask import Flask, Response, current_app, g, make_response, render_template, request
from flask_babel import Babel, get_domain, get_locale

from .files import write_atomic

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


def compile_catalog(po_path: Path, *, use_fuzzy: bool = False) -> Path:
    """Compile one .po to its .mo atomically; raise CatalogError instead of writing a broken one."""
    catalog = read_catalog(po_path)
    mo_path = po_path.with_suffix(".mo")
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=use_fuzzy)
    write_atomic(mo_path, out.getvalue())
    return mo_path


def compile_all(translations_dir: Path) -> list[Path]:
    """Compile every catalog. Always, not by comparing mtimes: a .po restored from git, a
    backup or a tarball can be older than a .mo it no longer matches, and compiling the
    site's catalogs takes milliseconds."""
    return [compile_catalog(po) for po in catalog_paths(translations_dir)]


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
    return g.get("lang_code") or locale_in_path() or negotiate()


def locale_in_path() -> str | None:
    """The locale the URL starts with, if it names one (``/en/anything`` -> ``en``)."""
    first = request.path.lstrip("/").split("/", 1)[0]
    return first if is_locale(first) else None


def negotiate() -> str:
    """The browser's preferred available locale (werkzeug parses Accept-Language leniently:
    malformed values are skipped), else the default."""
    best = request.accept_languages.best_match(locales())
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def current_locale() -> str:
    return str(get_locale())


class LiveCatalogs:
    """Debug only: recompile a catalog whenever its .po changes, so a translator's save shows
    on the next page load without a restart, and remember a broken catalog instead of failing.

    A change is a change of content (a digest), not a newer mtime: a .po restored from git or a
    backup is older than its .mo, and two saves within one clock tick share an mtime.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self.errors: dict[Path, CatalogError] = {}
        self._digests: dict[Path, bytes] = {}
        self._lock = threading.Lock()  # the development server is threaded

    def refresh(self) -> bool:
        """Compile every changed catalog; True when a new .mo was written."""
        written = False
        with self._lock:
            for po in catalog_paths(self.directory):
                digest = hashlib.sha256(po.read_bytes()).digest()
                if self._digests.get(po) == digest:
                    continue
                self._digests[po] = digest
                try:
                    compile_catalog(po)
                except CatalogError as exc:
                    self.errors[po] = exc
                else:
                    self.errors.pop(po, None)
                    written = True
        return written


def _refresh_catalogs() -> Response | None:
    """Before each request in debug: load saved catalogs, or explain why one cannot be used.

    A broken catalog gets a page naming file, line and problem rather than the pages with the
    last good catalog: a translator who overlooks a notice would review text that silently
    lacks every edit since the mistake. The page comes back on the first reload after the fix.
    """
    live: LiveCatalogs = current_app.extensions["smartspec"]["live_catalogs"]
    if live.refresh():
        get_domain().cache.clear()  # Flask-Babel keeps loaded catalogs
    if live.errors and request.endpoint != "static":
        html = render_template("errors/catalog.html", errors=list(live.errors.values()))
        return make_response(html, 500)
    return None


def init_app(app: Flask) -> None:
    directory = translations_dir(app)
    state = app.extensions.setdefault("smartspec", {})
    if app.config["TRANSLATIONS_AUTO_COMPILE"]:
        if app.debug:
            state["live_catalogs"] = live = LiveCatalogs(directory)
            live.refresh()
            app.before_request(_refresh_catalogs)
        else:
            # Fail fast at deploy: a broken catalog stops the start with a message naming
            # file and line, so it can never turn into a 500 later.
            compile_all(directory)
    state["locales"] = discover_locales(directory, app.config["BABEL_DEFAULT_LOCALE"])

    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # matches the extractor's trimmed = "true"
    app.jinja_env.globals["get_locale"] = current_locale
