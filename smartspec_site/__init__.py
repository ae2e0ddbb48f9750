"""Västra Götalandsregionen's smart specialisation microsite.

``create_app`` is the only entry point: nothing runs on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import ROOT, Defaults


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_object(Defaults)
    app.config.from_prefixed_env("SMARTSPEC")
    if config:
        app.config.update(config)

    from . import assets, cli, freeze, i18n, security, serving, static_files, views

    serving.configure(app)  # first: production turns debug off before anything reads it
    i18n.init_app(app)
    assets.init_app(app)
    views.init_app(app)
    cli.init_app(app)
    serving.init_app(app)
    freeze.init_app(app)
    static_files.init_app(app)  # wraps the WSGI app in WhiteNoise
    security.init_app(app)  # outermost: headers on everything, static files included
    return app
