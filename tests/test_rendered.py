"""One snapshot per page template, one whole page, one fragment and one error page render as
kept in tests/__snapshots__/test_rendered/ (tests/rendered.py). A markup change shows up
here; a text change does not (the behaviour tests hold the words). After a change of markup
on purpose: `pytest tests/test_rendered.py --snapshot-update`, and commit the files."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import template_rendered

from smartspec_site.config import CHECKOUT

from .helpers import HX
from .rendered import HTMLSnapshot, canonical, main_of

# (method, path, what to keep): a page template's part of the page is its <main>; the frame
# around it (base.html) is kept once, whole, on an area page, which has every part of it
# (breadcrumbs, description, the feedback form). Locales alternate.
CASES = {
    "area": ("GET", "/en/development-areas/tourism", "page"),
    "start": ("GET", "/sv/", "main"),
    "areas": ("GET", "/sv/utvecklingsomraden", "main"),
    "group": ("GET", "/sv/utvecklingsomraden/grupp/kunskapsbaserad-utveckling", "main"),
    "page": ("GET", "/en/mapping-european-regions", "main"),
    "easy-read": ("GET", "/en/easy-to-read", "main"),
    "statement": ("GET", "/sv/tillganglighetsredogorelse", "main"),
    "report": ("GET", "/en/accessibility-statement/report-a-problem", "main"),
    "privacy": ("GET", "/sv/sa-hanterar-vi-synpunkter", "main"),
    "fragment": ("GET", "/en/development-areas/ict", "fragment"),
    "error": ("POST", "/sv/", "main"),
}


def render(client, method: str, path: str, keep: str) -> str:
    response = client.open(path, method=method, headers=HX if keep == "fragment" else {})
    html = response.get_data(as_text=True)
    assert response.status_code == (405 if method == "POST" else 200), path
    return main_of(html) if keep == "main" else html


@pytest.fixture
def html_snapshot(snapshot):
    return snapshot.use_extension(HTMLSnapshot)


@pytest.mark.parametrize("name", CASES)
def test_renders_as_its_snapshot(client, html_snapshot, name):
    assert render(client, *CASES[name]) == html_snapshot


def test_every_page_template_has_a_snapshot(make_app):
    """A new template in templates/pages/ needs a case above (and --snapshot-update)."""
    used: set[str] = set()

    def record(sender, template, context, **extra):
        used.add(template.name)

    app = make_app()  # its own: the shared app keeps pages it rendered before
    client = app.test_client()
    with template_rendered.connected_to(record, app):
        for method, path, keep in CASES.values():
            render(client, method, path, keep)
    templates = {f"pages/{p.name}" for p in Path(CHECKOUT, "templates", "pages").glob("*.html")}
    assert sorted(templates - used) == []
    assert "errors/error.html" in used


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


def test_a_snapshot_matches_as_parsed_html_and_stores_no_hash():
    extension = HTMLSnapshot()
    rendered = (
        '<main id="m" class="c">\n\n  <p>It&#39;s</p>\n<link href="/static/a.0123456789ab.css">'
        "</main>"
    )
    stored = extension.serialize(rendered)
    assert "\n\n" not in stored and "0123456789ab" not in stored
    spelled = "<main class=c id=m><p>It's</p><link href=/static/a.css></main>"
    assert extension.matches(serialized_data=spelled, snapshot_data=stored)
    assert not extension.matches(serialized_data=spelled.replace("It", "Is"), snapshot_data=stored)
