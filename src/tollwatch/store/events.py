"""Turn the matcher's clusters into event rows, keeping event ids stable.

`match_store()` loads every incident, clusters them (matching.match_units), and
writes only what changed: an event whose members and tolls are unchanged is not
touched, so matching twice changes nothing. Each change goes to the audit log;
each merge stores its explanation in `merges`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload, selectinload

from .ingest_base import audit, now
from .matching import Cluster, MatchSettings, MatchUnit, match_units
from .models import (
    EventFigureRow,
    EventRow,
    FigureRow,
    IncidentRow,
    MergeRow,
    ReportKeyRow,
    ReportRow,
)
from .reconcile import RULE as TOLL_RULE
from .reconcile import EventToll, FigureRef, reconcile
from .unit import unit_killed

DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
PLACE_RANK = {"point": 0, "near": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
ROLE_RANK = {"monitor": 0, "official": 1, "media": 2, "witness": 3, "unknown": 4}


@dataclass
class MatchStats:
    """What one matching pass did."""

    incidents: int = 0
    events: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    merged: int = 0
    # ids of the events an incremental pass rebuilt, before and after (incremental.py);
    # empty after a full pass. The reviews to apply again are those of these events.
    touched: frozenset[int] = frozenset()


def load_incidents(session: Session) -> list[IncidentRow]:
    """Every incident with what matching and reconciling read (report text not loaded)."""
    query = (
        select(IncidentRow)
        .options(
            joinedload(IncidentRow.report).load_only(ReportRow.key, ReportRow.published),
            joinedload(IncidentRow.place),
            joinedload(IncidentRow.perpetrator),
            joinedload(IncidentRow.victim),
            joinedload(IncidentRow.source),
            selectinload(IncidentRow.figures),
        )
        .order_by(IncidentRow.id)
    )
    return list(session.scalars(query).unique())


def load_keys(session: Session) -> dict[int, frozenset[tuple[str, str]]]:
    """Every report's match keys (keys.py), by report row id."""
    found: dict[int, set[tuple[str, str]]] = {}
    for report_id, kind, key in session.execute(
        select(ReportKeyRow.report_id, ReportKeyRow.kind, ReportKeyRow.key)
    ):
        found.setdefault(report_id, set()).add((kind, key))
    return {report_id: frozenset(keys) for report_id, keys in found.items()}


def to_unit(
    row: IncidentRow, keys: frozenset[tuple[str, str]] = frozenset()
) -> MatchUnit:
    """The matcher's view of a stored incident (`keys`: its report's match keys)."""
    place, perp = row.place, row.perpetrator
    killed = next(
        (unit_killed(f.best, f.low) for f in row.figures if f.outcome == "killed"), None
    )
    return MatchUnit(
        id=row.id,
        report=row.report_id,
        kind=row.kind,
        published=row.report.published,
        date_start=row.date_start,
        date_end=row.date_end,
        date_precision=row.date_precision,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        place=place.name if place else None,
        place_text=row.place_text,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        place_precision=row.place_precision,
        perpetrator=perp.name if perp else None,
        perpetrator_category=perp.category if perp else None,
        victim_type=row.victim.type if row.victim else None,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        killed=killed,
        keys=keys,
    )


def match_store(session: Session, settings: MatchSettings | None = None) -> MatchStats:
    """Cluster every stored incident into events and write the changes."""
    rows = load_incidents(session)
    by_id = {r.id: r for r in rows}
    attached = [r for r in rows if r.kind == "claim" and r.claim_of]
    keys = load_keys(session)
    units = [
        to_unit(r, keys.get(r.report_id, frozenset()))
        for r in rows
        if not (r.kind == "claim" and r.claim_of)
    ]
    clusters = match_units(units, settings)
    groups = _attach_claims(clusters, attached, by_id)
    stats = MatchStats(incidents=len(rows), events=len(groups))
    taken = _assign_events(session, groups, by_id)
    plans = [
        plan
        for (members, links), event in zip(groups, taken, strict=True)
        if (plan := _plan(event, [by_id[m] for m in members], links)) is not None
    ]
    _apply(session, plans, stats)
    _delete_orphans(session, stats)
    return stats


Group = tuple[list[int], list[Any]]


