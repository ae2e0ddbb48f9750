"""Every page in both languages as Lynx and w3m print it (`-dump`): all of the content, in
reading order, with no control that does nothing, no template or code text, and links that
lead where they say. What a text browser shows is what these dumps show."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from ..browser.helpers import every_path
from ..helpers import LOCALES, SITE, soup
from ..known_gaps import allowed, known_gap
from .catalog import require_browser
from .textdump import Dump, dump_all, fold

TEXT_BROWSERS = ("lynx", "w3m")
# What the browsers print for a form control (Lynx: "(BUTTON)", "[ ]", "____"; w3m: "( )",
# "[    ]"). Only the feedback form has controls, and they work without script; anywhere
# else, none may show.
CONTROL_MARKS = re.compile(r"\((?:BUTTON|submit|reset)\)|\[(?:BUTTON| |X)\]|\(\*\)|_{4,}")
# A text field, a line of a text area or a list of choices, as each browser prints it.
FIELD = {"lynx": re.compile(r"_{4,}"), "w3m": re.compile(r"\[[^\]\n]{4,}\]")}
TEXTAREA_ROWS = 5
# Template syntax, markup, entities, htmx attributes, script and catalog text.
CODE = re.compile(
    r"\{\{|\}\}|\{%|%\}|\{#|#\}|</?[a-z][a-z0-9]*[\s>/]|&(?:[a-z]+|#\d+);|\b(?:data-)?hx-"
    r"|\bfunction\s*\(|=>|\bundefined\b|\bNone\b|\bmsg(?:id|str)\b|%\(\w+\)s",
    re.I,
)
# In the main content, the elements whose text must reach the reader.
BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, figcaption, blockquote"
# w3m draws its second-level bullet as "□", which reads as an empty checkbox.
CHECKBOX_LOOKALIKES = "□☐"


@pytest.fixture(scope="module", params=TEXT_BROWSERS)
def browser(request):
    require_browser(request.param)
    return request.param


@pytest.fixture(scope="module")
def dumps(browser, live_server) -> dict[str, Dump]:
    paths = [path for locale in LOCALES for path in every_path(locale)]
    dumped = dump_all(browser, [live_server.url + path for path in paths])
    return {path: dumped[live_server.url + path] for path in paths}


def pages(client, locale):
    for path in every_path(locale):
        response = client.get(path)
        yield path, soup(response)


def reading_order(doc) -> list[str]:
    """What a reader meets, in the order they must meet it."""
    marks = [doc.select_one(".skip-link"), doc.select_one(".site-header__name")]
    marks += doc.select(".easy-read-link, .language-switcher a") + doc.select(".site-nav a")
    if doc.select_one(".breadcrumbs"):
        marks += [doc.select_one(".breadcrumbs__label")]
        marks += [li.a or li for li in doc.select(".breadcrumbs li")]
    marks += [doc.main.h1, doc.main.select_one("p")]
    marks += [doc.select_one(".site-footer h2"), doc.select_one(".site-footer__org")]
    return [fold(mark.get_text()) if mark else "(missing from the markup)" for mark in marks]


def out_of_order(text: str, marks: list[str]) -> str | None:
    position = 0
    for mark in marks:
        found = text.find(mark, position)
        if found < 0:
            return f"{mark!r} missing after position {position}"
        position = found + len(mark)
    return None


@pytest.mark.parametrize("locale", LOCALES)
def test_content_is_complete_and_in_reading_order(client, dumps, locale):
    problems = {}
    for path, doc in pages(client, locale):
        text = dumps[path].text
        if wrong := out_of_order(text, reading_order(doc)):
            problems[path] = wrong
            continue
        blocks = [
            fold(el.get_text())
            for el in doc.main.select(BLOCKS)
            if not el.select("ul, ol, p") and el.get_text().strip()
        ]
        if missing := [block for block in blocks if block not in text]:
            problems[path] = f"missing: {missing[:3]}"
    assert not problems, problems


@pytest.mark.parametrize("locale", LOCALES)
def test_breadcrumb_reads_as_a_trail(client, dumps, locale):
    for path, doc in pages(client, locale):
        crumbs = [fold((li.a or li).get_text()) for li in doc.select(".breadcrumbs li")]
        text = dumps[path].text
        for before, after in zip(crumbs, crumbs[1:], strict=False):
            trail = re.escape(before) + r" › (?:\d+\. )?" + re.escape(after)
            assert re.search(trail, text), (path, before, after)


def form_span(doc, body: str) -> tuple[str, str]:
    """The dump split into the feedback form (from its first label to its button) and the
    rest of the page."""
    section = doc.select_one("#feedback form")
    if section is None:
        return "", body
    first = section.select_one("legend, label, h2")
    first = fold(first.get_text() if first else section.parent.h2.get_text())
    button = fold(section.select("button")[-1].get_text(" ", strip=True).split()[0])
    start = body.find(first)
    end = body.find(button, start) + len(button)
    assert start >= 0 and end > start, (first, button)
    return body[start:end], body[:start] + body[end:]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_dead_control_and_no_code_text(client, dumps, locale):
    problems = {}
    for path, doc in pages(client, locale):
        _, body = form_span(doc, dumps[path].body)
        script_only = [el["data-dismiss-label"] for el in doc.select("[data-dismiss-label]")]
        found = CONTROL_MARKS.findall(body) + CODE.findall(body)
        found += [label for label in script_only if label in body]
        found += [c for c in CHECKBOX_LOOKALIKES if c in body]
        controls = doc.select("button, input, select, textarea, form")
        if [c for c in controls if not c.find_parent(id="feedback")]:
            found.append("a form control outside the feedback form")
        if found:
            problems[path] = found
    assert not problems, problems


@pytest.mark.parametrize("locale", LOCALES)
def test_the_feedback_form_is_usable_and_shows_no_stray_field(browser, client, dumps, locale):
    """Every page shows the form's question, its two answers, its text box (no other
    field: the honeypot is type=hidden, which text browsers do not show, unlike fields
    hidden by CSS or [hidden]) and its button; the report page its list of pages."""
    for path, doc in pages(client, locale):
        span, _ = form_span(doc, dumps[path].body)
        if not span:
            continue  # an error page: no form
        form = doc.select_one("#feedback form")
        fields = FIELD[browser].findall(span)
        expected = TEXTAREA_ROWS * len(form.select("textarea")) + len(form.select("select"))
        assert len(fields) == expected, (path, fields)
        for label in form.select("label"):
            assert fold(label.get_text()) in fold(span), (path, label.get_text())
        for button in form.select("button"):
            assert fold(button.get_text(" ", strip=True).split()[0]) in span, path
        # Yes and No are two buttons: nothing is chosen before the visitor chooses (issue
        # 21: Lynx showed radios as "(*) Ja ( ) Nej", the first one chosen).
        assert "(*)" not in span and not form.select("input[type=radio]"), path


@pytest.mark.parametrize("locale", LOCALES)
def test_every_link_leads_to_a_page_or_a_place_on_one(client, live_server, dumps, locale):
    answers: dict[str, object] = {}
    dead = {}
    here = urlsplit(live_server.url).netloc
    for path in every_path(locale):
        for url in set(dumps[path].references.values()):
            parts = urlsplit(url)
            if parts.netloc != here:
                # tel: and the sources' outside addresses are not fetched in tests.
                allowed(known_gap("outside-links-untested"))
                continue
            if parts.path not in answers:
                answers[parts.path] = client.get(parts.path)
            response = answers[parts.path]
            ok = response.status_code == 200 or parts.path == path
            if ok and parts.fragment:
                ok = soup(response).find(id=parts.fragment) is not None
            if not ok:
                dead.setdefault(path, []).append(url)
    assert not dead, dead


@pytest.mark.parametrize("locale", LOCALES)
def test_header_links_and_area_links_lead_where_they_should(client, live_server, dumps, locale):
    other = next(code for code in LOCALES if code != locale)
    checked = set()
    for path, doc in pages(client, locale):
        dump = dumps[path]
        switch = doc.select_one(".language-switcher a")
        page = next((p for p in SITE if f"/{locale}/{p.path(locale)}" == path), None)
        expected = f"/{other}/{page.path(other)}" if page else f"/{other}/"
        assert dump.targets(fold(switch.get_text())) == {live_server.url + expected}, path
        # The language link is no list item: a bullet before it read as the menu's first
        # entry (issue 21).
        name = fold(switch.get_text())
        line = next(line for line in dump.text.splitlines() if name in line)
        assert not re.match(r"\s*(\*|•|\+|-|o) ", line), (path, line)
        easy = doc.select_one(".easy-read-link")
        easy_path = f"/{locale}/{SITE['easy-read'].path(locale)}"
        assert dump.targets(fold(easy.get_text())) == {live_server.url + easy_path}, path
        for link in doc.main.select("a.expander"):
            url = live_server.url + link["href"]
            assert url in dump.targets(fold(link.get_text())), (path, link.get_text())
            checked.add(link["href"])
    # Every group and area page was reached through a link with its own name.
    expanding = {f"/{locale}/{p.path(locale)}" for p in SITE if p.kind in ("groups", "areas")}
    assert checked == expanding
