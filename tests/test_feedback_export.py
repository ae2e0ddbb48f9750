"""The feedback form in the static export (`flask freeze`). With FEEDBACK_URL the form posts,
as a plain form without htmx, to the app's origin, which the export's CSP `form-action` names
(in `_headers` and in the header file its nginx includes); the app takes the post from the
export's origin and its thank-you page leads back to the page there. Without FEEDBACK_URL no
form is written, and every page says how to get in touch instead: no form posts into the
void."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import FROZEN_SITE_URL
from .feedback_helpers import app_with_database, rows, sqlite_url
from .helpers import LOCALES, SITE

APP = "https://feedback.smartspec.example"  # where the export's forms post (FEEDBACK_URL)
SUBMIT = {"sv": f"{APP}/sv/synpunkter", "en": f"{APP}/en/feedback"}
PHONE = {"sv": "Ring Västra Götalandsregionens växel", "en": "switchboard"}


@pytest.fixture(scope="module")
def export_with_feedback(tmp_path_factory, make_app):
    """The export written with FEEDBACK_URL (the app's address, a path of it is allowed)."""
    app = make_app(SITE_URL=FROZEN_SITE_URL, FEEDBACK_URL=APP + "/")
    destination = tmp_path_factory.mktemp("site-with-feedback")
    result = app.test_cli_runner().invoke(args=["freeze", "--destination", str(destination)])
    assert result.exit_code == 0, result.output
    return destination


def page_doc(root, locale: str, page) -> BeautifulSoup:
    path = f"{locale}/{page.path(locale)}".strip("/")
    return BeautifulSoup((root / path / "index.html").read_bytes(), "html5lib")


def csp(text: str) -> dict[str, list[str]]:
    policy = re.search(r"Content-Security-Policy:? \"?([^\"\n]+)", text)
    assert policy, "no Content-Security-Policy"
    directives = [part.strip().split() for part in policy[1].strip(" ;'\"").split(";")]
    return {words[0]: words[1:] for words in directives if words}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_exported_form_posts_plainly_to_the_app(export_with_feedback, locale):
    for page in SITE:
        doc = page_doc(export_with_feedback, locale, page)
        (form,) = doc.select("#feedback form")
        assert form["method"] == "post"
        shown_on = SITE["accessibility-report"] if page.key == "accessibility-report" else page
        address = f"{SUBMIT[locale]}?page=/{locale}/{shown_on.path(locale)}".rstrip("/")
        assert form["action"] in (address, address + "/"), page.key
        assert not [name for name in form.attrs if "hx-" in name], "no htmx in the export"
        assert form.select_one("button"), page.key


def test_the_exports_csp_lets_its_forms_post_to_the_app_and_nowhere_else(export_with_feedback):
    for name in ("_headers", "_nginx-security-headers.conf"):
        text = (export_with_feedback / name).read_text(encoding="utf-8")
        assert csp(text)["form-action"] == ["'self'", APP], name
    # The export's nginx file includes that header file in every server: nginx sends it.
    from smartspec_site.config import CHECKOUT

    nginx = (CHECKOUT / "deploy/nginx/smartspec-export.conf").read_text(encoding="utf-8")
    assert "_nginx-security-headers.conf;" in nginx
    assert "Content-Security-Policy" not in nginx, "the export's CSP is the export's own"


def test_without_feedback_url_the_csp_names_no_other_origin(frozen):
    _, root = frozen
    assert csp((root / "_headers").read_text(encoding="utf-8"))["form-action"] == ["'self'"]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_post_from_the_export_is_taken_and_the_thank_you_leads_back_there(
    export_with_feedback, tmp_path, locale
):
    """What a browser sends from an exported page: its form's fields, across origins, with
    the export's Origin. The app (EXPORT_URL: the export's origin) stores it, and its
    thank-you page links back to the same page on the export."""
    database = sqlite_url(tmp_path)
    client = app_with_database(database, EXPORT_URL=FROZEN_SITE_URL).test_client()
    page = SITE["strategy"]
    form = page_doc(export_with_feedback, locale, page).select_one("#feedback form")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    fields |= {"answer": "no", "text": "From the export"}
    headers = {"Origin": FROZEN_SITE_URL, "Sec-Fetch-Site": "cross-site"}
    sent = client.post(urlsplit(form["action"]).path, data=fields, headers=headers)
    assert sent.status_code == 303
    (row,) = rows(database)
    assert (row["page"], row["text"]) == (f"/{locale}/{page.path(locale)}", "From the export")
    thanks = BeautifulSoup(client.get(sent.headers["Location"]).data, "html5lib")
    back = thanks.select_one("main .link-block a")
    assert back["href"] == f"{FROZEN_SITE_URL}/{locale}/{page.path(locale)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_without_feedback_url_the_export_says_how_to_get_in_touch(frozen, locale):
    _, root = frozen
    for page in SITE:
        doc = page_doc(root, locale, page)
        assert not doc.select("form"), f"a form with nowhere to post on {page.key}"
        section = doc.select_one("#feedback")
        assert PHONE[locale] in section.get_text(" "), page.key
        assert section.select_one('a[href="tel:+46104410000"]'), page.key
