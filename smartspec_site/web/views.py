"""One blueprint for every page, generic over the site map, plus the locale-free routes.

A page's answer is made by the ``respond`` hook that create_app wires (the serve wing's page
cache), so the web layer renders and never caches."""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from jinja2_fragments.flask import render_block
from werkzeug.exceptions import BadHost, HTTPException, MethodNotAllowed, SecurityError

from ..content.page import Page
from ..content.sitemap import locales, site_map
from . import language
from .urls import absolute, add_locale, page_url, take_locale

bp = Blueprint("site", __name__, url_prefix="/<lang_code>")
bp.url_value_preprocessor(take_locale)
bp.url_defaults(add_locale)
KEY = "web"  # app.extensions[KEY]: the respond hook

# The request headers that decide between a full page and a fragment (htmx 2 and 4).
FRAGMENT_HEADERS = ("HX-Request", "HX-History-Restore-Request", "HX-Request-Type")


def wants_fragment() -> bool:
    """htmx asked for the part only. History restores (htmx 2's header, htmx 4's request
    type) want the whole page, so a bare fragment never lands in the history cache."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-History-Restore-Request") != "true"
        and headers.get("HX-Request-Type", "partial") != "full"
    )


@bp.get("/", defaults={"slug": ""})
@bp.get("/<path:slug>")
def page(slug: str) -> Response:
    pages = site_map()
    found = pages.resolve(g.lang_code, slug)
    if found is None:
        # /x/ for /x: static hosts serve pages as x/index.html and add the slash, so links
        # copied from the frozen site lead to the page here too.
        canonical = pages.resolve(g.lang_code, slug.rstrip("/")) if slug.endswith("/") else None
        if canonical is None:
            abort(404)
        return redirect(page_url(canonical), code=308)
    fragment = bool(found.fragment_block) and wants_fragment()
    return rendered(found, fragment)


def rendered(found: Page, fragment: bool) -> Response:
    """The page, or its fragment block, through the respond hook (the page cache)."""

    def render() -> str:
        context = page_context(found)
        if fragment:
            return render_block(found.template, found.fragment_block, **context)
        return render_template(found.template, **context)

    key = (g.lang_code, found.key, fragment)
    # A page that is also a fragment depends on the headers that choose between them.
    vary = FRAGMENT_HEADERS if found.fragment_block else ()
    return respond(key, render, found.updated, shared=not fragment, vary=vary)


def respond(key, render, updated, **options) -> Response:
    return current_app.extensions[KEY](key, render, updated, **options)


def page_context(page: Page) -> dict:
    pages = site_map()
    return {
        "page": page,
        "parent": pages[page.parent] if page.parent else None,
        "trail": pages.trail(page),
    }


# --- Locale-free routes -----------------------------------------------------------------


def root() -> Response:
    response = redirect(url_for("site.page", lang_code=language.negotiate(), slug=""), code=302)
    response.vary.add("Accept-Language")
    return response


def sitemap() -> Response:
    """Through the page cache like a page: rendered and compressed once, with validators
    (crawlers fetch it often, and it is the largest body on the site)."""
    pages = site_map()

    def render() -> str:
        return render_template("sitemap.xml", pages=pages.pages, locales=locales())

    newest = max(page.updated for page in pages)
    return respond(("sitemap",), render, newest, mimetype="application/xml")


def robots() -> Response:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {absolute(url_for('sitemap', _external=True))}\n"
    return Response(text, mimetype="text/plain")


def handle_http_error(error: HTTPException) -> Response:
    """An error page in the visitor's language, with the site chrome. (Flask passes the
    redirects its routing raises, such as /sv -> /sv/, straight through, not to here.)"""
    response = make_response(render_template("errors/error.html", error=error), error.code)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


def refuse_host(error: HTTPException) -> Response:
    """A Host this site does not serve: one that TRUSTED_HOSTS refuses (SecurityError), or
    one werkzeug cannot even encode (BadHost: 64 ``a``s, ``a..b``, ``.example``). Flask then
    has no URL adapter for the request, so no URL can be built (``url_for`` would fail, as
    the site's error page did, with a 500): the answer is plain text that builds none,
    never cached, and never anything rendered under that Host."""
    return Response(
        "400 Bad Request: this site does not answer to the host named in the request.\n",
        status=400,
        mimetype="text/plain",
        headers={"Cache-Control": "no-store"},
    )


def init_app(app: Flask, respond) -> None:
    app.extensions[KEY] = respond
    app.register_blueprint(bp)
    app.add_url_rule("/", "root", root)
    app.add_url_rule("/sitemap.xml", "sitemap", sitemap)
    app.add_url_rule("/robots.txt", "robots", robots)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(BadHost, refuse_host)
    app.register_error_handler(SecurityError, refuse_host)
