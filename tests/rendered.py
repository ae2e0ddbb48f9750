"""A handful of pages kept as syrupy snapshots (tests/__snapshots__/test_rendered/), compared
as parsed HTML. Behaviour tests (test_pages.py, test_fragments.py, …) hold what each page
says; a snapshot holds the markup of one template. Update them when markup changes on
purpose (docs/testing.md):

    .venv/bin/python -m pytest tests/test_rendered.py --snapshot-update

Only what a renderer may spell differently is normalised (see ``canonical``): character
references (``&#39;`` or ``'``), attribute order, whitespace between and inside elements,
and the content hash in a static file's name. Everything a reader or a browser could
notice (text, elements, attributes and their values) must match.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import html5lib
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

# css/site.3f2a9c1e04b7.css -> css/site.css: the hash changes with every edit of the file.
HASHED_STATIC = re.compile(r"(/static/[^\"' ]+?)\.[0-9a-f]{12}(\.\w+)")
MAIN = re.compile(r"<main\b.*?</main>", re.S)
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def main_of(html: str) -> str:
    """The page's ``<main>`` element as the app wrote it: what a page template fills."""
    found = MAIN.search(html)
    assert found, "the page has no <main>"
    return found.group(0)


def canonical(html: str, fragment: bool) -> str:
    """A parsed document written one node per line: elements with sorted attributes, text
    with whitespace folded. Two renderings that differ only in spelling give the same
    lines."""
    html = HASHED_STATIC.sub(r"\1\2", html)
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    tree = parser.parseFragment(html, container="div") if fragment else parser.parse(html)
    lines: list[str] = []

    def text(value: str | None, depth: int) -> None:
        folded = " ".join((value or "").split())
        if folded:
            lines.append("  " * depth + repr(folded))

    def walk(element, depth: int) -> None:
        if not isinstance(element.tag, str):  # a comment
            text(element.tail, depth - 1)
            return
        attrs = " ".join(f'{k}="{" ".join(v.split())}"' for k, v in sorted(element.attrib.items()))
        lines.append("  " * depth + f"<{element.tag}{' ' + attrs if attrs else ''}>")
        text(element.text, depth + 1)
        for child in element:
            walk(child, depth + 1)
        text(element.tail, depth)

    if fragment:
        text(tree.text, 0)
        for child in tree:
            walk(child, 0)
    else:
        walk(tree, 0)
    return "\n".join(lines) + "\n"


def is_document(html: str) -> bool:
    return html.lstrip().lower().startswith("<!doctype")


class HTMLSnapshot(SingleFileSnapshotExtension):
    """One ``.html`` file per snapshot, as the app wrote it (static hashes and blank lines
    dropped, so neither churns the file), matched as parsed HTML (``canonical``)."""

    file_extension = "html"
    _write_mode = WriteMode.TEXT

    def serialize(self, data, **_) -> str:
        lines = HASHED_STATIC.sub(r"\1\2", str(data)).splitlines()
        return "\n".join(line.rstrip() for line in lines if line.strip()) + "\n"

    def matches(self, *, serialized_data, snapshot_data) -> bool:
        if snapshot_data is None:
            return False
        fragment = not is_document(serialized_data)
        return canonical(serialized_data, fragment) == canonical(snapshot_data, fragment)

    def diff_lines(self, serialized_data, snapshot_data) -> Iterator[str]:
        """The difference as parsed HTML, so spelling never shows as a change."""
        fragment = not is_document(str(serialized_data))
        yield from difflib.unified_diff(
            canonical(str(snapshot_data), fragment).splitlines(),
            canonical(str(serialized_data), fragment).splitlines(),
            "snapshot",
            "rendered now",
            lineterm="",
            n=2,
        )