def _attach_claims(
    clusters: Sequence[Cluster], claims: Sequence[IncidentRow], by_id: dict[int, IncidentRow]
) -> list[Group]:
    groups: list[Group] = [([u.id for u in c.members], list(c.links)) for c in clusters]
    where = {m: i for i, (members, _) in enumerate(groups) for m in members}
    local = {(r.report_id, r.local_id): r.id for r in by_id.values()}
    for claim in claims:
        target = local.get((claim.report_id, claim.claim_of or ""))
        if target is not None and target in where:
            groups[where[target]][0].append(claim.id)
        else:
            where[claim.id] = len(groups)
            groups.append(([claim.id], []))
    return groups


def _assign_events(
    session: Session, groups: Sequence[Group], by_id: dict[int, IncidentRow]
) -> list[EventRow]:
    """Reuse the event most members already belong to; new events for the rest."""
    existing = {e.id: e for e in session.scalars(select(EventRow))}
    return choose_events(groups, by_id, existing)


def choose_events(
    groups: Sequence[tuple[list[int], Any]],
    by_id: dict[int, IncidentRow],
    existing: dict[int, EventRow],
) -> list[EventRow]:
    """For each group, the `existing` event most of its members already belong to (larger
    groups choose first, each event once); a new EventRow for the rest."""
    used: set[int] = set()
    chosen: list[EventRow | None] = [None] * len(groups)
    order = sorted(range(len(groups)), key=lambda i: (-len(groups[i][0]), min(groups[i][0])))
    for i in order:
        votes = Counter(by_id[m].event_id for m in groups[i][0] if by_id[m].event_id)
        for event_id, _count in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if event_id not in used and event_id in existing:
                used.add(event_id)
                chosen[i] = existing[event_id]
                break
    return [event if event is not None else EventRow() for event in chosen]


@dataclass
class _Plan:
    """What one event needs written: its values, tolls, members and links."""

    event: EventRow
    members: list[IncidentRow]
    links: list[Any]
    killed: EventToll
    wounded: EventToll
    values: dict[str, Any]
    changed: dict[str, Any]
    moved: list[int]
    is_new: bool


def _plan(event: EventRow, members: list[IncidentRow], links: list[Any]) -> _Plan | None:
    """The changes one event needs, or None when it is already up to date."""
    killed = reconcile([_ref(m, f) for m in members for f in m.figures if f.outcome == "killed"])
    wounded = reconcile([_ref(m, f) for m in members for f in m.figures if f.outcome == "wounded"])
    values = event_values(members, killed, wounded)
    is_new = event.id is None
    changed = {k: v for k, v in values.items() if is_new or getattr(event, k) != v}
    moved = [m.id for m in members if is_new or m.event_id != event.id]
    if not changed and not moved:
        return None
    return _Plan(event, members, links, killed, wounded, values, changed, moved, is_new)


def _apply(session: Session, plans: Sequence[_Plan], stats: MatchStats) -> None:
    """Write every planned change with a few statements (one flush for new events)."""
    stamp = now()
    old_ids = [p.event.id for p in plans if not p.is_new]
    moved_ids = [p.event.id for p in plans if not p.is_new and p.moved]
    _delete_where(session, EventFigureRow, EventFigureRow.event_id, old_ids)
    _delete_where(session, MergeRow, MergeRow.event_id, moved_ids)
    for plan in plans:
        for key, value in plan.values.items():
            setattr(plan.event, key, value)
        plan.event.updated_at = stamp
        if plan.is_new:
            plan.event.created_at = stamp
            session.add(plan.event)
    session.flush()
    for plan in plans:
        event_id = plan.event.id
        for member in plan.members:
            member.event_id = event_id
        session.add_all(_figure_rows(event_id, plan.killed, plan.wounded))
        if plan.moved:
            session.add_all(_merge_rows(event_id, plan.links, stamp))
            stats.merged += len(plan.links)
        stats.created += plan.is_new
        stats.updated += not plan.is_new
        action = "event.create" if plan.is_new else "event.update"
        changed = {k: _jsonable(v) for k, v in plan.changed.items()}
        audit(
            session,
            action,
            "event",
            event_id,
            None,
            members=[m.id for m in plan.members],
            joined=plan.moved,
            changed=changed,
        )


