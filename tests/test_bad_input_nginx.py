"""The bad-input suite against the real stack: `make serve` (nginx in front of gunicorn) and
the export served by nginx, as raw bytes on 127.0.0.1. Every answer is a clean 2xx-4xx with
the security headers, once; nothing the client sent comes back unescaped; no request hides
a second one (smuggling); no redirect leads to a client's host."""

from __future__ import annotations

import pytest

from .nginx_stack import needs_nginx, parse, raw
from .test_bad_input import EVIL

pytestmark = needs_nginx

RANGES = ",".join(f"{i}-{i}" for i in range(500))
SMUGGLED = "0\r\n\r\nGET /sv/smuggled HTTP/1.1\r\nHost: {host}\r\n\r\n"


def req(line: str, *headers: str, host: str | None = "{host}", body: str | None = None) -> str:
    """A request's text: its line, Host (unless None), headers, then the body if any."""
    head = [line, *([f"Host: {host}"] if host is not None else []), *headers]
    text = "".join(part + "\r\n" for part in head)
    return text if body is None else text + "\r\n" + body


MANY = [f"X-A{i}: {'b' * 100}" for i in range(80)]
COOKIES = "Cookie: " + "; ".join(f"c{i}={EVIL}" for i in range(60))
HX_JUNK = [f"HX-Request: {EVIL}", f"HX-Target: {EVIL}", f"HX-Trigger: {EVIL}"]
HX_ODD = ["HX-Request: true", "HX-Current-URL: javascript:alert(1)", f"HX-Target: {EVIL}"]
TE, CL = "Transfer-Encoding: chunked", "Content-Length: 4"
ANY = {400, 404}

