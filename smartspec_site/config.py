"""Configuration: the defaults, and the production switch (``finalize``). Every key can be
overridden from the environment with the ``SMARTSPEC_`` prefix
(``SMARTSPEC_HTMX_SOURCE=local``), parsed as JSON where possible."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Config

ROOT = Path(__file__).resolve().parents[1]
"""The repository root: the design card keeps templates/, static/ and translations/ there."""

HTMX_VERSION = "2.0.11"
HTMX_INTEGRITY = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


class Defaults:
    # The words: one file per page, group and area (sitemap.py, EDITING.md).
    CONTENT_DIR = str(ROOT / "smartspec_site" / "content")

    # Source language of every msgid. No `sv` catalog is needed.
    BABEL_DEFAULT_LOCALE = "sv"
    BABEL_DEFAULT_TIMEZONE = "Europe/Stockholm"
    # Absolute on purpose: Flask-Babel resolves a relative path inside the package and would
    # then silently show Swedish everywhere.
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")

    # "cdn" loads htmx from jsDelivr with SRI; "local" serves the vendored copy of the same
    # file (tests, offline machines, strict privacy). Both carry the same integrity hash.
    HTMX_SOURCE = "cdn"
    HTMX_CDN_URL = f"https://cdn.jsdelivr.net/npm/htmx.org@{HTMX_VERSION}/dist/htmx.min.js"
    HTMX_LOCAL_FILE = f"vendor/htmx-{HTMX_VERSION}.min.js"
    HTMX_INTEGRITY = HTMX_INTEGRITY

    # Absolute origin used for canonical links, hreflang alternates and the sitemap.
    # Empty: use the request's own host (fine behind a proxy that sets Host correctly).
    SITE_URL = ""

    # How many proxies (nginx, a load balancer) stand in front and set X-Forwarded-For,
    # -Proto and -Host; 0 trusts none of those headers.
    PROXY_COUNT = 0

    # Compile the catalogs on start, and in debug again whenever a .po changes.
    TRANSLATIONS_AUTO_COMPILE = True

    # Set by production deployments (gunicorn.conf.py sets SMARTSPEC_PRODUCTION=true unless the
    # environment says otherwise): forces debug off, turns on HSTS and Secure cookies
    # (finalize, below).
    PRODUCTION = False
    # Strict-Transport-Security max-age, sent in production only (0: no HSTS). Browsers
    # ignore it over plain HTTP, so it only takes effect behind TLS.
    HSTS_SECONDS = 31536000

    # Static files are copied under content-hashed names, with .br/.gz, to this folder on
    # start and served from there by WhiteNoise with a one-year immutable Cache-Control.
    STATIC_BUILD_DIR = str(ROOT / "build" / "static")
    # url_for('static') builds the hashed names. None: yes, except in debug (flask run), where
    # the plain names let an edited file show on reload.
    STATIC_HASHED = None

    # Rendered pages are kept in memory (the content is static). None: except in debug.
    PAGE_CACHE = None
    # HTML caching for browsers and shared caches (a CDN in front).
    HTML_MAX_AGE = 300
    HTML_STALE_WHILE_REVALIDATE = 3600

    # `flask freeze` writes the static export here (freeze.py).
    FREEZER_DESTINATION = str(ROOT / "build" / "site")

    # --- Feedback (smartspec_site/feedback/, docs/feedback.md) ---------------------------
    # Where feedback is stored. A relative SQLite path is in the instance folder (instance/,
    # created at first start): development. Production names a file outside the checkout,
    # sqlite:////var/lib/smartspec/feedback.sqlite3, or PostgreSQL for several instances,
    # postgresql+psycopg://user@/smartspec?host=/run/postgresql (docs/production.md).
    DATABASE_URL = "sqlite:///feedback.sqlite3"
    # Migrate the database to the current revision at start (before gunicorn forks). False:
    # a deploy step runs `flask db upgrade`, and the app refuses a database that is behind.
    DATABASE_MIGRATE = True
    # `flask feedback purge` deletes feedback older than this many days by default; the
    # privacy note shows this number.
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


def finalize(config: Config, logger: logging.Logger) -> None:
    """The production switch, applied once every other source of configuration has been read
    and before anything reads ``DEBUG``.

    No SECRET_KEY is required, the feedback form included: the app has no session, no flash
    messages and no signed cookie (the banner's dismissal cookie is written by the browser's
    script), and the form is protected without a per-visitor token (feedback/guard.py:
    Fetch Metadata and Origin checks, a honeypot, nginx's rate limit). So there is no
    default key to refuse. Should that change, refuse to start here without one."""
    if not config["PRODUCTION"]:
        return
    config.update(
        DEBUG=False,  # never in production, whatever FLASK_DEBUG says
        TEMPLATES_AUTO_RELOAD=False,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if not config["SITE_URL"]:
        logger.warning(
            "SITE_URL is not set: canonical links, alternates and the sitemap name the "
            "request's Host. Set SMARTSPEC_SITE_URL=https://… (and SMARTSPEC_PROXY_COUNT "
            "behind a proxy)."
        )