def _delete_where(session: Session, model: Any, column: Any, ids: Sequence[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(
            delete(model).where(column.in_(chunk)).execution_options(synchronize_session=False)
        )


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _ref(member: IncidentRow, figure: FigureRow) -> FigureRef:
    claimant = member.perpetrator.name if member.perpetrator else None
    return FigureRef(
        figure_id=figure.id,
        incident_id=member.id,
        report_key=member.report.key,
        low=figure.low,
        best=figure.best,
        high=figure.high,
        kind=member.kind,
        role=member.source_role,
        source=member.source.name if member.source else None,
        claimant=claimant,
        published=member.report.published,
        text=figure.text,
        sentence=figure.sentence,
    )


def event_values(
    members: Sequence[IncidentRow], killed: EventToll, wounded: EventToll
) -> dict[str, Any]:
    """The event's columns from its members and reconciled tolls."""
    core = [m for m in members if m.kind != "claim"] or list(members)
    kinds = {m.kind for m in members}
    kind = "incident" if "incident" in kinds else "aggregate" if "aggregate" in kinds else "claim"
    dated = min(
        core,
        key=lambda m: (
            DATE_RANK.get(m.date_precision, 9),
            m.date_start is None,
            m.date_start,
            m.id,
        ),
    )
    placed = min(core, key=lambda m: (PLACE_RANK.get(m.place_precision, 9), m.id))
    typed = [m for m in core if m.event_type != "other"] or core
    event_type = Counter(m.event_type for m in typed).most_common(1)[0][0]
    sub = next(
        (m.sub_event_type for m in typed if m.event_type == event_type and m.sub_event_type), None
    )
    trusted = sorted(core, key=lambda m: (ROLE_RANK.get(m.source_role, 9), m.id))
    perp = next((m.perpetrator for m in trusted if m.perpetrator), None)
    victim_m = next((m for m in trusted if m.victim or m.victim_text), None)
    place = placed.place
    best = killed.best_from
    return {
        "kind": kind,
        "counted": any(m.top_level and m.kind != "claim" for m in members),
        "date_start": dated.date_start,
        "date_end": dated.date_end or dated.date_start,
        "date_precision": dated.date_precision,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": (place.name if place else None) or placed.place_text,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_precision": placed.place_precision,
        "event_type": event_type,
        "sub_event_type": sub,
        "perpetrator": perp.name if perp else None,
        "perpetrator_type": perp.type if perp else None,
        "victim": _victim_name(victim_m),
        "victim_type": victim_m.victim.type if victim_m and victim_m.victim else None,
        "killed_low": killed.low,
        "killed_best": killed.best,
        "killed_high": killed.high,
        "wounded_low": wounded.low,
        "wounded_best": wounded.best,
        "wounded_high": wounded.high,
        "claims": killed.claims_text(),
        "summary": best.sentence if best else None,
        "sources": "; ".join(sorted({m.source.name for m in members if m.source})) or None,
        "n_reports": len({m.report_id for m in members}),
        "toll_rule": TOLL_RULE,
    }


def _victim_name(member: IncidentRow | None) -> str | None:
    if member is None:
        return None
    return member.victim.name if member.victim else member.victim_text


def _figure_rows(event_id: int, killed: EventToll, wounded: EventToll) -> list[EventFigureRow]:
    rows = []
    for outcome, toll in (("killed", killed), ("wounded", wounded)):
        for which in ("low", "best", "high"):
            ref = getattr(toll, f"{which}_from")
            if ref is not None:
                rows.append(
                    EventFigureRow(
                        event_id=event_id,
                        measure=f"{outcome}_{which}",
                        value=getattr(toll, which),
                        figure_id=ref.figure_id,
                    )
                )
        rows.extend(
            EventFigureRow(
                event_id=event_id,
                measure=f"{outcome}_claim",
                value=claim.best,
                figure_id=claim.figure_id,
            )
            for claim in toll.claims
        )
    return rows


def _merge_rows(event_id: int, links: Sequence[Any], stamp: Any) -> list[MergeRow]:
    return [
        MergeRow(
            event_id=event_id,
            incident_id=link.b.id,
            other_incident_id=link.a.id,
            score=float(link.score),
            explanation=link.explanation(),
            created_at=stamp,
        )
        for link in links
    ]


def _delete_orphans(session: Session, stats: MatchStats) -> None:
    session.flush()
    for event in session.scalars(select(EventRow).where(~EventRow.incidents.any())):
        audit(session, "event.delete", "event", event.id, None, reason="no incidents left")
        session.delete(event)
        stats.deleted += 1
