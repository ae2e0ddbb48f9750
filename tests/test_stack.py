"""`make serve`: nginx in front of gunicorn, run as an operator or a newcomer runs it, on a
free port of 127.0.0.1 (the supervisor is smartspec_site/serve/stack.py)."""

from __future__ import annotations

import gzip
import os
import re
import urllib.request

import brotli
import pytest

from smartspec_site.serve import security
from smartspec_site.web import scripts

from .helpers import LOCALES, vary
from .nginx_stack import SECURITY, ServeStack, needs_nginx, parse, raw

pytestmark = needs_nginx

AREA = "/sv/utvecklingsomraden/ikt"


@pytest.fixture(scope="module")
def serve(serve_stack):
    return serve_stack


def request(stack: ServeStack, path: str, method: str = "GET", host: str = "", body=b"", **headers):
    """One HTTP/1.1 request as bytes, answer parsed (status, headers, body as sent)."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host or f'localhost:{stack.port}'}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    lines += ["Connection: close", "", ""]
    return parse(raw(stack.port, "\r\n".join(lines).encode("latin-1") + body))


def test_both_languages_through_nginx(serve):
    for locale, text in (("sv", "Smart specialisering"), ("en", "Smart specialisation")):
        with urllib.request.urlopen(f"{serve.url}/{locale}/", timeout=10) as answer:
            body = answer.read().decode()
        assert answer.status == 200 and answer.headers["Server"] == "nginx"
        assert f'<html lang="{locale}"' in body and text in body
        assert 'rel="canonical" href="http://localhost:' in body, "under SITE_URL"


def every_kind_of_answer(serve) -> dict[str, tuple[int, dict, bytes]]:
    _, _, page = request(serve, "/sv/")
    css = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    return {
        "page": request(serve, "/sv/", Accept_Encoding="br"),
        "fragment": request(serve, AREA, HX_Request="true"),
        "static": request(serve, css, Accept_Encoding="gzip"),
        "404 (app)": request(serve, "/sv/finns-inte"),
        "405 (app)": request(serve, "/sv/", "POST"),
        "405 (nginx)": request(serve, "/sv/", "TRACE"),
        "404 (nginx, static)": request(serve, "/static/nothing.css"),
        "400 (unknown host)": request(serve, "/sv/", host="evil.example"),
        "400 (malformed host)": request(serve, "/sv/", host="a..b"),
        "414 (nginx)": request(serve, "/sv/" + "a" * 10240),
        "400 (nginx, huge header)": request(serve, "/sv/", X_Huge="h" * 10240),
        "413 (nginx)": request(serve, "/sv/", "POST", body=b"x" * 20000),
        "redirect": request(serve, "/sv"),
        "healthz": request(serve, "/healthz"),
        "healthz POST": request(serve, "/healthz", "POST", Content_Length="0"),
    }


def test_every_answer_carries_each_security_header_once(serve):
    """nginx sets them all (from the file the app wrote), on its own errors too; the app
    sets none, so none is doubled."""
    answers = every_kind_of_answer(serve)
    expected_status = {
        "page": 200, "fragment": 200, "static": 200, "404 (app)": 404, "405 (app)": 405,
        "405 (nginx)": 405, "404 (nginx, static)": 404, "400 (unknown host)": 400,
        "400 (malformed host)": 400, "414 (nginx)": 414, "400 (nginx, huge header)": 400,
        "413 (nginx)": 413, "redirect": 308, "healthz": 200, "healthz POST": 405,
    }  # fmt: skip
    for kind, (status, headers, _) in answers.items():
        assert status == expected_status[kind], kind
        for name in SECURITY:
            assert len(headers.get(name, [])) == 1, (kind, name)
        assert scripts.head_script_hash() in headers["content-security-policy"][0]
        assert headers["cross-origin-resource-policy"] == ["same-origin"]
        if status == 405:
            assert headers["allow"] == ["GET, HEAD"] or "GET" in headers["allow"][0], kind
            assert len(headers["allow"]) == 1, kind


def test_pages_come_from_the_micro_cache(serve):
    first = request(serve, "/en/regional-development-strategy", Accept_Encoding="gzip")
    again = request(serve, "/en/regional-development-strategy", Accept_Encoding="gzip")
    assert first[1]["x-cache-status"] in (["MISS"], ["HIT"])
    assert again[1]["x-cache-status"] == ["HIT"]
    assert again[2] == first[2] and again[1]["etag"] == first[1]["etag"]
    assert b'<html lang="en"' in gzip.decompress(again[2])
    # A conditional request is answered by nginx from the cache.
    status, headers, body = request(
        serve, "/en/", If_None_Match=request(serve, "/en/")[1]["etag"][0]
    )
    assert (status, body) == (304, b"")


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("br", "br"),
        ("junk-1, gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("x" * 200, None),
        ("", None),
    ],
)
def test_the_cache_key_holds_the_normalised_encoding_only(serve, accept, encoding):
    """A junk Accept-Encoding never makes an entry of its own: it shares the entry of the
    encoding it comes down to, and gets that encoding."""
    path = "/en/mapping-european-regions"
    request(serve, path, Accept_Encoding=accept)  # warm the normalised entry
    status, headers, body = request(serve, path, Accept_Encoding=accept + " ")
    assert status == 200
    assert headers["x-cache-status"] == ["HIT"], "a variant of the value: the same entry"
    assert headers.get("content-encoding", [None]) == [encoding]
    plain = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](body)
    assert b'<html lang="en"' in plain


def test_no_host_reaches_the_cache_key(serve):
    """Both accepted names share one entry (pages are rendered under SITE_URL)."""
    path = "/sv/regional-utvecklingsstrategi"
    request(serve, path, host=f"localhost:{serve.port}")
    status, headers, body = request(serve, path, host=f"127.0.0.1:{serve.port}")
    assert (status, headers["x-cache-status"]) == (200, ["HIT"])
    assert f'href="http://localhost:{serve.port}/sv/'.encode() in body


def test_fragments_are_cached_apart_from_their_page(serve):
    """A fragment is the same for everyone: nginx keeps it as it keeps pages, keyed on the
    app's own decision between page and fragment, and never hands one for the other. To
    every other cache it stays private, with Vary for the browser's."""
    path = "/sv/utvecklingsomraden/life-science"
    first = request(serve, path, HX_Request="true")
    again = request(serve, path, HX_Request="true")
    for status, headers, body in (first, again):
        assert status == 200 and b"<html" not in body and b"<h1" in body
        assert headers["cache-control"][0].startswith("private, ")
        assert "x-accel-expires" not in headers
        assert {"hx-request", "accept-encoding"} <= vary_of(headers)
    assert first[1]["x-cache-status"] == ["MISS"]
    assert again[1]["x-cache-status"] == ["HIT"] and again[2] == first[2]
    # The page at the same URL is an entry of its own, and never the fragment.
    status, headers, body = request(serve, path)
    assert headers["x-cache-status"] == ["MISS"] and b"<html" in body
    assert request(serve, path)[1]["x-cache-status"] == ["HIT"]


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [
        ({"HX_Request": "true"}, True),
        ({"HX_Request": "true", "HX_Request_Type": "partial"}, True),
        ({"HX_Request": "true", "HX_History_Restore_Request": "false"}, True),
        ({"HX_Request": "true", "HX_History_Restore_Request": "true"}, False),
        ({"HX_Request": "true", "HX_Request_Type": "full"}, False),
        ({"HX_Request": "True"}, False),
        ({"HX_Request": "true "}, True),  # trailing blanks are not part of a value
        ({"HX_Request": "true", "HX_History_Restore_Request": "true|x"}, True),
        ({"HX_Request": "true", "HX_Request_Type": "FULL"}, True),
        ({"HX_Request_Type": "partial"}, False),
    ],
)
def test_no_header_can_store_a_fragment_as_the_page_or_the_page_as_a_fragment(
    serve, headers, fragment
):
    """Whatever the three headers say, each answer is what the app decides for them, and
    each entry holds what its key says: a plain request afterwards gets the page, and a
    plain htmx request the fragment."""
    path = "/en/development-areas/materials"
    body = request(serve, path, **headers)[2]
    assert (b"<html" not in body) is fragment
    assert b"<html" in request(serve, path)[2]
    assert b"<html" not in request(serve, path, HX_Request="true")[2]


