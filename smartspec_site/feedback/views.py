"""The form's answers: POST → 303 → a thank-you page, or in place for htmx.

``POST /sv/synpunkter`` (``/en/feedback``) takes the form of any page. Without JavaScript it
answers 303 to the thank-you page (post/redirect/get), which links back to the page the
visitor came from; a mistake the visitor can mend gets the same page again (422) with
GOV.UK's error summary at the top of its content and the form as they filled it in. With
htmx (``HX-Request: true``) it answers the form's own block: the thank-you, or the form with
its errors. Nothing the visitor sent is ever rendered unescaped (Jinja autoescapes).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request
from flask import url_for as flask_url_for
from werkzeug.exceptions import MethodNotAllowed

from .. import views as site_views
from ..sitemap import Page, page_url
from ..state import state
from . import guard, store
from .form import FeedbackForm, Refused, read_body, refused_values
from .models import Feedback

bp = Blueprint("feedback", __name__, url_prefix="/<lang_code>")
bp.url_value_preprocessor(site_views.take_locale)
bp.url_defaults(site_views.add_locale)

# The form's address and its thank-you page, per language; other languages use Swedish.
SLUGS = {"sv": ("synpunkter", "tack"), "en": ("feedback", "thank-you")}
REPORT_PAGE = "accessibility-report"  # the accessibility report's own page (content/pages/)
STATEMENT = "accessibility"  # the accessibility statement, where a report about the site leads
log = logging.getLogger(__name__)


def slugs(locale: str) -> tuple[str, str]:
    return SLUGS.get(locale, SLUGS["sv"])


def submit_url(locale: str | None = None) -> str:
    locale = locale or g.get("lang_code") or current_app.config["BABEL_DEFAULT_LOCALE"]
    return flask_url_for("feedback.submit", lang_code=locale, slug=slugs(locale)[0])


@dataclass
class FormState:
    """What a template needs to draw a form: the page it is on, the page it is about (none:
    the whole site), its category, the submitted form (none: empty) and whether it was
    received."""

    shown_on: Page
    about: Page | None
    category: str = "page"
    form: FeedbackForm | None = None
    received: bool = False
    errors: list[tuple[str, str]] = field(default_factory=list)
    in_place: bool = False  # answered to htmx: the error summary goes inside the form


def wants_fragment() -> bool:
    return request.headers.get("HX-Request") == "true"


@bp.route("/<any(synpunkter, feedback):slug>", methods=["GET", "POST"])
def submit(slug: str) -> Response:
    if slug != slugs(g.lang_code)[0]:
        abort(404)
    if request.method != "POST":
        raise MethodNotAllowed(valid_methods=["POST"])
    if why := guard.refusal():
        log.info("feedback refused as cross-site: %s", why)
        abort(403)
    try:
        form = FeedbackForm(read_body())
        refused_values(form)
        about = resolve(form.page.data, form.category.data)
    except Refused as refused:
        log.info("feedback refused (%s): %s", refused.status, refused.reason)
        abort(refused.status)
    site = state().site
    shown_on = site[REPORT_PAGE] if form.category.data == "accessibility" else about
    back = return_url(about)
    if form.website.data:  # the honeypot: a robot is told it worked, and nothing is kept
        log.info("feedback dropped: the honeypot was filled in")
        return received(FormState(shown_on, about, form.category.data, received=True), back)
    if not form.validate():
        return with_errors(FormState(shown_on, about, form.category.data, form))
    store.save(
        Feedback(
            created=datetime.now(UTC),
            page=page_url(about) if about else "",
            locale=g.lang_code,
            category=form.category.data,
            answer=form.answer.data or None,
            text=form.text.data,
        )
    )
    return received(FormState(shown_on, about, form.category.data, received=True), back)


def resolve(path: str | None, category: str) -> Page | None:
    """The page a form is about: one of the site map's, in any language. An accessibility
    report may be about the whole site (no page)."""
    if not path and category == "accessibility":
        return None
    site = state().site
    locale, _, rest = (path or "").lstrip("/").partition("/")
    found = site.resolve(locale, rest) if (path or "").startswith("/") else None
    if found is None or page_url(found, locale) != path:
        raise Refused(400, f"the page {path!r} is not a page of this site")
    return found


def return_url(about: Page | None) -> str:
    """Where the thank-you page leads back to: the page, on the origin the form was posted
    from when that is the static export's, else here."""
    target = about or state().site[STATEMENT]
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
    if wants_fragment():
        return no_store(Response(render_template("feedback/form.html", feedback=form_state)))
    thanks = flask_url_for(
        "feedback.thanks", slug=slugs(g.lang_code)[0], done=slugs(g.lang_code)[1], page=back
    )
    return no_store(redirect(thanks, code=303))


def with_errors(form_state: FormState) -> Response:
    form = form_state.form
    form_state.in_place = wants_fragment()
    form_state.errors = [
        (f"feedback-{name}" + ("-yes" if name == "answer" else ""), str(message))
        for name in ("answer", "text")
        for message in getattr(form, name).errors
    ]
    if wants_fragment():
        body = render_template("feedback/form.html", feedback=form_state)
    else:
        page = form_state.shown_on
        context = site_views.page_context(page)
        body = render_template(page.template, **context, feedback=form_state)
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
    site = state().site
    parts = urlsplit(value)
    origin = guard.origin_of(value) if parts.scheme else None
    allowed = {None, guard.origin_of(current_app.config["EXPORT_URL"] or "")}
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else parts.path
    locale, _, rest = path.lstrip("/").partition("/")
    found = site.resolve(locale, rest) if path.startswith("/") and not parts.query else None
    if origin not in allowed or found is None or page_url(found, locale) != path:
        start = site["start"]
        return page_url(start), str(start.title)
    return (origin or "") + page_url(found, locale), str(found.title)


def init_app(app) -> None:
    app.register_blueprint(bp)
