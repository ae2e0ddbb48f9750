"""Small helpers for reading pages the way a visitor (or a crawler) sees them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from smartspec_site.config import Defaults
from smartspec_site.content.sitemap import Page, SiteMap, load

LOCALES = ("sv", "en")
# The site map of the content files as they are, for parametrising tests (the app builds its
# own from the same files).
SITE: SiteMap = load(Path(Defaults.CONTENT_DIR))
GROUPS = SITE.groups
AREAS = {page.key.removeprefix("area:"): page for page in SITE if page.kind == "areas"}
HX = {"HX-Request": "true"}  # what htmx sends for a fragment


def vary(response) -> set[str]:
    """The Vary header's names, lower-cased (header names are case-insensitive)."""
    return {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html5lib")


def text_of(response) -> str:
    """The visible text, whitespace folded, as a reader would search it."""
    doc = soup(response)
    for hidden in doc(["script", "style", "template"]):
        hidden.decompose()
    text = " ".join(doc.get_text(" ").split())
    return re.sub(r" ([,.;:)])", r"\1", text)


def page_paths(locale: str) -> list[tuple[Page, str]]:
    return [(page, f"/{locale}/{page.path(locale)}") for page in SITE]


def internal_links(response, base: str) -> set[str]:
    """Every same-site URL a page links to or loads (href and src), without fragments."""
    found = set()
    for tag in soup(response).find_all(["a", "link", "script"]):
        ref = tag.get("href") or tag.get("src")
        if not ref or ref.startswith(("mailto:", "tel:")):
            continue
        url = urlsplit(urljoin(base, ref))
        if url.netloc in ("", "localhost"):
            found.add(url.path + (f"?{url.query}" if url.query else ""))
    return found


def edit(po: Path, old: str, new: str) -> int:
    """Replace text in the catalog; return the line number of the new text."""
    text = po.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    po.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1
