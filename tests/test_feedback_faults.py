"""The feedback database under faults, on SQLite and PostgreSQL: a connection that cannot
write is thrown away (the next post succeeds, with no restart), /healthz says when the
database takes no write, and no logged error holds what a visitor wrote. The same faults
through `make serve` are tests/test_stack_faults.py's."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from smartspec_site.feedback import store

from .feedback_helpers import SUBMIT, app_with_database, form, rows

PRIVATE = "PRIVATE-TEXT-visitor-wrote-this"


def make_pooled_connection_read_only(app) -> None:
    """What SQLite does, silently, when it opens a file it may not write (read-only,
    immutable, a read-only disk), and what a PostgreSQL standby is: a connection that reads
    but cannot write, left in the worker's pool."""
    with app.app_context():
        engine = store.db.engine
        raw = engine.raw_connection()
        cursor = raw.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            raw.commit()
        cursor.close()
        raw.close()  # back to the pool, as a worker's connection after a request


def test_a_connection_that_cannot_write_is_thrown_away(database_url, caplog):
    app = app_with_database(database_url, PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    assert client.post(SUBMIT["sv"], data=form(text="before")).status_code == 303
    make_pooled_connection_read_only(app)
    with caplog.at_level(logging.ERROR):
        assert client.post(SUBMIT["sv"], data=form(text="during")).status_code == 500
    assert "refused a write" in caplog.text
    # The fault is over: the next post is stored, with no restart.
    assert client.post(SUBMIT["sv"], data=form(text="after")).status_code == 303
    assert [row["text"] for row in rows(database_url)] == ["before", "after"]


def test_healthz_answers_503_with_the_reason_when_the_database_takes_no_write(database_url):
    app = app_with_database(database_url)
    client = app.test_client()
    ok = client.get("/healthz")
    assert (ok.status_code, ok.text, ok.headers["Cache-Control"]) == (200, "ok\n", "no-store")
    make_pooled_connection_read_only(app)
    failing = client.get("/healthz", headers={"Host": "10.0.0.5"})
    assert failing.status_code == 503 and failing.headers["Cache-Control"] == "no-store"
    assert failing.text.startswith("the feedback database cannot take a write: ")
    assert failing.text.count("\n") == 1 and "read" in failing.text.lower()
    assert client.head("/healthz").status_code == 200  # the connection was thrown away
    # Its row is its own: the feedback table is untouched.
    assert rows(database_url) == []


def test_healthz_answers_503_when_the_database_is_gone(tmp_path):
    app = app_with_database(f"sqlite:///{tmp_path / 'db' / 'feedback.sqlite3'}")
    with app.app_context():
        store.db.engine.dispose()
    (tmp_path / "db").rename(tmp_path / "moved")
    answer = app.test_client().get("/healthz")
    assert answer.status_code == 503
    reason = "the feedback database cannot take a write: unable to open database file\n"
    assert answer.text == reason


def refuse_every_row(database_url: str) -> None:
    """A constraint no row meets: PostgreSQL's message then quotes the row it refused
    ("Failing row contains (…)"), the visitor's text with it."""
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE INSERT ON feedback "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        else:
            connection.exec_driver_sql(
                "ALTER TABLE feedback ADD CONSTRAINT refuse CHECK (length(text) < 0)"
            )
    engine.dispose()


@pytest.mark.parametrize("fault", ["constraint", "read-only"])
def test_no_logged_database_error_holds_the_visitors_text(database_url, caplog, fault):
    app = app_with_database(database_url, PROPAGATE_EXCEPTIONS=False)
    if fault == "constraint":
        refuse_every_row(database_url)
    else:
        app.test_client().get("/healthz")  # a pooled connection
        make_pooled_connection_read_only(app)
    with caplog.at_level(logging.DEBUG):
        answer = app.test_client().post(SUBMIT["sv"], data=form(text=PRIVATE))
    assert answer.status_code == 500
    assert PRIVATE not in caplog.text
    assert "Failing row" not in caplog.text
    assert "Traceback" in caplog.text  # the error is logged, with its traceback
    assert "the feedback database refused a write: " in caplog.text


def test_a_database_folder_moved_away_is_not_written_where_nobody_reads(tmp_path):
    """A pooled connection to a file that is no longer at its path would acknowledge posts
    that nobody will ever read: the post fails instead, and /healthz says why."""
    app = app_with_database(
        f"sqlite:///{tmp_path / 'db' / 'feedback.sqlite3'}", PROPAGATE_EXCEPTIONS=False
    )
    client = app.test_client()
    assert client.post(SUBMIT["sv"], data=form(text="kept")).status_code == 303
    (tmp_path / "db").rename(tmp_path / "moved")
    assert client.post(SUBMIT["sv"], data=form(text="lost?")).status_code == 500
    assert client.get("/healthz").status_code == 503
    moved = f"sqlite:///{tmp_path / 'moved' / 'feedback.sqlite3'}"
    assert [row["text"] for row in rows(moved)] == ["kept"]
