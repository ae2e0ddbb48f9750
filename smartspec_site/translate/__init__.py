"""The translators' wing: catalogs (parse, compile, live reload), the checks, the extractor
for content files, and the `flask translate` commands."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_babel import get_domain

from .. import live
from ..files import FileError
from . import checks, cli
from .catalogs import CatalogError, catalog_paths, translations_dir


def build(translations: Path) -> list[FileError]:
    """Compile every catalog that a page can show; return the mistakes of the others, which
    get no new .mo (checks.compile_checked)."""
    errors: list[FileError] = []
    for po in catalog_paths(translations):
        try:
            checks.compile_checked(po)
        except CatalogError as exc:
            errors.append(exc)
    return errors


def init_app(app: Flask) -> None:
    translations = translations_dir(app)
    if app.config["TRANSLATIONS_AUTO_COMPILE"]:
        if app.debug:
            # A saved catalog shows on the next page load, or its mistake does.
            def reload() -> list[FileError]:
                errors = build(translations)
                with app.app_context():
                    get_domain().cache.clear()  # Flask-Babel keeps the catalogs it loaded
                return errors

            live.watch(app, "catalogs", lambda: catalog_paths(translations), reload)
        else:
            # Fail fast at deploy: a broken catalog stops the start with a message naming
            # file and line, so it can never turn into a 500 later.
            errors = build(translations)
            if errors:
                raise errors[0]
    app.cli.add_command(cli.translate)
