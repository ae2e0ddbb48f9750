"""GOV.UK's "Is this page useful?" in two steps (issue 21): Yes or No is stored at once, and
the optional "tell us more" adds its text to that same answer through a single-use key;
"Report a problem with this page"; every step at an address that names its page, shown by
GET (Dillo follows an error link by GET), posted without JavaScript (POST → 303 → the next
step) and in place for htmx."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from .feedback_helpers import SUBMIT, THANKS, app_with_database, form, rows
from .helpers import HX, LOCALES, SITE, soup, text_of, vary


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"


@pytest.fixture
def client(url):
    return app_with_database(url).test_client()


def path_of(key: str, locale: str) -> str:
    return f"/{locale}/{SITE[key].path(locale)}"


def answered(client, locale: str, page: str, answer: str = "no", **headers) -> str:
    """Step 1 without JavaScript: the second step's address, from the 303."""
    sent = client.post(
        f"{SUBMIT[locale]}?page={page}", data=form(page, answer=answer), headers=headers
    )
    assert sent.status_code == 303, sent.status_code
    assert sent.headers["Cache-Control"] == "no-store"
    return sent.headers["Location"]


@pytest.mark.parametrize("locale", LOCALES)
def test_yes_or_no_then_tell_us_more_stores_one_row(client, url, locale):
    page = path_of("strategy", locale)
    more = answered(client, locale, page)
    address = urlsplit(more)
    assert address.path == SUBMIT[locale]
    query = parse_qs(address.query)
    assert query["page"] == [page] and len(query["key"][0]) == 43
    (row,) = rows(url)
    assert (row["page"], row["answer"], row["text"], row["locale"]) == (page, "no", "", locale)
    assert row["token"] and query["key"][0] not in row["token"], "only the key's digest"

    shown = client.get(more)
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    doc = soup(shown)
    heading = {"sv": "Tack för ditt svar", "en": "Thank you for your answer"}[locale]
    assert doc.select_one("#feedback h2[data-feedback-focus]").get_text(strip=True) == heading
    assert doc.select_one("#feedback form")["action"] == more
    assert doc.select_one("#feedback-text-group textarea[name=text]")
    assert not doc.select("#feedback button[name=answer]")

    sent = client.post(more, data=form(page, answer="", text="Saknar en karta"))
    assert sent.status_code == 303
    assert sent.headers["Location"] == f"{THANKS[locale]}?page={page}"
    (row,) = rows(url)  # nothing stored twice: the text joined the answer
    assert (row["answer"], row["text"], row["token"]) == ("no", "Saknar en karta", None)

    # The key is spent: sent again (a replay), it stores nothing.
    replay = client.post(more, data=form(page, answer="", text="Igen"))
    assert replay.status_code == 409
    spent = {
        "sv": "Ditt svar på frågan har kommit fram, men vi kunde inte ta emot texten.",
        "en": "We have received your answer to the question, but we could not accept your text.",
    }
    assert spent[locale] in text_of(replay)
    assert [r["text"] for r in rows(url)] == ["Saknar en karta"]


def test_a_forged_expired_or_misplaced_key_stores_nothing(client, url):
    page = path_of("strategy", "sv")
    more = answered(client, "sv", page)
    key = parse_qs(urlsplit(more).query)["key"][0]
    forged = f"{SUBMIT['sv']}?page={page}&key={'A' * 43}"
    assert client.post(forged, data=form(page, answer="", text="x")).status_code == 409
    elsewhere = f"{SUBMIT['sv']}?page=/sv/&key={key}"
    assert client.post(elsewhere, data=form("/sv/", answer="", text="x")).status_code == 409
    assert client.get(f"{SUBMIT['sv']}?page={page}&key=short").status_code == 404
    engine = sa.create_engine(url)
    with engine.begin() as connection:  # the answer was given three hours ago
        old = (datetime.now(UTC) - timedelta(hours=3)).replace(tzinfo=None)
        connection.execute(sa.text("UPDATE feedback SET created = :t"), {"t": old})
    engine.dispose()
    assert client.post(more, data=form(page, answer="", text="x")).status_code == 409
    assert [r["text"] for r in rows(url)] == [""]
    # Step 2 has no Yes or No of its own.
    assert client.post(more, data=form(page, answer="yes", text="x")).status_code == 400


