"""Security headers on every response: pages, fragments, errors, redirects, static files."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from smartspec_site.config import HTMX_INTEGRITY
from smartspec_site.serve import security
from smartspec_site.web import scripts

from .conftest import PRODUCTION_CONFIG
from .helpers import LOCALES

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def csp(response) -> dict[str, list[str]]:
    policy = {}
    for directive in response.headers["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def every_kind_of_response(client):
    page = client.get("/sv/")
    css = BeautifulSoup(page.data, "html5lib").select_one('link[rel="stylesheet"]')["href"]
    return {
        "page": page,
        "fragment": client.get("/sv/utvecklingsomraden/ikt", headers={"HX-Request": "true"}),
        "htmx request": client.get("/en/development-areas/ict", headers={"HX-Request": "true"}),
        "304": client.get("/sv/", headers={"If-None-Match": page.headers["ETag"]}),
        "404": client.get("/en/no-such-page"),
        "404 locale-less": client.get("/no/such/page"),
        "405": client.post("/sv/"),
        "redirect": client.get("/"),
        "slash redirect": client.get("/sv"),
        "hashed static": client.get(css, buffered=True),
        "hashed static br": client.get(css, headers={"Accept-Encoding": "br"}, buffered=True),
        "plain static": client.get("/static/css/site.css", buffered=True),
        "static 404": client.get("/static/nothing.css"),
        "sitemap": client.get("/sitemap.xml"),
        "robots": client.get("/robots.txt"),
        "healthz": client.get("/healthz"),
        "options": client.options("/sv/"),
    }


def test_every_response_carries_the_headers(client):
    for kind, response in every_kind_of_response(client).items():
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, (kind, name)
        assert response.headers.get("Permissions-Policy", "").startswith("accelerometer=()")
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert csp(response)["default-src"] == ["'self'"], kind
        # Each header once, even where Flask and WhiteNoise both answer.
        assert len(response.headers.getlist("Content-Security-Policy")) == 1, kind
        assert "Set-Cookie" not in response.headers, kind


def test_the_policy_is_strict(client):
    policy = csp(client.get("/sv/"))
    assert policy["script-src"] == ["'self'", f"'{scripts.head_script_hash()}'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    header = client.get("/sv/").headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert "*" not in header and "data:" not in header


def test_the_cdn_file_is_allowed_only_when_htmx_comes_from_it(make_app):
    """script-src names htmx's one file on jsDelivr, not the host, which serves every npm
    package; the script tag keeps its SRI hash."""
    app = make_app(HTMX_SOURCE="cdn")
    page = app.test_client().get("/sv/")
    policy = csp(page)
    htmx = "https://cdn.jsdelivr.net/npm/htmx.org@2.0.11/dist/htmx.min.js"
    assert policy["script-src"] == ["'self'", htmx, f"'{scripts.head_script_hash()}'"]
    tag = BeautifulSoup(page.data, "html5lib").find("script", src=htmx)
    assert tag["integrity"] == HTMX_INTEGRITY and tag["crossorigin"] == "anonymous"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_hash_matches_the_one_inline_script(client, locale):
    doc = BeautifulSoup(client.get(f"/{locale}/").data, "html5lib")
    inline = [s for s in doc.find_all("script") if not s.get("src")]
    assert len(inline) == 1
    digest = hashlib.sha256(inline[0].string.encode()).digest()
    assert (
        f"'sha256-{base64.b64encode(digest).decode()}'"
        in csp(client.get(f"/{locale}/"))["script-src"]
    )
    # No inline style or event handler attributes for the CSP to block.
    assert not doc.find_all("style")
    assert not doc.find_all(attrs={"style": True})
    for tag in doc.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")], tag.name


def test_htmx_is_told_not_to_inject_its_indicator_style(client):
    doc = BeautifulSoup(client.get("/sv/").data, "html5lib")
    config = doc.find("meta", attrs={"name": "htmx-config"})["content"]
    assert '"includeIndicatorStyles":false' in config


def test_hsts_only_in_production(make_client):
    assert "Strict-Transport-Security" not in make_client().get("/sv/").headers
    production = make_client(PRODUCTION_CONFIG)
    assert production.get("/sv/").headers["Strict-Transport-Security"] == "max-age=31536000"
    static = production.get("/static/css/site.css", buffered=True)
    assert static.headers["Strict-Transport-Security"]
    off = make_client(PRODUCTION_CONFIG, HSTS_SECONDS=0)
    assert "Strict-Transport-Security" not in off.get("/sv/").headers


def test_production_forces_debug_off(monkeypatch, make_app):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    assert make_app().debug is True  # a developer's shell
    monkeypatch.setenv("SMARTSPEC_PRODUCTION", "true")
    monkeypatch.setenv("SMARTSPEC_SITE_URL", "http://localhost")
    app = make_app()
    assert app.config["PRODUCTION"] is True
    assert app.debug is False
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_the_app_has_no_secret_to_protect(client, make_app):
    """No session, no signed cookie: so no SECRET_KEY is needed, and none is invented."""
    app = make_app()
    assert app.config["SECRET_KEY"] is None
    for response in every_kind_of_response(app.test_client()).values():
        assert "Set-Cookie" not in response.headers


def test_behind_nginx_the_app_writes_the_headers_and_sends_none(tmp_path, make_app):
    """NGINX_HEADERS_FILE: nginx sends the headers (on its own errors too), the app none,
    so every header is set once. The file is rewritten only when the headers change."""
    target = tmp_path / "nginx" / "security-headers.conf"
    app = make_app(PRODUCTION_CONFIG, NGINX_HEADERS_FILE=str(target))
    text = target.read_text()
    for name, value in security.security_headers(app.config):
        assert f'add_header {name} "{value}" always;' in text
    assert "Strict-Transport-Security" in text and "Cross-Origin-Resource-Policy" in text
    for kind, response in every_kind_of_response(app.test_client()).items():
        for name in [*EXPECTED, "Content-Security-Policy", "Strict-Transport-Security"]:
            assert name not in response.headers, (kind, name)
    written = target.stat().st_mtime_ns
    target.chmod(0o444)
    make_app(PRODUCTION_CONFIG, NGINX_HEADERS_FILE=str(target))  # current: not written again
    assert target.stat().st_mtime_ns == written
