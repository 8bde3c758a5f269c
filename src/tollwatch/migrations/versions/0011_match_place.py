"""Place columns of incidents for the candidate query by date (incremental matching).

`match_admin1` (normalised province), `match_cell` (grid cell of a located point),
`match_name` (a fine place's normalised name), `match_words` (the place's written
words) and `match_loose` (the place is a person's name in the report), derived as
store/match_place.py derives them when an incident is written, each indexed with the
date columns: the query by date then asks only for candidates that can link by
place (docs/matching.md, "Incremental matching").

Revision ID: 0011_match_place
Revises: 0010_map_cells
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from tollwatch.store.match_place import place_columns

revision = "0011_match_place"
down_revision = "0010_map_cells"
branch_labels = None
depends_on = None

COLUMNS = ("match_admin1", "match_cell", "match_name", "match_words", "match_loose")
# the same as models.PLACE_INDEXES (a migration keeps its own copy)
DATED = ("date_long", "date_from", "date_to")
INDEXES = {
    "ix_incidents_match_admin1": ("match_country", "match_admin1", *DATED, "match_cell"),
    "ix_incidents_match_cell": ("match_cell", *DATED),
    "ix_incidents_match_name": ("match_name", *DATED),
    "ix_incidents_match_words": ("match_words", *DATED),
    "ix_incidents_match_loose": ("match_loose", *DATED),
}
BATCH = 20_000  # incidents read and updated per round
KEYS = 500  # report ids per query of person keys


def upgrade() -> None:
    # plain ALTER TABLE, as 0009: recreating `incidents` would cascade to its rows
    op.add_column("incidents", sa.Column("match_admin1", sa.String(length=200), nullable=True))
    op.add_column("incidents", sa.Column("match_cell", sa.Integer(), nullable=True))
    op.add_column("incidents", sa.Column("match_name", sa.String(length=200), nullable=True))
    op.add_column("incidents", sa.Column("match_words", sa.String(length=200), nullable=True))
    op.add_column(
        "incidents",
        sa.Column("match_loose", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    _fill(op.get_bind())
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", list(columns))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE incidents")  # the planner's statistics of the new columns


def _fill(conn: sa.Connection) -> None:
    """The place columns of the rows already stored, BATCH incidents at a time."""
    read = sa.text(
        "SELECT i.id, i.report_id, i.place_text, i.place_precision, p.name, p.admin1, p.lat, "
        "p.lon FROM incidents i LEFT JOIN places p ON p.id = i.place_id "
        "WHERE i.id > :after ORDER BY i.id LIMIT :n"
    )
    write = sa.text(
        "UPDATE incidents SET match_admin1 = :admin1, match_cell = :cell, "
        "match_name = :name, match_words = :words, match_loose = :loose WHERE id = :id"
    )
    after = 0
    while rows := list(conn.execute(read, {"after": after, "n": BATCH})):
        after = rows[-1][0]
        keys = _person_keys(conn, {r[1] for r in rows})
        values = []
        for i, report, text, precision, name, admin1, lat, lon in rows:
            near = place_columns(text, precision, name, admin1, lat, lon, keys.get(report, ()))
            if near.admin1 or near.cell is not None or near.name or near.words or near.loose:
                values.append({"id": i, "admin1": near.admin1, "cell": near.cell,
                               "name": near.name, "words": near.words, "loose": near.loose})
        if values:
            conn.execute(write, values)


def _person_keys(conn: sa.Connection, reports: set[int]) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    listed: Sequence[int] = sorted(reports)
    query: Any = sa.text(
        "SELECT report_id, key FROM report_keys WHERE kind = 'person' AND report_id IN :ids"
    ).bindparams(sa.bindparam("ids", expanding=True))
    for start in range(0, len(listed), KEYS):
        for report, key in conn.execute(query, {"ids": list(listed[start : start + KEYS])}):
            out.setdefault(report, []).append(("person", key))
    return out


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
    for column in reversed(COLUMNS):
        op.drop_column("incidents", column)  # ALTER TABLE DROP COLUMN (SQLite 3.35+)
