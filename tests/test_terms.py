"""The terminology list (translations/en/terminology.csv): a file Weblate imports as it is,
with the terms the issue names, and a gate (`flask translate check`) that fails on a
translation that breaks it, naming the catalog's file and line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from translate.storage import csvl10n

from smartspec_site.config import CHECKOUT
from smartspec_site.translate import terms
from smartspec_site.translate.catalogs import CatalogError

from .test_translate_cli import EN_PO, Project

TERMS = CHECKOUT / "translations" / "en" / terms.FILENAME
REQUIRED = (
    "Västra Götalandsregionen", "styrkeområde", "utvecklingsområde", "smart specialisering",
    "kraftsamling", "hållbara transporter", "gröna näringar", "Stärka innovationskraften",
    "Knyta samman Västra Götaland", "Öka inkluderingen", "Tillväxtverket", "Vinnova",
    "regionutvecklare",
)  # fmt: skip


def rows(path: Path = TERMS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_weblate_reads_the_list_as_a_glossary():
    """Weblate imports CSV through the Translate Toolkit's csvl10n: every row must come out
    as a term with its translation, context and note, and no two with the same id."""
    store = csvl10n.csvfile(TERMS.open("rb"))
    units = [(u.source, u.target, u.getcontext(), u.getnotes("developer")) for u in store.units]
    expected = [(r["source"], r["target"], r["context"], r["developer_comments"]) for r in rows()]
    assert units == expected
    ids = [unit.getid() for unit in store.units]
    assert len(ids) == len(set(ids)), "Weblate identifies a term by its context and source"


def test_the_list_has_the_terms_the_site_depends_on():
    sources = {row["source"] for row in rows()}
    assert set(REQUIRED) <= sources
    # One Swedish word, several concepts: a row each, told apart by the context (the 2017
    # group, the five of 2022–2025 and the S3 Platform's six; all thirteen areas and the
    # second group).
    for word, senses in (("styrkeområde", 3), ("utvecklingsområde", 2)):
        contexts = [row["context"] for row in rows() if row["source"] == word]
        assert len(contexts) == senses and all(contexts), word
    english = {row["source"]: row["target"] for row in rows()}
    assert english["Västra Götalandsregionen"] == "Region Västra Götaland"
    assert english["hållbara transporter"] == "sustainable transport"
    assert english["fullföljda studier"] == "completing education"
    assert english["regionen"] == "Region Västra Götaland"  # the bare word: never ambiguous
    assert "green industries" not in TERMS.read_text(encoding="utf-8").replace(
        "Never 'green industries'", ""
    )


def test_terms_match_whole_words_in_any_form_ignoring_case():
    (term,) = [t for t in terms.load(TERMS) if t.source == "styrkeområde"]
    assert term.found_in("Fem Styrkeområden pekas ut") == "Styrkeområden"
    assert term.found_in("styrkeområdena 2022–2025") == "styrkeområdena"
    assert term.found_in("delstyrkeområdet") is None  # part of another word
    assert term.translated_in("the areas of strength") and term.translated_in("an Area of strength")
    assert not term.translated_in("the strength areas")


LIST_MISTAKES = {
    "unknown column": ("source,target,", "source,traget,", 1, "unknown column 'traget'"),
    "no target": ("område,area,", "område,,", 2, "every row has a source and a target term"),
    "listed twice": ("\nVinnova,", "\nområde,area again,\nVinnova,", 3,
                     "'område' is listed twice: give a context"),
}  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "complaint"), LIST_MISTAKES.values(),
                         ids=list(LIST_MISTAKES))  # fmt: skip
def test_a_mistake_in_the_list_fails_the_check_naming_its_line(tmp_path, old, new, line, complaint):
    project = Project(Path(shutil.copytree(CHECKOUT / "tests/fixtures/translate", tmp_path / "p")))
    project.edit("translations/en/terminology.csv", old, new)
    with pytest.raises(CatalogError) as raised:
        terms.load(project.root / "translations/en/terminology.csv")
    assert raised.value.lineno == line
    assert raised.value.message.startswith(complaint)
    result = project.translate("check")
    assert result.exit_code == 1
    assert f"translations/en/terminology.csv:{line}: {complaint}" in result.output


@pytest.fixture
def real_project(tmp_path) -> Project:
    """A copy of the repository's sources and catalogs, for `flask translate` to work on."""
    for name in ("pyproject.toml", "templates", "translations", "content", "smartspec_site"):
        source, target = CHECKOUT / name, tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    return Project(tmp_path)


def row_line(source: str) -> int:
    """The line of a term's first row in the list."""
    lines = TERMS.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f"{source},"))


BROKEN_TERMS = {
    # The region's name, in the template that names the site's publisher.
    "region": ('msgid "Västra Götalandsregionen"\nmsgstr "Region Västra Götaland"',
               'msgid "Västra Götalandsregionen"\nmsgstr "West Sweden\'s region"',
               'msgid "Västra Götalandsregionen"', "Västra Götalandsregionen",
               f'terminology (en/terminology.csv:{row_line("Västra Götalandsregionen")}): '
               '"Västra Götalandsregionen" is translated '
               '"Region Västra Götaland"'),
    # One term per concept: the area's title, in a content file.
    "transport": ('msgid "Hållbara transporter"\nmsgstr "Sustainable transport"',
                  'msgid "Hållbara transporter"\nmsgstr "Sustainable transportation"',
                  'msgid "Hållbara transporter"', "Hållbara transporter",
                  f'terminology (en/terminology.csv:{row_line("hållbara transporter")}): '
                  '"Hållbara transporter" is translated '
                  '"sustainable transport" or "sustainable transport solutions"'),
}  # fmt: skip


@pytest.mark.tools
@pytest.mark.parametrize(("old", "new", "at", "msgid", "complaint"), BROKEN_TERMS.values(),
                         ids=list(BROKEN_TERMS))  # fmt: skip
def test_a_broken_term_in_a_copy_of_the_catalog_fails_the_check(
    real_project, old, new, at, msgid, complaint
):
    assert real_project.translate("check").exit_code == 0
    real_project.edit(EN_PO, old, new)
    result = real_project.translate("check")
    assert result.exit_code == 1
    line = real_project.line_of(EN_PO, at)
    assert f'{EN_PO}:{line}: {complaint} (msgid "{msgid}")' in result.output.splitlines()
    assert "the catalogs cannot ship" in result.output
