"""The repository's gunicorn.conf.py run for real on a free port of 127.0.0.1, for tests;
smartspec_site/serve/processes.py starts it, waits for /healthz and stops it."""

from __future__ import annotations

import socket

from smartspec_site.config import CHECKOUT
from smartspec_site.serve.processes import Process, free_port
from smartspec_site.serve.stack import GUNICORN


class Gunicorn(Process):
    """``with Gunicorn(env) as server:`` starts gunicorn -c gunicorn.conf.py and waits for
    /healthz; leaving stops it, and ``server.stdout``/``server.stderr`` keep its output."""

    def __init__(self, env: dict[str, str] | None = None, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
            "SMARTSPEC_HTMX_SOURCE": "local",  # tests never reach the CDN
            # Production needs its origin; its host is the one the tests connect to.
            "SMARTSPEC_SITE_URL": self.url,
            **(env or {}),
        }
        command = [GUNICORN, "--config", "gunicorn.conf.py"]
        super().__init__("gunicorn", command, env=env, cwd=CHECKOUT, health=self.url + "/healthz")

    def booted(self) -> int:
        """How many workers have booted so far (gunicorn's log)."""
        return self.stderr.count("Booting worker")


def raw_request(url: str, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are (malformed requests) and return everything the server says."""
    host, port = url.split("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)
