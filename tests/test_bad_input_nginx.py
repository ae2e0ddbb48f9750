"""The bad-input suite against the real stack: `make serve` (nginx in front of gunicorn) and
the export served by nginx, as raw bytes on 127.0.0.1. Every answer is a clean 2xx-4xx with
the security headers, once; nothing the client sent comes back unescaped; no request hides
a second one (smuggling); no redirect leads to a client's host."""

from __future__ import annotations

import pytest

from .nginx_stack import needs_nginx, parse, raw
from .test_bad_input import EVIL

pytestmark = needs_nginx

H = "Host: {host}\r\n"
RANGES = ",".join(f"{i}-{i}" for i in range(500))

# (name, request bytes with {host}, statuses from the stack, statuses from the export)
CASES = [
    # Traversal: raw, encoded, double-encoded, mixed.
    ("raw ..", "GET /../../pyproject.toml HTTP/1.1\r\n" + H, {400}, {400}),
    ("encoded ..", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + H, {400}, {400}),
    ("encoded slash", "GET /static/..%2f..%2fpyproject.toml HTTP/1.1\r\n" + H, {400, 404}, {400, 404}),
    ("double-encoded", "GET /static/%252e%252e/%252e%252e/pyproject.toml HTTP/1.1\r\n" + H, {404}, {404}),
    ("inside a page", "GET /sv/%2e%2e/gunicorn.conf.py HTTP/1.1\r\n" + H, {404}, {404}),
    ("dot segments", "GET /static/css/../../../pyproject.toml HTTP/1.1\r\n" + H, {400, 404}, {400, 404}),
    ("backslash", "GET /static\\..\\..\\pyproject.toml HTTP/1.1\r\n" + H, {308, 400, 404}, {400, 404}),
    ("header file", "GET /_nginx-security-headers.conf HTTP/1.1\r\n" + H, {308, 404}, {404}),
    ("NUL", "GET /sv/%00 HTTP/1.1\r\n" + H, {400, 404}, {400, 404}),
    ("raw bytes", "GET /sv/\xff\xfe HTTP/1.1\r\n" + H, {400, 404}, {400, 404}),
    # Overlong.
    ("long path", "GET /sv/" + "a" * 10240 + " HTTP/1.1\r\n" + H, {414}, {414}),
    ("long header", "GET /sv/ HTTP/1.1\r\n" + H + "X-Long: " + "a" * 10240 + "\r\n", {400}, {400}),
    ("many headers", "GET /sv/ HTTP/1.1\r\n" + H + "".join(f"X-A{i}: {'b' * 100}\r\n" for i in range(80)), {200}, {200}),
    ("huge cookie", "GET /sv/ HTTP/1.1\r\n" + H + "Cookie: a=" + "c" * 10240 + "\r\n", {400}, {400}),
    ("many cookies", "GET /sv/ HTTP/1.1\r\n" + H + "Cookie: " + "; ".join(f"c{i}={EVIL}" for i in range(60)) + "\r\n", {200}, {200}),
    ("long query", "GET /sv/?" + "a=1&" * 700 + " HTTP/1.1\r\n" + H, {200}, {200}),
    # Hosts.
    ("foreign host", "GET /sv/ HTTP/1.1\r\nHost: evil.example\r\n", {400}, {400}),
    ("long label", "GET /sv/ HTTP/1.1\r\nHost: " + "a" * 64 + "\r\n", {400}, {400}),
    ("a..b", "GET /sv/ HTTP/1.1\r\nHost: a..b\r\n", {400}, {400}),
    (".example", "GET /sv/ HTTP/1.1\r\nHost: .example\r\n", {400}, {400}),
    ("markup host", f"GET /sv/ HTTP/1.1\r\nHost: ex{EVIL}\r\n", {400}, {400}),
    ("no host", "GET /sv/ HTTP/1.1\r\n", {400}, {400}),
    ("HTTP/1.0, no host", "GET /sv/ HTTP/1.0\r\n", {400}, {400}),
    ("two hosts", "GET /sv/ HTTP/1.1\r\n" + H + "Host: evil.example\r\n", {400}, {400}),
    ("absolute form", "GET http://evil.example/sv/ HTTP/1.1\r\n" + H, {400}, {400}),
    ("forwarded host", "GET /sv HTTP/1.1\r\n" + H + "X-Forwarded-Host: evil.example\r\nForwarded: host=evil.example\r\n", {308}, {200, 301, 308}),
    # Smuggling.
    ("TE and CL", "POST /sv/ HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\nGET /sv/smuggled HTTP/1.1\r\n" + H, {400}, {400}),
    ("CL and TE", "POST /sv/ HTTP/1.1\r\n" + H + "Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /sv/smuggled HTTP/1.1\r\n" + H, {400}, {400}),
    ("TE obfuscated", "POST /sv/ HTTP/1.1\r\n" + H + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\nGET /sv/smuggled HTTP/1.1\r\n" + H, {400}, {400}),
    ("TE unknown", "POST /sv/ HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", {400, 501}, {400, 501}),
    ("two lengths", "POST /sv/ HTTP/1.1\r\n" + H + "Content-Length: 0\r\nContent-Length: 5\r\n\r\nhello", {400}, {400}),
    ("big body", "POST /sv/ HTTP/1.1\r\n" + H + "Content-Length: 100000\r\n", {413}, {413}),
    # Ranges.
    ("500 ranges", "GET /sv/ HTTP/1.1\r\n" + H + f"Range: bytes={RANGES}\r\n", {200}, {200}),
    ("overlapping ranges", "GET /sv/ HTTP/1.1\r\n" + H + "Range: bytes=0-,0-,0-\r\n", {200}, {200}),
    ("bad range", "GET /sv/ HTTP/1.1\r\n" + H + "Range: bytes=999999-\r\n", {200}, {200}),
    # Odd methods and lines.
    ("TRACE", "TRACE /sv/ HTTP/1.1\r\n" + H, {405}, {405}),
    ("PROPFIND", "PROPFIND /sv/ HTTP/1.1\r\n" + H, {405}, {405}),
    ("DELETE static", "DELETE /static/css/site.css HTTP/1.1\r\n" + H, {404, 405}, {404, 405}),
    ("PUT", "PUT /en/ HTTP/1.1\r\n" + H + "Content-Length: 0\r\n", {405}, {405}),
    ("CONNECT", "CONNECT localhost:443 HTTP/1.1\r\n" + H, {400, 405}, {400, 405}),
    ("OPTIONS", "OPTIONS /sv/ HTTP/1.1\r\n" + H, {200}, {405}),
    ("lowercase method", "get /sv/ HTTP/1.1\r\n" + H, {400}, {400}),
    ("HTTP/9.9", "GET /sv/ HTTP/9.9\r\n" + H, {400, 505}, {400, 505}),
    ("garbage", "GARBAGE\r\n", {400}, {400}),
    ("POST healthz", "POST /healthz HTTP/1.1\r\n" + H + "Content-Length: 0\r\n", {405}, {405}),
    # Junk htmx headers.
    ("HX junk", "GET /sv/ HTTP/1.1\r\n" + H + f"HX-Request: {EVIL}\r\nHX-Target: {EVIL}\r\n", {200}, {200}),
    ("HX fragment", "GET /sv/utvecklingsomraden/ikt HTTP/1.1\r\n" + H + f"HX-Request: true\r\nHX-Current-URL: javascript:alert(1)\r\nHX-Trigger: {EVIL}\r\n", {200}, {200}),
    ("HX huge", "GET /en/development-areas/ict HTTP/1.1\r\n" + H + "HX-Request: " + "1" * 8000 + "\r\n", {200}, {200}),
    ("junk encoding", "GET /sv/ HTTP/1.1\r\n" + H + f"Accept-Encoding: {EVIL}, br;q=junk, gzip;q=0\r\n", {200}, {200}),
    ("junk language", "GET / HTTP/1.1\r\n" + H + f"Accept-Language: {EVIL};q=x,,,\r\n", {302}, {302}),
]  # fmt: skip

SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options",
            "cross-origin-resource-policy", "referrer-policy")  # fmt: skip


