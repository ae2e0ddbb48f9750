"""Static files for production: content-hashed names, far-future caching, pre-compressed.

At start every file of static/ is copied to ``STATIC_BUILD_DIR`` under a name carrying its
content hash (``css/site.css`` -> ``css/site.3f2a9c1e04b7.css``), with a ``.br`` and a
``.gz``; ``url_for('static', ...)`` names it, and WhiteNoise serves it in front of Flask as
immutable. The build is idempotent and atomic per file, so workers may build at once, and
old names stay for pages cached before a deploy. In debug the plain names are used, so an
edited file shows on reload."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from ..build import write_atomic

IMMUTABLE = "public, max-age=31536000, immutable"
COMPRESSIBLE = {".css", ".js", ".svg", ".txt", ".html", ".xml", ".json", ".ico"}
HASH_LENGTH = 12


def hashed_name(name: str, data: bytes) -> str:
    """``css/site.css`` -> ``css/site.<12 hex digits of sha256>.css``."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    folder, _, filename = name.rpartition("/")
    stem, dot, ext = filename.rpartition(".")
    hashed = f"{stem}.{digest}.{ext}" if dot and stem else f"{filename}.{digest}"
    return f"{folder}/{hashed}" if folder else hashed


def compressed_variants(data: bytes) -> dict[str, bytes]:
    """Brotli and gzip (deterministic: no timestamp), kept only where they save 5 %."""
    found = {}
    for suffix, compress in (
        (".br", Compressor.compress_brotli),
        (".gz", Compressor.compress_gzip),
    ):
        packed = compress(data)
        if data and len(packed) <= 0.95 * len(data):
            found[suffix] = packed
    return found


def build(source: Path, target: Path) -> dict[str, str]:
    """Copy every file of ``source`` to ``target`` under its hashed name, with compressed
    variants. Returns the map plain name -> hashed name."""
    manifest: dict[str, str] = {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        name = relative.as_posix()
        data = path.read_bytes()
        manifest[name] = hashed = hashed_name(name, data)
        out = target / hashed
        if out.is_file():
            continue  # same name, same content: built before
        if path.suffix.lower() in COMPRESSIBLE:
            for suffix, packed in compressed_variants(data).items():
                write_atomic(out.with_name(out.name + suffix), packed)
        write_atomic(out, data)  # last: its presence means the variants are there
    return manifest


def hashing_enabled(app: Flask) -> bool:
    setting = app.config["STATIC_HASHED"]
    return (not app.debug) if setting is None else bool(setting)


def init_app(app: Flask) -> None:
    """Build the hashed copies, and make ``url_for('static', …)`` name them."""
    target = Path(app.config["STATIC_BUILD_DIR"])
    manifest = build(Path(app.static_folder), target)

    @app.url_defaults
    def hashed_static_names(endpoint: str, values: dict) -> None:
        if endpoint == "static" and hashing_enabled(app):
            name = values.get("filename")
            values["filename"] = manifest.get(name, name)


def immutable(headers, path: str, url: str) -> None:
    headers["Cache-Control"] = IMMUTABLE


def whitenoise(app: Flask, wsgi_app):
    """WhiteNoise answering the hashed files in front of ``wsgi_app``. Only hashed files are
    in the build folder, so every one of them is immutable. allow_all_origins: public
    files, and a CDN in front may serve them from another host (WhiteNoise's default too;
    said here so that it is a decision, not an accident)."""
    return WhiteNoise(
        wsgi_app,
        root=app.config["STATIC_BUILD_DIR"],
        prefix=(app.static_url_path or "/static") + "/",
        add_headers_function=immutable,
        allow_all_origins=True,
    )
