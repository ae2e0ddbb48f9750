"""What a piece of feedback is, as stored: the page it is about, the language, the answer,
the text, the category and the time. Nothing about the sender: no IP address, no user agent,
no cookie, no session.

Plain SQLAlchemy 2 (declarative, typed); Flask-SQLAlchemy-Lite only makes the engine and the
request's session from the app's configuration, and Flask-Alembic migrates this metadata
(``migrations/``). A change here needs a new revision: ``flask db revision "what changed"``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Index, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

CATEGORIES = ("page", "accessibility")
ANSWERS = ("yes", "no")
TEXT_LIMIT = 1000  # characters, counted as the visitor's browser counts them (code points)


class UTCDateTime(TypeDecorator):
    """A moment, stored in UTC and read back as an aware datetime in UTC. SQLite has no time
    zones (it keeps the text it is given); PostgreSQL has ``timestamptz``. Both read back the
    same value."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a stored time must be aware (UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    created: Mapped[datetime] = mapped_column(UTCDateTime())
    # The page's path on this site (/sv/strategi-for-smart-specialisering), one the site map
    # has; empty for an accessibility report about the whole site.
    page: Mapped[str] = mapped_column(String(300))
    locale: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(20))
    # "yes" or "no" to "Was this page useful?"; none for an accessibility report.
    answer: Mapped[str | None] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(Text)
    # The SHA-256 digest (hex) of the single-use key that lets the "tell us more" step add
    # its text to this answer; emptied when that step is sent. Never exported.
    token: Mapped[str | None] = mapped_column(String(64))

    # Export --since and purge --older-than read by time; the second step by its key.
    __table_args__ = (
        Index("ix_feedback_created", "created"),
        Index("ix_feedback_token", "token"),
    )

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "id": self.id,
            "created": self.created.isoformat(timespec="seconds"),
            "page": self.page,
            "locale": self.locale,
            "category": self.category,
            "answer": self.answer,
            "text": self.text,
        }


FIELDS = ("id", "created", "page", "locale", "category", "answer", "text")


class HealthCheck(Base):
    """The health check's own table (``/healthz`` writes its one row): proof that the
    database takes a write, with no visitor's data involved."""

    __tablename__ = "health_check"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    checked: Mapped[datetime] = mapped_column(UTCDateTime())
