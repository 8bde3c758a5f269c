"""Store extractions: reports, incidents, figures, evidence; rejections with their reason.

Idempotent by content hash: a report already stored with the same text is left
alone; one whose text changed has its incidents replaced. Each batch is one
transaction, so a run killed half way keeps every committed batch and a re-run
adds the rest without duplicates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
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


def ingest(
    factory: sessionmaker[Session],
    items: Iterable[Item],
    *,
    batch_size: int = 100,
    on_batch: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Store extractions and rejections, one transaction per batch of `batch_size`."""
    if batch_size < 1:
        raise StoreError(f"batch_size={batch_size} must be at least 1")
    total = IngestStats()
    for batch in batched(items, batch_size):
        stats = IngestStats()
        with factory.begin() as session:
            rows = _RowCache(session)
            for item in batch:
                _ingest_item(session, rows, item, stats)
        total.add(stats)
        if on_batch is not None:
            on_batch(total)
    return total


def _ingest_item(session: Session, rows: _RowCache, item: Item, stats: IngestStats) -> None:
    stats.reports_in += 1
    if isinstance(item, Rejection):
        _reject(session, item.id, item.origin, item.error)
        stats.rejected += 1
        return
    report = item.report
    reason = _unusable(item)
    if reason is not None or report is None:
        origin = (report.origin if report else None) or item.report_id
        _reject(session, item.report_id, origin, reason or "no report")
        stats.rejected += 1
        return
    _store_report(session, rows, item, report, stats)


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


def _reject(session: Session, key: str, origin: str, reason: str) -> None:
    key, origin = key[:KEY_LEN], origin[:2000]
    row = session.scalar(
        select(RejectionRow).where(RejectionRow.key == key, RejectionRow.origin == origin)
    )
    if row is None:
        row = RejectionRow(key=key, origin=origin, reason=reason, created_at=now())
        session.add(row)
        session.flush()
        audit(session, "rejection.insert", "rejection", row.id, key, origin=origin, reason=reason)
    elif row.reason != reason:
        audit(session, "rejection.update", "rejection", row.id, key, old=row.reason, new=reason)
        row.reason = reason


def _store_report(
    session: Session, rows: _RowCache, extraction: Extraction, report: Report, stats: IngestStats
) -> None:
    digest = content_hash(report.text)
    row = session.scalar(select(ReportRow).where(ReportRow.key == report.id))
    if row is not None and row.content_hash == digest:
        stats.unchanged += 1
        return
    if row is None:
        row = ReportRow(key=report.id, created_at=now(), content_hash=digest, text=report.text)
        session.add(row)
        stats.stored += 1
        action, detail = "report.insert", {"hash": digest}
    else:
        session.execute(delete(IncidentRow).where(IncidentRow.report_id == row.id))
        stats.replaced += 1
        action, detail = "report.replace", {"old_hash": row.content_hash, "hash": digest}
    _fill_report(row, report, digest)
    session.flush()
    _clear_rejections(session, report.id)
    stats.incidents += add_incidents(session, rows, row, extraction.incidents)
    audit(
        session, action, "report", row.id, report.id, incidents=len(extraction.incidents), **detail
    )


def _fill_report(row: ReportRow, report: Report, digest: str) -> None:
    row.content_hash = digest
    row.text = report.text
    row.outlet, row.url, row.title = report.outlet, report.url, report.title
    row.published, row.origin = report.published, report.origin
    row.updated_at = now()


def _clear_rejections(session: Session, key: str) -> None:
    for old in session.scalars(select(RejectionRow).where(RejectionRow.key == key)):
        audit(session, "rejection.delete", "rejection", old.id, key, reason="report now stored")
        session.delete(old)


def add_incidents(
    session: Session, rows: _RowCache, report: ReportRow, incidents: Sequence[Incident]
) -> int:
    """Insert a report's incidents with figures, evidence and aggregate parts."""
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
    session.flush()
    for incident in incidents:
        for part in incident.parts if incident.kind == "aggregate" else []:
            if part in by_local and part != incident.id:
                session.add(
                    IncidentPartRow(
                        aggregate_id=by_local[incident.id].id, part_id=by_local[part].id
                    )
                )
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
    return text[min(span.start, len(text)) : min(span.end, len(text))]


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
        text=toll.text,
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
) -> Iterator[Item]:
    """Read reports from `paths` and extract each: the items `tollwatch run` stores."""
    from ..pipeline import extract, load_resources
    from ..reader import read_paths

    loaded = resources if resources is not None else load_resources(settings)
    for item in read_paths(paths, published=published, settings=settings):
        if isinstance(item, Rejection):
            yield item
        else:
            yield extract(item, settings=settings, resources=loaded)


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
