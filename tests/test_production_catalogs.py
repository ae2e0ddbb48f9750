"""Catalogs in production: a locale is served in its language or the start fails, in one line
naming the file; a translation that adds markup is refused; a read-only checkout whose
compiled files are current starts; a catalog lost while running changes nothing."""

from __future__ import annotations

import os
import shutil
import signal
import time
import urllib.request
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from smartspec_site.config import CHECKOUT, StartError
from smartspec_site.translate import checks
from smartspec_site.translate.catalogs import read_catalog

from .conftest import PRODUCTION_CONFIG, catalogs_env, catalogs_in, new_app
from .gunicorn_server import Gunicorn
from .helpers import text_of

SKIP_LINK_EN = 'msgstr "Skip to main content"'
READ_ONLY = Path(__file__).parent / "readonly"  # its sitecustomize makes folders read-only


@pytest.fixture
def translations(tmp_path, make_app) -> Path:
    """A copy of translations/, with its .mo compiled."""
    copy = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    make_app(**catalogs_in(copy))
    assert (copy / "en" / "LC_MESSAGES" / "messages.mo").is_file()
    return copy


def start(translations: Path, **settings):
    return new_app(PRODUCTION_CONFIG, **catalogs_in(translations), **settings)


def refused(translations: Path, **settings) -> str:
    with pytest.raises(StartError) as raised:
        start(translations, **settings)
    message = str(raised.value)
    assert "\n" not in message
    return message


def en(translations: Path, suffix: str = ".po") -> Path:
    return translations / "en" / "LC_MESSAGES" / f"messages{suffix}"


def test_catalogs_compile_to_the_build_folder_not_beside_their_sources(tmp_path):
    """BUILD_DIR holds the compiled catalogs, where Flask-Babel reads them; the sources'
    folder is only read (an installed wheel's, or a read-only checkout's)."""
    sources = Path(shutil.copytree(CHECKOUT / "translations", tmp_path / "translations"))
    for mo in sources.rglob("*.mo"):
        mo.unlink()
    app = new_app(PRODUCTION_CONFIG, TRANSLATIONS_DIR=str(sources),
                  BUILD_DIR=str(tmp_path / "build"))  # fmt: skip
    built = tmp_path / "build" / "translations"
    assert app.config["BABEL_TRANSLATION_DIRECTORIES"] == str(built)
    assert (built / "en" / "LC_MESSAGES" / "messages.mo").is_file()
    assert not list(sources.rglob("*.mo"))
    assert "Skip to main content" in app.test_client().get("/en/").text


def test_a_missing_catalog_fails_the_start(translations):
    en(translations, ".mo").unlink()
    message = refused(translations, TRANSLATIONS_AUTO_COMPILE=False)
    assert message.startswith(f"{en(translations, '.mo')}: missing")
    # Compiled on start (the default), the .po brings it back.
    assert "Skip to main content" in text_of(start(translations).test_client().get("/en/"))


def test_a_deleted_catalog_fails_the_start_instead_of_dropping_its_language(translations):
    """Locales are recorded (translations/locales.txt), not guessed from the catalogs present:
    English without its catalog stops the start, naming the file, instead of a site whose
    /en/ is a 404 and whose sitemap lost half its addresses."""
    en(translations).unlink()
    en(translations, ".mo").unlink()
    message = refused(translations)
    assert message.startswith(f"{translations / 'locales.txt'}:4: en is recorded but ")
    assert f"its catalog {en(translations)} is missing" in message


def test_development_says_so_too(translations, caplog, make_app):
    en(translations).unlink()
    app = make_app(**catalogs_in(translations))
    assert "en is recorded but its catalog" in caplog.text
    assert app.test_client().get("/en/").status_code == 404  # never Swedish under /en/


def test_the_record_of_locales_is_required(translations):
    (translations / "locales.txt").unlink()
    assert refused(translations) == (
        f"{translations / 'locales.txt'}: missing: it records the languages the site serves "
        "(TRANSLATING.md)"
    )


def test_a_catalog_that_is_not_recorded_is_not_served(translations, caplog):
    (translations / "locales.txt").write_text("# none\n", encoding="utf-8")
    app = start(translations)
    assert app.test_client().get("/en/").status_code == 404
    assert "en has a catalog but is not in" in caplog.text


def test_an_empty_catalog_fails_the_start(translations):
    en(translations).write_text("", encoding="utf-8")
    message = refused(translations)
    assert message == f"{en(translations)}: has no translations: the locale would show Swedish"


def test_a_broken_catalog_fails_the_start(translations):
    text = en(translations).read_text(encoding="utf-8")
    en(translations).write_text(text.replace(SKIP_LINK_EN, 'msgstr "Skip', 1), encoding="utf-8")
    assert "string not closed with a quote" in refused(translations)


