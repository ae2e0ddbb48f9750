"""Run the repository's gunicorn.conf.py for real, on a free port of 127.0.0.1, for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from smartspec_site.config import ROOT

GUNICORN = Path(sys.executable).with_name("gunicorn")
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """``with Gunicorn(env) as server:`` starts gunicorn -c gunicorn.conf.py and waits for
    /healthz; leaving stops it and keeps its output in ``server.stdout``/``server.stderr``."""

    def __init__(self, env: dict[str, str] | None = None, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
            "SMARTSPEC_HTMX_SOURCE": "local",  # tests never reach the CDN
            # Production needs its origin; its host is the one the tests connect to.
            "SMARTSPEC_SITE_URL": self.url,
            **(env or {}),
        }
        self.stdout = self.stderr = ""
        self.process: subprocess.Popen | None = None

    def start(self) -> subprocess.Popen:
        # Files, not pipes: a full pipe would block the server.
        self._out = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed in stop()
        self._err = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self._out,
            stderr=self._err,
            text=True,
        )
        return self.process

    def booted(self) -> int:
        """How many workers have booted so far (gunicorn's log)."""
        return read_all(self._err).count("Booting worker")

    def wait_ready(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return True
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        return False

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for name in ("stdout", "stderr"):
            fh = self._out if name == "stdout" else self._err
            fh.seek(0)
            setattr(self, name, fh.read())
            fh.close()
        return self.process.returncode

    def __enter__(self) -> Gunicorn:
        self.start()
        if not self.wait_ready():
            self.stop()
            raise RuntimeError(f"gunicorn did not start:\n{self.stderr[-3000:]}")
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def read_all(fh) -> str:
    """What a child process has written to ``fh`` so far, read without moving the offset
    the child writes at (a seek would make it write over the start)."""
    fd = fh.fileno()
    return os.pread(fd, os.fstat(fd).st_size, 0).decode("utf-8", "replace")


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
