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
see TRANSLATING.md, "The translation panel".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.messages.catalog import Catalog, Message
from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    render_template,
    request,
    url_for,
)
from flask_babel import Domain, get_babel
from markupsafe import Markup, escape

from ..config import StartError
from . import checks, terms
from .catalogs import CatalogError, catalog_of, parse_catalog, translations_dir

SETTING = "TRANSLATION_PANEL"
URL = "/_translations"
CALLS = "translation_panel_calls"  # on flask.g: the texts recorded in this request
RESULT = "translation_panel_page"  # on flask.g: the rendered page, read (PanelPage)

bp = Blueprint(
    "translation_panel",
    __name__,
    url_prefix=URL,
    static_folder="panel_static",
    static_url_path="/static",
)

# --- Markers ------------------------------------------------------------------------------
# A recorded text is returned as OPEN + n + ... + CLOSE + n. Unicode punctuation that no
# text of the site uses, so Markdown reads an emphasis next to a marker as it reads one at
# the start or end of a text (CommonMark's flanking rules count punctuation as a boundary),
# and a text filter (lower, title) leaves it alone.
_DIGITS = "\u2e0e\u2e0f\u2e10\u2e11\u2e12\u2e13\u2e14\u2e15\u2e16\u2e18"
_OPEN, _OPEN_END, _CLOSE, _CLOSE_END = "\u2e00", "\u2e01", "\u2e06", "\u2e07"
_NUMBER = f"[{_DIGITS}]+"
MARKER = re.compile(f"{_OPEN}({_NUMBER}){_OPEN_END}|{_CLOSE}({_NUMBER}){_CLOSE_END}")
_TO_DIGIT = {ord(c): str(i) for i, c in enumerate(_DIGITS)}


def _number(n: int) -> str:
    return "".join(_DIGITS[int(d)] for d in str(n))


def marked(text: str, n: int) -> str:
    return f"{_OPEN}{_number(n)}{_OPEN_END}{text}{_CLOSE}{_number(n)}{_CLOSE_END}"


def unmarked(text: str) -> str:
    return MARKER.sub("", text)


# --- Recording ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """What gettext was asked for: the catalog entry's identity."""

    msgid: str
    context: str | None = None
    plural: str | None = None


class Recorder:
    """The request's Translations, recording every text asked for and marking the answer."""

    def __init__(self, translations: Any, calls: list[Key]):
        self._translations = translations
        self._calls = calls

    def _mark(self, text: str, key: Key) -> str:
        self._calls.append(key)
        return marked(text, len(self._calls) - 1)

    def ugettext(self, message: str) -> str:
        return self._mark(self._translations.ugettext(message), Key(message))

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        text = self._translations.ungettext(singular, plural, n)
        return self._mark(text, Key(singular, None, plural))

    def upgettext(self, context: str, message: str) -> str:
        return self._mark(self._translations.upgettext(context, message), Key(message, context))

    def unpgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        text = self._translations.unpgettext(context, singular, plural, n)
        return self._mark(text, Key(singular, context, plural))

    gettext, ngettext, pgettext, npgettext = ugettext, ungettext, upgettext, unpgettext

    def __getattr__(self, name: str) -> Any:
        return getattr(self._translations, name)


class RecordingDomain(Domain):
    """The app's own domain (and so its cache, which the live reload clears), recorded."""

    def get_translations(self) -> Any:
        translations = get_babel().instance.domain_instance.get_translations()
        return Recorder(translations, g.setdefault(CALLS, []))


# --- The catalog's view of an entry -----------------------------------------------------

STATES = {
    "translated": "Translated",
    "fuzzy": "Fuzzy",
    "untranslated": "Untranslated",
    "missing": "Not in the catalog",
    "check": "Fails a check",
    "source": "Source text",
}
FLAGGED = ("fuzzy", "untranslated", "missing", "check")  # outlined on the page
_MSGID_SUFFIX = re.compile(r'\s*\(msgid ".*"\)\s*$', re.S)


@dataclass(frozen=True)
class CatalogView:
    """A catalog as the panel reads it: entries, and each entry's problems by its line."""

    path: Path
    catalog: Catalog
    problems: dict[int, list[str]]
    general: list[str]  # problems of the whole catalog or of the terminology list

    def find(self, key: Key) -> Message | None:
        return self.catalog.get(key.msgid, key.context)

    def state(self, message: Message | None) -> str:
        if message is None:
            return "missing"
        if not checks.is_translated(message):
            return "untranslated"
        if message.fuzzy:
            return "fuzzy"
        return "check" if self.problems.get(message.lineno) else "translated"


