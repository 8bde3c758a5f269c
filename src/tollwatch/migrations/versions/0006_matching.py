"""Match keys of reports: named people, streets and proper names (store/keys.py).

Revision ID: 0006_matching
Revises: 0004_language
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_matching"
down_revision = "0004_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_keys",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("report_id", "kind", "key"),
    )
    op.create_index("ix_report_keys_kind_key", "report_keys", ["kind", "key"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_report_keys_kind_key", table_name="report_keys")
    op.drop_table("report_keys")
