"""SQLAlchemy 2 models of the incident database (docs/data-model.md draws them).

Reports own their incidents; an incident owns its figures (one per outcome), its
evidence sentences and its links to the aggregate it is part of. Events group
incidents of different reports that describe one real event; `event_figures`
says which figure gave each of the event's tolls, `merges` why incidents were
joined. `audit_log` records every change the store makes.

The Alembic migrations in `tollwatch/migrations/versions` create exactly these
tables; a test compares the two so they cannot drift.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

KEY_LEN = 1000  # column width of report keys and ids (characters)
KEY_BYTES = 900  # longer keys are shortened with a hash (ingest.store_key): index-safe


class Base(DeclarativeBase):
    """Declarative base of every tollwatch table."""


class ReportRow(Base):
    """One stored report; `key` its identity (docs/store.md, "Report keys"), `report_id`
    the id as read (file name, JSONL id), `source` the URI of the file or feed it was
    read from (None: standard input or the API), `content_hash` the sha256 of its text."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LEN), unique=True)
    report_id: Mapped[str] = mapped_column(String(KEY_LEN))
    source: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    # ISO 639-1 code of the report's language, given by its reader or detected
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    incidents: Mapped[list[IncidentRow]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True
    )
    keys: Mapped[list[ReportKeyRow]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True
    )


class ReportKeyRow(Base):
    """A match key of a report (store/keys.py): a named person, a street, a proper name.

    Indexed by (kind, key) so that matching can find the reports sharing a key.
    """

    __tablename__ = "report_keys"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)

    report: Mapped[ReportRow] = relationship(back_populates="keys")


Index("ix_report_keys_kind_key", ReportKeyRow.kind, ReportKeyRow.key)


class RejectionRow(Base):
    """A report that could not be read, extracted or stored, with the reason.

    One row per (key, origin); `fingerprint` (sha256 of both) keeps it unique with an
    index of fixed size, whatever the lengths of the two."""

    __tablename__ = "rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LEN), index=True)
    origin: Mapped[str] = mapped_column(String(2000))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SourceRow(Base):
    """Who reported a figure (the Observatory, a ministry, an armed group's outlet)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    role: Mapped[str] = mapped_column(String(20))


class PlaceRow(Base):
    """A gazetteer place (or a named place without coordinates); `key` makes it unique."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(800), unique=True)
    name: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    precision: Mapped[str] = mapped_column(String(10))


class ActorRow(Base):
    """A normalised actor (perpetrator or victim) with its type and coarse category."""

    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("name", "type", name="uq_actors_name_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))


class EventRow(Base):
    """One real event: incidents of one or more reports, with reconciled tolls.

    `counted` is true when a member is a top-level incident of its report (not
    a claim, not a part of an aggregate): only counted events enter tallies.
    """

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    counted: Mapped[bool] = mapped_column(Boolean)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str] = mapped_column(String(10))
    event_type: Mapped[str] = mapped_column(String(40))
    sub_event_type: Mapped[str | None] = mapped_column(String(60))
    perpetrator: Mapped[str | None] = mapped_column(String(300))
    perpetrator_type: Mapped[str | None] = mapped_column(String(20))
    victim: Mapped[str | None] = mapped_column(String(300))
    victim_type: Mapped[str | None] = mapped_column(String(20))
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_best: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    wounded_low: Mapped[int | None] = mapped_column(Integer)
    wounded_best: Mapped[int | None] = mapped_column(Integer)
    wounded_high: Mapped[int | None] = mapped_column(Integer)
    claims: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[str | None] = mapped_column(Text)
    n_reports: Mapped[int] = mapped_column(Integer)
    toll_rule: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    incidents: Mapped[list[IncidentRow]] = relationship(back_populates="event")


