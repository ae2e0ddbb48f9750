"""Dillo and NetSurf, the small graphical engines, under Xvfb: the start page in both
languages, an area page and a group page, visited in that order in one browser process, so
each page has visited links in its header (the current page's own link, the pages seen
before). The screenshots stay in artifacts/ for a person to look at; the checks (looks.py)
read them as a person would, and each one failed on a defect these engines really showed."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from smartspec_site.config import CHECKOUT

from ..helpers import SITE, soup
from . import looks
from .catalog import runnable
from .conftest import GRAPHICAL
from .screens import visit, xvfb

AREA, GROUP = SITE["area:ict"], SITE["group:strength"]
PAGES = {
    "sv-start": "/sv/",
    "en-start": "/en/",
    "sv-area": f"/sv/{AREA.path('sv')}",
    "sv-group": f"/sv/{GROUP.path('sv')}",
}


def capture(app, live_server, engine: str, display_for) -> dict:
    client = app.test_client()
    pages = []
    for name, path in PAGES.items():
        title = soup(client.get(path)).title.get_text()
        pages.append((name, live_server.url + path, title))
    out = CHECKOUT / "artifacts"
    out.mkdir(exist_ok=True)
    with display_for() as display:
        return visit(engine, display, pages, out)


@pytest.fixture(scope="module")
def screenshots(app, live_server) -> dict:
    """Both engines at once, each on its own X display: {engine: {page: path} or error}."""
    engines = runnable(GRAPHICAL)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {e: pool.submit(capture, app, live_server, e, xvfb) for e in engines}
    results = {}
    for engine, future in futures.items():
        error = future.exception()
        results[engine] = error if error else future.result()
    return results


def look(shots: dict, check, *args) -> dict[str, list[str]]:
    found = {name: check(img, *args) for name, img in shots.items()}
    return {name: problems for name, problems in found.items() if problems}


def test_header_links_contrast_with_the_header(shots):
    """WCAG 1.4.3 on what the engine painted: every word in the header and the menu, the
    visited links included (Dillo painted them dark purple on dark blue)."""
    assert look(shots, looks.header_contrast) == {}


def test_menu_items_stand_apart(shots):
    """Dillo drew no padding or margin on the menu's items: they ran together as a phrase."""
    assert look(shots, looks.menu_spacing, len(SITE.menu)) == {}


def test_no_empty_panel_draws_a_box(shots):
    """Dillo drew each hidden, empty panel as a short blue bar under its group."""
    assert look(shots, looks.stray_panel_boxes) == {}


def test_banner_has_no_control_without_script(shots):
    """Dillo drew the script's dismiss button as a full-width empty box."""
    assert look(shots, looks.banner_boxes) == {}


def test_breadcrumb_separator_follows_each_link(shots):
    """NetSurf and Dillo have no generated content: without a separator in the markup the
    crumbs, and the last, unlinked one, ran on as one phrase."""
    with_trail = {name: shots[name] for name in ("sv-area", "sv-group")}
    assert look(with_trail, looks.breadcrumb_separators) == {}