def _stamp(*paths: Path) -> tuple:
    """What changes when a file is saved: a cached reading of it is then read again."""
    return tuple((p, p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (p,) for p in paths)


def catalog_view(po: Path, source: str) -> CatalogView:
    return _catalog_view(po, source, _stamp(po, terms.path_for(po)))


@cache
def _catalog_view(po: Path, source: str, stamp: tuple) -> CatalogView:
    """The rules of `flask translate check` (translate/cli.py's check) that concern one
    entry, by the entry's line; read again whenever the catalog or its list changes."""
    catalog = parse_catalog(po)
    found: list[CatalogError] = []
    general: list[str] = []
    found += checks.entry_problems(po, catalog)
    found += checks.content_problems(po, catalog)
    found += checks.msgfmt_problems(po, catalog)
    try:
        found += terms.problems(po, catalog, terms.load(terms.path_for(po)), source)
    except CatalogError as exc:
        general.append(str(exc))
    for message, errors in catalog.check():  # Babel's own: placeholders, plural forms
        found += [CatalogError(po, message.lineno, str(error)) for error in errors]
    starts = sorted(m.lineno - (1 if m.context else 0) for m in catalog if m.id)
    lines = {m.lineno - (1 if m.context else 0): m.lineno for m in catalog if m.id}
    problems: dict[int, list[str]] = {}
    for problem in found:
        index = bisect.bisect_right(starts, problem.lineno or 0) - 1
        if problem.lineno is None or index < 0:
            general.append(problem.message)
            continue
        text = _MSGID_SUFFIX.sub("", problem.message)
        entry = problems.setdefault(lines[starts[index]], [])
        if text not in entry:
            entry.append(text)
    return CatalogView(po, catalog, problems, general)


# --- Reading the rendered page ------------------------------------------------------------

# Elements whose content is text only, never elements: a marker there cannot become a span.
_RAW = ("script", "style", "textarea", "title", "option", "template")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)\s*=\s*["'][^"']*$""")


@dataclass
class Use:
    """Where one call's text landed: ``text`` (element content), ``attribute``, ``head``,
    ``hidden`` (a script, a comment, a title or an option), or ``unseen``."""

    where: str
    detail: str = ""


@dataclass
class PanelPage:
    """A rendered page with its markers read: the HTML to send, and every call's use."""

    html: str
    calls: list[Key]
    uses: dict[int, Use] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)  # call numbers in page order
    numbers: dict[Key, int] = field(default_factory=dict)  # entry numbers, in page order

    def number(self, n: int) -> int:
        return self.numbers.setdefault(self.calls[n], len(self.numbers) + 1)


def _regions(html: str) -> list[tuple[int, int, str]]:
    """(start, end, what) of the parts where a marker is not element content: the head, each
    tag (its attributes), each comment and the text of each text-only element."""
    regions: list[tuple[int, int, str]] = []
    head = html.find("</head>")
    if head >= 0:
        regions.append((0, head, "head"))
    position = 0
    while found := _TAG.search(html, position):
        start, end = found.span()
        name = (found[2] or "").lower()
        if found[0].startswith("<!--"):
            regions.append((start, end, "hidden <!-- comment -->"))
        else:
            regions.append((start, end, f"attribute <{name}>"))
            if not found[1] and name in _RAW:
                close = re.compile(f"</{name}\\s*>", re.I).search(html, end)
                stop = close.start() if close else len(html)
                regions.append((end, stop, f"hidden <{name}>"))
                position = stop
                continue
        position = end
    return regions


def read(html: str, calls: list[Key], flag: Callable[[Key], str | None]) -> PanelPage:
    """Take the markers out of ``html``; a flagged call in element content becomes an
    outlined span (``flag`` gives its state, None for a text that needs no outline)."""
    page = PanelPage(html, calls)
    regions = sorted(_regions(html))
    starts = [start for start, _, _ in regions]
    spans: set[int] = set()
    anchored: set[int] = set()

    def where(position: int) -> Use:
        index = bisect.bisect_right(starts, position) - 1
        # A marker in the head may also sit in a tag there: the innermost region decides.
        inside = [r for r in regions[: index + 1] if r[0] <= position < r[1]]
        if not inside:
            return Use("text")
        what = inside[-1][2]
        if what.startswith("attribute"):
            tag = html[inside[-1][0] : position]
            name = _ATTRIBUTE.search(tag)
            detail = f"{name[1] if name else '?'} of {what.split()[1]}"
        else:
            detail = what.split(" ", 1)[-1]
        if inside[0][2] == "head":
            return Use("head", detail)
        return Use(what.split()[0], detail)

    def replace(found: re.Match) -> str:
        closing = found[1] is None
        n = int((found[2] if closing else found[1]).translate(_TO_DIGIT))
        if closing:
            return "</span>" if n in spans else ""
        use = where(found.start())
        if n >= len(calls):
            return ""
        if n not in page.uses:
            page.uses[n] = use
            page.order.append(n)
        number = page.number(n)
        state = flag(calls[n]) if use.where == "text" else None
        if state is None:
            return ""
        spans.add(n)
        attrs = f'class="translation-mark translation-mark--{state}"'
        if number not in anchored:
            anchored.add(number)
            attrs += f' id="{anchor(number)}"'
        title = f"{STATES[state]}: entry {number} in the translation panel"
        return f'<span {attrs} title="{title}">'

    page.html = MARKER.sub(replace, html)
    for n in range(len(calls)):
        if n not in page.uses:
            page.uses[n] = Use("unseen")
            page.order.append(n)
            page.number(n)
    return page


