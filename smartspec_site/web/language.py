"""The request's language: which of the served locales (``translate.served_locales``) a
request gets. The URL is the memory: there is no language cookie, so pages stay cacheable
and shareable."""

from __future__ import annotations

from babel import Locale
from flask import Flask, current_app, g, request
from flask_babel import Babel, get_locale

from ..content.sitemap import locales


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


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # matches the extractor's trimmed = "true"
