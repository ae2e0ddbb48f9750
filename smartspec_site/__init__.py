"""Region Västra Götaland's smart specialisation microsite.

``create_app`` is the only entry point (nothing runs on import), and it lists what the site
is made of: the content model (``content/``: the words of the top-level content/ folder as
pages), the web layer (``web/``: the request's language, URLs, views, template globals), and
three wings that import the core, never one another: ``translate/`` (catalogs, their checks,
`flask translate`), ``feedback/`` (the form on every page, its database) and ``serve/``
(caching, static files, security headers, the export). pyproject.toml's import-linter
contract holds those layers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import config, content, feedback, serve, translate, web
from .build import FileError


def create_app(settings: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, static_url_path="/static")
    app.config.from_object(config.Defaults)
    app.config.from_prefixed_env("SMARTSPEC")
    if settings:
        app.config.update(settings)
    # The site's files come from config (DATA: the wheel's copy or the clone's folders).
    app.template_folder = app.config["TEMPLATES_DIR"]
    app.static_folder = app.config["STATIC_DIR"]
    config.locate(app.config, app.instance_path)
    config.finalize(app.config, app.logger)
    try:
        # The core, then the wings on top of it; serve last, because it renders nginx's
        # error pages at start and wraps the whole app in its WSGI layers.
        content.init_app(app, locales=translate.served(app))
        web.init_app(
            app, respond=serve.cached_response, template_globals=feedback.template_globals()
        )
        translate.init_app(app)
        feedback.init_app(app)
        serve.init_app(app, probe=lambda: feedback.store.write_check(app))
    except FileError as exc:
        if app.config["PRODUCTION"]:
            # One line naming the file (gunicorn prints a RuntimeError so), not a traceback.
            raise config.StartError(str(exc)) from None
        raise
    return app
