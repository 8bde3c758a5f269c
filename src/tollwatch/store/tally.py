"""Tallies of killed per period and group, counting each death once.

Only counted events enter a tally: an event is counted when one of its
incidents is top-level in its report (neither a claim nor a part of an
aggregate), so aggregates are never added to their parts and claims never
count. When another report makes one of an aggregate's parts an event of its
own, the aggregate contributes only what its counted parts do not already
hold (its residual, never below zero). docs/tolls-per-event.md has the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import partial
from typing import Any, Literal, NamedTuple, Protocol

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from ..errors import StoreError
from .models import EventRow, IncidentPartRow, IncidentRow
from .review_models import ReviewRow

By = Literal["day", "week", "month"]
Group = Literal["country", "admin1", "perpetrator", "victim_type", "event_type"]
BY_VALUES: tuple[str, ...] = ("day", "week", "month")
GROUP_VALUES: tuple[str, ...] = ("country", "admin1", "perpetrator", "victim_type", "event_type")


@dataclass(frozen=True)
class Counted:
    """What one counted event adds to a tally (after subtracting counted parts)."""

    event: EventRow
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class TallyRow:
    """One line of a tally: a period, a group value, and the killed it holds."""

    period: str
    group: str
    events: int
    killed_low: int | None  # None: no event of the row has a figure (unknown, not 0)
    killed_best: int | None
    killed_high: int | None
    reviewed: int = 0  # events of the row that carry a reviewed value (any review)

    def as_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready dict (`killed_best` etc.)."""
        return asdict(self)


def period_of(day: date | None, by: str) -> str:
    """The period label of a date: 2019-04-11, 2019-W15 or 2019-04 ("unknown" without date).

    >>> period_of(date(2019, 4, 11), "week")
    '2019-W15'
    """
    if day is None:
        return "unknown"
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year:04d}-{day.month:02d}"


class EventToll(NamedTuple):
    """The columns of a counted event that a tally or a timeline reads (no ORM row)."""

    id: int
    date_start: date | None
    country: str | None
    admin1: str | None
    perpetrator: str | None
    perpetrator_type: str | None
    victim_type: str | None
    event_type: str
    killed_low: int | None
    killed_best: int | None
    killed_high: int | None


TOLL_COLUMNS = tuple(getattr(EventRow, name) for name in EventToll._fields)


class _Killed(Protocol):
    @property
    def killed_low(self) -> int | None: ...
    @property
    def killed_best(self) -> int | None: ...
    @property
    def killed_high(self) -> int | None: ...


def counted_events(session: Session) -> list[Counted]:
    """Every counted event with the toll it adds, aggregates net of counted parts."""
    events = {e.id: e for e in session.scalars(select(EventRow).where(EventRow.counted))}
    overlap, parts = _overlap(session, events)
    return [
        Counted(event, *_net(event, [parts[i] for i in overlap.get(event.id, ())]))
        for event in events.values()
    ]


Narrow = Callable[[Select[Any]], Select[Any]]
Sums = dict[tuple[date | None, Any], list[Any]]  # [events, low, best, high]


def net_sums(session: Session, narrow: Narrow | None = None, group: str | None = None) -> Sums:
    """Per (date_start, raw value of the `group` column) over the counted events that
    `narrow` keeps (a filter on a query over EventRow): [events, killed low, best, high],
    each death counted once as counted_events counts it (aggregates net of every counted
    part, selected or not); the sums are None where no event has a figure. The sums are
    made by the database; only events holding an aggregate are read one by one."""
    keys = [EventRow.date_start, *([getattr(EventRow, group)] if group else [])]
    low, best, high = _clamped()
    query = (
        select(*keys, func.count(), func.sum(low), func.sum(best), func.sum(high))
        .where(EventRow.counted)
        .group_by(*keys)
    )
    query = narrow(query) if narrow is not None else query
    sums: Sums = {}
    for found in session.execute(query):
        day, value = found[0], (found[1] if group else None)
        sums[(day, value)] = list(found[len(keys) :])
    holding = select(*TOLL_COLUMNS).where(
        EventRow.counted,
        EventRow.id.in_(select(IncidentRow.event_id).where(IncidentRow.kind == "aggregate")),
    )
    holding = narrow(holding) if narrow is not None else holding
    events = {row.id: EventToll._make(row) for row in session.execute(holding)}
    overlap, parts = _overlap(session, events)
    for event_id, inside in overlap.items():
        event = events[event_id]
        plain = _net(event, [])
        if plain[1] is None:
            continue
        row = sums[(event.date_start, getattr(event, group) if group else None)]
        net = _net(event, [parts[i] for i in inside])
        row[1:] = [total - old + new for total, old, new in zip(row[1:], plain, net, strict=True)]
    return sums


def _clamped() -> tuple[ColumnElement[Any], ColumnElement[Any], ColumnElement[Any]]:
    """_net of an event without parts, as SQL expressions (NULL without killed_best)."""
    best = case((EventRow.killed_best < 0, 0), else_=EventRow.killed_best)
    low = func.coalesce(EventRow.killed_low, EventRow.killed_best)
    high = func.coalesce(EventRow.killed_high, EventRow.killed_best)
    unknown = EventRow.killed_best.is_(None)
    return (
        case((unknown, None), (low < 0, 0), (low > best, best), else_=low),
        best,
        case((unknown, None), (high < best, best), else_=high),
    )


