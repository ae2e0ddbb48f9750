"""Files people edit and files the app builds from them: a mistake in one names the file and
the line; what the app builds is written atomically, and only when it changed."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class FileError(Exception):
    """A mistake in a file that a person edits: names the file, the line and the problem,
    like a compiler, so that an editor or a translator can go straight to it."""

    path: Path | str
    lineno: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.lineno}" if self.lineno else str(self.path)
        return f"{where}: {self.message}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never a
    half-written one: a temporary file in the same folder, then a rename. Several gunicorn
    workers, a running server and a test run may all build the same file at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the file from a web server's user
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` (atomically) unless the file already holds exactly it; True if written.
    A start that finds its built files current writes nothing, so a read-only checkout
    starts. A file that must change but cannot is a FileError naming it."""
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
        write_atomic(path, data)
    except OSError as exc:
        raise FileError(path, None, f"cannot write it: {exc.strerror or exc}") from exc
    return True
