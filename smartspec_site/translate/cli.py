"""`flask translate ...`: the translators' workflow on the standard tools.

Babel extracts (the mapping in pyproject.toml, with our content-file extractor) and GNU
gettext merges: `msgmerge --previous --no-wrap` is what translators' own tools run, keeps
the previous text of a changed entry (`#| msgid`) and each text on one line.

Paths come from the app: the catalogs live in ``BABEL_TRANSLATION_DIRECTORIES``, and the
project root (the sources and pyproject.toml) is the folder that holds translations/, as in
the repository's layout. So every command works on any copy of the repository, which is how
the tests run them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import tempfile
import tomllib
from dataclasses import replace
from pathlib import Path

import click
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.frontend import ExtractMessages, InitCatalog
from babel.messages.pofile import read_po
from flask import current_app
from flask.cli import AppGroup

from ..build import write_atomic
from . import catalogs, checks, terms
from .catalogs import CatalogError

COPYRIGHT_HOLDER = "Region Västra Götaland"

translate = AppGroup("translate", help="Extract, update, compile and check the translations.")


def _translations() -> Path:
    return catalogs.translations_dir(current_app).resolve()


def _template() -> Path:
    return _translations() / f"{catalogs.DOMAIN}.pot"


def _shown(path: Path) -> str:
    """A path as the user reads it: relative to the project root."""
    root = _translations().parent
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _report(problem: CatalogError) -> None:
    click.echo(str(replace(problem, path=_shown(Path(problem.path)))), err=True)


def extract_template(root: Path, output: Path) -> None:
    """Babel's extractor over the project, written to ``output`` as `pybabel extract
    --no-wrap` writes it, with the mapping, keywords, comment tags and `trimmed` from
    pyproject.toml. References name files only: a moved line changes no catalog."""
    with (root / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    with contextlib.chdir(root):
        command = ExtractMessages()
        command.mapping_file = "pyproject.toml"
        command.input_paths = ["."]  # references are then relative to the root
        command.ignore_dirs = [".*", "_*", "node_modules"]
        command.output_file = str(output)
        command.no_wrap = True
        command.sort_by_file = True
        command.add_location = "file"
        command.project = project["name"]
        command.version = project["version"]
        command.copyright_holder = COPYRIGHT_HOLDER
        command.ensure_finalized()
        command.run()


def _gettext(program: str, *args: str, data: bytes | None = None) -> bytes:
    """Run a GNU gettext program; its output (``-o -``), or a ClickException with its error."""
    path = shutil.which(program)
    if path is None:
        raise click.ClickException(f"GNU {program} not found: install gettext")
    result = subprocess.run(  # noqa: S603 - a fixed program on catalog paths, no shell
        [path, *args],
        input=data,
        capture_output=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    if result.returncode:
        raise click.ClickException(f"{program}: {result.stderr.decode(errors='replace')}")
    return result.stdout


def merge(po: Path, template: Path) -> bytes:
    """The catalog as `update` writes it: msgmerge adds new entries, marks changed ones
    fuzzy with their previous text, and takes comments and references from the template;
    msgattrib drops what is no longer in the sources (git keeps it)."""
    merged = _gettext("msgmerge", "--quiet", "--previous", "--no-wrap", "-o", "-", str(po),
                      str(template))  # fmt: skip
    return _gettext("msgattrib", "--no-obsolete", "--no-wrap", "-o", "-", "-", data=merged)


def _read(data: bytes) -> Catalog:
    return read_po(io.BytesIO(data))


def _require_template() -> Path:
    template = _template()
    if not template.exists():
        raise click.ClickException(f"{_shown(template)} is missing: run `flask translate extract`.")
    return template


_CREATION_DATE = re.compile(rb'^"POT-Creation-Date: .*\n', re.M)


@translate.command()
def extract() -> None:
    """Write translations/messages.pot from the templates and the content files."""
    template = _template()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / template.name
        extract_template(template.parent.parent, fresh)
        data = fresh.read_bytes()
    # Unchanged sources leave the file unchanged, its creation date included.
    if template.exists() and _CREATION_DATE.sub(b"", data) == _CREATION_DATE.sub(
        b"", template.read_bytes()
    ):
        click.echo(f"{_shown(template)} is up to date.")
        return
    write_atomic(template, data)
    click.echo(f"Wrote {_shown(template)} ({len(_read(data))} messages).")


@translate.command()
def update() -> None:
    """Merge messages.pot into every catalog; changed entries become fuzzy and show the
    previous source text (`#| msgid`)."""
    template = _require_template()
    for po in catalogs.catalog_paths(_translations()):
        data = merge(po, template)
        if data == po.read_bytes():
            click.echo(f"{_shown(po)} is up to date.")
            continue
        write_atomic(po, data)
        tally = checks.counts(_read(data))
        click.echo(
            f"Updated {_shown(po)}: {tally['fuzzy']} fuzzy, {tally['untranslated']} untranslated."
        )


