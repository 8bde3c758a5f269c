"""Incremental matching: re-cluster only what new or replaced reports touch.

    match_touched(session, reports, events, settings) -> MatchStats

The greedy clustering (matching.cluster) only ever joins units linked by a
candidate pair scoring at least the threshold without a veto (and a veto only acts
between units so linked), so its result on a set of units closed under "forms such
a pair with", "in the same report as" and "in the same event as" is the result a
full re-match gives for those units. `match_touched` grows that closure from the
incidents of the touched reports (and the members of the events their old
incidents were in), clusters it with `match_units`, and writes the changed events
with the code of the full pass (events.py). A name key is dropped when the whole
store holds it more than `common_key` times, as a full pass does.

Each round of growth asks indexed queries only (candidates.py): incidents of the
same country (or none) whose stored date interval overlaps the frontier's dates
widened by the window and that can link by place (match_place.vicinity: the same or
an unknown province, a grid cell within far_km, the same name or written words),
and reports sharing a non-common match key. Candidates are
read as plain columns and scored against the frontier; only those that link (or
share a report or an event with it) are loaded as rows and join the closure. So
the cost follows the new reports and the density of incidents around their dates
and places, not the size of the store. `Store.match()` (tollwatch rematch) stays
the full rebuild.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from .candidates import (
    Light,
    Range,
    by_country,
    chunks,
    common_names,
    dated,
    keys_of,
    of_reports,
    sharing,
)
from .events import (
    MatchStats,
    _apply,
    _attach_claims,
    _plan,
    choose_events,
    to_unit,
)
from .ingest_base import audit
from .key_match import key_pairs
from .match_place import Vicinity, vicinity
from .matching import (
    MatchSettings,
    MatchUnit,
    _unsure_place,
    date_columns,
    date_score,
    match_units,
    matchable,
    place_score,
    score_pair,
    toll_bonus,
    toll_score,
)
from .models import EventRow, IncidentRow, ReportRow


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


def _by_ids(session: Session, column: Any, ids: Iterable[int]) -> list[IncidentRow]:
    return [row for chunk in chunks(ids) for row in _load(session, column.in_(chunk))]


def _spans(units: Iterable[MatchUnit], settings: MatchSettings) -> dict[str | None, list[Range]]:
    """The ranges the units' candidates by date overlap, by country (None: a unit
    without one, whose candidates may be of any country), each with the vicinity its
    candidates lie in (match_place.vicinity; None: anywhere in the country), merged
    into few ranges where the vicinity is the same."""
    window = timedelta(days=settings.window_days)
    by: dict[str | None, list[Range]] = {}
    for unit in units:
        first, last, _long = date_columns(unit.date_start, unit.date_end, unit.date_precision)
        if first is None or last is None:
            continue  # not matchable by date
        # an unsure place (matching._unsure_place) may be in the wrong country
        country = None if _unsure_place(unit) else unit.country
        near = vicinity(unit, settings) if country is not None else None
        by.setdefault(country, []).append((first - window, last + window, near))
    return {country: _merged(spans) for country, spans in by.items()}


def _merged(spans: list[Range]) -> list[Range]:
    merged: list[Range] = []
    for near, group in _by_vicinity(spans).items():
        for lo, hi in sorted(group):
            if merged and merged[-1][2] == near and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]), near)
            else:
                merged.append((lo, hi, near))
    return merged


def _by_vicinity(spans: list[Range]) -> dict[Vicinity | None, list[tuple[date, date]]]:
    out: dict[Vicinity | None, list[tuple[date, date]]] = {}
    for lo, hi, near in spans:
        out.setdefault(near, []).append((lo, hi))
    return out


def _crossed(keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """`keys` and, for a person or a name, the same words as the other kind: a person
    named with an age in one report is matched by name alone in another (key_match)."""
    other = {"person": "name", "name": "person"}
    return keys | {(other[k], v) for k, v in keys if k in other}


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
        self._fetch_keys({r.report_id for r in rows})

    def _fetch_keys(self, report_ids: set[int]) -> None:
        missing = report_ids - set(self.keys)
        found = keys_of(self.session, missing)
        for report_id in missing:
            self.keys[report_id] = found.get(report_id, frozenset())

    def with_keys(self, unit: MatchUnit) -> MatchUnit:
        """The unit with its report's keys, common names dropped."""
        keys = self.keys.get(unit.report, frozenset())
        if self.common:
            keys = frozenset(k for k in keys if not (k[0] == "name" and k[1] in self.common))
        return replace(unit, keys=keys)

    def unit(self, row: IncidentRow) -> MatchUnit:
        return self.with_keys(to_unit(row))

    def _neighbours(self, frontier: Sequence[IncidentRow]) -> list[IncidentRow]:
        """Incidents linked to the frontier that the closure lacks."""
        s = self.session
        sure = _by_ids(s, IncidentRow.report_id, {r.report_id for r in frontier})
        sure += _by_ids(s, IncidentRow.event_id, {r.event_id for r in frontier if r.event_id})
        frontier_keys = {k for r in frontier for k in self.keys.get(r.report_id, frozenset())}
        # a person named with an age in one report is matched by name alone in another
        crossed = _crossed(frontier_keys)
        names = {v for k, v in crossed if k == "name"} - self.common
        self.common |= common_names(s, names, self.settings.common_key)
        # a common name never pairs (key_pairs skips it): no need to fetch its holders
        blocking = {k for k in crossed if not (k[0] == "name" and k[1] in self.common)}
        units = [self.unit(r) for r in frontier if not (r.kind == "claim" and r.claim_of)]
        maybe = dated(s, _spans(units, self.settings))
        if blocking:
            maybe += of_reports(s, sharing(s, blocking))
        taken = set(self.rows) | {r.id for r in sure}
        fresh = {c.unit.id: c for c in maybe if c.unit.id not in taken}
        linked = self._paired(frontier, list(fresh.values()))
        return self._new([*sure, *_by_ids(s, IncidentRow.id, linked)])

    def _paired(self, frontier: Sequence[IncidentRow], fresh: Sequence[Light]) -> set[int]:
        """Ids of `fresh` candidates that form a candidate pair (as candidate_pairs
        blocks) with a frontier row scoring at least the threshold without a veto."""
        if not fresh:
            return set()
        self._fetch_keys({c.unit.report for c in fresh})
        mine = [self.unit(r) for r in frontier if not (r.kind == "claim" and r.claim_of)]
        theirs = [self.with_keys(c.unit) for c in fresh if not c.attached]
        linked: set[int] = set()
        for a, b in _cross_pairs(mine, theirs, self.settings):
            if _cannot_link(a, b, self.settings):
                continue
            pair = score_pair(a, b, self.settings)
            # only a pair that can join two clusters links them: one below the threshold
            # or vetoed never does, and a veto only acts between units so linked
            if not pair.veto and pair.score >= self.settings.threshold:
                linked.add(b.id)
        return linked


