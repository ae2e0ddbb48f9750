"""The tested browsers (docs/tested-browsers.toml), and whether this machine has them.

A browser that this machine's Debian cannot install is skipped with a message that says so;
one that Debian has but that is not installed fails, because scripts/system-deps (which
`make test` and CI run) installs it. So CI, where apt has every package, never skips."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from dataclasses import dataclass

import pytest

from smartspec_site.config import ROOT

from ..known_gaps import known_gap

CATALOG = ROOT / "docs" / "tested-browsers.toml"

# How the tests start each one: its program (a path, or a name on PATH).
PROGRAMS = {
    "chromium": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
    "firefox-esr": "firefox-esr",
    "netsurf": "netsurf-gtk",
    "dillo": "dillo",
    "lynx": "lynx",
    "w3m": "w3m",
}
# The X tools the graphical engines need, by Debian package.
X_TOOLS = {"Xvfb": "xvfb", "import": "imagemagick", "xdotool": "xdotool"}


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
        return PROGRAMS[self.id]


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


def debian_has(package: str) -> bool:
    """Whether this machine's apt can install the package at all."""
    if shutil.which("apt-cache") is None:
        return False
    result = subprocess.run(
        ["apt-cache", "policy", package], capture_output=True, text=True, timeout=60, check=False
    )
    return "Candidate:" in result.stdout and "Candidate: (none)" not in result.stdout


def require(program: str, package: str) -> str:
    """The program's path; skips where Debian lacks the package, fails where it is missing."""
    path = shutil.which(program)
    if path:
        return path
    if not debian_has(package):
        pytest.skip(
            f"{program}: this machine's Debian has no package {package!r} (or this is not "
            "Debian), so its tests are skipped here; CI installs it with scripts/system-deps. "
            + known_gap("browser-not-installable")
        )
    pytest.fail(f"{program} is missing: run scripts/system-deps (make test does)")


def require_browser(browser_id: str) -> str:
    browser = BROWSERS[browser_id]
    return require(browser.program, browser.debian)


def require_x() -> None:
    for program, package in X_TOOLS.items():
        require(program, package)
