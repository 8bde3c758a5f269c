"""Store extractions: reports, incidents, figures, evidence; rejections with their reason.

Each report has a key (docs/store.md, "Report keys": a file's URI, a JSONL id under
its file, a global URI id). Storing is idempotent by key and content hash: a report
already stored with the same text is left alone; one whose text changed has its
incidents replaced; a new key whose text and id are those of a report whose file
is gone is that report moved. Within one ingest a key counts once: the first
report under it is kept, a later one with another text is rejected.

Each batch is one transaction under the store's write lock, so a run killed half
way keeps every committed batch and a re-run adds the rest without duplicates,
and two runs at once store what they would one after the other. A report that
cannot be stored (a toll beyond the plausibility bound, a bad id, a value the
database refuses) is rejected alone, with its reason; the rest of its batch lands.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from ..errors import StoreError
from ..records import Extraction, Rejection, Report
from ..settings import Settings
from .db import writing
from .errors import describe, is_data_error
from .keys import report_keys
from .known import Lookup
from .models import KEY_BYTES, KEY_LEN, AuditRow, IncidentRow, RejectionRow, ReportKeyRow, ReportRow
from .rows import RowCache, add_incidents, fit, storable, unstorable

__all__ = [
    "IngestStats",
    "Item",
    "Known",
    "RejectionNote",
    "content_hash",
    "ingest",
    "rejection_fingerprint",
    "storable",
    "store_key",
]


@dataclass(frozen=True)
class Known:
    """A report the store held under its key with this text when the run began: it
    was not extracted again (stored as unchanged if the store still holds it so)."""

    report: Report
    content_hash: str


Item = Extraction | Rejection | Known


@dataclass(frozen=True)
class RejectionNote:
    """One report rejected by an ingest: its key, where it was read, and why."""

    key: str
    origin: str
    reason: str


MAX_NOTES = 100  # rejections an IngestStats keeps word for word (all are counted)


@dataclass
class IngestStats:
    """Counts of one ingest: every report read ends in exactly one of stored, replaced,
    unchanged, rejected. `moved` counts the unchanged reports found under a new key
    (a file moved or renamed); `rejections` holds the first MAX_NOTES rejections."""

    reports_in: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    incidents: int = 0
    # reports in a language that is not read (language code -> count)
    not_read: Counter[str] = field(default_factory=Counter)
    moved: int = 0
    rejections: list[RejectionNote] = field(default_factory=list)
    # row ids of the reports stored or replaced, and the events their old incidents were
    # in: what incremental matching (incremental.py) starts from
    touched_reports: Counter[int] = field(default_factory=Counter)
    touched_events: Counter[int] = field(default_factory=Counter)

    def add(self, other: IngestStats) -> None:
        """Add `other`'s counts (and rejections, up to MAX_NOTES) to these."""
        for f in fields(self):
            if f.name == "rejections":
                room = MAX_NOTES - len(self.rejections)
                self.rejections.extend(other.rejections[: max(room, 0)])
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def kept(self) -> int:
        """Reports of the input that the store holds now (stored, replaced, unchanged)."""
        return self.stored + self.replaced + self.unchanged

    @property
    def consistent(self) -> bool:
        """True when reports in = stored + replaced + unchanged + rejected."""
        return self.reports_in == self.stored + self.replaced + self.unchanged + self.rejected


def now() -> datetime:
    """The current time in UTC, naive (stored as UTC in both databases)."""
    return datetime.now(UTC).replace(tzinfo=None)


