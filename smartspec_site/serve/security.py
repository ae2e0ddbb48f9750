"""Security headers on every response: pages, fragments, errors, redirects and static files.

One layer sets each header. Behind nginx (``NGINX_HEADERS_FILE``) the app writes them at
start as ``add_header ... always`` lines, so nginx's own errors carry them too and the CSP's
script hash is never copied by hand; otherwise a WSGI middleware outside everything adds
them. A middleware rather than flask-talisman, whose ``after_request`` never sees the files
WhiteNoise answers. The CSP allows scripts from this origin, htmx's one CDN file (when
``HTMX_SOURCE`` is ``cdn``) and the inline support script by its sha256; styles from this
origin only (base.html turns off htmx's injected indicator style)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from ..build import write_if_changed
from ..web import scripts

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def content_security_policy(config) -> str:
    script = ["'self'"]
    if config["HTMX_SOURCE"] == "cdn":
        # The one file, not the whole host: jsDelivr serves every npm package there. The
        # tag's SRI hash pins its bytes as well.
        script.append(config["HTMX_CDN_URL"])
    script.append(f"'{scripts.head_script_hash(config.get('STATIC_DIR'))}'")
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(script),
        "style-src": "'self'",
        "img-src": "'self'",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": " ".join(form_action(config)),
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def form_action(config) -> list[str]:
    """Forms post here; a static export's also to the app's origin (FEEDBACK_URL)."""
    sources = ["'self'"]
    if config.get("FEEDBACK_URL"):
        url = urlsplit(config["FEEDBACK_URL"])
        sources.append(f"{url.scheme}://{url.netloc}")
    return sources


def security_headers(config) -> list[tuple[str, str]]:
    headers = [
        ("Content-Security-Policy", content_security_policy(config)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        # No other site may embed these answers (a script, an image, a page in an <object>).
        ("Cross-Origin-Resource-Policy", "same-origin"),
        # frame-ancestors for browsers that predate it (IE11).
        ("X-Frame-Options", "DENY"),
    ]
    if config["PRODUCTION"] and int(config["HSTS_SECONDS"]) > 0:
        headers.append(("Strict-Transport-Security", f"max-age={int(config['HSTS_SECONDS'])}"))
    return headers


class SecurityHeaders:
    """WSGI middleware: the same headers on every response, replacing any of the same name
    that an inner layer set, so no response can weaken the policy."""

    def __init__(self, app, headers: Iterable[tuple[str, str]]):
        self.app = app
        self.headers = list(headers)
        self.names = {name.lower() for name, _ in self.headers}

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            if any(name.lower() in self.names for name, _ in headers):
                headers = [h for h in headers if h[0].lower() not in self.names]
            headers.extend(self.headers)
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


def nginx_headers(headers: Iterable[tuple[str, str]]) -> str:
    """``add_header`` lines for nginx; ``always`` so that error answers carry them too."""
    lines = [
        "# Written by the app (smartspec_site/serve/security.py): its security headers, for",
        "# nginx to send on every answer. Do not edit: the app rewrites it when they change.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers]
    return "\n".join(lines) + "\n"


def wrap(app: Flask, wsgi_app):
    """The middleware around ``wsgi_app``; behind nginx, the headers written for it instead."""
    headers = security_headers(app.config)
    if target := app.config["NGINX_HEADERS_FILE"]:
        write_if_changed(Path(target), nginx_headers(headers).encode("utf-8"))
        return wsgi_app
    return SecurityHeaders(wsgi_app, headers)
