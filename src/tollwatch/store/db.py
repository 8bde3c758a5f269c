"""Engine, sessions and migrations for the incident database.

The URL comes from `Settings.db` (`--db`, TOLLWATCH_DB): a SQLite file by default,
`postgresql+psycopg://user@host/db` for a team. Opening a database applies the
packaged Alembic migrations up to head (what `alembic upgrade head` does).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError

SCRIPT_LOCATION = "tollwatch:migrations"
URL_HINT = "use sqlite:///path/to/file.sqlite or postgresql+psycopg://user@host:5432/dbname"


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Foreign keys make ON DELETE CASCADE work; the busy timeout lets a reader
    # wait for a writer instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`, or StoreError saying how to write a valid URL."""
    try:
        parsed = make_url(url)
        engine = create_engine(parsed)
    except (ArgumentError, NoSuchModuleError) as err:
        raise StoreError(f"database URL {url!r} is not usable ({err}); {URL_HINT}") from err
    except ImportError as err:
        raise StoreError(
            f"the driver for {safe_url(url)} is not installed ({err}); for PostgreSQL "
            "install tollwatch[postgres] (psycopg 3) and use postgresql+psycopg://"
        ) from err
    if engine.dialect.name == "sqlite":
        _check_sqlite_folder(parsed.database)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _check_sqlite_folder(database: str | None) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise StoreError(
            f"the folder {folder} of the SQLite database does not exist; create it or "
            "point --db / TOLLWATCH_DB at an existing folder"
        )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded rows usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


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


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Apply the migrations up to `revision` (head by default); return the new revision."""
    where = safe_url(str(engine.url.render_as_string(hide_password=False)))
    try:
        if revision == "head" and current_revision(engine) == head_revision():
            return head_revision()
        with engine.begin() as conn:
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
        raise StoreError(
            f"cannot open or migrate the database {where}: {err.__class__.__name__}: "
            f"{str(err).splitlines()[0]}; check that the server answers, the database "
            f"exists and you may write to it ({URL_HINT})"
        ) from err
