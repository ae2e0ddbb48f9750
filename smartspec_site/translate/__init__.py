"""The translators' wing: which locales are served, catalogs (parse, compile, live reload),
the checks, the extractor for content files, and the `flask translate` commands.

The site serves the source language, which needs no catalog, and the locales that
``translations/locales.txt`` records, each with its catalog: a catalog deleted by mistake
then stops production's start, naming the file, instead of dropping its language. Adding a
language is still a catalog, not code: ``flask translate init xx`` makes and records it."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_babel import force_locale, get_domain

from ..build import FileError
from ..content import reloading
from ..content.sitemap import locales
from . import checks, cli, panel
from .catalogs import (
    LOCALES_FILE,
    CatalogError,
    catalog_paths,
    compiled_of,
    served_locales,
    translations_dir,
    unrecorded_catalogs,
)


def build(app: Flask, translations: Path) -> list[FileError]:
    """Compile every catalog that a page can show; return the mistakes of the others, which
    get no new .mo (checks.compile_checked). A .mo already current is not rewritten."""
    errors: list[FileError] = []
    for po in catalog_paths(translations):
        try:
            checks.compile_checked(po, compiled_of(po, app))
        except CatalogError as exc:
            errors.append(exc)
    return errors


def load(app: Flask, translations: Path) -> list[FileError]:
    """Load every locale's compiled catalog now, into Flask-Babel's cache, and check it is
    the one a page would show: never a locale that silently falls back to Swedish.

    Loaded at start, in gunicorn's master (preload_app), so every worker forks with the
    catalogs in memory: a .mo deleted or emptied later (and a HUP, which forks new workers
    from the master) changes nothing until the next start, which checks again."""
    errors: list[FileError] = []
    for po in catalog_paths(translations):
        code = po.parent.parent.name
        if code not in locales(app):
            continue  # not a locale (a stray folder): never served
        mo = compiled_of(po, app)
        problems = checks.compiled_problems(po, mo)
        if problems:
            errors += problems
            continue
        with app.test_request_context(f"/{code}/"), force_locale(code):
            loaded = get_domain().get_translations()
        if not any(Path(name).resolve() == mo.resolve() for name in getattr(loaded, "files", [])):
            errors.append(CatalogError(mo, None, "Flask-Babel did not load it"))
    return errors


def served(app: Flask) -> tuple[str, ...]:
    """The locales to serve, the default first; in production a recorded locale without its
    catalog stops the start, elsewhere it is logged and not served."""
    translations = translations_dir(app)
    found, problems = served_locales(translations, app.config["BABEL_DEFAULT_LOCALE"])
    if problems and app.config["PRODUCTION"]:
        raise problems[0]  # create_app makes it one line: the file, the line, what to do
    for problem in problems:
        app.logger.warning("a language is not served: %s", problem)
    for code in unrecorded_catalogs(translations, found):
        app.logger.warning(
            "%s has a catalog but is not in %s: not served", code, translations / LOCALES_FILE
        )
    return found


def init_app(app: Flask) -> None:
    translations = translations_dir(app)
    if app.config["TRANSLATIONS_AUTO_COMPILE"]:
        if app.debug:
            # A saved catalog shows on the next page load, or its mistake does.
            def reload() -> list[FileError]:
                errors = build(app, translations)
                with app.app_context():
                    get_domain().cache.clear()  # Flask-Babel keeps the catalogs it loaded
                return errors

            reloading.watch(app, "catalogs", lambda: catalog_paths(translations), reload)
        else:
            # Fail fast at deploy: a broken catalog stops the start with a message naming
            # file and line, so it can never turn into a 500 later.
            errors = build(app, translations)
            if errors:
                raise errors[0]
    if not app.debug:
        errors = load(app, translations)
        if errors and app.config["PRODUCTION"]:
            raise errors[0]
        for error in errors:
            app.logger.warning("catalog not served as it should be: %s", error)
    app.cli.add_command(cli.translate)
    panel.init_app(app)  # debug only: the translators' panel (panel/)
