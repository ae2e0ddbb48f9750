"""The feedback form in Chromium, by keyboard only, with JavaScript (htmx posts in place)
and without (post/redirect/get); what a screen reader is given at each step (the focused
element's role and accessible name); axe-core on the form, its error state, the thank-you
and the accessibility report; GOV.UK's character count; the fallback to a plain post."""

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


def fill_by_keyboard(page: Page, marker: str) -> None:
    """Into the radios (the first one takes focus), Down to "No", Tab to the text box, type,
    then Tab past the privacy link to the button."""
    assert tab_until(page, "el.name === 'answer'")["id"] == "feedback-answer-yes"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED)["id"] == "feedback-answer-no"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["id"] == "feedback-text"
    page.keyboard.type(f"Sent by keyboard {marker}")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["tag"] == "A"  # the privacy note
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["tag"] == "BUTTON"


@pytest.mark.parametrize("locale", LOCALES)
def test_keyboard_only_with_javascript_posts_in_place_and_announces_the_thanks(
    page, live_server, locale
):
    url = live_server.url + path_of("strategy", locale)
    page.goto(url)
    page.wait_for_function("() => !!window.htmx")
    marker = uuid.uuid4().hex
    fill_by_keyboard(page, marker)
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name=THANKS[locale])
    expect(heading).to_be_focused()  # a screen reader reads the focused heading's name
    assert page.url == url, "no page load: htmx swapped the thank-you in"
    assert not page.title().startswith(ERROR[locale])
    (row,) = stored(marker)
    expected = (path_of("strategy", locale), "no", locale)
    assert (row["page"], row["answer"], row["locale"]) == expected
    assert not (violations := axe_violations(page)), violations


@pytest.mark.parametrize("locale", LOCALES)
def test_keyboard_only_without_javascript_posts_redirects_and_leads_back(
    nojs_page, live_server, locale
):
    page = nojs_page
    origin = path_of("areas", locale)
    page.goto(live_server.url + origin)
    marker = uuid.uuid4().hex
    fill_by_keyboard(page, marker)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/(synpunkter/tack|feedback/thank-you)\?page="))
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS[locale])
    assert len(stored(marker)) == 1
    assert not (violations := axe_violations_without_javascript(page)), violations
    back = tab_until(page, "el.closest('.link-block')")
    assert str(SITE["areas"].title.msgid) in back["text"] or locale == "en"
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + origin)


@pytest.mark.parametrize("locale", LOCALES)
def test_errors_with_javascript_take_focus_and_lead_to_the_field(page, live_server, locale):
    page.goto(live_server.url + path_of("mapping", locale))
    page.wait_for_function("() => !!window.htmx")
    title = page.title()
    tab_until(page, "el.closest('#feedback') && el.tagName === 'TEXTAREA'")
    page.keyboard.type("Kept <b>as typed</b>")
    tab_until(page, "el.tagName === 'BUTTON' && el.closest('#feedback')")
    page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page.get_by_role("alert")).to_contain_text(PROBLEM[locale])
    assert page.title() == f"{ERROR[locale]} {title}"
    box = page.locator("#feedback-text")
    expect(box).to_have_value("Kept <b>as typed</b>")
    expect(box).to_have_accessible_description(re.compile(r"."))
    expect(page.locator("#feedback-answer-yes")).to_have_attribute("aria-invalid", "true")
    assert not (violations := axe_violations(page)), violations
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == NO_ANSWER[locale]
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "feedback-answer-yes"
    # Mended, it goes through; the title loses its prefix.
    page.keyboard.press("Space")
    tab_until(page, "el.tagName === 'BUTTON' && el.closest('#feedback')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=THANKS[locale])).to_be_focused()
    assert page.title() == title


@pytest.mark.parametrize("locale", LOCALES)
def test_errors_without_javascript_come_back_as_the_page_with_a_summary(
    nojs_page, live_server, locale
):
    page = nojs_page
    page.goto(live_server.url + path_of("start", locale))
    title = page.title()
    tab_until(page, "el.tagName === 'BUTTON' && el.closest('#feedback')")
    page.keyboard.press("Enter")
    expect(page.locator("main [data-error-summary]")).to_be_visible()
    assert page.title() == f"{ERROR[locale]} {title}"
    assert not (violations := axe_violations_without_javascript(page)), violations


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
    page.goto(live_server.url + path_of("start", locale))
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
    page.locator("#feedback-answer-no").check()
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
        page.locator("#feedback-answer-yes").check()
        page.locator("#feedback button").click()
        failure = page.locator("#feedback [data-feedback-failure]")
        expect(failure.get_by_role("heading", level=2)).to_have_text(
            "You have sent the form too many times"
        )
