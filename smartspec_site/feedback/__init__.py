"""The fourth wing: feedback on every page, and the accessibility report.

* ``models``: what is stored (no IP address, no user agent) and ``migrations/`` (Alembic,
  through Flask-Alembic: ``flask db …``);
* ``store``: the database (SQLite in WAL mode by default, PostgreSQL through
  ``SMARTSPEC_DATABASE_URL``), migrated at start under a lock;
* ``form``: the body read strictly, WTForms' validation; ``guard``: the cross-site checks;
* ``views``: POST → 303 → thank-you, or in place for htmx; ``cli``: ``flask feedback``.

The templates are ``templates/feedback/``; the texts around them (the statement, the privacy
note, the report page) are content files. The rate limit and the request size limit are
nginx's (deploy/nginx/), with Flask's MAX_CONTENT_LENGTH behind it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale
from flask import Flask, current_app, g
from flask_babel import get_locale

from . import cli, store, views
from .guard import origin_of
from .models import TEXT_LIMIT
from .views import REPORT_PAGE, FormState, slugs, submit_url


def form_state(page) -> FormState:
    """The empty form a page shows: the accessibility report on its own page, else "Was
    this page useful?" about the page."""
    if page.key == REPORT_PAGE:
        return FormState(page, None, "accessibility")
    return FormState(page, page)


def form_action(form: FormState) -> str | None:
    """Where a form posts: its step's address here, which names its page; from the static
    export, the same on FEEDBACK_URL's origin; None when the export has no FEEDBACK_URL (it
    then shows how to get in touch instead)."""
    if not current_app.config["FREEZING"]:
        return submit_url() + form.query()
    app_origin = origin_of(current_app.config["FEEDBACK_URL"] or "")
    return app_origin + export_submit_path() + form.query() if app_origin else None


def problem_action(form: FormState) -> str | None:
    """The address of "Report a problem with this page": the form's, at that step."""
    return form_action(FormState(form.shown_on, form.about, step="problem"))


def export_submit_path() -> str:
    """The form's path on the app, built from the URL map without ``url_for``: Frozen-Flask
    logs every ``url_for`` and would try to freeze the form's address (the app's alone: it
    posts, and its pages are made per request)."""
    locale = g.lang_code
    values = {"lang_code": locale, "slug": slugs(locale)[0]}
    return current_app.url_map.bind("localhost").build("feedback.submit", values)


@cache
def plural_samples_of(locale: str) -> dict[str, int]:
    """A number of each CLDR plural category of a language's whole numbers (one, few, many,
    other), the smallest: ngettext with it gives that category's form from the catalog."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for n in range(1000):
        samples.setdefault(rule(n), n)
    return dict(sorted(samples.items(), key=lambda item: item[1]))


def plural_samples() -> dict[str, int]:
    return plural_samples_of(str(get_locale()))


def init_app(app: Flask) -> None:
    store.init_app(app)
    views.init_app(app)
    app.cli.add_command(cli.feedback_command)


def template_globals() -> dict[str, Any]:
    """What the form's templates call; create_app hands them to the web layer."""
    return {
        "feedback_state": form_state,
        "feedback_action": form_action,
        "feedback_problem": problem_action,
        "plural_samples": plural_samples,
        # htmx posts in place only here: from the export, a plain form crosses origins
        # (no CORS needed), and the app's thank-you page leads back.
        "htmx_form": lambda: not current_app.config["FREEZING"],
        "text_limit": TEXT_LIMIT,
    }
