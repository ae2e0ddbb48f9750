"""The production wing: caching and validators, static files, security headers, the health
check, the export, and `make serve` (stack.py, the stack's supervisor).

Its WSGI layers (the security headers, the health check, WhiteNoise) are composed by
``create_app``, in one place."""

from __future__ import annotations

from flask import Flask

from . import caching, error_pages, freeze, security, static_files
from .health import HealthCheck
from .static_files import whitenoise

__all__ = ["HealthCheck", "init_app", "security", "whitenoise"]


def init_app(app: Flask) -> None:
    caching.init_app(app)
    static_files.init_app(app)
    security.init_app(app)
    error_pages.init_app(app)
    app.cli.add_command(freeze.freeze_command)
