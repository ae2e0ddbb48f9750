"""Every page of the site map, in each language, has the frame's parts where a reader looks
for them: what the whole-page fixtures once held for each page, asked of each page as
behaviour (the frame's markup itself is one snapshot, tests/test_rendered.py)."""

from __future__ import annotations

import pytest

from .helpers import LOCALES, SITE, page_paths, soup

ALL_PAGES = [(loc, page, path) for loc in LOCALES for page, path in page_paths(loc)]
SITE_NAME = {"sv": "Västra Götalandsregionen", "en": "Region Västra Götaland"}
FEEDBACK = {"sv": "/sv/synpunkter", "en": "/en/feedback"}  # the form's own address


@pytest.mark.parametrize(("locale", "page", "path"), ALL_PAGES, ids=[p for *_, p in ALL_PAGES])
def test_every_page_has_the_frame(client, locale, page, path):
    doc = soup(client.get(path))
    # The head: a title naming the site, a description, both stylesheets, htmx then site.js.
    title = doc.title.get_text()
    assert title.endswith(f" – {SITE_NAME[locale]}")
    assert doc.find("meta", attrs={"name": "description"})["content"].strip()
    sheets = doc.select('link[rel="stylesheet"]')
    assert [s.get("media") for s in sheets] == [None, "print"]
    scripts = [s["src"] for s in doc.select("script[src]")]
    assert len(scripts) == 2 and "htmx" in scripts[0] and "/js/site." in scripts[1]
    assert doc.head.find("script", src=False), "the support check runs before first paint"
    # The skip link first, to the main content.
    assert doc.body.find("a")["href"] == "#main-content" and doc.find("main", id="main-content")
    banner = doc.select_one(".browser-banner[role=region]")
    assert doc.find(id=banner["aria-labelledby"]).name == "h2"
    # The header: the site's name to the start page, easy-to-read, the other language.
    assert doc.select_one("header .site-header__brand")["href"] == f"/{locale}/"
    easy = SITE["easy-read"].path(locale)
    assert doc.select_one("header .easy-read-link")["href"] == f"/{locale}/{easy}"
    assert doc.select_one("header .language-switcher a")["hreflang"] != locale
    # The menu: the same links on every page; at most one marked, the page or its section.
    menu = [a["href"] for a in doc.select("nav.site-nav a")]
    assert menu == [f"/{locale}/{item.path(locale)}" for item in SITE.menu]
    current = doc.select("nav.site-nav a[aria-current]")
    assert len(current) <= 1
    if current:
        assert path.startswith(current[0]["href"])
        assert current[0]["aria-current"] == ("page" if current[0]["href"] == path else "true")
    # Breadcrumbs on every page but the start page, ending with this page, unlinked.
    crumbs = doc.select("nav.breadcrumbs li")
    if page.key == "start":
        assert not crumbs
    else:
        assert crumbs[0].a["href"] == f"/{locale}/"
        assert crumbs[-1]["aria-current"] == "page" and not crumbs[-1].a
        assert title.startswith(crumbs[-1].get_text(strip=True))
    # "Was this page useful?" about this page; the report page has its own form instead.
    forms = doc.select("form[data-feedback-form]")
    assert len(forms) == 1
    if page.key == "accessibility-report":
        assert forms[0].find_parent("main")
        assert forms[0].find("input", attrs={"name": "category"})["value"] == "accessibility"
    else:
        assert not forms[0].find_parent("main")
        assert forms[0]["action"] == f"{FEEDBACK[locale]}?page={path}"
        assert forms[0].find("input", attrs={"name": "page"})["value"] == path
    # The footer: the contact, when the page was updated, the statement and the privacy note.
    footer = doc.find("footer", class_="site-footer")
    assert footer.select_one(".contact a[href^='tel:']")
    assert footer.select(".site-footer__updated time[datetime]")
    links = {a["href"] for a in footer.select(".site-footer__links a")}
    assert links == {
        f"/{locale}/{SITE['accessibility'].path(locale)}",
        f"/{locale}/{SITE['privacy'].path(locale)}",
    }


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("method", "status"), [("GET", 404), ("POST", 405)])
def test_error_pages_keep_the_frame_without_the_pages_parts(client, locale, method, status):
    """An error page is no page of the site: no breadcrumbs, no alternates, no feedback."""
    response = client.open(f"/{locale}/" if method == "POST" else f"/{locale}/x", method=method)
    assert response.status_code == status
    doc = soup(response)
    assert doc.title.get_text().endswith(f" – {SITE_NAME[locale]}")
    assert doc.find("a")["href"] == "#main-content"
    assert doc.select_one("nav.site-nav") and doc.find("footer", class_="site-footer")
    assert not doc.select("nav.breadcrumbs, link[rel=alternate], link[rel=canonical]")
    assert not doc.select("form[data-feedback-form], .site-footer__updated")
    assert len(doc.select(".error-links a")) == 4
