"""HTTP behaviour of the app: rendered pages kept in memory, validators, caching headers,
compression and redirects.

The shared cache is nginx's (deploy/nginx/smartspec/proxy-cache.conf), honouring the
``Cache-Control`` set here. Inside the app one cache remains (``PAGE_CACHE``, off in debug):
a page is a pure function of (locale, page, full or fragment, public origin), so it is
rendered once and kept with its ETag and its brotli and gzip bodies; bench/run.py measures
what that earns. ``Last-Modified`` is the later of the page's ``updated`` and the release
(the newest source file), so a deploy is never answered 304 from before it. Other answers
are compressed per answer by flask-compress; conditional requests are answered last."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, current_app, request
from flask_compress import Compress
from werkzeug.http import http_date

from ..web.language import locale_in_path
from .static_files import compressed_variants

KEY = "serve"  # app.extensions[KEY]: the PageCache
MAX_CACHED = 512  # distinct pages; pages x locales x variants is about 80
# The encodings a cached page is kept in, best first (zstd is not kept: every browser that
# sends it also takes brotli).
ENCODINGS = ("br", "gzip")
SUFFIXES = {".br": "br", ".gz": "gzip"}


@dataclass(frozen=True, slots=True)
class Rendered:
    """A page rendered once: its body in each encoding kept (None: as rendered), each with
    the headers it is sent with, built here once rather than on every request."""

    etag: str
    variants: dict[str | None, tuple[bytes, tuple[tuple[str, str], ...]]]
    offered: tuple[str, ...]  # the encodings kept, best first (compressed_variants keeps
    # one only where it saves 5 %)

    @property
    def body(self) -> bytes:
        return self.variants[None][0]


class BoundedCache:
    """A dict that starts over when full: enough for a site of ~80 bodies, and bounded
    whatever paths a client invents (without SITE_URL the key holds the Host too)."""

    def __init__(self, limit: int = MAX_CACHED):
        self.limit = limit
        self.data: dict = {}

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value) -> None:
        if len(self.data) >= self.limit:
            self.data.clear()
        self.data[key] = value


@dataclass
class PageCache:
    """The serve wing's state: the newest source of the pages (Last-Modified is never
    older), and the rendered pages by key when the page cache is on."""

    released: datetime
    pages: BoundedCache


class PageResponse(Response):
    """A page, fragment or sitemap with its encoding already chosen from the page cache:
    flask-compress leaves it alone (finish, below)."""


def page_cache_enabled(app: Flask) -> bool:
    setting = app.config["PAGE_CACHE"]
    return (not app.debug) if setting is None else bool(setting)


def html_cache_control(config, shared: bool = True) -> str:
    return (
        f"{'public' if shared else 'private'}, max-age={int(config['HTML_MAX_AGE'])}, "
        f"stale-while-revalidate={int(config['HTML_STALE_WHILE_REVALIDATE'])}"
    )


def render_once(
    render: Callable[[], str], updated: datetime, released: datetime, headers: dict[str, str]
) -> Rendered:
    """Render, compress (brotli and gzip, the static files' own function) and prepare the
    headers of each variant: ETag is a hash of the body (with the encoding appended for a
    compressed one), Last-Modified the later of ``updated`` and the release."""
    body = render().encode("utf-8")
    etag = hashlib.sha256(body).hexdigest()[:32]
    encoded = {SUFFIXES[suffix]: data for suffix, data in compressed_variants(body).items()}
    common = {**headers, "Last-Modified": http_date(max(updated, released))}
    variants: dict[str | None, tuple[bytes, tuple[tuple[str, str], ...]]] = {
        None: (body, tuple({**common, "ETag": f'"{etag}"'}.items()))
    }
    for encoding, data in encoded.items():
        extra = {"Content-Encoding": encoding, "ETag": f'"{etag}:{encoding}"'}
        variants[encoding] = (data, tuple({**common, **extra}.items()))
    return Rendered(etag, variants, tuple(name for name in ENCODINGS if name in encoded))


def html_response(
    key: Hashable,
    render: Callable[[], str],
    updated: datetime,
    shared: bool = True,
    mimetype: str = "text/html",
    vary: tuple[str, ...] = (),
) -> Response:
    """A page or fragment from the page cache, in the encoding the client takes best, with
    its validators and caching headers. ``key`` names the content (the public origin is
    added when SITE_URL is unset: links carry it); ``vary``: the request headers the answer
    depends on besides Accept-Encoding. ``shared=False`` (fragments, at the page's URL) keeps
    it from shared caches that might ignore ``Vary``; nginx, whose key holds the fragment
    decision, keeps it anyway through ``X-Accel-Expires``."""
    app = current_app._get_current_object()
    if not app.config["SITE_URL"]:
        # The origin as the request gave it, read raw: request.root_url would build (and
        # IRI-decode) a URL on every request only to be used as a dictionary key.
        environ = request.environ
        key = (key, environ["wsgi.url_scheme"], environ.get("HTTP_HOST"), request.script_root)
    cache: PageCache = app.extensions[KEY]
    use_cache = page_cache_enabled(app)
    rendered = cache.pages.get(key) if use_cache else None
    if rendered is None:
        headers = {
            "Content-Type": f"{mimetype}; charset=utf-8",
            "Vary": ", ".join(("Accept-Encoding", *vary)),
        }
        if not shared:
            # nginx alone may keep it as long as a page (it keys fragments apart: app.conf's
            # cache key holds the fragment decision) and sends this header to no client.
            # Before Cache-Control: nginx then reads no "private" from it.
            headers["X-Accel-Expires"] = str(int(app.config["HTML_MAX_AGE"]))
        headers["Cache-Control"] = html_cache_control(app.config, shared)
        rendered = render_once(render, updated, cache.released, headers)
        if use_cache:
            cache.pages.set(key, rendered)
    # werkzeug's parser of Accept-Encoding: q-values honoured, q=0 refused, ties go to the
    # first of ours (brotli).
    encoding = request.accept_encodings.best_match(rendered.offered)
    body, headers = rendered.variants[encoding]
    return PageResponse(body, headers=headers)


def relative_location(response: Response) -> None:
    """werkzeug's routing redirects (``/sv`` -> ``/sv/``, merged slashes) name the request's
    own host: make them relative, so no answer (nor a cached one) sends a visitor to a host
    a client chose. The app's own redirects are relative already."""
    location = response.headers.get("Location")
    if not location:
        return
    parts = urlsplit(location)
    if parts.netloc and parts.netloc == request.host:
        response.headers["Location"] = urlunsplit(("", "", parts.path or "/", parts.query, ""))


def finish(response: Response) -> Response:
    """After every view: compression where the page cache did not choose, caching headers
    for the rest, relative redirects, then conditional GET."""
    if not isinstance(response, PageResponse):
        response = current_app.extensions["compress"].after_request(response)
    status = response.status_code
    if status >= 400 and not locale_in_path():
        # The error page's language was negotiated from Accept-Language.
        response.vary.add("Accept-Language")
    if "Cache-Control" not in response.headers:
        if status == 404:
            response.headers["Cache-Control"] = "public, max-age=60"
        elif 300 <= status < 400:
            response.headers["Cache-Control"] = "public, max-age=300"
        elif status >= 400:
            response.headers["Cache-Control"] = "no-store"
    if 300 <= status < 400:
        relative_location(response)
    if status == 200 and request.method in ("GET", "HEAD"):
        environ = request.environ
        if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            response.make_conditional(request)
    return response


# For what the page cache does not hold (error pages, robots.txt): cheap levels, per answer.
COMPRESS_DEFAULTS = {
    "COMPRESS_ALGORITHM": list(ENCODINGS),
    "COMPRESS_BR_LEVEL": 5,
    "COMPRESS_LEVEL": 6,
    # finish() calls flask-compress, only for the answers the page cache did not encode.
    "COMPRESS_REGISTER": False,
    # Conditional requests are answered by finish(), for compressed and plain bodies.
    "COMPRESS_EVALUATE_CONDITIONAL_REQUEST": False,
}


def released(app: Flask) -> datetime:
    """When the newest source of the pages changed: templates, static files, catalogs, code."""
    package = Path(__file__).parents[1]  # the code
    roots = [Path(app.template_folder), Path(app.static_folder), package]
    roots += [Path(app.config["CONTENT_DIR"]), Path(app.config["TRANSLATIONS_DIR"])]
    newest = 0.0
    for root in roots:
        for path in root.rglob("*"):
            # Built files (.mo, .pyc) and temporary ones (".name-XXXX" while another process
            # writes) are not sources, and a temporary file may vanish while we look.
            if path.name.startswith(".") or path.suffix in {".mo", ".pyc"}:
                continue
            try:
                if path.is_file():
                    newest = max(newest, path.stat().st_mtime)
            except FileNotFoundError:
                continue
    return datetime.fromtimestamp(int(newest), tz=UTC)


def init_app(app: Flask) -> None:
    app.extensions[KEY] = PageCache(released(app), BoundedCache())
    app.after_request(finish)
    for key, value in COMPRESS_DEFAULTS.items():
        app.config.setdefault(key, value)
    app.extensions["compress"] = Compress(app)  # flask-compress does not register itself
