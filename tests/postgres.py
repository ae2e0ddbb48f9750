"""A PostgreSQL server of the tests' own: Debian's ``postgresql`` package, started by hand.

``initdb`` and ``pg_ctl`` (from /usr/lib/postgresql/<version>/bin) run as an unprivileged
user (they refuse root; CI runs as root, so ``runuser -u nobody``), with the data and a unix
socket in a temporary folder, no TCP port at all, and no system service. Every step has a
time limit; ``stop`` ends the server (``pg_ctl stop -m fast``) and removes the folder."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

STEP_TIMEOUT = 60  # seconds for initdb, for the start and for the stop
USER = "nobody"


def bin_dir() -> Path | None:
    """The newest installed server's programs."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


class Postgres:
    def __init__(self) -> None:
        programs = bin_dir()
        if programs is None:
            raise FileNotFoundError("PostgreSQL's initdb is not installed (Debian: postgresql)")
        self.bin = programs
        # Not under pytest's tmp_path: its folders are private to root, and the server runs
        # as nobody.
        self.root = Path(tempfile.mkdtemp(prefix="smartspec-postgres-"))
        self.root.chmod(0o755)
        self.data = self.root / "data"
        self.socket = self.root / "socket"
        self.as_root = os.geteuid() == 0

    def _run(self, *command: str) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", USER, "--"] if self.as_root else []
        return subprocess.run(
            [*prefix, *command],
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
            check=True,
            cwd=self.root,
        )

    def start(self) -> Postgres:
        self.socket.mkdir()
        if self.as_root:
            shutil.chown(self.root, USER)
            shutil.chown(self.socket, USER)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        options = f"-k {self.socket} -c listen_addresses='' -c max_connections=200 -F"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.root / "server.log"), "-w", "-t", str(STEP_TIMEOUT), "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket}"

    def new_database(self) -> str:
        """A fresh, empty database; returns its SQLAlchemy URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(
            dbname="postgres", user="postgres", host=str(self.socket), autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