def vary_of(headers) -> set[str]:
    class Answer:
        pass

    answer = Answer()
    answer.headers = {"Vary": ", ".join(headers.get("vary", []))}
    return vary(answer)


def test_answers_that_vary_on_the_language_are_not_stored(serve):
    for language, target in (("en", "/en/"), ("sv", "/sv/"), ("en", "/en/")):
        status, headers, _ = request(serve, "/", Accept_Language=language)
        assert (status, headers["location"]) == (302, [target])
        assert headers["x-cache-status"] == ["MISS"]


def test_a_foreign_or_malformed_host_gets_a_400_never_a_page_or_a_redirect(serve):
    for host in ("evil.example", "a" * 64, "a..b", ".example", "localhost.evil.example"):
        for path in ("/sv/", "/sv", "/", AREA):
            status, headers, body = request(serve, path, host=host)
            assert status == 400, (host, path)
            assert "location" not in headers
            assert b"<html lang" not in body
            assert host.encode() not in body


def test_redirects_are_relative(serve):
    status, headers, _ = request(serve, "/sv")
    assert (status, headers["location"]) == (308, ["/sv/"])
    status, headers, _ = request(serve, "/sv/utvecklingsomraden/")
    assert headers["location"] == ["/sv/utvecklingsomraden"]


