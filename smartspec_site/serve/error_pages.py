"""nginx's own error answers (413, 429, 502, 503) as the site's own pages, in the request's
language, rather than nginx's bare English: rendered at start into ``build/_errors/`` (only
when the bytes differ, so a read-only checkout starts), where deploy/nginx/smartspec/app.conf
finds them (``error_page``)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.exceptions import (
    BadGateway,
    HTTPException,
    RequestEntityTooLarge,
    ServiceUnavailable,
    TooManyRequests,
)

from ..build import write_if_changed
from ..content.sitemap import locales
from ..web.views import handle_http_error

NGINX_ERRORS: tuple[type[HTTPException], ...] = (
    RequestEntityTooLarge,
    TooManyRequests,
    BadGateway,
    ServiceUnavailable,
)
FOLDER = "_errors"


def render(app: Flask, locale: str, error: HTTPException) -> bytes:
    """The page the app itself would answer ``error`` with under ``/<locale>/``."""
    base = app.config["SITE_URL"] or "http://localhost"
    with app.test_request_context(f"/{locale}/", base_url=base):
        return handle_http_error(error).get_data()


def pages(app: Flask) -> dict[str, bytes]:
    """``<locale>/<code>.html`` for each language and each code nginx answers itself."""
    return {
        f"{locale}/{error.code}.html": render(app, locale, error())
        for locale in locales(app)
        for error in NGINX_ERRORS
    }


def write(app: Flask, folder: Path) -> None:
    for name, body in pages(app).items():
        write_if_changed(folder / name, body)


def init_app(app: Flask) -> None:
    if app.config["NGINX_HEADERS_FILE"]:  # behind nginx
        write(app, Path(app.config["STATIC_BUILD_DIR"]).parent / FOLDER)
