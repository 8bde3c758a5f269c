"""Hardening: report keys apart from report ids, rejections unique by a fingerprint.

* reports.report_id: the id as read (file name, JSONL id); `key` becomes the report's
  identity (a file's URI, a JSONL id under its file: docs/store.md, "Report keys").
  Existing rows keep their key; their report_id is set to it.
* reports.source: the URI of the file or feed a report was read from (NULL here: the
  rows stored before this revision did not record it).
* rejections.fingerprint: sha256 of key, NUL, origin; unique in place of the
  (key, origin) constraint, whose index could outgrow PostgreSQL's limit on long
  keys and origins. rejections.key gets an index of its own.

Revision ID: 0002_hardening
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0002_hardening"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fingerprint(key: str, origin: str) -> str:
    # The same formula as tollwatch.store.ingest.rejection_fingerprint (frozen here).
    return hashlib.sha256(f"{key}\x00{origin}".encode("utf-8", "surrogatepass")).hexdigest()


def upgrade() -> None:
    # Columns are added in place: recreating `reports` (SQLite's batch mode) would
    # drop it, and with foreign keys on, the drop would cascade to every incident.
    op.add_column(
        "reports",
        sa.Column("report_id", sa.String(length=1000), nullable=False, server_default=""),
    )
    op.add_column("reports", sa.Column("source", sa.Text(), nullable=True))
    op.execute("UPDATE reports SET report_id = key")
    if op.get_bind().dialect.name != "sqlite":  # SQLite cannot drop a default in place
        op.alter_column("reports", "report_id", server_default=None)

    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, key, origin FROM rejections")).all()
    for row_id, key, origin in rows:
        conn.execute(
            sa.text("UPDATE rejections SET fingerprint = :f WHERE id = :id"),
            {"f": _fingerprint(key, origin), "id": row_id},
        )
    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.alter_column("fingerprint", existing_type=sa.String(length=64), nullable=False)
        batch_op.drop_constraint("uq_rejections_key_origin", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_rejections_fingerprint"), ["fingerprint"]
        )
        batch_op.create_index(batch_op.f("ix_rejections_key"), ["key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rejections_key"))
        batch_op.drop_constraint(batch_op.f("uq_rejections_fingerprint"), type_="unique")
        batch_op.create_unique_constraint("uq_rejections_key_origin", ["key", "origin"])
        batch_op.drop_column("fingerprint")
    op.drop_column("reports", "source")  # in place (SQLite 3.35 and later)
    op.drop_column("reports", "report_id")
