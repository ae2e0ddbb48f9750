"""One blueprint for every page, generic over the site map, plus the locale-free routes."""

from __future__ import annotations

from datetime import datetime

from babel import Locale
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
from flask_babel import format_datetime, pgettext
from flask_babel import lazy_gettext as _l
from jinja2_fragments.flask import render_block
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from . import i18n, serving, texts
from .content import SITE, Page

bp = Blueprint("site", __name__, url_prefix="/<lang_code>")

# The request headers that decide between a full page and a fragment (htmx 2 and 4).
FRAGMENT_HEADERS = ("HX-Request", "HX-History-Restore-Request", "HX-Request-Type")


@bp.url_value_preprocessor
def take_locale(endpoint: str | None, values: dict | None) -> None:
    code = (values or {}).pop("lang_code", None)
    if not i18n.is_locale(code):
        abort(404)  # validated before use: an unknown code never reaches Babel
    g.lang_code = code


@bp.url_defaults
def add_locale(endpoint: str, values: dict) -> None:
    values.setdefault("lang_code", g.get("lang_code") or i18n.current_locale())


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
    found = SITE.resolve(g.lang_code, slug)
    if found is None:
        # /x/ for /x: static hosts serve pages as x/index.html and add the slash, so links
        # copied from the frozen site lead to the page here too.
        canonical = SITE.resolve(g.lang_code, slug.rstrip("/")) if slug.endswith("/") else None
        if canonical is None:
            abort(404)
        return redirect(page_url(canonical), code=308)
    fragment = bool(found.fragment_block) and wants_fragment()
    response = rendered(found, fragment)
    if found.fragment_block:
        response.vary.update(FRAGMENT_HEADERS)
    return response


def rendered(found: Page, fragment: bool) -> Response:
    """The page, or its fragment block, through the rendered-page cache."""

    def render() -> str:
        context = page_context(found)
        if fragment:
            return render_block(found.template, found.fragment_block, **context)
        return render_template(found.template, **context)

    key = (g.lang_code, found.key, fragment)
    return serving.html_response(key, render, found.updated, shared=not fragment)


def page_context(page: Page) -> dict:
    return {
        "page": page,
        "subject": page.subject,
        "parent": SITE[page.parent] if page.parent else None,
        "trail": SITE.trail(page),
    }


# --- URLs ---------------------------------------------------------------------------


def page_url(target: Page | str, locale: str | None = None, external: bool = False) -> str:
    page = SITE[target] if isinstance(target, str) else target
    locale = locale or i18n.current_locale()
    url = url_for("site.page", lang_code=locale, slug=page.path(locale), _external=external)
    return absolute(url) if external else url


def absolute(url: str) -> str:
    """Use the configured public origin for canonical and alternate links, if one is set."""
    base = current_app.config["SITE_URL"].rstrip("/")
    if not base:
        return url
    path = url.split("://", 1)[-1]
    return base + path[path.find("/") :]


def locale_name(code: str) -> str:
    """A language's name in that language ("svenska" -> "Svenska"), for the switcher."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def last_updated(moment: datetime) -> str:
    # Translators: a Babel (CLDR) date pattern for "Last updated", e.g. "d MMMM yyyy, HH:mm"
    # gives "4 January 2022, 14:42". Letters are pattern codes, not words: see
    # https://babel.pocoo.org/en/latest/dates.html#date-fields
    return format_datetime(moment, pgettext("date format", "yyyy-MM-dd HH:mm"))


# --- Locale-free routes -----------------------------------------------------------------


def root() -> Response:
    response = redirect(url_for("site.page", lang_code=i18n.negotiate(), slug=""), code=302)
    response.vary.add("Accept-Language")
    return response


def sitemap() -> Response:
    """Through the page cache like a page: rendered and compressed once, with validators
    (crawlers fetch it often, and it is the largest body on the site)."""

    def render() -> str:
        return render_template("sitemap.xml", pages=SITE.pages, locales=i18n.locales())

    newest = max(page.updated for page in SITE)
    return serving.html_response(("sitemap",), render, newest, mimetype="application/xml")


def robots() -> Response:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {absolute(url_for('sitemap', _external=True))}\n"
    return Response(text, mimetype="text/plain")


ERROR_HEADINGS = {
    # Translators: heading of the "page not found" (404) page.
    404: _l("Sidan finns inte"),
    # Translators: heading of the 405 page: the address exists, not for this use.
    405: _l("Det går inte att göra så här"),
    # Translators: heading of the page for an error on the server (500).
    500: _l("Ett tekniskt fel har uppstått"),
}


def handle_http_error(error: HTTPException) -> Response:
    """An error page in the visitor's language, with the site chrome. (Flask passes the
    redirects its routing raises, such as /sv -> /sv/, straight through, not to here.)"""
    # Translators: heading of an error page for other errors than the ones above.
    heading = ERROR_HEADINGS.get(error.code, _l("Begäran kunde inte behandlas"))
    html = render_template("errors/error.html", error=error, heading=heading)
    response = make_response(html, error.code)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.add_url_rule("/", "root", root)
    app.add_url_rule("/sitemap.xml", "sitemap", sitemap)
    app.add_url_rule("/robots.txt", "robots", robots)
    app.register_error_handler(HTTPException, handle_http_error)
    app.jinja_env.globals.update(
        site=SITE,
        texts=texts,
        page_url=page_url,
        locales=i18n.locales,
        locale_name=locale_name,
        last_updated=last_updated,
    )