def anchor(number: int) -> str:
    """The id of an entry's first outlined text on the page."""
    return f"translation-entry-{number}"


# --- The panel: entries in page order -------------------------------------------------------


@dataclass
class Entry:
    number: int
    key: Key
    state: str
    message: Message | None
    problems: list[str]
    uses: list[Use]
    anchor: str | None

    @property
    def forms(self) -> list[tuple[str, str]]:
        """(label, text) of each msgstr: one, or one per plural form."""
        if self.message is None:
            return []
        if isinstance(self.message.string, str):
            return [("msgstr", self.message.string)]
        return [(f"msgstr[{i}]", s) for i, s in enumerate(self.message.string)]

    @property
    def flagged(self) -> bool:
        return self.state in FLAGGED

    @property
    def sources(self) -> list[str]:
        if self.message is None:
            return []
        return list(dict.fromkeys(filename for filename, _ in self.message.locations))


def shown(path: Path) -> str:
    """A path as `flask translate check` names it: from the folder that holds translations/."""
    project = translations_dir().resolve().parent
    path = path.resolve()
    return str(path.relative_to(project)) if path.is_relative_to(project) else str(path)


def entries(page: PanelPage, view: CatalogView | None) -> list[Entry]:
    """One entry per catalog entry used, in the order of its first use on the page."""
    found: dict[Key, Entry] = {}
    for n in page.order:
        key = page.calls[n]
        use = page.uses[n]
        if key not in found:
            message = view.find(key) if view else None
            state = view.state(message) if view else "source"
            problems = view.problems.get(message.lineno, []) if view and message else []
            number = page.numbers[key]
            found[key] = Entry(number, key, state, message, list(problems), [], None)
        entry = found[key]
        if use not in entry.uses:
            entry.uses.append(use)
        if use.where == "text" and entry.flagged:
            entry.anchor = anchor(entry.number)
    return list(found.values())


def page_view(locale: str) -> CatalogView | None:
    """The catalog of the page's language; None for the source language, which has none."""
    if locale == current_app.config["BABEL_DEFAULT_LOCALE"]:
        return None
    po = catalog_of(translations_dir(), locale)
    return catalog_view(po, current_app.config["BABEL_DEFAULT_LOCALE"]) if po.is_file() else None


def template_view() -> CatalogView | None:
    """messages.pot, for the references of a Swedish page's entries."""
    pot = translations_dir() / "messages.pot"
    return _template_view(pot, _stamp(pot)) if pot.is_file() else None


@cache
def _template_view(pot: Path, stamp: tuple) -> CatalogView:
    return CatalogView(pot, parse_catalog(pot), {}, [])


# --- Hooks ----------------------------------------------------------------------------------


def start_recording() -> None:
    """Before a page renders: record its texts (not the panel's own page, nor files)."""
    if request.blueprint == bp.name or request.endpoint == "static":
        return
    g.setdefault(CALLS, [])
    RecordingDomain().as_default()


def finish_page(response: Response) -> Response:
    """After a page rendered: markers out, outlines in, and the box linking to the panel."""
    calls = g.get(CALLS)
    if calls is None or response.direct_passthrough:
        return response
    if not response.mimetype.startswith("text/") and "xml" not in response.mimetype:
        return response
    text = response.get_data(as_text=True)
    if response.mimetype != "text/html":
        response.set_data(unmarked(text))
        return response
    locale = _locale()
    view = page_view(locale)

    def flag(key: Key) -> str | None:
        if view is None:
            return None
        state = view.state(view.find(key))
        return state if state in FLAGGED else None

    page = read(text, calls, flag)
    g.setdefault(RESULT, page)
    html = page.html
    if "</body>" in html:
        listed = entries(page, view)
        box = render_template(
            "translate/box.html",
            panel=url_for("translation_panel.panel", path=_path()),
            count=len(listed),
            flagged=sum(entry.flagged for entry in listed),
        )
        html = html.replace("</body>", f"{box}\n</body>", 1)
        stylesheet = url_for("translation_panel.static", filename="panel.css")
        link = f'<link rel="stylesheet" href="{stylesheet}">\n'
        html = html.replace("</head>", f"{link}</head>", 1)
    response.set_data(html)
    # What the panel adds changes without the page's text changing (a saved catalog that
    # fixes only a check): never answered 304 from a validator of the plain page.
    for name in ("ETag", "Last-Modified"):
        response.headers.pop(name, None)
    response.headers["Cache-Control"] = "no-store"
    return response


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
            raise StartError(f"{SETTING} works in debug only (flask run): it is never served")
        return
    if setting is False:
        return
    app.register_blueprint(bp)
    app.before_request(start_recording)
    app.after_request(finish_page)
    app.wsgi_app = PlainAnswers(app.wsgi_app)