def content_hash(text: str) -> str:
    """sha256 of the report text: the identity of its content."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def store_key(item: Report | Rejection) -> str:
    """The key a report (or a rejected one) has in the store: `key`, else `id`; made
    storable, and shortened with a hash past KEY_BYTES bytes (two keys stay two)."""
    raw = item.key or item.id
    key = storable(raw)
    if len(key.encode("utf-8")) <= KEY_BYTES and key == raw:
        return key
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    head = key.encode("utf-8")[: KEY_BYTES - len(digest) - 1].decode("utf-8", "ignore")
    return f"{head}~{digest}"


def rejection_fingerprint(key: str, origin: str) -> str:
    """The unique fingerprint of a rejection: sha256 of key, NUL, origin (0002_hardening)."""
    return hashlib.sha256(f"{key}\x00{origin}".encode("utf-8", "surrogatepass")).hexdigest()


def key_source(key: str | None, report_id: str) -> str | None:
    """The file or feed URI a report key was made from (read/keys.py), or None."""
    if key is None:
        return None
    suffix = f"#{report_id}"
    return key[: -len(suffix)] if key.endswith(suffix) else key


def audit(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None = None,
    entity_key: str | None = None,
    **detail: Any,
) -> None:
    """Record one change in the audit log (in the caller's transaction)."""
    session.add(
        AuditRow(
            at=now(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            entity_key=fit(entity_key, KEY_LEN),
            detail=detail,
        )
    )


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of up to `size` items, lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


MAX_BATCH = 5000  # keys of one batch go into one IN (...) query


def ingest(
    factory: sessionmaker[Session],
    items: Iterable[Item],
    *,
    batch_size: int = 100,
    on_batch: Callable[[IngestStats], None] | None = None,
    refresh: bool = False,
) -> IngestStats:
    """Store extractions and rejections, one transaction per batch of `batch_size`.

    `factory` makes write sessions (`db.write_session_factory`). A report already
    stored with the same text is left alone, unless `refresh` is set: then its
    incidents are replaced (after an extraction upgrade).
    """
    if not 1 <= batch_size <= MAX_BATCH:
        raise StoreError(f"batch_size={batch_size} must be between 1 and {MAX_BATCH}")
    total = IngestStats()
    seen = _Seen()
    for batch in batched(items, batch_size):
        total.add(_store_batch(factory, batch, seen, refresh))
        if on_batch is not None:
            on_batch(total)
    return total


class _Seen:
    """The keys stored in this ingest with their content (64-bit digests: a run of
    millions of reports keeps tens of megabytes)."""

    def __init__(self) -> None:
        self.done: dict[int, int] = {}

    @staticmethod
    def digest(value: str) -> int:
        data = value.encode("utf-8", "surrogatepass")
        return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")

    def get(self, key: str, pending: dict[int, int]) -> int | None:
        k = self.digest(key)
        return pending.get(k, self.done.get(k))


_DATA_ERRORS = (SQLAlchemyError, ValueError, OverflowError, UnicodeError)


def _store_batch(
    factory: sessionmaker[Session], batch: Sequence[Item], seen: _Seen, refresh: bool
) -> IngestStats:
    """One transaction for the batch; if the database refuses a value, the batch again,
    one report per transaction, and a report refused alone becomes a rejection."""
    try:
        return _attempt(factory, batch, seen, refresh)
    except _DATA_ERRORS as err:
        if not is_data_error(err):
            raise
    stats = IngestStats()
    for item in batch:
        try:
            stats.add(_attempt(factory, [item], seen, refresh))
        except _DATA_ERRORS as err:
            if not is_data_error(err):
                raise
            reason = f"the database refused the report: {describe(err)}"
            stats.add(_attempt(factory, [_as_rejection(item, reason)], seen, refresh))
    return stats


def _as_rejection(item: Item, reason: str) -> Rejection:
    if isinstance(item, Rejection):
        return Rejection(item.id, item.origin, f"{item.error} ({reason})", key=item.key)
    report = item.report
    if report is None:  # only an Extraction can lack its report
        return Rejection(getattr(item, "report_id", "?"), "?", reason)
    return Rejection(report.id, report.origin or report.id, reason, key=report.key)


def _attempt(
    factory: sessionmaker[Session], items: Sequence[Item], seen: _Seen, refresh: bool
) -> IngestStats:
    stats = IngestStats()
    pending: dict[int, int] = {}
    with writing(factory) as session:
        _Batch(session, items, stats, seen, pending, refresh=refresh).run()
    seen.done.update(pending)  # only once committed
    return stats


def _item_key(item: Item) -> str:
    if isinstance(item, Rejection):
        return store_key(item)
    if isinstance(item, Known):
        return store_key(item.report)
    return store_key(item.report) if item.report else storable(item.report_id)[:KEY_LEN]


class _Batch:
    """One transaction: existing rows fetched up front, one flush, then the audit rows."""

    def __init__(
        self,
        session: Session,
        items: Sequence[Item],
        stats: IngestStats,
        seen: _Seen,
        pending: dict[int, int],
        *,
        refresh: bool,
    ) -> None:
        self.session, self.items, self.stats, self.refresh = session, items, stats, refresh
        self.seen, self.pending = seen, pending
        self.rows = RowCache(session)
        keys = {_item_key(item) for item in items}
        self.reports = {
            r.key: r for r in session.scalars(select(ReportRow).where(ReportRow.key.in_(keys)))
        }
        self.rejections = {
            (r.key, r.origin): r
            for r in session.scalars(select(RejectionRow).where(RejectionRow.key.in_(keys)))
        }
        self.cleared: dict[tuple[str, str], RejectionRow] = {}
        self.moved_from: dict[str, list[ReportRow]] | None = None
        self.changes: list[tuple[Any, str, str, str, dict[str, Any]]] = []

    def run(self) -> None:
        """Store every item, flush once, then write one audit row per change."""
        with self.session.no_autoflush:
            for item in self.items:
                self.item(item)
            for (key, _origin), old in self.cleared.items():
                self.changes.append(
                    (old, "rejection.delete", "rejection", key, {"reason": "report now stored"})
                )
                self.session.delete(old)
        self.session.flush()
        for row, action, entity, key, detail in self.changes:
            audit(self.session, action, entity, row.id, key, **detail)
            if action in ("report.insert", "report.replace"):
                self.stats.touched_reports[row.id] += 1

    def item(self, item: Item) -> None:
        self.stats.reports_in += 1
        if isinstance(item, Rejection):
            self.reject(store_key(item), item.origin, item.error)
        elif isinstance(item, Known):
            self.known(item)
        else:
            report, reason = item.report, unstorable(item)
            if reason is not None or report is None:
                origin = (report.origin if report else None) or item.report_id
                key = store_key(report) if report else item.report_id
                self.reject(key, origin, reason or "no report")
            else:
                self._count_language(item)
                self.store(item, report)

    def _count_language(self, item: Extraction) -> None:
        language = item.language
        if language is not None and language.code and not language.read and language.verdict:
            self.stats.not_read[language.code] += 1

    def reject(self, key: str, origin: str, reason: str) -> None:
        self.stats.rejected += 1
        key, origin, reason = fit(key, KEY_LEN) or "", fit(origin, 2000) or "", storable(reason)
        if len(self.stats.rejections) < MAX_NOTES:
            self.stats.rejections.append(RejectionNote(key, origin, reason))
        row = self.rejections.get((key, origin)) or self.cleared.pop((key, origin), None)
        if row is None:
            row = RejectionRow(
                key=key,
                origin=origin,
                fingerprint=rejection_fingerprint(key, origin),
                reason=reason,
                created_at=now(),
            )
            self.session.add(row)
            self.changes.append(
                (row, "rejection.insert", "rejection", key, {"origin": origin, "reason": reason})
            )
        elif row.reason != reason:
            self.changes.append(
                (row, "rejection.update", "rejection", key, {"old": row.reason, "new": reason})
            )
            row.reason = reason
        self.rejections[(key, origin)] = row

    def _first_time(self, key: str, digest: str, origin: str) -> bool:
        """False (and the report rejected, or counted unchanged) when this ingest
        already met `key`; else remember it."""
        earlier = self.seen.get(key, self.pending)
        if earlier is None:
            self.pending[_Seen.digest(key)] = _Seen.digest(digest)
            return True
        if earlier == _Seen.digest(digest):
            self.stats.unchanged += 1
            return False
        first = self.reports.get(key)
        where = first.origin if first is not None and first.origin else "earlier in this input"
        self.reject(key, origin, (
            f"the report key {key!r} comes twice in this input with different texts: first "
            f"at {where}, again at {origin}; the first is kept. Give the reports ids of "
            "their own (a JSONL id names a report within its file; a URI id names it "
            "wherever it is read)"))
        return False

    def known(self, item: Known) -> None:
        report, key = item.report, store_key(item.report)
        origin = report.origin or report.id
        if not self._first_time(key, item.content_hash, origin):
            return
        row = self.reports.get(key)
        if row is not None and row.content_hash == item.content_hash:
            self.stats.unchanged += 1
            return
        self.reject(key, origin, (
            f"the report {key!r} changed in the database while this run read it (another "
            "process stored another text under its key); run again to store this text"))

    def store(self, extraction: Extraction, report: Report) -> None:
        digest, key = content_hash(report.text), store_key(report)
        if not self._first_time(key, digest, report.origin or report.id):
            return
        row = self.reports.get(key)
        if row is not None and row.content_hash == digest and not self.refresh:
            self.stats.unchanged += 1
            return
        if row is None and (moved := self._moved(report, key, digest)) is not None:
            self._move(moved, report, key)
            return
        events: dict[str, int] = {}
        if row is None:
            row = ReportRow(key=key, created_at=now())
            self.session.add(row)
            self.reports[key] = row
            self.stats.stored += 1
            action, detail = "report.insert", dict[str, Any](hash=digest)
        else:
            events = self._drop_incidents(row)
            self.stats.replaced += 1
            action, detail = "report.replace", {"old_hash": row.content_hash, "hash": digest}
        _fill_report(row, report, digest)
        row.language = extraction.language.code if extraction.language else None
        self._store_keys(row, report.text)
        self._clear_rejections(key)
        # background incidents (earlier events, war-wide totals told as context) are not
        # this report's news: they make no event (docs/incidents.md, "Background")
        news = [i for i in extraction.incidents if not i.background]
        self.stats.incidents += add_incidents(self.session, self.rows, row, news)
        for incident in row.incidents if events else ():
            incident.event_id = events.get(_local_number(incident.local_id))
        detail["incidents"] = len(news)
        self.changes.append((row, action, "report", key, detail))

    def _moved(self, report: Report, key: str, digest: str) -> ReportRow | None:
        """A stored report with this text and id whose file is gone (or that was stored
        with no file), not met in this ingest: the same report under a new key."""
        if self.moved_from is None:
            self.moved_from = self._orphans()
        for row in self.moved_from.get(digest, []):
            if (
                row.report_id == report.id
                and row.key not in self.reports
                and self.seen.get(row.key, self.pending) is None
                and not _source_exists(row.source)
            ):
                self.moved_from[digest].remove(row)
                return row
        return None

    def _orphans(self) -> dict[str, list[ReportRow]]:
        new = [
            content_hash(i.report.text)
            for i in self.items
            if isinstance(i, Extraction) and i.report and store_key(i.report) not in self.reports
        ]
        found: dict[str, list[ReportRow]] = {}
        if new:
            query = select(ReportRow).where(ReportRow.content_hash.in_(set(new)))
            for row in self.session.scalars(query.order_by(ReportRow.id)):
                found.setdefault(row.content_hash, []).append(row)
        return found

    def _move(self, row: ReportRow, report: Report, key: str) -> None:
        old_key = row.key
        row.key, row.source = key, key_source(report.key, report.id)
        row.origin, row.updated_at = fit(report.origin, 100_000), now()
        self.reports[key] = row
        self.stats.unchanged += 1
        self.stats.moved += 1
        self._clear_rejections(key)
        self.changes.append((row, "report.move", "report", key, {"old_key": old_key}))

    def _store_keys(self, row: ReportRow, text: str) -> None:
        """The report's match keys (keys.py), replacing any it had."""
        if row.id is not None:
            self.session.execute(delete(ReportKeyRow).where(ReportKeyRow.report_id == row.id))
            set_committed_value(row, "keys", [])
        row.keys.extend(ReportKeyRow(kind=kind, key=key) for kind, key in sorted(report_keys(text)))

    def _drop_incidents(self, row: ReportRow) -> dict[str, int]:
        """Delete the report's incidents; return the event each belonged to, by its
        number within the report: the new version's incidents start in those events,
        so that matching revises them (ids and history kept) rather than replacing them."""
        # The row is in the database (a key is met once per ingest): delete its
        # incidents there (figures, evidence and parts go by ON DELETE CASCADE) and
        # tell the session the collection is now empty, so nothing reloads it.
        query = select(IncidentRow.local_id, IncidentRow.event_id).where(
            IncidentRow.report_id == row.id, IncidentRow.event_id.is_not(None))
        events = {
            _local_number(local): event
            for local, event in self.session.execute(query)
            if event is not None
        }
        self.stats.touched_events.update(events.values())
        self.session.execute(delete(IncidentRow).where(IncidentRow.report_id == row.id))
        set_committed_value(row, "incidents", [])
        return events

    def _clear_rejections(self, key: str) -> None:
        """Rejections stored under `key` by earlier runs go when the report is stored
        (one made in this batch stays: it is about another record). They are deleted
        at the end of the batch, so that one rejected again in the same batch stays."""
        for (rkey, origin), old in list(self.rejections.items()):
            if rkey == key and old.id is not None:
                del self.rejections[(rkey, origin)]
                self.cleared[(rkey, origin)] = old


def _local_number(local_id: str) -> str:
    """An incident's number within its report ("r-001#3" -> "3"): the same in two
    versions of a report even when the report's id changed."""
    return local_id.rsplit("#", 1)[-1]


def _source_exists(source: str | None) -> bool:
    if source is None:
        return False
    parsed = urlparse(source)
    if parsed.scheme != "file":
        return True  # a feed's link: not something we can see gone
    return Path(unquote(parsed.path)).exists()


def _fill_report(row: ReportRow, report: Report, digest: str) -> None:
    row.content_hash = digest
    row.report_id = storable(report.id)
    row.source = fit(key_source(report.key, report.id), 100_000)
    row.text = storable(report.text)
    row.outlet, row.url = fit(report.outlet, 100_000), fit(report.url, 100_000)
    row.title = fit(report.title, 100_000)
    row.published, row.origin = report.published, fit(report.origin, 100_000)
    row.updated_at = now()


def extractions_from_paths(
    paths: Sequence[Path],
    *,
    settings: Settings,
    published: date | None = None,
    resources: Any = None,
    known: Mapping[str, str] | Lookup | None = None,
    workers: int | None = None,
    on_warning: Callable[[Report | Rejection, str], None] | None = None,
    cluster: str | None = None,
) -> Iterator[Item]:
    """Read reports from `paths` and extract each: the items `tollwatch run` stores.

    Extraction runs in `workers` processes (default: `settings.workers`), in input
    order (`tollwatch.parallel.extract_pairs`), or on the Dask cluster whose scheduler
    is at `cluster` (`tollwatch.cluster.extract_pairs_on_cluster`). A report the
    reader refused stays a `Rejection`; a report whose extraction crashed becomes an
    Extraction with `error` (stored as a rejection). `known` maps stored report keys
    to their content hash, or looks up a list of keys (store/known.py): those reports
    are not extracted again; they come as `Known`. Reading warnings (an encoding
    guessed, files in a folder that are not reports) go to `on_warning`.
    """
    from ..parallel import extract_pairs
    from ..read.files import read_paths

    skipped: dict[int, str] = {}
    items: Iterable[Report | Rejection] = read_paths(
        paths, published=published, settings=settings, on_warning=on_warning)
    table: Mapping[str, str] | None = None if callable(known) else known
    if callable(known):  # looked up window by window (store/known.py)
        from .known import windows_with_known

        table = {}
        items = windows_with_known(items, known, store_key, table)

    def stored_already(report: Report) -> bool:
        if table is None:
            return False
        digest = table.get(store_key(report))
        if digest is None or digest != content_hash(report.text):
            return False
        skipped[id(report)] = digest
        return True

    if cluster is not None:
        from ..cluster import extract_pairs_on_cluster

        pairs = extract_pairs_on_cluster(
            items, settings=settings, address=cluster, skip=stored_already)
    else:
        pairs = extract_pairs(
            items, settings=settings, workers=workers, resources=resources, skip=stored_already)
    for item, extraction in pairs:
        if isinstance(item, Rejection):
            yield item
        elif id(item) in skipped:
            yield Known(item, skipped.pop(id(item)))
        else:
            yield extraction


def estimate_reports(paths: Sequence[Path]) -> int:
    """A quick count of the reports in `paths` (non-empty JSONL lines, other files: 1)."""
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            total += _lines(file) if file.suffix.lower() in {".jsonl", ".ndjson"} else 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
