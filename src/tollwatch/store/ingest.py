"""Store extractions: reports, incidents, figures, evidence; rejections with their reason.

Idempotent by content hash: a report already stored with the same text is left
alone; one whose text changed has its incidents replaced. Each batch is one
transaction, so a run killed half way keeps every committed batch and a re-run
adds the rest without duplicates.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from ..records import (
    ActorMention,
    Extraction,
    Incident,
    PlaceMention,
    Rejection,
    Report,
    SourceMention,
    Span,
    Toll,
)
from ..settings import Settings
from .models import (
    KEY_LEN,
    ActorRow,
    AuditRow,
    EvidenceRow,
    FigureRow,
    IncidentPartRow,
    IncidentRow,
    PlaceRow,
    RejectionRow,
    ReportRow,
    SourceRow,
)

Item = Extraction | Rejection
OUTCOMES = ("killed", "wounded", "abducted", "missing")


@dataclass
class IngestStats:
    """Counts of one ingest: every report read ends in exactly one of the last four."""

    reports_in: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    incidents: int = 0
    # reports in a language that is not read (language code -> count)
    not_read: Counter[str] = field(default_factory=Counter)

    def add(self, other: IngestStats) -> None:
        """Add `other`'s counts to these."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def consistent(self) -> bool:
        """True when reports in = stored + replaced + unchanged + rejected."""
        return self.reports_in == self.stored + self.replaced + self.unchanged + self.rejected


def now() -> datetime:
    """The current time in UTC, naive (stored as UTC in both databases)."""
    return datetime.now(UTC).replace(tzinfo=None)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """The text with NUL and lone surrogates replaced by U+FFFD, one for one.

    PostgreSQL refuses NUL in text and neither database stores lone surrogates;
    replacing one character by one keeps every offset into the text valid.
    """
    return _UNSTORABLE.sub("\ufffd", text)


def content_hash(text: str) -> str:
    """sha256 of the report text: the identity of its content."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


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
            entity_key=entity_key,
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

    A report already stored with the same text is left alone, unless `refresh`
    is set: then its incidents are replaced (after an extraction upgrade).
    """
    if not 1 <= batch_size <= MAX_BATCH:
        raise StoreError(f"batch_size={batch_size} must be between 1 and {MAX_BATCH}")
    total = IngestStats()
    for batch in batched(items, batch_size):
        stats = IngestStats()
        with factory.begin() as session:
            _Batch(session, batch, stats, refresh=refresh).run()
        total.add(stats)
        if on_batch is not None:
            on_batch(total)
    return total


def _unusable(extraction: Extraction) -> str | None:
    if extraction.error is not None:
        return f"extraction failed: {extraction.error}"
    if extraction.report is None:
        return (
            "the extraction carries no report (Extraction.report is None); "
            "pass the Extraction returned by tollwatch.pipeline.extract()"
        )
    if len(extraction.report.id) > KEY_LEN:
        return f"report id is {len(extraction.report.id)} characters long; shorten it to {KEY_LEN}"
    return None


