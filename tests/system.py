"""Whether a program the tests need is on this machine, asked of debian-packages.toml (the
list scripts/system_deps.py installs from, so the tests and the installer agree).

``need(name)`` takes a package name or what a package provides (a program or a path) and
returns the path. Where it is missing, the test fails and names the package: `make test`
installs every package of the list. It skips instead only where this machine's Debian has
no such package at all, and never under CI (CI=true), where a missing program is a failure.
Tests mark the same with ``@pytest.mark.needs(name, ...)`` (tests/conftest.py).

``need_node(package)`` does the same for the Node tools of package-lock.json: asked for when a
test runs, never at import, so a machine without them collects every test; such a test skips
naming the fix, and fails under CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scripts.system_deps import Package, candidate, load, lookup

PACKAGES = load()
NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def package(name: str) -> Package:
    return lookup(name, PACKAGES)


def need(name: str, gap: str = "") -> str:
    """The path of ``name``'s program or file; fails (or skips, see above) where it is
    missing. ``gap`` is the accessibility statement's gap that a skip leaves open."""
    entry = package(name)
    path = entry.found()
    if path:
        return path
    missing = (
        f"{entry.provides} is missing: the Debian package {entry.name} ({entry.why}); "
        "`make test` installs it (scripts/system_deps.py test)"
    )
    if CI or (shutil.which("apt-cache") and candidate(entry.name)):
        pytest.fail(missing, pytrace=False)
    pytest.skip(
        f"{entry.provides}: this machine's Debian has no package {entry.name}, so the "
        f"tests that need it skip here (and fail under CI). {gap}".rstrip()
    )


def need_node(package: str, file: str = "package.json") -> Path:
    """``node_modules/<package>/<file>``, installed by `make test` (npm ci) from
    package-lock.json; the test skips where it is missing, and fails under CI."""
    path = NODE_MODULES / package / file
    if path.exists():
        return path
    missing = (
        f"node_modules/{package} is missing: `make test` installs it with "
        "`npm ci --ignore-scripts` (package-lock.json)"
    )
    if CI:
        pytest.fail(missing, pytrace=False)
    pytest.skip(missing)
