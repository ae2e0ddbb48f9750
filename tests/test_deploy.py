"""What an operator installs (deploy/): its shape, read as nginx and systemd read it. The
files run for real in test_stack.py, test_tls.py and test_nginx_export.py."""

from __future__ import annotations

import re
import subprocess

import pytest

from smartspec_site.config import CHECKOUT

DEPLOY = CHECKOUT / "deploy"
NGINX_FILES = sorted((DEPLOY / "nginx").rglob("*.conf"))
SITES = ["smartspec.conf", "smartspec-export.conf", "local.conf", "local-export.conf"]


def blocks(text: str) -> list[tuple[list[str], str]]:
    """Every directive with the blocks it sits in, outermost first (comments removed)."""
    found, stack = [], []
    text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    for token in re.finditer(r"([^{};]+)([{};])", text):
        words, end = token.group(1).strip(), token.group(2)
        if end == "{":
            stack.append(words.split()[0])
        elif end == "}":
            stack.pop()
        else:
            found.append((list(stack), words))
    assert not stack, "unbalanced braces"
    return found


@pytest.mark.parametrize("path", NGINX_FILES, ids=lambda p: p.name)
def test_no_location_adds_headers(path):
    """nginx drops every add_header of the server in a location that has one of its own:
    the security headers would silently go. Per-location headers come from maps."""
    for nesting, directive in blocks(path.read_text(encoding="utf-8")):
        if directive.startswith("add_header"):
            assert "location" not in nesting and "if" not in nesting, (path.name, directive)


@pytest.mark.parametrize("name", SITES)
def test_every_server_sends_the_security_headers_and_hardening(name):
    text = (DEPLOY / "nginx" / name).read_text(encoding="utf-8")
    servers = re.findall(r"\nserver \{(.*?)\n\}", text, re.S)
    assert servers
    for server in servers:
        assert re.search(r"include (\S*security-headers\.conf|@HEADERS@);", server), server
        assert "include smartspec/hardening.conf;" in server
        if "listen 443" in server:
            assert "include smartspec/tls.conf;" in server


def test_the_operator_files_mark_what_to_change():
    for name in ("smartspec.conf", "smartspec-export.conf"):
        text = (DEPLOY / "nginx" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if re.search(r"smartspec\.example|/srv/smartspec|/etc/ssl|/run/smartspec", line):
                assert "CHANGE" in line or line.lstrip().startswith("#"), (name, line)


@pytest.mark.needs("systemd")
def test_the_systemd_units_verify(tmp_path):
    units = ("smartspec.socket", "smartspec.service", "smartspec-purge.service")
    for name in units:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        for program in ("gunicorn", "flask", "python"):
            path = str(CHECKOUT / ".venv" / "bin" / program)
            text = text.replace(f"/srv/smartspec/.venv/bin/{program}", path)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in units)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
