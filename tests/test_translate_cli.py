"""`flask translate ...` on a tiny fixture project, on a copy of the real catalogs, and on the
real catalogs themselves (the gate CI runs through `make test`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from smartspec_site.config import CHECKOUT
from smartspec_site.translate import checks as catalog_checks

from .conftest import catalogs_in, new_app
from .helpers import soup
from .system import need

FIXTURE = Path(__file__).parent / "fixtures" / "translate"
# The text of the fixture's content file (content/sample.md): Markdown with two links.
CONTENT_TEXT = "Läs mer om [områdena](page:areas) och om [EU:s plattform](https://example.eu/s3)."
DATED_TEXT = "Sidan är från [4 januari 2022]{datetime=2022-01-04} och handlar om Vinnova."
EN_PO = Path("translations/en/LC_MESSAGES/messages.po")


class Project:
    """A copy of a project whose catalogs `flask translate` works on."""

    def __init__(self, root: Path):
        self.root = root
        # The commands must work on a broken catalog, so the app compiles nothing itself.
        self.app = new_app(
            **catalogs_in(root / "translations"),
            TRANSLATIONS_AUTO_COMPILE=False,
        )

    def translate(self, *args: str):
        return self.app.test_cli_runner().invoke(args=["translate", *args])

    def edit(self, relative: Path | str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, relative: Path | str, text: str) -> int:
        lines = (self.root / relative).read_text(encoding="utf-8").splitlines()
        return next(n for n, line in enumerate(lines, start=1) if text in line)


@pytest.fixture
def project(tmp_path) -> Project:
    need("gettext")  # update and check merge with GNU msgmerge
    return Project(Path(shutil.copytree(FIXTURE, tmp_path / "project")))


@pytest.mark.tools
def test_a_clean_catalog_passes_the_check(project):
    result = project.translate("check")
    assert result.exit_code == 0, result.output
    assert "en: 7 translated, 0 fuzzy, 0 untranslated" in result.output
    assert "All catalogs pass." in result.output


# defect: (text in the clean catalog, its broken version, the entry, the complaint, and the
# line the complaint names: Babel names the msgid's line, msgfmt the line it stumbled on).
DEFECTS = {
    "fuzzy": ('msgid "Hej"', '#, fuzzy\nmsgid "Hej"', "Hej",
              'fuzzy: check the translation, then delete the "#, fuzzy" line '
              "(in Poedit: untick Needs work)", 'msgid "Hej"'),
    "untranslated": ('msgstr "Hello"', 'msgstr ""', "Hej", "untranslated", 'msgid "Hej"'),
    "placeholder": ("group %(group)s.", "group %(grupp)s.", "Ingår i gruppen %(group)s.",
                    "placeholders differ: the source has %(group)s, the translation has "
                    "%(grupp)s (a percent sign is written %%)", 'msgid "Ingår'),
    "lone-percent": ("Discount: 50 %%", "Discount: 50 %", "Rabatt: 50 %%",
                     "placeholders differ: the source has none, the translation has % "
                     "(a percent sign is written %%)", 'msgid "Rabatt'),
    "markup": ("<strong>important</strong>", "important", "Det här är <strong>viktigt</strong>.",
               "markup differs: the source has </strong>, <strong>, the translation has none",
               'msgid "Det här'),
    "msgfmt": ('msgstr "Hello"', 'msgstr "Hello\\n"', "Hej",
               "msgfmt: 'msgid' and 'msgstr' entries do not both end with '\\n'",
               'msgstr "Hello'),
    # Texts of content files are Markdown: a translation keeps their links and adds no HTML.
    "link-changed": ("platform](https://example.eu/s3)", "platform](https://example.com/s3)",
                     CONTENT_TEXT,
                     "links differ: the source links to https://example.eu/s3, page:areas, "
                     "the translation to https://example.com/s3, page:areas", 'msgid "Läs mer'),
    "link-missing": ("[the areas](page:areas)", "the areas", CONTENT_TEXT,
                     "links differ: the source links to https://example.eu/s3, page:areas, "
                     "the translation to https://example.eu/s3", 'msgid "Läs mer'),
    "content-html": ("Read more", "<script>alert(1)</script> Read more", CONTENT_TEXT,
                     "raw HTML is not allowed in a translation: <script>", 'msgid "Läs mer'),
    # A date keeps its day ([words]{datetime=…}); the words may change.
    "date-changed": ("{datetime=2022-01-04} and", "{datetime=2022-01-05} and", DATED_TEXT,
                     "dates differ: the source has 2022-01-04, the translation has 2022-01-05",
                     'msgid "Sidan'),
    # The terminology list (translations/en/terminology.csv): a listed term keeps its English
    # term, and a name kept in Swedish is marked as Swedish.
    "term-other-word": ("[the areas](page:areas)", "[the fields](page:areas)", CONTENT_TEXT,
                        'terminology (en/terminology.csv:2): "områdena" is translated "area" or '
                        '"areas"', 'msgid "Läs mer'),
    "term-left-in-swedish": ("[the areas](page:areas)", "[the områdena](page:areas)",
                             CONTENT_TEXT, 'terminology (en/terminology.csv:2): "områdena" is '
                             'Swedish: write "area" or "areas"', 'msgid "Läs mer'),
    "term-name-unmarked": ("[Vinnova]{lang=sv}", "Vinnova", DATED_TEXT,
                           'terminology (en/terminology.csv:3): "Vinnova" is Swedish: write '
                           '"Vinnova", marked [Vinnova]{lang=sv}', 'msgid "Sidan'),
}  # fmt: skip


@pytest.mark.tools
@pytest.mark.parametrize(
    ("old", "new", "msgid", "complaint", "at"), DEFECTS.values(), ids=list(DEFECTS)
)
def test_each_defect_fails_the_check_naming_file_line_and_entry(
    project, old, new, msgid, complaint, at
):
    project.edit(EN_PO, old, new)
    result = project.translate("check")
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith(str(EN_PO))]
    line = project.line_of(EN_PO, at)
    assert f'{EN_PO}:{line}: {complaint} (msgid "{msgid}")' in problems
    assert "the catalogs cannot ship" in result.output


@pytest.mark.tools
def test_a_catalog_behind_the_sources_fails_the_check(project):
    project.edit("templates/page.html", "</h1>", '</h1>\n<p>{{ _("Ny text") }}</p>')
    result = project.translate("check")
    assert result.exit_code == 1
    assert 'translations/messages.pot: new in the sources: msgid "Ny text"' in result.output
    assert f'{EN_PO}: new in the sources: msgid "Ny text"' in result.output
    assert "run `flask translate extract` and `flask translate update`" in result.output

    assert project.translate("extract").exit_code == 0
    assert project.translate("update").exit_code == 0
    result = project.translate("check")  # current now, but the new entry is not translated
    assert result.exit_code == 1
    assert 'untranslated (msgid "Ny text")' in result.output
    assert "new in the sources" not in result.output


def test_extract_and_update_leave_current_catalogs_untouched(project):
    before = {p: p.read_bytes() for p in (project.root / "translations").rglob("*.po*")}
    assert "is up to date" in project.translate("extract").output
    assert "is up to date" in project.translate("update").output
    assert {p: p.read_bytes() for p in before} == before


def test_a_changed_source_text_becomes_fuzzy_with_the_previous_text(project):
    # GNU msgmerge offers no guess for a text of a word or two ("Hej" to "Hej du"): a sentence.
    project.edit("templates/page.html", "är <strong>viktigt", "är <strong>mycket viktigt")
    project.translate("extract")
    assert "1 fuzzy" in project.translate("update").output
    po = project.root / EN_PO
    updated = po.read_text(encoding="utf-8")
    entry = (
        '#, fuzzy\n#| msgid "Det här är <strong>viktigt</strong>."\n'
        'msgid "Det här är <strong>mycket viktigt</strong>."\n'
        'msgstr "This is <strong>important</strong>."\n'
    )
    assert entry in updated

    # Running update again changes nothing: the previous text stays `#|`, never `# |`.
    assert "is up to date" in project.translate("update").output
    assert po.read_text(encoding="utf-8") == updated

    # The translator fixes the text and clears the flag; the next update drops the hint.
    fixed = entry.replace("#, fuzzy\n", "").replace("<strong>imp", "<strong>very imp")
    project.edit(EN_PO, entry, fixed)
    project.translate("update")
    assert "#|" not in po.read_text(encoding="utf-8")
    assert "This is <strong>very important</strong>." in po.read_text(encoding="utf-8")


def test_compile_writes_the_mo_of_a_clean_catalog(project):
    result = project.translate("compile")
    assert result.exit_code == 0, result.output
    assert (project.root / EN_PO).with_suffix(".mo").exists()


# (clean text, broken text, the complaint, the line it names): Babel's parser names the line
# it stopped at, its placeholder check the msgid's line.
BROKEN = {
    "unclosed-string": ('msgstr "Hello"', 'msgstr "Hello',
                        'string not closed with a quote: msgstr "Hello', 'msgstr "Hello'),
    "bad-keyword": ('msgstr "Hello"', 'msgstr "Hello"\nmsgstrr "Hi"',
                    'Unknown or misformatted keyword: msgstrr "Hi"', 'msgstrr'),
    "placeholder": ("group %(group)s.", "group %(grupp)s.",
                    "unknown named placeholder 'grupp'", 'msgid "Ingår'),
    "content-html": ("Read more", "<b>Read</b> more",
                     "raw HTML is not allowed in a translation: <b>", 'msgid "Läs mer'),
}  # fmt: skip


@pytest.mark.parametrize(("old", "new", "complaint", "at"), BROKEN.values(), ids=list(BROKEN))
def test_compile_refuses_a_broken_catalog_and_writes_no_mo(project, old, new, complaint, at):
    project.edit(EN_PO, old, new)
    result = project.translate("compile")
    assert result.exit_code == 1
    assert f"{EN_PO}:{project.line_of(EN_PO, at)}: {complaint}" in result.output
    assert not (project.root / EN_PO).with_suffix(".mo").exists()


def test_check_names_the_line_of_a_syntax_error(project):
    project.edit(EN_PO, 'msgstr "Hello"', 'msgstr "Hello')
    result = project.translate("check")
    assert result.exit_code == 1
    line = project.line_of(EN_PO, 'msgstr "Hello')
    assert f"{EN_PO}:{line}: string not closed with a quote" in result.output
    assert "en: cannot be read" in result.output


def test_init_rejects_an_unknown_code_and_an_existing_catalog(project):
    assert project.translate("init", "xx-nope").exit_code == 2
    result = project.translate("init", "en")
    assert result.exit_code == 1
    assert "already exists" in result.output


def test_a_new_language_appears_everywhere_after_init(tmp_path, make_app):
    """A copy of the real translations gets a German catalog; the app then serves /de/ and
    lists it in the switcher, the hreflang alternates and the sitemap, with no code change."""
    translations = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    shutil.copy(CHECKOUT / "pyproject.toml", tmp_path)
    result = Project(tmp_path).translate("init", "de")
    assert result.exit_code == 0, result.output
    assert (translations / "de" / "LC_MESSAGES" / "messages.po").exists()
    # Recorded beside the catalogs, where the site reads its list, once.
    assert "recorded de in translations/locales.txt" in result.output
    listed = (translations / "locales.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in listed if not line.startswith("#")] == ["en", "de"]

    app = make_app(**catalogs_in(translations))
    client = app.test_client()
    german = client.get("/de/")
    assert german.status_code == 200
    assert soup(german).html["lang"] == "de"
    swedish = soup(client.get("/sv/"))
    switcher = swedish.find("nav", class_="language-switcher")
    assert switcher.find("a", hreflang="de", href="/de/").get_text(strip=True) == "Deutsch"
    assert swedish.find("link", rel="alternate", hreflang="de")
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert re.search(r"<loc>http://localhost/de/</loc>", sitemap)


@pytest.mark.tools
def test_the_real_catalogs_pass_the_check(runner):
    """The gate on the shipped catalogs: current with the sources, complete, msgfmt-clean."""
    result = runner.invoke(args=["translate", "check"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^en: \d+ translated, 0 fuzzy, 0 untranslated$", result.output, re.M)


def test_real_msgids_are_single_paragraphs_without_markup():
    """One msgid per paragraph, and no HTML in msgids: links inside a sentence are named
    placeholders (`%(group)s`), so translators never edit markup."""
    with (CHECKOUT / "translations" / "messages.pot").open("rb") as fh:
        template = read_po(fh)
    # A plural entry's id is (singular, plural): each form is a text of its own.
    msgids = [
        text
        for message in template
        if message.id
        for text in (message.id if isinstance(message.id, tuple) else (message.id,))
    ]
    assert len(msgids) > 100
    assert [m for m in msgids if "\n" in m or catalog_checks.markup(m)] == []


def test_update_reads_a_previous_msgid_wrapped_by_another_editor(project):
    """Poedit and msgmerge wrap long `#|` lines; update must keep the whole previous text."""
    project.edit(
        EN_PO,
        'msgid "Hej"',
        '#, fuzzy\n#| msgid ""\n#| "Hej och "\n#| "välkommen"\nmsgid "Hej"',
    )
    project.translate("update")
    assert '#| msgid "Hej och välkommen"\nmsgid "Hej"' in (project.root / EN_PO).read_text()


@pytest.mark.tools
def test_moved_lines_and_references_alone_do_not_fail_the_check(project):
    """References name files only, so a catalog does not churn when a line moves, and a
    reference that drifted is no reason to stop a translator's work."""
    project.edit("templates/page.html", "<h1>", "\n\n<h1>")
    project.edit(EN_PO, '#: templates/page.html\nmsgid "Hej"', '#: templates/old.html\nmsgid "Hej"')
    result = project.translate("check")
    assert result.exit_code == 0, result.output
    assert "All catalogs pass." in result.output
    pot = (project.root / "translations" / "messages.pot").read_text(encoding="utf-8")
    assert "#: templates/page.html\n" in pot and "#: templates/page.html:" not in pot


@pytest.mark.tools
def test_a_long_changed_text_keeps_its_previous_text_whole_across_updates(project):
    """A fuzzy entry shows the Swedish its translation was made for, whole, however long,
    and a second update changes nothing (no wrapped `#|` lines that come back as stray
    comments)."""
    old = CONTENT_TEXT
    new = (
        old.replace("Läs mer", "Läs gärna mer") + " Här följer en lång mening som en editor bryter."
    )
    project.edit("content/sample.md", old, new)
    assert project.translate("extract").exit_code == 0
    assert project.translate("update").exit_code == 0
    po = (project.root / EN_PO).read_text(encoding="utf-8")
    assert f'#, fuzzy\n#| msgid "{old}"\nmsgid "{new}"\n' in po
    assert project.translate("update").output.endswith("is up to date.\n")
    assert (project.root / EN_PO).read_text(encoding="utf-8") == po
    assert [line for line in po.splitlines()[4:] if line.startswith("# ")] == []