class _Batch:
    """One transaction: existing rows fetched up front, one flush, then the audit rows."""

    def __init__(
        self, session: Session, items: Sequence[Item], stats: IngestStats, *, refresh: bool
    ) -> None:
        self.session, self.items, self.stats, self.refresh = session, items, stats, refresh
        self.rows = _RowCache(session)
        keys = {_key(item) for item in items}
        self.reports = {
            r.key: r for r in session.scalars(select(ReportRow).where(ReportRow.key.in_(keys)))
        }
        self.rejections = {
            (r.key, r.origin): r
            for r in session.scalars(select(RejectionRow).where(RejectionRow.key.in_(keys)))
        }
        self.changes: list[tuple[Any, str, str, str, dict[str, Any]]] = []

    def run(self) -> None:
        """Store every item, flush once, then write one audit row per change."""
        with self.session.no_autoflush:
            for item in self.items:
                self.item(item)
        self.session.flush()
        for row, action, entity, key, detail in self.changes:
            audit(self.session, action, entity, row.id, key, **detail)

    def item(self, item: Item) -> None:
        self.stats.reports_in += 1
        if isinstance(item, Rejection):
            self.reject(item.id, item.origin, item.error)
            return
        report, reason = item.report, _unusable(item)
        if reason is not None or report is None:
            origin = (report.origin if report else None) or item.report_id
            self.reject(item.report_id, origin, reason or "no report")
            return
        language = item.language
        if language is not None and language.code and not language.read and language.verdict:
            self.stats.not_read[language.code] += 1
        self.store(item, report)

    def reject(self, key: str, origin: str, reason: str) -> None:
        self.stats.rejected += 1
        key, origin = key[:KEY_LEN], origin[:2000]
        row = self.rejections.get((key, origin))
        if row is None:
            reason = storable(reason)
            row = RejectionRow(key=key, origin=origin, reason=reason, created_at=now())
            self.session.add(row)
            self.rejections[(key, origin)] = row
            self.changes.append(
                (row, "rejection.insert", "rejection", key, {"origin": origin, "reason": reason})
            )
        elif row.reason != reason:
            self.changes.append(
                (row, "rejection.update", "rejection", key, {"old": row.reason, "new": reason})
            )
            row.reason = reason

    def store(self, extraction: Extraction, report: Report) -> None:
        digest = content_hash(report.text)
        row = self.reports.get(report.id)
        if row is not None and row.content_hash == digest and not self.refresh:
            self.stats.unchanged += 1
            return
        if row is None:
            row = ReportRow(key=report.id, created_at=now())
            self.session.add(row)
            self.reports[report.id] = row
            self.stats.stored += 1
            action, detail = "report.insert", dict[str, Any](hash=digest)
        else:
            self._drop_incidents(row)
            self.stats.replaced += 1
            action, detail = "report.replace", {"old_hash": row.content_hash, "hash": digest}
        _fill_report(row, report, digest)
        row.language = extraction.language.code if extraction.language else None
        self._clear_rejections(report.id)
        self.stats.incidents += add_incidents(self.session, self.rows, row, extraction.incidents)
        detail["incidents"] = len(extraction.incidents)
        self.changes.append((row, action, "report", report.id, detail))

    def _drop_incidents(self, row: ReportRow) -> None:
        if row.id is None:  # stored earlier in this batch: not in the database yet
            dropped = set(row.incidents)
            for obj in list(self.session.new):
                if isinstance(obj, IncidentPartRow) and {obj.aggregate, obj.part} & dropped:
                    self.session.expunge(obj)
            for incident in dropped:
                self.session.expunge(incident)
            row.incidents.clear()
            return
        self.session.execute(delete(IncidentRow).where(IncidentRow.report_id == row.id))
        self.session.expire(row, ["incidents"])

    def _clear_rejections(self, key: str) -> None:
        for (rkey, origin), old in list(self.rejections.items()):
            if rkey == key:
                self.changes.append(
                    (old, "rejection.delete", "rejection", key, {"reason": "report now stored"})
                )
                if old.id is not None:
                    self.session.delete(old)
                else:
                    self.session.expunge(old)
                del self.rejections[(rkey, origin)]


def _key(item: Item) -> str:
    if isinstance(item, Rejection):
        return item.id[:KEY_LEN]
    return (item.report.id if item.report else item.report_id)[:KEY_LEN]


def _fill_report(row: ReportRow, report: Report, digest: str) -> None:
    row.content_hash = digest
    row.text = storable(report.text)
    row.outlet, row.url, row.title = report.outlet, report.url, report.title
    row.published, row.origin = report.published, report.origin
    row.updated_at = now()


def add_incidents(
    session: Session, rows: _RowCache, report: ReportRow, incidents: Sequence[Incident]
) -> int:
    """Add a report's incidents with figures, evidence and aggregate parts (not flushed)."""
    part_ids = {p for i in incidents if i.kind == "aggregate" for p in i.parts}
    by_local: dict[str, IncidentRow] = {}
    for incident in incidents:
        if incident.id in by_local:
            raise StoreError(
                f"report {report.key!r} has two incidents with id {incident.id!r}; "
                "incident ids must be unique within a report"
            )
        row = _incident_row(rows, report, incident, top_level=incident.id not in part_ids)
        session.add(row)
        by_local[incident.id] = row
    for incident in incidents:
        for part in incident.parts if incident.kind == "aggregate" else []:
            if part in by_local and part != incident.id:
                session.add(IncidentPartRow(aggregate=by_local[incident.id], part=by_local[part]))
    return len(incidents)


def _incident_row(
    rows: _RowCache, report: ReportRow, incident: Incident, *, top_level: bool
) -> IncidentRow:
    date_m, place_m = incident.date, incident.place
    row = IncidentRow(
        report=report,
        local_id=incident.id,
        kind=incident.kind,
        top_level=top_level and incident.kind != "claim",
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        date_start=date_m.start if date_m else None,
        date_end=date_m.end if date_m else None,
        date_precision=date_m.precision if date_m else "unknown",
        date_text=date_m.text if date_m else None,
        place=rows.place(place_m),
        place_text=place_m.text if place_m else None,
        place_precision=place_m.precision if place_m else "unknown",
        perpetrator=rows.actor(incident.perpetrator),
        victim=rows.actor(incident.victim),
        victim_text=incident.victim_text or (incident.victim.text if incident.victim else None),
        source=rows.source(incident.source),
        source_role=incident.source.role if incident.source else "unknown",
        source_via=incident.source.via if incident.source else None,
        claim_of=incident.claim_of,
        confidence=float(incident.confidence),
        update=bool(incident.update),
    )
    row.evidence = [_evidence(report.text, span) for span in incident.evidence]
    row.figures = [
        _figure(outcome, toll, report.text, incident.evidence)
        for outcome in OUTCOMES
        if (toll := getattr(incident, outcome)) is not None
    ]
    return row