def test_an_unreadable_compiled_catalog_fails_the_start(translations):
    en(translations, ".mo").write_bytes(b"\x00" * 64)
    message = refused(translations, TRANSLATIONS_AUTO_COMPILE=False)
    assert message.startswith(f"{en(translations, '.mo')}: cannot be read")


def test_a_translation_that_adds_markup_is_refused_as_the_check_refuses_it(translations):
    text = en(translations).read_text(encoding="utf-8")
    lines = text[: text.index(SKIP_LINK_EN)].count("\n") + 1
    evil = 'msgstr "Skip to main content<script>alert(1)</script>"'
    en(translations).write_text(text.replace(SKIP_LINK_EN, evil, 1), encoding="utf-8")
    message = refused(translations)
    assert message.startswith(f"{en(translations)}:{lines - 1}: markup differs")
    assert "<script>" in message
    # `flask translate check` refuses it with the same words (the same function).
    found = checks.entry_problems(en(translations), read_catalog(en(translations)))
    assert any("markup differs" in str(problem) for problem in found)
    # A .mo compiled with it elsewhere (not through the app) is refused as well.
    with en(translations).open("rb") as fh:
        catalog = read_po(fh)
    with en(translations, ".mo").open("wb") as fh:
        write_mo(fh, catalog)
    assert "markup differs" in refused(translations, TRANSLATIONS_AUTO_COMPILE=False)


def test_outside_production_a_lost_catalog_is_logged(translations, caplog, make_app):
    en(translations).write_text("", encoding="utf-8")
    app = make_app(**catalogs_in(translations))
    assert app is not None
    assert "has no translations" in caplog.text


def production(translations: Path, env: dict[str, str]) -> Gunicorn:
    """gunicorn -c gunicorn.conf.py in production, on a copy of the catalogs."""
    return Gunicorn({**catalogs_env(translations), **env}, 1)


def test_gunicorn_prints_one_line_naming_the_file(translations):
    en(translations).write_text("", encoding="utf-8")
    server = production(translations, {})
    assert server.start().wait() != 0
    errors = server.stderr
    assert f"Error: {en(translations)}: has no translations" in errors
    assert "Traceback" not in errors


def test_a_read_only_checkout_whose_files_are_current_starts(
    translations, tmp_path, tmp_path_factory, make_app
):
    """Nothing is written when the compiled catalogs, the static build and the nginx
    headers are current; a stale one that cannot be written fails in one line."""
    headers = tmp_path / "security-headers.conf"
    # The feedback database lives outside the checkout, as in production (docs/production.md):
    # the only place the app may write.
    state = tmp_path_factory.mktemp("state")
    database = f"sqlite:///{state / 'feedback.sqlite3'}"
    start(translations, NGINX_HEADERS_FILE=str(headers), DATABASE_URL=database)
    env = {
        "PYTHONPATH": str(READ_ONLY),
        "READ_ONLY_PATHS": os.pathsep.join([str(CHECKOUT), str(translations), str(tmp_path)]),
        "SMARTSPEC_NGINX_HEADERS_FILE": str(headers),
        "SMARTSPEC_DATABASE_URL": database,
    }
    with (
        production(translations, env) as server,
        urllib.request.urlopen(server.url + "/en/", timeout=10) as answer,
    ):
        assert "Skip to main content" in answer.read().decode()
    errors = server.stderr
    assert "Error" not in errors and "Read-only" not in errors
    assert (state / "feedback.sqlite3").is_file()

    # The check can fail: a catalog changed since it was compiled must be written, and here
    # it cannot be.
    text = en(translations).read_text(encoding="utf-8")
    en(translations).write_text(text.replace(SKIP_LINK_EN, 'msgstr "Skip ahead"', 1))
    server = production(translations, env)
    assert server.start().wait() != 0
    errors = server.stderr
    assert f"Error: {en(translations, '.mo')}: cannot write it: Read-only file system" in errors


def test_a_catalog_lost_while_running_changes_nothing(translations):
    """The .mo deleted, then a HUP (new workers, forked from the master): /en/ stays English,
    since the catalogs were loaded in the master at start."""
    with Gunicorn({**catalogs_env(translations)}, workers=1) as server:
        en(translations, ".mo").unlink()
        booted = server.booted()
        server.popen.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while server.booted() == booted and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.booted() > booted, "no new worker after the HUP"
        time.sleep(0.5)
        with urllib.request.urlopen(server.url + "/en/", timeout=10) as answer:
            page = answer.read().decode()
    assert '<html lang="en"' in page
    assert "Skip to main content" in page and "Gå direkt till huvudinnehållet" not in page
