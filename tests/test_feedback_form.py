"""The feedback form over HTTP: on every page, POST → 303 → thank-you, in place for htmx,
GOV.UK's error summary, and bad input answered with a clear 4xx that stores nothing."""

from __future__ import annotations

import re

import pytest

from .feedback_helpers import SUBMIT, THANKS, URLENCODED, app_with_database, body, form, rows
from .helpers import HX, LOCALES, SITE, page_paths, soup, vary


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'feedback.sqlite3'}"


@pytest.fixture
def client(url):
    return app_with_database(url).test_client()


# --- The form on every page --------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_asks_was_this_page_useful_about_itself(client, locale):
    question = {"sv": "Var den här sidan till hjälp?", "en": "Was this page useful?"}[locale]
    for page, path in page_paths(locale):
        doc = soup(client.get(path))
        section = doc.select_one("section.feedback#feedback")
        if page.key == "accessibility-report":  # the report's own form takes its place
            assert section.select_one("select[name=page]"), path
            continue
        assert section is not None, path
        assert section.find_previous("main") is not None and not section.find_parent("main")
        assert section.find_next("footer") is not None, "above the footer"
        form_ = section.form
        address = f"{SUBMIT[locale]}?page={path}"  # the form's address names its page
        assert (form_["method"], form_["action"]) == ("post", address)
        assert form_["data-hx-post"] == address
        assert section.select_one("form h2").get_text(strip=True) == question
        hidden = {i["name"]: i["value"] for i in form_.select("input[type=hidden]")}
        assert hidden == {"page": path, "category": "page", "website": ""}, path
        # GOV.UK's Yes and No: two submit buttons. No radios, which Lynx shows with the
        # first one chosen ("(*) Ja") before the visitor has chosen anything.
        assert not form_.select("input[type=radio]"), path
        buttons = [(b["name"], b["value"], b["type"]) for b in form_.select("button")]
        assert buttons == [("answer", "yes", "submit"), ("answer", "no", "submit")], path
        assert [b.get_text(" ", strip=True).split()[0] for b in form_.select("button")] == [
            {"sv": "Ja", "en": "Yes"}[locale],
            {"sv": "Nej", "en": "No"}[locale],
        ]
        # Text browsers show fields hidden by CSS or by [hidden]: only type=hidden is unseen.
        assert not form_.select("input:not([type=hidden]), textarea, select"), path
        problem = section.select_one(".feedback__problem a")
        assert problem["href"] == f"{address}&step=problem"
        assert (
            problem.get_text(strip=True)
            == {
                "sv": "Rapportera ett problem med sidan",
                "en": "Report a problem with this page",
            }[locale]
        )


# --- Post/redirect/get and htmx ----------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_a_submission_is_stored_and_answered_303_then_thank_you(client, url, locale):
    page = f"/{locale}/{SITE['strategy'].path(locale)}"
    sent = client.post(SUBMIT[locale], data=form(page, answer="yes", text="Bra\r\nsida"))
    assert sent.status_code == 303
    assert sent.headers["Location"] == f"{THANKS[locale]}?page={page}"
    assert sent.headers["Cache-Control"] == "no-store"
    (row,) = rows(url)
    assert {k: row[k] for k in ("page", "locale", "category", "answer", "text")} == {
        "page": page,
        "locale": locale,
        "category": "page",
        "answer": "yes",
        "text": "Bra\nsida",  # one line break as the browser counts it
    }
    assert set(row) == {"id", "created", "page", "locale", "category", "answer", "text", "token"}
    assert row["token"] is None, "an answer sent with its text has no second step"

    thanks = client.get(sent.headers["Location"])
    assert thanks.status_code == 200
    doc = soup(thanks)
    heading = {"sv": "Tack för dina synpunkter", "en": "Thank you for your feedback"}[locale]
    assert doc.h1.get_text(strip=True) == heading
    back = doc.main.select_one(".link-block a")
    assert back["href"] == page
    assert str(SITE["strategy"].title.msgid) in back.get_text() or locale == "en"
    assert doc.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_htmx_gets_the_thank_you_in_place_with_a_focusable_heading(client, url):
    answer = client.post(SUBMIT["sv"], data=form(text="Bra"), headers=HX)
    assert answer.status_code == 200
    assert "hx-request" in vary(answer) and answer.headers["Cache-Control"] == "no-store"
    html = answer.get_data(as_text=True)
    assert "<html" not in html
    section = soup(answer).select_one("section#feedback")
    heading = section.select_one("h2[data-feedback-focus]")
    assert heading["tabindex"] == "-1" and heading["id"] == section["aria-labelledby"]
    assert heading.get_text(strip=True) == "Tack för dina synpunkter"
    assert len(rows(url)) == 1


