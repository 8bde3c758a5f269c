"""Engine, sessions, the write lock and migrations of the incident database.

The URL comes from `Settings.db` (`--db`, TOLLWATCH_DB): a SQLite file by default,
`postgresql+psycopg://user@host/db` for a team. Opening a database applies the
packaged Alembic migrations up to head (what `alembic upgrade head` does), under
the write lock, so that two processes opening a fresh database migrate it once.

The write lock serialises the transactions that write (an ingest batch, a matching
pass, a migration) across processes: on SQLite each begins with BEGIN IMMEDIATE,
on PostgreSQL each takes a transaction-level advisory lock. Readers never wait
for it. Other processes wait for the lock up to `db_lock_timeout` seconds.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from .errors import describe

SCRIPT_LOCATION = "tollwatch:migrations"
URL_HINT = "use sqlite:///path/to/file.sqlite or postgresql+psycopg://user@host:5432/dbname"
# pg_advisory_xact_lock key of tollwatch's write lock ("tollwatc" in ASCII).
PG_WRITE_LOCK = 0x746F6C6C77617463
WRITE_OPTION = "tollwatch_write"


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(
    url: str, *, connect_timeout: float = 5.0, lock_timeout: float = 120.0, create: bool = True
) -> Engine:
    """An engine for `url`, or StoreError saying how to write a valid URL.

    `connect_timeout`: seconds to wait for a server to answer (PostgreSQL);
    `lock_timeout`: seconds to wait for another process's write lock (both).
    `create=False` refuses a SQLite file that does not exist (instead of creating
    an empty database): for commands that only read.
    """
    try:
        parsed = make_url(url)
        kwargs: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql":
            kwargs["connect_args"] = {"connect_timeout": max(1, round(connect_timeout))}
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, NoSuchModuleError) as err:
        raise StoreError(f"database URL {url!r} is not usable ({err}); {URL_HINT}") from err
    except ImportError as err:
        raise StoreError(
            f"the driver for {safe_url(url)} is not installed ({err}); for PostgreSQL "
            "install tollwatch[postgres] (psycopg 3) and use postgresql+psycopg://"
        ) from err
    if engine.dialect.name == "sqlite":
        _check_sqlite_file(parsed.database, create)
        _sqlite_events(engine, lock_timeout)
    elif engine.dialect.name == "postgresql":
        engine = engine.execution_options(tollwatch_lock_timeout=lock_timeout)
    return engine


def _sqlite_events(engine: Engine, lock_timeout: float) -> None:
    busy_ms = max(1, round(lock_timeout * 1000))

    def connect(dbapi_connection: Any, _record: Any) -> None:
        # We emit BEGIN ourselves (below): the driver's own transaction handling
        # cannot begin IMMEDIATE transactions. Foreign keys make ON DELETE CASCADE
        # work; the busy timeout lets a writer wait for another one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    def begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", begin)


def sqlite_path(database: str | None) -> Path | None:
    """The file of a SQLite database name (None: in memory or a URI filename)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _check_sqlite_file(database: str | None, create: bool) -> None:
    path = sqlite_path(database)
    if path is None:
        return
    folder = path.resolve().parent
    if not folder.is_dir():
        raise StoreError(
            f"the folder {folder} of the SQLite database does not exist; create it or "
            "point --db / TOLLWATCH_DB at an existing folder"
        )
    if not create and not path.exists():
        raise StoreError(
            f"there is no database at {path}: check the path given to --db / TOLLWATCH_DB "
            "(store reports first with tollwatch run, or create the database with "
            "tollwatch db upgrade)"
        )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded rows usable after commit (for reading)."""
    return sessionmaker(engine, expire_on_commit=False)


def write_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose transactions write: use them through `writing()`."""
    return sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)


@contextmanager
def writing(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One write transaction under the write lock, committed at the end (rolled back
    on an exception). `factory` comes from `write_session_factory`."""
    with factory.begin() as session:
        take_write_lock(session.connection())
        yield session


def take_write_lock(conn: Connection) -> None:
    """Wait for the write lock (held until the transaction ends). On SQLite the
    transaction took it when it began (BEGIN IMMEDIATE)."""
    if conn.dialect.name != "postgresql":
        return
    seconds = conn.get_execution_options().get("tollwatch_lock_timeout", 120.0)
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, round(seconds * 1000))}")
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@functools.cache
def head_revision() -> str | None:
    """The newest migration revision shipped with this version of tollwatch."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def foreign_tables(conn: Connection) -> list[str]:
    """The tables of a database that has no tollwatch schema (no alembic_version):
    empty when the database is empty."""
    names = inspect(conn).get_table_names()
    return [] if "alembic_version" in names else sorted(names)


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply the migrations up to `revision` (head by default) under the write lock;
    return the new revision. A database holding tables that are not tollwatch's is
    refused, never changed."""
    where = safe_url(engine.url.render_as_string(hide_password=False))
    try:
        if revision == "head" and current_revision(engine) == head_revision():
            return head_revision()
        with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            take_write_lock(conn)
            _refuse_foreign(conn, where)
            if revision == "head" and (
                MigrationContext.configure(conn).get_current_revision() == head_revision()
            ):
                return head_revision()  # another process migrated it while we waited
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        return current_revision(engine)
    except CommandError as err:
        raise StoreError(
            f"cannot migrate the database {where} to {revision!r}: {err}; the database may "
            "come from a newer tollwatch (upgrade tollwatch), or the revision is mistyped "
            f"(this version knows up to {head_revision()})"
        ) from err
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open or migrate the database {where}: {describe(err)}") from err


def _refuse_foreign(conn: Connection, where: str) -> None:
    tables = foreign_tables(conn)
    if tables:
        shown = ", ".join(tables[:8]) + (", ..." if len(tables) > 8 else "")
        raise StoreError(
            f"the database {where} is not a tollwatch database (it holds other tables: "
            f"{shown}) and is left as it is; point --db / TOLLWATCH_DB at a tollwatch "
            "database or at a new, empty one"
        )


def check_existing(engine: Engine) -> None:
    """StoreError unless the database holds a tollwatch schema (for commands that read)."""
    where = safe_url(engine.url.render_as_string(hide_password=False))
    try:
        with engine.connect() as conn:
            _refuse_foreign(conn, where)
            revision = MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open the database {where}: {describe(err)}") from err
    if revision is None:
        raise StoreError(
            f"the database {where} is empty: no reports were stored there; check --db / "
            "TOLLWATCH_DB, or store reports first with tollwatch run"
        )
