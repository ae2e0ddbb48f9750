"""What several browser tests do: load pages, open every panel, run axe-core."""

from __future__ import annotations

import functools

from playwright.sync_api import Page, expect

from ..helpers import LOCALES, SITE, page_paths  # noqa: F401 - LOCALES: browser tests import it here
from ..system import need_node

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# A browser between the cut-offs: it knows CSS.supports but not clamp() (Chrome 61-78,
# Firefox 55-74, Safari 9-13). Used where a test needs the banner shown but htmx working.
WITHOUT_CLAMP = """(() => {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = (...args) => !args.join(" ").includes("clamp(") && supports(...args);
})();"""

HORIZONTAL_OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.body.querySelectorAll("*")]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map(el => el.tagName + "." + el.className);
  return root.scrollWidth > root.clientWidth ? wide.slice(0, 5).concat(["(scrolls)"]) : wide;
}"""
# 320 CSS px wide (WCAG 1.4.10), and 1280 × 1024 at 400 % zoom, which is 320 × 256 CSS px.
NARROW = [{"width": 320, "height": 640}, {"width": 320, "height": 256}]


@functools.cache
def axe_source() -> str:
    """axe-core from package-lock.json, read when a test first runs it (tests/system.py)."""
    return need_node("axe-core", "axe.min.js").read_text(encoding="utf-8")


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


# Clicks every expander in turn, each once the one before has opened: its control says
# so and its panel's title is shown. Rejects with the first that does not open in time.
OPEN_EVERY_PANEL = """async () => {
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  const controls = [...document.querySelectorAll("[data-expander]")];
  for (const control of controls) {
    control.click();
    const panel = document.getElementById(control.getAttribute("data-expander"));
    const title = () => panel && panel.querySelector(".panel__title");
    const started = performance.now();
    while (!(control.getAttribute("aria-expanded") === "true" && title()
             && title().getClientRects().length)) {
      if (performance.now() - started > 5000) throw new Error(`${control.id} did not open`);
      await frame();
    }
  }
  return controls.length;
}"""


def open_every_panel(page: Page) -> int:
    """Click every group and area expander on the page; return how many panels opened.

    The clicks are the page's own (HTMLElement.click), one after another without a round
    trip each: this opens panels for the checks that look at them. A person's clicks and
    keys are test_expanders.py's and test_keyboard.py's."""
    wait_for_htmx(page)
    return page.evaluate(OPEN_EVERY_PANEL)


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, one readable entry per rule.

    Injected with evaluate (not add_script_tag) so a strict Content-Security-Policy on the
    page cannot block it; a context that loads many pages may give it to every page at once
    (``context.add_init_script(axe_source())``)."""
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