def check(answer: bytes, statuses: set[int]) -> None:
    assert answer.startswith(b"HTTP/1.1 "), answer[:80]
    status, headers, body = parse(answer)
    assert status in statuses, (status, statuses)
    # No server error: 501 (a transfer coding nginx does not know, RFC 9112 6.1) and 505
    # (an HTTP version it does not speak) are its protocol answers, not failures.
    assert status < 500 or status in (501, 505), status
    assert answer.count(b"HTTP/1.1 ") == 1, "a second answer: a request was smuggled"
    assert b"<x-evil" not in answer and b"Traceback" not in answer
    for name in SECURITY:
        assert len(headers.get(name, [])) == 1, name
    for location in headers.get("location", []):
        assert location.startswith("/") and not location.startswith("//"), location


def send(template: str, port: int, host: str, tls: bool = False) -> bytes:
    head, _, body = template.format(host=host).partition("\r\n\r\n")
    if body or template.count("\r\n\r\n"):
        data = head + "\r\nConnection: close\r\n\r\n" + body
    else:
        data = head + "Connection: close\r\n\r\n"
    return raw(port, data.encode("latin-1"), tls=tls)


IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "template", "stack", "export"), CASES, ids=IDS)
def test_make_serve(serve_stack, name, template, stack, export):
    check(send(template, serve_stack.port, f"localhost:{serve_stack.port}"), stack)


@pytest.mark.parametrize(("name", "template", "stack", "export"), CASES, ids=IDS)
def test_nginx_export(nginx_export, name, template, stack, export):
    """Over HTTPS, where the export is served (plain HTTP only redirects to it)."""
    check(send(template, nginx_export.https_port, "localhost", tls=True), export)
