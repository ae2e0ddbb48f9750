"""The machine the project asks for: one list of Debian packages (debian-packages.toml) that
the installer, the tests and make fresh-test read alike, and no silent skip under CI."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from scripts import fresh_machine, system_deps
from smartspec_site.config import CHECKOUT

from . import system

TESTS = Path(__file__).parent
ABSENT = system_deps.Package(
    "smartspec-no-such-package", "/nonexistent/smartspec-tool", ("test",), "a test"
)


@pytest.fixture
def absent(monkeypatch):
    monkeypatch.setattr(system, "PACKAGES", [*system.PACKAGES, ABSENT])
    return ABSENT.name


def test_every_package_on_the_list_is_in_this_debian_release():
    """The installer leaves out only what the release lacks: on the release the README
    promises (and CI proves), that is nothing."""
    system.need("nginx")  # this is a Debian machine with apt, as make test needs
    names = [p.name for p in system.PACKAGES]
    # One apt-cache for the whole list (it reads apt's cache once, not once a package); a
    # package the release lacks is left out of its answer.
    policy = subprocess.run(
        ["apt-cache", "policy", *names], capture_output=True, text=True, timeout=120
    ).stdout
    candidates, name = {}, None
    for line in policy.splitlines():
        if not line.startswith(" ") and line.endswith(":"):
            name = line[:-1]
        elif line.strip().startswith("Candidate:") and name:
            candidates[name] = line.split(":", 1)[1].strip()
    lacking = [n for n in names if candidates.get(n, "(none)") in ("", "(none)")]
    assert lacking == []
    assert candidates["nginx"] == system_deps.candidate("nginx"), "read as the installer reads it"


def test_a_package_the_release_lacks_has_no_candidate():
    assert system_deps.candidate(ABSENT.name) is None
    assert system_deps.candidate("nginx")


def test_under_ci_a_missing_program_fails(absent, monkeypatch):
    monkeypatch.setattr(system, "CI", True)
    with pytest.raises(pytest.fail.Exception, match="Debian package smartspec-no-such-package"):
        system.need(absent)


def test_outside_ci_only_a_package_the_release_lacks_skips(absent, monkeypatch):
    monkeypatch.setattr(system, "CI", False)
    with pytest.raises(pytest.skip.Exception, match="this machine's Debian has no package"):
        system.need(absent)
    monkeypatch.setattr(system, "candidate", lambda name: "1.0")
    with pytest.raises(pytest.fail.Exception, match="`make test` installs it"):
        system.need(absent)


def test_a_program_off_the_list_is_an_error():
    with pytest.raises(KeyError, match="debian-packages.toml"):
        system.need("no-such-program")


def named_in_tests() -> set[str]:
    """Every constant passed to need() or to the needs mark in tests/ (but this file)."""
    names = set()
    for path in set(TESTS.rglob("*.py")) - {Path(__file__)}:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if called in ("need", "needs"):
                    names |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return names


def test_every_program_the_tests_need_is_on_the_list():
    listed = {name for p in system.PACKAGES for name in (p.name, p.provides)}
    names = named_in_tests()
    assert {"postgresql", "chromium", "java", "testssl.sh"} <= names
    assert names - listed == set()


def test_every_make_step_installs_from_the_list():
    makefile = (CHECKOUT / "Makefile").read_text(encoding="utf-8")
    steps = set(re.findall(r"\$\(SYSTEM_DEPS\) ([\w-]+)", makefile))
    assert steps == set(system_deps.STEPS)
    assert "SYSTEM_DEPS := $(PYTHON) scripts/system_deps.py" in makefile
    for package in system.PACKAGES:
        assert package.steps, package.name


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        ('Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n', True),
        ('// c\nAcquire::IndexTargets::deb::DEP-11 { DefaultEnabled "false"; };\n', True),
        ('Acquire::http { Proxy "http://127.0.0.1:3142"; };', True),
        ('Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n', False),
        ('DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };', False),
        ('Acquire::Languages "none";\nAPT::Keep-Downloaded-Packages "false";', False),
        ('#clear Acquire::Languages;\nAcquire::Languages "none";', False),
        ("", False),
    ],
)
def test_fresh_root_carries_only_files_that_set_acquire_options(text, carried):
    """How apt reaches the mirrors comes along; hooks that clean the package cache don't."""
    assert fresh_machine.sets_only_acquire(text) == carried


def test_an_apt_failure_stops_the_installer_with_apts_own_message(capfd):
    with pytest.raises(SystemExit) as stopped:
        system_deps.apt("install", "-y", "-qq", "--no-download", ABSENT.name)
    assert "failed" in str(stopped.value) or "root (or sudo)" in str(stopped.value)
    if "failed" in str(stopped.value):
        assert f"Unable to locate package {ABSENT.name}" in capfd.readouterr().err
