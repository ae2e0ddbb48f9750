"""The feedback form in Chromium, by keyboard only, with JavaScript (htmx swaps each step in
place) and without (POST → 303 → the next step); what a screen reader is given at each step
(the focused element's role and accessible name, the live region); axe-core on every step,
its error state, the thank-you and the accessibility report; the error summary bringing the
question into view; GOV.UK's character count; the fallback to a plain post."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from ..conftest import TEST_CONFIG
from ..feedback_helpers import rows
from ..helpers import SITE
from ..nginx_stack import ServeStack, needs_nginx
from .conftest import _context
from .helpers import LOCALES, axe_violations

THANKS = {"sv": "Tack för dina synpunkter", "en": "Thank you for your feedback"}
MORE = {"sv": "Tack för ditt svar", "en": "Thank you for your answer"}
REPORT = {"sv": "Rapportera ett problem med sidan", "en": "Report a problem with this page"}
SUBMIT = {"sv": "/sv/synpunkter", "en": "/en/feedback"}
ERROR = {"sv": "Fel:", "en": "Error:"}
PROBLEM = {"sv": "Det finns fel i formuläret", "en": "There is a problem"}
NO_ANSWER = {"sv": "Välj ja eller nej", "en": "Select yes or no"}
FOCUSED = """() => {
  const el = document.activeElement;
  return {tag: el.tagName, name: el.name || null, type: el.type || null, id: el.id,
          text: el.textContent.trim().slice(0, 80)};
}"""


def path_of(key: str, locale: str) -> str:
    return f"/{locale}/{SITE[key].path(locale)}"


def tab_until(page: Page, test: str, limit: int = 250) -> dict:
    """Press Tab until the focused element passes ``test`` (a JS expression over ``el``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({test}); }}"):
            return page.evaluate(FOCUSED)
    raise AssertionError(f"Tab never reached {test}")


def axe_violations_without_javascript(page: Page) -> list[str]:
    """axe-core on what a page without JavaScript shows now. axe cannot run in a page whose
    scripts are off (its timers never fire), so the same document, as this page holds it, is
    served at the same address to a page with scripts on, and axe runs there."""
    url, html = page.url, page.content()
    context = _context(page.context.browser)
    try:
        twin = context.new_page()
        twin.route(
            lambda address: address == url,
            lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        twin.goto(url)
        assert twin.content() == html or twin.title() == page.title()
        return axe_violations(twin)
    finally:
        context.close()


def stored(marker: str) -> list[dict]:
    return [row for row in rows(TEST_CONFIG["DATABASE_URL"]) if marker in row["text"]]


def to_button(page: Page, value: str) -> dict:
    return tab_until(page, f"el.tagName === 'BUTTON' && el.value === '{value}'")


def tell_more_by_keyboard(page: Page, marker: str) -> None:
    """From the second step's heading: Tab to the text box, type, Tab past the privacy link
    to the button."""
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["id"] == "feedback-text"
    page.keyboard.type(f"Sent by keyboard {marker}")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["tag"] == "A"  # the privacy note
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["tag"] == "BUTTON"


@pytest.mark.parametrize("locale", LOCALES)
def test_keyboard_only_with_javascript_swaps_each_step_and_announces_it(page, live_server, locale):
    url = live_server.url + path_of("strategy", locale)
    page.goto(url)
    page.wait_for_function("() => !!window.htmx")
    assert not (violations := axe_violations(page)), violations
    marker = uuid.uuid4().hex
    to_button(page, "no")
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name=MORE[locale])
    expect(heading).to_be_focused()  # a screen reader reads the focused heading's name
    expect(page.get_by_role("status").filter(has_text=MORE[locale])).to_have_count(1)
    assert page.url == url, "no page load: htmx swapped the second step in"
    assert not (violations := axe_violations(page)), violations
    tell_more_by_keyboard(page, marker)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=THANKS[locale])).to_be_focused()
    expect(page.get_by_role("status").filter(has_text=THANKS[locale])).to_have_count(1)
    assert page.url == url
    assert not page.title().startswith(ERROR[locale])
    (row,) = stored(marker)  # one row: the answer, and the text added to it
    expected = (path_of("strategy", locale), "no", locale, None)
    assert (row["page"], row["answer"], row["locale"], row["token"]) == expected
    assert not (violations := axe_violations(page)), violations


