"""The form's answers, GOV.UK's "Is this page useful?" in two steps, and the report.

The form's address names its page: ``/sv/synpunkter?page=/sv/…`` (``/en/feedback?page=…``).
GET there shows that page's form (never a 405: Dillo follows an error link by GET), POST
sends it. Each step is a POST → 303 → the next step without JavaScript, and the same steps
swapped in place for htmx (``HX-Request: true``):

1. **Yes or No**, two submit buttons: the answer is stored at once, with the SHA-256 digest of
   a random single-use key; 303 to the second step's address, which carries the key.
2. **Tell us more** (optional): its text is added to that answer by the key, which the same
   UPDATE spends (``store.attach``); a replayed, expired or forged key stores nothing. Then
   the thank-you.

"Report a problem with this page" (``&step=problem``) stores a text without an answer; the
accessibility report (on its own page) stores one with the category ``accessibility``.
A mistake the visitor can mend gets the same step again (422) with GOV.UK's error summary
and what they typed. The key is the database's, not a signed token: docs/feedback.md says why.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request
from flask import url_for as flask_url_for

from ..content.page import Page
from ..content.sitemap import site_map
from ..web.urls import add_locale, page_url, take_locale
from ..web.views import page_context
from . import guard, store
from .form import FeedbackForm, Refused, read_body, refused_values
from .models import Feedback

bp = Blueprint("feedback", __name__, url_prefix="/<lang_code>")
bp.url_value_preprocessor(take_locale)
bp.url_defaults(add_locale)

# The form's address and its thank-you page, per language; other languages use Swedish.
SLUGS = {"sv": ("synpunkter", "tack"), "en": ("feedback", "thank-you")}
REPORT_PAGE = "accessibility-report"  # the accessibility report's own page (content/pages/)
STATEMENT = "accessibility"  # the accessibility statement, where a report about the site leads
KEY = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
KEY_LIFETIME = timedelta(hours=2)  # how long after the answer its text may follow
log = logging.getLogger(__name__)


def slugs(locale: str) -> tuple[str, str]:
    return SLUGS.get(locale) or SLUGS[current_app.config["BABEL_DEFAULT_LOCALE"]]


def submit_url(locale: str | None = None) -> str:
    locale = locale or g.get("lang_code") or current_app.config["BABEL_DEFAULT_LOCALE"]
    return flask_url_for("feedback.submit", lang_code=locale, slug=slugs(locale)[0])


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


@dataclass
class FormState:
    """What a template needs to draw a form: the page it is on, the page it is about (none:
    the whole site), its category, its step ("ask": yes or no; "more": tell us more, with
    its key; "problem": report a problem with the page), the submitted form (none: empty)
    and whether it was received."""

    shown_on: Page
    about: Page | None
    category: str = "page"
    form: FeedbackForm | None = None
    received: bool = False
    errors: list[tuple[str, str]] = field(default_factory=list)
    in_place: bool = False  # answered to htmx: the error summary goes inside the form
    step: str = "ask"
    key: str | None = None

    def query(self) -> str:
        """The query of this step's address: the page, and the step when it is not the
        first."""
        args = {"page": page_url(self.shown_on)}
        if self.step == "more" and self.key:
            args["key"] = self.key
        elif self.step == "problem":
            args["step"] = "problem"
        return "?" + urlencode(args, safe="/")

    def address(self) -> str:
        return submit_url() + self.query()


def in_place() -> bool:
    """htmx sent the form: the answer is the form alone, swapped in place. Unlike a page
    (web.views.wants_fragment), no history restore asks for it: it is never cached."""
    return request.headers.get("HX-Request") == "true"


def addressed() -> FormState:
    """The form the address names: its page (the start page when none is named), its step."""
    pages = site_map()
    args = request.args
    path = args.get("page") or page_url(pages["start"])
    locale, _, rest = path.lstrip("/").partition("/")
    found = pages.resolve(locale, rest) if path.startswith("/") else None
    if found is None or page_url(found, locale) != path:
        abort(404)
    if found.key == REPORT_PAGE:
        return FormState(found, None, "accessibility")
    key = args.get("key")
    if key is not None:
        if not KEY.fullmatch(key):
            abort(404)
        return FormState(found, found, step="more", key=key)
    if args.get("step") == "problem":
        return FormState(found, found, step="problem")
    return FormState(found, found)


@bp.route("/<any(synpunkter, feedback):slug>", methods=["GET", "POST"])
def submit(slug: str) -> Response:
    if slug != slugs(g.lang_code)[0]:
        abort(404)
    named = addressed() if "page" in request.args else None
    if request.method != "POST":
        return show(named or addressed())
    if why := guard.refusal():
        log.info("feedback refused as cross-site: %s", why)
        abort(403)
    try:
        form = FeedbackForm(read_body())
        refused_values(form)
        about = resolve(form.page.data, form.category.data)
        step = named.step if named else "ask"
        if step == "ask" and not form.answer.data and form.text.data:
            step = "problem"  # a text without Yes or No reports a problem (older forms)
        mismatch = named and (named.category, named.about) != (form.category.data, about)
        if mismatch and "page" in (named.category, form.category.data):
            raise Refused(400, "the form's page is not the page its address names")
        if step != "ask" and form.answer.data:
            raise Refused(400, f"the step {step!r} has no yes or no")
    except Refused as refused:
        log.info("feedback refused (%s): %s", refused.status, refused.reason)
        abort(refused.status)
    shown_on = site_map()[REPORT_PAGE] if form.category.data == "accessibility" else about
    form_state = FormState(shown_on, about, form.category.data, form, step=step)
    form_state.key = named.key if named else None
    back = return_url(about)
    if form.website.data:  # the honeypot: a robot is told it worked, and nothing is kept
        log.info("feedback dropped: the honeypot was filled in")
        return received(form_state, back)
    form.step = step
    if not form.validate():
        if step == "ask" and form.text.errors:  # an older form's text, too long
            form_state.step = "problem"
        return with_errors(form_state)
    page = page_url(about) if about else ""
    if step == "more":
        if not attached(form_state.key, page, form.text.data):
            log.info("feedback refused (409): a spent, expired or unknown key")
            abort(409)
        return received(form_state, back)
    key = secrets.token_urlsafe(32) if step == "ask" and not form.text.data else None
    store.save(
        Feedback(
            created=datetime.now(UTC),
            page=page,
            locale=g.lang_code,
            category=form.category.data,
            answer=form.answer.data or None,
            text=form.text.data,
            token=digest(key) if key else None,
        )
    )
    if key:  # the answer is stored: on to "tell us more"
        more = FormState(shown_on, about, step="more", key=key)
        if in_place():
            return no_store(Response(render_template("feedback/form.html", feedback=more)))
        return no_store(redirect(more.address(), code=303))
    return received(form_state, back)


def attached(key: str | None, page: str, text: str) -> bool:
    """The second step's text onto the first step's answer. An empty text spends the key
    and stores nothing; it is thanked whatever the key was."""
    if key is None:
        return False
    taken = store.attach(digest(key), page, text, datetime.now(UTC) - KEY_LIFETIME)
    return taken or not text


def show(form_state: FormState) -> Response:
    """GET at the form's address: that page's form, at the step the address names (htmx:
    the form alone, in place)."""
    if in_place():
        return no_store(Response(render_template("feedback/form.html", feedback=form_state)))
    return no_store(Response(render_page(form_state)))


def render_page(form_state: FormState) -> str:
    if form_state.category == "accessibility":
        page = form_state.shown_on
        context = page_context(page)
        return render_template(page.template, **context, feedback=form_state)
    return render_template("feedback/page.html", page=form_state.shown_on, feedback=form_state)


def resolve(path: str | None, category: str) -> Page | None:
    """The page a form is about: one of the site map's, in any language. An accessibility
    report may be about the whole site (no page)."""
    if not path and category == "accessibility":
        return None
    locale, _, rest = (path or "").lstrip("/").partition("/")
    found = site_map().resolve(locale, rest) if (path or "").startswith("/") else None
    if found is None or page_url(found, locale) != path:
        raise Refused(400, f"the page {path!r} is not a page of this site")
    return found


def return_url(about: Page | None) -> str:
    """Where the thank-you page leads back to: the page, on the origin the form was posted
    from when that is the static export's, else here."""
    target = about or site_map()[STATEMENT]
    path = page_url(target)
    export = current_app.config["EXPORT_URL"]
    origin = request.headers.get("Origin")
    if export and origin and guard.origin_of(origin) == guard.origin_of(export):
        return guard.origin_of(export) + path
    return path


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("HX-Request")
    return response


