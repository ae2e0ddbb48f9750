"""What `flask translate check` rejects in a catalog, as functions over Babel catalogs.

Every problem is a ``CatalogError`` naming the file, the line and the msgid, so the gate's
output reads like a compiler's and a translator can jump straight to the entry.
"""

from __future__ import annotations

import bisect
import os
import re
import shutil
import struct
import subprocess
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo

from ..content import rendering
from .catalogs import CatalogError, compile_catalog, msgid_of, read_catalog

# A Python %-directive as gettext's callers expand it (`%(name)s`, `%s`, `%%`), or a lone `%`.
# Templates format every message (Jinja's newstyle gettext), so a lone `%` in a translation
# breaks the page: a percent sign is written `%%`.
_DIRECTIVE = re.compile(r"%(?:\(\w+\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]|%")


def placeholders(text: str) -> set[str]:
    """The placeholders of a string; ``%%`` is an escaped percent sign, not a placeholder."""
    return {d for d in _DIRECTIVE.findall(text) if d != "%%"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags[f"<{tag}>"] += 1

    def handle_endtag(self, tag: str) -> None:
        self.tags[f"</{tag}>"] += 1


def markup(text: str) -> Counter[str]:
    """The HTML tags of a string, counted; attributes may differ (a translated title)."""
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.tags


def _pairs(message: Message) -> Iterator[tuple[str, str]]:
    """(source, translation) pairs: msgstr[0] answers msgid, the other forms msgid_plural."""
    if isinstance(message.id, str):
        yield message.id, message.string
        return
    for index, string in enumerate(message.string):
        yield message.id[min(index, 1)], string


def is_translated(message: Message) -> bool:
    strings = [message.string] if isinstance(message.string, str) else message.string
    return all(strings)


def _listing(items) -> str:
    return ", ".join(sorted(items)) or "none"


def entry_problems(path: Path, catalog: Catalog) -> Iterator[CatalogError]:
    """Untranslated and fuzzy entries, and translations whose placeholders or markup differ."""
    for message in catalog:
        if not message.id:
            continue  # the header

        def problem(text: str, message: Message = message) -> CatalogError:
            return CatalogError(path, message.lineno, f'{text} (msgid "{msgid_of(message)}")')

        if not is_translated(message):
            yield problem("untranslated")
            continue
        if message.fuzzy:
            yield problem(
                'fuzzy: check the translation, then delete the "#, fuzzy" line '
                "(in Poedit: untick Needs work)"
            )
        if from_content(message):
            continue  # Markdown, never %-formatted: see content_problems
        for source, translation in _pairs(message):
            expected, found = placeholders(source), placeholders(translation)
            if expected != found:
                yield problem(
                    f"placeholders differ: the source has {_listing(expected)}, "
                    f"the translation has {_listing(found)} (a percent sign is written %%)"
                )
        if found := markup_differs(message):
            yield problem(found)


def markup_differs(message: Message) -> str | None:
    """What is wrong when a translation's HTML tags differ from its source's, else None.
    Templates mark translations safe (Jinja's i18n under autoescape), so a translation that
    adds markup (a <script>) would reach the page as it stands."""
    for source, translation in _pairs(message):
        if not translation:
            continue
        expected, found = markup(source), markup(translation)
        if expected != found:
            return (
                f"markup differs: the source has {_listing(expected.elements())}, "
                f"the translation has {_listing(found.elements())}"
            )
    return None


def from_content(message: Message) -> bool:
    """The entry is a text of a content file (Markdown), not of a template or Python."""
    return any(filename.endswith(".md") for filename, _ in message.locations)


def content_problems(path: Path, catalog: Catalog) -> list[CatalogError]:
    """Translations of content-file texts that a page could not show as reviewed: raw HTML
    (the renderer refuses it), or links or dates other than the Swedish text's (a
    translation may reword a link's text or a date's words, never where the link leads or
    which day the date is)."""
    problems = []
    for message in catalog:
        if not message.id or not message.string or not from_content(message):
            continue
        source, translation = msgid_of(message), message.string
        found = rendering.check_translation(translation)
        if not found and rendering.links(source) != rendering.links(translation):
            found = (
                f"links differ: the source links to {_listing(rendering.links(source))}, "
                f"the translation to {_listing(rendering.links(translation))}"
            )
        if not found and rendering.times(source) != rendering.times(translation):
            found = (
                f"dates differ: the source has {_listing(rendering.times(source))}, "
                f"the translation has {_listing(rendering.times(translation))}"
            )
        if found:
            problems.append(CatalogError(path, message.lineno, f'{found} (msgid "{source}")'))
    return problems


def compile_checked(po_path: Path, mo_path: Path) -> Path:
    """Compile a catalog (to ``mo_path``) only if a page can show it: Babel's checks, no
    template text whose markup differs from its source (markup_differs), no content-file
    text with raw HTML or other links (content_problems). Else CatalogError, naming file and
    line, and no new .mo: production refuses to start, as `flask translate check` refuses."""
    catalog = read_catalog(po_path)
    problems = content_problems(po_path, catalog)
    for message in catalog:
        if message.id and not from_content(message) and (found := markup_differs(message)):
            entry = f'{found} (msgid "{msgid_of(message)}")'
            problems.append(CatalogError(po_path, message.lineno, entry))
    if problems:
        raise min(problems, key=lambda problem: problem.lineno or 0)
    return compile_catalog(po_path, mo_path, catalog)


def compiled_problems(po_path: Path, mo_path: Path) -> list[CatalogError]:
    """What production must not serve from ``mo_path``, compiled from ``po_path``: a
    missing or unreadable .mo, one without a single translation (the locale's URLs would
    show Swedish), or a translation whose markup differs from its source."""
    if not mo_path.is_file():
        return [CatalogError(mo_path, None, "missing: run `flask translate compile`")]
    try:
        with mo_path.open("rb") as fh:
            catalog = read_mo(fh)
    except (OSError, ValueError, struct.error, UnicodeDecodeError) as exc:
        return [CatalogError(mo_path, None, f"cannot be read: {exc}")]
    messages = [message for message in catalog if message.id and message.string]
    if not messages:
        return [CatalogError(po_path, None, "has no translations: the locale would show Swedish")]
    return [
        CatalogError(mo_path, None, f'{found} (msgid "{msgid_of(message)}")')
        for message in messages
        if (found := markup_differs(message))
    ]


def counts(catalog: Catalog) -> Counter[str]:
    """How many entries are translated, fuzzy and untranslated (fuzzy is not translated)."""
    tally: Counter[str] = Counter(translated=0, fuzzy=0, untranslated=0)
    for message in catalog:
        if not message.id:
            continue
        if not is_translated(message):
            tally["untranslated"] += 1
        elif message.fuzzy:
            tally["fuzzy"] += 1
        else:
            tally["translated"] += 1
    return tally


def msgfmt_problems(path: Path, catalog: Catalog) -> list[CatalogError]:
    """GNU msgfmt's own validation (`-c`: format strings, header, domain), which is stricter
    than Babel's reader: it is what every other gettext tool will hold the catalog to."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return [CatalogError(path, None, "GNU msgfmt not found: install gettext to check")]
    command = [msgfmt, "--check", "--check-format", "--output-file", os.devnull, str(path)]
    result = subprocess.run(  # noqa: S603 - a fixed program on a catalog path, no shell
        command, capture_output=True, text=True, check=False, env={**os.environ, "LC_ALL": "C"}
    )
    if result.returncode == 0:
        return []
    entries = sorted((m.lineno, msgid_of(m)) for m in catalog if m.id)
    starts = [lineno for lineno, _ in entries]
    problems = []
    for line in result.stderr.splitlines():
        found = re.match(rf"{re.escape(str(path))}:(\d+):(?:\d+:)? (.*)", line)
        if not found or found[2].startswith("warning:"):
            continue  # msgfmt's closing tally ("found 1 fatal error"), or a mere warning
        lineno = int(found[1])
        index = bisect.bisect_right(starts, lineno) - 1
        entry = f' (msgid "{entries[index][1]}")' if index >= 0 else " (header)"
        problems.append(CatalogError(path, lineno, f"msgfmt: {found[2]}{entry}"))
    return problems or [CatalogError(path, None, f"msgfmt: {result.stderr.strip()}")]


def _key(message: Message) -> tuple[str, str | None]:
    return msgid_of(message), message.context


def _shown(message: Message) -> tuple:
    """What a translator sees of an entry besides its texts. Not its references: they name
    files only, and a text that moves from one file to another needs no translator."""
    return (message.auto_comments, message.flags)


def stale(path: Path, current: Catalog, wanted: Catalog) -> list[CatalogError]:
    """What an update would change, entry by entry: new and removed msgids, entries whose
    translator comments or flags moved on in the sources, and the order of the entries.
    Line wrapping, the header and the references are not a change."""
    old = {_key(m): m for m in current if m.id}
    new = {_key(m): m for m in wanted if m.id}
    problems = [
        CatalogError(path, None, f'new in the sources: msgid "{key[0]}"')
        for key in new
        if key not in old
    ]
    for key, message in old.items():
        if key not in new:
            text = f'no longer in the sources: msgid "{key[0]}"'
        elif _shown(message) != _shown(new[key]):
            text = f'translator comments or flags changed: msgid "{key[0]}"'
        else:
            continue
        problems.append(CatalogError(path, message.lineno, text))
    if not problems and list(old) != list(new):
        problems.append(CatalogError(path, None, "the order differs from what update writes"))
    return problems
