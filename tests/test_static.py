"""Static files: content-hashed names, immutable caching, pre-compressed variants."""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

from smartspec_site.config import CHECKOUT, HTMX_INTEGRITY
from smartspec_site.serve.static_files import IMMUTABLE, hashed_name
from smartspec_site.serve.static_files import build as build_static

STATIC = CHECKOUT / "static"


def static_refs(client) -> list[str]:
    doc = BeautifulSoup(client.get("/sv/").data, "html5lib")
    refs = [tag.get("href") or tag.get("src") for tag in doc.find_all(["link", "script"])]
    return [ref for ref in refs if ref and ref.startswith("/static/")]


def source_of(url: str) -> Path:
    """/static/css/site.0123456789ab.css -> static/css/site.css"""
    name = url.removeprefix("/static/")
    folder, _, filename = name.rpartition("/")
    parts = filename.split(".")
    plain = ".".join(parts[:-2] + parts[-1:])
    return STATIC / folder / plain


def test_pages_reference_hashed_names(client):
    refs = static_refs(client)
    assert {Path(r).suffix for r in refs} >= {".css", ".js", ".svg"}
    for ref in refs:
        source = source_of(ref)
        assert source.is_file(), ref
        name = source.relative_to(STATIC).as_posix()
        assert ref == "/static/" + hashed_name(name, source.read_bytes())
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
        assert f".{digest}." in ref


def test_hashed_files_are_immutable_and_identical(client):
    for ref in static_refs(client):
        response = client.get(ref, buffered=True)
        assert response.status_code == 200, ref
        assert response.headers["Cache-Control"] == IMMUTABLE
        assert response.data == source_of(ref).read_bytes()
        assert response.headers["ETag"]


@pytest.mark.parametrize(
    ("encoding", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_text_files_are_served_precompressed(client, encoding, decompress):
    for ref in static_refs(client):
        response = client.get(ref, headers={"Accept-Encoding": encoding}, buffered=True)
        assert response.headers["Content-Encoding"] == encoding, ref
        assert "Accept-Encoding" in response.headers["Vary"]
        assert decompress(response.data) == source_of(ref).read_bytes()


def test_precompressed_files_are_on_disk(app):
    build = Path(app.config["STATIC_BUILD_DIR"])
    # The build is idempotent: it names the files the app's start wrote.
    for hashed in build_static(Path(app.static_folder), build).values():
        if hashed.endswith((".css", ".js")):
            assert (build / (hashed + ".br")).is_file()
            assert (build / (hashed + ".gz")).is_file()


def test_vendored_htmx_keeps_its_integrity_hash(client, make_app):
    app = make_app(HTMX_SOURCE="local")
    doc = BeautifulSoup(app.test_client().get("/en/").data, "html5lib")
    script = doc.find("script", src=lambda s: s and "htmx" in s)
    assert ".min." in script["src"] and script["integrity"] == HTMX_INTEGRITY
    served = client.get(script["src"], buffered=True).data
    digest = base64.b64encode(hashlib.sha384(served).digest()).decode()
    assert f"sha384-{digest}" == HTMX_INTEGRITY


def test_plain_names_still_answer_but_are_not_immutable(client):
    response = client.get("/static/css/site.css", buffered=True)
    assert response.status_code == 200
    assert "immutable" not in response.headers.get("Cache-Control", "")


def test_debug_uses_plain_names(make_app):
    app = make_app(DEBUG=True)
    refs = static_refs(app.test_client())
    assert "/static/css/site.css" in refs


def test_a_changed_file_gets_a_new_name(tmp_path):
    from smartspec_site.serve.static_files import build

    (tmp_path / "src" / "css").mkdir(parents=True)
    css = tmp_path / "src" / "css" / "a.css"
    css.write_text("body { color: black; }\n" * 40)
    first = build(tmp_path / "src", tmp_path / "out")["css/a.css"]
    css.write_text("body { color: navy; }\n" * 40)
    second = build(tmp_path / "src", tmp_path / "out")["css/a.css"]
    assert first != second
    for name in (first, second):
        assert (tmp_path / "out" / name).is_file()
        assert (tmp_path / "out" / (name + ".br")).is_file()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/pyproject.toml",
        "/static/..%2fpyproject.toml",
        "/static/css/..%2f..%2f..%2fpyproject.toml",
        "/static/css/site.000000000000.css",
    ],
)
def test_no_file_outside_static_is_served(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"[project]" not in response.data
