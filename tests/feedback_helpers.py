"""What the feedback tests share: an app with a database of its own, a valid submission,
and the rows it stored."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa

from .conftest import new_app

URLENCODED = {"Content-Type": "application/x-www-form-urlencoded"}
SUBMIT = {"sv": "/sv/synpunkter", "en": "/en/feedback"}
THANKS = {"sv": "/sv/synpunkter/tack", "en": "/en/feedback/thank-you"}


def sqlite_url(folder: Path, name: str = "feedback.sqlite3") -> str:
    return f"sqlite:///{folder / name}"


OPENED = []  # apps made here: their connection pools are closed after each test (conftest)


def app_with_database(url: str, **settings):
    app = new_app(DATABASE_URL=url, **settings)
    OPENED.append(app)
    return app


def close_pools() -> None:
    """Close the pooled connections of the apps made by a test, as a server's end would:
    psycopg warns about a connection that is only garbage-collected."""
    from smartspec_site.feedback import store

    while OPENED:
        with OPENED.pop().app_context():
            store.db.engine.dispose()


def form(page: str = "/sv/", **fields: str) -> dict[str, str]:
    """What the form at the foot of a page sends, answered "no", with a text."""
    return {"page": page, "category": "page", "answer": "no", "text": "", "website": ""} | fields


def body(**fields: str) -> bytes:
    return urlencode(form(**fields)).encode("ascii")


def rows(url: str) -> list[dict]:
    """Every stored row, read with SQLAlchemy Core, apart from the app."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            result = connection.execute(sa.text("SELECT * FROM feedback ORDER BY id"))
            return [dict(row._mapping) for row in result]
    finally:
        engine.dispose()
