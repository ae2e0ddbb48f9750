"""The servers bench/run.py measures, each on a free port of 127.0.0.1, stopped on exit:

* ``stack``: `make serve` as it runs (smartspec_site/serve/stack.py: nginx in front of
  gunicorn, the micro-cache, SITE_URL http://localhost:PORT);
* ``export``: nginx serving `flask freeze`'s export of the same site under the same SITE_URL
  (deploy/nginx/local-export.conf), so its pages are the stack's bytes: the physical limit;
* ``gunicorn``: gunicorn.conf.py alone, nothing in front, for the app or the bare-Flask floor.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from smartspec_site.serve import stack as serve_stack
from smartspec_site.serve.static_files import compressed_variants

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
# The benchmark must not need the network: the vendored htmx, the same file and hash.
OFFLINE = {"SMARTSPEC_HTMX_SOURCE": "local"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait(url: str, process: subprocess.Popen, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited (status {process.returncode})")
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).close()  # noqa: S310 - loopback
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.2)


@contextmanager
def stack():
    """`make serve` on a free port; yields its URL and its SITE_URL."""
    port = free_port()
    site_url = f"http://localhost:{port}"
    env = {**os.environ, **OFFLINE, "PORT": str(port), "SMARTSPEC_SITE_URL": site_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "smartspec_site.serve.stack"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait(f"http://127.0.0.1:{port}", process, "make serve")
        yield f"http://127.0.0.1:{port}", site_url
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C
        process.wait(timeout=60)


@contextmanager
def export(site_url: str, extra: dict[str, bytes] | None = None):
    """`flask freeze` under ``site_url``, served by nginx (local-export.conf). Its feedback
    form posts to ``site_url`` (the stack), as an operator's export posts to the app, so its
    pages carry a form as the stack's do. ``extra``: more files to serve, by path, each with
    its .br and .gz as the export's own (the stack's fragment, as a file)."""
    with tempfile.TemporaryDirectory(prefix="smartspec-bench-") as tmp:
        folder, run = Path(tmp) / "site", Path(tmp) / "nginx"
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "smartspec_site", "freeze",
             "--destination", str(folder)],
            cwd=ROOT, env={**os.environ, **OFFLINE, "SMARTSPEC_SITE_URL": site_url,
                 "SMARTSPEC_FEEDBACK_URL": site_url},
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for name, body in (extra or {}).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
            for suffix, packed in compressed_variants(body).items():
                path.with_name(path.name + suffix).write_bytes(packed)
        port = free_port()
        site = serve_stack.local_config(
            "local-export.conf",
            {
                "@PORT@": str(port),
                "@HOSTS@": "localhost 127.0.0.1",
                "@SITE@": str(folder),
                "@HEADERS@": str(folder / "_nginx-security-headers.conf"),
            },
        )
        nginx = serve_stack.Nginx(run, site, access_log="/dev/stdout")  # logs as the stack does
        process = nginx.start(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait(f"http://127.0.0.1:{port}", process, "nginx (export)")
            yield f"http://127.0.0.1:{port}"
        finally:
            nginx.stop()


@contextmanager
def gunicorn(app_spec: str, extra_env: dict[str, str]):
    """gunicorn.conf.py alone (no nginx, no cache in front) for ``app_spec``."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        **OFFLINE,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESSLOG": "-",  # as in production without nginx: one line per request
        "SMARTSPEC_SITE_URL": url,
        **extra_env,
    }
    process = subprocess.Popen(
        [str(GUNICORN), "--config", "gunicorn.conf.py", app_spec],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if app_spec.startswith("bench.floor"):
            time.sleep(1)  # the floor has no /healthz; its one route answers once up
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(url + "/", timeout=2).close()  # noqa: S310
                    break
                except OSError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise RuntimeError("the floor did not start") from None
                    time.sleep(0.2)
        else:
            wait(url, process, "gunicorn")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