def received(form_state: FormState, back: str) -> Response:
    if in_place():
        form_state.received = True
        return no_store(Response(render_template("feedback/form.html", feedback=form_state)))
    thanks = flask_url_for(
        "feedback.thanks", slug=slugs(g.lang_code)[0], done=slugs(g.lang_code)[1], page=back
    )
    return no_store(redirect(thanks, code=303))


def with_errors(form_state: FormState) -> Response:
    """The step again with GOV.UK's error summary. Each link leads to its question's group,
    label or legend included: without script the browser scrolls that into view, and
    site.js moves focus on to the field (GOV.UK's error summary does the same)."""
    form = form_state.form
    form_state.in_place = in_place()
    form_state.errors = [
        (f"feedback-{name}-group", str(message))
        for name in ("answer", "text")
        for message in getattr(form, name).errors
    ]
    if in_place():
        body = render_template("feedback/form.html", feedback=form_state)
    else:
        body = render_page(form_state)
    return no_store(Response(body, status=422))


@bp.get("/<any(synpunkter, feedback):slug>/<any(tack, 'thank-you'):done>")
def thanks(slug: str, done: str) -> Response:
    if (slug, done) != slugs(g.lang_code):
        abort(404)
    back, title = checked_return(request.args.get("page", ""))
    return no_store(Response(render_template("feedback/thanks.html", back=back, back_title=title)))


def checked_return(value: str) -> tuple[str, str]:
    """A return address from the query, only if it is a page of this site (here, or on the
    static export's origin): never an open redirect. Otherwise the start page."""
    pages = site_map()
    parts = urlsplit(value)
    origin = guard.origin_of(value) if parts.scheme else None
    allowed = {None, guard.origin_of(current_app.config["EXPORT_URL"] or "")}
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else parts.path
    locale, _, rest = path.lstrip("/").partition("/")
    found = pages.resolve(locale, rest) if path.startswith("/") and not parts.query else None
    if origin not in allowed or found is None or page_url(found, locale) != path:
        start = pages["start"]
        return page_url(start), str(start.title)
    return (origin or "") + page_url(found, locale), str(found.title)


def init_app(app) -> None:
    app.register_blueprint(bp)
