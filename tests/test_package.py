"""The package's shape: no page prose or HTML in Python, and the layers pyproject.toml's
import-linter contract states (content, then web, then the wings, which never import one
another)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smartspec_site.config import CHECKOUT

PACKAGE = CHECKOUT / "smartspec_site"
MODULES = sorted(PACKAGE.rglob("*.py"))
GETTEXT = {
    "_", "gettext", "ngettext", "pgettext", "npgettext",
    "_l", "lazy_gettext", "lazy_ngettext", "lazy_pgettext", "lazy_npgettext",
}  # fmt: skip
LABEL = 60  # characters: longer than a short label is prose, which belongs in content/
# An HTML element as a page would contain it (not "<path>" or "<locale>" in a docstring).
HTML = re.compile(
    r"</?(?:html|head|body|title|meta|link|script|style|main|header|footer|nav|section|div|"
    r"span|p|a|h[1-6]|ul|ol|li|dl|dt|dd|table|tr|td|th|br|strong|em|b|i|img|form|input|"
    r"button)(?:\s[^<>]*)?/?>",
    re.I,
)


def docstrings(tree: ast.Module) -> set[int]:
    """The ids of the string nodes that are docstrings (documentation, not output)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def prose_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in GETTEXT:
                for arg in node.args:
                    text = arg.value if isinstance(arg, ast.Constant) else None
                    if isinstance(text, str) and len(text) > LABEL:
                        problems.append(f"line {node.lineno}: {name}({text[:40]!r}…)")
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and HTML.search(node.value)
        ):
            problems.append(f"line {node.lineno}: HTML in {node.value[:50]!r}")
    return problems


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_page_prose_or_html_in_python(path):
    assert prose_in(path) == []


def test_the_prose_check_finds_prose_and_html(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from flask_babel import lazy_gettext as _l\n"
        'SHORT = _l("Källor")\n'
        'LONG = _l("Det här är en mening som är alldeles för lång för att vara en etikett.")\n'
        'PAGE = "<p>Hej</p>"\n'
        'def f():\n    """Writes ``<path>/index.html``."""\n',
        encoding="utf-8",
    )
    assert [p.split(":")[0] for p in prose_in(sample)] == ["line 3", "line 4"]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter's contracts of ``root``/pyproject.toml on ``root``'s package."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_layers_hold():
    result = lint_imports(CHECKOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("content/page.py", "from ..web import urls"),  # the model imports the web layer
        ("web/views.py", "from ..serve import caching"),  # the web layer imports a wing
        ("feedback/views.py", "from ..serve import freeze"),  # a wing imports a wing
    ],
)
def test_the_contract_refuses_an_import_across_the_layers(tmp_path, module, line):
    shutil.copy(CHECKOUT / "pyproject.toml", tmp_path)
    shutil.copytree(PACKAGE, tmp_path / PACKAGE.name, ignore=shutil.ignore_patterns("*.pyc"))
    target = tmp_path / PACKAGE.name / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "0 kept, 1 broken" in result.stdout
