"""The package's shape: no page prose or HTML in Python, small modules, no import loops."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from smartspec_site.config import ROOT

PACKAGE = ROOT / "smartspec_site"
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


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 320, f"{path.name} has {lines} lines: split it by what its parts do"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports when it is imported: at module level,
    not under ``if TYPE_CHECKING:``, and not inside functions."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = (
                ".".join(base + [node.module])
                if node.level and node.module
                else (".".join(base) if node.level else node.module or "")
            )
            for alias in node.names:
                # `from . import views` imports a module; `from .state import state` a name.
                found.add(
                    f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target
                )
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return (found & modules) - {name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every loop in a directed graph, each as the path that closes it."""
    found, done = [], set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            found.append([*trail[trail.index(node) :], node])
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, [*trail, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return found


def test_the_loop_finder_finds_loops():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_import_loops():
    modules = {module_name(path): path for path in MODULES}
    graph = {name: imports_of(path, set(modules)) for name, path in modules.items()}
    assert graph["smartspec_site.views"] >= {"smartspec_site.i18n", "smartspec_site.state"}
    assert [" -> ".join(loop) for loop in cycles(graph)] == []