class _Dated:
    """Matchable candidates of one country sorted by first day, for range lookups."""

    def __init__(self, units: Iterable[MatchUnit]) -> None:
        spans = sorted((iv[0], u.id, iv[1], u) for u in units if (iv := _interval(u)))
        self.starts = [s[0] for s in spans]
        self.spans = spans
        self.widest = max((s[2] - s[0] for s in spans), default=timedelta(0))

    def near(self, first: date, last: date, window: timedelta) -> list[tuple[Any, ...]]:
        """Those that may be within `window` of [first, last]: starting at most
        `window` after its end, and ending at most `window` before its start."""
        lo = bisect.bisect_left(self.starts, first - window - self.widest)
        hi = bisect.bisect_right(self.starts, last + window)
        return self.spans[lo:hi]


def _cross_pairs(
    mine: Sequence[MatchUnit], theirs: Sequence[MatchUnit], settings: MatchSettings
) -> list[tuple[MatchUnit, MatchUnit]]:
    """The pairs (frontier unit, candidate) that `candidate_pairs` would give over
    both lists together, without comparing candidates with each other."""
    window = timedelta(days=settings.window_days)
    groups = by_country([u for u in theirs if matchable(u)])
    dated = {country: _Dated(units) for country, units in groups.items()}
    everywhere = _Dated(u for units in groups.values() for u in units)
    unsure = any(_unsure_place(u) for u in theirs)
    pairs: dict[tuple[int, int], tuple[MatchUnit, MatchUnit]] = {}
    for a in mine:
        ia = _interval(a) if matchable(a) else None
        if ia is None:
            continue
        # candidates of other countries pair only with or as an unsure place
        lookups = [everywhere] if a.country is None or _unsure_place(a) or unsure else [
            d for d in (dated.get(a.country), dated.get(None)) if d is not None]
        for found in lookups:
            for start, b_id, end, b in found.near(ia[0], ia[1], window):
                # as matching._date_pairs: the later-starting unit (by start, then id)
                # starts at most the window after the other's end
                later = start - ia[1] if (ia[0], a.id) <= (start, b_id) else ia[0] - end
                if later <= window and _comparable(a, b):
                    pairs[(a.id, b.id)] = (a, b)
    ids = {u.id for u in mine}
    keyed = [u for u in (*mine, *theirs) if u.keys]
    by_id = {u.id: u for u in mine}
    for x, y in key_pairs(keyed, settings):
        if (x.id in ids) == (y.id in ids):
            continue
        a, b = (x, y) if x.id in ids else (y, x)
        if (a.id, b.id) not in pairs and _comparable(a, b):
            pairs[(a.id, b.id)] = (by_id[a.id], b)
    return list(pairs.values())


