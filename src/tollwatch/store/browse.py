"""Read-only views of the store for the web workspace (docs/web.md).

`list_events(session, EventFilter(...))` pages through events with the list's
filters; `event_detail()` gathers an event's evidence (members, figures with their
sentences, claims, match explanations); `report_detail()` a report's text with
every extracted figure, date, place and actor marked. The web layer only renders
what these return: plain dicts and dataclasses, no ORM rows leave a session.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from . import review
from .mapgrid import grid_cells, unplaced
from .models import (
    AuditRow,
    EventFigureRow,
    EventRow,
    IncidentRow,
    MergeRow,
    ReportRow,
)
from .review_models import ReviewRow
from .search import text_match
from .tally import net_sums, period_of

SORTS = {
    "date": EventRow.date_start,
    "killed": EventRow.killed_best,
    "id": EventRow.id,
    "reports": EventRow.n_reports,
    "country": EventRow.country,
}
MAX_PER_PAGE = 500
EVENT_COLUMNS = (
    "id", "kind", "counted", "date_start", "date_end", "date_precision", "country", "admin1",
    "location", "lat", "lon", "place_precision", "event_type", "sub_event_type", "perpetrator",
    "perpetrator_type", "victim", "victim_type", "killed_low", "killed_best", "killed_high",
    "wounded_low", "wounded_best", "wounded_high", "claims", "summary", "sources", "n_reports",
    "toll_rule",
)  # fmt: skip


@dataclass(frozen=True)
class EventFilter:
    """The events list's filters (every one optional; they combine with AND)."""

    country: str | None = None
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    perpetrator_type: str | None = None
    victim_type: str | None = None
    min_killed: int | None = None
    q: str | None = None  # free text inside location, admin1, perpetrator, victim or sources
    counted: bool | None = None
    reviewed: bool | None = None  # True: events a person reviewed; False: machine only

    def as_params(self) -> dict[str, str]:
        """The filter as URL query parameters (only the ones set)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, bool):
                out[f.name] = "yes" if value else "no"
            else:
                out[f.name] = value.isoformat() if isinstance(value, date) else str(value)
        return out


@dataclass
class Page:
    """One page of the events list."""

    total: int
    page: int
    per_page: int
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def event_dict(row: EventRow) -> dict[str, Any]:
    """An event row as a plain dict of its columns."""
    return {name: getattr(row, name) for name in EVENT_COLUMNS}


def filtered(query: Select[Any], flt: EventFilter) -> Select[Any]:
    """`query` (over EventRow) narrowed by the filter."""
    conditions: list[Any] = []
    if flt.country:
        conditions.append(EventRow.country == flt.country.upper())  # stored upper-case
    if flt.admin1:
        conditions.append(EventRow.admin1 == flt.admin1)
    if flt.since:
        conditions.append(EventRow.date_start >= flt.since)
    if flt.until:
        conditions.append(EventRow.date_start <= flt.until)
    if flt.event_type:
        conditions.append(EventRow.event_type == flt.event_type)
    if flt.perpetrator_type:
        conditions.append(EventRow.perpetrator_type == flt.perpetrator_type)
    if flt.victim_type:
        conditions.append(EventRow.victim_type == flt.victim_type)
    if flt.min_killed is not None:
        conditions.append(EventRow.killed_best >= flt.min_killed)
    if flt.counted is not None:
        conditions.append(EventRow.counted.is_(flt.counted))
    if flt.reviewed is not None:
        touched = EventRow.id.in_(select(ReviewRow.event_id).where(ReviewRow.event_id.is_not(None)))
        conditions.append(touched if flt.reviewed else ~touched)
    if flt.q and flt.q.strip():
        conditions.append(text_match(flt.q))
    return query.where(*conditions) if conditions else query


def list_events(
    session: Session,
    flt: EventFilter,
    *,
    sort: str = "date",
    descending: bool = True,
    page: int = 1,
    per_page: int = 50,
    total: int | None = None,
) -> Page:
    """One page of events matching `flt`, sorted by `sort` (date, killed, id, reports,
    country); unknown values sort last either way, ties broken by id. `total`: the
    number of events matching `flt` when the caller knows it (see `count_events`)."""
    column = SORTS.get(sort, EventRow.date_start)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    page = max(page, 1)
    if total is None:
        total = count_events(session, flt)
    order: list[Any] = [(column.desc() if descending else column.asc()).nulls_last()]
    order.append(EventRow.id.desc() if descending else EventRow.id.asc())
    query = filtered(select(EventRow), flt).order_by(*order)
    rows = [
        event_dict(r) for r in session.scalars(query.offset((page - 1) * per_page).limit(per_page))
    ]
    touched = set(
        session.scalars(
            select(ReviewRow.event_id).where(ReviewRow.event_id.in_([r["id"] for r in rows]))
        )
    )
    for row in rows:
        row["reviewed"] = row["id"] in touched
    return Page(int(total), page, per_page, rows)


def count_events(session: Session, flt: EventFilter) -> int:
    """How many events match `flt` (the list's total)."""
    return int(session.scalar(filtered(select(func.count(EventRow.id)), flt)) or 0)


def choices(session: Session) -> dict[str, list[str]]:
    """The distinct values of the list's select filters (for the filter form)."""
    out: dict[str, list[str]] = {}
    for name in ("country", "event_type", "perpetrator_type", "victim_type"):
        column = getattr(EventRow, name)
        values = session.scalars(select(column).where(column.is_not(None)).distinct())
        out[name] = sorted(str(v) for v in values)
    return out


# ---- one event -------------------------------------------------------------------


def highlight(sentence: str | None, text: str | None) -> list[tuple[str, bool]]:
    """The sentence cut into (piece, marked) parts, the figure's words marked.

    >>> highlight("Some 12 people died.", "12")
    [('Some ', False), ('12', True), (' people died.', False)]
    """
    if not sentence:
        return []
    at = sentence.find(text) if text else -1
    if at < 0:
        return [(sentence, False)]
    end = at + len(text or "")
    return [(p, m) for p, m in ((sentence[:at], False), (sentence[at:end], True),
                                (sentence[end:], False)) if p]  # fmt: skip


def event_detail(session: Session, event_id: int) -> dict[str, Any] | None:
    """Everything the event page shows, or None when there is no such event."""
    event = session.get(EventRow, event_id)
    if event is None:
        return None
    members = list(
        session.scalars(
            select(IncidentRow)
            .where(IncidentRow.event_id == event_id)
            .options(
                selectinload(IncidentRow.figures),
                selectinload(IncidentRow.report).load_only(
                    ReportRow.id, ReportRow.key, ReportRow.title, ReportRow.outlet,
                    ReportRow.published, ReportRow.url,
                ),
                selectinload(IncidentRow.source),
                selectinload(IncidentRow.place),
                selectinload(IncidentRow.perpetrator),
                selectinload(IncidentRow.victim),
            )
            .order_by(IncidentRow.id)
        )
    )  # fmt: skip
    used: dict[int, list[str]] = {}
    for figure_id, measure in session.execute(
        select(EventFigureRow.figure_id, EventFigureRow.measure).where(
            EventFigureRow.event_id == event_id
        )
    ):
        used.setdefault(figure_id, []).append(measure)
    incidents = [_member(m, used) for m in members]
    figures = [f for i in incidents for f in i["figures"]]
    merges = [
        {"score": r.score, "incidents": [r.incident_id, r.other_incident_id], **r.explanation}
        for r in session.scalars(
            select(MergeRow).where(MergeRow.event_id == event_id).order_by(MergeRow.id)
        )
    ]
    return {
        "event": event_dict(event),
        "incidents": [i for i in incidents if i["kind"] != "claim"],
        "claims": [i for i in incidents if i["kind"] == "claim"],
        "figures": figures,
        "merges": merges,
        "reviewed": review.reviewed_fields(session, event_id),
        "audit": review.audit_trail(session, event_id),
    }


def _member(m: IncidentRow, used: dict[int, list[str]]) -> dict[str, Any]:
    report = m.report
    return {
        "id": m.id,
        "local_id": m.local_id,
        "kind": m.kind,
        "top_level": m.top_level,
        "event_type": m.event_type,
        "date_start": m.date_start,
        "date_text": m.date_text,
        "place": m.place.name if m.place else m.place_text,
        "place_precision": m.place_precision,
        "perpetrator": m.perpetrator.name if m.perpetrator else None,
        "victim": m.victim.name if m.victim else m.victim_text,
        "source": m.source.name if m.source else None,
        "source_role": m.source_role,
        "claim_of": m.claim_of,
        "confidence": m.confidence,
        "report": {
            "id": report.id,
            "key": report.key,
            "title": report.title,
            "outlet": report.outlet,
            "published": report.published,
        },
        "figures": [
            {
                "id": f.id,
                "outcome": f.outcome,
                "low": f.low,
                "best": f.best,
                "high": f.high,
                "text": f.text,
                "rule": f.rule,
                "sentence": f.sentence,
                "parts": highlight(f.sentence, f.text),
                "source": m.source.name if m.source else None,
                "role": m.source_role,
                "kind": m.kind,
                "report_id": report.id,
                "report_key": report.key,
                "used_for": sorted(used.get(f.id, [])),
            }
            for f in sorted(m.figures, key=lambda f: f.id)
        ],
    }


# ---- one report ------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A marked stretch of a report's text: what was extracted there."""

    start: int
    end: int
    kind: str  # figure, date, place, actor, evidence
    label: str


def report_detail(session: Session, report_id: int) -> dict[str, Any] | None:
    """A report with its text cut into marked segments, or None when there is none."""
    report = session.get(ReportRow, report_id)
    if report is None:
        return None
    incidents = list(
        session.scalars(
            select(IncidentRow)
            .where(IncidentRow.report_id == report_id)
            .options(
                selectinload(IncidentRow.figures),
                selectinload(IncidentRow.evidence),
                selectinload(IncidentRow.perpetrator),
                selectinload(IncidentRow.victim),
                selectinload(IncidentRow.place),
                selectinload(IncidentRow.source),
            )
            .order_by(IncidentRow.id)
        )
    )
    marks = report_marks(report.text, incidents)
    return {
        "report": {
            "id": report.id,
            "key": report.key,
            "report_id": report.report_id,
            "title": report.title,
            "outlet": report.outlet,
            "url": report.url,
            "published": report.published,
            "language": report.language,
            "origin": report.origin,
        },
        "segments": segments(report.text, marks),
        "incidents": [
            {
                "id": i.id,
                "local_id": i.local_id,
                "kind": i.kind,
                "event_id": i.event_id,
                "event_type": i.event_type,
                "date_start": i.date_start,
                "place": i.place.name if i.place else i.place_text,
                "perpetrator": i.perpetrator.name if i.perpetrator else None,
                "victim": i.victim.name if i.victim else i.victim_text,
                "source": i.source.name if i.source else None,
                "source_role": i.source_role,
                "figures": [
                    {"outcome": f.outcome, "low": f.low, "best": f.best, "high": f.high,
                     "text": f.text}
                    for f in i.figures
                ],
            }
            for i in incidents
        ],
    }  # fmt: skip


def report_marks(text: str, incidents: list[IncidentRow]) -> list[Mark]:
    """Figures by their offsets; dates, places and actors where their words first occur."""
    marks: list[Mark] = []
    for inc in incidents:
        for f in inc.figures:
            if f.span_start is not None and f.span_end is not None:
                marks.append(Mark(f.span_start, f.span_end, "figure", f"{f.outcome} {f.best}"))
        words = [
            ("date", inc.date_text),
            ("place", inc.place_text),
            ("actor", inc.perpetrator.name if inc.perpetrator else None),
            ("actor", inc.victim_text),
        ]
        for kind, word in words:
            if word and len(word) > 1:
                at = text.find(word)
                if at >= 0:
                    marks.append(Mark(at, at + len(word), kind, word))
    return marks


def segments(text: str, marks: list[Mark]) -> list[tuple[str, str | None, str]]:
    """The text cut into (piece, mark kind or None, label), marks kept apart (the first
    of two overlapping marks wins); offsets outside the text are ignored."""
    out: list[tuple[str, str | None, str]] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < at or mark.end > len(text) or mark.end <= mark.start:
            continue
        if mark.start > at:
            out.append((text[at : mark.start], None, ""))
        out.append((text[mark.start : mark.end], mark.kind, mark.label))
        at = mark.end
    if at < len(text):
        out.append((text[at:], None, ""))
    return out


def event_count(session: Session) -> int:
    """How many events the store holds."""
    return int(session.scalar(select(func.count(EventRow.id))) or 0)


__all__ = [
    "EventFilter",
    "Mark",
    "Page",
    "choices",
    "event_detail",
    "list_events",
    "report_detail",
]


# ---- map and timeline ----------------------------------------------------------

def map_cells(
    session: Session,
    flt: EventFilter,
    grid: float = 0.1,
    bbox: tuple[float, float, float, float] | None = None,
) -> dict[str, Any]:
    """Events with coordinates aggregated on a grid of about `grid` degrees (within
    `bbox`, south, west, north, east, when given): per cell its events, killed (best,
    summed), mean position, how many are placed to a point and one event id. The grid is
    the smallest step of `mapgrid.STEPS` at or above `grid` that gives at most
    `mapgrid.MAX_CELLS` cells (store/mapgrid.py: summed on indexes)."""
    narrow = partial(filtered, flt=flt)
    step, cells = grid_cells(session, narrow, grid, bbox)
    return {"grid": step, "cells": cells, "unplaced": unplaced(session, narrow)}


def timeline(
    session: Session, flt: EventFilter, *, by: str = "month", group: str | None = "country"
) -> list[tuple[str, str, int]]:
    """Killed (best, counted once as in tallies) per period and group, over the events
    the filter selects: (period, group, killed) sorted by period."""
    sums: dict[tuple[str, str], int] = {}
    narrow = partial(filtered, flt=flt)
    for (day, value), (_, _, best, _) in net_sums(session, narrow, group).items():
        if best:  # net tolls are never negative: a sum of 0 holds no killed
            key = (period_of(day, by), str(value) if value else "unknown")
            sums[key] = sums.get(key, 0) + best
    return [(p, g, k) for (p, g), k in sorted(sums.items())]


def version(session: Session) -> tuple[Any, ...]:
    """A cheap fingerprint of the events' state (three index look-ups): it changes
    whenever the store writes events (every such write is audited: ingest, matching,
    reviews) or reviews; the workspace's caches of tallies and maps key on it."""
    row = session.execute(
        select(
            select(func.max(AuditRow.id)).scalar_subquery(),
            select(func.max(EventRow.id)).scalar_subquery(),
            select(func.max(ReviewRow.id)).scalar_subquery(),
        )
    ).one()
    return tuple(row)
