"""The accessibility statement says what the suite measures, and the suite holds it to that.

* The tools and browsers it names, with their versions, are the ones the tests run.
* Every known gap it lists is held by a test that names it (``known_gap("id")``): a test
  that fails when the gap is no longer true, or the skip or allowance the gap explains.
* No test skips, fails on purpose or allows anything without naming a gap, unless it is
  listed below as no concern of the statement's (with why).
* Its dates are real: the assessment is not older than the last change of the tools or
  browsers, and the last update not older than the last change of the statement's file.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import tomllib
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from smartspec_site.config import CHECKOUT
from smartspec_site.content.statement import tool_versions

from .helpers import LOCALES, SITE, soup
from .known_gaps import ASSESSED, BY_ID, STATEMENT_FILE, known_gap

TESTS = Path(__file__).parent
SKIPS = {"skip", "xfail", "skipif", "importorskip"}
# Skips that say nothing about the site's accessibility, by file, with the words of the
# reason that identify them.
# Tools of the production stack missing on a machine say nothing about the pages either.
NOT_THE_STATEMENTS = {
    "test_pages.py": ("shared/content is not beside this clone",),  # the seed's shared copy
    # A package this Debian release lacks (never under CI); a browser's names its gap.
    "system.py": ("this machine's Debian has no package", "missing"),
    "test_system.py": ("pytest.skip",),  # expects that skip, and skips nothing itself
    "test_statement.py": ("a shallow clone",),  # no history to date the files by
}


def calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == name
    ]


def gap_ids(tree: ast.AST) -> list[str]:
    return [
        c.args[0].value
        for c in calls(tree, "known_gap")
        if c.args and isinstance(c.args[0], ast.Constant)
    ]


def unexplained_skips(path: Path, source: str) -> list[str]:
    """pytest.skip / xfail / skipif / importorskip (and their marks) that name no gap."""
    tree = ast.parse(source)
    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    found = []
    for node in ast.walk(tree):
        if id(node) in called:
            continue  # seen as its call
        target = node.func if isinstance(node, ast.Call) else node
        if not (isinstance(target, ast.Attribute) and target.attr in SKIPS):
            continue
        if isinstance(node, ast.Call) and gap_ids(node):
            continue
        if any(words in ast.unparse(node) for words in NOT_THE_STATEMENTS.get(path.name, ())):
            continue
        found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_every_skip_and_allowance_in_the_suite_names_a_known_gap():
    problems, named = [], set()
    for path in sorted(TESTS.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        problems += unexplained_skips(path, source)
        named |= set(gap_ids(ast.parse(source)))
    assert problems == []
    assert named - BY_ID.keys() == set(), "a test names a gap the statement does not list"
    assert BY_ID.keys() - named == set(), "a gap no test holds: prove it, or take it out"


def test_the_skip_check_finds_a_skip_without_a_gap(tmp_path):
    sample = tmp_path / "test_sample.py"
    source = (
        "import pytest\n"
        "def test_a():\n    pytest.skip('no reason given')\n"
        "def test_b():\n    pytest.skip(known_gap('sign-language'))\n"
        "@pytest.mark.xfail(reason='flaky')\ndef test_c():\n    pass\n"
    )
    found = unexplained_skips(sample, source)
    assert sorted(line.split(":")[1] for line in found) == ["3", "6"]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_statement_lists_every_gap_and_names_the_tools_and_browsers(client, locale):
    path = f"/{locale}/{SITE['accessibility'].path(locale)}"
    doc = soup(client.get(path))
    listed = {li["id"].removeprefix("gap-") for li in doc.select("li[id^=gap-]")}
    assert listed == BY_ID.keys()
    text = " ".join(doc.main.get_text(" ").split())
    installed = {}
    for name in ("axe-core", "vnu-jar"):
        package = CHECKOUT / "node_modules" / name / "package.json"
        if package.exists():  # what npm ci installed for the tests is what the page says
            installed[name] = json.loads(package.read_text(encoding="utf-8"))["version"]
    versions = tool_versions()
    assert installed == {k: v for k, v in versions.items() if k in installed}
    assert f"axe-core {versions['axe-core']}," in text
    assert f"Nu Html Checker {versions['vnu-jar']}," in text
    with (CHECKOUT / "docs" / "tested-browsers.toml").open("rb") as file:
        browsers = tomllib.load(file)["browser"]
    shown = [li.get_text(strip=True) for li in doc.select(".tools--browsers li")]
    assert shown == [f"{b['name']} {b['version']}" for b in browsers]
    compliance = {"sv": "delvis förenlig", "en": "partially compliant"}[locale]
    assert compliance in text, "DIGG's words, while there are known gaps"
    assert doc.main.find("a", href="https://www.digg.se/tdosanmalan")


def test_the_statement_is_linked_from_the_footer_of_every_page(client):
    for locale in LOCALES:
        target = f"/{locale}/{SITE['accessibility'].path(locale)}"
        for page in SITE:
            doc = soup(client.get(f"/{locale}/{page.path(locale)}"))
            assert doc.select_one(f"footer a[href='{target}']"), page.key


def last_change(*paths: Path) -> date:
    """The day (Swedish time) of the last commit that changed any of the files; a file's
    move (content/ from smartspec_site/content/) is not a change of its words."""
    follow = ["--follow", "--diff-filter=AM"] if len(paths) == 1 else []
    out = subprocess.run(
        ["git", "log", "-1", "--format=%cI", *follow, "--", *map(str, paths)],
        cwd=CHECKOUT, capture_output=True, text=True, check=True, timeout=60,
    ).stdout.strip()  # fmt: skip
    return datetime.fromisoformat(out).astimezone(ZoneInfo("Europe/Stockholm")).date()


def test_the_statements_dates_are_not_older_than_what_they_date():
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=CHECKOUT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if shallow.returncode != 0 or shallow.stdout.strip() == "true":
        pytest.skip("a shallow clone (or no git) has no history to date the files by")
    updated = SITE["accessibility"].updated.date()
    assert updated >= ASSESSED
    tools = last_change(CHECKOUT / "package-lock.json", CHECKOUT / "docs" / "tested-browsers.toml")
    assert tools <= ASSESSED, "the tools or browsers changed after the assessment"
    assert last_change(Path(STATEMENT_FILE)) <= updated, "update the statement's date"


# --- The content gaps hold: each test fails once its gap is gone --------------------------


def test_there_is_no_sign_language_version(client):
    for locale in LOCALES:
        for page in SITE:
            doc = soup(client.get(f"/{locale}/{page.path(locale)}"))
            assert not doc.select("video, iframe"), known_gap("sign-language")


def test_the_folder_and_the_mapping_are_not_here(client):
    start = soup(client.get("/sv/"))
    mention = start.find(string=re.compile("En fördjupad beskrivning finns i foldern"))
    assert mention and mention.find_parent("a") is None, known_gap("folder-not-found")
    mapping = soup(client.get(f"/sv/{SITE['mapping'].path('sv')}")).main
    documents = [a for a in mapping.find_all("a") if "kartläggning" in a.get_text().lower()]
    assert documents == [], known_gap("mapping-not-found")


def test_the_contact_is_the_one_of_2022(client):
    footer = soup(client.get("/sv/")).select_one(".contact__source").get_text()
    assert "sida från 2022" in footer, known_gap("contact-from-2022")


def test_the_assessment_is_automated(client):
    """The method names automated tools only; no test drives a screen reader or a
    magnifier. A test that did would make this gap untrue."""
    sources = " ".join(
        p.read_text(encoding="utf-8")
        for p in TESTS.rglob("test_*.py")
        if p.name != Path(__file__).name
    )
    drivers = re.findall(r"\b(?:nvda|jaws|voiceover|orca|guidepup)\b", sources.lower())
    assert drivers == [], known_gap("no-screen-reader-test")


# --- What the status rests on, and the routes to a reply ------------------------------------

CRITERION = re.compile(r"^([1-4])\.\d{1,2}\.\d{1,2}\b")


@pytest.mark.parametrize("locale", LOCALES)
def test_the_status_names_the_criteria_not_yet_verified(client, locale):
    """The status is "Delvis förenlig" while not every WCAG 2.1 AA criterion has been
    checked by hand: the statement names the criteria that need a person's judgement and
    have not had one."""
    doc = soup(client.get(f"/{locale}/{SITE['accessibility'].path(locale)}"))
    listed = doc.find(id="ej-kontrollerade").find_next("ul").find_all("li")
    numbers = [li.get_text(" ", strip=True).split(" ")[0] for li in listed]
    assert numbers and all(CRITERION.match(n) for n in numbers), numbers
    assert {"1.1.1", "1.3.1", "2.4.4", "2.4.6", "3.1.2"} <= set(numbers)


@pytest.mark.parametrize("locale", LOCALES)
def test_content_gaps_and_other_problems_stand_under_their_own_headings(client, locale):
    doc = soup(client.get(f"/{locale}/{SITE['accessibility'].path(locale)}"))

    def heading_of(gap_id: str) -> str:
        return doc.find(id=f"gap-{gap_id}").find_previous("h2")["id"]

    for gap in ("sign-language", "folder-not-found", "mapping-not-found", "contact-from-2022"):
        assert heading_of(gap) == "brister", gap
    for gap in ("small-inline-links",):
        assert heading_of(gap) == "andra-problem", gap


@pytest.mark.parametrize("locale", LOCALES)
def test_a_reply_can_be_had_by_phone_or_by_the_contact_page(client, locale):
    doc = soup(client.get(f"/{locale}/{SITE['accessibility'].path(locale)}"))
    report = doc.main.find("a", href=f"/{locale}/{SITE['accessibility-report'].path(locale)}")
    links = {a["href"] for a in report.find_parent("p").find_all("a")}
    assert "tel:+46104410000" in links
    assert "https://www.vgregion.se/kontakt-vgr/" in links
