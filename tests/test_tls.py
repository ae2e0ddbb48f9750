"""The operator's site (deploy/nginx/smartspec.conf) over TLS, with a certificate made for
this run: HTTP goes to HTTPS on the same host, the TLS configuration passes Debian's
testssl.sh, and the headers and redirect reach A+ by the HTTP Observatory's published
rules (docs/production.md cites them)."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import subprocess

import pytest

from smartspec_site.config import CHECKOUT

from .gunicorn_server import Gunicorn
from .helpers import LOCALES
from .nginx_stack import OperatorNginx, needs_nginx, self_signed

pytestmark = needs_nginx


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    run = tmp_path_factory.mktemp("tls")
    cert = self_signed(run)
    headers = run / "security-headers.conf"
    env = {
        "SMARTSPEC_NGINX_HEADERS_FILE": str(headers),
        "SMARTSPEC_SITE_URL": "https://localhost",
        "SMARTSPEC_EXTRA_HOSTS": "127.0.0.1",
        "SMARTSPEC_HTMX_SOURCE": "cdn",  # production's default: htmx from jsDelivr, with SRI
    }
    with Gunicorn(env, workers=2) as app:
        replacements = [
            ("/srv/smartspec/build/nginx/security-headers.conf", str(headers)),
            ("unix:/run/smartspec/gunicorn.sock", f"127.0.0.1:{app.port}"),
            ("/var/cache/nginx/smartspec", str(run / "cache")),
            ("/srv/smartspec/build", str(CHECKOUT / "build")),
        ]
        with OperatorNginx("smartspec.conf", run / "nginx", cert, replacements) as nginx:
            nginx.cert = cert[0]
            yield nginx


def fetch(tls, url: str, method: str = "GET", sni: str = "localhost"):
    """One request, the certificate verified against this run's own (as a browser would
    against a real one); localhost resolves to 127.0.0.1 here."""
    scheme, _, rest = url.partition("://")
    hostport, _, path = rest.partition("/")
    port = int(hostport.rsplit(":", 1)[1])
    if scheme == "https":
        context = ssl.create_default_context(cafile=str(tls.cert))
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
        conn.sock = context.wrap_socket(
            socket.create_connection(("127.0.0.1", port), timeout=10), server_hostname=sni
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(
            method, "/" + path, headers={"Host": hostport.replace("127.0.0.1", "localhost")}
        )
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def follow(tls, url: str) -> list[tuple[str, int, object, bytes]]:
    """The redirect chain from ``url``, as the Observatory's retriever follows it."""
    chain = []
    for _ in range(5):
        status, headers, body = fetch(tls, url)
        chain.append((url, status, headers, body))
        if status not in (301, 302, 307, 308):
            return chain
        location = headers["Location"]
        url = (
            location
            if "://" in location
            else url.split("/", 3)[0] + "//" + url.split("/")[2] + location
        )
    raise AssertionError(f"too many redirects: {chain}")


def test_http_goes_to_https_on_the_same_host(tls):
    status, headers, _ = fetch(tls, f"http://localhost:{tls.http_port}/en/?a=1")
    assert status == 301
    assert headers["Location"] == f"https://localhost:{tls.https_port}/en/?a=1"
    assert "Strict-Transport-Security" in headers


def test_https_serves_both_languages_with_hsts(tls):
    for locale in LOCALES:
        status, headers, body = fetch(tls, f"https://localhost:{tls.https_port}/{locale}/")
        assert status == 200 and f'<html lang="{locale}"'.encode() in body
        assert headers.get_all("Strict-Transport-Security") == ["max-age=31536000"]
        assert b'<link rel="canonical" href="https://localhost/' in body


def test_names_this_site_does_not_serve_get_no_handshake_or_a_400(tls):
    with pytest.raises(ssl.SSLError):
        fetch(tls, f"https://localhost:{tls.https_port}/sv/", sni="evil.example")
    # The right name in TLS but another in Host: refused all the same.
    context = ssl.create_default_context(cafile=str(tls.cert))
    plain = socket.create_connection(("127.0.0.1", tls.https_port), timeout=10)
    with context.wrap_socket(plain, server_hostname="localhost") as sock:
        sock.sendall(b"GET /sv/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 400 ") and b"Content-Security-Policy:" in answer


