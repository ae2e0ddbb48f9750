"""The Markdown of the content files, and how a page is rendered from it in a language.

The dialect is markdown.py's: CommonMark with raw HTML refused, and mdit-py-plugins' marks.

A body is translated *unit by unit*, as Sphinx's gettext builder and po4a translate
documents: each piece of inline text (a paragraph, a heading, a list item, a term, a table
cell) is one msgid, its Markdown source as written with the line breaks folded into spaces.
The block structure always comes from the Swedish source; a translation replaces the inline
text of a unit and may use inline Markdown itself (links, emphasis, ``[…]{lang=sv}``).

Two more rules:

* A unit that is only a marked phrase (``[Stärka innovationskraften]{lang=sv}``) is a name.
  It is not translated: every language shows it as written.
* ``.gloss`` on a marked name (``{lang=sv .gloss}``) adds, in every language but the source,
  what the name means, in brackets: its own msgid, with the context ``GLOSS_CONTEXT``.

A phrase marked in the page's own language needs no mark, so its ``lang`` is dropped there.
A ``page:KEY`` link (``[the areas](page:areas)``, ``page:strategy#vision``) leads to a page
of this site in the reader's language. A date marked ``[4 januari 2022]{datetime=2022-01-04}``
is a ``<time>`` element: its words are translated, its ISO date stays as written.

HTML comments on lines of their own are not shown: ``<!-- Translators: … -->`` above a
block is a comment for the translators of the texts it stands above,
``<!-- part: NAME -->`` starts a part that a template places by name, and any other
comment is a note for editors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from .markdown import (
    MD,
    UNREAD_MARK,
    check_translation,
    inline,
    links,
    plain,
    raw_html,
    times,
    unread_mark,
)
from .markdown import bad_time as _bad_time

__all__ = ["check_translation", "links", "parse", "plain", "render", "render_inline", "times"]

GLOSS_CONTEXT = "gloss of a programme name"
MAIN = "main"  # the part before the first part marker
COMMENT_TAG = "Translators:"

# The space between a number's groups of digits ("50 000") is shown as a no-break space, so
# a line never breaks inside a number (Språkrådet's rule); the texts keep a plain space.
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_COMMENT = re.compile(r"^[ \t]*<!--(.*?)-->[ \t]*$", re.M | re.S)
_PART = re.compile(r"part:\s*([a-z][a-z0-9-]*)")


class MarkdownError(ValueError):
    """What the dialect refuses, and where (a line of the text given to ``parse``)."""

    def __init__(self, lineno: int, message: str):
        super().__init__(message)
        self.lineno = lineno
        self.message = message


@dataclass(frozen=True)
class Unit:
    """One translatable text of a body."""

    msgid: str
    lineno: int
    context: str | None = None
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedBody:
    """A parsed body: its top-level blocks per part, and its units in reading order."""

    parts: dict[str, tuple[Token, ...]]
    units: tuple[Unit, ...]

    def anchors(self) -> dict[str, str]:
        """The ids given to headings (``{#id}``), each with its heading's msgid."""
        found = {}
        for tokens in self.parts.values():
            for index, token in enumerate(tokens[:-1]):
                if token.type == "heading_open" and "id" in token.attrs:
                    found[str(token.attrs["id"])] = fold(tokens[index + 1].content)
        return found

    def text(self, part: str = MAIN) -> str | None:
        """The msgid of the part's first paragraph, if it has one."""
        tokens = self.parts.get(part, ())
        for index, token in enumerate(tokens[:-1]):
            if token.type == "paragraph_open" and token.level == 0:
                return fold(tokens[index + 1].content)
        return None


@dataclass(frozen=True)
class Reader:
    """Whom a body is rendered for: a language, its translations, and this site's links."""

    locale: str
    source: str
    gettext: Callable[[str], str]
    pgettext: Callable[[str, str], str]
    link: Callable[[str], str]  # a page key -> its URL in this language


def fold(content: str) -> str:
    """A unit's msgid: its source with every line break and indentation made one space."""
    return " ".join(line.strip() for line in content.splitlines() if line.strip())


def _marked_name(children: list[Token]) -> bool:
    """The whole text is one phrase marked with a language: a name, not translated."""
    return (
        len(children) >= 3
        and children[0].type == "span_open"
        and "lang" in children[0].attrs
        and children[-1].type == "span_close"
        and all(c.type != "span_open" for c in children[1:-1])
    )


def _glosses(children: list[Token]) -> Iterator[str]:
    """The names marked ``.gloss`` in a unit's inline tokens."""
    for index, child in enumerate(children):
        if child.type == "span_open" and "gloss" in str(child.attrs.get("class", "")).split():
            yield _span_text(children, index)


def _span_text(children: list[Token], start: int) -> str:
    depth, words = 0, []
    for child in children[start:]:
        depth += child.nesting if child.type in ("span_open", "span_close") else 0
        if child.type == "text":
            words.append(child.content)
        if depth == 0:
            break
    return fold("".join(words))


def _comments(text: str) -> tuple[str, dict[int, str], dict[int, str]]:
    """The text with its comments blanked out (line numbers kept), the translator comments
    and the part markers, each by the line on which it ends."""
    notes: dict[int, str] = {}
    parts: dict[int, str] = {}

    def blank(found: re.Match) -> str:
        end = text.count("\n", 0, found.end()) + 1
        inner = " ".join(found[1].split())
        if inner.startswith(COMMENT_TAG):
            notes[end] = inner[len(COMMENT_TAG) :].strip()
        elif marker := _PART.fullmatch(inner):
            parts[end] = marker[1]
        return "\n" * found[0].count("\n")

    return _COMMENT.sub(blank, text), notes, parts


@functools.lru_cache(maxsize=256)
def parse(text: str, first_line: int = 1) -> ParsedBody:
    """Parse a body; ``first_line`` is the line of the file it starts on, for messages.

    A body is parsed once per text (every start reads every file; `flask run` again after
    each edit). Its tokens are shared, so a renderer copies a token it changes."""
    plain, notes, markers = _comments(text)
    tokens = MD.parse(plain)
    found = raw_html(tokens)
    if found is not None:
        raw, line = found
        html = raw.content.strip().splitlines()[0]
        raise MarkdownError(first_line + line, f"raw HTML is not allowed in the text: {html}")

    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "inline" and (wrong := _bad_time(token.children or [])):
            raise MarkdownError(line, f"a datetime is an ISO date, such as 2022-01-04: {wrong}")
        if token.type == "inline" and (mark := unread_mark(token.children or [])):
            raise MarkdownError(line, f"{UNREAD_MARK}: {mark}")
        if token.type == "heading_open" and token.tag == "h1":
            raise MarkdownError(line, "the page's own heading is its title: start at ##")

    parts: dict[str, list[Token]] = {MAIN: []}
    boundaries = sorted(markers.items())
    current = MAIN
    for token in tokens:
        if token.level == 0 and token.nesting >= 0 and token.map:
            for line, name in boundaries:
                if line <= token.map[0] + 1:
                    current = name
        parts.setdefault(current, []).append(token)

    units: list[Unit] = []
    pending = sorted(notes.items())
    for token in tokens:
        if token.type != "inline" or not token.content.strip():
            continue
        lineno = (token.map[0] if token.map else 0) + 1
        comments = tuple(note for line, note in pending if line < lineno)
        pending = [(line, note) for line, note in pending if line >= lineno]
        children = token.children or []
        if not _marked_name(children):
            units.append(Unit(fold(token.content), first_line + lineno - 1, None, comments))
            comments = ()
        for gloss in _glosses(children):
            units.append(Unit(gloss, first_line + lineno - 1, GLOSS_CONTEXT, comments))
    return ParsedBody({name: tuple(blocks) for name, blocks in parts.items()}, tuple(units))


def _localised(children: list[Token], reader: Reader) -> list[Token]:
    """One unit's inline tokens for the reader: marks of the reader's own language
    dropped, glosses added, page links resolved."""
    out: list[Token] = []
    spans: list[tuple[str | None, str | None]] = []  # per open span: its tag if kept, its gloss
    for index, child in enumerate(children):
        if child.type == "span_open":
            classes = str(child.attrs.get("class", "")).split()
            gloss = None
            if "gloss" in classes and reader.locale != reader.source:
                gloss = reader.pgettext(GLOSS_CONTEXT, _span_text(children, index))
            attrs = {k: v for k, v in child.attrs.items() if k != "class"}
            if others := [c for c in classes if c != "gloss"]:
                attrs["class"] = " ".join(others)
            if attrs.get("lang") == reader.locale:
                del attrs["lang"]
            tag = ("time" if "datetime" in attrs else "span") if attrs else None
            spans.append((tag, gloss))
            if tag:
                out.append(child.copy(attrs=attrs, tag=tag))
            continue
        if child.type == "span_close" and spans:
            tag, gloss = spans.pop()
            if tag:
                out.append(child.copy(tag=tag))
            if gloss:
                out.append(Token("text", "", 0, content=f" ({gloss})"))
            continue
        if child.type == "text" and _DIGIT_GROUP.search(child.content):
            child = child.copy(content=_DIGIT_GROUP.sub("\u00a0", child.content))
        href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
        if href.startswith("page:"):
            key, _, anchor = href[len("page:") :].partition("#")
            url = reader.link(key) + (f"#{anchor}" if anchor else "")
            child = child.copy(attrs={**child.attrs, "href": url})
        out.append(child)
    return out


def render_inline(text: str, reader: Reader) -> str:
    """An inline text in the reader's language (already translated) as HTML: a source's
    title, where a name may be marked with its language."""
    problem = check_translation(text)
    if problem:
        raise MarkdownError(1, problem)
    return MD.renderer.renderInline(_localised(inline(text), reader), MD.options, {})


def render(body: ParsedBody, reader: Reader, part: str = MAIN) -> str:
    """A part of the body as HTML in the reader's language."""
    tokens: list[Token] = []
    for token in body.parts.get(part, ()):
        if token.type == "inline" and token.content.strip():
            source = token.children or []
            if _marked_name(source):
                children = source
            else:
                msgid = fold(token.content)
                translation = reader.gettext(msgid)
                problem = check_translation(translation)
                if problem:
                    raise MarkdownError((token.map[0] if token.map else 0) + 1, problem)
                children = inline(translation)
            token = token.copy(children=_localised(children, reader))
        tokens.append(token)
    return MD.renderer.render(tokens, MD.options, {})
