#!/usr/bin/env python3
"""Installs the Debian packages a make step needs, from debian-packages.toml.

    scripts/system_deps.py test          what `make test` needs (run, serve, bench, fresh-test)
    scripts/system_deps.py --list test   print them, one a line, and whether each is here

Only what is missing is installed: a package counts as here when what it provides is found
(a program on PATH, or a path) or dpkg has it installed. A package this Debian release does
not have at all is left out with a warning; any other apt failure stops with apt's message.
Runs on Debian's own python3 before any virtual environment exists, so it uses only the
standard library. The tests read the same list through this module (tests/system.py)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

LIST = Path(__file__).resolve().parent.parent / "debian-packages.toml"
STEPS = ("run", "test", "serve", "bench", "fresh-test")


@dataclass(frozen=True)
class Package:
    name: str
    provides: str
    steps: tuple[str, ...]
    why: str

    def found(self) -> str | None:
        """The path of what the package provides, where it is on this machine."""
        if not self.provides.startswith("/"):
            return shutil.which(self.provides)
        matches = sorted(glob.glob(self.provides))
        return matches[-1] if matches else None

    def installed(self) -> bool:
        if shutil.which("dpkg-query") is None:
            return False
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${db:Status-Status}", self.name],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        return result.stdout.strip() == "installed"


def load(path: Path = LIST) -> list[Package]:
    with path.open("rb") as file:
        entries = tomllib.load(file)["package"]
    packages = [Package(e["name"], e["provides"], tuple(e["steps"]), e["why"]) for e in entries]
    for package in packages:
        unknown = set(package.steps) - set(STEPS)
        if unknown:
            raise ValueError(f"{path.name}: {package.name} names unknown steps {unknown}")
    return packages


def lookup(name: str, packages: list[Package] | None = None) -> Package:
    """The package named ``name``, or the one that provides it (a program or a path)."""
    for package in load() if packages is None else packages:
        if name in (package.name, package.provides):
            return package
    raise KeyError(f"{name!r} is not in {LIST.name}: add it there")


def candidate(package: str) -> str | None:
    """The version apt would install, or None where this Debian release has no such
    package. The whole output is read (no pipe into `grep -q`, which made apt-cache die
    of SIGPIPE under pipefail and dropped packages at random)."""
    result = subprocess.run(
        ["apt-cache", "policy", package], capture_output=True, text=True, timeout=120, check=False
    )
    for line in result.stdout.splitlines():
        key, _, value = line.strip().partition(":")
        if key == "Candidate":
            value = value.strip()
            return None if value in ("", "(none)") else value
    return None


def apt(*args: str) -> None:
    command = ["apt-get", *args]
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            sys.exit(f"system-deps: root (or sudo) is needed to run: {' '.join(command)}")
        command = ["sudo", *command]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"system-deps: `{' '.join(command)}` failed (exit {result.returncode}); "
                 "apt's message is above")  # fmt: skip


def install(steps: list[str]) -> int:
    wanted = [p for p in load() if set(p.steps) & set(steps)]
    missing = [p for p in wanted if not p.found() and not p.installed()]
    if not missing:
        return 0
    if shutil.which("apt-get") is None:
        names = " ".join(p.name for p in missing)
        sys.exit(f"system-deps: this is not Debian (no apt-get); install by hand: {names}")
    apt("update", "-qq")
    available = []
    for package in missing:
        if candidate(package.name):
            available.append(package)
        else:
            print(f"system-deps: warning: this Debian release has no package {package.name} "
                  f"({package.why}); the tests that need it will skip, and fail under CI",
                  file=sys.stderr)  # fmt: skip
    if not available:
        return 0
    names = [p.name for p in available]
    print(f"system-deps: installing from Debian: {' '.join(names)}", flush=True)
    apt("install", "-y", "-qq", "--no-install-recommends", *names)
    broken = [p for p in available if not p.found()]
    if broken:
        sys.exit("system-deps: installed, but still not found: "
                 + ", ".join(f"{p.provides} ({p.name})" for p in broken))  # fmt: skip
    return 0


def show(steps: list[str]) -> int:
    for package in load():
        if set(package.steps) & set(steps):
            where = package.found() or ("installed" if package.installed() else "MISSING")
            print(f"{package.name:34} {package.provides:58} {where}")
    return 0


def main(argv: list[str]) -> int:
    listing = bool(argv) and argv[0] == "--list"
    steps = argv[1:] if listing else argv
    if not steps or set(steps) - set(STEPS):
        sys.exit(f"usage: {Path(__file__).name} [--list] STEP... (steps: {', '.join(STEPS)})")
    return show(steps) if listing else install(steps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
