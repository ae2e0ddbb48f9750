"""What several browser tests do: load pages, open every panel, run axe-core."""

from __future__ import annotations

import functools

import pytest
from playwright.sync_api import Page, expect

from smartspec_site.config import CHECKOUT

from ..helpers import LOCALES, SITE, page_paths  # noqa: F401 - LOCALES: browser tests import it here

AXE = CHECKOUT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# A browser between the cut-offs: it knows CSS.supports but not clamp() (Chrome 61-78,
# Firefox 55-74, Safari 9-13). Used where a test needs the banner shown but htmx working.
WITHOUT_CLAMP = """(() => {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = (...args) => !args.join(" ").includes("clamp(") && supports(...args);
})();"""


@functools.cache
def axe_source() -> str:
    """axe-core from package-lock.json, read when a test first runs it (a missing
    node_modules fails that test, naming the fix, instead of breaking collection)."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(CHECKOUT)} is missing: `make test` runs `npm ci` first")
    return AXE.read_text(encoding="utf-8")


def every_path(locale: str) -> list[str]:
    """Every page of the site map in one locale, and its 404 page."""
    return [path for _, path in page_paths(locale)] + [f"/{locale}/{missing(locale)}"]


def missing(locale: str) -> str:
    return {"sv": "finns-inte", "en": "no-such-page"}.get(locale, "missing")


def expanding_paths(locale: str) -> list[str]:
    """The pages that list every group and area as expanders."""
    return [f"/{locale}/{SITE[key].path(locale)}" for key in ("start", "areas")]


def pages_with_expanders(locale: str) -> list[tuple[str, int]]:
    """Every page with expanders, and how many: the start and areas pages list all four
    groups and thirteen areas; a group page lists its own areas."""
    pages = [(path, 17) for path in expanding_paths(locale)]
    for group in SITE.groups:
        pages.append((f"/{locale}/{group.path(locale)}", len(SITE.children(group))))
    return pages


def wait_for_htmx(page: Page) -> None:
    """htmx is loaded and site.js has turned the expanders into disclosures."""
    expect(page.locator("[data-expander]").first).to_have_attribute("aria-expanded", "false")


def open_every_panel(page: Page) -> int:
    """Click every group and area expander on the page; return how many panels opened."""
    wait_for_htmx(page)
    controls = page.locator("[data-expander]")
    count = controls.count()
    for index in range(count):
        control = controls.nth(index)
        control.click()
        panel = page.locator("#" + control.get_attribute("data-expander"))
        expect(control).to_have_attribute("aria-expanded", "true")
        expect(panel.locator(".panel__title")).to_be_visible()
    return count


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, one readable entry per rule.

    Injected with evaluate (not add_script_tag) so a strict Content-Security-Policy on the
    page cannot block it."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(
            f"      {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
            for node in v["nodes"]
        )
        for v in result["violations"]
    ]
