"""The fast tally and timeline (columns only, filters in SQL) against a plain
recomputation from the ORM rows: aggregates net of their counted parts elsewhere,
filters applied after netting."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from test_store_support import ARMY, IS, day, extraction, incident, killed, place, seed_extraction
from tollwatch.store import Store
from tollwatch.store.browse import EventFilter, timeline
from tollwatch.store.models import EventRow, IncidentPartRow, IncidentRow
from tollwatch.store.tally import GROUP_VALUES, period_of


def _fill(store: Store) -> None:
    # an aggregate of report A whose part is its own event through report B, dated
    # apart so that date filters keep the aggregate without the part and the reverse
    a = extraction(
        "A",
        [
            incident(
                "A#1", "aggregate", parts=["A#2"], killed=killed(40, 35, 44),
                date=day("2021-05-30", end="2021-06-02"),
                place=place(None, "country", country="SY"), perpetrator=IS,
            ),
            incident(
                "A#2", killed=killed(15), date=day("2021-06-01"), place=place("Palmyra"),
                perpetrator=IS,
            ),
        ],
        published="2021-06-02",
    )  # fmt: skip
    b = extraction(
        "B",
        [
            incident(
                "B#1", killed=killed(18, 16, 25), date=day("2021-06-01"),
                place=place("Palmyra"), perpetrator=IS,
            )
        ],
        published="2021-06-03",
    )  # fmt: skip
    c = extraction(
        "C",
        [
            incident(
                "C#1", killed=killed(2), date=day("2021-06-09"),
                place=place("Baghdad", country="IQ", admin1="Baghdad", lat=33.3, lon=44.4),
                perpetrator=ARMY, event_type="explosion_remote_violence",
            ),
            incident("C#2", killed=killed(None), date=day("2021-07-01"), place=place("Idlib")),
        ],
    )  # fmt: skip
    store.ingest([seed_extraction(), a, b, c])
    store.match()


def _reference(session: Session) -> list[tuple[EventRow, int | None, int | None, int | None]]:
    counted = {e.id: e for e in session.scalars(select(EventRow).where(EventRow.counted))}
    incidents = list(session.scalars(select(IncidentRow)))
    event_of = {i.id: i.event_id for i in incidents}
    parts = session.execute(select(IncidentPartRow.aggregate_id, IncidentPartRow.part_id)).all()
    out = []
    for event in counted.values():
        inside: set[int] = set()
        for agg in (i for i in incidents if i.kind == "aggregate" and i.event_id == event.id):
            todo, seen = [agg.id], set()
            while todo:
                node = todo.pop()
                for parent, child in parts:
                    if parent == node and child not in seen:
                        seen.add(child)
                        todo.append(child)
            inside |= {event_of[p] for p in seen if event_of[p] in counted} - {event.id}
        if event.killed_best is None:
            out.append((event, None, None, None))
            continue
        low, best, high = (
            event.killed_low if event.killed_low is not None else event.killed_best,
            event.killed_best,
            event.killed_high if event.killed_high is not None else event.killed_best,
        )
        for other in (counted[i] for i in inside if counted[i].killed_best is not None):
            best -= other.killed_best or 0
            low -= other.killed_low if other.killed_low is not None else other.killed_best or 0
            high -= other.killed_high if other.killed_high is not None else other.killed_best or 0
        best = max(best, 0)
        out.append((event, min(max(low, 0), best), best, max(high, best)))
    return out


def _keep(
    event: Any,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
) -> bool:
    if country and (event.country or "").upper() != country.upper():
        return False
    if since is not None and (event.date_start is None or event.date_start < since):
        return False
    return until is None or (event.date_start is not None and event.date_start <= until)


def _plain(event: EventRow) -> Any:
    """The columns the test reads, detached from the session."""
    return type("Event", (), {c: getattr(event, c) for c in (
        "id", "date_start", "country", "admin1", "perpetrator", "perpetrator_type",
        "victim_type", "event_type", "killed_best",
    )})  # fmt: skip


FILTERS = [
    pytest.param({}, id="all"),
    pytest.param({"since": date(2021, 5, 31)}, id="since-drops-the-aggregate"),
    pytest.param({"until": date(2021, 5, 31)}, id="until-drops-the-part"),
    pytest.param({"country": "sy"}, id="country"),
    pytest.param({"since": date(2021, 6, 5), "country": "IQ"}, id="since-and-country"),
]


@pytest.mark.parametrize("options", FILTERS)
def test_tally_matches_the_reference(store: Store, options: dict[str, Any]) -> None:
    _fill(store)
    with store.sessions() as session:
        reference = [(_plain(e), low, best, high) for e, low, best, high in _reference(session)]
    assert any(best is not None and best < (e.killed_best or 0) for e, _, best, _ in reference)
    for by in ("day", "week", "month"):
        for group in (None, *GROUP_VALUES):
            sums: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, None, None, None])
            for event, low, best, high in reference:
                if not _keep(event, **options):
                    continue
                value = getattr(event, group) if group else "all"
                row = sums[(period_of(event.date_start, by), str(value) if value else "unknown")]
                row[0] += 1
                if best is not None:
                    row[1:] = [(row[1] or 0) + (low or 0), (row[2] or 0) + best,
                               (row[3] or 0) + (high or 0)]  # fmt: skip
            expected = [(p, g, *vals) for (p, g), vals in sorted(sums.items())]
            got = store.tally(by=by, group=group, **options)
            assert [
                (r.period, r.group, r.events, r.killed_low, r.killed_best, r.killed_high)
                for r in got
            ] == expected, (by, group)


@pytest.mark.parametrize("options", FILTERS)
def test_timeline_matches_the_reference(store: Store, options: dict[str, Any]) -> None:
    _fill(store)
    with store.sessions() as session:
        reference = _reference(session)
        for group in ("country", "perpetrator_type", "event_type", "admin1", "victim_type"):
            sums: dict[tuple[str, str], int] = defaultdict(int)
            for event, _, best, _ in reference:
                if best and _keep(event, **options):
                    value = getattr(event, group)
                    key = (period_of(event.date_start, "week"), str(value) if value else "unknown")
                    sums[key] += best
            got = timeline(session, EventFilter(**options), by="week", group=group)
            assert got == [(p, g, k) for (p, g), k in sorted(sums.items())], group
