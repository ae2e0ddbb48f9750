"""Faults through `make serve` (nginx, gunicorn with several workers, SQLite): a database file
that was read-only while workers connected heals by itself once it is writable again, with no
HUP and no acknowledged post lost; /healthz says so meanwhile, and the systemd unit's start
probes it."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from smartspec_site.serve.processes import free_port

from .conftest import new_app
from .feedback_helpers import rows
from .gunicorn_server import Gunicorn
from .nginx_stack import DEPLOY, ServeStack, needs_nginx
from .system import need
from .test_feedback_gunicorn import RAISED, post

WORKERS = 4


def read_only(path, on: bool) -> None:
    """Make a file read-only, or writable again. Root (who runs CI) writes through a mode, so
    there the file is made immutable (chattr, e2fsprogs); anyone else gets mode 0444."""
    if os.geteuid() != 0:
        path.chmod(0o444 if on else 0o644)
        return
    done = subprocess.run(  # noqa: S603 - e2fsprogs' chattr on our own file
        [need("chattr"), "+i" if on else "-i", str(path)],
        capture_output=True, text=True, timeout=10,
    )  # fmt: skip
    assert done.returncode == 0, f"chattr on {path}: {done.stderr}"


def health(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=30) as answer:  # noqa: S310 - 127.0.0.1
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@needs_nginx
def test_workers_that_connected_to_a_read_only_file_heal_once_it_is_writable(tmp_path):
    database = tmp_path / "feedback.sqlite3"
    url = f"sqlite:///{database}"
    env = {"SMARTSPEC_DATABASE_URL": url, "WEB_CONCURRENCY": str(WORKERS), **RAISED}
    with ServeStack(env) as stack, ThreadPoolExecutor(max_workers=8) as pool:
        read_only(database, True)
        try:
            during = list(pool.map(lambda i: post(stack.url, f"during {i}"), range(40)))
            # A worker that connected before the fault still writes (to the WAL), so its
            # /healthz is right to say ok; ask until one that connected after it answers.
            checks = []
            while len(checks) < 200 and not any(status == 503 for status, _ in checks):
                checks.append(health(stack.url))
        finally:
            read_only(database, False)
        after = list(pool.map(lambda i: post(stack.url, f"after {i}"), range(40)))
        healed = [health(stack.url) for _ in range(10)]
    assert 500 in during, "the fault took hold: some worker connected read-only"
    assert any(status == 503 and "readonly" in text for status, text in checks), checks
    assert after == [303] * 40
    assert healed == [(200, "ok\n")] * 10
    stored = [row["text"] for row in rows(url)]
    acknowledged = [f"during {i}" for i, status in enumerate(during) if status == 303]
    assert sorted(stored) == sorted(acknowledged + [f"after {i}" for i in range(40)])


def unit_values(key: str) -> list[str]:
    text = (DEPLOY.parent / "smartspec.service").read_text(encoding="utf-8")
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def test_the_units_start_probes_healthz_and_fails_on_a_database_that_takes_no_write(tmp_path):
    """deploy/smartspec.service's ExecStartPost, run as written against gunicorn's socket:
    it passes on a healthy app, and fails, printing the reason, when the database is gone."""
    assert unit_values("Restart") == ["on-failure"]
    (probe,) = [value for value in unit_values("ExecStartPost") if "serve.probe" in value]
    sock = tmp_path / "gunicorn.sock"
    probe = probe.replace("/srv/smartspec/.venv/bin/python", sys.executable)
    command = shlex.split(probe.replace("/run/smartspec/gunicorn.sock", str(sock)))
    folder = tmp_path / "state"
    server = Gunicorn(
        {"GUNICORN_BIND": f"unix:{sock}", "SMARTSPEC_DATABASE_URL": f"sqlite:///{folder}/f.db"}
    )
    server.start()
    try:
        deadline = time.monotonic() + 60
        while (ran := run(command)).returncode != 0 and time.monotonic() < deadline:
            assert server.running(), "gunicorn stopped"
            time.sleep(0.2)
        assert (ran.returncode, ran.stdout) == (0, "ok\n")
        folder.rename(tmp_path / "moved")
        ran = run(command)
        assert ran.returncode != 0
        assert ran.stderr.startswith("the feedback database cannot take a write: ")
    finally:
        server.stop()


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=60)  # noqa: S603 - the unit's own command


@needs_nginx
def test_make_serve_names_a_database_that_takes_no_write_and_never_claims_to_serve(tmp_path):
    """The operator sees /healthz's own reason in one line, within seconds, and no "Serving"."""
    url = f"sqlite:///{tmp_path}/feedback.db"
    new_app(DATABASE_URL=url)  # migrated: the start writes nothing
    read_only(tmp_path / "feedback.db", True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "smartspec_site.serve.stack"],
            env={**os.environ, "PORT": str(free_port()), "SMARTSPEC_HTMX_SOURCE": "local",
                 "SMARTSPEC_DATABASE_URL": url},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        read_only(tmp_path / "feedback.db", False)
    assert done.returncode == 1
    (said,) = [line for line in done.stderr.splitlines() if line.startswith("make serve:")]
    assert said.startswith("make serve: gunicorn answered 503 on ")
    assert said.endswith(
        ": the feedback database cannot take a write: attempt to write a readonly database"
    )
    assert "Serving" not in done.stdout + done.stderr
