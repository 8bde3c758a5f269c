"""Watched sources, the articles met and the URLs they came under (tollwatch watch).

Revision ID: 0008_sources
Revises: 0006_matching
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_sources"
down_revision = "0007_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("every_seconds", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("next_due_at", sa.DateTime(), nullable=True),
        sa.Column("last_polled_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("items_new", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url_hash"),
    )
    op.create_index("ix_watch_sources_next_due_at", "watch_sources", ["next_due_at"])
    op.create_table(
        "watch_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("report_key", sa.String(length=1000), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("minhash", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("versions", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["watch_sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url_hash"),
    )
    op.create_index("ix_watch_items_source_id", "watch_items", ["source_id"])
    op.create_index("ix_watch_items_content_hash", "watch_items", ["content_hash"])
    op.create_index("ix_watch_items_first_seen_at", "watch_items", ["first_seen_at"])
    op.create_table(
        "watch_links",
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("entry_hash", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["watch_items.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["watch_sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("url_hash"),
    )
    op.create_index("ix_watch_links_item_id", "watch_links", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_watch_links_item_id", table_name="watch_links")
    op.drop_table("watch_links")
    for name in ("first_seen_at", "content_hash", "source_id"):
        op.drop_index(f"ix_watch_items_{name}", table_name="watch_items")
    op.drop_table("watch_items")
    op.drop_index("ix_watch_sources_next_due_at", table_name="watch_sources")
    op.drop_table("watch_sources")
