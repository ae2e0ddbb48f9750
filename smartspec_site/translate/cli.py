"""`flask translate ...`: the translators' workflow, around Babel's own API.

Paths come from the app: the catalogs live in ``BABEL_TRANSLATION_DIRECTORIES``, and the
project root (the sources and pyproject.toml with the extraction mapping) is the folder that
holds translations/, as in the repository's layout. So every command works on any copy of
the repository, which is how the tests run them.
"""

from __future__ import annotations

import contextlib
import copy
import io
import tempfile
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import click
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.frontend import ExtractMessages, InitCatalog
from babel.messages.pofile import denormalize, read_po, write_po
from flask import Flask, current_app
from flask.cli import AppGroup

from ..build import write_atomic
from . import catalogs, checks, terms
from .catalogs import CatalogError

COPYRIGHT_HOLDER = "Region Västra Götaland"

translate = AppGroup("translate", help="Extract, update, compile and check the translations.")


@dataclass(frozen=True)
class Project:
    root: Path
    translations: Path

    @classmethod
    def of(cls, app: Flask) -> Project:
        translations = catalogs.translations_dir(app).resolve()
        return cls(translations.parent, translations)

    @property
    def template(self) -> Path:
        return self.translations / f"{catalogs.DOMAIN}.pot"

    def catalogs(self) -> list[Path]:
        return catalogs.catalog_paths(self.translations)

    def shown(self, path: Path) -> str:
        """A path as the user reads it: relative to the project root."""
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)

    def report(self, problem: CatalogError) -> None:
        click.echo(str(replace(problem, path=self.shown(problem.path))), err=True)


# Babel's writer wraps every comment line at 76 characters unless given a width, and a
# previous msgid (`#| msgid "…"`) is written as a comment: wrapped, it loses the space at
# each break and its continuation lines lose their `|`, so the next update reads them back
# as stray translator comments. With a width no line reaches, nothing is wrapped: texts,
# comments and previous msgids stay one line each, as GNU gettext's --no-wrap writes them.
NO_WRAP = 1 << 30


def render(catalog: Catalog, *, locations: bool = True) -> bytes:
    """A catalog as extract and update write it: unwrapped lines, previous msgids kept,
    references naming the file without a line number (so a moved line changes nothing).
    ``locations=False`` leaves the references out, for comparing what translators see."""
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=NO_WRAP,
        no_location=not locations,
        include_previous=True,
        ignore_obsolete=True,
        include_lineno=False,
    )
    return out.getvalue()


def extract_template(root: Path) -> Catalog:
    """Babel's extractor over the project, with the mapping, keywords, translator-comment
    tags and `trimmed` from pyproject.toml (Babel >= 2.18 reads them per mapping)."""
    with (root / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)["project"]
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(root):
        command = ExtractMessages()
        command.mapping_file = "pyproject.toml"
        command.input_paths = ["."]  # references are then relative to the root
        command.ignore_dirs = [".*", "_*", "node_modules"]
        command.output_file = str(Path(tmp) / "messages.pot")
        command.no_wrap = True
        command.sort_by_file = True
        command.add_location = "file"
        command.project = project["name"]
        command.version = project["version"]
        command.copyright_holder = COPYRIGHT_HOLDER
        command.ensure_finalized()
        command.run()
        with open(command.output_file, "rb") as fh:
            return read_po(fh)


def restore_previous(catalog: Catalog) -> Catalog:
    """Read `#| msgid` lines back as previous msgids, and drop them once an entry is no
    longer fuzzy (as GNU msgmerge does). Babel's reader keeps them as user comments
    ("| msgid ..."), so a second update would turn them into stray `# | msgid` lines.
    A wrapped previous msgid, as GNU gettext and other editors write it, continues on
    `#| "…"` lines."""
    for message in catalog:
        kept, previous, field = [], {}, None
        for comment in message.user_comments:
            if not comment.startswith("|"):
                kept.append(comment)
                continue
            line = comment[1:].strip()
            keyword, _, value = line.partition(" ")
            if keyword in ("msgctxt", "msgid", "msgid_plural"):  # Babel keeps no msgctxt
                field = keyword
                previous[field] = [value]
            elif field:  # a continuation line of a wrapped previous msgid
                previous[field].append(line)
        message.user_comments = kept
        ids = [
            denormalize("\n".join(previous[k])) for k in ("msgid", "msgid_plural") if k in previous
        ]
        message.previous_id = ids if message.fuzzy else []
    return catalog


