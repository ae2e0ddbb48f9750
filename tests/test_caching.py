"""HTML caching: validators, conditional GET, Cache-Control, Vary, compression."""

from __future__ import annotations

import gzip

import brotli
import pytest
from bs4 import BeautifulSoup
from werkzeug.http import parse_dict_header

from smartspec_site.config import CHECKOUT
from smartspec_site.serve import caching
from smartspec_site.serve.caching import KEY as SERVE

from .conftest import catalogs_in
from .helpers import HX, LOCALES, SITE, vary

FRAGMENT_HEADERS = {"hx-request", "hx-history-restore-request", "hx-request-type"}
AREA = "/sv/utvecklingsomraden/ikt"


def cache_control(response) -> dict:
    return parse_dict_header(response.headers["Cache-Control"])


@pytest.mark.parametrize("path", ["/sv/", "/en/", AREA, "/en/development-areas"])
def test_html_has_validators_and_shared_cache_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    etag, weak = response.get_etag()
    assert etag and not weak
    assert response.last_modified is not None
    directives = cache_control(response)
    assert "public" in directives
    assert 0 < int(directives["max-age"]) <= 3600
    assert int(directives["stale-while-revalidate"]) > 0
    assert "private" not in directives and "no-store" not in directives


def test_last_modified_is_the_content_date_or_the_release(app, client):
    released = app.extensions[SERVE].released
    for page in (SITE["start"], SITE["area:ict"]):
        response = client.get(f"/en/{page.path('en')}")
        assert response.last_modified == max(page.updated, released).replace(microsecond=0)


def test_etag_is_the_hash_of_the_body(client):
    import hashlib

    response = client.get("/sv/")
    assert response.get_etag()[0] == hashlib.sha256(response.data).hexdigest()[:32]
    # Different content, different validator: locales, and page versus fragment.
    variants = [("/sv/", {}), ("/en/", {}), (AREA, {}), (AREA, HX)]
    etags = {client.get(p, headers=h).get_etag()[0] for p, h in variants}
    assert len(etags) == 4