def test_healthz_answers_any_host_and_only_get(serve):
    for host in ("10.0.0.5", "evil.example", f"localhost:{serve.port}"):
        status, headers, body = request(serve, "/healthz", host=host)
        assert (status, body) == (200, b"ok\n")
        assert headers["cache-control"] == ["no-store"]
        status, headers, _ = request(serve, "/healthz", "POST", host=host, Content_Length="0")
        assert status == 405 and headers["allow"] == ["GET, HEAD"]


def test_ranges_get_the_whole_file_never_more(serve):
    """max_ranges 0: 500 byte ranges of the CSS once returned 51 KB of multipart."""
    _, _, page = request(serve, "/sv/")
    css = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    size = len(request(serve, css)[2])
    ranges = ",".join(f"{i}-{i}" for i in range(500))
    for path in (css, "/sv/"):
        for value in (f"bytes={ranges}", "bytes=0-9", "bytes=999999-"):
            status, headers, body = request(serve, path, Range=value)
            assert status == 200 and "content-range" not in headers, (path, value)
            assert len(headers["content-security-policy"]) == 1
    assert len(request(serve, css, Range=f"bytes={ranges}")[2]) == size


def test_static_files_are_precompressed_and_immutable(serve):
    _, _, page = request(serve, "/sv/")
    css = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    plain = request(serve, css)[2]
    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        status, headers, body = request(serve, css, Accept_Encoding=encoding)
        assert headers["content-encoding"] == [encoding]
        assert decompress(body) == plain
        assert headers["cache-control"] == ["public, max-age=31536000, immutable"]
        assert headers["content-type"] == ["text/css; charset=utf-8"]


def test_the_app_wrote_the_headers_nginx_sends(serve):
    """The file nginx includes is the app's own list (security.py), HSTS included."""
    _, headers, _ = request(serve, "/en/")
    config = {"HTMX_SOURCE": "local", "HTMX_CDN_URL": "", "PRODUCTION": True}
    for name, value in security.security_headers({**config, "HSTS_SECONDS": 31536000}):
        assert headers[name.lower()] == [value]


def test_ctrl_c_stops_nginx_and_gunicorn():
    with ServeStack() as stack:
        line = stack.ready_line()
        pids = [int(pid) for pid in re.findall(r"pid (\d+)", line)]
        assert len(pids) == 2
        assert stack.interrupt() == 0
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert "Serving http://localhost:" in stack.output


def test_production_refuses_to_start_without_site_url_in_one_line():
    stack = ServeStack({"SMARTSPEC_SITE_URL": ""})
    with pytest.raises(RuntimeError) as raised:
        stack.__enter__()
    message = str(raised.value)
    assert "Error: SITE_URL is not set" in message
    assert "Traceback" not in message