# --- Errors the visitor can mend: GOV.UK's error summary, 422, what they typed kept ------


@pytest.mark.parametrize("locale", LOCALES)
def test_no_answer_and_too_long_a_text_show_the_error_summary(client, url, locale):
    page = f"/{locale}/{SITE['areas'].path(locale)}"
    prefix = {"sv": "Fel:", "en": "Error:"}[locale]
    title = {"sv": "Synpunkter på sidan", "en": "Feedback on the page"}[locale]
    # Neither Yes nor No (a post no button sends): the question again, with its error.
    answer = client.post(SUBMIT[locale], data=form(page, answer=""))
    assert answer.status_code == 422 and rows(url) == []
    doc = soup(answer)
    assert doc.title.get_text().startswith(f"{prefix} {title} ")
    summary = doc.main.select_one("[data-error-summary]")
    assert summary is doc.main.find(True), "the summary comes first in the content"
    assert summary.select_one("[role=alert] h2")
    # Each link leads to its question's group, heading or label included (issue 21: a
    # link to the field scrolled its question out of sight).
    links = [(a["href"], a.get_text(strip=True)) for a in summary.select("a")]
    assert links == [
        ("#feedback-answer-group", {"sv": "Välj ja eller nej", "en": "Select yes or no"}[locale])
    ]
    group = doc.select_one("#feedback-answer-group")
    assert group.h2 and group.select_one(".error-message") and group.select("button")

    # A text without an answer is a reported problem; too long, it comes back to be mended.
    typed = "<b>Mitt svar</b> " + "å" * 1000
    answer = client.post(SUBMIT[locale], data=form(page, answer="", text=typed))
    assert answer.status_code == 422 and rows(url) == []
    doc = soup(answer)
    links = [(a["href"], a.get_text(strip=True)) for a in doc.select("[data-error-summary] a")]
    assert [href for href, _ in links] == ["#feedback-text-group"]
    assert {"sv": "1\xa0000", "en": "1,000"}[locale] in links[0][1]
    assert doc.select_one("#feedback-text-group").label
    box = doc.select_one("#feedback-text")
    assert box["aria-invalid"] == "true"
    assert "feedback-text-error" in box["aria-describedby"].split()
    assert box.get_text() == typed  # kept, as text: its markup escaped, not rendered
    assert "<b>Mitt svar</b>" not in answer.get_data(as_text=True)
    assert doc.select_one("#feedback-text-error .visually-hidden").get_text() == prefix
    hidden = {i["name"]: i["value"] for i in doc.select("#feedback input[type=hidden]")}
    assert hidden["page"] == page


def test_a_text_of_exactly_1000_characters_with_line_breaks_is_accepted(client, url):
    text = ("x" * 98 + "\r\n") * 10  # 990 characters once each CR LF is one line break
    text += "y" * 10
    assert client.post(SUBMIT["sv"], data=form(text=text)).status_code == 303
    assert len(rows(url)[0]["text"]) == 1000
    assert client.post(SUBMIT["sv"], data=form(text=text + "z")).status_code == 422


def test_htmx_gets_the_form_back_with_its_errors_in_place(client, url):
    answer = client.post(SUBMIT["en"], data=form("/en/", answer=""), headers=HX)
    assert answer.status_code == 422 and rows(url) == []
    section = soup(answer).select_one("section#feedback")
    assert section["data-error-title"] == "Error:"
    summary = section.select_one("[data-error-summary]")
    assert summary["tabindex"] == "-1" and summary.select_one("[role=alert]")
    assert summary.find_next("form") is not None, "the summary heads the form"


# --- Bad input: a clear 4xx, in the visitor's language, and nothing stored ---------------

