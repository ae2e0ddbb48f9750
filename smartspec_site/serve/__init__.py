"""The production wing: caching and validators, static files, security headers, the export.

Its WSGI layers (WhiteNoise, the response cache, the security headers) are composed by
``create_app``, in one place."""

from __future__ import annotations

from flask import Flask

from . import caching, freeze, security, static_files
from .caching import ResponseCache
from .security import SecurityHeaders
from .static_files import whitenoise

__all__ = ["ResponseCache", "SecurityHeaders", "init_app", "whitenoise"]


def init_app(app: Flask) -> None:
    caching.init_app(app)
    static_files.init_app(app)
    security.init_app(app)
    app.cli.add_command(freeze.freeze_command)
