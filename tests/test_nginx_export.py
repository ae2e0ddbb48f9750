"""The static export served by the operator's deploy/nginx/smartspec-export.conf (Debian's
nginx, free ports of 127.0.0.1): the same headers as the app on every answer, nginx's own
errors included; relative redirects; /healthz GET only; unknown hosts refused."""

from __future__ import annotations

import brotli
import pytest

from .nginx_stack import SECURITY, needs_nginx, parse, raw

pytestmark = needs_nginx


def request(nginx, path, method="GET", host="localhost", **headers):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    lines += ["Connection: close", "", ""]
    return parse(raw(nginx.http_port, "\r\n".join(lines).encode("latin-1")))


def redirect_to_https(nginx) -> None:
    status, headers, _ = request(nginx, "/sv/")
    assert status == 301
    assert headers["location"] == [f"https://localhost:{nginx.https_port}/sv/"]


@pytest.fixture(scope="module")
def site(nginx_export):
    """Plain HTTP redirects to HTTPS on the same host; the site itself is on HTTPS."""
    redirect_to_https(nginx_export)

    class Site:
        def get(self, path, method="GET", host="localhost", **headers):
            lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
            lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
            lines += ["Connection: close", "", ""]
            data = "\r\n".join(lines).encode("latin-1")
            return parse(raw(nginx_export.https_port, data, tls=True))

    return Site()


def test_every_answer_has_each_header_once(site):
    answers = {
        "page": (site.get("/sv/"), 200),
        "page br": (site.get("/en/", Accept_Encoding="br"), 200),
        "static": (site.get("/static/nothing.css"), 404),
        "404": (site.get("/en/no-such-page"), 404),
        "405": (site.get("/sv/", "POST", Content_Length="0"), 405),
        "405 TRACE": (site.get("/sv/", "TRACE"), 405),
        "healthz": (site.get("/healthz"), 200),
        "healthz POST": (site.get("/healthz", "POST", Content_Length="0"), 405),
        "root": (site.get("/"), 302),
        "header files": (site.get("/_headers"), 404),
        "unknown host": (site.get("/sv/", host="evil.example"), 400),
        "414": (site.get("/sv/" + "a" * 10240), 414),
    }
    for kind, ((status, headers, _), expected) in answers.items():
        assert status == expected, kind
        for name in SECURITY:
            assert len(headers.get(name, [])) == 1, (kind, name)
        if status == 405:
            assert headers["allow"] == ["GET, HEAD"], kind


def test_pages_are_the_apps_and_404s_are_in_the_urls_language(site):
    status, headers, body = site.get("/en/", Accept_Encoding="br")
    assert status == 200 and headers["content-encoding"] == ["br"]
    assert b'<html lang="en"' in brotli.decompress(body)
    assert headers["cache-control"] == ["public, max-age=300, stale-while-revalidate=3600"]
    status, _, body = site.get("/en/no-such-page")
    assert status == 404 and b'<html lang="en"' in body and b"Page not found" in body
    status, _, body = site.get("/sv/finns-inte")
    assert status == 404 and b'<html lang="sv"' in body


def test_the_root_redirect_is_relative_and_varies_on_the_language(site):
    for language, target in (("en-GB,en;q=0.9", "/en/"), ("sv", "/sv/"), ("", "/sv/")):
        status, headers, _ = site.get("/", Accept_Language=language)
        assert (status, headers["location"]) == (302, [target])
        assert "Accept-Language" in headers["vary"]


def test_healthz_is_get_only_and_never_cached(site, nginx_export):
    status, headers, body = site.get("/healthz")
    assert (status, body, headers["cache-control"]) == (200, b"ok\n", ["no-store"])
    # On plain HTTP too, under any name (a load balancer checks the machine by address).
    status, _, body = request(nginx_export, "/healthz", host="10.0.0.5")
    assert (status, body) == (200, b"ok\n")
    status, headers, _ = request(nginx_export, "/healthz", "POST", host="10.0.0.5")
    assert status == 405 and headers["allow"] == ["GET, HEAD"]


def test_hashed_static_files_are_immutable(site):
    _, _, page = site.get("/sv/")
    css = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    status, headers, _ = site.get(css, Accept_Encoding="br")
    assert (status, headers["content-encoding"]) == (200, ["br"])
    assert headers["cache-control"] == ["public, max-age=31536000, immutable"]


def test_a_foreign_host_gets_no_redirect_to_itself(site, nginx_export):
    for host in ("evil.example", "a..b", "a" * 64):
        for path in ("/", "/sv", "/sv/"):
            status, headers, _ = site.get(path, host=host)
            assert status == 400 and "location" not in headers, (host, path)
            status, headers, _ = request(nginx_export, path, host=host)
            assert status == 400 and "location" not in headers, (host, path)


def test_the_compressed_copies_are_never_files_of_their_own(site, frozen):
    """index.html.br and site.<hash>.css.gz are what brotli_static/gzip_static send in place
    of their file, never answers of their own (they went out as application/octet-stream)."""
    _, root = frozen
    css = next((root / "static" / "css").glob("site.*.css")).relative_to(root)
    for path in ("/sv/index.html.br", "/en/index.html.gz", f"/{css}.br", f"/{css}.gz"):
        status, headers, body = site.get(path)
        assert status == 404, path
        assert headers["content-type"][0].startswith("text/html"), path
    # The file itself still comes compressed.
    status, headers, _ = site.get(f"/{css}", Accept_Encoding="br")
    assert (status, headers["content-encoding"]) == (200, ["br"])
