"""The feedback form's limits in the production stack (`make serve`: nginx in front of
gunicorn, deploy/nginx/): nginx's per-client rate limit refuses a flood from one client with
429, and a body larger than any form with 413, with the security headers, storing nothing
beyond the limit. The raised limit's 200 parallel submissions are in
tests/test_feedback_gunicorn.py."""

from __future__ import annotations

import http.client
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest

from smartspec_site.serve.stack import local_site

from .feedback_helpers import SUBMIT, form, rows, sqlite_url
from .nginx_stack import DEPLOY, SECURITY, ServeStack, needs_nginx

pytestmark = needs_nginx

# deploy/nginx/smartspec.conf's numbers, and make serve's unless NGINX_FEEDBACK_* say else.
RATE_PER_MINUTE, BURST = 10, 10
FLOOD = 60


@pytest.fixture
def stack(tmp_path):
    """A stack of its own for each test: the limit counts every post of the client."""
    url = sqlite_url(tmp_path)
    with ServeStack({"SMARTSPEC_DATABASE_URL": url, "WEB_CONCURRENCY": "2"}) as served:
        served.database_url = url
        yield served


def send(stack: ServeStack, method: str, path: str, body: str = "") -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        connection.request(method, path, body.encode("utf-8") if body else None, headers)
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return answer.status, headers, answer.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_body_larger_than_any_form_gets_413_from_nginx_and_is_not_stored(stack):
    before = len(rows(stack.database_url))
    # The largest form the page allows: 1,000 four-byte characters, percent-encoded.
    largest = urlencode(form(text="𝄞" * 1000))
    status, _, _ = send(stack, "POST", SUBMIT["sv"], largest)
    assert status == 303, "the largest real form passes"
    status, headers, body = send(stack, "POST", SUBMIT["sv"], largest + "&x=" + "a" * 16384)
    assert status == 413
    assert "gunicorn" not in body and "Flask" not in body  # nginx answered, not the app
    assert all(name in headers for name in SECURITY), headers
    assert len(rows(stack.database_url)) == before + 1


def test_the_normal_limit_refuses_a_flood_from_one_client(stack):
    before = len(rows(stack.database_url))
    body = urlencode(form(text="flood"))
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda _: send(stack, "POST", SUBMIT["en"], body), range(FLOOD)))
    statuses = [status for status, _, _ in answers]
    accepted = statuses.count(303)
    # The burst at once, and at most a few more for the seconds the flood took.
    assert BURST + 1 <= accepted <= BURST + 4, statuses
    assert statuses.count(429) == FLOOD - accepted, statuses
    refused = next(headers for status, headers, _ in answers if status == 429)
    assert all(name in refused for name in SECURITY), refused
    assert refused["retry-after"] == "10"
    # The site's own page, in the language of the form's address: whoever sent feedback can
    # tell that it did not arrive.
    page = next(body for status, _, body in answers if status == 429)
    assert '<html lang="en"' in page and "<h1>You have sent the form too many times</h1>" in page
    # Exactly the accepted ones are stored: nothing beyond the limit.
    flood = [row for row in rows(stack.database_url)[before:] if row["text"] == "flood"]
    assert len(flood) == accepted
    # Only the form's posts are limited: the same client still reads every page.
    assert send(stack, "GET", "/en/")[0] == 200
    status, headers, _ = send(stack, "GET", SUBMIT["en"] + "?page=/en/")
    assert status == 200 and headers["cache-control"] == "no-store"
    # Both steps post to the form's address, which names its page in the query: the
    # second step ("tell us more", with its key) is counted too.
    second = SUBMIT["en"] + "?page=/en/&key=" + "k" * 43
    assert send(stack, "POST", second, urlencode(form("/en/", answer="", text="x")))[0] == 429


def test_the_operators_site_and_make_serve_limit_alike():
    """The operator's site file (run by tests/test_tls.py) holds the numbers this file tests
    through make serve, whose defaults are the same; both count through maps.conf's key."""
    operator = (DEPLOY / "smartspec.conf").read_text(encoding="utf-8")
    local = local_site(Path("/run"), 8000, ["localhost"])
    for site in (operator, local):
        zone = re.search(r"limit_req_zone (\S+) zone=smartspec_feedback:\S+ rate=(\d+)r/m;", site)
        assert zone and zone[1] == "$smartspec_feedback_client"
        assert int(zone[2]) == RATE_PER_MINUTE
        assert f"limit_req zone=smartspec_feedback burst={BURST} nodelay;" in site


def test_the_access_log_holds_no_line_of_the_form_or_its_thank_you(stack):
    """The privacy note: nothing in the server's log ties an address or a browser to what
    was sent. make serve's nginx logs every other request (to its output)."""
    status, headers, _ = send(stack, "POST", SUBMIT["sv"], urlencode(form(text="private")))
    assert status == 303
    assert send(stack, "GET", headers["location"])[0] == 200
    assert send(stack, "GET", "/sv/")[0] == 200
    deadline = time.monotonic() + 5
    while '"GET /sv/ HTTP/1.1" 200' not in (log := stack.stdout):
        assert time.monotonic() < deadline, log[-2000:]
        time.sleep(0.1)
    assert "synpunkter" not in log, log[-2000:]