def _overlap(
    session: Session, events: Collection[int]
) -> tuple[dict[int, list[int]], dict[int, EventToll]]:
    """For each of `events` holding an aggregate: the other counted events that hold one
    of its parts (sorted ids), and those events' figures."""
    aggregates: list[tuple[int, int]] = [
        (agg_id, event_id)
        for agg_id, event_id in session.execute(
            select(IncidentRow.id, IncidentRow.event_id).where(IncidentRow.kind == "aggregate")
        )
        if event_id is not None and event_id in events
    ]
    if not aggregates:
        return {}, {}
    children: dict[int, list[int]] = defaultdict(list)
    for agg_id, part_id in session.execute(
        select(IncidentPartRow.aggregate_id, IncidentPartRow.part_id)
    ):
        children[agg_id].append(part_id)
    is_part = IncidentRow.id.in_(select(IncidentPartRow.part_id))
    event_of = dict(
        session.execute(select(IncidentRow.id, IncidentRow.event_id).where(is_part)).all()
    )
    part_events = select(IncidentRow.event_id).where(is_part, IncidentRow.event_id.is_not(None))
    counted_parts = {
        row.id: EventToll._make(row)
        for row in session.execute(
            select(*TOLL_COLUMNS).where(EventRow.counted, EventRow.id.in_(part_events))
        )
    }
    overlap: dict[int, set[int]] = defaultdict(set)
    for agg_id, event_id in aggregates:
        for part in _descendants(agg_id, children):
            part_event = event_of.get(part)
            if part_event is not None and part_event in counted_parts and part_event != event_id:
                overlap[event_id].add(part_event)
    return {k: sorted(v) for k, v in overlap.items()}, counted_parts


def _descendants(root: int, children: dict[int, list[int]]) -> set[int]:
    seen: set[int] = set()
    stack = list(children.get(root, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(children.get(node, ()))
    return seen


def _net(event: _Killed, inside: Sequence[_Killed]) -> tuple[int | None, int | None, int | None]:
    if event.killed_best is None:
        return None, None, None
    low = event.killed_low if event.killed_low is not None else event.killed_best
    high = event.killed_high if event.killed_high is not None else event.killed_best
    best = event.killed_best
    for part in inside:
        if part.killed_best is not None:
            low -= part.killed_low if part.killed_low is not None else part.killed_best
            best -= part.killed_best
            high -= part.killed_high if part.killed_high is not None else part.killed_best
    best = max(best, 0)
    return min(max(low, 0), best), best, max(high, best)


def check_options(by: str, group: str | None) -> None:
    """StoreError naming the allowed values when `by` or `group` is unknown."""
    if by not in BY_VALUES:
        raise StoreError(f"--by {by!r} is not a period; use one of {', '.join(BY_VALUES)}")
    if group is not None and group not in GROUP_VALUES:
        raise StoreError(
            f"--group {group!r} is not a grouping; use one of {', '.join(GROUP_VALUES)}"
        )


def tally(
    session: Session,
    *,
    by: str = "month",
    group: str | None = None,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
) -> list[TallyRow]:
    """Killed (low/best/high) per period and group over counted events, and how many
    of each row's events carry a reviewed value."""
    check_options(by, group)
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    with_figures: set[tuple[str, str]] = set()
    narrow = partial(_selected, since=since, until=until, country=country)
    for (day, value), (n, *figures) in net_sums(session, narrow, group).items():
        key = (period_of(day, by), _group_value(value, group))
        row = sums[key]
        row[0] += n
        if figures[1] is not None:
            with_figures.add(key)
            row[1:] = [total + figure for total, figure in zip(row[1:], figures, strict=True)]
    reviewed: dict[tuple[str, str], int] = defaultdict(int)
    for (day, value), n in reviewed_counts(session, narrow, group).items():
        reviewed[(period_of(day, by), _group_value(value, group))] += n
    return [
        TallyRow(p, g, vals[0], low, best, high, reviewed[key])
        for key, vals in sorted(sums.items())
        for p, g in [key]
        for low, best, high in [[v if key in with_figures else None for v in vals[1:]]]
    ]


def reviewed_counts(
    session: Session, narrow: Narrow | None = None, group: str | None = None
) -> dict[tuple[date | None, Any], int]:
    """Per (date_start, raw value of the `group` column): how many counted events that
    `narrow` keeps carry a review (one grouped count in the database)."""
    keys = [EventRow.date_start, *([getattr(EventRow, group)] if group else [])]
    query = (
        select(*keys, func.count())
        .where(EventRow.counted, EventRow.id.in_(select(ReviewRow.event_id)))
        .group_by(*keys)
    )
    query = narrow(query) if narrow is not None else query
    return {(row[0], row[1] if group else None): row[-1] for row in session.execute(query)}


def _selected(
    query: Select[Any], since: date | None, until: date | None, country: str | None
) -> Select[Any]:
    if country:
        query = query.where(func.upper(EventRow.country) == country.upper())
    if since is not None:
        query = query.where(EventRow.date_start >= since)
    if until is not None:
        query = query.where(EventRow.date_start <= until)
    return query


def _group_value(value: Any, group: str | None) -> str:
    if group is None:
        return "all"
    return str(value) if value else "unknown"
