"""Review of events: accept, correct a field, mark "not an incident", merge two events.

    act(session, event_id, action, user, field=..., value=..., other=..., comment=...)
    apply_reviews(session)   # after every matching pass (Store.match does it)

A review is a `reviews` row anchored to the event's incidents by (report key,
incident local id), so it finds its event again after re-extraction, re-matching
and re-runs; the latest review of a field wins over the machine's value. Every
action is written to the audit log as `review.<action>` with who, the value before
and after, and the comment. A merge moves the other event's incidents into the
event and re-reconciles its toll (docs/tolls-per-event.md); "split" undoes a merge.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import StoreError
from . import events as event_stage
from .candidates import chunks
from .ingest_base import audit, now
from .models import AuditRow, EventRow, IncidentRow, MergeRow, ReportRow
from .review_models import ReviewRow

INT_FIELDS = (
    "killed_low", "killed_best", "killed_high", "wounded_low", "wounded_best", "wounded_high",
)  # fmt: skip
TEXT_FIELDS = ("location", "admin1", "perpetrator", "perpetrator_type", "victim", "victim_type")
EVENT_TYPES = ("battle", "explosion_remote_violence", "violence_against_civilians", "other")
KINDS = ("incident", "aggregate", "claim")
FIELDS = (*INT_FIELDS, *TEXT_FIELDS, "date_start", "country", "lat", "lon", "event_type", "kind")
PLACE_FIELDS = ("location", "country", "admin1", "lat", "lon")  # corrected together as "place"
PRECISIONS = ("point", "near", "admin2", "admin1", "region", "country")  # optional with a place
ACTIONS = ("accept", "correct", "not_incident", "merge", "split")
MAX_TOLL = 10_000_000
ANCHORED = ("merge_into", "split_out")  # reviews whose value is a list of anchors
SHOWN = {"merge_into": "merge", "split_out": "split"}  # their names in exports


@dataclass(frozen=True)
class Outcome:
    """What one review action changed."""

    event_id: int
    action: str
    field: str | None
    before: Any
    after: Any


def parse_value(field: str, raw: Any) -> Any:
    """A field's value from a form or JSON (None clears it); StoreError saying what fits."""
    if field not in FIELDS:
        raise StoreError(f"field {field!r} cannot be corrected; use one of {', '.join(FIELDS)}")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if field in ("event_type", "kind"):
            raise StoreError(f"{field} cannot be empty")
        return None
    text = str(raw).strip()
    if field in INT_FIELDS:
        if not text.isdigit() or int(text) > MAX_TOLL:
            raise StoreError(f"{field} must be a whole number from 0 to {MAX_TOLL}")
        return int(text)
    if field in ("lat", "lon"):
        try:
            number = float(text)
        except ValueError as err:
            raise StoreError(f"{field} must be a number") from err
        limit = 90 if field == "lat" else 180
        if not -limit <= number <= limit:
            raise StoreError(f"{field} must be between -{limit} and {limit}")
        return number
    if field == "date_start":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError as err:
            raise StoreError("date_start must be a date, YYYY-MM-DD") from err
    if field == "country":
        if len(text) != 2 or not text.isalpha():
            raise StoreError("country must be an ISO 3166-1 alpha-2 code, e.g. SY")
        return text.upper()
    if field == "event_type" and text not in EVENT_TYPES:
        raise StoreError(f"event_type must be one of {', '.join(EVENT_TYPES)}")
    if field == "kind" and text not in KINDS:
        raise StoreError(f"kind must be one of {', '.join(KINDS)}")
    return text[:300]


def parse_place(raw: Any) -> dict[str, Any]:
    """A place correction's values ({location, country, admin1, lat, lon}, and
    place_precision when given: a gazetteer entry picked on the event page); StoreError
    naming the part that does not fit."""
    if not isinstance(raw, dict):
        raise StoreError(
            "a place correction's value is an object with location, country, admin1, lat, lon"
        )
    values = {name: parse_value(name, raw.get(name)) for name in PLACE_FIELDS}
    if values["location"] is None and values["admin1"] is None and values["country"] is None:
        raise StoreError("a place correction names a place (location, admin1 or country)")
    if (values["lat"] is None) != (values["lon"] is None):
        raise StoreError("a place correction gives both lat and lon, or neither")
    precision = str(raw.get("place_precision") or "").strip()
    if precision:
        if precision not in PRECISIONS:
            raise StoreError(f"place_precision must be one of {', '.join(PRECISIONS)}")
        values["place_precision"] = precision
    return values


def anchors_of(session: Session, event_id: int) -> list[list[str]]:
    """(report key, local id) of the event's incidents, claims last."""
    rows = session.execute(
        select(ReportRow.key, IncidentRow.local_id, IncidentRow.kind)
        .join(ReportRow, IncidentRow.report_id == ReportRow.id)
        .where(IncidentRow.event_id == event_id)
        .order_by(IncidentRow.kind == "claim", IncidentRow.id)
    )
    return [[key, local] for key, local, _ in rows]