def _clip(text: str, span: Span) -> str:
    return storable(text[min(span.start, len(text)) : min(span.end, len(text))])


def _evidence(text: str, span: Span) -> EvidenceRow:
    return EvidenceRow(start=span.start, end=span.end, text=_clip(text, span))


def _figure(outcome: str, toll: Toll, text: str, evidence: Sequence[Span]) -> FigureRow:
    sentence = next((s for s in evidence if toll.span and s.contains(toll.span)), None)
    if sentence is None and evidence:
        sentence = evidence[0]
    return FigureRow(
        outcome=outcome,
        low=toll.low,
        best=toll.best,
        high=toll.high,
        text=storable(toll.text) if toll.text is not None else None,
        span_start=toll.span.start if toll.span else None,
        span_end=toll.span.end if toll.span else None,
        sentence=_clip(text, sentence) if sentence else None,
        rule=toll.rule,
    )


class _RowCache:
    """Get-or-create for places, actors and sources within one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.places: dict[str, PlaceRow] = {}
        self.actors: dict[tuple[str, str], ActorRow] = {}
        self.sources: dict[str, SourceRow] = {}

    def place(self, mention: PlaceMention | None) -> PlaceRow | None:
        if mention is None or not (mention.name or mention.country or mention.admin1):
            return None
        key = place_key(mention)
        if key not in self.places:
            row = self.session.scalar(select(PlaceRow).where(PlaceRow.key == key))
            if row is None:
                row = PlaceRow(
                    key=key,
                    name=mention.name,
                    country=mention.country,
                    admin1=mention.admin1,
                    admin2=mention.admin2,
                    lat=mention.lat,
                    lon=mention.lon,
                    geonameid=mention.geonameid,
                    precision=mention.precision,
                )
                self.session.add(row)
            self.places[key] = row
        return self.places[key]

    def actor(self, mention: ActorMention | None) -> ActorRow | None:
        if mention is None:
            return None
        actor = mention.actor
        key = (actor.name[:300], actor.type[:20])
        if key not in self.actors:
            row = self.session.scalar(
                select(ActorRow).where(ActorRow.name == key[0], ActorRow.type == key[1])
            )
            if row is None:
                row = ActorRow(name=key[0], type=key[1], category=actor.category[:40])
                self.session.add(row)
            self.actors[key] = row
        return self.actors[key]

    def source(self, mention: SourceMention | None) -> SourceRow | None:
        if mention is None:
            return None
        name = mention.name[:500]
        if name not in self.sources:
            row = self.session.scalar(select(SourceRow).where(SourceRow.name == name))
            if row is None:
                row = SourceRow(name=name, role=mention.role)
                self.session.add(row)
            self.sources[name] = row
        return self.sources[name]


def place_key(mention: PlaceMention) -> str:
    """One key per distinct place: the GeoNames id, else its names and coordinates."""
    if mention.geonameid is not None:
        return f"geonames:{mention.geonameid}"
    parts = (
        mention.name,
        mention.country,
        mention.admin1,
        mention.admin2,
        mention.precision,
        mention.lat,
        mention.lon,
    )
    return "name:" + "|".join("" if p is None else str(p) for p in parts)[:790]


def extractions_from_paths(
    paths: Sequence[Path],
    *,
    settings: Settings,
    published: date | None = None,
    resources: Any = None,
    known: dict[str, str] | None = None,
    workers: int | None = None,
) -> Iterator[Item]:
    """Read reports from `paths` and extract each: the items `tollwatch run` stores.

    Extraction runs in `workers` processes (default: `settings.workers`), in input
    order (`tollwatch.parallel.extract_pairs`). A report the reader refused stays a
    `Rejection`; a report whose extraction crashed becomes an Extraction with `error`
    (stored as a rejection). `known` maps stored report ids to their content hash:
    those reports are not extracted again (they would be left unchanged anyway).
    """
    from ..parallel import extract_pairs
    from ..read.files import read_paths

    def stored_already(report: Report) -> bool:
        return known is not None and known.get(report.id) == content_hash(report.text)

    items = read_paths(paths, published=published, settings=settings)
    for item, extraction in extract_pairs(
        items, settings=settings, workers=workers, resources=resources, skip=stored_already
    ):
        yield item if isinstance(item, Rejection) else extraction


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
