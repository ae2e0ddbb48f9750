"""The feedback database: its engine, its migrations at start, and what the wing does with it.

``DATABASE_URL`` names it: by default a relative SQLite path in the instance folder
(development); production names a file outside the checkout, so that a read-only checkout
starts, or PostgreSQL for several instances. SQLite runs in WAL mode with
``synchronous=FULL``: a row is on disk before the visitor is told it was received.
Migrations run at start, before gunicorn forks, under a lock that holds across machines
(PostgreSQL's advisory lock, or ``flock`` beside the SQLite file), so two starts take turns.
docs/feedback.md has the why; faults.py how a failed write heals.
"""

from __future__ import annotations

import fcntl
import inspect
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import ScriptInfo
from flask_alembic import Alembic
from flask_sqlalchemy_lite import SQLAlchemy
from sqlalchemy.exc import SQLAlchemyError

from ..config import StartError
from .faults import SameFile, WriteFailed, on_error, reason
from .models import Base, Feedback, HealthCheck

db = SQLAlchemy()
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_SECONDS = 15
# PostgreSQL's advisory locks are keyed by a 64-bit number: this wing's, from its name.
LOCK_KEY = zlib.crc32(b"smartspec_site.feedback migrations")
log = logging.getLogger(__name__)


def engine_options(url: str) -> dict:
    # hide_parameters: an error's message never lists the values (a visitor's text).
    options: dict = {"url": url, "pool_pre_ping": True, "hide_parameters": True}
    if sa.make_url(url).get_backend_name() == "sqlite":
        options["connect_args"] = {"timeout": SQLITE_BUSY_SECONDS}
    return options


def on_sqlite_connect(dbapi_connection, connection_record) -> None:
    """WAL (set once in the file, asked again cheaply), and full sync on every commit."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def sqlite_path(engine: sa.Engine) -> Path | None:
    """The database file of a SQLite engine, or None (PostgreSQL, or SQLite in memory)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        return None
    return Path(database.removeprefix("file:"))