@translate.command()
@click.argument("lang")
def init(lang: str) -> None:
    """Start a catalog for a new language LANG (a code such as de or fi)."""
    translations = _translations()
    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError) as exc:
        raise click.BadParameter(f"{lang!r} is not a language code Babel knows.") from exc
    po = catalogs.catalog_of(translations, lang)
    if po.exists():
        raise click.ClickException(f"{_shown(po)} already exists: run update instead.")
    command = InitCatalog()
    command.input_file = str(_require_template())
    command.output_dir = str(translations)
    command.locale = lang
    command.no_wrap = True
    command.ensure_finalized()
    command.run()
    recorded = catalogs.record_locale(translations, lang)
    click.echo(
        f"Created {_shown(po)} and recorded {lang} in {_shown(recorded)}. "
        "Translate it, run `flask translate check`, and restart the server: "
        f"/{lang}/ then appears in the language menu and the sitemap."
    )


@translate.command("compile")
@click.pass_context
def compile_catalogs(ctx: click.Context) -> None:
    """Build the .mo files; a catalog with errors is reported and gets no .mo."""
    failed = False
    for po in catalogs.catalog_paths(_translations()):
        try:
            mo = checks.compile_checked(po, catalogs.compiled_of(po, current_app))
        except CatalogError as exc:
            _report(exc)
            failed = True
        else:
            click.echo(f"Compiled {_shown(mo)}.")
    if failed:
        ctx.exit(1)


@translate.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """The gate: fail on stale, untranslated or fuzzy entries, msgfmt errors, placeholders
    or markup that differ between source and translation, and terms translated otherwise
    than the language's terminology list says."""
    template = _template()
    problems: list[CatalogError] = []
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / template.name
        extract_template(template.parent.parent, fresh)
        if template.exists():
            existing, wanted = _read(template.read_bytes()), _read(fresh.read_bytes())
            problems += checks.stale(template, existing, wanted)
        else:
            problems.append(CatalogError(template, None, "missing"))
        stale = bool(problems)

        for po in catalogs.catalog_paths(_translations()):
            try:
                current = catalogs.parse_catalog(po)
            except CatalogError as exc:
                problems.append(exc)
                summary.append(f"{po.parent.parent.name}: cannot be read")
                continue
            try:
                if found := checks.stale(po, current, _read(merge(po, fresh))):
                    stale = True
                    problems += found
            except click.ClickException as exc:  # msgmerge cannot read it
                problems.append(CatalogError(po, None, exc.message.strip()))
            problems += checks.entry_problems(po, current)
            problems += checks.content_problems(po, current)
            problems += checks.msgfmt_problems(po, current)
            try:
                source = current_app.config["BABEL_DEFAULT_LOCALE"]
                problems += terms.problems(po, current, terms.load(terms.path_for(po)), source)
            except CatalogError as exc:  # the list itself has a mistake
                problems.append(exc)
            tally = checks.counts(current)
            summary.append(
                f"{po.parent.parent.name}: {tally['translated']} translated, "
                f"{tally['fuzzy']} fuzzy, {tally['untranslated']} untranslated"
            )

    for problem in sorted(problems, key=lambda p: (str(p.path), p.lineno or 0)):
        _report(problem)
    if stale:
        click.echo(
            "The catalogs are out of date with the sources: run "
            "`flask translate extract` and `flask translate update`.",
            err=True,
        )
    for line in summary:
        click.echo(line)
    if problems:
        click.echo(f"{len(problems)} problem(s): the catalogs cannot ship.", err=True)
        ctx.exit(1)
    click.echo("All catalogs pass.")
