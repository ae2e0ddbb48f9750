"""nginx's own error answers as the site's own pages, in the request's language.

nginx answers some errors itself, before or without the app: 413 (a body over its limit),
429 (the form's rate limit), 502 and 503 (gunicorn down or restarting). Its built-in pages
are bare English, so someone sending feedback could not tell whether it arrived. The app
renders its own error page for each code and language at start, into ``build/_errors/``
(only when the bytes differ, so a read-only checkout whose build is current starts), and
deploy/nginx/smartspec/app.conf answers with them (``error_page``), with the security
headers as on every answer.
"""

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