def _stored(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def act(
    session: Session,
    event_id: int,
    action: str,
    user: str,
    *,
    field: str | None = None,
    value: Any = None,
    other: int | None = None,
    comment: str | None = None,
    incidents: list[int] | None = None,
) -> Outcome:
    """Record one review action on an event and apply it; StoreError when it cannot be.
    "split" with `incidents` (ids of the event's incidents) moves them to a new event;
    without, it undoes the reviewed merges into the event."""
    if action not in ACTIONS:
        raise StoreError(f"action {action!r} is unknown; use one of {', '.join(ACTIONS)}")
    event = session.get(EventRow, event_id)
    if event is None:
        raise StoreError(f"no event {event_id}")
    comment = (comment or "").strip()[:2000] or None
    anchors = anchors_of(session, event_id)
    before: Any
    after: Any
    if action == "correct" and field == "place":
        after = parse_place(value)
        before = {name: _stored(getattr(event, name)) for name in after}
        for name in after:
            _record(session, event_id, anchors, name, after[name], user, comment)
    elif action == "correct":
        if field is None:
            raise StoreError("a correction names its field")
        after = parse_value(field, value)
        before = _stored(getattr(event, field))
        _record(session, event_id, anchors, field, after, user, comment)
    elif action in ("accept", "not_incident"):
        field = "status"
        before = _status(session, event_id)
        after = "accepted" if action == "accept" else "not_incident"
        _record(session, event_id, anchors, field, after, user, comment)
    elif action == "merge":
        if other is None or other == event_id or session.get(EventRow, other) is None:
            raise StoreError("a merge names another existing event (other=ID)")
        field, before, after = "merge", None, other
        _record(session, event_id, anchors, "merge_into", anchors_of(session, other), user, comment)
    elif incidents:  # split: move these incidents into a new event
        field, before = "split", sorted(incidents)
        moving, staying = _split_anchors(session, event_id, incidents)
        _record(session, event_id, staying, "split_out", moving, user, comment)
        apply_reviews(session)
        after = _event_of(moving, _locate_anchors(session, moving))
    else:  # split: undo the merges that brought other events into this one
        field, before, after = "merge", _merged_into(session, event_id), None
        if not before:
            raise StoreError(f"event {event_id} holds no reviewed merge to split")
        session.execute(delete(ReviewRow).where(ReviewRow.id.in_(before)))
        event_stage.match_store(session)
    audit(
        session, f"review.{action}", "event", event_id, None,
        user=user, field=field, before=before, after=after, comment=comment,
    )  # fmt: skip
    apply_reviews(session)
    return Outcome(event_id, action, field, before, after)


def _split_anchors(
    session: Session, event_id: int, incidents: list[int]
) -> tuple[list[list[str]], list[list[str]]]:
    """Anchors of the incidents to move and of those that stay; StoreError unless the
    ids are the event's and leave an incident (not only claims) on each side."""
    rows = session.execute(
        select(IncidentRow.id, ReportRow.key, IncidentRow.local_id, IncidentRow.kind)
        .join(ReportRow, IncidentRow.report_id == ReportRow.id)
        .where(IncidentRow.event_id == event_id)
        .order_by(IncidentRow.id)
    ).all()
    wanted = set(incidents)
    unknown = wanted - {r.id for r in rows}
    if unknown:
        raise StoreError(
            f"incidents {sorted(unknown)} are not in event {event_id}; pick among "
            f"{[r.id for r in rows]}"
        )
    moving = [r for r in rows if r.id in wanted]
    staying = [r for r in rows if r.id not in wanted]
    if all(r.kind == "claim" for r in moving) or all(r.kind == "claim" for r in staying):
        raise StoreError(
            "a split leaves at least one incident that is not a claim in each event"
        )
    return [[r.key, r.local_id] for r in moving], [[r.key, r.local_id] for r in staying]


def _record(
    session: Session,
    event_id: int,
    anchors: list[list[str]],
    field: str,
    value: Any,
    user: str,
    comment: str | None,
) -> None:
    session.add(
        ReviewRow(
            event_id=event_id, anchors=anchors, field=field, value=value, user=user,
            comment=comment, at=now(),
        )
    )  # fmt: skip
    session.flush()


def _status(session: Session, event_id: int) -> str | None:
    row = session.scalar(
        select(ReviewRow)
        .where(ReviewRow.event_id == event_id, ReviewRow.field == "status")
        .order_by(ReviewRow.id.desc())
        .limit(1)
    )
    return row.value if row is not None else None


def _merged_into(session: Session, event_id: int) -> list[int]:
    """Ids of the merge reviews whose target is this event."""
    anchors = {tuple(a) for a in anchors_of(session, event_id)}
    rows = session.scalars(select(ReviewRow).where(ReviewRow.field == "merge_into"))
    return [r.id for r in rows if {tuple(a) for a in r.value or []} & anchors]


def _locate(session: Session, reviews: list[ReviewRow]) -> dict[tuple[str, str], int]:
    """The current event of every anchored incident the reviews name."""
    keys = {a[0] for r in reviews for a in r.anchors} | {
        a[0] for r in reviews if r.field in ANCHORED for a in r.value or []
    }
    where: dict[tuple[str, str], int] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        rows = session.execute(
            select(ReportRow.key, IncidentRow.local_id, IncidentRow.event_id)
            .join(ReportRow, IncidentRow.report_id == ReportRow.id)
            .where(ReportRow.key.in_(ordered[start : start + 500]))
        )
        for key, local, event_id in rows:
            if event_id is not None:
                where[(key, local)] = event_id
    return where


def _locate_anchors(session: Session, anchors: list[Any]) -> dict[tuple[str, str], int]:
    """The current event of each anchored incident."""
    probe = ReviewRow(anchors=anchors, field="probe")
    return _locate(session, [probe])


def _event_of(anchors: list[Any], where: dict[tuple[str, str], int]) -> int | None:
    votes = Counter(where[(a[0], a[1])] for a in anchors if (a[0], a[1]) in where)
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes else None


def apply_reviews(session: Session, events: Collection[int] | None = None) -> int:
    """Re-attach every review to its event and make reviewed values win; returns the
    number of events that carry a review.

    With `events` (the ids, before and after, of the events an incremental pass
    rebuilt), only the reviews of those events and those that lost their event are
    applied: an event the pass did not rebuild keeps its incidents and its reviewed
    values, so its reviews would change nothing, and the cost follows the pass, not
    the number of reviews in the store."""
    reviews = _reviews(session, events)
    if not reviews:
        return 0
    where = _locate(session, reviews)
    for review in reviews:
        found = _event_of(review.anchors, where)
        if found != review.event_id:
            review.event_id = found
    session.flush()
    if _apply_merges(session, [r for r in reviews if r.field == "merge_into"], where):
        session.flush()
    splits = [r for r in reviews if r.field == "split_out"]
    if _apply_splits(session, splits, where):
        session.flush()
        for review in reviews:  # the reviewed values follow their incidents
            if review.field != "merge_into":
                review.event_id = _event_of(review.anchors, where)
        session.flush()
    latest: dict[int, dict[str, Any]] = defaultdict(dict)
    for review in reviews:
        if review.event_id is not None and review.field not in ANCHORED:
            latest[review.event_id][review.field] = review.value
    for event_id, values in latest.items():
        event = session.get(EventRow, event_id)
        if event is not None:
            _override(event, values)
    session.flush()
    return len(latest)


def _reviews(session: Session, events: Collection[int] | None) -> list[ReviewRow]:
    """The reviews to apply, oldest first: all of them, or those of these events and
    those without an event (indexed on reviews.event_id)."""
    if events is None:
        return list(session.scalars(select(ReviewRow).order_by(ReviewRow.id)))
    orphans = select(ReviewRow).where(ReviewRow.event_id.is_(None))
    found = {r.id: r for r in session.scalars(orphans)}
    for chunk in chunks(events):
        query = select(ReviewRow).where(ReviewRow.event_id.in_(chunk))
        found.update((r.id, r) for r in session.scalars(query))
    return [found[k] for k in sorted(found)]


def _apply_merges(session: Session, merges: list[ReviewRow], where: dict[Any, int]) -> bool:
    moved = False
    for review in merges:
        source, target = review.event_id, _event_of(review.value or [], where)
        if source is None or target is None or source == target:
            continue
        members = list(session.scalars(select(IncidentRow).where(IncidentRow.event_id == target)))
        members += list(session.scalars(select(IncidentRow).where(IncidentRow.event_id == source)))
        event = session.get(EventRow, target)
        if event is None:
            continue
        for member in members:
            member.event_id = target
        for key, local in [(k, m) for (k, m), e in where.items() if e == source]:
            where[(key, local)] = target
        review.event_id = target
        plan = event_stage._plan(event, members, [])
        if plan is not None:
            event_stage._apply(session, [plan], event_stage.MatchStats())
        moved = True
    if moved:
        event_stage._delete_orphans(session, event_stage.MatchStats())
    return moved


def _apply_splits(session: Session, splits: list[ReviewRow], where: dict[Any, int]) -> bool:
    """Move each split's incidents (and claims of them) out of the event they are in,
    into a new event, when that event holds other incidents too; both tolls are
    re-reconciled. Returns whether anything moved."""
    moved = False
    for review in splits:
        moving = {(a[0], a[1]) for a in review.value or [] if (a[0], a[1]) in where}
        for source in sorted({where[a] for a in moving}):
            event = session.get(EventRow, source)
            if event is None:
                continue
            members = list(
                session.scalars(select(IncidentRow).where(IncidentRow.event_id == source))
            )
            keyed = [((m.report.key, m.local_id), m) for m in members]
            out = [m for key, m in keyed if key in moving or _claims_moving(m, moving)]
            stay = [m for m in members if m not in out]
            if not out or not stay:
                continue
            out_ids = [m.id for m in out]
            session.execute(  # the match explanations that linked a moved incident
                delete(MergeRow).where(
                    MergeRow.event_id == source,
                    MergeRow.incident_id.in_(out_ids) | MergeRow.other_incident_id.in_(out_ids),
                )
            )
            plans = [event_stage._plan(event, stay, []), event_stage._plan(EventRow(), out, [])]
            event_stage._apply(session, [p for p in plans if p], event_stage.MatchStats())
            for m in out:
                if m.event_id is not None:
                    where[(m.report.key, m.local_id)] = m.event_id
            moved = True
    return moved


def _claims_moving(member: IncidentRow, moving: set[tuple[str, str]]) -> bool:
    return member.kind == "claim" and (member.report.key, member.claim_of or "") in moving


def _override(event: EventRow, values: dict[str, Any]) -> None:
    for field, value in values.items():
        if field == "status":
            if value == "not_incident":
                event.counted = False
            continue
        if field == "date_start":
            value = date.fromisoformat(value) if value else None
        if getattr(event, field) != value:
            setattr(event, field, value)
    for outcome in ("killed", "wounded"):
        best = getattr(event, f"{outcome}_best")
        if best is None:
            continue
        low, high = getattr(event, f"{outcome}_low"), getattr(event, f"{outcome}_high")
        if f"{outcome}_low" not in values and (low is None or low > best):
            setattr(event, f"{outcome}_low", best)
        if f"{outcome}_high" not in values and (high is None or high < best):
            setattr(event, f"{outcome}_high", best)


def reviewed_fields(session: Session, event_id: int) -> dict[str, dict[str, Any]]:
    """The event's reviewed values: field -> {value, user, at, comment} (latest wins)."""
    out: dict[str, dict[str, Any]] = {}
    for r in session.scalars(
        select(ReviewRow).where(ReviewRow.event_id == event_id).order_by(ReviewRow.id)
    ):
        if r.field not in ANCHORED:
            out[r.field] = {"value": r.value, "user": r.user, "at": r.at, "comment": r.comment}
    return out


def reviewed_names(session: Session) -> dict[int, list[str]]:
    """Per event carrying a review, the names of its reviewed fields, sorted: the
    corrected fields, "status" (accepted), "merge" (another event merged into it)."""
    names: dict[int, set[str]] = defaultdict(set)
    query = select(ReviewRow.event_id, ReviewRow.field).where(ReviewRow.event_id.is_not(None))
    rows = session.execute(query.distinct())
    for event_id, field in rows:
        if event_id is not None:
            names[event_id].add(SHOWN.get(field, field))
    return {k: sorted(v) for k, v in names.items()}


def reviewed_event_ids(session: Session) -> frozenset[int]:
    """Ids of the events that carry a review."""
    rows = session.scalars(select(ReviewRow.event_id).where(ReviewRow.event_id.is_not(None)))
    return frozenset(int(r) for r in rows if r is not None)


def audit_trail(
    session: Session, event_id: int | None = None, limit: int = 500
) -> list[dict[str, Any]]:
    """Review actions from the audit log (of one event, or everyone's), newest first."""
    query = select(AuditRow).where(AuditRow.action.like("review.%"))
    if event_id is not None:
        query = query.where(AuditRow.entity_id == event_id)
    rows = session.scalars(query.order_by(AuditRow.id.desc()).limit(limit))
    return [
        {"at": r.at, "action": r.action.removeprefix("review."), "event_id": r.entity_id,
         **{k: r.detail.get(k) for k in ("user", "field", "before", "after", "comment")}}
        for r in rows
    ]  # fmt: skip


def review_queue(session: Session, limit: int = 100) -> list[EventRow]:
    """Events not yet reviewed, largest and least certain first (detached rows)."""
    reviewed = reviewed_event_ids(session)
    query = (
        select(EventRow)
        .where(EventRow.kind != "claim")
        .order_by(
            EventRow.killed_best.is_(None),
            EventRow.killed_best.desc(),
            EventRow.n_reports.asc(),
            EventRow.id,
        )
    )
    out: list[EventRow] = []
    for row in session.scalars(query.execution_options(yield_per=500)):
        if row.id not in reviewed:
            out.append(row)
            if len(out) >= limit:
                break
    return out
