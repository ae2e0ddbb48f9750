"""Every page and fragment renders as its fixture in tests/fixtures/rendered/ (see
tests/rendered.py): a change that alters what a visitor gets shows up here, and one that
alters it on purpose regenerates the fixtures (`make fixtures`) in the same commit."""

from __future__ import annotations

import difflib

import pytest

from .rendered import FIXTURES, canonical, render_all


@pytest.fixture(scope="module")
def rendered(app) -> dict[str, str]:
    return dict(render_all(app.test_client()))


def test_every_fixture_is_still_rendered(rendered):
    kept = {p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.html")}
    assert kept, "no fixtures: run `make fixtures`"
    assert sorted(kept - rendered.keys()) == [], "pages gone: run `make fixtures`"
    assert sorted(rendered.keys() - kept) == [], "new pages: run `make fixtures`"


def test_pages_and_fragments_render_as_their_fixtures(rendered):
    differing = []
    for name, html in sorted(rendered.items()):
        fixture = FIXTURES / name
        if not fixture.exists():
            continue  # reported by the test above
        fragment = name.endswith("/fragment.html")
        expected = canonical(fixture.read_text(encoding="utf-8"), fragment)
        found = canonical(html, fragment)
        if found != expected:
            diff = difflib.unified_diff(
                expected.splitlines(), found.splitlines(), name, "rendered now", lineterm="", n=2
            )
            differing.append("\n".join(list(diff)[:40]))
    assert not differing, (
        f"{len(differing)} page(s) differ from tests/fixtures/rendered (if on purpose, "
        "run `make fixtures` and commit the result):\n\n" + "\n\n".join(differing)
    )


def test_the_comparison_ignores_spelling_only():
    page = (
        '<!DOCTYPE html><html lang="sv"><body><p class="a" id="x">It&#39;s  here</p></body></html>'
    )
    same = (
        "<!DOCTYPE html>\n<html lang='sv'>\n<body>\n  <p id=x class=a>It's here</p>\n</body></html>"
    )
    assert canonical(page, False) == canonical(same, False)
    for changed in (
        page.replace("here", "there"),  # text
        page.replace('class="a"', 'class="b"'),  # an attribute's value
        page.replace('id="x"', 'id="x" hidden'),  # an attribute more
        page.replace("<p", "<div").replace("</p>", "</div>"),  # an element
    ):
        assert canonical(changed, False) != canonical(page, False)
    hashed = '<link href="/static/css/site.0123456789ab.css">'
    assert canonical(hashed, True) == canonical('<link href="/static/css/site.css">', True)
