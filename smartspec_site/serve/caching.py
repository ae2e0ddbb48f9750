"""HTTP behaviour for production: cached rendering, validators, caching headers, compression
and the health check.

Every page is a pure function of (locale, page, full page or fragment, public origin): the
content is data in the repository. So a rendered page is kept in memory with its ETag (a hash
of the body), not in debug, where a translator's saved catalog must show at once. Its
``Last-Modified`` is the later of the page's ``updated`` date and the release (the newest
file the pages are made from), so a deploy that changes a template, a catalog or a static
file is never answered 304 to an ``If-Modified-Since`` from before it. flask-compress compresses
HTML and keeps each compressed body in a small cache keyed by that content hash; its ETag
gets the encoding appended (``"abc:br"``), as a different representation must. Conditional
requests are answered last, so they see the final ETag. Finally ``ResponseCache``, in front
of Flask, replays a finished page response (headers and compressed body) for the next
identical request, so a warm page costs a dictionary lookup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, Response, current_app, request
from flask_compress import Compress
from werkzeug.http import http_date

from .. import i18n
from ..state import state
from ..translate.catalogs import translations_dir

HEALTH_PATH = "/healthz"
MAX_CACHED = 512  # distinct bodies; pages x locales x variants is about 80


@dataclass(frozen=True, slots=True)
class Rendered:
    body: bytes
    etag: str
    last_modified: str


class BoundedCache:
    """A dict that starts over when full: enough for a site of ~80 bodies, and bounded
    whatever Host headers or paths a client invents."""

    def __init__(self, limit: int = MAX_CACHED):
        self.limit = limit
        self.data: dict = {}

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value) -> None:
        if len(self.data) >= self.limit:
            self.data.clear()
        self.data[key] = value


class CompressedBodies(BoundedCache):
    """flask-compress's COMPRESS_CACHE_BACKEND. Its key is ``<algorithm>;<cache key>``; only
    responses with a content hash have a cache key, the rest are compressed each time."""

    def get(self, key: str):
        return None if key.endswith(";") else super().get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            super().set(key, value)


ETAG_KEY = "smartspec.body_etag"


def compressed_cache_key(request) -> str:
    # In the WSGI environ, not in `g`: that is per request, whatever contexts are pushed.
    return request.environ.get(ETAG_KEY, "")


def page_cache_enabled(app: Flask) -> bool:
    setting = app.config["PAGE_CACHE"]
    return (not app.debug) if setting is None else bool(setting)


def html_cache_control(config, shared: bool = True) -> str:
    return (
        f"{'public' if shared else 'private'}, max-age={int(config['HTML_MAX_AGE'])}, "
        f"stale-while-revalidate={int(config['HTML_STALE_WHILE_REVALIDATE'])}"
    )


def html_response(
    key: Hashable,
    render: Callable[[], str],
    updated: datetime,
    shared: bool = True,
    mimetype: str = "text/html",
) -> Response:
    """A page or fragment from the rendered-page cache, with its validators and caching
    headers. ``key`` names the content; the public origin is added here, because canonical
    and alternate links carry it.

    ``shared=False`` (fragments) keeps the response out of shared caches: it has the page's
    URL, and a CDN that ignores ``Vary: HX-Request`` must never hand it to a visitor. The
    browser's own cache honours ``Vary``, so it may keep it."""
    app = current_app._get_current_object()
    if not app.config["SITE_URL"]:
        # The origin as the request gave it, read raw: request.root_url would build (and
        # IRI-decode) a URL on every request only to be used as a dictionary key.
        environ = request.environ
        key = (key, environ["wsgi.url_scheme"], environ.get("HTTP_HOST"), request.script_root)
    site = state(app)
    cache: BoundedCache = site.pages
    use_cache = page_cache_enabled(app)
    rendered = cache.get(key) if use_cache else None
    if rendered is None:
        body = render().encode("utf-8")
        modified = max(updated, site.released)
        rendered = Rendered(body, hashlib.sha256(body).hexdigest()[:32], http_date(modified))
        if use_cache:
            cache.set(key, rendered)
    request.environ[ETAG_KEY] = rendered.etag
    if use_cache:
        request.environ[STORABLE] = True
    response = app.response_class(rendered.body, mimetype=mimetype)
    response.set_etag(rendered.etag)
    response.headers["Last-Modified"] = rendered.last_modified
    response.headers["Cache-Control"] = html_cache_control(app.config, shared)
    return response