def test_nginx_answers_for_a_stopped_app_with_a_502_and_the_headers(tmp_path):
    """nginx's own 5xx carry the headers too: here gunicorn's socket is not there."""
    from smartspec_site.serve import stack
    from smartspec_site.serve.processes import free_port

    run = tmp_path / "run"
    run.mkdir()
    port = free_port()
    config = {"HTMX_SOURCE": "local", "HTMX_CDN_URL": "", "PRODUCTION": True}
    headers = security.security_headers({**config, "HSTS_SECONDS": 31536000})
    (run / "security-headers.conf").write_text(security.nginx_headers(headers))
    with stack.Nginx(run, stack.local_site(run, port, ["localhost"]), health=port):
        status, answer, _ = parse(
            raw(port, b"GET /sv/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        )
    assert status == 502
    for name in SECURITY:
        assert len(answer.get(name, [])) == 1, name


def test_a_flood_of_query_strings_reaches_gunicorn_at_most_once_per_page(serve):
    """The cache keys a page on its path alone: unique query strings (a cache-busting flood)
    are the page's own entry, so they neither reach gunicorn nor evict the real pages."""
    request(serve, "/sv/")
    statuses = {}
    for page in ("/sv/", "/en/smart-specialisation-strategy"):
        answers = [request(serve, f"{page}?bust={n}&x={n}") for n in range(60)]
        assert {status for status, _, _ in answers} == {200}
        assert len({body for _, _, body in answers}) == 1
        statuses[page] = [headers["x-cache-status"][0] for _, headers, _ in answers]
        assert sum(status != "HIT" for status in statuses[page]) <= 1, statuses[page]
    assert set(statuses["/sv/"]) == {"HIT"}
    assert request(serve, "/sv/")[1]["x-cache-status"] == ["HIT"]


def test_the_thank_you_page_keeps_its_query_and_is_never_cached(serve):
    for back in ("/en/", "/sv/regional-utvecklingsstrategi"):
        status, headers, body = request(serve, f"/sv/synpunkter/tack?page={back}")
        assert status == 200 and headers["cache-control"] == ["no-store"]
        assert f'href="{back}"'.encode() in body
        assert "x-cache-status" not in headers or headers["x-cache-status"] == [""]


def test_the_compressed_copies_of_static_files_are_never_files_of_their_own(serve):
    _, _, page = request(serve, "/sv/")
    css = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    for suffix in (".br", ".gz"):
        assert request(serve, css + suffix)[0] == 404
    status, headers, _ = request(serve, css, Accept_Encoding="gzip")
    assert (status, headers["content-encoding"]) == (200, ["gzip"])


def test_the_form_accepts_the_advertised_origin_with_its_port(serve):
    """`make serve` advertises http://127.0.0.1:PORT; a browser without Fetch Metadata posts
    from it with that Origin. nginx's `Host $host` drops the port, so X-Forwarded-Port
    carries it; another port is another origin."""
    form = b"page=%2Fsv%2F&category=page&answer=yes&text=&website="
    kinds = {"Content_Type": "application/x-www-form-urlencoded"}
    for host, origin, expected in (
        (f"127.0.0.1:{serve.port}", f"http://127.0.0.1:{serve.port}", 303),
        (f"localhost:{serve.port}", f"http://localhost:{serve.port}", 303),
        (f"127.0.0.1:{serve.port}", "http://127.0.0.1:1", 403),
    ):
        status, _, _ = request(
            serve, "/sv/synpunkter", "POST", host=host, body=form, Origin=origin, **kinds
        )
        assert status == expected, origin


def test_a_port_in_use_is_named_and_nothing_claims_to_serve():
    """Another server on the port, one that even answers /healthz: make serve says which
    port is taken and exits, instead of printing "Serving …" while nginx fails to bind."""
    import http.server
    import subprocess
    import sys
    import threading

    class Healthy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"ok\n")

        def log_message(self, *args):
            pass

    other = http.server.HTTPServer(("127.0.0.1", 0), Healthy)
    port = other.server_port
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "smartspec_site.serve.stack"],
            env={**os.environ, "PORT": str(port), "SMARTSPEC_HTMX_SOURCE": "local"},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        other.shutdown()
        other.server_close()
    assert done.returncode == 1
    assert f"port {port} on 127.0.0.1 is in use" in done.stderr
    assert "Serving" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/sv/synpunkter", "<h1>Det du skickade är för stort</h1>"),
        ("/en/feedback", "<h1>Your feedback is too long</h1>"),
    ],
)
def test_nginx_answers_413_with_the_sites_own_page_in_the_request_language(serve, path, heading):
    status, headers, body = request(serve, path, "POST", body=b"x" * 20000)
    assert status == 413
    assert heading.encode() in body
    assert headers["content-type"] == ["text/html; charset=utf-8"]
    assert headers["cache-control"] == ["no-store"]
    for name in SECURITY:
        assert len(headers.get(name, [])) == 1, name


def test_gunicorn_unreachable_gets_the_sites_own_502_page_in_the_request_language():
    """nginx cannot reach gunicorn (its socket gone): a page never cached gets the site's own
    502 page in the language of its address, with the security headers, never nginx's."""
    import psutil

    with ServeStack() as stack:
        nginx = next(
            process
            for process in psutil.Process(stack.popen.pid).children(recursive=True)
            if process.name() == "nginx" and "-p" in process.cmdline()
        )
        run = nginx.cmdline()[nginx.cmdline().index("-p") + 1]
        sock = os.path.join(run, "gunicorn.sock")
        os.rename(sock, sock + ".away")
        try:
            answers = {
                locale: request(stack, f"/{locale}/not-cached-{locale}") for locale in LOCALES
            }
        finally:
            os.rename(sock + ".away", sock)
    for locale, (status, headers, body) in answers.items():
        assert status == 502, locale
        assert f'<html lang="{locale}"'.encode() in body
        assert b"nginx" not in body
        assert headers["cache-control"] == ["no-store"]
        for name in SECURITY:
            assert len(headers.get(name, [])) == 1, name
    assert "<h1>There is a technical problem</h1>" in answers["en"][2].decode()
