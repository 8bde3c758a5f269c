"""The Python API of the incident database: `open_store(settings)` and `Store`.

    >>> from tollwatch.settings import Settings
    >>> with open_store(Settings(db="sqlite://")) as store:
    ...     store.counts()["reports"]
    0

The CLI (`tollwatch run|tally|export|rejections|db upgrade`) is a thin adapter over
this. Commands that only read open the store with `create=False`: a mistyped path
is an error, not a new empty database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..records import Rejection, Report
from ..settings import Settings
from . import db, events, export, review, tally
from . import ingest as ingest_stage
from .errors import describe
from .ingest import IngestStats, Item
from .matching import MatchSettings
from .models import (
    AuditRow,
    EventRow,
    IncidentRow,
    MergeRow,
    RejectionRow,
    ReportRow,
)


@dataclass
class RunSummary:
    """What `Store.run()` did: the ingest counts and the matching pass."""

    ingest: IngestStats
    match: events.MatchStats = field(default_factory=events.MatchStats)


class Store:
    """An open incident database. Use `open_store()`; close it (or use `with`)."""

    def __init__(self, settings: Settings, *, migrate: bool = True, create: bool = True) -> None:
        self.settings = settings
        self.url = settings.db
        self.engine = db.make_engine(
            settings.db,
            connect_timeout=settings.db_connect_timeout,
            lock_timeout=settings.db_lock_timeout,
            create=create,
        )
        self.sessions = db.session_factory(self.engine)
        self.write_sessions = db.write_session_factory(self.engine)
        try:
            if not create:
                db.check_existing(self.engine)
            if migrate:
                db.upgrade(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def _fail(self, doing: str, err: SQLAlchemyError) -> StoreError:
        return StoreError(f"{doing} failed on {db.safe_url(self.url)}: {describe(err)}")

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction under the store's write lock (committed at the end): what
        every change to the database goes through, so that processes take turns."""
        with db.writing(self.write_sessions) as session:
            yield session

    def ingest(
        self,
        items: Iterable[Item],
        *,
        batch_size: int = 100,
        on_batch: Callable[[IngestStats], None] | None = None,
        refresh: bool = False,
    ) -> IngestStats:
        """Store extractions (and rejections), one transaction per batch."""
        try:
            return ingest_stage.ingest(
                self.write_sessions,
                items,
                batch_size=batch_size,
                on_batch=on_batch,
                refresh=refresh,
            )
        except SQLAlchemyError as err:
            raise self._fail("storing reports", err) from err

    def match(self, settings: MatchSettings | None = None) -> events.MatchStats:
        """Cluster incidents of different reports into events (one transaction)."""
        try:
            with self.writing() as session:
                stats = events.match_store(session, settings)
                review.apply_reviews(session)  # reviewed values win (store/review.py)
                return stats
        except SQLAlchemyError as err:
            raise self._fail("matching incidents", err) from err

    def match_incremental(
        self, stats: IngestStats, settings: MatchSettings | None = None
    ) -> events.MatchStats:
        """Re-match only what an ingest touched (incremental.py): the same events as
        `match()` gives, at a cost that follows the new reports, not the store's size.

        Reports stored by an earlier run that stopped before its matching (killed or
        interrupted between its last batch and the end) have incidents in no event:
        they are matched here too, found through the index on incidents.event_id."""
        from .incremental import match_touched, unmatched_reports

        try:
            with self.writing() as session:
                reports = set(stats.touched_reports) | unmatched_reports(session)
                if not reports and not stats.touched_events:
                    return events.MatchStats()
                result = match_touched(session, reports, set(stats.touched_events), settings)
                # reviewed values win here too, on the events this pass rebuilt (review.py)
                review.apply_reviews(session, events=result.touched)
                return result
        except SQLAlchemyError as err:
            raise self._fail("matching incidents", err) from err

    def run(
        self,
        paths: Sequence[Path],
        *,
        published: date | None = None,
        resources: Any = None,
        batch_size: int = 100,
        on_batch: Callable[[IngestStats], None] | None = None,
        refresh: bool = False,
        workers: int | None = None,
        on_warning: Callable[[Report | Rejection, str], None] | None = None,
        incremental: bool = False,
        cluster: str | None = None,
    ) -> RunSummary:
        """Read, extract, store and match the reports in `paths`.

        Extraction runs in `workers` processes (default: the `workers` setting), or on
        the Dask cluster whose scheduler is at `cluster` (tollwatch.cluster), in
        input order; storing stays in this process, one transaction per batch.
        Reports already stored with the same text are not extracted again, unless
        `refresh` is set (then they are extracted and their incidents replaced).
        Reading warnings go to `on_warning(item, message)`. With `incremental`, only
        what the stored reports touch is matched again (`match_incremental`).
        """
        known = None if refresh else self.stored_hashes
        items = ingest_stage.extractions_from_paths(
            paths,
            settings=self.settings,
            published=published,
            resources=resources,
            known=known,
            workers=workers,
            on_warning=on_warning,
            cluster=cluster,
        )
        stats = self.ingest(items, batch_size=batch_size, on_batch=on_batch, refresh=refresh)
        return RunSummary(stats, self.match_incremental(stats) if incremental else self.match())

    def stored_hashes(self, keys: Sequence[str]) -> dict[str, str]:
        """The content hash of each of `keys` that the store holds (indexed look-ups,
        500 keys a query): what `run` asks for each window of its input."""
        found: dict[str, str] = {}
        with self.sessions() as session:
            for start in range(0, len(keys), 500):
                query = select(ReportRow.key, ReportRow.content_hash).where(
                    ReportRow.key.in_(keys[start:start + 500]))
                found.update({key: digest for key, digest in session.execute(query)})
        return found

    def known_reports(self) -> dict[str, str]:
        """Stored report keys with their content hash."""
        with self.sessions() as session:
            rows = session.execute(select(ReportRow.key, ReportRow.content_hash))
            return {key: digest for key, digest in rows}

    def tally(
        self,
        *,
        by: str = "month",
        group: str | None = None,
        since: date | None = None,
        until: date | None = None,
        country: str | None = None,
    ) -> list[tally.TallyRow]:
        """Killed low/best/high per period and group (see tollwatch.store.tally)."""
        with self.sessions() as session:
            return tally.tally(
                session, by=by, group=group, since=since, until=until, country=country
            )

    def export_rows(self, columns: str = "native") -> list[dict[str, Any]]:
        """Counted events as dicts in the native, ACLED or UCDP column set."""
        with self.sessions() as session:
            return export.export_rows(session, columns)

    def export(
        self,
        fmt: str = "csv",
        columns: str = "native",
        path: Path | None = None,
        stream: IO[str] | None = None,
        allow_empty: bool = False,
    ) -> int:
        """Write counted events to `path` (atomically) or `stream`; return the row count.

        With no events, an existing `path` with content is kept (StoreError) unless
        `allow_empty` is set."""
        export.check_options(fmt, columns)
        rows = self.export_rows(columns)
        export.write_rows(
            rows, fmt, path, stream, export.column_names(columns), allow_empty=allow_empty
        )
        return len(rows)

    def rejections(self, limit: int | None = None) -> list[RejectionRow]:
        """Stored rejections, oldest first (detached rows): key, origin, reason, created_at."""
        with self.sessions() as session:
            query = select(RejectionRow).order_by(RejectionRow.id).limit(limit)
            return list(session.scalars(query))

    def events(self) -> list[EventRow]:
        """Every event, ordered by id (detached rows, safe to read after the call)."""
        with self.sessions() as session:
            return list(session.scalars(select(EventRow).order_by(EventRow.id)))

    def explain(self, event_id: int) -> list[dict[str, Any]]:
        """The stored explanations of the merges that formed an event."""
        with self.sessions() as session:
            rows = session.scalars(select(MergeRow).where(MergeRow.event_id == event_id))
            return [
                dict(r.explanation, incidents=[r.other_incident_id, r.incident_id]) for r in rows
            ]

    def report_events(self) -> dict[str, set[int]]:
        """The events each stored report's incidents belong to, by report id.

        A report whose incidents joined no event (none stored, or not matched yet) is
        absent. `tollwatch eval` reads it to score same-incident pairs.
        """
        query = (
            select(ReportRow.key, IncidentRow.event_id)
            .join(IncidentRow, IncidentRow.report_id == ReportRow.id)
            .where(IncidentRow.event_id.is_not(None))
        )
        out: dict[str, set[int]] = {}
        with self.sessions() as session:
            for key, event_id in session.execute(query):
                if event_id is not None:
                    out.setdefault(key, set()).add(event_id)
        return out

    def counts(self) -> dict[str, int]:
        """Rows per table: reports, rejections, incidents, events, audit."""
        tables = {
            "reports": ReportRow,
            "rejections": RejectionRow,
            "incidents": IncidentRow,
            "events": EventRow,
            "audit": AuditRow,
        }
        with self.sessions() as session:
            return {
                name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                for name, model in tables.items()
            }


def open_store(
    settings: Settings | None = None, *, migrate: bool = True, create: bool = True
) -> Store:
    """Open (and migrate to head, unless `migrate=False`) the database of `settings.db`.

    With `create=False` (commands that only read: tally, export, serve) the database
    must exist and hold tollwatch's tables: a mistyped SQLite path or an empty
    database is a StoreError saying so, and nothing is created.
    """
    return Store(settings or Settings(), migrate=migrate, create=create)
