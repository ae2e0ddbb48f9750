"""Configuration: the defaults, and the production switch (``finalize``). Every key can be
overridden from the environment with the ``SMARTSPEC_`` prefix
(``SMARTSPEC_HTMX_SOURCE=local``), parsed as JSON where possible."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from flask import Config

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
"""The clone the package sits in, when it is run from one (an editable install, the tests,
`make serve`); it holds templates/, static/, translations/ and content/ at its top."""
INSTALLED = (PACKAGE / "_data").is_dir()
"""A wheel carries those four folders in ``smartspec_site/_data/`` (pyproject.toml's
force-include), with the two files the statement reads; a clone has no such folder."""
DATA = PACKAGE / "_data" if INSTALLED else CHECKOUT
"""Where the site's files are found by default: the wheel's copy, or the clone's own
folders, so that an edit in a clone shows at once."""

HTMX_VERSION = "2.0.11"
HTMX_INTEGRITY = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


class Defaults:
    # Where the site's files are read from (DATA above, unless set): the words, one file
    # per page, group and area (EDITING.md); the templates; static/; the catalogs' sources.
    CONTENT_DIR = str(DATA / "content")
    TEMPLATES_DIR = str(DATA / "templates")
    STATIC_DIR = str(DATA / "static")
    TRANSLATIONS_DIR = str(DATA / "translations")

    # What the app builds at start goes under one writable folder. Empty: build/ of the
    # clone, or, installed from a wheel, build/ in the instance folder. Each part can be
    # set on its own: the compiled catalogs (<locale>/LC_MESSAGES/messages.mo, which
    # Flask-Babel reads: BABEL_TRANSLATION_DIRECTORIES is set to it), the hashed static
    # files and `flask freeze`'s export.
    BUILD_DIR = ""
    CATALOG_BUILD_DIR = ""
    STATIC_BUILD_DIR = ""
    FREEZER_DESTINATION = ""

    # Source language of every msgid. No `sv` catalog is needed.
    BABEL_DEFAULT_LOCALE = "sv"
    BABEL_DEFAULT_TIMEZONE = "Europe/Stockholm"

    # "cdn" loads htmx from jsDelivr with SRI; "local" serves the vendored copy of the same
    # file (tests, offline machines, strict privacy). Both carry the same integrity hash.
    HTMX_SOURCE = "cdn"
    HTMX_CDN_URL = f"https://cdn.jsdelivr.net/npm/htmx.org@{HTMX_VERSION}/dist/htmx.min.js"
    HTMX_LOCAL_FILE = f"vendor/htmx-{HTMX_VERSION}.min.js"
    HTMX_INTEGRITY = HTMX_INTEGRITY

    # The public origin (https://smartspec.example): canonical links, hreflang alternates,
    # the sitemap and the export name it. Required in production, whose TRUSTED_HOSTS are
    # its host plus EXTRA_HOSTS; elsewhere empty means "the request's own host".
    SITE_URL = ""
    # More host names production answers besides SITE_URL's (a list, or one name):
    # `make serve` adds 127.0.0.1 next to localhost. Any other Host gets a 400.
    EXTRA_HOSTS: list[str] = []

    # How many proxies (nginx, a load balancer) stand in front and set X-Forwarded-For and
    # -Proto; 0 trusts neither. X-Forwarded-Host is never trusted.
    PROXY_COUNT = 0

    # Compile the catalogs on start, and in debug again whenever a .po changes.
    TRANSLATIONS_AUTO_COMPILE = True

    # gunicorn.conf.py sets it: debug off, HSTS and Secure cookies (finalize, below).
    PRODUCTION = False
    # Strict-Transport-Security max-age, sent in production only (0: no HSTS). Browsers
    # ignore it over plain HTTP, so it only takes effect behind TLS.
    HSTS_SECONDS = 31536000
    # Behind nginx: the file the app writes its security headers to, as `add_header` lines
    # nginx sends on every answer; the app then sends none (serve/security.py).
    NGINX_HEADERS_FILE = ""

    # url_for('static') builds the hashed names. None: yes, except in debug (flask run), where
    # the plain names let an edited file show on reload.
    STATIC_HASHED = None

    # Rendered pages are kept in memory (the content is static). None: except in debug.
    PAGE_CACHE = None
    # HTML caching for browsers and shared caches (a CDN in front).
    HTML_MAX_AGE = 300
    HTML_STALE_WHILE_REVALIDATE = 3600

    # `flask freeze` (serve/freeze.py) sets FREEZING in the app it renders the export with:
    # forms then post to FEEDBACK_URL without htmx.
    FREEZING = False

    # The translators' panel (translate/panel/, TRANSLATING.md). None: on under flask run in
    # debug; False turns it off there. Outside debug it is never installed.
    TRANSLATION_PANEL = None

    # --- Feedback (smartspec_site/feedback/, docs/feedback.md) ---------------------------
    # Where feedback is stored. A relative SQLite path is in the instance folder (instance/,
    # created at first start): development. Production names a file outside the checkout,
    # sqlite:////var/lib/smartspec/feedback.sqlite3, or PostgreSQL for several instances,
    # postgresql+psycopg://user@/smartspec?host=/run/postgresql (docs/production.md).
    DATABASE_URL = "sqlite:///feedback.sqlite3"
    # Migrate the database to the current revision at start (before gunicorn forks). False:
    # a deploy step runs `flask db upgrade`, and the app refuses a database that is behind.
    DATABASE_MIGRATE = True
    # `flask feedback purge` deletes feedback older than this many days unless --older-than
    # says otherwise. Only the command's default: feedback is a public document, disposed of
    # under the region's disposal rules, and the privacy note states no number of days.
    FEEDBACK_RETENTION_DAYS = 365
    # The static export only: the app's origin its forms post to (https://app.example). The
    # export's CSP allows it as a form-action. Empty: the export shows how to get in touch
    # instead of a form.
    FEEDBACK_URL = ""
    # The app only: the static export's origin (https://www.example), whose pages post
    # feedback here. Its forms are accepted (Origin), and the thank-you page links back to
    # the page there.
    EXPORT_URL = ""
    # Request bodies: the form's 1,000 characters, each up to 12 bytes once percent-encoded,
    # and its other fields fit well within 32 KiB. Larger bodies get a 413.
    MAX_CONTENT_LENGTH = 32 * 1024
    MAX_FORM_MEMORY_SIZE = 32 * 1024
    MAX_FORM_PARTS = 20


class StartError(RuntimeError):
    """Production cannot start, for the reason in one line (naming the file, where there is
    one). A RuntimeError, because gunicorn prints those as ``Error: <reason>`` and exits,
    where anything else becomes a traceback."""


def locate(config: Config, instance_path: str) -> None:
    """Fill in the build folders left empty, all absolute: Flask-Babel resolves a relative
    BABEL_TRANSLATION_DIRECTORIES inside the package and would then silently show Swedish."""
    build = config["BUILD_DIR"] or (
        Path(instance_path) / "build" if INSTALLED else CHECKOUT / "build"
    )
    config["BUILD_DIR"] = str(Path(build).absolute())
    for key, name in (
        ("CATALOG_BUILD_DIR", "translations"),
        ("STATIC_BUILD_DIR", "static"),
        ("FREEZER_DESTINATION", "site"),
    ):
        config[key] = str(Path(config[key] or Path(config["BUILD_DIR"]) / name).absolute())
    config["BABEL_TRANSLATION_DIRECTORIES"] = config["CATALOG_BUILD_DIR"]


def finalize(config: Config, logger: logging.Logger) -> None:
    """The production switch, applied once every other source of configuration has been read
    and before anything reads ``DEBUG``.

    Production needs its public origin: without SITE_URL every new Host would render (and
    cache) the pages under itself, so it refuses to start. TRUSTED_HOSTS (Flask 3.1) is then
    SITE_URL's host plus EXTRA_HOSTS, unless set outright: any other Host gets a 400. No
    SECRET_KEY is needed: nothing is signed (no session; feedback/guard.py protects the form
    without a token). Should that change, refuse to start here without one."""
    if not config["PRODUCTION"]:
        return
    config.update(
        DEBUG=False,  # never in production, whatever FLASK_DEBUG says
        TEMPLATES_AUTO_RELOAD=False,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    host = site_host(config["SITE_URL"])
    if config.get("TRUSTED_HOSTS") is None:
        config["TRUSTED_HOSTS"] = [host, *extra_hosts(config["EXTRA_HOSTS"])]
    logger.debug("production: answering the hosts %s", config["TRUSTED_HOSTS"])


def site_host(site_url: str) -> str:
    """The host of SITE_URL, which must be an origin: http(s)://host[:port], nothing more."""
    if not site_url:
        raise StartError(
            "SITE_URL is not set: production needs the site's public origin, "
            "e.g. SMARTSPEC_SITE_URL=https://smartspec.example"
        )
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StartError(f"SITE_URL must be http(s)://host[:port], not {site_url!r}")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise StartError(f"SITE_URL must be an origin without a path, not {site_url!r}")
    return parts.hostname


def extra_hosts(value: str | list[str]) -> list[str]:
    """EXTRA_HOSTS from the environment is a JSON list or a plain, comma-separated string."""
    names = value.split(",") if isinstance(value, str) else value
    return [name.strip() for name in names if name.strip()]
