"""Every page and fragment as the app renders it, kept under tests/fixtures/rendered/.

The fixtures are what a visitor got when they were written: test_rendered.py renders the
site again and compares each page with its fixture as parsed HTML. Regenerate them in the
same commit as any change that alters pages on purpose (content or markup):

    make fixtures          # = .venv/bin/python -m tests.rendered

Only what a renderer may spell differently is normalised (see ``canonical``): character
references (``&#39;`` or ``'``), attribute order, whitespace between and inside elements,
and the content hash in a static file's name. Everything a reader or a browser could
notice (text, elements, attributes and their values) must match.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import html5lib

FIXTURES = Path(__file__).parent / "fixtures" / "rendered"
HX = {"HX-Request": "true"}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# css/site.3f2a9c1e04b7.css -> css/site.css: the hash changes with every edit of the file.
HASHED_STATIC = re.compile(r"(/static/[^\"' ]+?)\.[0-9a-f]{12}(\.\w+)")


def site_paths(client) -> list[str]:
    """Every page URL the sitemap lists, as paths."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, "the sitemap must answer"
    root = ElementTree.fromstring(response.data)
    return [urlsplit(loc.text).path for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS)]


def fixture_name(path: str, fragment: bool) -> str:
    """``/sv/utvecklingsomraden/ikt`` -> ``sv/utvecklingsomraden/ikt/index.html``; its
    fragment -> ``…/ikt/fragment.html``."""
    folder = path.strip("/")
    return f"{folder}/{'fragment' if fragment else 'index'}.html"


# Error pages, as (fixture name, method, path).
ERRORS = (
    ("errors/404.sv.html", "GET", "/sv/finns-inte"),
    ("errors/404.en.html", "GET", "/en/no-such-page"),
    ("errors/405.sv.html", "POST", "/sv/"),
    ("errors/405.en.html", "POST", "/en/"),
)


def render_all(client) -> Iterator[tuple[str, str]]:
    """(fixture name, HTML) of every page and every fragment, in sitemap order, then the
    sitemap itself and the error pages."""
    for path in site_paths(client):
        page = client.get(path)
        assert page.status_code == 200, path
        yield fixture_name(path, False), page.get_data(as_text=True)
        part = client.get(path, headers=HX)
        if "<html" not in part.get_data(as_text=True):
            yield fixture_name(path, True), part.get_data(as_text=True)
    yield "sitemap.xml.html", client.get("/sitemap.xml").get_data(as_text=True)
    for name, method, path in ERRORS:
        yield name, client.open(path, method=method).get_data(as_text=True)


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


def write(client, folder: Path = FIXTURES) -> int:
    """Replace the fixtures with the site as it renders now; returns how many were written."""
    shutil.rmtree(folder, ignore_errors=True)
    count = 0
    for name, html in render_all(client):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        count += 1
    return count


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from smartspec_site import create_app
    from tests.conftest import TEST_CONFIG

    client = create_app(TEST_CONFIG).test_client()
    count = write(client)
    print(f"Wrote {count} pages and fragments to {FIXTURES.relative_to(Path.cwd())}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
