"""One ingest batch in one transaction: existing rows fetched up front, one flush, the audit.

`_Batch` stores each item of a batch (a new report, a changed one replacing its
incidents, an unchanged or moved one, a rejection) and records the changes in the
audit log; `_Seen` holds the keys an ingest has stored so far, so that a key counts
once. Run by `ingest.ingest`, one `_Batch` per transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..records import Extraction, Rejection, Report
from .ingest_base import (
    MAX_NOTES,
    IngestStats,
    Item,
    Known,
    RejectionNote,
    audit,
    content_hash,
    key_source,
    now,
    rejection_fingerprint,
    store_key,
)
from .keys import report_keys
from .models import KEY_LEN, IncidentRow, RejectionRow, ReportKeyRow, ReportRow
from .rows import RowCache, add_incidents, fit, storable, unstorable


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
