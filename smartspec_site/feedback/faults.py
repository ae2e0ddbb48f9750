"""How the feedback store meets a write fault: the connection is thrown away, and the
error says why without what the visitor wrote.

A failed write throws its connection away. SQLite opens a file it may not write (made
read-only, immutable, on a full or read-only disk) read-only without a word, and
``pool_pre_ping`` only reads, so such a connection used to stay in a worker's pool and fail
every post after the fault had ended. Every ``OperationalError`` (and PostgreSQL's read-only
transaction) now marks the connection as lost (``handle_error``'s ``is_disconnect``), which
invalidates it and the worker's pool: the next request connects afresh. A SQLite connection
whose file was moved or replaced is not handed out again (``SameFile``).

No error names what a visitor wrote: the engine hides parameters, and ``save`` raises
``WriteFailed`` with the database's one-line reason only, since PostgreSQL's message goes on
with the row itself ("Failing row contains (…)"), and a traceback prints its chain.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa


class WriteFailed(RuntimeError):
    """The database refused a write. The message is its reason in one line, without the
    values written."""


class SameFile:
    """A pooled SQLite connection is handed out only while its file is still the one at the
    database's path. One whose file was moved, deleted or replaced (a restore) would write
    where nobody reads: acknowledged feedback, lost. The pool replaces it instead (raising
    DisconnectionError at checkout is SQLAlchemy's way), and a folder that is gone then
    fails the write, and /healthz, in so many words."""

    def __init__(self, path: Path):
        self.path = path

    def identity(self) -> tuple[int, int] | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def connected(self, dbapi_connection, connection_record) -> None:
        connection_record.info["file"] = self.identity()

    def checked_out(self, dbapi_connection, connection_record, proxy) -> None:
        if connection_record.info.get("file") != self.identity():
            raise sa.exc.DisconnectionError(f"{self.path} was moved, deleted or replaced")


# PostgreSQL's "cannot execute … in a read-only transaction": a connection to a server that
# became a standby, or to a database made read-only, stays so until it is closed.
READ_ONLY_SQLSTATE = "25006"


def on_error(context: sa.engine.ExceptionContext) -> None:
    """A connection that failed with an OperationalError (a read-only fallback, a full
    disk, a server gone) or on a read-only PostgreSQL transaction is thrown away with the
    worker's pool, never handed out again."""
    error = context.original_exception
    if isinstance(error, context.dialect.loaded_dbapi.OperationalError) or (
        getattr(error, "sqlstate", None) == READ_ONLY_SQLSTATE
    ):
        context.is_disconnect = True


def reason(exc: BaseException) -> str:
    """Why the database refused, in one line and without the row: PostgreSQL's primary
    message (its DETAIL may quote the row), else the first line of the driver's error."""
    orig = getattr(exc, "orig", None) or exc
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    lines = (primary or str(orig)).splitlines()
    return lines[0] if lines else type(orig).__name__
