"""The feedback form used in Lynx and w3m, by their keys (issue 21): in a tmux terminal,
`lynx -cmd_script`, and w3m by tmux's send-keys (its text box is filled by the editor it
opens, here a script that writes the text), send "Report a problem with this page" empty,
follow the error summary's link, type a text, send it and reach the thank-you. The app sees
422 and then 303, and the text is stored once. (Lynx showed the old form's radios as
"(*) Ja", chosen before the visitor chose; Yes and No are buttons now, which
test_text_browsers.py holds.)"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from ..conftest import LiveServer
from ..feedback_helpers import SUBMIT, app_with_database, rows
from ..system import need
from .catalog import require_browser

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
    tmux = need("tmux")
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


def test_w3m_sends_the_form_empty_follows_the_error_link_and_is_thanked(served):
    w3m = require_browser("w3m")
    tmux = need("tmux")
    with tempfile.TemporaryDirectory(prefix="w3m-home-") as home:
        editor = Path(home) / "editor"  # w3m edits a text box in $EDITOR
        editor.write_text('#!/bin/sh\nprintf "Skickat med w3m" > "$1"\n', encoding="utf-8")
        editor.chmod(0o755)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
               "TERM": "xterm", "LANG": "C.UTF-8", "EDITOR": str(editor)}  # fmt: skip
        socket = [tmux, "-S", str(Path(home) / "tmux")]
        url = f"{served.url}{SUBMIT['sv']}?page=/sv/&step=problem"
        subprocess.run([*socket, "new-session", "-d", "-x", "120", "-y", "50", f"{w3m} '{url}'"],
                       env=env, check=True, timeout=20)  # fmt: skip

        def screen() -> str:
            pane = [*socket, "capture-pane", "-p"]
            return subprocess.run(pane, env=env, capture_output=True, text=True, timeout=10).stdout

        def until(text: str) -> str:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if text in (shown := screen()):
                    return shown
                time.sleep(0.3)
            raise AssertionError(f"{text!r} never showed:\n{shown}")

        def keys(*names: str) -> None:
            subprocess.run([*socket, "send-keys", *names], env=env, check=True, timeout=10)

        try:
            until("Viewing <Synpunkter")
            # Tab from the first link: skip link, site name, easy-to-read, language, five
            # menu items, the text box, the privacy link; then the button.
            keys(*["Tab"] * 11, "Enter")  # sent empty
            until("Viewing <Fel: Synpunkter")
            keys(*["Tab"] * 9, "Enter")  # the error summary's link, to the text box's group
            time.sleep(0.5)
            keys("Tab", "Enter")  # into the text box: the editor writes the text
            until("[Skickat med w3m")
            keys("Tab", "Tab", "Enter")  # past the privacy link to the button: sent
            shown = until("Viewing <Tack för dina synpunkter")
        finally:
            subprocess.run([*socket, "kill-server"], env=env, capture_output=True, timeout=10)
    posts = [status for method, status in served.seen if method == "POST"]
    assert posts == [422, 303], (served.seen, shown)
    stored = [(row["answer"], row["text"]) for row in rows(served.database_url)]
    assert stored == [(None, "Skickat med w3m")]
