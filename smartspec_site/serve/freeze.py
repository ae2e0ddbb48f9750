"""`flask freeze`: the whole site as static files for any web server or CDN (Frozen-Flask).

What is written (to ``FREEZER_DESTINATION``, build/site by default):

* every page in every locale, as ``<path>/index.html`` (``/sv/utvecklingsomraden`` is both a
  page and the folder of the area pages, so a page cannot be a plain file);
* no separate fragments: htmx fetches a page's own URL, and its ``hx-select`` takes the
  panel block out of the full page that a static host serves (the dynamic app answers
  htmx with just that block);
* the static files under their content-hashed names, sitemap.xml, robots.txt;
* ``404.html`` (Swedish) and ``<locale>/404.html``, and ``index.html``: a tiny page that
  sends ``/`` to the Swedish start page (the nginx snippet negotiates the language instead);
* ``_headers`` for hosts that read it (Netlify, Cloudflare Pages) and
  ``_nginx-security-headers.conf`` for nginx (deploy/nginx.conf includes it): the app's own
  security headers, script hash included, so no copy of them is kept by hand;
* a ``.br`` and a ``.gz`` next to every text file, for ``brotli_static``/``gzip_static``.
"""

from __future__ import annotations

import contextvars
import re
import warnings
from pathlib import Path

import click
from flask import Flask, current_app, g, render_template
from flask.cli import with_appcontext
from flask.testing import FlaskClient
from flask_frozen import Freezer, MissingURLGeneratorWarning

from .. import i18n
from ..sitemap import page_url
from ..state import state
from . import security, static_files

# Endpoints that only make sense on the dynamic app.
# The feedback form posts to the app (FEEDBACK_URL): its answers are never static files.
# The translators' panel (translate/panel/) exists in debug only, which `make freeze` runs in.
NOT_FROZEN = {"root", "feedback.submit", "feedback.thanks", "translation_panel.panel"}
TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".txt"}
NGINX_HEADERS = "_nginx-security-headers.conf"


class SiteFreezer(Freezer):
    def urlpath_to_filepath(self, path: str) -> str:
        """A URL whose last segment has no dot is a page: ``<path>/index.html``."""
        last = path.rsplit("/", 1)[-1]
        if last and "." not in last:
            path += "/"
        return super().urlpath_to_filepath(path)


def redirect_page(app: Flask) -> str:
    """``/index.html``: templates/export/redirect.html in the default language, with a link
    to every language's start page named in that language."""
    default = app.config["BABEL_DEFAULT_LOCALE"]
    starts = []
    for code in state(app).locales:
        with app.test_request_context(f"/{code}/", base_url=base_url(app)):
            g.lang_code = code
            starts.append(
                {
                    "code": code,
                    "url": page_url("start", code),
                    "canonical": page_url("start", code, external=True),
                    "title": str(state(app).site["start"].title),
                    "language": i18n.locale_name(code),
                }
            )
    with app.test_request_context(f"/{default}/", base_url=base_url(app)):
        g.lang_code = default
        first = next(start for start in starts if start["code"] == default)
        return render_template("export/redirect.html", starts=starts, default=first)


def base_url(app: Flask) -> str | None:
    """Every page is rendered under SITE_URL's host (Frozen-Flask's FREEZER_BASE_URL), as
    production's TRUSTED_HOSTS require; without SITE_URL, under Flask's http://localhost."""
    return app.config["SITE_URL"] or None


def export_headers(app: Flask) -> list[tuple[str, str]]:
    # The export is always for production: HSTS included (browsers ignore it over HTTP).
    return security.security_headers({**app.config, "PRODUCTION": True})


