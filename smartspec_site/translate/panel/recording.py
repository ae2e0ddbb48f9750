"""Recording, in the request, the texts gettext gives a page: a wrapper around the
Translations object Flask-Babel hands out, which every gettext call ends in (the Jinja i18n
calls, ``gettext``/``ngettext``/``pgettext``/``npgettext``, their lazy forms, and the content
files' per-paragraph entries). It puts each text between two invisible markers naming the
call, which reading.py reads after rendering and takes out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import g
from flask_babel import Domain, get_babel

CALLS = "translation_panel_calls"  # on flask.g: the texts recorded in this request

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