@contextmanager
def migration_lock(engine: sa.Engine) -> Iterator[None]:
    """One migrating process at a time, whichever machine it runs on."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
                connection.commit()
        return
    path = sqlite_path(engine)
    if path is None:
        yield
        return
    with open(path.with_name(path.name + ".migrate-lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _lite_async_teardown(func: object) -> bool:
    module = getattr(func, "__module__", "") or ""
    return inspect.iscoroutinefunction(func) and module.startswith("flask_sqlalchemy_lite")


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"]
    try:
        backend = sa.make_url(url).get_backend_name()
    except sa.exc.ArgumentError:
        raise StartError(f"DATABASE_URL is not a database URL: {url!r}") from None
    app.config["SQLALCHEMY_ENGINES"] = {"default": engine_options(url)}
    try:
        db.init_app(app)
    except OSError as exc:  # the instance folder cannot be made (a read-only checkout)
        raise StartError(cannot_open(url, exc)) from None
    # Flask-SQLAlchemy-Lite's async teardown costs every request an asgiref event loop (and
    # fails in a thread that runs one); there is no async engine, so it is dropped.
    funcs = app.teardown_appcontext_funcs
    funcs[:] = [func for func in funcs if not _lite_async_teardown(func)]
    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "handle_error", on_error)
    app.extensions["feedback"] = engine
    path = sqlite_path(engine) if backend == "sqlite" else None
    if backend == "sqlite":
        sa.event.listen(engine, "connect", on_sqlite_connect)
        if path is not None:
            same_file = SameFile(path)
            sa.event.listen(engine, "connect", same_file.connected)
            sa.event.listen(engine, "checkout", same_file.checked_out)
    alembic = Alembic(run_mkdir=False, command_name="db", metadatas=Base.metadata)
    app.config.setdefault("ALEMBIC", {})["script_location"] = str(MIGRATIONS)
    alembic.init_app(app)
    # Flask-Alembic sets Alembic's logger to INFO on stderr, which would print two lines on
    # every start and every `flask` command. What changed is logged below instead.
    logging.getLogger("alembic").setLevel(logging.WARNING)

    def ready() -> None:
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StartError(cannot_open(url, exc)) from None
        prepare(app, alembic, engine)

    if under_flask_command():
        # `flask freeze`, `flask translate …` and the other commands that never store
        # feedback leave the database alone: it is made and migrated at its first
        # connection instead (`flask feedback`, `flask db`, a post under `flask run`).
        prepare_at_first_connection(engine, ready)
    else:
        ready()  # before gunicorn forks its workers, or a test uses the app


def under_flask_command() -> bool:
    """Is the app being made by the `flask` command line (its ScriptInfo), rather than by
    gunicorn or a test?"""
    context = click.get_current_context(silent=True)
    return context is not None and context.find_object(ScriptInfo) is not None


def prepare_at_first_connection(engine: sa.Engine, ready) -> None:
    pending = [ready]

    def do_connect(dialect, connection_record, cargs, cparams) -> None:
        if pending:
            pending.pop()()  # its own connections pass here again, with nothing pending

    sa.event.listen(engine, "do_connect", do_connect)


def prepare(app: Flask, alembic: Alembic, engine: sa.Engine) -> None:
    """Bring the database to the head revision (or check that it is there), then close every
    connection, so that none is shared with the workers gunicorn forks."""
    try:
        with app.app_context(), migration_lock(engine):
            if alembic.needs_upgrade():
                if not app.config["DATABASE_MIGRATE"]:
                    raise StartError(
                        "the feedback database is not at the current revision: run "
                        "`flask db upgrade` (DATABASE_MIGRATE is off)"
                    )
                alembic.upgrade()
                heads = ", ".join(script.revision for script in alembic.current())
                log.info("feedback database migrated to revision %s", heads)
    except (SQLAlchemyError, OSError) as exc:
        raise StartError(cannot_open(app.config["DATABASE_URL"], exc)) from None
    finally:
        engine.dispose()


def cannot_open(url: str, exc: BaseException) -> str:
    shown = sa.make_url(url).render_as_string(hide_password=True)
    return (
        f"the feedback database {shown} cannot be opened ({reason(exc)}); set "
        "SMARTSPEC_DATABASE_URL to a writable place (docs/production.md)"
    )


@contextmanager
def writing() -> Iterator[sa.orm.Session]:
    """A write and its commit. A refusal raises ``WriteFailed`` naming the reason, never
    the text: ``from None`` keeps the driver's error, which may quote the row, out of the
    logged traceback."""
    session = db.session
    try:
        yield session
        session.commit()
    except SQLAlchemyError as exc:
        session.rollback()
        raise WriteFailed(f"the feedback database refused a write: {reason(exc)}") from None


def save(entry: Feedback) -> None:
    """Store one piece of feedback; returns once it is committed (on disk, for SQLite)."""
    with writing() as session:
        session.add(entry)


def write_check(app: Flask) -> str | None:
    """Can the database take a write? /healthz writes the health check's own row (no
    visitor's data) and commits. None when it could, else the reason in one line."""
    engine: sa.Engine = app.extensions["feedback"]
    try:
        with engine.begin() as connection:
            connection.execute(sa.delete(HealthCheck))
            connection.execute(sa.insert(HealthCheck).values(id=1, checked=datetime.now(UTC)))
    except SQLAlchemyError as exc:
        return f"the feedback database cannot take a write: {reason(exc)}"
    return None


def select_since(since: datetime | None) -> Iterator[Feedback]:
    """Every piece of feedback, oldest first, from ``since`` on (aware), or all."""
    query = sa.select(Feedback).order_by(Feedback.created, Feedback.id)
    if since is not None:
        query = query.where(Feedback.created >= since)
    yield from db.session.scalars(query.execution_options(yield_per=500))


def purge_before(moment: datetime) -> int:
    """Delete everything older than ``moment``; returns how many rows went."""
    session = db.session
    result = session.execute(sa.delete(Feedback).where(Feedback.created < moment))
    session.commit()
    return result.rowcount or 0


def count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Feedback)) or 0


def attach(digest: str, page: str, text: str, not_before: datetime) -> bool:
    """The "tell us more" step: its text onto the answer whose single-use key has this
    digest, on this page, given since ``not_before``; the key is spent in the same UPDATE,
    so a replayed or forged key changes nothing. True when one answer took the text."""
    with writing() as session:
        result = session.execute(
            sa.update(Feedback)
            .where(Feedback.token == digest, Feedback.page == page, Feedback.created >= not_before)
            .values(text=text, token=None)
        )
    return result.rowcount == 1
