"""The "tell us more" step's single-use key: its SHA-256 digest beside the answer it extends.

Revision ID: 1765110000
Revises: 1765100000
Create Date: 2026-12-07 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1765110000"
down_revision: str | Sequence[str] | None = "1765100000"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("token", sa.String(length=64), nullable=True))
    op.create_index("ix_feedback_token", "feedback", ["token"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_feedback_token", table_name="feedback")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("token")
