"""The expanders over HTTP: one template, two renderings, and which one a request gets."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from smartspec_site.config import CHECKOUT, Defaults

from .helpers import HX, LOCALES, SITE, page_paths, soup, vary

DECISION_HEADERS = {"hx-request", "hx-history-restore-request", "hx-request-type"}

FRAGMENT_PAGES = [
    (locale, page, path)
    for locale in LOCALES
    for page, path in page_paths(locale)
    if page.fragment_block
]
FRAGMENT_IDS = [path for *_, path in FRAGMENT_PAGES]
ALL_PAGES = [(locale, path) for locale in LOCALES for _, path in page_paths(locale)]


def test_every_group_and_area_has_a_fragment():
    assert len(FRAGMENT_PAGES) == 2 * (4 + 13)


@pytest.mark.parametrize(("locale", "page", "path"), FRAGMENT_PAGES, ids=FRAGMENT_IDS)
def test_fragment_is_the_block_alone_and_verbatim_in_the_full_page(client, locale, page, path):
    fragment = client.get(path, headers=HX)
    full = client.get(path)
    assert fragment.status_code == full.status_code == 200
    markup = fragment.get_data(as_text=True)
    assert "<html" not in markup and "<header" not in markup and "<main" not in markup
    assert 'class="panel__body"' in markup
    assert markup in full.get_data(as_text=True), "fragment and page drifted apart"
    # The fragment's heading is the page's h1, focusable by script.
    heading = soup(fragment).find("h1")
    assert heading["tabindex"] == "-1"
    assert heading.get_text(strip=True) == soup(full).find("h1").get_text(strip=True)


@pytest.mark.parametrize(("locale", "page", "path"), FRAGMENT_PAGES, ids=FRAGMENT_IDS)
def test_both_renderings_vary_on_the_decision_headers(client, locale, page, path):
    assert vary(client.get(path, headers=HX)) >= DECISION_HEADERS
    assert vary(client.get(path)) >= DECISION_HEADERS


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},  # htmx 2 history restore
        {"HX-Request": "true", "HX-Request-Type": "full"},  # htmx 4 history restore / boost
        {"HX-Request": "false"},
    ],
    ids=["plain", "htmx2-history-restore", "htmx4-full", "hx-request-false"],
)
def test_anything_but_a_partial_htmx_request_gets_the_full_page(client, headers):
    response = client.get("/sv/utvecklingsomraden/ikt", headers=headers)
    assert response.status_code == 200
    doc = soup(response)
    assert doc.html["lang"] == "sv"
    assert doc.find("header") and doc.find("footer")
    assert doc.find("h1").get_text(strip=True) == "IKT"
    assert vary(response) >= DECISION_HEADERS


def test_htmx4_partial_request_gets_the_fragment(client):
    response = client.get("/en/development-areas/ict", headers={**HX, "HX-Request-Type": "partial"})
    assert "<html" not in response.get_data(as_text=True)
    assert soup(response).find("h1").get_text(strip=True) == "ICT"


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/sv/utvecklingsomraden/finns-inte", "sv", "Sidan finns inte"),
        ("/en/development-areas/no-such-area", "en", "Page not found"),
        ("/en/development-areas/group/no-such-group", "en", "Page not found"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HX], ids=["plain", "htmx"])
def test_unknown_area_is_a_full_translated_404(client, path, lang, heading, headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 404
    doc = soup(response)
    assert doc.html["lang"] == lang
    assert doc.h1.get_text(strip=True) == heading
    assert doc.find("header") and doc.find("footer")


@pytest.mark.parametrize(("locale", "page", "path"), FRAGMENT_PAGES, ids=FRAGMENT_IDS)
def test_fragment_links_stay_in_the_page_locale(client, locale, page, path):
    doc = soup(client.get(path, headers=HX))
    local = [a["href"] for a in doc.find_all("a") if "://" not in a["href"]]
    if page.key == "area:ict":
        assert local, "the ICT area's fragment links to the strategy's kraftsamlingar"
    assert all(href.startswith(f"/{locale}/") for href in local), local


@pytest.mark.parametrize("page", [p for p in SITE if p.fragment_block], ids=lambda p: p.key)
def test_fragment_is_in_the_page_language(client, page):
    sv, en = (
        soup(client.get(f"/{loc}/{page.path(loc)}", headers=HX)).find(class_="panel__body")
        for loc in LOCALES
    )
    sv_text = {p.get_text(" ", strip=True) for p in sv.find_all("p")}
    en_text = {p.get_text(" ", strip=True) for p in en.find_all("p")}
    assert en_text and not (sv_text & en_text), "the English fragment repeats Swedish text"


@pytest.mark.parametrize(("locale", "path"), ALL_PAGES, ids=[p for _, p in ALL_PAGES])
def test_every_expander_is_a_link_to_the_url_it_fetches(client, locale, path):
    doc = soup(client.get(path))
    controls = doc.find_all(attrs={"data-hx-get": True, "data-expander": True})
    # The only other htmx link: "Report a problem with this page", the form's next step.
    others = doc.find_all(attrs={"data-hx-get": True, "data-expander": False})
    assert [a["data-hx-get"] for a in others] == [a["href"] for a in others]
    assert all(a.find_parent(id="feedback") for a in others)
    for control in controls:
        assert control.name == "a"
        assert control["data-hx-get"] == control["href"]
        assert control["href"].startswith(f"/{locale}/")
        assert control["data-hx-swap"] == "innerHTML"
        target = doc.select_one(control["data-hx-target"])
        assert target is not None and target["id"] == control["data-expander"]
        assert target.has_attr("hidden") and not target.contents
        assert client.get(control["href"]).status_code == 200
    # Expanding is not navigation: nothing pushes or replaces a URL.
    for attr in ("hx-push-url", "data-hx-push-url", "hx-replace-url", "data-hx-replace-url"):
        assert not doc.find_all(attrs={attr: True})
    expected = {"": 17, SITE["areas"].path(locale): 17}
    for group in SITE.groups:
        expected[group.path(locale)] = len(SITE.children(group))
    assert len(controls) == expected.get(path.split("/", 2)[2], 0)


# --- Where htmx comes from ----------------------------------------------------------


def htmx_script(client):
    doc = soup(client.get("/sv/"))
    scripts = doc.find_all("script", src=True)
    htmx = next(s for s in scripts if "htmx" in s["src"])
    site_js = next(s for s in scripts if re.search(r"/js/site(\.[0-9a-f]{12})?\.js$", s["src"]))
    assert scripts.index(htmx) < scripts.index(site_js), "site.js runs after htmx"
    return htmx, doc


@pytest.mark.parametrize("source", ["cdn", "local"])
def test_htmx_source_switch(source, make_client):
    client = make_client(HTMX_SOURCE=source)
    script, doc = htmx_script(client)
    if source == "cdn":
        assert script["src"] == "https://cdn.jsdelivr.net/npm/htmx.org@2.0.11/dist/htmx.min.js"
    else:
        # The vendored copy, under its content-hashed name in production builds.
        assert re.fullmatch(
            r"/static/vendor/htmx-2\.0\.11\.min(\.[0-9a-f]{12})?\.js", script["src"]
        )
        with client.get(script["src"]) as served:
            assert served.status_code == 200
    assert script["integrity"] == (
        "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"
    )
    assert script["crossorigin"] == "anonymous"
    assert script.has_attr("defer")
    config = json.loads(doc.find("meta", attrs={"name": "htmx-config"})["content"])
    assert config["historyRestoreAsHxRequest"] is False


def test_unknown_htmx_source_is_refused(make_app):
    with pytest.raises(ValueError, match="HTMX_SOURCE"):
        make_app(HTMX_SOURCE="unpkg")


def test_vendored_htmx_matches_the_integrity_attribute(client):
    """The bytes the browser is served hash to the integrity the page declares (the same
    attribute guards the CDN copy), and they are the vendored file's bytes."""
    script, _ = htmx_script(client)
    with client.get(script["src"]) as served:
        data = served.get_data()
    assert data == (CHECKOUT / "static" / Defaults.HTMX_LOCAL_FILE).read_bytes()
    digest = base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
    assert script["integrity"] == f"sha384-{digest}"
    assert b'version:"2.0.11"' in data