def observatory(chain) -> tuple[int, dict[str, int]]:
    """The score of the HTTP Observatory's tests that apply here, by its published rules
    (mdn/mdn-http-observatory: src/grader/charts.js for the modifiers, src/analyzer/tests/
    for the conditions): penalties first; bonuses only from 90 up. 100 or more is A+."""
    first_url, _, _, _ = chain[0]
    url, status, headers, body = chain[-1]
    csp = {}
    for directive in headers["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        csp[name] = set(values)
    broad = {"*", "http:", "https:", "data:", "'unsafe-inline'", "'unsafe-eval'"}
    script = csp.get("script-src") or csp.get("default-src")
    modifiers = {}
    # Content Security Policy: no unsafe source in script-src, object-src or style-src.
    assert not (script | csp.get("object-src", set()) | csp["style-src"]) & broad
    modifiers["csp-implemented-with-no-unsafe"] = 10 if csp["default-src"] == {"'none'"} else 5
    # Cookies: none set; CORS: no Access-Control-Allow-Origin on the page.
    assert "Set-Cookie" not in headers and "Access-Control-Allow-Origin" not in headers
    modifiers["cookies-not-found"] = 0
    modifiers["cross-origin-resource-sharing-not-implemented"] = 0
    # Cross-Origin-Resource-Policy: same-origin.
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    modifiers["cross-origin-resource-policy-implemented-with-same-origin"] = 10
    # Redirection: http first to https on the same host, https at the end.
    second = chain[1][0]
    assert first_url.startswith("http://") and second.startswith("https://")
    assert first_url.split("/")[2].split(":")[0] == second.split("/")[2].split(":")[0]
    assert url.startswith("https://")
    modifiers["redirection-to-https"] = 0
    # Referrer-Policy: one of the private values.
    assert headers["Referrer-Policy"] in {"no-referrer", "same-origin", "strict-origin",
                                          "strict-origin-when-cross-origin"}  # fmt: skip
    modifiers["referrer-policy-private"] = 5
    # HSTS: at least six months.
    max_age = int(headers["Strict-Transport-Security"].split("max-age=")[1].split(";")[0])
    assert max_age >= 15768000
    modifiers["hsts-implemented-max-age-at-least-six-months"] = 0
    # Subresource Integrity: every script from another origin has it, over https.
    page = body.decode()
    for tag in page.split("<script")[1:]:
        attributes = tag.split(">", 1)[0]
        if 'src="http' in attributes:
            assert 'src="https://' in attributes and "integrity=" in attributes, attributes
    modifiers["sri-implemented-and-external-scripts-loaded-securely"] = 5
    # X-Content-Type-Options: nosniff; X-Frame-Options through CSP frame-ancestors.
    assert headers["X-Content-Type-Options"] == "nosniff"
    modifiers["x-content-type-options-nosniff"] = 0
    assert csp["frame-ancestors"] and not csp["frame-ancestors"] & broad
    modifiers["x-frame-options-implemented-via-csp"] = 5
    penalties = sum(value for value in modifiers.values() if value < 0)
    bonuses = sum(value for value in modifiers.values() if value > 0)
    score = 100 + penalties + (bonuses if 100 + penalties >= 90 else 0)
    return score, modifiers


def test_the_headers_and_redirect_reach_a_plus(tls):
    chain = follow(tls, f"http://localhost:{tls.http_port}/")
    assert [status for _, status, _, _ in chain] == [301, 302, 200]
    score, modifiers = observatory(chain)
    assert min(modifiers.values()) == 0, "no penalty"
    assert score >= 100, (score, modifiers)  # A+


def run_testssl(tls, tmp_path, *checks: str, timeout: float) -> list[dict]:
    report = tmp_path / "testssl.json"
    subprocess.run(
        ["testssl", "--quiet", "--color", "0", "--warnings", "off", "--jsonfile", str(report),
         *checks, "--ip", "127.0.0.1", f"localhost:{tls.https_port}"],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    return json.loads(report.read_text())


# What a certificate made for this run cannot pass (a real one does), and testssl.sh 3.0's
# rating of a cipher order left to the client, which Mozilla's profile chooses on purpose
# (every suite it offers is AEAD with forward secrecy).
EXPECTED = {"cert_chain_of_trust", "cert_expirationStatus", "cert_notAfter",
            "cert_revocation", "cipher_order", "DNS_CAArecord", "engine_problem"}  # fmt: skip


@pytest.mark.needs("testssl.sh")
def test_testssl_finds_nothing_wrong(tls, tmp_path, request):
    """Protocols, cipher categories and HTTP headers (about 20 s); `make tls-check` runs
    every check testssl.sh has (a few minutes)."""
    full = request.config.getoption("--tls-full")
    found = run_testssl(tls, tmp_path, *([] if full else ["-p", "-s", "-h"]), timeout=900)
    results = {item["id"]: item for item in found}
    for protocol in ("SSLv2", "SSLv3", "TLS1", "TLS1_1"):
        assert results[protocol]["finding"] == "not offered", protocol
    assert results["TLS1_2"]["finding"] == "offered"
    assert results["TLS1_3"]["finding"].startswith("offered")
    for weak in ("NULL", "aNULL", "EXPORT", "LOW", "3DES_IDEA", "AVERAGE"):
        assert results[f"cipherlist_{weak}"]["finding"] == "not offered", weak
    assert results["HSTS_time"]["severity"] == "OK"
    problems = [
        (item["id"], item["severity"], item["finding"])
        for item in found
        if item["severity"] in ("MEDIUM", "HIGH", "CRITICAL") and item["id"] not in EXPECTED
    ]
    assert not problems
