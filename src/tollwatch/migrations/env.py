"""Alembic environment: runs on a connection handed in by tollwatch, or on a URL.

`tollwatch.store.db.upgrade()` passes its connection in `config.attributes["connection"]`.
Run standalone (`alembic -x db=URL upgrade head` with a config whose script_location is
`tollwatch:migrations`), the URL comes from `-x db=`, the config's sqlalchemy.url, or
TOLLWATCH_DB through the settings.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from tollwatch.settings import load_settings
from tollwatch.store.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    x_args = context.get_x_argument(as_dictionary=True)
    return x_args.get("db") or config.get_main_option("sqlalchemy.url") or load_settings().db


def _mapped(name: str | None, _kind: str, _parent: object) -> bool:
    """Autogenerate leaves alone the free-text index (0009_event_search), which the
    models do not map: the FTS5 tables on SQLite, the trigram indexes on PostgreSQL."""
    unmapped = ("events_search", "ix_events_search_", "ix_events_cell_", "ix_events_unplaced")
    return not (name or "").startswith(unmapped)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=_mapped,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on the given connection, or on a new engine for the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
