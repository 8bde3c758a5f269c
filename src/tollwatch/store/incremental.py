"""Incremental matching: re-cluster only what new or replaced reports touch.

    match_touched(session, reports, events, settings) -> MatchStats

The greedy clustering (matching.cluster) only ever joins units linked by a
candidate pair scoring at least the threshold without a veto (and a veto only acts
between units so linked), so its result on a set of units closed under "forms such
a pair with", "in the same report as" and "in the same event as" is the result a
full re-match gives for those units. `match_touched` grows that closure from the
incidents of the touched reports (and the members of the events their old
incidents were in) through indexed queries (incident dates, report match keys,
event and report membership), clusters it with `match_units`, and writes the
changed events with the code of the full pass (events.py). A name key is dropped
when the whole store holds it more than `common_key` times, as a full pass does.
`Store.match()` (tollwatch rematch) stays the full rebuild.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from .events import (
    MatchStats,
    _apply,
    _attach_claims,
    _plan,
    choose_events,
    to_unit,
)
from .ingest import audit
from .matching import MatchSettings, MatchUnit, candidate_pairs, match_units, score_pair
from .models import EventRow, IncidentRow, ReportKeyRow, ReportRow

CHUNK = 500  # ids per IN (...) query


def _load(session: Session, condition: Any) -> list[IncidentRow]:
    query = (
        select(IncidentRow)
        .where(condition)
        .options(
            joinedload(IncidentRow.report).load_only(ReportRow.key, ReportRow.published),
            joinedload(IncidentRow.place),
            joinedload(IncidentRow.perpetrator),
            joinedload(IncidentRow.victim),
            joinedload(IncidentRow.source),
            selectinload(IncidentRow.figures),
        )
    )
    return list(session.scalars(query).unique())


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    values = sorted(set(ids))
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _by_ids(session: Session, column: Any, ids: Iterable[int]) -> list[IncidentRow]:
    return [row for chunk in _chunks(ids) for row in _load(session, column.in_(chunk))]


def _ranges(rows: Sequence[IncidentRow], window: int) -> list[tuple[date, date]]:
    """The frontier's dates, widened by the window and merged into few ranges."""
    spans = sorted(
        (min(s, e) - timedelta(days=window), max(s, e) + timedelta(days=window))
        for r in rows
        if (s := r.date_start or r.date_end) is not None
        and (e := r.date_end or r.date_start) is not None
    )
    merged: list[tuple[date, date]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _by_dates(session: Session, ranges: Sequence[tuple[date, date]]) -> list[IncidentRow]:
    start, end = IncidentRow.date_start, IncidentRow.date_end
    out: list[IncidentRow] = []
    for first in range(0, len(ranges), 50):  # one query for up to 50 ranges
        overlaps = [
            or_(
                and_(func.coalesce(start, end) <= hi, func.coalesce(end, start) >= lo),
                and_(end <= hi, start >= lo),  # a reversed interval
            )
            for lo, hi in ranges[first : first + 50]
        ]
        out.extend(_load(session, or_(*overlaps)))
    return out


def _keys(session: Session, report_ids: Iterable[int]) -> dict[int, frozenset[tuple[str, str]]]:
    found: dict[int, set[tuple[str, str]]] = {}
    for chunk in _chunks(report_ids):
        query = select(ReportKeyRow.report_id, ReportKeyRow.kind, ReportKeyRow.key).where(
            ReportKeyRow.report_id.in_(chunk))
        for report_id, kind, key in session.execute(query):
            found.setdefault(report_id, set()).add((kind, key))
    return {r: frozenset(k) for r, k in found.items()}


def _sharing(session: Session, keys: set[tuple[str, str]]) -> set[int]:
    """Reports holding any of `keys`."""
    out: set[int] = set()
    listed = sorted(keys)
    for start in range(0, len(listed), CHUNK):
        chunk = listed[start : start + CHUNK]
        query = select(ReportKeyRow.report_id).where(
            or_(*(and_(ReportKeyRow.kind == k, ReportKeyRow.key == v) for k, v in chunk)))
        out.update(session.scalars(query))
    return out


def _crossed(keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """`keys` and, for a person or a name, the same words as the other kind: a person
    named with an age in one report is matched by name alone in another (key_match)."""
    other = {"person": "name", "name": "person"}
    return keys | {(other[k], v) for k, v in keys if k in other}


def _common_names(session: Session, names: set[str], limit: int) -> set[str]:
    """Name keys that more than `limit` matchable units of the whole store hold (as the
    full pass counts them: units with a publication or start date, attached claims out)."""
    out: set[str] = set()
    listed = sorted(names)
    attached = and_(IncidentRow.kind == "claim", IncidentRow.claim_of.is_not(None))
    for start in range(0, len(listed), CHUNK):
        query = (
            select(ReportKeyRow.key, func.count(IncidentRow.id))
            .join(IncidentRow, IncidentRow.report_id == ReportKeyRow.report_id)
            .join(ReportRow, ReportRow.id == IncidentRow.report_id)
            .where(ReportKeyRow.kind == "name", ReportKeyRow.key.in_(listed[start:start + CHUNK]),
                   ~attached,
                   or_(ReportRow.published.is_not(None), IncidentRow.date_start.is_not(None)))
            .group_by(ReportKeyRow.key)
        )
        out.update(key for key, count in session.execute(query) if count > limit)
    return out


class _Closure:
    """The touched incidents, grown until closed (see the module docstring)."""

    def __init__(self, session: Session, settings: MatchSettings) -> None:
        self.session, self.settings = session, settings
        self.rows: dict[int, IncidentRow] = {}
        self.keys: dict[int, frozenset[tuple[str, str]]] = {}
        self.common: set[str] = set()

    def grow(self, seed: list[IncidentRow]) -> None:
        frontier = self._new(seed)
        while frontier:
            self._absorb(frontier)
            frontier = self._neighbours(frontier)

    def _new(self, rows: Iterable[IncidentRow]) -> list[IncidentRow]:
        out: dict[int, IncidentRow] = {}
        for row in rows:
            if row.id not in self.rows and row.id not in out:
                out[row.id] = row
        return list(out.values())

    def _absorb(self, rows: Sequence[IncidentRow]) -> None:
        for row in rows:
            self.rows[row.id] = row
        missing = {r.report_id for r in rows} - set(self.keys)
        for report_id in missing:
            self.keys.setdefault(report_id, frozenset())
        self.keys.update(_keys(self.session, missing))

    def unit(self, row: IncidentRow) -> MatchUnit:
        keys = self.keys.get(row.report_id, frozenset())
        if self.common:
            keys = frozenset(k for k in keys if not (k[0] == "name" and k[1] in self.common))
        return to_unit(row, keys)

    def _neighbours(self, frontier: Sequence[IncidentRow]) -> list[IncidentRow]:
        """Incidents linked to the frontier that the closure lacks."""
        s = self.session
        sure = _by_ids(s, IncidentRow.report_id, {r.report_id for r in frontier})
        sure += _by_ids(s, IncidentRow.event_id, {r.event_id for r in frontier if r.event_id})
        maybe = _by_dates(s, _ranges(frontier, self.settings.window_days))
        frontier_keys = {k for r in frontier for k in self.keys.get(r.report_id, frozenset())}
        names = {v for k, v in frontier_keys if k == "name"} - self.common
        self.common |= _common_names(s, names, self.settings.common_key)
        if frontier_keys:
            maybe += _by_ids(s, IncidentRow.report_id, _sharing(s, _crossed(frontier_keys)))
        fresh = self._new([*sure, *maybe])
        if not fresh:
            return []
        self.keys.update(_keys(s, {r.report_id for r in fresh} - set(self.keys)))
        linked = self._paired(frontier, fresh)
        return self._new([*sure, *(r for r in fresh if r.id in linked)])

    def _paired(self, frontier: Sequence[IncidentRow], fresh: Sequence[IncidentRow]) -> set[int]:
        """Ids of `fresh` rows that form a candidate pair with a frontier row."""
        matchable = [r for r in (*frontier, *fresh) if not (r.kind == "claim" and r.claim_of)]
        ids = {r.id for r in frontier}
        linked: set[int] = set()
        for a, b in candidate_pairs([self.unit(r) for r in matchable], self.settings):
            if (a.id in ids) == (b.id in ids):
                continue
            pair = score_pair(a, b, self.settings)
            # only a pair that can join two clusters links them: one below the threshold
            # or vetoed never does, and a veto only acts between units so linked
            if not pair.veto and pair.score >= self.settings.threshold:
                linked.add(b.id if a.id in ids else a.id)
        return linked


def match_touched(
    session: Session,
    reports: Collection[int],
    events: Collection[int] = (),
    settings: MatchSettings | None = None,
) -> MatchStats:
    """Re-match what the reports with these row ids (and these events) touch; the
    result equals a full `match_store` for those incidents."""
    settings = settings or MatchSettings()
    closure = _Closure(session, settings)
    seed = _by_ids(session, IncidentRow.report_id, reports)
    seed += _by_ids(session, IncidentRow.event_id, events)
    closure.grow(seed)
    # names counted again over the closure's final keys (a key met late may be common)
    all_names = {v for keys in closure.keys.values() for k, v in keys if k == "name"}
    closure.common = _common_names(session, all_names, settings.common_key)
    rows = sorted(closure.rows.values(), key=lambda r: r.id)
    by_id = {r.id: r for r in rows}
    before = {r.event_id for r in rows if r.event_id} | set(events)
    attached = [r for r in rows if r.kind == "claim" and r.claim_of]
    units = [closure.unit(r) for r in rows if not (r.kind == "claim" and r.claim_of)]
    groups = _attach_claims(match_units(units, settings), attached, by_id)
    stats = MatchStats(incidents=len(rows), events=len(groups))
    taken = _assign(session, groups, by_id)
    plans = [
        plan
        for (members, links), event in zip(groups, taken, strict=True)
        if (plan := _plan(event, [by_id[m] for m in members], links)) is not None
    ]
    _apply(session, plans, stats)
    _delete_empty(session, before, stats)
    return stats


def _delete_empty(session: Session, candidates: Iterable[int], stats: MatchStats) -> None:
    """Delete the events among `candidates` left without incidents (as the full
    pass's `_delete_orphans`, without scanning every event)."""
    session.flush()
    for chunk in _chunks(candidates):
        query = select(EventRow).where(EventRow.id.in_(chunk), ~EventRow.incidents.any())
        for event in session.scalars(query):
            audit(session, "event.delete", "event", event.id, None, reason="no incidents left")
            session.delete(event)
            stats.deleted += 1


def _assign(
    session: Session, groups: Sequence[tuple[list[int], list[Any]]], by_id: dict[int, IncidentRow]
) -> list[EventRow]:
    """As events._assign_events, over the events the closure's incidents belong to."""
    wanted = {r.event_id for r in by_id.values() if r.event_id}
    existing: dict[int, EventRow] = {}
    for chunk in _chunks(wanted):
        existing.update({e.id: e for e in session.scalars(
            select(EventRow).where(EventRow.id.in_(chunk)))})
    return choose_events(groups, by_id, existing)


def unmatched_reports(session: Session) -> set[int]:
    """Row ids of the reports with an incident in no event: stored by a run that stopped
    before matching (every incident is in an event after a match). Indexed
    (ix_incidents_event_id), so the cost follows those incidents, not the store."""
    query = select(IncidentRow.report_id).where(IncidentRow.event_id.is_(None)).distinct()
    return set(session.scalars(query))
