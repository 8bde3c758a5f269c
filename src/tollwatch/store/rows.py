"""The rows of one report: what can be stored, and the rows that store it.

`unstorable(extraction)` says why an extraction cannot be stored (a toll beyond
the plausibility bound, an offset or id beyond what the columns hold), before
anything is written, so that one bad report is set aside and the batch goes on.
`add_incidents` builds a report's incidents, figures, evidence and aggregate
parts; `RowCache` gets or creates places, actors and sources in a way that
survives another process creating the same row at the same time.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..records import (
    MAX_PLAUSIBLE_TOLL,
    ActorMention,
    Extraction,
    Incident,
    PlaceMention,
    SourceMention,
    Span,
    Toll,
)
from .match_place import place_columns
from .matching import date_columns
from .models import (
    KEY_LEN,
    ActorRow,
    EvidenceRow,
    FigureRow,
    IncidentPartRow,
    IncidentRow,
    PlaceRow,
    ReportRow,
    SourceRow,
)

OUTCOMES = ("killed", "wounded", "abducted", "missing")
MAX_INT = 2**31 - 1  # an INTEGER column on PostgreSQL
PLACE_KEY_BYTES = 2000  # PostgreSQL's btree entries hold at most 2704 bytes
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """The text with NUL and lone surrogates replaced by U+FFFD, one for one.

    PostgreSQL refuses NUL in text and neither database stores lone surrogates;
    replacing one character by one keeps every offset into the text valid.
    """
    return _UNSTORABLE.sub("\ufffd", text)


def fit(text: str | None, limit: int) -> str | None:
    """`storable(text)` cut to `limit` characters (a column's width); None stays None."""
    return None if text is None else storable(text)[:limit]


def bad_characters(value: str) -> str | None:
    """What makes `value` unusable as an identity (NUL, lone surrogate), or None."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    char = found.group()
    what = "a NUL character" if char == "\x00" else f"a lone surrogate (U+{ord(char):04X})"
    return f"{what} at position {found.start()}"


def unstorable(extraction: Extraction) -> str | None:
    """Why this extraction's report cannot be stored, or None when it can."""
    report = extraction.report
    if extraction.error is not None:
        return f"extraction failed: {extraction.error}"
    if report is None:
        return (
            "the extraction carries no report (Extraction.report is None); "
            "pass the Extraction returned by tollwatch.pipeline.extract()"
        )
    if len(report.id) > KEY_LEN:
        return f"report id is {len(report.id)} characters long; shorten it to {KEY_LEN}"
    for name, value in (("id", report.id), ("key", report.key or "")):
        if (bad := bad_characters(value)) is not None:
            return f"the report {name} {value[:80]!r} holds {bad}; give the report a plain id"
    seen: set[str] = set()
    for incident in extraction.incidents:
        if incident.id in seen:
            return (
                f"the extraction has two incidents with id {incident.id!r}; "
                "incident ids must be unique within a report"
            )
        seen.add(incident.id)
        if (reason := _incident_problem(incident)) is not None:
            return f"incident {incident.id!r}: {reason}"
    return None


def _incident_problem(incident: Incident) -> str | None:
    for outcome in OUTCOMES:
        toll: Toll | None = getattr(incident, outcome)
        if toll is None:
            continue
        for value in (toll.low, toll.best, toll.high):
            if value is not None and value > MAX_PLAUSIBLE_TOLL:
                return (
                    f"the {outcome} toll {value} ({(toll.text or '')[:80]!r}) is above the "
                    f"plausibility bound of {MAX_PLAUSIBLE_TOLL:,} (tollwatch.records."
                    "MAX_PLAUSIBLE_TOLL): a misreading or a typo; check the report's text"
                )
        if toll.span is not None and toll.span.end > MAX_INT:
            return f"the {outcome} toll's offset {toll.span.end} is beyond {MAX_INT}"
    if any(span.end > MAX_INT for span in incident.evidence):
        return f"an evidence offset is beyond {MAX_INT}"
    if not math.isfinite(incident.confidence):
        return f"confidence {incident.confidence} is not a finite number"
    return _place_problem(incident.place)


def _place_problem(place: PlaceMention | None) -> str | None:
    if place is None:
        return None
    if place.geonameid is not None and not 0 <= place.geonameid <= MAX_INT:
        return f"geonameid {place.geonameid} is not a GeoNames id"
    for name, value, bound in (("lat", place.lat, 90.0), ("lon", place.lon, 180.0)):
        if value is not None and not (math.isfinite(value) and abs(value) <= bound):
            return f"place {place.name!r} has {name} {value}, outside -{bound}..{bound}"
    return None


def add_incidents(
    session: Session, rows: RowCache, report: ReportRow, incidents: Sequence[Incident]
) -> int:
    """Add a report's incidents with figures, evidence and aggregate parts (not flushed).

    The incidents passed `unstorable` (ids unique, numbers in range)."""
    part_ids = {p for i in incidents if i.kind == "aggregate" for p in i.parts}
    by_local: dict[str, IncidentRow] = {}
    for incident in incidents:
        row = _incident_row(rows, report, incident, top_level=incident.id not in part_ids)
        session.add(row)
        by_local[incident.id] = row
    for incident in incidents:
        for part in incident.parts if incident.kind == "aggregate" else []:
            if part in by_local and part != incident.id:
                session.add(IncidentPartRow(aggregate=by_local[incident.id], part=by_local[part]))
    return len(incidents)


def _incident_row(
    rows: RowCache, report: ReportRow, incident: Incident, *, top_level: bool
) -> IncidentRow:
    date_m, place_m = incident.date, incident.place
    place = rows.place(place_m)
    start, end = (date_m.start, date_m.end) if date_m else (None, None)
    precision = date_m.precision if date_m else "unknown"
    date_from, date_to, date_long = date_columns(start, end, precision)
    place_text = fit(place_m.text, 10_000) if place_m else None
    place_precision = place_m.precision if place_m else "unknown"
    near = place_columns(
        place_text, place_precision, place.name if place else None,
        place.admin1 if place else None, place.lat if place else None,
        place.lon if place else None, [(k.kind, k.key) for k in report.keys])
    row = IncidentRow(
        report=report,
        local_id=fit(incident.id, KEY_LEN + 100),
        kind=incident.kind,
        top_level=top_level and incident.kind != "claim",
        event_type=incident.event_type[:40],
        sub_event_type=fit(incident.sub_event_type, 60),
        date_start=start,
        date_end=end,
        date_precision=precision,
        date_text=fit(date_m.text, 10_000) if date_m else None,
        place=place,
        place_text=place_text,
        place_precision=place_precision,
        perpetrator=rows.actor(incident.perpetrator),
        victim=rows.actor(incident.victim),
        victim_text=fit(
            incident.victim_text or (incident.victim.text if incident.victim else None), 10_000
        ),
        source=rows.source(incident.source),
        source_role=incident.source.role if incident.source else "unknown",
        source_via=fit(incident.source.via, 300) if incident.source else None,
        claim_of=fit(incident.claim_of, KEY_LEN + 100),
        confidence=float(incident.confidence),
        update=bool(incident.update),
        match_country=place.country if place else None,
        date_from=date_from,
        date_to=date_to,
        date_long=date_long,
        match_admin1=near.admin1,
        match_cell=near.cell,
        match_name=near.name,
        match_words=near.words,
        match_loose=near.loose,
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
        text=fit(toll.text, 10_000),
        span_start=toll.span.start if toll.span else None,
        span_end=toll.span.end if toll.span else None,
        sentence=_clip(text, sentence) if sentence else None,
        rule=toll.rule[:40],
    )


class RowCache:
    """Get-or-create for places, actors and sources within one transaction.

    A missing row is inserted with INSERT ... ON CONFLICT DO NOTHING, then read back:
    when another process inserts the same place or actor at the same moment, both
    end up with the one row instead of one failing on the unique constraint.
    """

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
            values = {
                "name": fit(mention.name, 300),
                "country": fit(mention.country, 2),
                "admin1": fit(mention.admin1, 200),
                "admin2": fit(mention.admin2, 200),
                "lat": mention.lat,
                "lon": mention.lon,
                "geonameid": mention.geonameid,
                "precision": mention.precision,
            }
            self.places[key] = get_or_create(self.session, PlaceRow, {"key": key}, values)
        return self.places[key]

    def actor(self, mention: ActorMention | None) -> ActorRow | None:
        if mention is None:
            return None
        actor = mention.actor
        key = (storable(actor.name)[:300], storable(actor.type)[:20])
        if key not in self.actors:
            self.actors[key] = get_or_create(
                self.session,
                ActorRow,
                {"name": key[0], "type": key[1]},
                {"category": storable(actor.category)[:40]},
            )
        return self.actors[key]

    def source(self, mention: SourceMention | None) -> SourceRow | None:
        if mention is None:
            return None
        name = storable(mention.name)[:500]
        if name not in self.sources:
            self.sources[name] = get_or_create(
                self.session, SourceRow, {"name": name}, {"role": mention.role}
            )
        return self.sources[name]


def get_or_create(
    session: Session, model: type[Any], key: dict[str, Any], values: dict[str, Any]
) -> Any:
    """The row of `model` whose unique columns equal `key`, inserted when missing
    (with `values`); safe when another transaction inserts the same row meanwhile."""
    query = select(model).filter_by(**key)
    row = session.scalar(query)
    if row is not None:
        return row
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(model).values(**key, **values).on_conflict_do_nothing())
    return session.scalars(query).one()


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
    key = "name:" + storable("|".join("" if p is None else str(p) for p in parts))[:790]
    if len(key.encode("utf-8")) > PLACE_KEY_BYTES:  # keep the unique index within its limit
        key = key[:200] + "~" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key
