"""Bad input: every request gets a clean answer (3xx/4xx, or 200 where right) in the right
language; never a 5xx, and nothing the client sent comes back unescaped.

Most cases go through Flask's test client; the malformed ones a client library cannot even
send go as raw bytes to the real gunicorn on 127.0.0.1."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .gunicorn_server import Gunicorn, raw_request

# A tag no page contains: finding it raw in a response means it was reflected unescaped.
EVIL = "<x-evil onload=alert(1)>"
EVIL_Q = "%3Cx-evil%20onload%3Dalert(1)%3E"

HEADINGS = {
    "sv": {404: "Sidan finns inte", 405: "Det går inte att skicka något till den här adressen"},
    "en": {404: "Page not found", 405: "You cannot send anything to this address"},
}


def lang_of(body: str) -> str | None:
    found = re.search(r'<html lang="([^"]+)"', body)
    return found.group(1) if found else None


def check(response, statuses: set[int], lang: str | None) -> None:
    assert response.status_code < 500
    assert response.status_code in statuses, response.status_code
    body = response.get_data(as_text=True)
    assert "<x-evil" not in body
    assert "Traceback" not in body
    for name, value in response.headers.items():
        assert "<x-evil" not in value, name
    if lang and response.mimetype == "text/html" and body:
        assert lang_of(body) == lang
        heading = HEADINGS[lang].get(response.status_code)
        if heading:
            assert heading in body


CASES = [
    # Unknown locales: a 404 in the browser's language (Swedish by default).
    ("GET", "/xx/", {}, {404}, "sv"),
    ("GET", "/xx/utvecklingsomraden", {"Accept-Language": "en"}, {404}, "en"),
    ("GET", "/SV/", {}, {404}, "sv"),
    ("GET", "/sv-SE/", {"Accept-Language": "en-GB,en;q=0.9"}, {404}, "en"),
    ("GET", f"/{EVIL_Q}/", {}, {404}, "sv"),
    # Unknown and overlong slugs: a 404 in the URL's language.
    ("GET", "/sv/finns-inte", {}, {404}, "sv"),
    ("GET", "/en/no-such-page", {"Accept-Language": "sv"}, {404}, "en"),
    ("GET", "/sv/" + "a" * 10240, {}, {404}, "sv"),
    ("GET", "/en/" + "x/" * 5120, {}, {404}, "en"),
    ("GET", f"/en/{EVIL_Q}", {}, {404}, "en"),
    ("GET", "/en/development-areas/ict/" + "y" * 10240, {"HX-Request": "true"}, {404}, "en"),
    # Percent-encoded traversal.
    ("GET", "/%2e%2e/%2e%2e/etc/passwd", {}, {404}, "sv"),
    ("GET", "/sv/%2e%2e/%2e%2e/pyproject.toml", {}, {404}, "sv"),
    ("GET", "/en/..%2f..%2fpyproject.toml", {}, {404}, "en"),
    ("GET", "/%2e%2e/", {}, {404}, "sv"),
    ("GET", "/..%2f", {}, {308, 404}, None),
    ("GET", "/static/%2e%2e/pyproject.toml", {}, {404}, "sv"),
    ("GET", "/static/..%2f..%2fpyproject.toml", {}, {404}, "sv"),
    ("GET", "/static/css/%2e%2e%2f%2e%2e%2f%2e%2e%2fpyproject.toml", {}, {404}, "sv"),
    # NUL and invalid UTF-8.
    ("GET", "/sv/%00", {}, {404}, "sv"),
    ("GET", "/%00/", {}, {404}, "sv"),
    ("GET", "/en/a%00b", {"HX-Request": "true"}, {404}, "en"),
    ("GET", "/sv/%ff%fe", {}, {404}, "sv"),
    ("GET", "/%c3%28/", {}, {404}, "sv"),
    ("GET", "/en/%e2%82", {}, {404}, "en"),
    # Malformed and huge Accept-Language: the default, or what can be made of it.
    ("GET", "/", {"Accept-Language": ";;;,,,q=abc"}, {302}, None),
    ("GET", "/", {"Accept-Language": "en;q=2, sv;q=-1"}, {302}, None),
    ("GET", "/", {"Accept-Language": "*;q=x"}, {302}, None),
    ("GET", "/", {"Accept-Language": EVIL}, {302}, None),
    ("GET", "/", {"Accept-Language": "en-" + "x" * 10240}, {302}, None),
    ("GET", "/", {"Accept-Language": "de," * 3000 + "en"}, {302}, None),
    ("GET", "/no/such/page", {"Accept-Language": "\x00\xff;q=1"}, {404}, "sv"),
    ("GET", "/no/such/page", {"Accept-Language": "fr;q=0.9,en;q=0.8," * 500}, {404}, "en"),
    # Junk HX-* headers: the full page unless HX-Request is exactly "true".
    ("GET", "/sv/", {"HX-Request": EVIL, "HX-Target": EVIL, "HX-Trigger": EVIL}, {200}, "sv"),
    ("GET", "/en/development-areas/ict", {"HX-Request": "TRUE"}, {200}, "en"),
    ("GET", "/en/development-areas/ict", {"HX-Request": "1" * 8000}, {200}, "en"),
    (
        "GET",
        "/sv/utvecklingsomraden/ikt",
        {"HX-Request": "true", "HX-History-Restore-Request": EVIL, "HX-Request-Type": EVIL},
        {200},
        None,
    ),
    (
        "GET",
        "/sv/utvecklingsomraden/ikt",
        {"HX-Request": "true", "HX-Current-URL": "javascript:alert(1)", "HX-Target": EVIL},
        {200},
        None,
    ),
    ("GET", "/sv/", {"HX-Boosted": EVIL, "HX-Prompt": EVIL * 100}, {200}, "sv"),
    # Every method: reading is allowed, nothing else.
    ("HEAD", "/sv/", {}, {200}, None),
    ("OPTIONS", "/sv/", {}, {200}, None),
    ("POST", "/sv/", {}, {405}, "sv"),
    ("PUT", "/en/", {}, {405}, "en"),
    ("DELETE", "/en/development-areas/ict", {}, {405}, "en"),
    ("PATCH", "/sv/utvecklingsomraden", {}, {405}, "sv"),
    ("TRACE", "/sv/", {}, {405}, "sv"),
    ("TRACE", "/", {"Accept-Language": "en"}, {405}, "en"),
    ("PROPFIND", "/en/", {}, {405}, "en"),
    ("POST", "/en/development-areas/ict", {"HX-Request": "true"}, {405}, "en"),
    ("POST", "/healthz", {}, {405}, "sv"),
    ("POST", "/sitemap.xml", {}, {405}, "sv"),
    ("DELETE", "/static/css/site.css", {}, {405}, "sv"),
    ("HEAD", "/no/such/page", {}, {404}, None),
    # Huge and hostile query strings: ignored.
    ("GET", "/sv/?" + "a=1&" * 3000, {}, {200}, "sv"),
    ("GET", f"/en/?q={EVIL_Q}", {}, {200}, "en"),
    ("GET", f"/en/no-such-page?q={EVIL_Q}", {}, {404}, "en"),
    ("GET", f"/sv/utvecklingsomraden/ikt?{EVIL_Q}", {"HX-Request": "true"}, {200}, None),
    ("GET", "/?" + "x" * 10240, {}, {302}, None),
]


@pytest.mark.parametrize(("method", "path", "headers", "statuses", "lang"), CASES)
def test_flask(client, method, path, headers, statuses, lang):
    response = client.open(path, method=method, headers=headers, buffered=True)
    check(response, statuses, lang)
    if response.status_code == 405:
        assert "GET" in response.headers["Allow"]
    if response.status_code in (301, 302, 307, 308):
        location = response.headers["Location"]
        assert location.startswith("/") and not location.startswith("//")


def test_a_hostile_host_header_is_escaped(client):
    response = client.get("/sv/", headers={"Host": f'evil.example"{EVIL}'})
    assert response.status_code in (200, 400)
    assert "<x-evil" not in response.get_data(as_text=True)


def test_no_open_redirect(client):
    """A path that looks like a network-path reference never becomes another host."""
    for path in ("//evil.example/", "//evil.example/sv", "/\\evil.example/sv", "///evil.example"):
        response = client.get("/", environ_overrides={"PATH_INFO": path})
        assert response.status_code < 500
        location = response.headers.get("Location", "")
        assert urlsplit(location).netloc in ("", "localhost"), location
        assert not location.startswith(("//", "/\\")), location


# --- through the real server ------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    with Gunicorn(workers=1) as server:
        yield server


RAW_CASES = [
    # (request bytes, acceptable statuses)
    (b"GET /sv/\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {400, 404}),
    (b"GET /sv/\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {400, 404}),
    (b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {404}),
    (b"GET /../../pyproject.toml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {400, 404}),
    (b"GET /static/..%2f..%2fpyproject.toml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {404}),
    (b"GET /sv/" + b"a" * 10240 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {400, 414}),
    (
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: " + b"en," * 4000 + b"\r\n\r\n",
        {400, 431},
    ),
    (b"GET /sv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nHX-Request: <x-evil>\r\n\r\n", {200}),
    (b"TRACE /sv/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {405}),
    (b"GARBAGE\r\n\r\n", {400}),
    (b"GET /sv/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", {400, 505}),
    (b"GET /<x-evil> HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", {400, 308, 404}),
    (b"GET /en/ HTTP/1.0\r\n\r\n", {200}),
]


@pytest.mark.parametrize(("raw", "statuses"), RAW_CASES)
def test_gunicorn(server, raw, statuses):
    answer = raw_request(server.url, raw)
    status_line = answer.split(b"\r\n", 1)[0]
    status = int(status_line.split()[1])
    assert status in statuses, status_line
    assert b"<x-evil" not in answer
    assert b"Traceback" not in answer
    if status in (404, 405):  # answered by the app: its headers are there
        assert b"Content-Security-Policy:" in answer