def merge(po_path: Path, template: Catalog) -> tuple[Catalog, Catalog]:
    """The catalog as it is and as `update` makes it (new entries, fuzzy matches for changed
    msgids, current references and comments). Previous msgids of entries that stay fuzzy are
    kept: Babel's update only sets them for the entry it has just matched."""
    current = restore_previous(catalogs.parse_catalog(po_path))
    updated = copy.deepcopy(current)
    previous = {(m.id, m.context): m.previous_id for m in current if m.previous_id}
    updated.update(template)
    for message in updated:
        if message.fuzzy and not message.previous_id:
            message.previous_id = previous.get((message.id, message.context), [])
        elif not message.fuzzy:
            message.previous_id = []
    return current, updated


def read_template(project: Project) -> Catalog:
    if not project.template.exists():
        raise click.ClickException(
            f"{project.shown(project.template)} is missing: run `flask translate extract`."
        )
    with project.template.open("rb") as fh:
        return read_po(fh)


@translate.command()
def extract() -> None:
    """Write translations/messages.pot from the templates and the content files."""
    project = Project.of(current_app)
    template = extract_template(project.root)
    if project.template.exists():
        existing = read_template(project)
        extracted_at, template.creation_date = template.creation_date, existing.creation_date
        # Unchanged sources, written as this command writes them: an unchanged file.
        if render(template) == project.template.read_bytes():
            click.echo(f"{project.shown(project.template)} is up to date.")
            return
        template.creation_date = extracted_at
    write_atomic(project.template, render(template))
    click.echo(f"Wrote {project.shown(project.template)} ({len(template)} messages).")


@translate.command()
def update() -> None:
    """Merge messages.pot into every catalog; changed entries become fuzzy and show the
    previous source text (`#| msgid`)."""
    project = Project.of(current_app)
    template = read_template(project)
    for po in project.catalogs():
        _, updated = merge(po, template)
        data = render(updated)
        if data == po.read_bytes():
            click.echo(f"{project.shown(po)} is up to date.")
            continue
        write_atomic(po, data)
        tally = checks.counts(updated)
        click.echo(
            f"Updated {project.shown(po)}: {tally['fuzzy']} fuzzy, "
            f"{tally['untranslated']} untranslated."
        )


@translate.command()
@click.argument("lang")
def init(lang: str) -> None:
    """Start a catalog for a new language LANG (a code such as de or fi)."""
    project = Project.of(current_app)
    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError) as exc:
        raise click.BadParameter(f"{lang!r} is not a language code Babel knows.") from exc
    po = project.translations / lang / "LC_MESSAGES" / f"{catalogs.DOMAIN}.po"
    if po.exists():
        raise click.ClickException(f"{project.shown(po)} already exists: run update instead.")
    read_template(project)
    command = InitCatalog()
    command.input_file = str(project.template)
    command.output_dir = str(project.translations)
    command.locale = lang
    command.no_wrap = True
    command.ensure_finalized()
    command.run()
    recorded = catalogs.record_locale(project.translations, lang)
    click.echo(
        f"Created {project.shown(po)} and recorded {lang} in {project.shown(recorded)}. "
        "Translate it, run `flask translate check`, and restart the server: "
        f"/{lang}/ then appears in the language menu and the sitemap."
    )


@translate.command("compile")
@click.pass_context
def compile_catalogs(ctx: click.Context) -> None:
    """Build the .mo files; a catalog with errors is reported and gets no .mo."""
    project = Project.of(current_app)
    failed = False
    for po in project.catalogs():
        try:
            checks.compile_checked(po)
        except CatalogError as exc:
            project.report(exc)
            failed = True
        else:
            click.echo(f"Compiled {project.shown(po.with_suffix('.mo'))}.")
    if failed:
        ctx.exit(1)


@translate.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """The gate: fail on stale, untranslated or fuzzy entries, msgfmt errors, placeholders
    or markup that differ between source and translation, and terms translated otherwise
    than the language's terminology list says."""
    project = Project.of(current_app)
    template = extract_template(project.root)
    problems: list[CatalogError] = []
    if project.template.exists():
        existing = read_template(project)
        template.creation_date = existing.creation_date
        if render(template, locations=False) != render(existing, locations=False):
            problems += checks.changes(project.template, existing, template)
    else:
        problems.append(CatalogError(project.template, None, "missing"))
    stale = bool(problems)

    summary = []
    for po in project.catalogs():
        try:
            current, updated = merge(po, template)
        except CatalogError as exc:
            problems.append(exc)
            summary.append(f"{po.parent.parent.name}: cannot be read")
            continue
        if render(current, locations=False) != render(updated, locations=False):
            stale = True
            problems += checks.changes(po, current, updated) or [
                CatalogError(po, None, "the header or the order differs from what update writes")
            ]
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
        project.report(problem)
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
