"""The privacy note (content/pages/privacy.md) as GDPR article 13 asks, for the feedback
form and for the web server's log: who is responsible and how to reach them, the purpose,
the legal basis, who may read it, how long it is kept, the reader's rights and the right to
complain to IMY. How long the log is kept is what deploy/ configures; feedback, a public
document, gets no number of days."""

from __future__ import annotations

import re

import pytest

from smartspec_site.config import CHECKOUT, Defaults

from .helpers import LOCALES, SITE, soup

LOGROTATE = CHECKOUT / "deploy" / "logrotate" / "nginx"


def note(client, locale: str):
    return soup(client.get(f"/{locale}/{SITE['privacy'].path(locale)}")).main


def text_of(main) -> str:
    return " ".join(main.get_text(" ", strip=True).split())


def log_days() -> int:
    """Within how many days a log line is deleted: logrotate rotates daily and keeps
    ``rotate N`` old logs, so a line goes at the (N + 1)th rotation, and a rotation may run
    up to a day late."""
    config = LOGROTATE.read_text(encoding="utf-8")
    assert re.search(r"^\s*daily\s*$", config, re.M), "the log is rotated daily"
    assert "/var/log/nginx/*.log" in config
    kept = int(re.search(r"^\s*rotate\s+(\d+)\s*$", config, re.M).group(1))
    return kept + 2


@pytest.mark.parametrize("locale", LOCALES)
def test_the_note_names_what_article_13_asks_for(client, locale):
    main = note(client, locale)
    text = text_of(main)
    links = {a["href"] for a in main.find_all("a")}
    assert "https://www.vgregion.se/gdprinfo" in links, "how to reach the controller"
    assert "tel:+46104410000" in links, "the switchboard, as a number to call"
    assert "https://www.imy.se/" in links, "the right to complain to IMY"
    for article in ("37", "6.1 e", "77"):
        assert re.search(rf"\b{re.escape(article)}\b", text), article
    words = {
        "sv": ("personuppgiftsansvarig", "dataskyddsombud", "allmän handling", "sekretess",
               "gallr", "IP-adress", "personuppgiftsbiträde"),
        "en": ("controller", "data protection officer", "public document", "secrecy",
               "dispos", "IP address", "processor"),
    }[locale]  # fmt: skip
    for word in words:
        assert word in text, word


@pytest.mark.parametrize("locale", LOCALES)
def test_the_log_is_kept_as_long_as_deploy_keeps_it_and_feedback_gets_no_days(client, locale):
    text = text_of(note(client, locale))
    days = {"sv": "dagar", "en": "days"}[locale]
    stated = [int(n) for n in re.findall(rf"(\d+) {days}", text)]
    assert stated == [log_days()], "one number of days: the log's"
    assert str(Defaults.FEEDBACK_RETENTION_DAYS) not in text


def test_the_log_check_reads_the_rotation(tmp_path, monkeypatch):
    config = tmp_path / "nginx"
    config.write_text("/var/log/nginx/*.log {\n\tdaily\n\trotate 6\n}\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "LOGROTATE", config)
    assert log_days() == 8
    config.write_text("/var/log/nginx/*.log {\n\tweekly\n\trotate 6\n}\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        log_days()


def test_no_timer_disposes_of_feedback():
    """Feedback is disposed of only under a disposal decision: the purge command is run by
    hand, never on a schedule."""
    assert not list((CHECKOUT / "deploy").glob("*.timer"))
    service = (CHECKOUT / "deploy" / "smartspec-purge.service").read_text(encoding="utf-8")
    assert "flask feedback purge" in service and "gallring" in service
