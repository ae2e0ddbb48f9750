"""Hosts: production answers SITE_URL's host and the configured extra ones; any other or a
malformed Host gets a 400 with the security headers, never a 500, a page or a redirect
rendered under it. /healthz answers whatever Host a load balancer sends."""

from __future__ import annotations

import time

import pytest

from smartspec_site.config import StartError
from smartspec_site.serve.caching import KEY as SERVE

from .conftest import PRODUCTION_CONFIG
from .gunicorn_server import Gunicorn, raw_request

SITE = "https://smartspec.example"
MALFORMED = ["a" * 64, "a..b", ".example", "exa mple", "ex<x-evil>", "[::1", "host:99999"]
FOREIGN = ["evil.example", "smartspec.example.evil.example", "127.0.0.1", "localhost"]


@pytest.fixture(scope="module")
def production(make_app):
    return make_app(PRODUCTION_CONFIG, SITE_URL=SITE)


def test_production_refuses_to_start_without_its_origin(make_app):
    for site_url, reason in [
        ("", "SITE_URL is not set"),
        ("smartspec.example", "must be http(s)://host"),
        ("https://smartspec.example/sv/", "without a path"),
    ]:
        with pytest.raises(StartError) as raised:
            make_app(PRODUCTION_CONFIG, SITE_URL=site_url)
        assert reason in str(raised.value) and "\n" not in str(raised.value)


def test_trusted_hosts_are_the_origin_and_the_extra_ones(make_app):
    assert make_app(PRODUCTION_CONFIG, SITE_URL=SITE).config["TRUSTED_HOSTS"] == [
        "smartspec.example"
    ]
    both = make_app(
        PRODUCTION_CONFIG, SITE_URL=SITE, EXTRA_HOSTS=["www.smartspec.example", "127.0.0.1"]
    )
    assert both.config["TRUSTED_HOSTS"] == [
        "smartspec.example",
        "www.smartspec.example",
        "127.0.0.1",
    ]
    from_env = make_app(
        PRODUCTION_CONFIG, SITE_URL=SITE, EXTRA_HOSTS="www.smartspec.example, 127.0.0.1"
    )
    assert from_env.config["TRUSTED_HOSTS"] == both.config["TRUSTED_HOSTS"]


@pytest.mark.parametrize("host", ["smartspec.example", "smartspec.example:443"])
def test_the_sites_own_host_gets_the_page(production, host):
    response = production.test_client().get("/sv/", headers={"Host": host})
    assert response.status_code == 200
    assert b'<link rel="canonical" href="https://smartspec.example/sv/">' in response.data


@pytest.mark.parametrize("host", MALFORMED + FOREIGN)
@pytest.mark.parametrize("path", ["/sv/", "/sv", "/", "/en/no-such-page", "/sitemap.xml"])
def test_another_host_gets_a_400_with_the_headers(production, host, path):
    response = production.test_client().get(path, headers={"Host": host})
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert "Location" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert host.encode() not in response.data and b"<x-evil" not in response.data


def test_nothing_is_rendered_or_kept_under_another_host(make_app):
    app = make_app(PRODUCTION_CONFIG, SITE_URL=SITE)
    for host in FOREIGN:
        app.test_client().get("/sv/", headers={"Host": host})
    assert app.extensions[SERVE].pages.data == {}


@pytest.mark.parametrize("host", MALFORMED[:3])
def test_a_malformed_host_is_a_400_outside_production_too(client, host):
    """The 500 of old: werkzeug cannot encode such a Host (IDNA: a label over 63 characters
    or an empty one), so Flask has no URL adapter for the request, and the error page's
    url_for failed. Now a plain 400 builds no URL. (werkzeug reads a Host with invalid
    characters as none at all; production's TRUSTED_HOSTS refuses that too.)"""
    response = client.get("/sv/", headers={"Host": host})
    assert response.status_code == 400
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_development_answers_any_host(client):
    assert client.get("/sv/", headers={"Host": "my-laptop.local:5000"}).status_code == 200


@pytest.mark.parametrize("host", ["10.0.0.5", "evil.example", "a..b", "smartspec.example"])
def test_healthz_answers_any_host(production, host):
    client = production.test_client()
    response = client.get("/healthz", headers={"Host": host})
    assert (response.status_code, response.data) == (200, b"ok\n")
    assert response.headers["Cache-Control"] == "no-store"
    refused = client.post("/healthz", headers={"Host": host})
    assert refused.status_code == 405 and refused.headers["Allow"] == "GET, HEAD"
    assert client.head("/healthz", headers={"Host": host}).status_code == 200


def test_redirects_never_name_a_host(client):
    for host in ("evil.example", "smartspec.example"):
        for path, target in (
            ("/sv", "/sv/"),
            ("/sv/utvecklingsomraden/", "/sv/utvecklingsomraden"),
        ):
            response = client.get(path, headers={"Host": host})
            assert response.headers["Location"] == target


def test_the_freezer_renders_under_the_sites_host_in_production(tmp_path, make_app):
    app = make_app(PRODUCTION_CONFIG, SITE_URL=SITE)
    result = app.test_cli_runner().invoke(args=["freeze", "--destination", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://smartspec.example/en/">' in page
    assert (tmp_path / "en" / "404.html").is_file()


def test_gunicorn_answers_bad_hosts_without_a_traceback():
    """Each bad Host used to log some 12 KB of traceback; now a 400 and one access line."""
    with Gunicorn(workers=1) as server:
        for host in MALFORMED[:3] + FOREIGN[:2]:
            answer = raw_request(server.url, f"GET /sv/ HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            assert answer.startswith(b"HTTP/1.1 400 "), answer[:80]
            assert b"Content-Security-Policy: default-src" in answer
        time.sleep(0.3)
    assert "Traceback" not in server.stderr and "Error" not in server.stderr
