"""The request's language: which locales exist, and which one a request gets.

A locale is available when ``translations/<locale>/LC_MESSAGES/messages.po`` exists, plus the
source language (Swedish), which needs no catalog. Adding a language is a catalog, not code.
The URL is the memory: there is no language cookie, so pages stay cacheable and shareable.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from flask import Flask, current_app, g, request
from flask_babel import Babel, get_locale

from .state import state
from .translate.catalogs import catalog_paths


def discover_locales(translations: Path, default: str) -> tuple[str, ...]:
    """The default locale first, then every locale that has a catalog, in code order."""
    found = []
    for po in catalog_paths(translations):
        code = po.parent.parent.name
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue  # a stray folder is not a language
        if code != default:
            found.append(code)
    return (default, *sorted(found))


def locales() -> tuple[str, ...]:
    return state().locales


def is_locale(code: str | None) -> bool:
    return code is not None and code in locales()


def select_locale() -> str:
    """The validated locale prefix, else the path's first segment (error pages of unmatched
    URLs), else the browser's preference."""
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
    """The request's locale: the one way to read it, in Python and in templates."""
    return str(get_locale())


def locale_name(code: str) -> str:
    """A language's name in that language ("svenska" -> "Svenska"), for the switcher."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def init_app(app: Flask, translations: Path) -> None:
    state(app).locales = discover_locales(translations, app.config["BABEL_DEFAULT_LOCALE"])
    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # matches the extractor's trimmed = "true"
    app.jinja_env.globals["current_locale"] = current_locale