def _cannot_link(a: MatchUnit, b: MatchUnit, settings: MatchSettings) -> bool:
    """True when the pair is sure to stay below the threshold or be vetoed, from its
    place alone: without a shared key (which alone can lift a veto or add to the
    score) and with every other component at its best, it still cannot link."""
    if a.keys & b.keys:
        return False
    score, _why, veto = place_score(a, b, settings)
    if veto:
        return True
    weights = dict(settings.weights)
    best_rest = sum(w for name, w in weights.items() if name != "place")
    # the bonus of agreeing tolls, as the batch scorer adds it (score_pair)
    bonus, _bonus_why = toll_bonus(
        a, b, toll_score(a, b)[0], date_score(a, b, settings)[0], settings
    )
    return weights["place"] * score + best_rest + bonus < settings.threshold


def _interval(unit: MatchUnit) -> tuple[date, date] | None:
    first, last, _long = date_columns(unit.date_start, unit.date_end, unit.date_precision)
    return None if first is None or last is None else (first, last)


def _comparable(a: MatchUnit, b: MatchUnit) -> bool:
    same_country = a.country is None or b.country is None or a.country == b.country
    unsure = bool(_unsure_place(a) or _unsure_place(b))  # as matching._comparable
    kinds = "claim" in (a.kind, b.kind) or a.kind == b.kind
    return a.report != b.report and (same_country or unsure) and kinds


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
    closure.common = common_names(session, all_names, settings.common_key)
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
    stats.touched = frozenset(before | {e.id for e in taken if e.id is not None})
    return stats


def _delete_empty(session: Session, candidates: Iterable[int], stats: MatchStats) -> None:
    """Delete the events among `candidates` left without incidents (as the full
    pass's `_delete_orphans`, without scanning every event)."""
    session.flush()
    for chunk in chunks(candidates):
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
    for chunk in chunks(wanted):
        existing.update({e.id: e for e in session.scalars(
            select(EventRow).where(EventRow.id.in_(chunk)))})
    return choose_events(groups, by_id, existing)


def unmatched_reports(session: Session) -> set[int]:
    """Row ids of the reports with an incident in no event: stored by a run that stopped
    before matching (every incident is in an event after a match). Indexed
    (ix_incidents_event_id), so the cost follows those incidents, not the store."""
    query = select(IncidentRow.report_id).where(IncidentRow.event_id.is_(None)).distinct()
    return set(session.scalars(query))
