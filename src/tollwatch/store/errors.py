"""What a database error means, in words, with the fix: `describe(err)`.

SQLAlchemy wraps each driver's errors in a few classes; the driver's message says
what happened. `describe` turns both into one line: what happened (a unique
constraint, a value out of range, a read-only database, a lock or connection
timeout, a missing table) and what to do about it.
"""

from __future__ import annotations

import re

from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
    StatementError,
)

# (pattern in the driver's message, what happened, the fix); first match wins.
_KNOWN: tuple[tuple[str, str, str], ...] = (
    (r"readonly database|read-only transaction|read only",
     "the database is read-only",
     "check the permissions of the database file and its folder (SQLite needs to write "
     "beside the file), or use a database user that may write"),
    (r"database is locked|lock timeout|lock_timeout|canceling statement due to lock",
     "another process kept the database locked for longer than the lock timeout",
     "wait for the other tollwatch process to finish, or raise db_lock_timeout "
     "(TOLLWATCH_DB_LOCK_TIMEOUT)"),
    (r"timeout expired|timed out|connection timeout",
     "the database server did not answer in time",
     "check that the server runs and the host and port are right, or raise "
     "db_connect_timeout (TOLLWATCH_DB_CONNECT_TIMEOUT)"),
    (r"connection refused|could not connect|no route to host|name or service not known|"
     r"could not translate host name|server closed the connection",
     "the database server cannot be reached",
     "check that the server runs and the host and port in the URL are right"),
    (r"database \"[^\"]+\" does not exist",
     "the database does not exist on the server",
     "create it (createdb NAME) or fix the name in the URL"),
    (r"unable to open database file",
     "the database file cannot be opened",
     "check the path and the permissions of the file and its folder"),
    (r"disk is full|database or disk is full|no space left",
     "the disk is full",
     "free some space and run again: committed batches are kept"),
    (r"no such table|no such column|relation \"[^\"]+\" does not exist|"
     r"column \"[^\"]+\" does not exist|undefined(table|column)",
     "the database's tables are not those of this tollwatch",
     "apply the migrations with tollwatch db upgrade"),
    (r"unique constraint|duplicate key|unique failed",
     "a unique constraint was violated (a row with the same key exists)",
     "this is a bug if it happens while tollwatch writes alone: please report it"),
    (r"not null constraint|null value in column|violates not-null",
     "a required value was missing",
     "this is a bug: please report it"),
    (r"foreign key",
     "a foreign key constraint was violated",
     "this is a bug: please report it"),
    (r"out of range|too large|overflow|value too long|numeric field",
     "a value does not fit its column (a number out of range or a text too long)",
     "check the report's figures and fields"),
    (r"nul \(0x00\)|cannot contain nul|surrogates not allowed|invalid byte sequence|"
     r"encode",
     "a text holds a character the database cannot store (NUL or a lone surrogate)",
     "remove it from the input"),
)


def driver_message(err: BaseException) -> str:
    """The first line of the driver's own message (without SQLAlchemy's decorations)."""
    orig = getattr(err, "orig", None)
    text = str(orig if orig is not None else err).strip()
    first = text.splitlines()[0] if text else err.__class__.__name__
    return re.sub(r"^\([\w.]+\)\s*", "", first)[:300]


def describe(err: BaseException) -> str:
    """One line: what happened to the database, the driver's words, and the fix."""
    message = driver_message(err)
    lowered = f"{type(getattr(err, 'orig', err)).__name__} {message}".lower()
    for pattern, what, fix in _KNOWN:
        if re.search(pattern, lowered):
            return f"{what} ({message}); {fix}"
    kind = _kind(err)
    return f"{kind} ({message}); check the database URL, the server and the schema"


def _kind(err: BaseException) -> str:
    if isinstance(err, IntegrityError):
        return "a constraint of the database was violated"
    if isinstance(err, DataError):
        return "a value was refused by the database"
    if isinstance(err, OperationalError):
        return "the database failed"
    if isinstance(err, ProgrammingError):
        return "the database refused a statement"
    if isinstance(err, StatementError | SQLAlchemyError):
        return "the database driver failed"
    return f"{type(err).__name__}"


def is_data_error(err: BaseException) -> bool:
    """True when `err` comes from one row's values (so that one report can be set aside
    and the others stored), False when the database itself fails (connection, lock,
    permissions, disk)."""
    if isinstance(err, OperationalError):
        return False
    if isinstance(err, IntegrityError | DataError):
        return True
    if isinstance(err, StatementError):
        return not isinstance(err.orig, OSError) and "lock" not in driver_message(err).lower()
    return isinstance(err, ValueError | OverflowError | UnicodeError)
