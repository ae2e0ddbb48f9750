"""The form against the production stack, on SQLite and PostgreSQL: 200 parallel
submissions through nginx (its rate limit raised) and gunicorn with several workers are all
stored, and a worker killed mid-burst loses no acknowledged one. The normal limit's refusals
are tests/test_feedback_limits.py's."""

from __future__ import annotations

import http.client
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import psutil

from .feedback_helpers import SUBMIT, form, rows
from .gunicorn_server import Gunicorn
from .nginx_stack import ServeStack, needs_nginx

WORKERS = 4


def post(base: str, text: str, headers: dict[str, str] | None = None) -> int:
    """One plain form post, as a browser without JavaScript sends it; its status (0 when
    the connection broke)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(
            "POST",
            SUBMIT["sv"],
            urlencode(form(text=text)),
            {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
        )
        return connection.getresponse().status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def server(database_url: str) -> Gunicorn:
    return Gunicorn(
        {"SMARTSPEC_DATABASE_URL": database_url, "GUNICORN_ACCESSLOG": ""}, workers=WORKERS
    )


# make serve's nginx with the feedback rate limit raised far beyond 200 at once.
RAISED = {"NGINX_FEEDBACK_RATE": "100000r/s", "NGINX_FEEDBACK_BURST": "1000"}


@needs_nginx
def test_200_parallel_submissions_leave_exactly_200_rows(database_url):
    env = {"SMARTSPEC_DATABASE_URL": database_url, "WEB_CONCURRENCY": str(WORKERS), **RAISED}
    with ServeStack(env) as stack, ThreadPoolExecutor(max_workers=32) as pool:
        assert len(psutil.Process(stack.popen.pid).children(recursive=True)) > WORKERS
        statuses = list(pool.map(lambda i: post(stack.url, f"parallel {i}"), range(200)))
    assert statuses == [303] * 200
    stored = rows(database_url)
    assert len(stored) == 200
    assert sorted(r["text"] for r in stored) == sorted(f"parallel {i}" for i in range(200))


def test_a_worker_killed_mid_burst_loses_no_acknowledged_submission(database_url):
    acknowledged: list[str] = []
    lock = threading.Lock()
    killed = threading.Event()

    with server(database_url) as app:
        master = psutil.Process(app.popen.pid)

        def send(i: int) -> None:
            text = f"burst {i}"
            if post(app.url, text) == 303:
                with lock:
                    acknowledged.append(text)
                    count = len(acknowledged)
                if count == 60 and not killed.is_set():
                    killed.set()
                    victim = master.children()[0]
                    os.kill(victim.pid, signal.SIGKILL)

        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(send, range(300)))
        deadline = time.monotonic() + 10
        while len(master.children()) < WORKERS and time.monotonic() < deadline:
            time.sleep(0.1)  # gunicorn replaces the killed worker
        assert len(master.children()) == WORKERS
    assert killed.is_set()
    assert len(acknowledged) > 200, "most of the burst was answered, before and after"
    stored = {r["text"] for r in rows(database_url)}
    assert set(acknowledged) <= stored
