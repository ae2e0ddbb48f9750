"""The feedback form: reading a submitted body strictly, and validating it with WTForms.

Two kinds of mistake get two answers:

* What a person can make and mend (no answer chosen, a text over 1,000 characters, a
  reported problem or an accessibility report without a text): WTForms' validation, with
  messages in the visitor's language, and the step again as they filled it in (422).
* What no form of this site sends (a body that is not URL-encoded, invalid UTF-8, control
  characters, a field twice, an answer other than yes or no, an unknown category or page):
  a plain 4xx (``Refused``), and nothing stored.

WTForms without Flask-WTF: Flask-WTF's CSRF token lives in the session, and this site has
none (guard.py says what protects the form instead). WTForms is used for what it is made
for, the fields' data, filters, validators and error messages; the templates write the
markup, GOV.UK's.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from flask import request
from flask_babel import format_decimal, gettext, ngettext
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import Form, RadioField, StringField, TextAreaField
from wtforms.validators import ValidationError

from .models import ANSWERS, CATEGORIES, TEXT_LIMIT

FIELDS = ("page", "category", "answer", "text", "website")
MAX_FIELDS = 20
# C0 control characters and DEL, except tab, line feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
URLENCODED = "application/x-www-form-urlencoded"


class Refused(Exception):
    """A submission no form of this site sends: answered with ``status``, stored nowhere."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def read_body() -> MultiDict:
    """The URL-encoded body, decoded strictly. (Werkzeug's own parser keeps invalid UTF-8
    as text, which would then be stored; MAX_CONTENT_LENGTH still answers 413 here.)"""
    if request.mimetype != URLENCODED:
        raise Refused(415, f"a form is sent as {URLENCODED}, not {request.mimetype!r}")
    raw = request.get_data(cache=True)
    try:
        pairs = parse_qsl(
            raw.decode("utf-8"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except UnicodeDecodeError:
        raise Refused(400, "the form is not valid UTF-8") from None
    except ValueError:
        raise Refused(400, f"the form has more than {MAX_FIELDS} fields") from None
    seen: set[str] = set()
    for name, value in pairs:
        if name in FIELDS and name in seen:
            raise Refused(400, f"the field {name!r} is sent twice")
        seen.add(name)
        if CONTROL.search(value):
            raise Refused(400, f"the field {name!r} holds control characters")
    return MultiDict(pairs)


def normalise(text: str | None) -> str:
    """One newline for each line break, as the visitor's browser counts them, and no
    surrounding blank space."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def text_limit(form: Form, field) -> None:
    if len(field.data) > TEXT_LIMIT:
        over = len(field.data) - TEXT_LIMIT
        # Translators: error message; %(limit)s is the limit (1 000 characters).
        limit = gettext("Texten får vara högst %(limit)s tecken.", limit=format_decimal(TEXT_LIMIT))
        # Translators: after the error message above; %(num)s is how many characters too many.
        too_long = ngettext(
            "Den är %(num)s tecken för lång.", "Den är %(num)s tecken för lång.", over
        )
        raise ValidationError(f"{limit} {too_long}")


class FeedbackForm(Form):
    page = StringField()
    category = StringField(default="page")
    answer = RadioField(choices=ANSWERS, validate_choice=False)
    text = TextAreaField(filters=[normalise], validators=[text_limit])
    # The honeypot: a hidden field people never see or fill in (text browsers show every
    # other kind of hidden field), named as robots that fill in every field by name like.
    website = StringField()
    step = "ask"  # the step the form's address names (views.FormState)

    def validate_answer(self, field) -> None:
        if self.category.data == "page" and self.step == "ask" and not field.data:
            # Translators: error message when neither yes nor no was chosen.
            raise ValidationError(_l("Välj ja eller nej"))

    def validate_text(self, field) -> None:
        needed = self.category.data == "accessibility" or self.step == "problem"
        if needed and not field.data:
            # Translators: error message when an accessibility or problem report has no text.
            raise ValidationError(_l("Skriv vad som inte fungerade"))


def refused_values(form: FeedbackForm) -> None:
    """What the page's own form can never send is refused outright (4xx, nothing stored)."""
    if form.category.data not in CATEGORIES:
        raise Refused(400, f"unknown category {form.category.data!r}")
    if form.answer.data not in (None, "", *ANSWERS):
        raise Refused(400, f"the answer is yes or no, not {form.answer.data!r}")
    if form.category.data == "accessibility" and form.answer.data:
        raise Refused(400, "an accessibility report has no yes or no")
