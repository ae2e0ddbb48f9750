"""The Nu HTML Checker on the feedback form's every state, in both languages: each step at
its own address (Yes or No, tell us more, report a problem) with and without its errors
(422, as a browser without JavaScript gets it), the accessibility report's errors, the
thank-you page, and htmx's answers (the next step, the errors, the thank-you) where they
land. The form itself and the statement are on
every page test_markup.py checks."""

from __future__ import annotations

import json
import subprocess

import pytest

from .feedback_helpers import SUBMIT, THANKS, app_with_database, form, sqlite_url
from .helpers import HX, LOCALES, SITE
from .system import need, need_node
from .test_markup import CANARY, FRAGMENT_PAGE, VNU_JAR


def states(client, locale: str) -> dict[str, tuple[int, str]]:
    """Each state's name: (status, the HTML to check)."""
    page = f"/{locale}/{SITE['strategy'].path(locale)}"
    ask = f"{SUBMIT[locale]}?page={page}"
    problem = f"{ask}&step=problem"
    more = client.post(ask, data=form(page, answer="no")).headers["Location"]
    too_long = form(page, answer="", text="Kept <b>as typed</b>" + "x" * 1000)
    report_empty = form("", category="accessibility", answer="")
    htmx_more = client.post(ask, data=form(page, answer="yes"), headers=HX)
    answers = {
        "ask": client.get(ask),
        "ask-errors": client.post(ask, data=form(page, answer="")),
        "more": client.get(more),
        "more-errors": client.post(more, data=too_long),
        "problem": client.get(problem),
        "problem-errors": client.post(problem, data=form(page, answer="")),
        "report-errors": client.post(SUBMIT[locale], data=report_empty),
        "thank-you": client.get(THANKS[locale], query_string={"page": page}),
        "htmx-more": htmx_more,
        "htmx-problem": client.get(problem, headers=HX),
        "htmx-errors": client.post(problem, data=form(page, answer=""), headers=HX),
        "htmx-thank-you": client.post(more, data=form(page, answer="", text="x"), headers=HX),
    }
    found = {}
    for name, answer in answers.items():
        html = answer.get_data(as_text=True)
        if name.startswith("htmx"):
            assert "<html" not in html
            html = FRAGMENT_PAGE.format(lang=locale, path=name, fragment=html)
        found[name] = (answer.status_code, html)
    return found


@pytest.mark.tools
def test_every_state_of_the_form_passes_the_nu_html_checker(tmp_path):
    need("java")
    vnu = need_node(*VNU_JAR)
    client = app_with_database(sqlite_url(tmp_path)).test_client()
    targets = []
    for locale in LOCALES:
        for name, (status, html) in states(client, locale).items():
            expected = 422 if name.endswith("errors") else 200
            assert status == expected, (locale, name, status)
            file = tmp_path / f"{locale}-{name}.html"
            file.write_text(html, encoding="utf-8")
            targets.append(str(file))
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY)
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "json", "--stdout",
         *targets, str(canary)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stdout)["messages"]
    assert [m for m in messages if m.get("url", "").endswith("canary.html")], "no canary error"
    errors = [
        f"{m.get('url')}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not m.get("url", "").endswith("canary.html")
    ]
    assert not errors, "\n".join(errors)
