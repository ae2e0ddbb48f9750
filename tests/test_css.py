"""The stylesheets follow the rules real old engines taught us (static/css/site.css, top):
every rem value has a px fallback just before it, written so that Dillo 3.0.5 keeps it, and
link colours on :link and :visited stand in rules of their own. Parsed with tinycss2, the
CSS parser of the WeasyPrint project, rather than with regular expressions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import tinycss2

from smartspec_site.config import CHECKOUT

STYLESHEETS = sorted((CHECKOUT / "static" / "css").glob("*.css"))
PX_PER_REM = 16
# Shorthands Dillo reads value by value: it keeps what it read before an unknown unit.
SHORTHANDS = {"margin", "padding", "border", "border-width", "font", "background", "outline"}


def rules(nodes) -> Iterator[tuple[str, list]]:
    """(selector, declarations) of every style rule, inside @media and @supports too."""
    for node in nodes:
        if node.type == "qualified-rule":
            content = tinycss2.parse_declaration_list(
                node.content, skip_comments=True, skip_whitespace=True
            )
            yield (
                tinycss2.serialize(node.prelude).strip(),
                [d for d in content if d.type == "declaration"],
            )
        elif node.type == "at-rule" and node.content is not None:
            yield from rules(
                tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            )


def values(declaration) -> list:
    return [token for token in declaration.value if token.type not in ("whitespace", "comment")]


def in_px(token) -> tuple:
    """A component value as a comparable key: rem converted to px, the rest as it is."""
    if token.type == "dimension" and token.lower_unit == "rem":
        return ("px", round(token.value * PX_PER_REM, 3))
    if token.type == "dimension":
        return (token.lower_unit, round(token.value, 3))
    if token.type == "number" and token.value == 0:
        return ("px", 0)
    return (token.type, tinycss2.serialize([token]))


def has_rem(declaration) -> bool:
    return any(t.type == "dimension" and t.lower_unit == "rem" for t in values(declaration))


def problems(css: str) -> list[str]:
    found = []
    sheet = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    for selector, declarations in rules(sheet):
        for before, declaration in zip([None, *declarations], declarations, strict=False):
            name = declaration.lower_name
            if has_rem(declaration):
                where = f"{selector} {{ {name}: {tinycss2.serialize(declaration.value).strip()} }}"
                wanted = [in_px(t) for t in values(declaration)]
                fallback = (
                    before is not None
                    and before.lower_name == name
                    and not has_rem(before)
                    and [in_px(t) for t in values(before)] == wanted
                )
                if not fallback:
                    found.append(f"{where}: no px fallback just before it")
                first = values(declaration)[0]
                if name in SHORTHANDS and not (first.type == "dimension" and first.unit == "rem"):
                    found.append(f"{where}: a rem shorthand must start with a rem value")
        if ":visited" in selector or ":link" in selector:
            others = sorted({d.lower_name for d in declarations} - {"color"})
            if others:
                found.append(f"{selector}: a :link/:visited rule sets only colour, not {others}")
    return found


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheets_keep_the_old_engine_rules(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_rule_check_finds_each_kind_of_mistake():
    sample = """
    .ok { padding: 4px 0; padding: 0.25rem 0; font-size: 18px; font-size: 1.125rem; }
    .no-fallback { margin-top: 1rem; }
    .wrong-fallback { margin-top: 10px; margin-top: 1rem; }
    .zero-first { padding: 0 16px; padding: 0 1rem; }
    @media (max-width: 40em) { .nested { font-size: 1rem; } }
    .a, .a:visited { display: inline-block; color: #fff; }
    """
    assert [p.split(":")[0] for p in problems(sample)] == [
        ".no-fallback { margin-top",
        ".wrong-fallback { margin-top",
        ".zero-first { padding",
        ".nested { font-size",
        ".a, .a",
    ]


def test_lists_are_indented_by_padding_which_dillo_keeps():
    """Lists lose their margin (``p, ul, ol { margin: 0 0 1em }``), which is how Dillo
    indents them: their bullets stood at the page's edge there (issue 21). The indent is
    padding, which Chromium's own stylesheet uses too."""
    css = (CHECKOUT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    found = [
        declaration.lower_name
        for selector, declarations in rules(nodes)
        if {part.strip() for part in selector.split(",")} == {"ul", "ol"}
        for declaration in declarations
    ]
    assert "padding-left" in found
