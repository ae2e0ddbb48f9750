"""A read-only file system for the folders in $READ_ONLY_PATHS (os.pathsep-separated), for a
process started with this folder on PYTHONPATH (tests/test_production_catalogs.py).

Permissions cannot make a folder read-only for root, who runs CI here, and mounting needs
privileges a test does not have. Python's audit hooks see every file the process opens for
writing, creates, renames or removes (PEP 578): those under the folders fail with EROFS, as
on a read-only mount."""

from __future__ import annotations

import errno
import os
import sys

_FOLDERS = [
    os.path.realpath(p) for p in os.environ.get("READ_ONLY_PATHS", "").split(os.pathsep) if p
]
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_CHANGES = {
    "os.remove",
    "os.mkdir",
    "os.rmdir",
    "os.chmod",
    "os.utime",
    "os.truncate",
    "os.symlink",
    "os.link",
}


def _inside(path) -> bool:
    if isinstance(path, int) or path is None:
        return False
    real = os.path.realpath(os.fsdecode(path))
    return any(real == folder or real.startswith(folder + os.sep) for folder in _FOLDERS)


def _refuse(path) -> None:
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))


def _hook(event: str, args: tuple) -> None:
    if event == "open" and isinstance(args[2], int) and args[2] & _WRITE and _inside(args[0]):
        _refuse(args[0])
    elif event == "os.rename" and (_inside(args[0]) or _inside(args[1])):
        _refuse(args[1])
    elif event in _CHANGES and _inside(args[0]):
        _refuse(args[0])


if _FOLDERS:
    sys.addaudithook(_hook)
