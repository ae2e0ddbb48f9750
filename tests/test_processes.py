"""The process harness (smartspec_site/serve/processes.py) that make serve, the tests' servers
and the benchmark share: its failures name the process, and nothing it started outlives it."""

from __future__ import annotations

import signal
import socket
import sys
import time
from pathlib import Path

import pytest

from smartspec_site.serve.processes import Process, ProcessError, free_port, port_in_use

PYTHON = sys.executable


def gone(pid: int) -> bool:
    """Dead: no such process, or a zombie. An orphan's zombie stays until its reaper (an
    init, such as fresh-test's tini) waits for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def test_a_process_that_exits_is_named_with_its_output():
    crash = Process("the crasher", [PYTHON, "-c", "print('no database'); raise SystemExit(3)"],
                    health=free_port())  # fmt: skip
    with pytest.raises(ProcessError) as raised, crash:
        pass
    assert str(raised.value).startswith("the crasher exited (status 3):\nno database")


def test_a_process_that_never_answers_is_named_with_what_it_waited_for():
    port = free_port()
    idle = Process("the idler", [PYTHON, "-c", "import time; time.sleep(60)"]).start()
    try:
        with pytest.raises(ProcessError, match=f"the idler did not answer on {port} within 1 s"):
            idle.wait_healthy(port, timeout=1)
    finally:
        idle.stop()
    assert not idle.running()


def test_a_port_in_use_is_named_and_a_free_port_is_free():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert port_in_use(taken.getsockname()[1]) == "Address already in use"
    assert port_in_use(free_port()) is None


def test_stop_takes_the_whole_group_even_what_ignores_the_signal():
    """A child that ignores SIGTERM goes with SIGKILL after the bound, and so does its own
    child (a worker, a reloader's server)."""
    script = (
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    stubborn = Process("the stubborn", [PYTHON, "-c", script]).start()
    deadline = time.monotonic() + 20
    while not stubborn.stdout.strip() and time.monotonic() < deadline:
        time.sleep(0.05)
    child = int(stubborn.stdout)
    started = time.monotonic()
    assert stubborn.stop(timeout=1) == -signal.SIGKILL
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while not gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(child)


SERVER = """
import http.server, sys
status, text = int(sys.argv[2]), sys.argv[3].encode()
class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(status)
        self.end_headers()
        self.wfile.write(text)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Answer).serve_forever()
"""


def serving(status: int, text: str) -> tuple[Process, str]:
    port = free_port()
    command = [PYTHON, "-c", SERVER, str(port), str(status), text]
    return Process("the server", command).start(), f"http://127.0.0.1:{port}/healthz"


def test_a_final_answer_other_than_200_is_named_at_once_with_its_first_line():
    """gunicorn's /healthz says 503 and why when the database takes no write: waiting out
    the bound would only hide the reason for a minute."""
    server, url = serving(503, "the feedback database cannot take a write: read-only\nmore")
    try:
        started = time.monotonic()
        with pytest.raises(ProcessError) as raised:
            server.wait_healthy(url, timeout=30)
        assert time.monotonic() - started < 10
    finally:
        server.stop()
    assert str(raised.value) == (
        f"the server answered 503 on {url}: the feedback database cannot take a write: read-only"
    )


def test_a_gateway_error_is_waited_out():
    """502 and 504 come from a proxy whose backend is still starting: not yet, not no."""
    server, url = serving(502, "Bad Gateway")
    try:
        with pytest.raises(ProcessError, match=f"did not answer on {url} within 2 s"):
            server.wait_healthy(url, timeout=2)
    finally:
        server.stop()