def test_an_empty_second_step_is_thanked_and_spends_the_key(client, url):
    page = path_of("areas", "en")
    more = answered(client, "en", page, answer="yes")
    sent = client.post(more, data=form(page, answer="", text=""))
    assert sent.status_code == 303 and sent.headers["Location"].startswith(THANKS["en"])
    late = client.post(more, data=form(page, answer="", text="late"))
    assert late.status_code == 409
    assert "We have received your answer to the question" in text_of(late)
    assert [(r["answer"], r["text"], r["token"]) for r in rows(url)] == [("yes", "", None)]


def test_the_second_step_keeps_the_limit_the_honeypot_and_the_cross_site_check(client, url):
    page = path_of("strategy", "sv")
    more = answered(client, "sv", page)
    long = client.post(more, data=form(page, answer="", text="y" * 1001))
    assert long.status_code == 422
    doc = soup(long)
    assert doc.select_one("[data-error-summary] a")["href"] == "#feedback-text-group"
    assert doc.select_one("#feedback form")["action"] == more, "the key is kept to mend"
    bot = client.post(more, data=form(page, answer="", text="spam", website="x"))
    assert bot.status_code == 303
    evil = {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
    assert client.post(more, data=form(page, answer="", text="x"), headers=evil).status_code == 403
    assert [r["text"] for r in rows(url)] == [""]
    assert client.post(more, data=form(page, answer="", text="mended")).status_code == 303
    assert [r["text"] for r in rows(url)] == ["mended"]


def test_htmx_swaps_each_step_in_place(client, url):
    page = path_of("strategy", "en")
    address = f"{SUBMIT['en']}?page={page}"
    first = client.post(address, data=form(page, answer="yes"), headers=HX)
    assert first.status_code == 200 and "hx-request" in vary(first)
    assert "<html" not in first.get_data(as_text=True)
    section = soup(first).select_one("section#feedback")
    heading = section.select_one("h2[data-feedback-focus]")
    assert heading["tabindex"] == "-1" and heading["id"] == section["aria-labelledby"]
    assert heading.get_text(strip=True) == "Thank you for your answer"
    more = section.form["data-hx-post"]
    assert section.form["action"] == more and "key=" in more
    second = client.post(more, data=form(page, answer="", text="Good"), headers=HX)
    thanks = soup(second).select_one("section#feedback h2[data-feedback-focus]")
    assert thanks.get_text(strip=True) == "Thank you for your feedback"
    assert [(r["answer"], r["text"]) for r in rows(url)] == [("yes", "Good")]


@pytest.mark.parametrize("locale", LOCALES)
def test_report_a_problem_with_this_page_by_get_and_post(client, url, locale):
    page = path_of("mapping", locale)
    start = soup(client.get(page))
    link = start.select_one("#feedback .feedback__problem a")["href"]
    assert link == f"{SUBMIT[locale]}?page={page}&step=problem"
    shown = soup(client.get(link))
    assert shown.select_one("#feedback form")["action"] == link
    empty = client.post(link, data=form(page, answer="", text=""))
    assert empty.status_code == 422 and rows(url) == []
    target = soup(empty).select_one("[data-error-summary] a")["href"]
    assert target == "#feedback-text-group"
    # Dillo follows that link by GET at the address it posted to: the same form, never 405.
    again = client.get(link)
    assert again.status_code == 200 and soup(again).select_one(target)
    sent = client.post(link, data=form(page, answer="", text="Länken fungerar inte"))
    assert sent.status_code == 303
    assert [(r["answer"], r["text"]) for r in rows(url)] == [(None, "Länken fungerar inte")]
    problem = client.get(link, headers=HX)  # htmx: the step alone, in place
    assert "<html" not in problem.get_data(as_text=True)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_reports_address_shows_the_report_by_get(client, locale):
    report = path_of("accessibility-report", locale)
    answer = client.get(SUBMIT[locale], query_string={"page": report})
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    assert soup(answer).select_one("#feedback select[name=page]")
