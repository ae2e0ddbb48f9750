"""One content file: TOML front matter between ``+++`` lines, then a Markdown body.

The front matter is read with ``tomllib`` (TOML: no YAML-style surprises such as ``no``
turning into false, and dates are dates); the body with ``rendering``. What a file says is
checked by the site map (sitemap.py), which knows the fields each kind of page takes. This
module knows which of its texts are translatable: the body's units and, in the front
matter, ``TRANSLATABLE`` fields, every source's ``label`` and every gap's ``text`` (the
accessibility statement's known gaps). A translatable field is a
string, or ``{ text = "…", context = "…" }`` where one Swedish text needs two
translations (gettext's msgctxt).

A ``# Translators: …`` comment directly above a front-matter line is a comment for
translators of the text on that line, as ``<!-- Translators: … -->`` is in the body.
Lines that follow a ``# Translators:`` line and start with ``#`` continue it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build import FileError
from . import rendering

FENCE = "+++"
# Front-matter fields a translator sees; "nav_label" is always in the context "navigation".
TRANSLATABLE = ("title", "heading", "nav_label", "description")
CONTEXTS = {"nav_label": "navigation"}
SOURCE_COMMENT = (
    "title of a source page; if the linked page is not in the language of the text, say "
    "which language it is in, as the Swedish does with (på engelska)."
)
GAP_COMMENT = (
    "a known gap in the accessibility statement: what is not accessible, and why. Inline "
    "Markdown, as in the body."
)
_STRING = re.compile(r'=\s*("(?:[^"\\]|\\.)*")')


class ContentError(FileError):
    """A content file that cannot be used."""


@dataclass(frozen=True)
class ContentFile:
    path: Path
    meta: dict[str, Any]
    body: rendering.ParsedBody
    units: tuple[rendering.Unit, ...]  # every translatable text, front matter first
    front: str = ""  # the front matter as written, for naming lines

    def error(self, message: str, field: str | None = None) -> ContentError:
        """A mistake in this file; ``field``: the front-matter field it is in, for its line."""
        lineno = None
        if field is not None:
            pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
            lines = self.front.split("\n")
            lineno = next((i + 2 for i, line in enumerate(lines) if pattern.match(line)), None)
        return ContentError(self.path, lineno, message)


def split(text: str, path: Path) -> tuple[str, str, int]:
    """The front matter, the body, and the line of the file the body starts on."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(path, 1, f"a content file starts with a line {FENCE}")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(path, 1, f"the front matter has no closing {FENCE} line")


def _notes(front: str) -> dict[str, list[str]]:
    """Translator comments of the front matter, by the text on the line below them."""
    notes: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in front.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#"):
            comment = stripped.lstrip("#").strip()
            if comment.startswith(rendering.COMMENT_TAG):
                pending.append(comment[len(rendering.COMMENT_TAG) :].strip())
            elif pending:
                pending[-1] += " " + comment
            continue
        found = _STRING.search(line)
        if pending and found:
            text = tomllib.loads(f"x = {found[1]}")["x"]
            notes.setdefault(text, []).extend(pending)
        pending = []
    return notes


def _line_of(front: str, text: str, first: int) -> int:
    for index, line in enumerate(front.split("\n")):
        if text in line:
            return first + index
    return first


def message(value: Any, field: str, path: Path) -> tuple[str, str | None]:
    """(msgid, context) of a translatable field's value."""
    if isinstance(value, str):
        return value, CONTEXTS.get(field)
    if isinstance(value, dict) and set(value) <= {"text", "context"} and "text" in value:
        return str(value["text"]), value.get("context") or CONTEXTS.get(field)
    raise ContentError(path, None, f'"{field}" is a text, or {{ text = "…", context = "…" }}')


def _front_units(meta: dict, front: str, path: Path) -> Iterator[rendering.Unit]:
    notes = _notes(front)

    def unit(value: Any, field: str, extra: tuple[str, ...] = ()) -> rendering.Unit:
        msgid, context = message(value, field, path)
        comments = (*extra, *notes.get(msgid, ()))
        return rendering.Unit(msgid, _line_of(front, msgid, 2), context, comments)

    for field in TRANSLATABLE:
        if field in meta:
            yield unit(meta[field], field)
    for source in meta.get("sources", ()):
        if isinstance(source, dict) and "label" in source:
            yield unit(source["label"], "label", (SOURCE_COMMENT,))
    for gap in meta.get("gaps", ()):
        if isinstance(gap, dict) and "text" in gap:
            yield unit(gap["text"], "text", (GAP_COMMENT,))


def read(path: Path, text: str | None = None) -> ContentFile:
    """Read and parse a content file; every mistake is a ContentError naming file and line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ContentError(path, None, f"not UTF-8 text: {exc}") from exc
    front, body_text, body_line = split(text.replace("\r\n", "\n"), path)
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        lineno = int(found[1]) + 1 if found else None
        raise ContentError(path, lineno, f"front matter: {exc}") from exc
    try:
        body = rendering.parse(body_text, body_line)
    except rendering.MarkdownError as exc:
        raise ContentError(path, exc.lineno, exc.message) from exc
    units = (*_front_units(meta, front, path), *body.units)
    return ContentFile(path, meta, body, units, front)