@pytest.mark.parametrize("locale", LOCALES)
def test_keyboard_only_without_javascript_posts_redirects_and_leads_back(
    nojs_page, live_server, locale
):
    page = nojs_page
    origin = path_of("areas", locale)
    page.goto(live_server.url + origin)
    marker = uuid.uuid4().hex
    to_button(page, "yes")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/(synpunkter|feedback)\?page=.*&key="))
    expect(page.get_by_role("heading", level=2, name=MORE[locale])).to_be_visible()
    assert not (violations := axe_violations_without_javascript(page)), violations
    tab_until(page, "el.id === 'feedback-text'")
    page.keyboard.type(f"Sent by keyboard {marker}")
    to_button(page, "")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/(synpunkter/tack|feedback/thank-you)\?page="))
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS[locale])
    assert [r["answer"] for r in stored(marker)] == ["yes"]
    assert not (violations := axe_violations_without_javascript(page)), violations
    back = tab_until(page, "el.closest('.link-block')")
    assert str(SITE["areas"].title.msgid) in back["text"] or locale == "en"
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + origin)


QUESTION_IN_VIEW = """() => {
  const group = document.getElementById('feedback-text-group');
  const label = group.querySelector('label').getBoundingClientRect();
  const box = document.getElementById('feedback-text').getBoundingClientRect();
  return {labelTop: label.top, boxBottom: box.bottom, height: window.innerHeight,
          scrolled: window.scrollY};
}"""


def question_in_view(page: Page) -> None:
    """The question's label is on screen, not above its top edge, and the field below it
    too (issue 21: the error link scrolled the question out of sight)."""
    seen = page.evaluate(QUESTION_IN_VIEW)
    assert seen["scrolled"] > 0, seen  # the page did have to scroll
    assert seen["labelTop"] >= 0 and seen["boxBottom"] <= seen["height"], seen


