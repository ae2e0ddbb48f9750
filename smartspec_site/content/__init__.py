"""The content model: the words of content/ as pages, the site map and the statement.

``file`` reads one content file, ``markdown`` is its Markdown dialect, ``rendering`` turns a
body into HTML in a language, ``page`` is a page as templates print it, ``sitemap`` builds
the site from the folder, ``statement`` checks the accessibility statement, ``readability``
is `flask content readability`, and ``reloading`` shows an edited file in debug. It imports
neither the web layer nor a wing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flask import Flask

from ..build import FileError
from . import readability, reloading, sitemap, statement
from .sitemap import KEY, Content, locales, site_map

__all__ = ["init_app", "locales", "site_map"]


def init_app(app: Flask, locales: Iterable[str]) -> None:
    """The site map of CONTENT_DIR, served in ``locales`` (the default first). A content
    file with a mistake stops the start, naming the file and the line."""
    config = app.config
    folder = Path(config["CONTENT_DIR"])

    def load() -> sitemap.SiteMap:
        zone, source = config["BABEL_DEFAULT_TIMEZONE"], config["BABEL_DEFAULT_LOCALE"]
        return sitemap.load(folder, zone, source)

    app.extensions[KEY] = Content(load(), tuple(locales))
    if app.debug:
        # The development server shows an edited content file on the next page load.
        def reload() -> list[FileError]:
            try:
                app.extensions[KEY].site_map = load()
            except FileError as exc:
                return [exc]
            return []

        reloading.watch(app, "content", lambda: sitemap.content_files(folder), reload)
    statement.check(site_map(app))
    app.cli.add_command(readability.content)
