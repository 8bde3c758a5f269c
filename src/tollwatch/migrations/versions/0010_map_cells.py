"""Indexes for the map's grid (store/mapgrid.py) and for events without coordinates.

For each base cell size of the map, an index on the events' cell numbers (expressions
of lat and lon, written by `tollwatch.store.mapgrid.cell_sql` so that the queries match
them) holding what the map sums and the list's filters test too: the map's aggregation
reads the index in cell order, without sorting and without reading the table. A partial
index finds the events without coordinates (the map's "unplaced" count). The names and
expressions come from store/mapgrid.py: changing BASES, COVERED or cell_sql there
needs a new migration.

Revision ID: 0010_map_cells
Revises: 0009_event_search
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from tollwatch.store.mapgrid import BASES, COVERED, UNPLACED_INDEX, cell_sql, index_name

revision = "0010_map_cells"
down_revision = "0009_match_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for base in BASES:
        cells = f"{cell_sql(dialect, 'lat', base)}, {cell_sql(dialect, 'lon', base)}"
        op.execute(
            f"CREATE INDEX {index_name(base)} ON events "
            f"({cells}, {', '.join(COVERED)})"
        )
    op.execute(
        f"CREATE INDEX {UNPLACED_INDEX} ON events (id, {', '.join(COVERED)}) "
        "WHERE lat IS NULL"
    )


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {UNPLACED_INDEX}")
    for base in BASES:
        op.execute(f"DROP INDEX IF EXISTS {index_name(base)}")