@pytest.mark.parametrize("locale", LOCALES)
def test_errors_with_javascript_take_focus_and_bring_the_question_into_view(
    page, live_server, locale
):
    page.set_viewport_size({"width": 800, "height": 420})
    page.goto(live_server.url + path_of("mapping", locale))
    page.wait_for_function("() => !!window.htmx")
    title = page.title()
    tab_until(page, "el.closest('.feedback__problem')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=REPORT[locale])).to_be_focused()
    tab_until(page, "el.tagName === 'BUTTON' && el.closest('#feedback')")
    page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page.get_by_role("alert")).to_contain_text(PROBLEM[locale])
    assert page.title() == f"{ERROR[locale]} {title}"
    box = page.locator("#feedback-text")
    expect(box).to_have_accessible_description(re.compile(r"."))
    expect(box).to_have_attribute("aria-invalid", "true")
    assert not (violations := axe_violations(page)), violations
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "feedback-text"
    question_in_view(page)
    # Mended, it goes through; the title loses its prefix.
    page.keyboard.type("Kartan laddar inte")
    tab_until(page, "el.tagName === 'BUTTON' && el.closest('#feedback')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=THANKS[locale])).to_be_focused()
    assert page.title() == title


@pytest.mark.parametrize("locale", LOCALES)
def test_errors_without_javascript_link_to_the_question_in_view(nojs_page, live_server, locale):
    page = nojs_page
    page.set_viewport_size({"width": 800, "height": 420})
    page.goto(live_server.url + path_of("start", locale))
    page.locator(".feedback__problem a").click()
    expect(page.get_by_role("heading", level=2, name=REPORT[locale])).to_be_visible()
    page.locator("#feedback button").click()
    expect(page.locator("main [data-error-summary]")).to_be_visible()
    assert page.title().startswith(ERROR[locale])
    assert not (violations := axe_violations_without_javascript(page)), violations
    page.locator("[data-error-summary] a").click()
    question_in_view(page)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_accessibility_report_and_its_errors_pass_axe(page, live_server, locale):
    page.goto(live_server.url + path_of("accessibility-report", locale))
    page.wait_for_function("() => !!window.htmx")
    assert not (violations := axe_violations(page)), violations
    page.locator("#feedback button").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert not (violations := axe_violations(page)), violations
    page.select_option("#feedback-page", path_of("areas", locale))
    page.fill("#feedback-text", "Svårt att läsa")
    page.locator("#feedback button").click()
    expect(page.get_by_role("heading", name=THANKS[locale])).to_be_focused()
    assert not (violations := axe_violations(page)), violations


@pytest.mark.parametrize("locale", LOCALES)
def test_the_character_count_says_what_is_left_and_what_is_too_many(page, live_server, locale):
    page.goto(f"{live_server.url}{SUBMIT[locale]}?page=/{locale}/&step=problem")
    status = page.locator(".character-count__status")
    box = page.locator("#feedback-text")
    # The empty box's count comes from the server (Babel), the typed one from the browser's
    # toLocaleString: the two say the same, down to the space between the thousands.
    full = {"sv": "Du har 1\u00a0000 tecken kvar", "en": "You have 1,000 characters remaining"}
    expect(status).to_have_text(full[locale])
    box.fill("x")
    box.fill("")
    expect(status).to_have_text(full[locale])
    box.fill("å" * 990 + "\n")  # a line break is one character, as the server counts it
    left = {"sv": "Du har 9 tecken kvar", "en": "You have 9 characters remaining"}[locale]
    expect(status).to_have_text(left)
    expect(status).to_have_attribute("aria-hidden", "true")
    expect(page.locator("[aria-live=polite]").filter(has_text=left)).to_have_count(1)
    box.fill("x" * 1001)
    over = {"sv": "Du har 1 tecken för mycket", "en": "You have 1 character too many"}[locale]
    expect(status).to_have_text(over)
    expect(status).to_have_class(re.compile("character-count__status--error"))


def test_an_error_answer_htmx_cannot_swap_is_shown_in_the_form(page, live_server):
    """40 000 characters pass the form but not MAX_CONTENT_LENGTH: htmx 2 does not swap the
    413, so the form shows the error page's heading and text in place, focused and read out
    (role="alert"), the same message as without script."""
    page.goto(live_server.url + "/sv/")
    page.wait_for_function("() => !!window.htmx")
    page.locator(".feedback__problem a").click()
    expect(page.get_by_role("heading", name=REPORT["sv"])).to_be_focused()
    page.locator("#feedback-text").evaluate("box => { box.value = 'x'.repeat(40000); }")
    page.locator("#feedback button").click()
    failure = page.locator("#feedback [data-feedback-failure]")
    expect(failure.get_by_role("heading", level=2)).to_have_text("Det du skickade är för stort")
    expect(failure.get_by_role("alert")).to_contain_text("En synpunkt får vara högst")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-feedback-failure')")
    assert page.url == live_server.url + "/sv/", "the page stays"


@needs_nginx
def test_nginxs_own_429_is_shown_in_the_form_in_the_pages_language(page):
    """Through make serve, the rate limit spent: nginx answers 429 with the site's own page
    in English, and the in-place form shows its message."""
    limit = {"NGINX_FEEDBACK_RATE": "1r/m", "NGINX_FEEDBACK_BURST": "1"}
    with ServeStack(limit) as stack:
        page.goto(stack.url + "/en/")
        page.wait_for_function("() => !!window.htmx")
        form = "page=%2Fen%2F&category=page&answer=yes&text=&website="
        for _ in range(2):  # the one a minute, and the burst of one
            spent = page.request.post(
                stack.url + "/en/feedback",
                data=form,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                max_redirects=0,
            )
            assert spent.status == 303
        page.locator("#feedback-answer-yes").click()
        failure = page.locator("#feedback [data-feedback-failure]")
        expect(failure.get_by_role("heading", level=2)).to_have_text(
            "You have sent the form too many times"
        )
