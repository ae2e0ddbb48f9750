"""Development server only: files edited while `flask run` runs show on the next page load.

Each kind of edited file (catalogs, content) registers what to watch and how to reload it.
Before each request the changed ones are reloaded. A file with a mistake gets a page naming
the file, the line and the problem instead of the site: someone who overlooked a notice
would otherwise review pages that silently lack every edit since the mistake. The site
comes back on the first reload after the fix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, Response, current_app, make_response, render_template, request

from ..build import FileError

KEY = "reloading"  # app.extensions[KEY]: what is watched, by name


@dataclass
class Edited:
    """Files someone edits, how to reload them, and what is wrong with them now."""

    seen: Watched
    reload: Callable[[], list[FileError]]  # reloads; returns the mistakes (empty: none)
    errors: list[FileError] = field(default_factory=list)


def watch(
    app: Flask,
    name: str,
    files: Callable[[], Iterable[Path]],
    reload: Callable[[], list[FileError]],
) -> None:
    """Reload ``files`` whenever one changes (and once now), showing their mistakes."""
    edited = app.extensions.setdefault(KEY, {})
    if not edited:
        app.before_request(refresh)
    edited[name] = Edited(Watched(files), reload)
    edited[name].seen.changed()
    edited[name].errors = reload()


def refresh() -> Response | None:
    """Before each request: reload what changed; a page of mistakes while there are any."""
    errors = []
    for edited in current_app.extensions[KEY].values():
        if edited.seen.changed():
            edited.errors = edited.reload()
        errors += edited.errors
    if errors and request.endpoint != "static":
        return make_response(render_template("errors/editing.html", errors=errors), 500)
    return None


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
