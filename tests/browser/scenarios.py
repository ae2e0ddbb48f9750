"""What a visitor does, written once and played in more than one engine: Chromium through
Playwright (tests/browser/test_scenarios.py) and Firefox ESR through Marionette
(tests/engines/test_firefox.py). A scenario sees only a small ``Driver``: go to a URL, run
a function body in the page, click, press a key, wait for a condition. So the same
assertions hold in Blink and in Gecko, and a difference between them fails one of the two.

The Playwright tests around it stay as they are: they use Playwright's locators and
auto-waiting, which a second driver does not have."""

from __future__ import annotations

from typing import Any, Protocol

from playwright.sync_api import Page

from ..helpers import SITE

GROUP = SITE["group:knowledge-based"]
AREA = SITE["area:ict"]
PANEL = {page.key: "panel-" + page.key.replace(":", "-") for page in (GROUP, AREA)}
KEYS = ("Tab", "Enter", "Space")

# The features the head script (static/js/support.js) tests, each removed as an older
# engine lacks it; the script's own source is then run again, as the engine would run it.
REMOVALS = {
    "Object.fromEntries": "delete Object.fromEntries;",
    "Array.prototype.flat": "delete Array.prototype.flat;",
    "CSS.supports": "delete CSS.supports;",
}


class Driver(Protocol):
    def goto(self, url: str) -> None: ...
    def js(self, body: str, *args: Any) -> Any: ...  # a function body; args as arguments[i]
    def click(self, css: str) -> None: ...
    def press(self, key: str) -> None: ...  # one of KEYS
    def wait(self, body: str, *args: Any) -> None: ...  # until the body returns true


class Playwright:
    """The Driver over a Playwright page (Chromium)."""

    def __init__(self, page: Page):
        self.page = page

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def js(self, body: str, *args: Any) -> Any:
        # The body is part of the evaluated source, not eval'd by the page: the CSP allows it.
        return self.page.evaluate(f"args => (function () {{ {body} }}).apply(null, args)", args)

    def click(self, css: str) -> None:
        self.page.click(css)

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def wait(self, body: str, *args: Any) -> None:
        self.page.wait_for_function(
            f"args => (function () {{ {body} }}).apply(null, args)", arg=args, timeout=10_000
        )


ACTIVE = "var el = document.activeElement; return [el.id, el.className, el.tagName];"
BANNER = "document.querySelector('[data-browser-banner]')"
BANNER_DISPLAY = f"return getComputedStyle({BANNER}).display;"


def feature_test_finds_a_modern_engine(driver: Driver, base: str, locale: str) -> None:
    """The head script marks the engine supported, and the banner is not shown."""
    driver.goto(f"{base}/{locale}/")
    classes = driver.js("return document.documentElement.className;").split()
    assert "js" in classes and "supported" in classes and "unsupported" not in classes
    assert driver.js(BANNER_DISPLAY) == "none"
    have = driver.js(
        "return [typeof Object.fromEntries, typeof Array.prototype.flat,"
        " CSS.supports('width', 'clamp(1px, 1px, 1px)')];"
    )
    assert have == ["function", "function", True]


def feature_test_shows_the_banner_without_a_feature(driver: Driver, base: str, locale: str):
    """With one tested feature gone, the head script's real source says "unsupported": the
    banner shows, with the button site.js made, which dismisses it for a year."""
    for removal in REMOVALS.values():
        driver.goto(f"{base}/{locale}/")
        source = driver.js("return document.head.querySelector('script').textContent;")
        driver.js(
            "document.documentElement.className = 'no-js';"
            f"document.cookie = 'browser_banner=; Max-Age=0; Path=/'; {removal} {source}"
        )
        classes = driver.js("return document.documentElement.className;").split()
        assert "unsupported" in classes and "supported" not in classes, removal
        assert driver.js(BANNER_DISPLAY) == "block", removal
    label = driver.js("return document.querySelector('[data-dismiss-label]').dataset.dismissLabel;")
    button = "[data-browser-banner] button[data-dismiss-banner]"
    assert driver.js(f"return document.querySelector('{button}').textContent;") == label
    driver.click(button)
    assert driver.js(BANNER_DISPLAY) == "none"
    assert driver.js(ACTIVE)[0] == "main-content"
    assert "browser_banner=dismissed" in driver.js("return document.cookie;")
    driver.goto(f"{base}/{locale}/")
    assert "banner-dismissed" in driver.js("return document.documentElement.className;")
    driver.js("document.cookie = 'browser_banner=; Max-Age=0; Path=/';")


