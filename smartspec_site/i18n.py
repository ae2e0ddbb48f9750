"""The request's language: which locales exist, and which one a request gets.

The site serves the source language (Swedish), which needs no catalog, and the locales that
``translations/locales.txt`` records, each of which must have its catalog,
``translations/<locale>/LC_MESSAGES/messages.po``. They were once guessed from the catalogs
present, so deleting one dropped its language without a word; now production refuses to
start, naming the file, and development says so. Adding a language is still a catalog, not
code: ``flask translate init xx`` makes it and records it.
The URL is the memory: there is no language cookie, so pages stay cacheable and shareable.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError
from flask import Flask, current_app, g, request
from flask_babel import Babel, get_locale

from .state import state
from .translate.catalogs import LOCALES_FILE, CatalogError, catalog_of, recorded_locales


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
    locales, problems = served_locales(translations, app.config["BABEL_DEFAULT_LOCALE"])
    if problems and app.config["PRODUCTION"]:
        raise problems[0]  # create_app makes it one line: the file, the line, what to do
    for problem in problems:
        app.logger.warning("a language is not served: %s", problem)
    for code in unrecorded_catalogs(translations, locales):
        app.logger.warning(
            "%s has a catalog but is not in %s: not served", code, translations / LOCALES_FILE
        )
    state(app).locales = locales
    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # matches the extractor's trimmed = "true"
    app.jinja_env.globals["current_locale"] = current_locale
