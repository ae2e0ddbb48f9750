"""Markup checked by the tools auditors use, outside the browser: the Nu HTML Checker on
every page and every fragment, doiuse on the stylesheets, and lang on foreign phrases."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from smartspec_site.config import CHECKOUT

from .helpers import LOCALES, SITE, page_paths, soup, text_of
from .system import need, need_node

VNU_JAR = ("vnu-jar", "build/dist/vnu.jar")  # the Nu HTML Checker, from package-lock.json
CSS_SUPPORT = CHECKOUT / "scripts" / "css-support.mjs"

# A fragment is the inside of a panel, not a document. The Nu checker has no fragment mode,
# so each one is checked where it lands: in the panel <div> of a minimal valid document in
# the fragment's language, exactly as the start and areas pages hold it.
FRAGMENT_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Fragment {path}</title></head>
<body><main><div class="panel" id="panel-fragment">{fragment}</div></main></body></html>
"""
# Proves the checker really ran and reports: this one has exactly one error.
CANARY = (
    "<!DOCTYPE html><html lang=en><head><title>canary</title></head><body><p></div></body></html>"
)


@pytest.mark.tools
def test_nu_html_checker_finds_no_errors(client, live_server, tmp_path):
    need("java")
    vnu = need_node(*VNU_JAR)
    targets = []
    for locale in LOCALES:
        targets += [live_server.url + path for _, path in page_paths(locale)]
        # Error pages: vnu will not fetch a 404 or 405, so they are checked as files.
        for status, response in (
            (404, client.get(f"/{locale}/no-such-page")),
            (405, client.post(f"/{locale}/")),
        ):
            assert response.status_code == status
            file = tmp_path / f"error-{locale}-{status}.html"
            file.write_bytes(response.get_data())
            targets.append(str(file))
        for page, path in page_paths(locale):
            if not page.fragment_block:
                continue
            fragment = client.get(path, headers={"HX-Request": "true"}).get_data(as_text=True)
            assert "<html" not in fragment
            file = tmp_path / f"fragment-{locale}-{page.key.replace(':', '-')}.html"
            file.write_text(FRAGMENT_PAGE.format(lang=locale, path=path, fragment=fragment))
            targets.append(str(file))
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY)
    fragments = sum(1 for t in targets if "/fragment-" in t)
    assert fragments == 2 * sum(1 for p in SITE if p.fragment_block) == 34

    # One JVM for everything; --errors-only drops warnings and info.
    result = subprocess.run(
        [
            "java",
            "-Dnu.validator.servlet.allow-forbidden-hosts=true",
            "-jar",
            str(vnu),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *targets,
            str(canary),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    canary_errors = [m for m in messages if m.get("url", "").endswith("canary.html")]
    assert len(canary_errors) == 1, "the checker did not report the canary's error"
    errors = [
        f"{m.get('url')}:{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in messages
        if m not in canary_errors
    ]
    assert not errors, "\n".join(errors)


@pytest.mark.tools
def test_css_features_legacy_browsers_lack_are_documented_with_their_fallback():
    """doiuse lists what browsers of package.json's browserslist (IE 11 among them) lack; each
    such feature is in the table of fallbacks (docs/browser-support.md), and the table lists
    nothing unused."""
    need("node")
    need_node("doiuse")
    need_node("postcss")
    result = subprocess.run(
        ["node", str(CSS_SUPPORT), "static/css/site.css", "static/css/print.css"],
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    used = {item["feature"] for item in json.loads(result.stdout)}
    assert "css-featurequeries" in used  # the check sees IE 11's gaps
    doc = (CHECKOUT / "docs" / "browser-support.md").read_text(encoding="utf-8")
    section = doc.split("## Legacy CSS", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, flags=re.M))
    assert used - documented == set(), "undocumented: add a row to docs/browser-support.md"
    assert documented - used == set(), "documented but no longer used"


# Function words give a language away. A page in one language must not show a sentence in
# the other outside an element that says so with lang (WCAG 3.1.2). Proper names are exempt.
GIVEAWAYS = {
    "en": re.compile(r"\b(och|att|som|det|för|med|är|inte|den|ett)\b", re.I),
    "sv": re.compile(r"\b(the|and|of|with|is|are|this|that)\b", re.I),
}
PROPER_NAMES: dict[str, list[str]] = {"sv": [], "en": []}  # none: every name is marked


@pytest.mark.parametrize("locale", LOCALES)
def test_phrases_in_the_other_language_are_marked_with_lang(client, locale):
    other = "en" if locale == "sv" else "sv"
    unmarked = {}
    for _, path in page_paths(locale):
        response = client.get(path)
        doc = soup(response)
        for marked in doc.select(f'[lang="{other}"]'):
            marked.decompose()
        for hidden in doc(["script", "style", "title", "meta"]):
            hidden.decompose()
        text = " ".join(doc.get_text(" ").split())
        for name in PROPER_NAMES[locale]:
            text = text.replace(name, "")
        if found := GIVEAWAYS[locale].findall(text):
            unmarked[path] = found
        assert text_of(response)  # the page has text at all
    assert not unmarked, unmarked