def skip_link_moves_focus_into_main(driver: Driver, base: str, locale: str) -> None:
    driver.goto(f"{base}/{locale}/{AREA.path(locale)}")
    driver.press("Tab")
    assert driver.js(ACTIVE)[1] == "skip-link"
    width = driver.js("return document.activeElement.getBoundingClientRect().width;")
    assert width > 200, "the focused skip link is shown"
    driver.press("Enter")
    driver.wait("return document.activeElement.id === 'main-content';")
    assert driver.js("return location.hash;") == "#main-content"
    driver.press("Tab")
    assert driver.js("return !!document.activeElement.closest('#main-content');")
    # The tabindex that let main take focus was only for that moment.
    assert not driver.js("return document.getElementById('main-content').hasAttribute('tabindex');")


def expanders_open_and_close_in_place(driver: Driver, base: str, locale: str) -> None:
    """A group opens by click, an area by Space; each heading takes focus; a second click
    closes the group and gives focus back to it. No page load happens."""
    driver.goto(f"{base}/{locale}/")
    control = "[data-expander='{}']".format
    driver.wait(
        "return document.querySelector(arguments[0]).getAttribute('aria-expanded') === 'false';",
        control(PANEL[GROUP.key]),
    )
    driver.js("window.scenarioMarker = 'still here';")
    opened = (
        "var c = document.querySelector(arguments[0]), p = document.getElementById(arguments[1]);"
        "var t = p.querySelector('.panel__title');"
        "return c.getAttribute('aria-expanded') === 'true' && !p.hidden && !!t"
        " && document.activeElement === t && t.textContent === c.textContent"
        " && t.tagName === 'H3';"
    )
    driver.click(control(PANEL[GROUP.key]))
    driver.wait(opened, control(PANEL[GROUP.key]), PANEL[GROUP.key])
    driver.js("document.querySelector(arguments[0]).focus();", control(PANEL[AREA.key]))
    driver.press("Space")
    driver.wait(opened, control(PANEL[AREA.key]), PANEL[AREA.key])
    driver.click(control(PANEL[GROUP.key]))
    driver.wait(
        "var c = document.querySelector(arguments[0]);"
        "return c.getAttribute('aria-expanded') === 'false' && document.activeElement === c"
        " && document.getElementById(arguments[1]).hidden;",
        control(PANEL[GROUP.key]),
        PANEL[GROUP.key],
    )
    assert driver.js("return window.scenarioMarker;") == "still here", "the page reloaded"


EASY = SITE["easy-read"]
FOCUS_RING = (
    "var s = getComputedStyle(document.activeElement);"
    "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;"
)
EASY_TYPE = (
    "var out = [];"
    "document.querySelectorAll('main .easy-read p').forEach(function (p) {"
    "  var s = getComputedStyle(p);"
    "  out.push([parseFloat(s.lineHeight) / parseFloat(s.fontSize), s.textAlign,"
    "            s.hyphens || s.webkitHyphens]);"
    "}); return out;"
)


