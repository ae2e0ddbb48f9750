"""The feedback form used in Lynx, by its keys (issue 21): `lynx -cmd_script` in a tmux
terminal sends "Report a problem with this page" empty, follows the error summary's link,
types a text, sends it and reaches the thank-you. The app sees 422 and then 303, and the
text is stored once. (Lynx showed the radios of the old form as "(*) Ja", chosen before
the visitor chose; Yes and No are buttons now, which test_text_browsers.py holds.)"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from ..conftest import LiveServer
from ..feedback_helpers import SUBMIT, app_with_database, rows
from .catalog import require, require_browser

DOWN = "Down Arrow"
# Skip link (Lynx starts on it) to the main content, whose first field is the text box's
# first row; six rows down (four more rows, the privacy link) is the button. The terminal
# (120 × 50) is shorter than the page, so the skip link's jump scrolls and makes the first
# field of the main content current.
TO_BUTTON = ["^J"] + [DOWN] * 6
KEYS = [
    *TO_BUTTON, "^J",  # sent empty: the error summary heads the main content
    "^J", "^J",  # the skip link, then the summary's link, to the text box
    *"SkickatmedLynx",
    *[DOWN] * 6, "^J",  # the button: sent
]  # fmt: skip


@pytest.fixture
def served(tmp_path):
    app = app_with_database(f"sqlite:///{tmp_path / 'feedback.sqlite3'}")
    seen: list[tuple[str, int]] = []
    inner = app.wsgi_app

    def recording(environ, start_response):
        def start(status, headers, exc_info=None):
            seen.append((environ["REQUEST_METHOD"], int(status.split()[0])))
            return start_response(status, headers, exc_info)

        return inner(environ, start)

    app.wsgi_app = recording
    with LiveServer(app) as server:
        server.seen = seen
        server.database_url = app.config["DATABASE_URL"]
        yield server


def test_lynx_sends_the_form_empty_follows_the_error_link_and_is_thanked(served):
    lynx = require_browser("lynx")
    tmux = require("tmux", "tmux")
    with tempfile.TemporaryDirectory(prefix="lynx-home-") as home:
        script = Path(home) / "keys"
        script.write_text("".join(f"key {key}\n" for key in KEYS), encoding="utf-8")
        url = f"{served.url}{SUBMIT['sv']}?page=/sv/&step=problem"
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "TERM": "vt100", "LANG": "C.UTF-8"}  # fmt: skip
        socket = ["-S", str(Path(home) / "tmux")]
        command = f"{lynx} -nopause -display_charset=utf-8 -cmd_script={script} '{url}'"
        subprocess.run([tmux, *socket, "new-session", "-d", "-x", "120", "-y", "50", command],
                       env=env, check=True, timeout=20)  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            screen = ""
            while time.monotonic() < deadline:
                pane = [tmux, *socket, "capture-pane", "-p"]
                screen = subprocess.run(
                    pane, env=env, capture_output=True, text=True, timeout=10
                ).stdout
                if "Tack för dina synpunkter" in screen:
                    break
                time.sleep(0.5)
        finally:
            subprocess.run([tmux, *socket, "kill-server"], env=env, capture_output=True, timeout=10)
    posts = [status for method, status in served.seen if method == "POST"]
    assert posts == [422, 303], (served.seen, screen)
    assert "Tack för dina synpunkter" in screen, screen
    stored = [(row["answer"], row["text"]) for row in rows(served.database_url)]
    assert stored == [(None, "SkickatmedLynx")]
