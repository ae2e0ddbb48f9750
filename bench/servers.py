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
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from smartspec_site.serve import stack as serve_stack
from smartspec_site.serve.processes import Process, free_port
from smartspec_site.serve.static_files import compressed_variants

ROOT = Path(__file__).resolve().parents[1]
# The benchmark must not need the network: the vendored htmx, the same file and hash.
OFFLINE = {"SMARTSPEC_HTMX_SOURCE": "local"}
QUIET = {"cwd": ROOT, "output": subprocess.DEVNULL}  # the servers' logs would drown the report


@contextmanager
def stack():
    """`make serve` on a free port; yields its URL and its SITE_URL."""
    port = free_port()
    url, site_url = f"http://127.0.0.1:{port}", f"http://localhost:{port}"
    env = {**OFFLINE, "PORT": str(port), "SMARTSPEC_SITE_URL": site_url}
    command = [sys.executable, "-m", "smartspec_site.serve.stack"]
    with Process("make serve", command, env=env, health=url + "/healthz",
                 stop_signal=signal.SIGINT, **QUIET):  # fmt: skip
        yield url, site_url


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
        url = f"http://127.0.0.1:{port}"
        # Logs as the stack does, so both pay for the same access log line.
        with serve_stack.Nginx(run, site, access_log="/dev/stdout", health=url + "/healthz",
                               **QUIET):  # fmt: skip
            yield url


@contextmanager
def gunicorn(app_spec: str, extra_env: dict[str, str]):
    """gunicorn.conf.py alone (no nginx, no cache in front) for ``app_spec``."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **OFFLINE,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESSLOG": "-",  # as in production without nginx: one line per request
        "SMARTSPEC_SITE_URL": url,
        **extra_env,
    }
    # The floor has no /healthz: its one route answers once it is up.
    health = url + ("/" if app_spec.startswith("bench.floor") else "/healthz")
    command = [serve_stack.GUNICORN, "--config", "gunicorn.conf.py", app_spec]
    with Process("gunicorn", command, env=env, health=health, **QUIET):
        yield url