def headers_file(app: Flask) -> str:
    """Netlify / Cloudflare Pages ``_headers``."""
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in export_headers(app)]
    lines += ["/static/*", f"  Cache-Control: {static_files.IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def nginx_headers_file(app: Flask) -> str:
    """The same headers as ``add_header ... always`` lines: nginx sends them on every answer,
    its own errors included (deploy/nginx/smartspec-export.conf includes the file)."""
    return security.nginx_headers(export_headers(app))


# Underscored like _headers: deploy/nginx.conf answers /_* with 404.
MARKER = "_smartspec-export"


class DestinationInUse(click.ClickException):
    pass


def check_destination(folder: Path) -> None:
    """Frozen-Flask empties the destination of files it did not write: refuse a folder that
    holds anything but an earlier export (a mistyped `--destination .` would wipe a repo)."""
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise DestinationInUse(
            f"{folder} is not empty and holds no earlier export; choose an empty folder."
        )


def freeze_site(app: Flask, destination: Path | None = None) -> set[str]:
    """Write the static export; returns the URLs written."""
    if destination is not None:
        app.config["FREEZER_DESTINATION"] = str(Path(destination).resolve())
    # Frozen-Flask reads a relative destination against the app's root path; so must we.
    check_destination(Path(app.root_path) / app.config["FREEZER_DESTINATION"])
    app.config["STATIC_HASHED"] = True
    app.config["FREEZER_BASE_URL"] = base_url(app)
    # No client's Host reaches the freezer, and Frozen-Flask builds its URL list under
    # localhost: production's TRUSTED_HOSTS (SITE_URL's host) would refuse it.
    app.config["TRUSTED_HOSTS"] = None
    # Frozen-Flask requests every page while its own test_request_context is pushed, and
    # `flask freeze` runs inside an app context: a request would then reuse that app
    # context and share `g` (and Flask-Babel's cached locale) with every other page. Each
    # request runs in a fresh context instead, as it would in a server.
    previous_client = app.test_client_class
    app.test_client_class = isolated_client(previous_client or FlaskClient)
    # The export's forms post to FEEDBACK_URL without htmx, or are left out (feedback/).
    # `flask freeze` runs in an app of its own, so no page rendered for serving is cached.
    state(app).freezing = True
    try:
        return _freeze(app)
    finally:
        app.test_client_class = previous_client
        state(app).freezing = False


def isolated_client(base: type[FlaskClient]) -> type[FlaskClient]:
    class IsolatedClient(base):
        def open(self, *args, **kwargs):
            return contextvars.Context().run(super().open, *args, **kwargs)

    return IsolatedClient


def _freeze(app: Flask) -> set[str]:
    freezer = SiteFreezer(app, with_no_argument_rules=False)

    @freezer.register_generator
    def site_urls():
        for code in i18n.locales():
            for page in state(app).site:
                yield "site.page", {"lang_code": code, "slug": page.path(code)}
        yield "sitemap", {}
        yield "robots", {}

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingURLGeneratorWarning)
        urls = freezer.freeze()
    for warning in caught:
        # "Nothing frozen for endpoints root, healthz. Did you forget a URL generator?"
        found = re.search(r"endpoints (.*?)\. ", str(warning.message))
        missing = set(found.group(1).split(", ")) if found else set()
        if not (warning.category is MissingURLGeneratorWarning and missing <= NOT_FROZEN):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )

    root = freezer.root
    client = app.test_client()
    (root / "index.html").write_text(redirect_page(app), encoding="utf-8")
    (root / MARKER).write_text("Written by `flask freeze`; may be replaced by it.\n")
    default = app.config["BABEL_DEFAULT_LOCALE"]
    for code in state(app).locales:
        response = client.get(f"/{code}/404-not-found", base_url=base_url(app))
        assert response.status_code == 404
        target = root / ("404.html" if code == default else f"{code}/404.html")
        target.write_bytes(response.data)
        if code == default:
            (root / code / "404.html").write_bytes(response.data)
    (root / "_headers").write_text(headers_file(app), encoding="utf-8")
    (root / NGINX_HEADERS).write_text(nginx_headers_file(app), encoding="utf-8")

    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            for suffix, packed in static_files.compressed_variants(path.read_bytes()).items():
                path.with_name(path.name + suffix).write_bytes(packed)
    return urls


@click.command("freeze")
@with_appcontext
@click.option(
    "--destination",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write (default: FREEZER_DESTINATION, build/site).",
)
def freeze_command(destination: Path | None) -> None:
    """Write the whole site as static files (both locales, static files, sitemap)."""
    app = current_app._get_current_object()
    if not app.config["SITE_URL"]:
        click.echo(
            "warning: SITE_URL is not set, so canonical links and the sitemap will name "
            "http://localhost; set SMARTSPEC_SITE_URL=https://… for a real export.",
            err=True,
        )
    urls = freeze_site(app, destination)
    click.echo(f"{len(urls)} URLs written to {app.config['FREEZER_DESTINATION']}")
