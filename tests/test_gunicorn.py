"""The repository's gunicorn.conf.py, run for real on 127.0.0.1 (bounded in time)."""

from __future__ import annotations

import time
import urllib.request

import pytest

from smartspec_site.web import scripts

from .gunicorn_server import Gunicorn


@pytest.fixture(scope="module")
def server():
    # FLASK_DEBUG=1 as a developer's shell might have it: production must ignore it.
    with Gunicorn({"FLASK_DEBUG": "1"}) as server:
        yield server


def get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_serves_a_page_with_its_headers(server):
    status, headers, body = get(server.url + "/sv/")
    assert status == 200
    assert b'<html lang="sv"' in body
    assert scripts.head_script_hash() in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    # Production is on under gunicorn by default, so HSTS is sent.
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["ETag"] and headers["Last-Modified"]


def test_compresses_and_serves_hashed_static(server):
    status, headers, _ = get(server.url + "/en/", **{"Accept-Encoding": "br"})
    assert (status, headers["Content-Encoding"]) == (200, "br")
    _, _, page = get(server.url + "/sv/")
    css = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    status, headers, _ = get(server.url + css, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Security-Policy"]


def test_healthz_is_tiny_and_not_logged(server):
    status, headers, body = get(server.url + "/healthz")
    assert (status, body) == (200, b"ok\n")
    assert headers["Cache-Control"] == "no-store"


def test_debug_is_off_and_the_access_log_skips_health_checks():
    with Gunicorn({"FLASK_DEBUG": "1"}, workers=1) as server:
        get(server.url + "/healthz")
        get(server.url + "/sv/?marker=logged")
        time.sleep(0.5)  # the access log line is written after the response
    assert "worker ready: debug off, production=True" in server.stderr
    assert "/sv/?marker=logged" in server.stdout
    assert "/healthz" not in server.stdout


def test_refuses_to_serve_with_debug_on():
    """Even when production is turned off explicitly, debug never reaches a worker."""
    server = Gunicorn({"SMARTSPEC_PRODUCTION": "false", "FLASK_DEBUG": "1"}, workers=1)
    assert server.start().wait(timeout=30) != 0
    assert "refusing to serve with debug on under gunicorn" in server.stderr