JSON = {"Content-Type": "application/json"}
MULTIPART = {"Content-Type": "multipart/form-data; boundary=x"}
BAD = {
    "oversized body": (413, body(text="x" * 40_000), URLENCODED),
    "wrong type: answer": (400, body(answer="maybe"), URLENCODED),
    "wrong type: category": (400, body(category="spam"), URLENCODED),
    "wrong type: JSON": (415, b'{"page": "/sv/", "answer": "no"}', JSON),
    "wrong type: multipart": (415, b"--x\r\n\r\n--x--\r\n", MULTIPART),
    "missing fields": (400, b"", URLENCODED),
    "missing page": (400, b"category=page&answer=no", URLENCODED),
    "invalid UTF-8": (400, body().replace(b"text=", b"text=%FF%FE"), URLENCODED),
    "raw invalid UTF-8": (400, body() + b"\xff", URLENCODED),
    "control character": (400, body(text="a\x00b"), URLENCODED),
    "a field twice": (400, body() + b"&answer=yes", URLENCODED),
    "unknown page": (400, body(page="/sv/no-such-page"), URLENCODED),
    "another site's page": (400, body(page="https://example.org/sv/"), URLENCODED),
    "a yes or no in a report": (400, body(category="accessibility", text="x"), URLENCODED),
    "too many fields": (400, b"&".join(b"f%d=1" % i for i in range(30)), URLENCODED),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
@pytest.mark.parametrize("locale", LOCALES)
def test_bad_input_gets_a_clear_4xx_and_stores_nothing(client, url, case, locale):
    status, data, headers = BAD[case]
    answer = client.post(SUBMIT[locale], data=data, headers=headers)
    assert answer.status_code == status
    doc = soup(answer)
    assert doc.html["lang"] == locale
    assert doc.h1 and doc.h1.get_text(strip=True)
    assert "Traceback" not in answer.get_data(as_text=True)
    assert rows(url) == []


def test_the_honeypot_is_answered_as_received_and_nothing_is_kept(client, url):
    answer = client.post(SUBMIT["sv"], data=form(website="https://spam.example"))
    assert answer.status_code == 303 and rows(url) == []


# --- Cross-site posts --------------------------------------------------------------------

ORIGINS = {
    "same origin": ({"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"}, 303),
    "typed by a person": ({"Sec-Fetch-Site": "none"}, 303),
    "no browser headers (Lynx, w3m)": ({}, 303),
    "Origin only, ours": ({"Origin": "http://localhost"}, 303),
    "Referer only, ours": ({"Referer": "http://localhost/sv/"}, 303),
    "cross-site": ({"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403),
    "same-site sibling": ({"Sec-Fetch-Site": "same-site", "Origin": "http://a.localhost"}, 403),
    "cross-site, no Origin": ({"Sec-Fetch-Site": "cross-site"}, 403),
    "Origin only, another": ({"Origin": "https://evil.example"}, 403),
    "Origin null": ({"Origin": "null"}, 403),
    "Referer only, another": ({"Referer": "https://evil.example/form.html"}, 403),
    "the export's origin": ({"Sec-Fetch-Site": "cross-site", "Origin": "https://www.example"}, 303),
}  # fmt: skip


@pytest.mark.parametrize("case", list(ORIGINS), ids=list(ORIGINS))
def test_posts_from_other_sites_are_refused(url, case):
    headers, status = ORIGINS[case]
    client = app_with_database(url, EXPORT_URL="https://www.example").test_client()
    answer = client.post(SUBMIT["sv"], data=form(), headers=headers)
    assert answer.status_code == status
    assert len(rows(url)) == (1 if status == 303 else 0)
    if status == 403:
        assert "annan webbplats" in soup(answer).main.get_text()


def test_the_thank_you_links_back_to_the_export_when_posted_from_there(url):
    client = app_with_database(url, EXPORT_URL="https://www.example").test_client()
    headers = {"Sec-Fetch-Site": "cross-site", "Origin": "https://www.example"}
    page = "/sv/regional-utvecklingsstrategi"
    sent = client.post(SUBMIT["sv"], data=form(page, text="Bra"), headers=headers)
    back = soup(client.get(sent.headers["Location"])).main.select_one(".link-block a")
    assert back["href"] == "https://www.example/sv/regional-utvecklingsstrategi"


# --- The thank-you page never leads anywhere but this site's pages ------------------------

RETURNS = {
    "/sv/regional-utvecklingsstrategi": "/sv/regional-utvecklingsstrategi",
    "/sv/": "/sv/",
    "https://www.example/sv/utvecklingsomraden": "https://www.example/sv/utvecklingsomraden",
    "https://evil.example/sv/": "/sv/",
    "//evil.example/sv/": "/sv/",
    "/sv/no-such-page": "/sv/",
    "javascript:alert(1)": "/sv/",
    "/sv/regional-utvecklingsstrategi?x=1": "/sv/",
    "": "/sv/",
}


@pytest.mark.parametrize("given", list(RETURNS))
def test_the_thank_you_page_is_never_an_open_redirect(url, given):
    client = app_with_database(url, EXPORT_URL="https://www.example").test_client()
    answer = client.get(THANKS["sv"], query_string={"page": given})
    assert answer.status_code == 200
    assert soup(answer).main.select_one(".link-block a")["href"] == RETURNS[given]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_form_address_names_its_page_and_shows_its_form_by_get(client, locale):
    """Dillo follows the error summary's links by GET at the address the form was posted
    to: that address shows the page's form (never 405), and is never cached."""
    page = f"/{locale}/{SITE['strategy'].path(locale)}"
    answer = client.get(SUBMIT[locale], query_string={"page": page})
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    doc = soup(answer)
    assert str(SITE["strategy"].title.msgid) in doc.h1.get_text() or locale == "en"
    assert doc.select_one("#feedback form")["action"] == f"{SUBMIT[locale]}?page={page}"
    assert doc.select_one("#feedback-answer-group")
    assert doc.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert doc.main.select_one(".link-block a")["href"] == page
    problem = soup(client.get(SUBMIT[locale], query_string={"page": page, "step": "problem"}))
    assert problem.select_one("#feedback-text-group textarea")
    # Without a page: the start page's form; never a 405.
    assert client.get(SUBMIT[locale]).status_code == 200
    assert client.get(SUBMIT[locale], query_string={"page": "/xx/nope"}).status_code == 404
    assert client.post("/sv/feedback", data=form()).status_code == 404
    assert client.get("/en/synpunkter/tack").status_code == 404


# --- The accessibility report: the same function, category accessibility -----------------


@pytest.mark.parametrize("locale", LOCALES)
def test_the_statement_leads_to_the_report_form(client, url, locale):
    statement = soup(client.get(f"/{locale}/{SITE['accessibility'].path(locale)}"))
    report_path = f"/{locale}/{SITE['accessibility-report'].path(locale)}"
    assert statement.main.find("a", href=report_path), "the statement's 'tell us'"
    doc = soup(client.get(report_path))
    section = doc.main.select_one("section#feedback")
    assert section.select_one("input[name=category]")["value"] == "accessibility"
    options = [o["value"] for o in section.select("select[name=page] option")]
    assert options[0] == "" and len(options) == len(SITE.pages) + 1
    assert not section.select("input[type=radio]")
    assert len(doc.select("section.feedback")) == 1, "no second form at the foot"

    empty = client.post(SUBMIT[locale], data=form("", category="accessibility", answer=""))
    assert empty.status_code == 422
    message = {"sv": "Skriv vad som inte fungerade", "en": "Describe what did not work"}[locale]
    assert soup(empty).select_one("[data-error-summary] a").get_text(strip=True) == message
    assert soup(empty).h1.get_text(strip=True) == soup(client.get(report_path)).h1.get_text(
        strip=True
    )

    about = f"/{locale}/{SITE['areas'].path(locale)}"
    sent = client.post(
        SUBMIT[locale], data=form(about, category="accessibility", answer="", text="Svårt")
    )
    assert sent.status_code == 303
    whole = client.post(
        SUBMIT[locale], data=form("", category="accessibility", answer="", text="Allt")
    )
    back = soup(client.get(whole.headers["Location"])).main.select_one(".link-block a")
    assert back["href"] == f"/{locale}/{SITE['accessibility'].path(locale)}"
    stored = [(r["page"], r["category"], r["answer"], r["text"]) for r in rows(url)]
    assert stored == [(about, "accessibility", None, "Svårt"), ("", "accessibility", None, "Allt")]


def test_no_stored_text_is_ever_shown_on_a_page(client, url):
    marker = "<script>alert('x')</script>"
    client.post(SUBMIT["sv"], data=form(text=marker))
    assert rows(url)[0]["text"] == marker
    for _, path in page_paths("sv"):
        assert "alert(" not in client.get(path).get_data(as_text=True), path
    assert re.search(r"&lt;script&gt;", client.post(SUBMIT["sv"], data=form(
        answer="", text=marker + "x" * 1000)).get_data(as_text=True))  # fmt: skip
