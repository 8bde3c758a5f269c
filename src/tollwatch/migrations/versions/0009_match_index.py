"""Indexed candidate queries of incremental matching: each incident's country and
ordered date interval, stored at write time, under one composite index.

`match_country` is the country of the incident's place; `date_from`/`date_to` the
ordered interval of an incident matchable by date (day, week or unknown precision
with a date; None otherwise), `date_long` true when it spans more than
LONG_SPAN_DAYS (store/matching.py). Existing rows are filled here, in SQL.

Revision ID: 0009_match_index
Revises: 0008_sources
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_match_index"
down_revision = "0009_event_search"
branch_labels = None
depends_on = None

LONG_SPAN_DAYS = 7  # as store/matching.py (a migration keeps its own copy)
MATCHABLE = "('day', 'week', 'unknown')"  # matching.MATCHABLE_DATES


def upgrade() -> None:
    # plain ALTER TABLE on both databases: recreating `incidents` (SQLite batch mode)
    # would cascade to its figures and evidence
    op.add_column("incidents", sa.Column("match_country", sa.String(length=2), nullable=True))
    op.add_column("incidents", sa.Column("date_from", sa.Date(), nullable=True))
    op.add_column("incidents", sa.Column("date_to", sa.Date(), nullable=True))
    op.add_column(
        "incidents",
        sa.Column("date_long", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    _fill()
    op.create_index(
        "ix_incidents_match", "incidents", ["match_country", "date_long", "date_from"]
    )
    op.create_index("ix_incidents_match_any", "incidents", ["date_long", "date_from"])


def _fill() -> None:
    """The derived columns of the rows already stored."""
    postgres = op.get_bind().dialect.name == "postgresql"
    low = "LEAST" if postgres else "MIN"
    high = "GREATEST" if postgres else "MAX"
    start = "COALESCE(date_start, date_end)"
    end = "COALESCE(date_end, date_start)"
    matchable = f"date_precision IN {MATCHABLE} AND {start} IS NOT NULL"
    op.execute(  # one pass over the table
        "UPDATE incidents SET match_country = "
        "(SELECT places.country FROM places WHERE places.id = incidents.place_id), "
        f"date_from = CASE WHEN {matchable} THEN {low}({start}, {end}) END, "
        f"date_to = CASE WHEN {matchable} THEN {high}({start}, {end}) END"
    )
    span = "date_to - date_from" if postgres else "julianday(date_to) - julianday(date_from)"
    op.execute(
        f"UPDATE incidents SET date_long = {sa.true().compile(dialect=op.get_bind().dialect)} "
        f"WHERE date_from IS NOT NULL AND {span} > {LONG_SPAN_DAYS}"
    )


def downgrade() -> None:
    op.drop_index("ix_incidents_match_any", table_name="incidents")
    op.drop_index("ix_incidents_match", table_name="incidents")
    for column in ("date_long", "date_to", "date_from", "match_country"):
        op.drop_column("incidents", column)  # ALTER TABLE DROP COLUMN (SQLite 3.35+)