@pytest.mark.parametrize(("path", "headers"), [("/sv/", {}), (AREA, HX)])
def test_if_none_match_answers_304(client, path, headers):
    first = client.get(path, headers=headers)
    again = client.get(path, headers={**headers, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == first.headers["Cache-Control"]
    stale = client.get(path, headers={**headers, "If-None-Match": '"stale"'})
    assert stale.status_code == 200


def test_if_modified_since_answers_304(client):
    first = client.get("/sv/")
    since = first.headers["Last-Modified"]
    assert client.get("/sv/", headers={"If-Modified-Since": since}).status_code == 304
    older = "Mon, 01 Jan 2018 00:00:00 GMT"
    assert client.get("/sv/", headers={"If-Modified-Since": older}).status_code == 200


def test_last_modified_is_never_before_the_release(app, client, tmp_path, make_app):
    """The start page's content date is 2022, but a copy fetched before a deploy must be
    fetched again: Last-Modified is no earlier than the newest source file."""
    import os
    import shutil

    response = client.get("/sv/")
    assert response.last_modified >= SITE["start"].updated
    assert response.last_modified >= app.extensions[SERVE].released
    before = "Wed, 05 Jan 2022 00:00:00 GMT"  # after the content date, before the release
    assert client.get("/sv/", headers={"If-Modified-Since": before}).status_code == 200

    # A copy of the repository whose template was just edited: a later Last-Modified.
    for folder in ("templates", "static", "translations"):
        shutil.copytree(CHECKOUT / folder, tmp_path / folder)
    future = response.last_modified.timestamp() + 3600
    os.utime(tmp_path / "templates" / "base.html", (future, future))
    later = make_app(**catalogs_in(tmp_path / "translations"),
                     TEMPLATES_DIR=str(tmp_path / "templates"))  # fmt: skip
    assert caching.released(later).timestamp() == int(future)


def test_head_has_the_same_headers_and_no_body(client):
    get = client.get("/en/")
    head = client.head("/en/")
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]
    assert head.headers["Content-Length"] == get.headers["Content-Length"]


@pytest.mark.parametrize(
    ("encoding", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_html_is_compressed_with_its_own_etag(client, encoding, decompress):
    plain = client.get("/sv/")
    packed = client.get("/sv/", headers={"Accept-Encoding": encoding})
    assert packed.headers["Content-Encoding"] == encoding
    assert decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 3
    assert packed.headers["ETag"] == plain.headers["ETag"][:-1] + f':{encoding}"'
    again = client.get(
        "/sv/", headers={"Accept-Encoding": encoding, "If-None-Match": packed.headers["ETag"]}
    )
    assert again.status_code == 304
    assert again.data == b""


def test_browsers_accept_encoding_gets_brotli(client):
    accept = "gzip, deflate, br, zstd"
    assert client.get("/sv/", headers={"Accept-Encoding": accept}).content_encoding == "br"


def test_the_start_page_compressed_fits_one_round_trip(client):
    page = client.get("/sv/", headers={"Accept-Encoding": "br"})
    doc = BeautifulSoup(client.get("/sv/").data, "html5lib")
    css = [link["href"] for link in doc.select('link[rel="stylesheet"]')]
    br = {"Accept-Encoding": "br"}
    styles = sum(len(client.get(href, headers=br, buffered=True).data) for href in css)
    assert len(page.data) + styles <= 14 * 1024


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        ("/sv/", {}, {"accept-encoding"}),
        ("/en/regional-development-strategy", {}, {"accept-encoding"}),
        # A page that is also a fragment varies on the headers that choose between them.
        (AREA, {}, {"accept-encoding"} | FRAGMENT_HEADERS),
        (AREA, {"HX-Request": "true"}, {"accept-encoding"} | FRAGMENT_HEADERS),
        # The root's redirect and locale-less errors depend on the browser's languages.
        ("/", {}, {"accept-encoding", "accept-language"}),
        ("/no/such-page", {}, {"accept-encoding", "accept-language"}),
        ("/xx/no-such-page", {}, {"accept-encoding", "accept-language"}),
        # A locale in the URL decides the language: no Accept-Language.
        ("/en/no-such-page", {}, {"accept-encoding"}),
        ("/sitemap.xml", {}, {"accept-encoding"}),
    ],
)
def test_vary_is_exactly_what_the_response_depends_on(client, path, headers, expected):
    response = client.get(path, headers=headers)
    assert vary(response) == expected
    assert not vary(response) & {"cookie", "user-agent"}


def test_fragments_stay_out_of_shared_caches(client):
    """A fragment has its page's URL: a CDN that ignores Vary must never store it."""
    response = client.get(AREA, headers=HX)
    assert b"<html" not in response.data
    directives = cache_control(response)
    assert "private" in directives and "public" not in directives
    etag, weak = response.get_etag()
    assert etag and not weak
    assert etag != client.get(AREA).get_etag()[0], "page and fragment are distinct bodies"
    # History restores want the full page, which shared caches may keep.
    restore = client.get(AREA, headers={**HX, "HX-History-Restore-Request": "true"})
    assert b"<html" in restore.data
    assert "public" in cache_control(restore)


@pytest.mark.parametrize("locale", LOCALES)
def test_expanders_fetch_their_page_and_select_its_block(client, locale):
    """hx-get is the real page; hx-select finds the same block in the full page (what a
    static host or a cache that ignores Vary returns) and in the fragment (the app)."""
    doc = BeautifulSoup(client.get(f"/{locale}/").data, "html5lib")
    expanders = doc.select("a.expander")
    assert len(expanders) == 17
    for link in expanders:
        assert link["data-hx-get"] == link["href"]
        selector = link["data-hx-select"]
        full = BeautifulSoup(client.get(link["href"]).get_data(as_text=True), "html5lib")
        fragment = client.get(link["href"], headers=HX).get_data(as_text=True)
        fragment = BeautifulSoup(fragment, "html5lib")
        from_page, from_fragment = full.select_one(selector), fragment.select_one(selector)
        assert from_page is not None and from_page.h1 is not None
        assert str(from_page) == str(from_fragment)


def test_other_responses_get_fitting_cache_control(client):
    assert cache_control(client.get("/en/no-such-page"))["max-age"] == "60"
    assert "no-store" in cache_control(client.post("/en/"))
    assert "no-store" in cache_control(client.get("/healthz"))
    assert "public" in cache_control(client.get("/"))


def test_pages_are_rendered_once(app, make_app):
    app = make_app()
    client = app.test_client()
    first = client.get("/en/")
    assert len(app.extensions[SERVE].pages.data) == 1
    assert client.get("/en/?utm=x").data == first.data
    assert len(app.extensions[SERVE].pages.data) == 1


def test_the_page_cache_is_off_in_debug(make_app):
    app = make_app(DEBUG=True)
    app.test_client().get("/en/")
    app.test_client().get("/en/", headers={"Accept-Encoding": "br"})
    assert app.extensions[SERVE].pages.data == {}


def test_the_cache_knows_the_public_origin(make_client):
    """Without SITE_URL, canonical links carry the request's host: never serve one host's
    page to another."""
    client = make_client()
    one = client.get("/sv/", base_url="http://one.example")
    two = client.get("/sv/", base_url="http://two.example")
    assert b"http://one.example/sv/" in one.data
    assert b"http://two.example/sv/" in two.data
    assert b"one.example" not in two.data


# --- one cache in the app: rendered pages with their compressed bodies ------------------


def test_a_page_is_compressed_once_and_kept_with_its_encodings(make_app):
    app = make_app()
    client = app.test_client()
    plain = client.get("/sv/").data
    (rendered,) = app.extensions[SERVE].pages.data.values()
    assert rendered.offered == ("br", "gzip")
    assert brotli.decompress(rendered.variants["br"][0]) == plain
    assert gzip.decompress(rendered.variants["gzip"][0]) == plain
    for encoding in ("br", "gzip", "br", "gzip"):
        again = client.get("/sv/", headers={"Accept-Encoding": encoding})
        assert again.data == rendered.variants[encoding][0]  # kept, not compressed again
    assert len(app.extensions[SERVE].pages.data) == 1


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),  # a current browser
        ("gzip, deflate", "gzip"),  # an old one
        ("br;q=0, gzip", "gzip"),  # q=0 refuses
        ("gzip;q=0.5, br;q=0.4", "gzip"),  # the client's order of preference
        ("zstd", None),  # nothing kept in that encoding: identity
        ("*", "br"),
        ("", None),
    ],
)
def test_the_encoding_follows_accept_encoding(client, accept, expected):
    response = client.get(AREA, headers={"Accept-Encoding": accept})
    assert response.headers.get("Content-Encoding") == expected
    assert "accept-encoding" in vary(response)


def test_error_pages_are_not_kept(app, make_app):
    fresh = make_app()
    fresh.test_client().get("/sv/finns-inte")
    fresh.test_client().post("/sv/")
    assert fresh.extensions[SERVE].pages.data == {}
