"""`flask freeze`: the static export, served by Python's http.server and crawled."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
from bs4 import BeautifulSoup

from smartspec_site.serve import security

from .conftest import FROZEN_SITE_URL as SITE_URL
from .helpers import LOCALES, SITE


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET, following redirects (http.server sends /dir to /dir/); (status, final URL, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.url, response.read()
    except urllib.error.HTTPError as error:
        return error.code, url, error.read()


def links(base: str, body: bytes) -> set[str]:
    doc = BeautifulSoup(body, "html5lib")
    found = set()
    for tag in doc.find_all(["a", "link", "script"]):
        for attr in ("href", "src", "data-hx-get"):
            if tag.get(attr):
                found.add(urljoin(base, tag[attr]).split("#")[0])
    return found


def test_the_export_crawls_with_no_broken_link(static_server):
    """From / through every href, src and hx-get on this origin: everything answers."""
    origin = static_server
    seen, queue, broken = set(), deque([origin + "/"]), []
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        status, final, body = fetch(url)
        if status != 200:
            broken.append((url, status))
            continue
        if final.endswith((".html", "/")):
            for link in links(final, body):
                if link.startswith(origin) and link not in seen:
                    queue.append(link)
    assert not broken
    paths = {urlsplit(u).path for u in seen}
    for page in SITE:
        for code in LOCALES:
            assert f"/{code}/{page.path(code)}" in paths
    assert any(p.startswith("/static/css/site.") for p in paths)


def test_every_sitemap_url_is_in_the_export(frozen, static_server):
    _, root = frozen
    sitemap = (root / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == 2 * len(SITE.pages)
    for loc in locs:
        assert loc.startswith(SITE_URL + "/")
        status, _, body = fetch(static_server + loc.removeprefix(SITE_URL))
        assert status == 200, loc
        assert f'<link rel="canonical" href="{loc}">'.encode() in body
    status, _, robots = fetch(static_server + "/robots.txt")
    assert status == 200
    assert f"Sitemap: {SITE_URL}/sitemap.xml".encode() in robots


FEEDBACK_SECTION = re.compile(rb'<section class="feedback[^"]*" id="feedback".*?</section>', re.S)


def test_frozen_pages_are_the_apps_bytes_and_hold_the_fragments(frozen, make_client):
    """A static host answers htmx with the full page; the expanders' hx-select takes out of
    it exactly the block the app sends as a fragment. The pages are the app's, but for the
    feedback form: an export without FEEDBACK_URL says how to get in touch instead
    (tests/test_feedback_export.py)."""
    _, root = frozen
    client = make_client(SITE_URL=SITE_URL)
    for code in LOCALES:
        for page in SITE:
            url = f"/{code}/{page.path(code)}"
            frozen_page = (root / url.strip("/") / "index.html").read_bytes()
            served = client.get(url).data
            assert FEEDBACK_SECTION.search(frozen_page), url
            assert FEEDBACK_SECTION.sub(b"", frozen_page) == FEEDBACK_SECTION.sub(b"", served), url
            if page.fragment_block:
                fragment = client.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
                assert fragment.strip() in frozen_page.decode("utf-8"), url


def test_404_pages_in_each_language(frozen):
    _, root = frozen
    for file, lang in (("404.html", "sv"), ("sv/404.html", "sv"), ("en/404.html", "en")):
        text = (root / file).read_text()
        assert f'<html lang="{lang}"' in text
        assert 'name="robots" content="noindex"' in text


def test_the_root_sends_visitors_to_the_swedish_start_page(frozen, static_server):
    _, root = frozen
    doc = BeautifulSoup((root / "index.html").read_bytes(), "html5lib")
    assert doc.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/sv/"
    assert {a["href"] for a in doc.find_all("a")} == {"/sv/", "/en/"}


def test_text_files_have_precompressed_siblings(frozen):
    _, root = frozen
    for name in ("sv/index.html", "en/development-areas/ict/index.html", "sitemap.xml"):
        original = (root / name).read_bytes()
        assert brotli.decompress((root / (name + ".br")).read_bytes()) == original
        assert (root / (name + ".gz")).is_file()
    css = next((root / "static" / "css").glob("site.*.css"))
    assert Path(str(css) + ".br").is_file()


def test_headers_file_matches_the_app(frozen):
    app, root = frozen
    text = (root / "_headers").read_text()
    for name, value in security.security_headers({**app.config, "PRODUCTION": True}):
        assert f"  {name}: {value}\n" in text
    assert "Strict-Transport-Security" in text
    assert "Cache-Control: public, max-age=31536000, immutable" in text


def test_nginx_gets_the_apps_headers_from_the_export(frozen):
    """The export carries its headers for nginx, which sends them on every answer
    (deploy/nginx/smartspec-export.conf includes the file; tests/test_nginx_export.py runs
    it)."""
    app, root = frozen
    snippet = (root / "_nginx-security-headers.conf").read_text()
    for name, value in security.security_headers({**app.config, "PRODUCTION": True}):
        assert f'add_header {name} "{value}" always;' in snippet, name
    headers = security.security_headers({**app.config, "PRODUCTION": True})
    assert snippet.count("add_header") == len(headers)


def test_freeze_refuses_a_folder_that_is_not_an_export(tmp_path, make_app):
    """Frozen-Flask removes files it did not write: a mistyped destination must not be
    emptied."""
    (tmp_path / "notes.txt").write_text("keep me")
    app = make_app(SITE_URL=SITE_URL)
    result = app.test_cli_runner().invoke(args=["freeze", "--destination", str(tmp_path)])
    assert result.exit_code != 0
    assert "not empty" in result.output
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_freeze_may_replace_an_earlier_export(frozen):
    app, root = frozen
    assert (root / "_smartspec-export").exists()
    again = app.test_cli_runner().invoke(args=["freeze", "--destination", str(root)])
    assert again.exit_code == 0, again.output
