"""The translators' panel, development only: the catalog entries behind the page on screen.

In `flask run` (debug) every call of gettext while a page renders is recorded, in the
request, by a wrapper around the Translations object Flask-Babel hands out (the Jinja i18n
calls, ``gettext``/``ngettext``/``pgettext``/``npgettext``, their lazy forms, and the
content files' per-paragraph entries all end there). The wrapper puts the text it returns
between two invisible markers naming the call. After rendering, the markers are read to
learn where each text landed (page order, element content, an attribute, the ``<head>``)
and taken out: a fuzzy, untranslated or failing entry in element content becomes an
outlined ``<span>`` (CSS ``outline`` takes no room, so the layout stays as it is); all
others leave no trace. A small box at the end of the page links to the panel's own page,
``/_translations?path=/en/...``, which renders that page again and lists its entries.

Nothing of this exists outside debug: ``init_app`` installs no hook, no route and no wrapper
there, so production renders exactly as before (tests/test_translation_panel.py).

English only, like the error page for a file being edited (templates/errors/editing.html):
see TRANSLATING.md, "Find the entry for a text: the translation panel".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    get_template_attribute,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup, escape

from ...config import StartError
from .catalog import FLAGGED, STATES, entries, page_view, shown, template_view
from .reading import ends, read
from .recording import CALLS, Key, RecordingDomain, unmarked

SETTING = "TRANSLATION_PANEL"
URL = "/_translations"
RESULT = "translation_panel_page"  # on flask.g: the rendered page, read (reading.PanelPage)

bp = Blueprint(
    "translation_panel",
    __name__,
    url_prefix=URL,
    static_folder="static",
    static_url_path="/static",
)


def start_recording() -> None:
    """Before a page renders: record its texts (not the panel's own page, nor files)."""
    # `flask freeze` runs in debug too where .flaskenv says so: the export is for visitors.
    if current_app.config["FREEZING"] or request.blueprint == bp.name:
        return
    if request.endpoint == "static":
        return
    g.setdefault(CALLS, [])
    RecordingDomain().as_default()


def finish_page(response: Response) -> Response:
    """After a page rendered: markers out, outlines in, and the box linking to the panel."""
    calls = g.get(CALLS)
    if calls is None or response.direct_passthrough:
        return response
    if response.mimetype != "text/html":
        if calls:  # a text that went into JSON, XML or plain text: its markers go
            response.set_data(unmarked(response.get_data(as_text=True)))
        return response
    text = response.get_data(as_text=True)
    locale = _locale()
    view = page_view(locale)

    def flag(key: Key) -> str | None:
        if view is None:
            return None
        state = view.state(view.find(key))
        return state if state in FLAGGED else None

    def opening(state: str, number: int, anchor: str | None) -> str:
        return str(macro("opening")(state, STATES[state], number, anchor))

    page = read(text, calls, flag, opening, str(macro("closing")()))
    g.setdefault(RESULT, page)
    html = page.html
    found = ends(html)
    if "body" in found and "head" in found:  # a whole page, not a fragment
        listed = entries(page, view)
        box = render_template(
            "translate/box.html",
            panel=url_for("translation_panel.panel", path=_path()),
            count=len(listed),
            flagged=sum(entry.flagged for entry in listed),
        )
        body, head = found["body"], found["head"]
        html = f"{html[:head]}{macro('stylesheet')()}{html[head:body]}{box}\n{html[body:]}"
    response.set_data(html)
    # What the panel adds changes without the page's text changing (a saved catalog that
    # fixes only a check): never answered 304 from a validator of the plain page.
    for name in ("ETag", "Last-Modified"):
        response.headers.pop(name, None)
    response.headers["Cache-Control"] = "no-store"
    return response


def macro(name: str) -> Callable:
    return get_template_attribute("translate/mark.html", name)


def _locale() -> str:
    from flask_babel import get_locale

    return str(get_locale())


def _path() -> str:
    return request.full_path.rstrip("?") if request.query_string else request.path


class PlainAnswers:
    """WSGI, development only: pages are sent uncompressed and never as 304, so the panel's
    after-request hook reads and rewrites the very bytes a page rendered to."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        for name in ("HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"):
            environ.pop(name, None)
        return self.app(environ, start_response)


# --- The panel's own page -----------------------------------------------------------------


@bp.get("")
def panel() -> str:
    """The entries behind the page at ``?path=``, rendered again here in a request of its
    own (a fresh app context: its own g, locale and recording)."""
    path = request.args.get("path", "")
    parts = urlsplit(path)
    if not path.startswith("/") or parts.netloc or path.startswith(URL):
        abort(400)
    only_flagged = request.args.get("show") == "flagged"
    app = current_app._get_current_object()
    with app.app_context(), app.test_request_context(path, base_url=request.host_url):
        response = app.full_dispatch_request()
        page = g.get(RESULT)
        locale = _locale()
        view = page_view(locale)
        listed = entries(page, view) if page else []
        if view is None and listed:
            template = template_view()
            for entry in listed:
                entry.message = template.find(entry.key) if template else None
        language = _language(locale)
        source = locale == app.config["BABEL_DEFAULT_LOCALE"]
    shown_entries = [e for e in listed if e.flagged] if only_flagged else listed
    counts = {state: sum(e.state == state for e in listed) for state in STATES}
    return render_template(
        "translate/panel.html",
        path=path,
        status=response.status_code,
        language=language,
        source=source,
        catalog=shown(view.path) if view else None,
        general=view.general if view else [],
        entries=shown_entries,
        total=len(listed),
        counts=counts,
        states=STATES,
        only_flagged=only_flagged,
        short=short,
        locale=locale,
        source_locale=app.config["BABEL_DEFAULT_LOCALE"],
    )


def _language(locale: str) -> str:
    from babel import Locale

    return Locale.parse(locale).get_display_name("en") or locale


def short(text: str, limit: int = 70) -> Markup | str:
    """The first words of a long text, for a summary line."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return Markup("{}…").format(escape(cut))


def init_app(app: Flask) -> None:
    """Debug only: ``TRANSLATION_PANEL`` (default: on in debug) turns it off. Outside debug
    nothing is installed, and asking for it stops the start."""
    setting = app.config.get(SETTING)
    if not app.debug:
        if setting:
            raise StartError(
                f"{SETTING} is for the development server only (flask run in debug mode): "
                f"remove SMARTSPEC_{SETTING} from this server's settings"
            )
        return
    if setting is False:
        return
    app.register_blueprint(bp)
    app.before_request(start_recording)
    app.after_request(finish_page)
    app.wsgi_app = PlainAnswers(app.wsgi_app)
