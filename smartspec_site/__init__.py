"""Region Västra Götaland's smart specialisation microsite.

The package has four wings, and the tree shows them:

* the site, here: the factory, configuration, the site map built from the content files
  (``content/``), their Markdown (``prose``), the request's language and the views;
* ``translate/``: catalogs, their checks, the extractor and `flask translate`;
* ``serve/``: caching, static files, security headers and the static export;
* ``feedback/``: the feedback form on every page, its database and `flask feedback`.

``create_app`` is the only entry point: nothing runs on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import assets, config, feedback, i18n, serve, translate, views
from .build import FileError
from .content import readability, reloading, sitemap, statement
from .state import KEY, SiteState
from .translate.catalogs import translations_dir


def create_app(settings: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(config.ROOT / "templates"),
        static_folder=str(config.ROOT / "static"),
    )
    app.config.from_object(config.Defaults)
    app.config.from_prefixed_env("SMARTSPEC")
    if settings:
        app.config.update(settings)
    config.finalize(app.config, app.logger)
    try:
        assemble(app)
    except FileError as exc:
        if app.config["PRODUCTION"]:
            # One line naming the file (gunicorn prints a RuntimeError so), not a traceback.
            raise config.StartError(str(exc)) from None
        raise
    return app


def assemble(app: Flask) -> None:
    content = Path(app.config["CONTENT_DIR"])
    zone = app.config["BABEL_DEFAULT_TIMEZONE"]
    # A content file with a mistake stops the start, naming the file and the line.
    app.extensions[KEY] = SiteState(site=sitemap.load(content, zone))
    if app.debug:
        # The development server shows an edited content file on the next page load.
        def reload() -> list[FileError]:
            try:
                app.extensions[KEY].site = sitemap.load(content, zone)
            except FileError as exc:
                return [exc]
            return []

        reloading.watch(app, "content", lambda: sitemap.content_files(content), reload)

    i18n.init_app(app, translations_dir(app))
    translate.init_app(app)
    assets.init_app(app)
    views.init_app(app)
    readability.init_app(app)
    statement.init_app(app)
    feedback.init_app(app)
    serve.init_app(app)

    # The WSGI stack, from the outside in: the security headers (unless nginx sends them);
    # /healthz, answered whatever the Host (503 when the database takes no write); static
    # files, answered by WhiteNoise; behind proxies, ProxyFix reads the scheme and client
    # they saw; the rest reaches Flask.
    wsgi = app.wsgi_app
    if proxies := int(app.config["PROXY_COUNT"]):
        # X-Forwarded-Proto, -For and -Port (the port nginx listens on: `Host $host` drops
        # it, and the own-origin check needs it). Never X-Forwarded-Host: a proxy passes on
        # whatever a client sent there, and forwards Host itself.
        wsgi = ProxyFix(wsgi, x_for=proxies, x_proto=proxies, x_port=proxies, x_host=0)
    wsgi = serve.whitenoise(app, wsgi)
    wsgi = serve.HealthCheck(wsgi, probe=lambda: feedback.store.write_check(app))
    app.wsgi_app = serve.security.wrap(app, wsgi)
