"""The feedback database, on SQLite and on PostgreSQL: created and migrated at start (safely
when several processes start at once), WAL and full sync on SQLite, the schema the
migrations make is the models', and `flask feedback export` and `purge`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from smartspec_site.config import CHECKOUT, Defaults, StartError
from smartspec_site.feedback import store
from smartspec_site.feedback.cli import neutralise
from smartspec_site.feedback.models import Base

from .feedback_helpers import SUBMIT, app_with_database, form, rows


def test_sqlite_is_created_at_first_start_in_wal_mode_with_full_sync(tmp_path):
    url = f"sqlite:///{tmp_path / 'new' / 'folder' / 'feedback.sqlite3'}"
    app_with_database(url)
    assert (tmp_path / "new" / "folder" / "feedback.sqlite3").is_file()
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        head = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
        assert list(head) == ["1765110000"]
    engine.dispose()
    app = app_with_database(url)
    with app.app_context(), store.db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_no_request_pays_for_an_async_teardown(tmp_path):
    """Flask runs an `async def` teardown through asgiref on every request; the wing
    drops Flask-SQLAlchemy-Lite's, since no engine here is async."""
    import inspect

    app = app_with_database(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    assert not [f for f in app.teardown_appcontext_funcs if inspect.iscoroutinefunction(f)]
    assert app.teardown_appcontext_funcs, "the sync session teardown stays"


def test_the_default_database_is_a_file_in_the_instance_folder(tmp_path):
    """DATABASE_URL's default is a relative SQLite path: Flask-SQLAlchemy-Lite puts it in
    the instance folder, which it creates (development: instance/ beside the package)."""
    app = Flask("smartspec_site", instance_path=str(tmp_path / "instance"))
    app.config.from_object(Defaults)
    store.init_app(app)
    assert (tmp_path / "instance" / "feedback.sqlite3").is_file()


def test_a_database_that_cannot_be_made_stops_the_start_in_one_line(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(StartError) as caught:
        app_with_database(f"sqlite:///{blocked / 'feedback.sqlite3'}")
    assert "SMARTSPEC_DATABASE_URL" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(StartError, match="not a database URL"):
        app_with_database("no such scheme")


def test_the_migrations_make_exactly_the_models_schema(database_url):
    app_with_database(database_url)
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_without_migrate_at_start_a_database_behind_is_refused(database_url):
    with pytest.raises(StartError, match="flask db upgrade"):
        app_with_database(database_url, DATABASE_MIGRATE=False)
    app = app_with_database(database_url)  # migrates
    app_with_database(database_url, DATABASE_MIGRATE=False)  # now at head: starts
    with app.app_context():  # as `flask` pushes it for Flask-Alembic's plain click group
        result = app.test_cli_runner().invoke(args=["db", "current"])
    assert result.exit_code == 0 and "1765110000" in result.output


STARTER = """
import sys
from smartspec_site import create_app
create_app({"TESTING": True, "HTMX_SOURCE": "local", "DATABASE_URL": sys.argv[1]})
"""


def test_processes_starting_at_once_migrate_once(database_url):
    """Several app instances (or gunicorn masters) starting together against a fresh
    database: the lock lets one migrate, the others find it done."""
    starters = [
        subprocess.Popen(  # noqa: S603 - this interpreter, our own script
            [sys.executable, "-c", STARTER, database_url], cwd=CHECKOUT, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    for starter in starters:
        _, err = starter.communicate(timeout=120)
        assert starter.returncode == 0, err.decode()
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
    engine.dispose()


# --- flask feedback export and purge ------------------------------------------------------


def seeded(database_url):
    app = app_with_database(database_url)
    client = app.test_client()
    # The form strips leading blank space, so a tab or CR cannot lead a stored text; the
    # export neutralises them all the same (test_neutralise_…).
    texts = ["=1+1", "+46 10", "-minus", "@sum(A1)", "Tab\there", 'Plain, "quoted"\nline']
    for text in texts:
        assert client.post(SUBMIT["sv"], data=form(text=text)).status_code == 303
    return app, texts


def test_export_writes_csv_a_spreadsheet_cannot_run(database_url):
    app, texts = seeded(database_url)
    result = app.test_cli_runner().invoke(args=["feedback", "export"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["text"] for row in table] == [
        "'=1+1", "'+46 10", "'-minus", "'@sum(A1)", "Tab\there", 'Plain, "quoted"\nline',
    ]  # fmt: skip
    for row in table:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
    assert table[0]["page"] == "/sv/" and table[0]["answer"] == "no"
    assert datetime.fromisoformat(table[0]["created"]).tzinfo is not None
    assert "6 rows exported" in result.stderr


# Texts whose formula starts mid-value: after a separator a spreadsheet may split on (`;`
# under Swedish regional settings, a tab) or after a line break, quoted or not.
HIDDEN_FORMULAS = [
    ";=1+1",
    "ok\n=1+1",
    "ok\r\n+1+1",
    "a,-1+1",
    "a;@SUM(A1)",
    "a\t=1+1",
    'a; "=1+1',
    "a;\t=1+1",
    "a\r=1+1",
    "a\u2028=1+1",
]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cells_as_a_spreadsheet_may_read(text: str):
    """Every cell of the file as a spreadsheet may split it: on `,`, `;` or a tab, honouring
    quotes, and also line by line (any line break) ignoring them."""
    for delimiter in ",;\t":
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield from row
        for line in text.splitlines():
            yield from (cell.lstrip(' "') for cell in line.split(delimiter))


def test_export_has_no_formula_however_a_spreadsheet_splits_it(database_url):
    app = app_with_database(database_url)
    client = app.test_client()
    for text in HIDDEN_FORMULAS:
        assert client.post(SUBMIT["sv"], data=form(text=text)).status_code == 303
    result = app.test_cli_runner().invoke(args=["feedback", "export"])
    assert result.exit_code == 0, result.output
    formulas = [c for c in cells_as_a_spreadsheet_may_read(result.stdout) if c.startswith(FORMULA)]
    assert formulas == []
    # Read as written (comma-separated, quoted), each text is the visitor's with apostrophes.
    texts = [row["text"] for row in csv.DictReader(io.StringIO(result.stdout, newline=""))]
    assert [text.replace("'", "") for text in texts] == [
        text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
        for text in HIDDEN_FORMULAS
    ]


def test_neutralise_leaves_ordinary_text_and_numbers_alone():
    assert neutralise("Bra sida") == "Bra sida"
    assert neutralise(12) == 12
    assert neutralise("\rx") == "'\rx"
    assert neutralise("\tx") == "'\tx"


def test_export_json_and_since(database_url):
    app, texts = seeded(database_url)
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:  # the first row is made a year old
        old = datetime.now(UTC) - timedelta(days=400)
        value = old.replace(tzinfo=None) if engine.dialect.name == "sqlite" else old
        connection.execute(sa.text("UPDATE feedback SET created = :t WHERE id = 1"), {"t": value})
    engine.dispose()
    runner = app.test_cli_runner()
    everything = json.loads(runner.invoke(args=["feedback", "export", "--format", "json"]).stdout)
    assert [item["text"] for item in everything] == texts  # as stored: no neutralising
    since = (datetime.now(UTC) - timedelta(days=30)).date().isoformat()
    recent = runner.invoke(args=["feedback", "export", "--format", "json", "--since", since])
    assert [item["id"] for item in json.loads(recent.stdout)] == [2, 3, 4, 5, 6]
    wrong = runner.invoke(args=["feedback", "export", "--since", "yesterday"])
    assert wrong.exit_code == 2 and "--since" in wrong.stderr


def test_purge_keeps_the_retention_period(database_url):
    app, _ = seeded(database_url)
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        for row_id, days in ((1, 400), (2, 100)):
            moment = datetime.now(UTC) - timedelta(days=days)
            value = moment.replace(tzinfo=None) if engine.dialect.name == "sqlite" else moment
            connection.execute(
                sa.text("UPDATE feedback SET created = :t WHERE id = :i"), {"t": value, "i": row_id}
            )
    engine.dispose()
    runner = app.test_cli_runner()
    default = runner.invoke(args=["feedback", "purge"])
    assert default.exit_code == 0 and "1 rows older than 365 days deleted; 5 kept" in default.output
    assert [r["id"] for r in rows(database_url)] == [2, 3, 4, 5, 6]
    shorter = runner.invoke(args=["feedback", "purge", "--older-than", "30"])
    assert "1 rows older than 30 days deleted; 4 kept" in shorter.output
    assert runner.invoke(args=["feedback", "purge", "--older-than", "-1"]).exit_code == 2


def test_the_wing_has_no_session_and_needs_no_secret_key(tmp_path):
    app = app_with_database(f"sqlite:///{tmp_path / 'f.sqlite3'}", PRODUCTION=True,
                            SITE_URL="https://smartspec.example")  # fmt: skip
    assert not app.config.get("SECRET_KEY")
    answer = app.test_client().post(SUBMIT["sv"], data=form(), base_url="https://smartspec.example")
    assert answer.status_code == 303
    assert "Set-Cookie" not in answer.headers


def flask(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "SMARTSPEC_DATABASE_URL": database_url,
        "SMARTSPEC_HTMX_SOURCE": "local",
        "SMARTSPEC_SITE_URL": "https://smartspec.example",
    }
    return subprocess.run(  # noqa: S603 - this interpreter's flask, our own app
        [sys.executable, "-m", "flask", "--app", "smartspec_site", *args],
        cwd=CHECKOUT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_flask_freeze_touches_no_database(tmp_path):
    """The export needs no feedback database: `flask freeze` neither makes nor migrates one
    (it once migrated whatever DATABASE_URL named). A command that reads the feedback makes
    it at its first connection, as before."""
    database = tmp_path / "state" / "feedback.sqlite3"
    url = f"sqlite:///{database}"
    done = flask("freeze", "--destination", str(tmp_path / "site"), database_url=url)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "sv" / "index.html").is_file()
    assert not (tmp_path / "state").exists()
    done = flask("feedback", "export", database_url=url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("id,created,page,locale,category,answer,text")
    assert database.is_file()


def migrations_in(folder) -> tuple[list[str], list[str], list[str]]:
    """The heads, the bases and every revision (head first) of the migrations in folder."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(folder))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(folder))  # as Flask-Alembic reads it
    scripts = ScriptDirectory.from_config(config)
    revisions = [script.revision for script in scripts.walk_revisions()]
    return list(scripts.get_heads()), list(scripts.get_bases()), revisions


def test_the_migrations_form_one_line_and_every_file_is_on_it():
    """One base, one head: two migrations that revise the same one would leave two heads,
    and the start could not upgrade to the head."""
    heads, bases, revisions = migrations_in(store.MIGRATIONS)
    files = sorted(path.name.split("_")[0] for path in store.MIGRATIONS.glob("[0-9]*.py"))
    assert len(heads) == 1 and len(bases) == 1, (heads, bases)
    assert sorted(revisions) == files
    assert revisions[0] == heads[0] == max(files)  # the newest file is the head


def test_a_second_migration_from_the_same_revision_is_found(tmp_path):
    import shutil

    folder = shutil.copytree(store.MIGRATIONS, tmp_path / "migrations")
    (_, _, revisions) = migrations_in(folder)
    branch = (folder / f"{revisions[0]}_token.py").read_text(encoding="utf-8")
    (folder / "1799999999_branch.py").write_text(
        branch.replace(f'revision: str = "{revisions[0]}"', 'revision: str = "1799999999"'),
        encoding="utf-8",
    )
    heads, _, _ = migrations_in(folder)
    assert sorted(heads) == sorted([revisions[0], "1799999999"])
