"""URLs: the locale prefix every page's URL carries, and a page's URL in a language."""

from __future__ import annotations

from flask import abort, current_app, g

from ..content.page import Page
from ..content.sitemap import site_map
from .language import current_locale, is_locale


def take_locale(endpoint: str | None, values: dict | None) -> None:
    """A blueprint's ``url_value_preprocessor``: the prefix, validated before use, so an
    unknown code never reaches Babel."""
    code = (values or {}).pop("lang_code", None)
    if not is_locale(code):
        abort(404)
    g.lang_code = code


def add_locale(endpoint: str, values: dict) -> None:
    """A blueprint's ``url_defaults``: ``url_for`` keeps the request's locale."""
    values.setdefault("lang_code", g.get("lang_code") or current_locale())


def page_url(target: Page | str, locale: str | None = None, external: bool = False) -> str:
    """A page's URL in a language (the request's by default); ``external``: absolute, with
    the configured public origin (SITE_URL) when there is one."""
    pages = site_map()
    page = pages[target] if isinstance(target, str) else target
    url = pages.url(page, locale or current_locale(), external=external)
    return absolute(url) if external else url


def absolute(url: str) -> str:
    """An absolute URL on the configured public origin, if one is set."""
    base = current_app.config["SITE_URL"].rstrip("/")
    if not base:
        return url
    path = url.split("://", 1)[-1]
    return base + path[path.find("/") :]
