"""The Markdown dialect of the content files, and what an inline text holds.

CommonMark (markdown-it-py) with raw HTML refused, plus what mdit-py-plugins adds for this
site: ``[phrase]{lang=en}`` marks a phrase in another language (WCAG 3.1.2), a phrase with a
``datetime`` is a date (``<time>``), ``{.class}`` or ``{#id}`` on the line before a block
sets its class or id, ``::: name`` … ``:::`` wraps blocks in a ``<div class="name">``, and
definition lists and tables. rendering.py parses and renders a body in this dialect; the
functions here answer what a translation must keep of its msgid (links, dates) and what it
must not add (raw HTML).
"""

from __future__ import annotations

import functools
import re
from datetime import datetime

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin

ATTRIBUTES = ("lang", "class", "id")  # on blocks; a phrase may also have a datetime
PHRASE_ATTRIBUTES = (*ATTRIBUTES, "datetime")

_CLASS = re.compile(r"[a-z][a-z0-9-]*")
_UNREAD = re.compile(r"\]\{[^{}]*\}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?")


def _div(self, tokens: list[Token], idx: int, options, env) -> str:
    """``::: name`` opens a ``<div class="name">``. Parsed tokens are shared by every
    rendering, so the class goes on a copy in this rendering's own list."""
    if tokens[idx].nesting == 1:
        tokens[idx] = tokens[idx].copy()
        tokens[idx].attrJoin("class", tokens[idx].info.strip())
    return self.renderToken(tokens, idx, options, env)


def _markdown() -> MarkdownIt:
    # html on, so that the parser finds raw HTML and parse() can refuse it by line; no
    # typographer, so that a text's quotes and dashes are the editor's own.
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.use(attrs_plugin, spans=True, allowed=PHRASE_ATTRIBUTES)
    md.use(attrs_block_plugin, allowed=ATTRIBUTES)
    md.use(deflist_plugin)
    md.use(
        container_plugin,
        name="div",
        validate=lambda params, *_: bool(_CLASS.fullmatch(params.strip())),
        render=_div,
    )
    md.enable("table")
    return md


MD = _markdown()


def inline(text: str) -> list[Token]:
    """The inline tokens of a unit's text: new ones on every call, for a renderer to change."""
    return MD.parseInline(text)[0].children or []


# What a text holds (its links, dates, plain words, whether a page can show it) is asked of
# the same few thousand texts at every start, by the checks and the site map: parsed once.
_remembered = functools.lru_cache(maxsize=8192)


def raw_html(tokens: list[Token], line: int = 0) -> tuple[Token, int] | None:
    """The first raw HTML among the tokens, and the line (from 0) of its block."""
    for token in tokens:
        here = token.map[0] if token.map else line
        if token.type in ("html_block", "html_inline"):
            return token, here
        found = raw_html(token.children or [], here)
        if found is not None:
            return found
    return None


@_remembered
def check_translation(translation: str) -> str | None:
    """Why a translation of a unit cannot be shown, or None: it must not add raw HTML, and
    every ``[phrase]{…}`` in it must be a mark the parser reads."""
    tokens = inline(translation)
    found = raw_html(tokens)
    if found is not None:
        return f"raw HTML is not allowed in a translation: {found[0].content}"
    if mark := unread_mark(tokens):
        return f"{UNREAD_MARK}: {mark}"
    return None


UNREAD_MARK = "a mark that cannot be read (put a value with spaces or å, ä, ö in quotes)"


@_remembered
def links(text: str) -> tuple[str, ...]:
    """The link URLs of an inline text, sorted: a translation must keep its msgid's."""
    return tuple(sorted(str(t.attrs["href"]) for t in inline(text) if t.type == "link_open"))


@_remembered
def times(text: str) -> tuple[str, ...]:
    """The datetimes of an inline text's dates, sorted: a translation keeps them too."""
    return _times_of(inline(text))


def _times_of(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(sorted(str(t.attrs["datetime"]) for t in tokens if "datetime" in t.attrs))


def _iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return bool(_DATETIME.fullmatch(value))


def bad_time(tokens: list[Token]) -> str | None:
    """A datetime that is not an ISO date (2022-01-04) or date and time (…T14:42), if any."""
    return next((t for t in _times_of(tokens) if not _iso(t)), None)


def unread_mark(tokens: list[Token]) -> str | None:
    """A ``[phrase]{…}`` mark the parser could not read, which would show as written."""
    found = next((_UNREAD.search(t.content) for t in tokens if t.type == "text"), None)
    return found[0] if found else None


@_remembered
def plain(text: str) -> str:
    """An inline text as plain words (a page's description from its first paragraph)."""
    return "".join(t.content for t in inline(text) if t.type in ("text", "code_inline"))