STORABLE = "smartspec.storable"
# Everything in a request that a page or fragment response depends on (besides the path):
# the public origin (when SITE_URL is unset), the encoding negotiation, and the headers that
# choose between page and fragment. Query strings do not change a page.
KEY_ENVIRON = (
    "wsgi.url_scheme",
    "HTTP_HOST",
    "SCRIPT_NAME",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_HX_REQUEST",
    "HTTP_HX_HISTORY_RESTORE_REQUEST",
    "HTTP_HX_REQUEST_TYPE",
)
BYPASS_ENVIRON = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_RANGE")


class ResponseCache:
    """WSGI middleware in front of Flask: the finished responses of pages and fragments
    (status, headers, compressed body), replayed for the next identical request.

    Only what Flask marks storable is kept: a 200 from ``html_response`` with the page cache
    on (never in debug), for GET or HEAD. The key holds the method, the path and every
    request header the response depends on (``KEY_ENVIRON``; a superset of its ``Vary``).
    Conditional requests go to Flask, which answers 304. Bounded like the page cache."""

    def __init__(self, app, limit: int = MAX_CACHED):
        self.app = app
        self.cache = BoundedCache(limit)

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD") or any(h in environ for h in BYPASS_ENVIRON):
            return self.app(environ, start_response)
        key = (method, environ.get("PATH_INFO"), *(environ.get(h) for h in KEY_ENVIRON))
        hit = self.cache.data.get(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, list(headers))
            return [body]

        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, list(headers)]
            return start_response(status, headers, exc_info)

        result = self.app(environ, capture)
        if not environ.get(STORABLE) or not captured or not captured[0].startswith("200"):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.cache.set(key, (captured[0], tuple(captured[1]), body))
        return [body]


def finish(response: Response) -> Response:
    """Runs after flask-compress: caching headers for the rest, then conditional GET."""
    status = response.status_code
    if status >= 400 and not i18n.locale_in_path():
        # The error page's language was negotiated from Accept-Language.
        response.vary.add("Accept-Language")
    if "Cache-Control" not in response.headers:
        if status == 404:
            response.headers["Cache-Control"] = "public, max-age=60"
        elif 300 <= status < 400:
            response.headers["Cache-Control"] = "public, max-age=300"
        elif status >= 400:
            response.headers["Cache-Control"] = "no-store"
    if status == 200 and request.method in ("GET", "HEAD"):
        environ = request.environ
        if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
            response.make_conditional(request)
    return response


def healthz() -> Response:
    """For load balancers: tiny, never cached, and left out of gunicorn's access log."""
    return Response("ok\n", mimetype="text/plain", headers={"Cache-Control": "no-store"})


# Compressed bodies are cached by content hash, so the strongest levels cost once.
COMPRESS_DEFAULTS = {
    "COMPRESS_ALGORITHM": ["br", "zstd", "gzip"],
    "COMPRESS_BR_LEVEL": 11,
    "COMPRESS_LEVEL": 9,
    "COMPRESS_ZSTD_LEVEL": 19,
    "COMPRESS_CACHE_BACKEND": CompressedBodies,
    "COMPRESS_CACHE_KEY": compressed_cache_key,
    # Conditional requests are answered by finish(), for compressed and plain bodies.
    "COMPRESS_EVALUATE_CONDITIONAL_REQUEST": False,
}


def released(app: Flask) -> datetime:
    """When the newest source of the pages changed: templates, static files, catalogs, code."""
    package = Path(__file__).parents[1]  # the code
    roots = [Path(app.template_folder), Path(app.static_folder), translations_dir(app), package]
    roots.append(Path(app.config["CONTENT_DIR"]))
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
    site = state(app)
    site.released = released(app)
    site.pages = BoundedCache()
    app.add_url_rule(HEALTH_PATH, "healthz", healthz)
    # Registered before flask-compress so that it runs after it (Flask runs after_request
    # functions in reverse order).
    app.after_request(finish)
    for key, value in COMPRESS_DEFAULTS.items():
        app.config.setdefault(key, value)
    Compress(app)
