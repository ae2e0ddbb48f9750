"""The tested browsers (docs/tested-browsers.toml), and whether this machine has them.

Whether a browser is here is asked of debian-packages.toml (tests/system.py): one that this
machine's Debian cannot install is skipped, naming the statement's gap; one that is missing
fails, because `make test` installs it, and under CI nothing skips."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from dataclasses import dataclass

from smartspec_site.config import CHECKOUT

from ..known_gaps import known_gap
from ..system import need, package

CATALOG = CHECKOUT / "docs" / "tested-browsers.toml"

# The X tools the graphical engines need, by Debian package.
X_TOOLS = ("xvfb", "imagemagick", "xdotool")


@dataclass(frozen=True)
class Browser:
    id: str
    name: str
    engine: str
    debian: str
    version: str
    fixed: bool
    works: str

    @property
    def program(self) -> str:
        """How the tests start it: what its package provides (debian-packages.toml)."""
        return package(self.debian).provides


def load() -> dict[str, Browser]:
    with CATALOG.open("rb") as file:
        return {entry["id"]: Browser(**entry) for entry in tomllib.load(file)["browser"]}


BROWSERS = load()


def debian_version(package: str) -> str | None:
    """The installed package's upstream version (``3.10-1+b3`` -> ``3.10``), or None."""
    if shutil.which("dpkg-query") is None:
        return None
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", package],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    status, _, version = result.stdout.rpartition(" ")
    if result.returncode != 0 or "installed" not in status.split():
        return None
    upstream = version.split(":", 1)[-1].rsplit("-", 1)[0]
    return upstream.removesuffix("esr")


def require_browser(browser_id: str) -> str:
    """The browser's program; a browser this Debian cannot install skips, naming the
    statement's gap (tests/system.py)."""
    return need(BROWSERS[browser_id].debian, gap=known_gap("browser-not-installable"))


def require_x() -> None:
    for name in X_TOOLS:
        need(name)


def runnable(browser_ids) -> list[str]:
    """The graphical engines this machine can run now: its X tools and the browser are here
    (the others fail or skip through require_x and require_browser)."""
    have = all(package(name).found() for name in X_TOOLS)
    return [b for b in browser_ids if have and package(BROWSERS[b].debian).found()]
