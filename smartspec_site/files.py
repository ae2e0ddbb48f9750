"""Files: writing them safely, reporting a mistake in one, and noticing that they changed."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
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


class Watched:
    """A set of files, and whether any was added, removed or changed since the last look.

    A change is a change of content (a digest), not a newer mtime: a file restored from git
    or a backup can be older than what was built from it, and two saves within one clock
    tick share an mtime. For the development server only: it reads every file each time.
    """

    def __init__(self, files: Callable[[], Iterable[Path]]):
        self.files = files
        self.digests: dict[Path, bytes] = {}

    def changed(self) -> list[Path]:
        """The files that changed (or appeared) since the last call; a removed file counts."""
        now = {path: hashlib.sha256(path.read_bytes()).digest() for path in self.files()}
        changed = [path for path, digest in now.items() if self.digests.get(path) != digest]
        changed += [path for path in self.digests if path not in now]
        self.digests = now
        return changed
