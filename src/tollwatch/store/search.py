"""The events list's free-text search, on an index on both databases (docs/web.md).

`text_match(q)` is a SQL condition on `events`: true when `q`, case-insensitively,
occurs inside one of the searched columns (place, province, perpetrator, victims,
sources), a substring, not only a whole word ("shabaab" finds "al-Shabaab"). It is one
condition compiled for the database at hand:

* SQLite: the FTS5 trigram table `events_search` (migration 0009_event_search, kept
  current by triggers on `events`) answers `q` as a phrase of trigrams, which is the
  same substring test; a text shorter than three characters has no trigram and falls
  back to `LIKE` over the columns.
* PostgreSQL (and any other database): `ILIKE '%q%'` on each column, which the GIN
  trigram indexes of the same migration answer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, column, literal_column, or_, select, table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Boolean

from .models import EventRow

SEARCHED = (
    EventRow.location, EventRow.admin1, EventRow.perpetrator, EventRow.victim, EventRow.sources,
)  # fmt: skip
TRIGRAM = 3  # the FTS5 trigram tokenizer cannot look up a shorter text
_INDEX = table("events_search", column("rowid"))


class TextMatch(ColumnElement[bool]):
    """`q` inside one of the searched columns: two equivalent forms, one per dialect."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's declaration)
        ("indexed", InternalTraversal.dp_clauseelement),
        ("scanned", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, indexed: ColumnElement[bool], scanned: ColumnElement[bool]) -> None:
        self.indexed = indexed  # SQLite: through the FTS5 table
        self.scanned = scanned  # elsewhere: ILIKE per column (trigram indexes on PostgreSQL)


@compiles(TextMatch)
def _default(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.scanned, **kw))


@compiles(TextMatch, "sqlite")
def _sqlite(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.indexed, **kw))


def like_escape(text: str) -> str:
    """`text` with LIKE's wildcards escaped (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_phrase(text: str) -> str:
    """`text` as one FTS5 phrase (a quoted string: every character taken literally)."""
    return '"' + text.replace('"', '""') + '"'


def text_match(q: str) -> ColumnElement[bool]:
    """The condition "events whose searched columns hold `q`" (stripped; see module)."""
    q = q.strip()
    pattern = f"%{like_escape(q)}%"
    scanned = or_(*(c.ilike(pattern, escape="\\") for c in SEARCHED))
    if len(q) < TRIGRAM:
        return TextMatch(scanned, scanned)
    indexed = EventRow.id.in_(
        select(_INDEX.c.rowid).where(literal_column("events_search").match(fts_phrase(q)))
    )
    return TextMatch(indexed, scanned)
