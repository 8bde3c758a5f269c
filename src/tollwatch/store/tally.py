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
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import StoreError
from .models import EventRow, IncidentPartRow, IncidentRow

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


def counted_events(session: Session) -> list[Counted]:
    """Every counted event with the toll it adds, aggregates net of counted parts."""
    events = {e.id: e for e in session.scalars(select(EventRow).where(EventRow.counted))}
    event_of = dict(session.execute(select(IncidentRow.id, IncidentRow.event_id)).all())
    aggregates = session.execute(
        select(IncidentRow.id, IncidentRow.event_id).where(IncidentRow.kind == "aggregate")
    ).all()
    children: dict[int, list[int]] = defaultdict(list)
    for agg_id, part_id in session.execute(
        select(IncidentPartRow.aggregate_id, IncidentPartRow.part_id)
    ):
        children[agg_id].append(part_id)
    overlap: dict[int, set[int]] = defaultdict(set)
    for agg_id, event_id in aggregates:
        if event_id in events:
            for part in _descendants(agg_id, children):
                part_event = event_of.get(part)
                if part_event in events and part_event != event_id:
                    overlap[event_id].add(part_event)
    return [
        _net(event, [events[i] for i in sorted(overlap.get(event.id, ()))])
        for event in events.values()
    ]


def _descendants(root: int, children: dict[int, list[int]]) -> set[int]:
    seen: set[int] = set()
    stack = list(children.get(root, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(children.get(node, ()))
    return seen


def _net(event: EventRow, inside: Sequence[EventRow]) -> Counted:
    if event.killed_best is None:
        return Counted(event, None, None, None)
    low = event.killed_low if event.killed_low is not None else event.killed_best
    high = event.killed_high if event.killed_high is not None else event.killed_best
    best = event.killed_best
    for part in inside:
        if part.killed_best is not None:
            low -= part.killed_low if part.killed_low is not None else part.killed_best
            best -= part.killed_best
            high -= part.killed_high if part.killed_high is not None else part.killed_best
    best = max(best, 0)
    return Counted(event, min(max(low, 0), best), best, max(high, best))


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
    """Killed (low/best/high) per period and group over counted events."""
    check_options(by, group)
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    with_figures: set[tuple[str, str]] = set()
    for item in counted_events(session):
        event = item.event
        if not _selected(event, since, until, country):
            continue
        key = (period_of(event.date_start, by), _group_value(event, group))
        row = sums[key]
        row[0] += 1
        if item.best is not None:
            with_figures.add(key)
            row[1] += item.low or 0
            row[2] += item.best
            row[3] += item.high or 0
    return [
        TallyRow(p, g, vals[0], *(v if key in with_figures else None for v in vals[1:]))
        for key, vals in sorted(sums.items())
        for p, g in [key]
    ]


def _selected(event: EventRow, since: date | None, until: date | None, country: str | None) -> bool:
    if country and (event.country or "").upper() != country.upper():
        return False
    if since is None and until is None:
        return True
    if event.date_start is None:
        return False
    return (since is None or event.date_start >= since) and (
        until is None or event.date_start <= until
    )


def _group_value(event: EventRow, group: str | None) -> str:
    if group is None:
        return "all"
    value = getattr(event, group)
    return str(value) if value else "unknown"
