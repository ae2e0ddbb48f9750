"""Starting, waiting for and stopping a process, one way for `make serve` (stack.py), the
tests' servers, the benchmark and `make fresh-test`'s check. That check runs outside the
venv and loads this file by its path, so it uses the standard library only.

A ``Process`` runs in its own process group, so its children (gunicorn's workers, flask's
reloader) go with it. Its output goes to files, because a pipe that nobody reads fills up
and blocks the server. It is ready when its targets answer while it still runs, within a
bound. It stops by a signal to its group, then SIGKILL after a bound.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import IO

START_TIMEOUT = 60.0
STOP_TIMEOUT = 20.0
CAPTURE = -10  # output= for files read back as .stdout and .stderr (Popen's own are -1..-3)

# What answers when a process is ready: a URL (with 200), a unix socket (GET /healthz with
# 200, gunicorn's bind in the stack) or a port of 127.0.0.1 (takes a connection).
Target = str | Path | int


class ProcessError(RuntimeError):
    """A process that did not start, answer or stop: names it, with the end of its output."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_in_use(port: int) -> str | None:
    """Why 127.0.0.1:port cannot be listened on, or None when it can."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as nginx binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: Path, timeout: float = 2):
        super().__init__("localhost", timeout=timeout)
        self.path = str(path)

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


# Answers that mean "not yet": a proxy whose backend is still starting. Any other status
# than 200 is the server's final word (gunicorn's /healthz says 503 when the database takes
# no write), so waiting longer would only delay the message.
NOT_YET = (502, 504)


def answer(target: Target, timeout: float = 2) -> tuple[int, str] | None:
    """The status and the first line of what ``target`` answered, or None when nothing
    answered. A port that takes a connection answers 200."""
    try:
        if isinstance(target, int):
            with socket.create_connection(("127.0.0.1", target), timeout=timeout):
                return 200, ""
        if isinstance(target, Path):
            connection = UnixHTTPConnection(target, timeout=timeout)
            try:
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                return response.status, first_line(response.read())
            finally:
                connection.close()
        try:
            with urllib.request.urlopen(target, timeout=timeout) as response:  # noqa: S310 - ours
                return response.status, ""
        except urllib.error.HTTPError as error:
            return error.code, first_line(error.read())
    except (OSError, http.client.HTTPException):  # URLError is an OSError
        return None


def first_line(body: bytes) -> str:
    return body.decode("utf-8", "replace").strip().partition("\n")[0][:300]


class Process:
    """``command``, called ``name`` in messages. ``with`` starts it, waits until ``health``
    (one target or several) answers, and stops it on leaving. ``output``: CAPTURE, or
    Popen's None (the terminal) or DEVNULL. ``group=False`` keeps it in the caller's
    process group, where a terminal's Ctrl-C and hang-up reach it too."""

    def __init__(
        self,
        name: str,
        command: Sequence[str | Path],
        *,
        env: dict[str, str] | None = None,
        cwd: Path | str | None = None,
        health: Target | Sequence[Target] = (),
        stop_signal: int = signal.SIGTERM,
        output: int | None = CAPTURE,
        group: bool = True,
    ):
        self.name = name
        self.args = [str(part) for part in command]
        self.env = {**os.environ, **(env or {})}
        self.cwd = cwd
        self.health = tuple(health) if isinstance(health, list | tuple) else (health,)
        self.stop_signal = stop_signal
        self.output_to = output
        self.group = group
        self.popen: subprocess.Popen | None = None
        self._files: dict[str, IO[bytes]] = {}
        self._kept = {"stdout": "", "stderr": ""}

    def start(self) -> Process:
        if self.output_to == CAPTURE:
            self._files = {name: tempfile.TemporaryFile() for name in self._kept}  # noqa: SIM115 - closed in stop()
            streams = self._files
        else:
            streams = {"stdout": self.output_to, "stderr": self.output_to}
        self.popen = subprocess.Popen(  # noqa: S603 - our own commands, no shell
            self.args,
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            start_new_session=self.group,
            **streams,
        )
        return self

    def _read(self, name: str) -> str:
        """What the process wrote so far: read at offset 0 without seeking, which would move
        the offset the process writes at."""
        fh = self._files.get(name)
        if fh is None:
            return self._kept[name]
        size = os.fstat(fh.fileno()).st_size
        return os.pread(fh.fileno(), size, 0).decode("utf-8", "replace")

    @property
    def stdout(self) -> str:
        return self._read("stdout")

    @property
    def stderr(self) -> str:
        return self._read("stderr")

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def failed(self, why: str) -> ProcessError:
        tail = self.output[-3000:]
        return ProcessError(f"{self.name} {why}" + (f":\n{tail}" if tail else ""))

    def wait_healthy(
        self, *targets: Target, also: Sequence[Process] = (), timeout: float = START_TIMEOUT
    ) -> None:
        """Until every target answers (``health`` by default) while this process and those
        ``also`` run: an answer from another server on the same port does not count."""
        deadline = time.monotonic() + timeout
        waiting = list(targets or self.health)
        while True:
            for process in (self, *also):
                if not process.running():
                    raise process.failed(f"exited (status {process.popen.returncode})")
            while waiting and (got := answer(waiting[0])) is not None:
                status, text = got
                if status in NOT_YET:
                    break
                if status != 200:
                    said = f"answered {status} on {waiting[0]}"
                    raise self.failed(f"{said}: {text}" if text else said)
                waiting.pop(0)
            if not waiting and all(process.running() for process in (self, *also)):
                return
            if time.monotonic() > deadline:
                raise self.failed(f"did not answer on {waiting[0]} within {timeout:.0f} s")
            time.sleep(0.1)

    def wait(self, timeout: float = START_TIMEOUT) -> int:
        """Its exit status, once it exits by itself within ``timeout`` (a refused start)."""
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise self.failed(f"still ran after {timeout:.0f} s") from None
        return self.stop()

    def stop(self, timeout: float = STOP_TIMEOUT) -> int | None:
        """``stop_signal`` to the group, then SIGKILL after ``timeout``; gives the exit
        status. The output stays readable."""
        if self.popen is None:
            return None
        for signum in (self.stop_signal, signal.SIGKILL):
            if self.popen.poll() is not None:
                break
            self._signal(signum)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=timeout)
        if self.group:  # a child that outlived its leader
            self._signal(signal.SIGKILL)
        for name, fh in self._files.items():
            self._kept[name] = self._read(name)
            fh.close()
        self._files = {}
        return self.popen.wait(timeout=timeout)

    def _signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            if self.group:
                os.killpg(self.popen.pid, signum)
            else:
                self.popen.send_signal(signum)

    def __enter__(self) -> Process:
        self.start()
        if self.health:
            try:
                self.wait_healthy()
            except ProcessError:
                self.stop()
                raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