class IncidentRow(Base):
    """One incident, aggregate or claim of one report (the output contract's Incident)."""

    __tablename__ = "incidents"
    __table_args__ = (UniqueConstraint("report_id", "local_id", name="uq_incidents_report_local"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(KEY_LEN + 100))
    kind: Mapped[str] = mapped_column(String(16))
    top_level: Mapped[bool] = mapped_column(Boolean)
    event_type: Mapped[str] = mapped_column(String(40))
    sub_event_type: Mapped[str | None] = mapped_column(String(60))
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10))
    date_text: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    place_text: Mapped[str | None] = mapped_column(Text)
    place_precision: Mapped[str] = mapped_column(String(10))
    perpetrator_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    victim_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    victim_text: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    source_role: Mapped[str] = mapped_column(String(20))
    source_via: Mapped[str | None] = mapped_column(String(300))
    claim_of: Mapped[str | None] = mapped_column(String(KEY_LEN + 100))
    confidence: Mapped[float] = mapped_column(Float)
    update: Mapped[bool] = mapped_column(Boolean)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    # What candidate queries of matching look up (store/incremental.py), derived at
    # write time (rows.py, `match_columns`): the place's country, and the ordered
    # date interval of an incident matchable by date (None otherwise); `date_long`
    # marks an interval longer than LONG_SPAN_DAYS, which the bounded range query
    # on `date_from` would miss. Indexed by (match_country, date_long, date_from, date_to).
    match_country: Mapped[str | None] = mapped_column(String(2))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    date_long: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Where the incident is, as the candidate query by date narrows it (store/match_place.py,
    # derived at write time): the normalised province, a coarse grid cell of a located
    # point, the fine place's name, the place's written words, and whether the place is
    # a person's name in the report (which lifts the narrowing).
    match_admin1: Mapped[str | None] = mapped_column(String(200))
    match_cell: Mapped[int | None] = mapped_column(Integer)
    match_name: Mapped[str | None] = mapped_column(String(200))
    match_words: Mapped[str | None] = mapped_column(String(200))
    match_loose: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    report: Mapped[ReportRow] = relationship(back_populates="incidents")
    event: Mapped[EventRow | None] = relationship(back_populates="incidents")
    place: Mapped[PlaceRow | None] = relationship()
    perpetrator: Mapped[ActorRow | None] = relationship(foreign_keys=[perpetrator_id])
    victim: Mapped[ActorRow | None] = relationship(foreign_keys=[victim_id])
    source: Mapped[SourceRow | None] = relationship()
    figures: Mapped[list[FigureRow]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", passive_deletes=True
    )
    evidence: Mapped[list[EvidenceRow]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", passive_deletes=True
    )


# date_to last: the overlap test runs on index entries, before any row is read
Index(
    "ix_incidents_match",
    IncidentRow.match_country,
    IncidentRow.date_long,
    IncidentRow.date_from,
    IncidentRow.date_to,
)
Index("ix_incidents_match_any", IncidentRow.date_long, IncidentRow.date_from, IncidentRow.date_to)
# the candidate query by date narrowed by place (candidates.py): one index per way a
# candidate may be near, each with the date columns (and the province's with the cell
# last: "not a located point" is tested on its entries)
_DATED = ("date_long", "date_from", "date_to")
PLACE_INDEXES = {
    "ix_incidents_match_admin1": ("match_country", "match_admin1", *_DATED, "match_cell"),
    "ix_incidents_match_cell": ("match_cell", *_DATED),
    "ix_incidents_match_name": ("match_name", *_DATED),
    "ix_incidents_match_words": ("match_words", *_DATED),
    "ix_incidents_match_loose": ("match_loose", *_DATED),
}
for _name, _columns in PLACE_INDEXES.items():
    Index(_name, *(getattr(IncidentRow, c) for c in _columns))


class IncidentPartRow(Base):
    """`aggregate` covers `part` (both incidents of the same report)."""

    __tablename__ = "incident_parts"

    aggregate_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    part_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )

    aggregate: Mapped[IncidentRow] = relationship(foreign_keys=[aggregate_id])
    part: Mapped[IncidentRow] = relationship(foreign_keys=[part_id])


class EvidenceRow(Base):
    """A sentence supporting an incident: offsets into the report text and the text itself."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    incident: Mapped[IncidentRow] = relationship(back_populates="evidence")


class FigureRow(Base):
    """One outcome's figure of an incident (killed, wounded, abducted, missing)."""

    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[str] = mapped_column(String(10))
    low: Mapped[int | None] = mapped_column(Integer)
    best: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(40))

    incident: Mapped[IncidentRow] = relationship(back_populates="figures")


class EventFigureRow(Base):
    """Which figure gave an event's toll (`measure` killed_best, killed_low, claim, ...)."""

    __tablename__ = "event_figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    measure: Mapped[str] = mapped_column(String(20))
    value: Mapped[int | None] = mapped_column(Integer)
    figure_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"))


class MergeRow(Base):
    """Why an incident joined an event: the pair that linked it, its score and reasons."""

    __tablename__ = "merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"))
    other_incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """One change made by the store: what, to which row, when, with details."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    entity_key: Mapped[str | None] = mapped_column(String(KEY_LEN))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class WatchSourceRow(Base):
    """A source `tollwatch watch` polls (a feed, an index page, a folder), its HTTP
    validators for conditional requests, and its health (docs/watch.md)."""

    __tablename__ = "watch_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    every_seconds: Mapped[int] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(8))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    next_due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer)
    items_seen: Mapped[int] = mapped_column(Integer)
    items_new: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class WatchItemRow(Base):
    """One article met by the watch loop, whatever URLs it came under: the report
    it is stored as (`report_key`), its content hash and MinHash signature (to know
    it again), and how many versions of its text were stored."""

    __tablename__ = "watch_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("watch_sources.id", ondelete="SET NULL"), index=True
    )
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    report_key: Mapped[str] = mapped_column(String(KEY_LEN))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    minhash: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    versions: Mapped[int] = mapped_column(Integer)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)


class WatchLinkRow(Base):
    """A URL (normalised: no tracking parameters, no fragment) the watch loop has met,
    with the item it leads to (None: a page that is not an article) and a fingerprint
    of its listing entry, so that an entry that changes is fetched again."""

    __tablename__ = "watch_links"

    url_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("watch_items.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("watch_sources.id", ondelete="SET NULL")
    )
    entry_hash: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class AlertSentRow(Base):
    """One alert e-mail sent (docs/watch.md, "Alerts"): which rule, which event, to whom,
    and the killed figures it told. An alert is sent again for the same rule, event and
    recipient only when the event's figures differ from the last row's. Written only
    after the SMTP server took the message; no foreign key, so the record outlives an
    event deleted by a re-match."""

    __tablename__ = "alerts_sent"
    __table_args__ = (Index("ix_alerts_sent_rule_event", "rule", "event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(200))
    event_id: Mapped[int] = mapped_column(Integer)
    recipient: Mapped[str] = mapped_column(String(320))
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_best: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    message_id: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[datetime] = mapped_column(DateTime)
