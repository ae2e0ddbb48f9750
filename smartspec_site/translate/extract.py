"""Babel's extractor for the content files (registered in pyproject.toml's
``[tool.babel]`` mappings as ``smartspec_site.translate.extract:extract_content``).

One msgid per translatable text of a file, as the site renders it (content/file.py and
content/rendering.py): the title, heading, menu label and description, each source's label, and each
unit of the body. Translator comments come from the file; a source's label also gets a
standing one that says how to name the language of the linked page.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..content.file import read


def extract_content(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str | tuple[str, str], list[str]]]:
    """Babel's extraction-method interface: (line, function, message, comments)."""
    path = Path(getattr(fileobj, "name", "content.md"))
    file = read(path, fileobj.read().decode("utf-8"))
    for unit in file.units:
        if unit.context:
            yield unit.lineno, "pgettext", (unit.context, unit.msgid), list(unit.comments)
        else:
            yield unit.lineno, "gettext", unit.msgid, list(unit.comments)