# (name, request text with {host}, statuses from the stack, statuses from the export)
CASES = [
    # Traversal: raw, encoded, double-encoded, mixed.
    ("raw ..", req("GET /../../pyproject.toml HTTP/1.1"), {400}, {400}),
    ("encoded ..", req("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1"), {400}, {400}),
    ("encoded slash", req("GET /static/..%2f..%2fpyproject.toml HTTP/1.1"), ANY, ANY),
    (
        "double-encoded",
        req("GET /static/%252e%252e/%252e%252e/pyproject.toml HTTP/1.1"),
        {404},
        {404},
    ),
    ("inside a page", req("GET /sv/%2e%2e/gunicorn.conf.py HTTP/1.1"), {404}, {404}),
    ("dot segments", req("GET /static/css/../../../pyproject.toml HTTP/1.1"), ANY, ANY),
    ("backslash", req("GET /static\\..\\..\\pyproject.toml HTTP/1.1"), {308} | ANY, ANY),
    ("header file", req("GET /_nginx-security-headers.conf HTTP/1.1"), {308, 404}, {404}),
    ("NUL", req("GET /sv/%00 HTTP/1.1"), ANY, ANY),
    ("raw bytes", req("GET /sv/\xff\xfe HTTP/1.1"), ANY, ANY),
    # Overlong paths, headers, cookies, queries.
    ("long path", req("GET /sv/" + "a" * 10240 + " HTTP/1.1"), {414}, {414}),
    ("long header", req("GET /sv/ HTTP/1.1", "X-Long: " + "a" * 10240), {400}, {400}),
    ("many headers", req("GET /sv/ HTTP/1.1", *MANY), {200}, {200}),
    ("huge cookie", req("GET /sv/ HTTP/1.1", "Cookie: a=" + "c" * 10240), {400}, {400}),
    ("many cookies", req("GET /sv/ HTTP/1.1", COOKIES), {200}, {200}),
    ("long query", req("GET /sv/?" + "a=1&" * 700 + " HTTP/1.1"), {200}, {200}),
    # Hosts: foreign, malformed, missing, doubled, in the request line.
    ("foreign host", req("GET /sv/ HTTP/1.1", host="evil.example"), {400}, {400}),
    ("long label", req("GET /sv/ HTTP/1.1", host="a" * 64), {400}, {400}),
    ("a..b", req("GET /sv/ HTTP/1.1", host="a..b"), {400}, {400}),
    (".example", req("GET /sv/ HTTP/1.1", host=".example"), {400}, {400}),
    ("markup host", req("GET /sv/ HTTP/1.1", host=f"ex{EVIL}"), {400}, {400}),
    ("no host", req("GET /sv/ HTTP/1.1", host=None), {400}, {400}),
    ("HTTP/1.0, no host", req("GET /sv/ HTTP/1.0", host=None), {400}, {400}),
    ("two hosts", req("GET /sv/ HTTP/1.1", "Host: evil.example"), {400}, {400}),
    ("absolute form", req("GET http://evil.example/sv/ HTTP/1.1"), {400}, {400}),
    (
        "forwarded host",
        req("GET /sv HTTP/1.1", "X-Forwarded-Host: evil.example", "Forwarded: host=evil.example"),
        {308},
        {200},
    ),
    # Smuggling: a second request hidden in a body nginx would read otherwise.
    ("TE and CL", req("POST /sv/ HTTP/1.1", TE, CL, body=SMUGGLED), {400}, {400}),
    ("CL and TE", req("POST /sv/ HTTP/1.1", CL, TE, body=SMUGGLED), {400}, {400}),
    (
        "TE obfuscated",
        req("POST /sv/ HTTP/1.1", "Transfer-Encoding : chunked", body=SMUGGLED),
        {400},
        {400},
    ),
    (
        "TE unknown",
        req("POST /sv/ HTTP/1.1", "Transfer-Encoding: chunked, identity", body="0\r\n\r\n"),
        {400, 501},
        {400, 501},
    ),
    (
        "two lengths",
        req("POST /sv/ HTTP/1.1", "Content-Length: 0", "Content-Length: 5", body="hello"),
        {400},
        {400},
    ),
    (
        "big body",
        req("POST /sv/ HTTP/1.1", "Content-Length: 100000", body="x" * 100000),
        {413},
        {413},
    ),
    # Ranges (max_ranges 0: the whole answer).
    ("500 ranges", req("GET /sv/ HTTP/1.1", f"Range: bytes={RANGES}"), {200}, {200}),
    ("overlapping ranges", req("GET /sv/ HTTP/1.1", "Range: bytes=0-,0-,0-"), {200}, {200}),
    ("bad range", req("GET /sv/ HTTP/1.1", "Range: bytes=999999-"), {200}, {200}),
    # Odd methods and request lines.
    ("TRACE", req("TRACE /sv/ HTTP/1.1"), {405}, {405}),
    ("PROPFIND", req("PROPFIND /sv/ HTTP/1.1"), {405}, {405}),
    ("DELETE static", req("DELETE /static/css/site.css HTTP/1.1"), {404, 405}, {404, 405}),
    ("PUT", req("PUT /en/ HTTP/1.1", "Content-Length: 0"), {405}, {405}),
    ("CONNECT", req("CONNECT localhost:443 HTTP/1.1"), {400, 405}, {400, 405}),
    ("OPTIONS", req("OPTIONS /sv/ HTTP/1.1"), {200}, {405}),
    ("lowercase method", req("get /sv/ HTTP/1.1"), {400}, {400}),
    ("HTTP/9.9", req("GET /sv/ HTTP/9.9"), {400, 505}, {400, 505}),
    ("garbage", req("GARBAGE", host=None), {400}, {400}),
    ("POST healthz", req("POST /healthz HTTP/1.1", "Content-Length: 0"), {405}, {405}),
    # Junk htmx headers and negotiation.
    ("HX junk", req("GET /sv/ HTTP/1.1", *HX_JUNK), {200}, {200}),
    ("HX fragment", req("GET /sv/utvecklingsomraden/ikt HTTP/1.1", *HX_ODD), {200}, {200}),
    (
        "HX huge",
        req("GET /en/development-areas/ict HTTP/1.1", "HX-Request: " + "1" * 8000),
        {200},
        {200},
    ),
    (
        "junk encoding",
        req("GET /sv/ HTTP/1.1", f"Accept-Encoding: {EVIL}, br;q=junk, gzip;q=0"),
        {200},
        {200},
    ),
    ("junk language", req("GET / HTTP/1.1", f"Accept-Language: {EVIL};q=x,,,"), {302}, {302}),
]

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
    """The request with ``Connection: close`` after its headers, so the answer ends."""
    text = template.replace("{host}", host)
    head, blank, body = text.partition("\r\n\r\n")
    data = (
        head + "\r\nConnection: close\r\n\r\n" + body
        if blank
        else text + "Connection: close\r\n\r\n"
    )
    return raw(port, data.encode("latin-1"), tls=tls)


IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "template", "stack", "export"), CASES, ids=IDS)
def test_make_serve(serve_stack, name, template, stack, export):
    check(send(template, serve_stack.port, f"localhost:{serve_stack.port}"), stack)


@pytest.mark.parametrize(("name", "template", "stack", "export"), CASES, ids=IDS)
def test_nginx_export(nginx_export, name, template, stack, export):
    """Over HTTPS, where the export is served (plain HTTP only redirects to it)."""
    check(send(template, nginx_export.https_port, "localhost", tls=True), export)
