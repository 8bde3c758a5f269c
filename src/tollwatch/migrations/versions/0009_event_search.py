"""A text index for the events list's free-text search (docs/web.md, "Free text").

SQLite: an FTS5 table `events_search` with the trigram tokenizer over the searched
columns of `events`, kept in step by three triggers (insert, update of those
columns, delete), so every writer (ingest, matching, reviews, merges, splits) keeps
it current without knowing of it. PostgreSQL: the pg_trgm extension and one GIN
trigram index per searched column, which `ILIKE '%text%'` uses. Both answer the same
question: the text, case-insensitively, inside one of the columns.

A later migration that rebuilds `events` on SQLite (a batch "move and copy") drops
the triggers with the old table: it must call `create_sqlite_index()` again.

Revision ID: 0009_event_search
Revises: 0008_sources
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection, text

revision = "0009_event_search"
down_revision = "0009_alerts"
branch_labels = None
depends_on = None

# The searched columns (tollwatch.store.search.SEARCHED names the same ones).
COLUMNS = ("location", "admin1", "perpetrator", "victim", "sources")


def create_sqlite_index(conn: Connection) -> None:
    """The FTS5 table, filled from `events`, and the triggers that maintain it."""
    names = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE events_search USING fts5({names}, "
                         "tokenize = 'trigram')")  # fmt: skip
    conn.exec_driver_sql(
        f"INSERT INTO events_search (rowid, {names}) SELECT id, {names} FROM events"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN "
        f"INSERT INTO events_search (rowid, {names}) VALUES (new.id, {new}); END"
    )
    conn.exec_driver_sql(
        f"CREATE TRIGGER events_search_update AFTER UPDATE OF id, {names} ON events BEGIN "
        "DELETE FROM events_search WHERE rowid = old.id; "
        f"INSERT INTO events_search (rowid, {names}) VALUES (new.id, {new}); END"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN "
        "DELETE FROM events_search WHERE rowid = old.id; END"
    )


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        create_sqlite_index(conn)
    elif conn.dialect.name == "postgresql":
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        for column in COLUMNS:
            conn.execute(
                text(
                    f"CREATE INDEX ix_events_search_{column} ON events "
                    f"USING gin ({column} gin_trgm_ops)"
                )
            )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("insert", "update", "delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS events_search_{name}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS events_search")
    elif conn.dialect.name == "postgresql":
        for column in COLUMNS:
            conn.execute(text(f"DROP INDEX IF EXISTS ix_events_search_{column}"))