def easy_read_link_by_keyboard(driver: Driver, base: str, locale: str) -> None:
    """After the skip link and the site's name, Tab reaches the easy-to-read link, with a
    visible focus ring, and then the language link; Enter opens the easy-to-read page in the
    same language, where the link says it is the current page and the text is set for easy
    reading."""
    driver.goto(f"{base}/{locale}/{AREA.path(locale)}")
    stops = []
    for _ in range(4):
        driver.press("Tab")
        stops.append(driver.js(ACTIVE)[1])
        if stops[-1] == "easy-read-link":
            assert driver.js(FOCUS_RING), "the focused link shows a ring"
    assert stops == ["skip-link", "site-header__brand", "easy-read-link", "language-switcher__link"]
    driver.js("document.querySelector('.easy-read-link').focus();")
    driver.press("Enter")
    path = f"/{locale}/{EASY.path(locale)}"
    driver.wait("return location.pathname === arguments[0];", path)
    driver.wait("return document.readyState === 'complete';")
    current = "return document.querySelector('.easy-read-link').getAttribute('aria-current');"
    assert driver.js(current) == "page"
    paragraphs = driver.js(EASY_TYPE)
    assert paragraphs, "the easy-to-read text"
    for spacing, align, hyphens in paragraphs:
        assert spacing >= 1.5 and align in ("start", "left") and hyphens == "none"


STRATEGY = SITE["strategy"]
SUBMIT = {"sv": "/sv/synpunkter", "en": "/en/feedback"}
HEADING_FOCUSED = (
    "var el = document.activeElement;"
    "return el.hasAttribute('data-feedback-focus') && el.textContent.trim() === arguments[0];"
)
STATUS_SAYS = (
    "var want = arguments[0];"
    "return [].some.call(document.querySelectorAll('[role=status]'),"
    " function (el) { return el.textContent.trim() === want; });"
)
QUESTION_IN_VIEW = (
    "var label = document.querySelector('#feedback-text-group label').getBoundingClientRect();"
    "var box = document.getElementById('feedback-text').getBoundingClientRect();"
    "return [label.top, box.bottom, window.innerHeight];"
)


def feedback_in_two_steps_in_place(driver: Driver, base: str, locale: str) -> None:
    """No, then a text: htmx swaps each step in, focus moves to its heading, and the live
    region says it; no page load."""
    driver.goto(f"{base}/{locale}/{STRATEGY.path(locale)}")
    driver.wait("return !!window.htmx;")
    driver.js("window.scenarioMarker = 'still here';")
    more = {"sv": "Tack för ditt svar", "en": "Thank you for your answer"}[locale]
    thanks = {"sv": "Tack för dina synpunkter", "en": "Thank you for your feedback"}[locale]
    driver.click("#feedback-answer-no")
    driver.wait(HEADING_FOCUSED, more)
    driver.wait(STATUS_SAYS, more)
    driver.js("document.getElementById('feedback-text').value = arguments[0];", "Bra, tack")
    driver.click("#feedback form button")
    driver.wait(HEADING_FOCUSED, thanks)
    driver.wait(STATUS_SAYS, thanks)
    assert driver.js("return window.scenarioMarker;") == "still here", "the page reloaded"


def feedback_error_link_brings_the_question_into_view(
    driver: Driver, base: str, locale: str
) -> None:
    """ "Report a problem" sent empty: the error summary takes focus; its link focuses the
    text box with its label in view."""
    driver.goto(f"{base}{SUBMIT[locale]}?page=/{locale}/{STRATEGY.path(locale)}&step=problem")
    driver.wait("return !!window.htmx;")
    driver.click("#feedback form button")
    driver.wait("return document.activeElement.hasAttribute('data-error-summary');")
    driver.js("window.scrollTo(0, document.body.scrollHeight);")
    driver.click("[data-error-summary] a")
    driver.wait("return document.activeElement.id === 'feedback-text';")
    label_top, box_bottom, height = driver.js(QUESTION_IN_VIEW)
    assert label_top >= 0 and box_bottom <= height, (label_top, box_bottom, height)


SCENARIOS = [
    feature_test_finds_a_modern_engine,
    feature_test_shows_the_banner_without_a_feature,
    skip_link_moves_focus_into_main,
    expanders_open_and_close_in_place,
    easy_read_link_by_keyboard,
    feedback_in_two_steps_in_place,
    feedback_error_link_brings_the_question_into_view,
]
