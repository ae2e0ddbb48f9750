"""The production stack for tests: `make serve` as it runs (nginx in front of gunicorn), and
the operator's nginx files (deploy/nginx/) run by Debian's nginx on free ports of 127.0.0.1.

Tests that need nginx say so with ``needs_nginx`` (tests/system.py: a missing nginx fails, as
`make test` installs it)."""

from __future__ import annotations

import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smartspec_site.config import CHECKOUT
from smartspec_site.serve import stack
from smartspec_site.serve.processes import Process, free_port

NGINX = ("nginx", "libnginx-mod-http-brotli-static")
needs_nginx = pytest.mark.needs(*NGINX)
DEPLOY = CHECKOUT / "deploy" / "nginx"
# The headers every answer carries, the app's and nginx's own errors alike.
SECURITY = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
    "cross-origin-resource-policy",
    "x-frame-options",
    "strict-transport-security",
)
TEST_ENV = {"SMARTSPEC_HTMX_SOURCE": "local", "WEB_CONCURRENCY": "2"}


class ServeStack(Process):
    """``make serve`` (python -m smartspec_site.serve.stack) on a free port, in its own
    process group as in a terminal; leaving sends Ctrl-C's SIGINT to that group."""

    def __init__(self, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**TEST_ENV, "PORT": str(self.port), **(env or {})}
        command = [sys.executable, "-m", "smartspec_site.serve.stack"]
        health = self.url + "/healthz"
        super().__init__("make serve", command, env=env, cwd=CHECKOUT, health=health,
                         stop_signal=signal.SIGINT)  # fmt: skip

    def __enter__(self) -> ServeStack:
        super().__enter__()
        if not self.ready_line():
            self.stop()
            raise self.failed("printed no Serving line")
        return self

    def ready_line(self) -> str:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            for line in self.stdout.splitlines():
                if line.startswith("Serving "):
                    return line
            time.sleep(0.1)
        return ""

    def interrupt(self) -> int | None:
        """Ctrl-C, as a terminal sends it: SIGINT to the whole process group."""
        return self.stop()


def self_signed(folder: Path, name: str = "localhost") -> tuple[Path, Path]:
    """A certificate for ``name`` and 127.0.0.1, made with openssl for this test run."""
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
            "-addext", f"subjectAltName=DNS:{name},IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


def operator_site(name: str, replacements: list[tuple[str, str]]) -> str:
    """An operator's file of deploy/nginx/, with its install paths and ports replaced (each
    must be there: a renamed path fails here, not silently) and its IPv6 listens left out."""
    text = (DEPLOY / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is not in deploy/nginx/{name}"
        text = text.replace(old, new)
    return "\n".join(line for line in text.splitlines() if "listen [::]" not in line) + "\n"


class OperatorNginx(stack.Nginx):
    """One of the operator's site files (smartspec.conf, smartspec-export.conf) on free
    ports of 127.0.0.1: plain HTTP on ``http_port`` (in place of 80), TLS on ``https_port``
    (in place of 443) with a self-signed certificate for ``localhost``."""

    def __init__(self, name: str, run: Path, cert: tuple[Path, Path], extra=()):
        self.http_port, self.https_port = free_port(), free_port()
        self.http = f"http://127.0.0.1:{self.http_port}"
        self.https = f"https://127.0.0.1:{self.https_port}"
        replacements = [
            *extra,
            ("server_name smartspec.example;", "server_name localhost 127.0.0.1;"),
            ("listen 80", f"listen 127.0.0.1:{self.http_port}"),
            ("listen 443", f"listen 127.0.0.1:{self.https_port}"),
            ("https://$host$request_uri", f"https://$host:{self.https_port}$request_uri"),
            ("/etc/ssl/smartspec/fullchain.pem", str(cert[0])),
            ("/etc/ssl/smartspec/privkey.pem", str(cert[1])),
        ]
        site = operator_site(name, replacements)
        super().__init__(run, site, health=(self.http_port, self.https_port))

    def __enter__(self) -> OperatorNginx:
        checked = self.check()
        assert checked.returncode == 0, checked.stderr
        super().__enter__()
        return self


def raw(port: int, data: bytes, timeout: float = 10, tls: bool = False) -> bytes:
    """Send bytes as they are to 127.0.0.1 (over TLS, naming localhost, if ``tls``) and
    return everything the server says."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        if tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(sock, server_hostname="localhost")
        sock.sendall(data)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError, ssl.SSLError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        sock.close()
    return b"".join(chunks)


def parse(answer: bytes) -> tuple[int, dict[str, list[str]], bytes]:
    """Status, headers (lower-cased names, every value) and body of the first answer."""
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers: dict[str, list[str]] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return int(lines[0].split()[1]), headers, body
