"""The production wing: caching and validators, static files, security headers, the health
check, the export, and `make serve` (stack.py, the stack's supervisor)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import caching, error_pages, freeze, security, static_files
from .caching import html_response as cached_response
from .health import HealthCheck

__all__ = ["cached_response", "init_app"]


def init_app(app: Flask, *, probe: Callable[[], str | None]) -> None:
    """Caching, hashed static files, nginx's error pages and `flask freeze`; then the WSGI
    stack around the app. ``probe``: what /healthz asks (None: all is well, else why not)."""
    caching.init_app(app)
    static_files.init_app(app)
    error_pages.init_app(app)
    app.cli.add_command(freeze.freeze_command)

    # From the outside in: the security headers (unless nginx sends them); /healthz,
    # answered whatever the Host; static files, answered by WhiteNoise; behind proxies,
    # ProxyFix reads the scheme and client they saw; the rest reaches Flask.
    wsgi = app.wsgi_app
    if proxies := int(app.config["PROXY_COUNT"]):
        # X-Forwarded-Proto, -For and -Port (the port nginx listens on: `Host $host` drops
        # it, and the own-origin check needs it). Never X-Forwarded-Host: a proxy passes on
        # whatever a client sent there, and forwards Host itself.
        wsgi = ProxyFix(wsgi, x_for=proxies, x_proto=proxies, x_port=proxies, x_host=0)
    wsgi = static_files.whitenoise(app, wsgi)
    wsgi = HealthCheck(wsgi, probe=probe)
    app.wsgi_app = security.wrap(app, wsgi)
